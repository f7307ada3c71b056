"""Every user-facing label and message, in English and Bahasa Indonesia. JSON keys stay English.

The language comes from --lang, else SPBE_LANG, else LANG starting with "id", else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

LANGUAGES = ("en", "id")


class Message:
    """One user-facing text in every language; its id is the attribute name it is given in `M`."""

    __slots__ = ("id", "texts")

    def __init__(self, *, en: str, id: str) -> None:  # noqa: A002  ("id" is the language code)
        self.texts = {"en": en, "id": id}
        self.id = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.id = name

    def __repr__(self) -> str:
        return f"M.{self.id}"


class M:
    """Every message id. A typo is an AttributeError for mypy and at import, never a KeyError at run time."""

    # headings and labels
    index = Message(
        en="Index",
        id="Indeks",
    )
    predikat = Message(
        en="Predikat",
        id="Predikat",
    )
    domain = Message(
        en="Domain",
        id="Domain",
    )
    domains = Message(
        en="Domains",
        id="Domain",
    )
    aspect = Message(
        en="Aspect",
        id="Aspek",
    )
    aspects = Message(
        en="Aspects",
        id="Aspek",
    )
    indicator = Message(
        en="Indicator",
        id="Indikator",
    )
    indicators = Message(
        en="Indicators",
        id="Indikator",
    )
    name = Message(
        en="Name",
        id="Nama",
    )
    weight = Message(
        en="Weight",
        id="Bobot",
    )
    value = Message(
        en="Value",
        id="Nilai",
    )
    level = Message(
        en="Level",
        id="Tingkat",
    )
    target = Message(
        en="Target",
        id="Target",
    )
    institution = Message(
        en="Institution",
        id="Instansi",
    )
    year = Message(
        en="Year",
        id="Tahun",
    )
    framework = Message(
        en="Framework",
        id="Kerangka",
    )
    rank = Message(
        en="Rank",
        id="Peringkat",
    )
    old = Message(
        en="Old",
        id="Lama",
    )
    new = Message(
        en="New",
        id="Baru",
    )
    change = Message(
        en="Change",
        id="Perubahan",
    )
    effect = Message(
        en="Effect on index",
        id="Pengaruh pada indeks",
    )
    cost = Message(
        en="Cost",
        id="Biaya",
    )
    from_ = Message(
        en="From",
        id="Dari",
    )
    to = Message(
        en="To",
        id="Ke",
    )
    steps = Message(
        en="Steps",
        id="Langkah",
    )
    summary = Message(
        en="Summary",
        id="Ringkasan",
    )
    count = Message(
        en="Count",
        id="Jumlah",
    )
    mean = Message(
        en="Mean",
        id="Rata-rata",
    )
    median = Message(
        en="Median",
        id="Median",
    )
    min = Message(
        en="Min",
        id="Terendah",
    )
    max = Message(
        en="Max",
        id="Tertinggi",
    )
    service_n = Message(
        en="service {n}",
        id="layanan {n}",
    )

    # sentences
    score_heading = Message(
        en="{index_name} {year}: {institution}",
        id="{index_name} {year}: {institution}",
    )
    framework_line = Message(
        en="Framework: {title} ({id})",
        id="Kerangka: {title} ({id})",
    )
    result_line = Message(
        en="{index_name}: {index} ({predikat})",
        id="{index_name}: {index} ({predikat})",
    )
    diff_heading = Message(
        en="Change in {index_name}: {old_institution} {old_year} -> {new_institution} {new_year}",
        id="Perubahan {index_name}: {old_institution} {old_year} -> {new_institution} {new_year}",
    )
    diff_overall = Message(
        en="Index: {old} ({old_predikat}) -> {new} ({new_predikat}), change {delta}",
        id="Indeks: {old} ({old_predikat}) -> {new} ({new_predikat}), perubahan {delta}",
    )
    diff_predikat_up = Message(
        en="Predikat rose: {old} -> {new}",
        id="Predikat naik: {old} -> {new}",
    )
    diff_predikat_down = Message(
        en="Predikat fell: {old} -> {new}",
        id="Predikat turun: {old} -> {new}",
    )
    diff_predikat_same = Message(
        en="Predikat unchanged: {predikat}",
        id="Predikat tetap: {predikat}",
    )
    diff_cross_framework = Message(
        en="Different instruments: the two files use different frameworks ({old} and {new}), with their own indicators, weights and predikat bands. The two figures are not a change, and indicators cannot be compared one by one.",
        id="Instrumen berbeda: kedua berkas memakai kerangka berbeda ({old} dan {new}), masing-masing dengan indikator, bobot, dan rentang predikatnya sendiri. Kedua angka bukan perubahan, dan indikator tidak dapat dibandingkan satu per satu.",
    )
    diff_other_institution = Message(
        en="The files are of different institutions: {old} and {new}.",
        id="Kedua berkas milik instansi berbeda: {old} dan {new}.",
    )
    diff_no_change = Message(
        en="No indicator changed.",
        id="Tidak ada indikator yang berubah.",
    )
    diff_changed_indicators = Message(
        en="Indicators that changed (largest effect first)",
        id="Indikator yang berubah (pengaruh terbesar lebih dulu)",
    )
    plan_heading = Message(
        en="Plan for {institution} ({year}): reach {target}",
        id="Rencana untuk {institution} ({year}): mencapai {target}",
    )
    plan_current = Message(
        en="Current: {index} ({predikat})",
        id="Saat ini: {index} ({predikat})",
    )
    plan_reached = Message(
        en="With the plan: {index} ({predikat}), total cost {cost}",
        id="Dengan rencana: {index} ({predikat}), total biaya {cost}",
    )
    plan_nothing = Message(
        en="Already at or above the target: nothing to raise.",
        id="Sudah mencapai atau melampaui target: tidak ada yang perlu dinaikkan.",
    )
    rank_heading = Message(
        en="Ranking: {framework}",
        id="Peringkat: {framework}",
    )
    rank_group_heading = Message(
        en="Ranking: {framework}, {year}",
        id="Peringkat: {framework}, {year}",
    )
    rank_failed_files = Message(
        en="{count} file(s) could not be scored",
        id="{count} berkas tidak dapat dinilai",
    )
    rank_files = Message(
        en="{scored} of {total} files scored",
        id="{scored} dari {total} berkas dinilai",
    )

    # errors and gates
    err_gate_fail_under = Message(
        en="{path}: index {index} is below --fail-under {threshold}",
        id="{path}: indeks {index} di bawah --fail-under {threshold}",
    )
    err_gate_min_predikat = Message(
        en="{path}: predikat {predikat} is below --min-predikat {wanted}",
        id="{path}: predikat {predikat} di bawah --min-predikat {wanted}",
    )
    err_gate_drop = Message(
        en="index dropped: {old} -> {new}",
        id="indeks turun: {old} -> {new}",
    )
    err_gate_predikat_drop = Message(
        en="predikat fell: {old} -> {new}",
        id="predikat turun: {old} -> {new}",
    )
    err_unknown_predikat = Message(
        en="unknown predikat {name!r}; choose one of: {choices}",
        id="predikat {name!r} tidak dikenal; pilih salah satu: {choices}",
    )
    err_bad_number = Message(
        en="{value!r} is not a number",
        id="{value!r} bukan angka",
    )
    err_exists = Message(
        en="{path} exists; use --force to overwrite it",
        id="{path} sudah ada; pakai --force untuk menimpanya",
    )
    err_internal = Message(
        en="internal error: {error}. This is a bug in spbe; run again with --debug for details.",
        id="galat internal: {error}. Ini kesalahan di spbe; jalankan lagi dengan --debug untuk rinciannya.",
    )
    err_unreachable = Message(
        en="target {target} cannot be reached: the best reachable index is {best} ({predikat})",
        id="target {target} tidak dapat dicapai: indeks terbaik yang dapat dicapai {best} ({predikat})",
    )
    err_no_files = Message(
        en="no assessment files found in {paths} (looked for *.yaml and *.yml with a top-level framework: key)",
        id="tidak ada berkas penilaian yang ditemukan di {paths} (dicari *.yaml dan *.yml dengan kunci framework: di tingkat atas)",
    )
    err_target_range = Message(
        en="target {target} is outside the value range {low} to {high}",
        id="target {target} di luar rentang nilai {low} sampai {high}",
    )
    msg_valid = Message(
        en="{path}: valid ({framework}, {count} indicators)",
        id="{path}: valid ({framework}, {count} indikator)",
    )

    # reading files (spbe_cli.loading.yamlread, spbe_cli.loading.loader.read_bytes)
    file_too_large = Message(
        en="file is larger than {mb} MB",
        id="berkas lebih besar dari {mb} MB",
    )
    file_binary = Message(
        en="not a text file (it contains NUL bytes): save it as UTF-8 YAML",
        id="bukan berkas teks (berisi byte NUL): simpan sebagai YAML UTF-8",
    )
    file_not_utf8 = Message(
        en="not UTF-8 text (byte 0x{byte}): save the file as UTF-8",
        id="bukan teks UTF-8 (byte 0x{byte}): simpan berkas sebagai UTF-8",
    )
    file_empty = Message(
        en="file is empty",
        id="berkas kosong",
    )
    file_no_document = Message(
        en="file is empty (no YAML document)",
        id="berkas kosong (tidak ada dokumen YAML)",
    )
    file_is_folder = Message(
        en="is a folder, not a file",
        id="adalah folder, bukan berkas",
    )
    file_missing = Message(
        en="no such file",
        id="berkas tidak ada",
    )
    file_unreadable = Message(
        en="cannot read: {reason}",
        id="tidak dapat dibaca: {reason}",
    )
    yaml_tag = Message(
        en="tag {tag!r} is not allowed (only plain YAML data)",
        id="tag {tag!r} tidak diizinkan (hanya data YAML biasa)",
    )
    yaml_bad_scalar = Message(
        en="{value!r} is not a valid {kind}",
        id="{value!r} bukan {kind} yang sah",
    )
    yaml_duplicate_key = Message(
        en="duplicate key {key!r} (first defined at line {line})",
        id="kunci ganda {key!r} (pertama ditulis di baris {line})",
    )
    yaml_merge = Message(
        en="a merge key (<<) needs a mapping or a list of mappings",
        id="kunci gabung (<<) memerlukan pemetaan atau daftar pemetaan",
    )
    yaml_complex_key = Message(
        en="a mapping or list cannot be used as a key",
        id="pemetaan atau daftar tidak dapat dipakai sebagai kunci",
    )
    yaml_too_many_nodes = Message(
        en="document has more than {limit} nodes",
        id="dokumen memiliki lebih dari {limit} simpul",
    )
    yaml_too_deep = Message(
        en="nesting deeper than {limit} levels",
        id="bersarang lebih dalam dari {limit} tingkat",
    )
    yaml_undefined_alias = Message(
        en="alias *{anchor} refers to no anchor defined before it",
        id="alias *{anchor} tidak merujuk ke jangkar yang ditulis sebelumnya",
    )
    yaml_alias_bomb = Message(
        en="aliases expand to more than {limit} nodes",
        id="alias berkembang menjadi lebih dari {limit} simpul",
    )
    yaml_documents = Message(
        en="more than one YAML document (---): put one assessment per file",
        id="lebih dari satu dokumen YAML (---): tulis satu penilaian per berkas",
    )
    yaml_syntax = Message(
        en="YAML syntax error: {detail}",
        id="galat sintaks YAML: {detail}",
    )
    yaml_error = Message(
        en="YAML error: {detail}",
        id="galat YAML: {detail}",
    )

    # validating assessments (spbe_cli.loading.loader)
    val_not_mapping = Message(
        en="expected a mapping with keys {keys}, found {found}",
        id="seharusnya pemetaan dengan kunci {keys}, ditemukan {found}",
    )
    val_no_framework = Message(
        en="missing key 'framework' (one of: {known})",
        id="kunci 'framework' tidak ada (salah satu dari: {known})",
    )
    val_unknown_framework = Message(
        en="unknown framework {given}{hint} (known: {known})",
        id="kerangka {given} tidak dikenal{hint} (yang dikenal: {known})",
    )
    val_missing_indicator = Message(
        en="missing 1 indicator of {framework}: {ids}",
        id="1 indikator {framework} tidak ada: {ids}",
    )
    val_missing_indicators = Message(
        en="missing {count} indicators of {framework}: {ids}",
        id="{count} indikator {framework} tidak ada: {ids}",
    )
    val_unknown_key = Message(
        en="unknown key {key!r}{hint}",
        id="kunci {key!r} tidak dikenal{hint}",
    )
    val_unknown_indicator = Message(
        en="unknown indicator {key!r}{hint}",
        id="indikator {key!r} tidak dikenal{hint}",
    )
    val_indicator_range = Message(
        en=" ({framework} has indicators {first} to {last})",
        id=" ({framework} memiliki indikator {first} sampai {last})",
    )
    val_did_you_mean = Message(
        en="; did you mean {suggestion!r}?",
        id="; maksud Anda {suggestion!r}?",
    )
    val_missing_key = Message(
        en="missing key {key!r}",
        id="kunci {key!r} tidak ada",
    )
    val_missing_key_in = Message(
        en="{where}: missing key {key!r}",
        id="{where}: kunci {key!r} tidak ada",
    )
    val_year = Message(
        en="year must be a whole number from {low} to {high}, not {given}",
        id="year harus bilangan bulat dari {low} sampai {high}, bukan {given}",
    )
    val_institution = Message(
        en="institution must be a non-empty text, not {given}",
        id="institution harus teks yang tidak kosong, bukan {given}",
    )
    val_levels = Message(
        en="levels must be a mapping of indicator id to value, not {given}",
        id="levels harus pemetaan id indikator ke nilai, bukan {given}",
    )
    val_text = Message(
        en="{where} must be text, not {given}",
        id="{where} harus teks, bukan {given}",
    )
    val_no_list = Message(
        en="{where} takes one value, not a list (only indicators assessed per service take a list)",
        id="{where} hanya menerima satu nilai, bukan daftar (daftar hanya untuk indikator yang dinilai per layanan)",
    )
    val_services = Message(
        en="{where} needs from 1 to 50 values, one per service",
        id="{where} memerlukan 1 sampai 50 nilai, satu per layanan",
    )
    val_entry = Message(
        en="{where} must be a value or a mapping with keys {keys}",
        id="{where} harus berupa nilai atau pemetaan dengan kunci {keys}",
    )
    val_value = Message(
        en="{where} must be {expected}, not {given}",
        id="{where} harus {expected}, bukan {given}",
    )
    val_other = Message(
        en="{where}: {detail}",
        id="{where}: {detail}",
    )
    val_positive = Message(
        en="{where} must be a positive number, not {given}",
        id="{where} harus bilangan positif, bukan {given}",
    )
    val_costs_not_mapping = Message(
        en="expected a mapping with keys default, indicators, aspects and levels",
        id="seharusnya pemetaan dengan kunci default, indicators, aspects dan levels",
    )
    where_indicator = Message(
        en="indicator {id}{rest}",
        id="indikator {id}{rest}",
    )
    expect_whole = Message(
        en="a whole number from {low} to {high}",
        id="bilangan bulat dari {low} sampai {high}",
    )
    expect_decimal = Message(
        en="a number from {low} to {high} (decimals such as 2.25, or an exact fraction such as 7/6)",
        id="bilangan dari {low} sampai {high} (desimal seperti 2.25, atau pecahan tepat seperti 7/6)",
    )
    desc_null = Message(
        en="null (empty)",
        id="null (kosong)",
    )
    desc_text = Message(
        en="text {value!r}",
        id="teks {value!r}",
    )
    desc_list = Message(
        en="a list",
        id="sebuah daftar",
    )
    desc_mapping = Message(
        en="a mapping",
        id="sebuah pemetaan",
    )

    # frameworks files (spbe_cli.loading.catalog)
    fw_unreadable = Message(
        en="cannot read frameworks file: {reason}",
        id="berkas kerangka tidak dapat dibaca: {reason}",
    )
    fw_schema = Message(
        en="{where}: {detail}",
        id="{where}: {detail}",
    )
    fw_duplicate_framework = Message(
        en="framework id {id!r} appears twice",
        id="id kerangka {id!r} muncul dua kali",
    )
    fw_value_range = Message(
        en="values.min must be below values.max",
        id="values.min harus lebih kecil dari values.max",
    )
    fw_duplicate_aspect = Message(
        en="aspect number {number} appears twice",
        id="nomor aspek {number} muncul dua kali",
    )
    fw_undefined_scale = Message(
        en="aspect {number}: level scale {scale!r} is not defined in level_scales",
        id="aspek {number}: skala tingkat {scale!r} tidak didefinisikan di level_scales",
    )
    fw_duplicate_indicator = Message(
        en="indicator id {id!r} appears twice",
        id="id indikator {id!r} muncul dua kali",
    )
    fw_group_weight = Message(
        en="{kind} {number} declares weight {declared} but its indicators sum to {actual}",
        id="{kind} {number} menyatakan bobot {declared} tetapi jumlah bobot indikatornya {actual}",
    )
    fw_multiple_weights = Message(
        en="aspect {number}: an indicator with `multiple` shares its aspect's weight equally, so all indicators of that aspect need equal weights",
        id="aspek {number}: indikator dengan `multiple` membagi bobot aspeknya sama rata, jadi semua indikator aspek itu harus berbobot sama",
    )
    fw_duplicate_domain = Message(
        en="domain number {number} appears twice",
        id="nomor domain {number} muncul dua kali",
    )
    fw_total = Message(
        en="indicator weights total {total}, not 100",
        id="jumlah bobot indikator {total}, bukan 100",
    )
    fw_scale_levels = Message(
        en="level scale {name!r} names levels outside {low}..{high}: {levels}",
        id="skala tingkat {name!r} menamai tingkat di luar {low}..{high}: {levels}",
    )
    fw_band_order = Message(
        en="predikat bands must be listed from the highest to the lowest",
        id="rentang predikat harus diurutkan dari tertinggi ke terendah",
    )
    fw_band_distinct = Message(
        en="predikat bands need distinct names and distinct lower edges",
        id="rentang predikat memerlukan nama dan batas bawah yang berbeda",
    )
    fw_band_gap = Message(
        en="predikat bands leave values from {low} to {edge} uncovered",
        id="rentang predikat tidak mencakup nilai dari {low} sampai {edge}",
    )
    fw_band_high = Message(
        en="predikat band {name!r} starts above the maximum value {high}",
        id="rentang predikat {name!r} dimulai di atas nilai maksimum {high}",
    )
    fw_years = Message(
        en="years.last is before years.first",
        id="years.last sebelum years.first",
    )

    # command-line odds and ends
    err_cannot_write = Message(
        en="cannot write {path}: {reason}",
        id="tidak dapat menulis {path}: {reason}",
    )
    err_not_one_of = Message(
        en="{value!r} is not one of: {choices}",
        id="{value!r} bukan salah satu dari: {choices}",
    )
    err_aborted = Message(
        en="aborted",
        id="dibatalkan",
    )
    err_one_of_init = Message(
        en="give --framework ID, --from FILE, or both (to move a file to another framework)",
        id="berikan --framework ID, --from FILE, atau keduanya (untuk memindahkan berkas ke kerangka lain)",
    )
    err_unknown_framework = Message(
        en="unknown framework {id!r}; choose one of: {choices}",
        id="kerangka {id!r} tidak dikenal; pilih salah satu: {choices}",
    )
    err_empty = Message(
        en="must not be empty",
        id="tidak boleh kosong",
    )
    err_target_not_number = Message(
        en="{target!r} is neither a number nor a predikat of {framework}",
        id="{target!r} bukan angka dan bukan predikat {framework}",
    )
    summary_truncated = Message(
        en="(The report was cut here to stay under GitHub's 1 MiB step summary limit.)",
        id="(Laporan dipotong di sini agar tetap di bawah batas ringkasan langkah GitHub 1 MiB.)",
    )
    msg_outside_years = Message(
        en="{path}: note: {year} is outside the years of {framework} ({years})",
        id="{path}: catatan: {year} di luar tahun berlaku {framework} ({years})",
    )
    err_unknown_ids = Message(
        en="unknown indicator(s) of {framework}: {ids}",
        id="indikator tidak dikenal di {framework}: {ids}",
    )
    err_max_level = Message(
        en="--max-level must be from {low} to {high}",
        id="--max-level harus dari {low} sampai {high}",
    )

    # --- architecture: gates, completion, help
    # (new messages of this part go directly below)
    complete_table = Message(
        en="tables for the terminal",
        id="tabel untuk terminal",
    )
    complete_json = Message(
        en="JSON for programs",
        id="JSON untuk program",
    )
    complete_csv = Message(
        en="CSV for spreadsheets",
        id="CSV untuk lembar kerja",
    )
    complete_markdown = Message(
        en="Markdown for reports and pull requests",
        id="Markdown untuk laporan dan pull request",
    )
    complete_xlsx = Message(
        en="an Excel workbook (needs --output)",
        id="buku kerja Excel (perlu --output)",
    )
    complete_html = Message(
        en="a web page",
        id="halaman web",
    )
    complete_color_auto = Message(
        en="colour on a terminal only",
        id="berwarna hanya di terminal",
    )
    complete_color_always = Message(
        en="always colour",
        id="selalu berwarna",
    )
    complete_color_never = Message(
        en="never colour",
        id="tanpa warna",
    )
    complete_by_year = Message(
        en="one ranking per year",
        id="satu peringkat per tahun",
    )
    complete_by_pic = Message(
        en="one list per office",
        id="satu daftar per unit kerja",
    )

    # --- evaluation cycle: stages, evidence, offices, spbe check
    # (new messages of this part go directly below)
    stage_mandiri = Message(
        en="Self-assessment",
        id="Penilaian mandiri",
    )
    stage_dokumen = Message(
        en="Document review",
        id="Penilaian dokumen",
    )
    stage_interviu = Message(
        en="Interview",
        id="Penilaian interviu",
    )
    stage_visitasi = Message(
        en="Site visit",
        id="Penilaian visitasi",
    )
    stage_akhir = Message(
        en="Final",
        id="Hasil akhir",
    )
    gap = Message(
        en="Gap",
        id="Selisih",
    )
    offices = Message(
        en="Offices",
        id="OPD",
    )
    evidence_count = Message(
        en="Evidence",
        id="Bukti",
    )
    assessor_note = Message(
        en="Assessor's note",
        id="Catatan asesor",
    )
    err_stages_one_file = Message(
        en="give OLD and NEW, or one FILE with --stages OLD_STAGE NEW_STAGE",
        id="berikan OLD dan NEW, atau satu FILE dengan --stages TAHAP_LAMA TAHAP_BARU",
    )
    diff_stages_line = Message(
        en="Stages: {old} -> {new}",
        id="Tahap: {old} -> {new}",
    )
    diff_stages_differ = Message(
        en="Note: this compares {old} with {new}, two different stages.",
        id="Catatan: ini membandingkan {old} dengan {new}, dua tahap yang berbeda.",
    )
    diff_last_year_cut = Message(
        en="Last year the final result was {cut} below the self-assessment.",
        id="Tahun lalu hasil akhir {cut} di bawah penilaian mandiri.",
    )
    heading_with_stage = Message(
        en="{heading}, {stage}",
        id="{heading}, {stage}",
    )
    by_stage_line = Message(
        en="By stage: {items}",
        id="Per tahap: {items}",
    )
    msg_valid_unfilled = Message(
        en="{path}: valid ({framework}, {count} indicators, {unfilled} not filled yet)",
        id="{path}: valid ({framework}, {count} indikator, {unfilled} belum diisi)",
    )
    val_stage = Message(
        en="stage must be one of {stages}, not {given}",
        id="stage harus salah satu dari {stages}, bukan {given}",
    )
    val_level_and_stages = Message(
        en="{where} has both `level` and values per stage ({stages}): keep one",
        id="{where} memiliki `level` sekaligus nilai per tahap ({stages}): pertahankan salah satu",
    )
    val_no_value = Message(
        en="{where}: missing key 'level' (or a value per stage: {stages})",
        id="{where}: kunci 'level' tidak ada (atau nilai per tahap: {stages})",
    )
    val_stage_after = Message(
        en="{where} records stage {stage}, after the file's stage {declared}",
        id="{where} mencatat tahap {stage}, sesudah tahap berkas {declared}",
    )
    val_service_count = Message(
        en="{where}: {services} service(s) named but {values} value(s) given; name one service per value",
        id="{where}: {services} layanan disebut tetapi {values} nilai diberikan; sebut satu layanan per nilai",
    )
    val_evidence = Message(
        en="{where} must be a link or reference, or a list of them (each text or a mapping with {keys}), not {given}",
        id="{where} harus tautan atau rujukan, atau daftarnya (masing-masing teks atau pemetaan dengan {keys}), bukan {given}",
    )
    val_evidence_item = Message(
        en="{where} must be text (a link or reference) or a mapping with {keys}, not {given}",
        id="{where} harus teks (tautan atau rujukan) atau pemetaan dengan {keys}, bukan {given}",
    )
    val_evidence_status = Message(
        en="{where} must be one of {statuses}, not {given}",
        id="{where} harus salah satu dari {statuses}, bukan {given}",
    )
    val_evidence_code = Message(
        en="{where}: {given!r} is not a portal code like {example}",
        id="{where}: {given!r} bukan kode portal seperti {example}",
    )
    val_evidence_code_indicator = Message(
        en="{where}: code {code} belongs to another indicator than {id}",
        id="{where}: kode {code} milik indikator lain, bukan {id}",
    )
    val_evidence_code_level = Message(
        en="{where}: the level in code {code} must be from {low} to {high}",
        id="{where}: tingkat dalam kode {code} harus dari {low} sampai {high}",
    )
    val_not_filled = Message(
        en="{where} is not filled yet: give it a value",
        id="{where} belum diisi: beri nilai",
    )
    val_not_filled_at = Message(
        en="{where} is not filled yet at stage {stage}: give it a value",
        id="{where} belum diisi pada tahap {stage}: beri nilai",
    )
    val_no_stage_value = Message(
        en="{where} records no value up to stage {stage} (it records: {recorded})",
        id="{where} tidak mencatat nilai sampai tahap {stage} (yang dicatat: {recorded})",
    )

    chk_placeholder = Message(
        en="institution is still the template's placeholder {name!r}: write the institution's name",
        id="institution masih isian contoh templat {name!r}: tulis nama instansi",
    )
    chk_no_evidence = Message(
        en="{where} claims {value} with no evidence (bukti dukung)",
        id="{where} mengklaim {value} tanpa bukti dukung",
    )
    chk_no_note = Message(
        en="{where} claims {value} with no note (penjelasan)",
        id="{where} mengklaim {value} tanpa penjelasan (note)",
    )
    chk_no_pic = Message(
        en="{where} has no office (pic)",
        id="{where} belum punya OPD penanggung jawab (pic)",
    )
    chk_rejected = Message(
        en="{where} evidence[{n}] {item!r} was rejected (ditolak)",
        id="{where} evidence[{n}] {item!r} ditolak",
    )
    chk_revision = Message(
        en="{where} evidence[{n}] {item!r} needs revision (revisi)",
        id="{where} evidence[{n}] {item!r} perlu direvisi (revisi)",
    )
    chk_raised = Message(
        en="{where} rises from {old} ({old_stage}) to {new} ({stage}); assessors rarely raise a value",
        id="{where} naik dari {old} ({old_stage}) ke {new} ({stage}); asesor jarang menaikkan nilai",
    )
    chk_error = Message(
        en="error",
        id="kesalahan",
    )
    chk_warning = Message(
        en="warning",
        id="peringatan",
    )
    chk_ready = Message(
        en="{path}: ready, nothing found",
        id="{path}: siap, tidak ada temuan",
    )
    chk_summary = Message(
        en="{errors} error(s), {warnings} warning(s) in {files} file(s)",
        id="{errors} kesalahan, {warnings} peringatan dalam {files} berkas",
    )
    chk_title = Message(
        en="Readiness check",
        id="Pemeriksaan kesiapan",
    )
    chk_office = Message(
        en="{office}: {count} finding(s)",
        id="{office}: {count} temuan",
    )
    chk_no_office = Message(
        en="(no office)",
        id="(tanpa OPD)",
    )
    chk_location = Message(
        en="Location",
        id="Lokasi",
    )
    chk_severity = Message(
        en="Severity",
        id="Tingkat keparahan",
    )
    chk_finding = Message(
        en="Finding",
        id="Temuan",
    )

    tpl_title = Message(
        en="{title}: assessment file for spbe",
        id="{title}: berkas penilaian untuk spbe",
    )
    tpl_values_whole = Message(
        en="Values: whole numbers from {low} to {high}. Predikat: {bands}.",
        id="Nilai: bilangan bulat dari {low} sampai {high}. Predikat: {bands}.",
    )
    tpl_values_decimal = Message(
        en="Values: decimals from {low} to {high} (written with a point: 2.50). Predikat: {bands}.",
        id="Nilai: desimal dari {low} sampai {high} (ditulis dengan titik: 2.50). Predikat: {bands}.",
    )
    tpl_scale = Message(
        en="Levels ({name}): {levels}",
        id="Tingkat ({name}): {levels}",
    )
    tpl_empty_hint = Message(
        en="Every indicator is empty (not filled yet): write its value after the colon, e.g. `{example}`.",
        id="Setiap indikator masih kosong (belum diisi): tulis nilainya setelah titik dua, mis. `{example}`.",
    )
    tpl_from_hint = Message(
        en="Last year's final values, targets and offices: update each value as this year's work goes.",
        id="Nilai akhir, target dan OPD tahun lalu: perbarui setiap nilai sesuai pekerjaan tahun ini.",
    )
    tpl_entry_hint = Message(
        en="An indicator may also be written {example}.",
        id="Indikator juga dapat ditulis {example}.",
    )
    tpl_domain = Message(
        en="Domain {number}. {name} ({weight} %)",
        id="Domain {number}. {name} ({weight} %)",
    )
    tpl_aspect = Message(
        en="Aspect {number}. {name} ({weight} %)",
        id="Aspek {number}. {name} ({weight} %)",
    )
    tpl_indicator = Message(
        en="{name} (weight {weight} %; {low}-{high})",
        id="{name} (bobot {weight} %; {low}-{high})",
    )
    tpl_multiple = Message(
        en="one value per public service: [3, 2, 2]",
        id="satu nilai per layanan publik: [3, 2, 2]",
    )
    tpl_external_number = Message(
        en="from the {title}: its number, or pending",
        id="dari {title}: angkanya, atau pending",
    )
    tpl_external_pending = Message(
        en="from the {title}: pending, or the value as level",
        id="dari {title}: pending, atau nilainya sebagai level",
    )
    tpl_derived = Message(
        en="from {source}",
        id="dari {source}",
    )
    tpl_move_started = Message(
        en="Started from {path} ({framework}, {year}). No indicator is carried over:",
        id="Dimulai dari {path} ({framework}, {year}). Tidak ada indikator yang dibawa:",
    )
    tpl_move_no_concordance = Message(
        en="there is no official concordance between {old} and {new}.",
        id="tidak ada padanan resmi antara {old} dan {new}.",
    )
    tpl_move_offices = Message(
        en="Offices (PIC) named in {path}, to assign to the indicators below:",
        id="OPD (PIC) yang disebut di {path}, untuk dibagikan ke indikator di bawah:",
    )
    err_template_invalid = Message(
        en="the file written would not be valid (a bug in spbe; nothing was written)",
        id="berkas yang ditulis tidak akan valid (kesalahan di spbe; tidak ada yang ditulis)",
    )

    rank_mixed_stages = Message(
        en="note: this ranking mixes stages ({stages}); --stage ranks every file at one stage",
        id="catatan: peringkat ini mencampur tahap ({stages}); --stage memeringkat semua berkas pada satu tahap",
    )

    # --- Pemdi in depth: external indices, evidence items, spbe evidence, SPBE to Pemdi
    # (new messages of this part go directly below)
    val_external_both = Message(
        en="{where}: give either level or external, not both",
        id="{where}: isi level atau external, jangan keduanya",
    )
    val_external_none = Message(
        en="{where}: give level (the value) or external (the {index} number, or pending)",
        id="{where}: isi level (nilainya) atau external (angka {index}, atau pending)",
    )
    val_external_value = Message(
        en="{where} must be the {index} number from {low} to {high}, or pending; not {given}",
        id="{where} harus angka {index} dari {low} sampai {high}, atau pending; bukan {given}",
    )
    val_external_no_conversion = Message(
        en="{where}: no conversion from the {index} to a value is published; write external: pending (the value is then {pending}) or the value the assessors gave as level, not {given}",
        id="{where}: konversi dari {index} ke nilai belum dipublikasikan; tulis external: pending (nilainya {pending}) atau nilai dari asesor sebagai level, bukan {given}",
    )
    ext_section = Message(
        en="Values from other agencies' indices",
        id="Nilai dari indeks instansi lain",
    )
    ext_from = Message(
        en="from the {index} index {number}; {status}",
        id="dari Indeks {index} {number}; {status}",
    )
    ext_pending = Message(
        en="{index} index pending: {value} until it is published",
        id="Indeks {index} belum terbit: {value} sampai dipublikasikan",
    )
    ext_estimate = Message(
        en="estimated conversion",
        id="konversi perkiraan",
    )
    ext_confirmed = Message(
        en="confirmed conversion",
        id="konversi terkonfirmasi",
    )
    plan_external_locked = Message(
        en="Not raised: {ids} take their value from other agencies' indices (--unlock-external to include them).",
        id="Tidak dinaikkan: {ids} mengambil nilai dari indeks instansi lain (--unlock-external untuk menyertakannya).",
    )
    diff_cross_heading = Message(
        en="{old_index} {old_year} -> {new_index} {new_year}: {institution}",
        id="{old_index} {old_year} -> {new_index} {new_year}: {institution}",
    )
    diff_cross_side = Message(
        en="{index_name} {year}: {index} {predikat}, {share} % of the way to {next}",
        id="{index_name} {year}: {index} {predikat}, {share} % menuju {next}",
    )
    diff_cross_side_top = Message(
        en="{index_name} {year}: {index} {predikat} (the top band)",
        id="{index_name} {year}: {index} {predikat} (rentang tertinggi)",
    )
    diff_cross_no_names = Message(
        en="No domain or aspect has the same name in both frameworks: nothing is compared below the index.",
        id="Tidak ada domain atau aspek yang bernama sama di kedua kerangka: tidak ada yang dibandingkan di bawah tingkat indeks.",
    )
    diff_cross_names = Message(
        en="Domains and aspects with the same name in both frameworks are shown below; their contents and weights differ.",
        id="Domain dan aspek yang bernama sama di kedua kerangka ditampilkan di bawah; isi dan bobotnya berbeda.",
    )
    diff_gate_not_comparable = Message(
        en="{gate} not applied: {old} and {new} are different instruments, so a lower figure is not a drop",
        id="{gate} tidak diterapkan: {old} dan {new} adalah instrumen berbeda, sehingga angka yang lebih rendah bukan penurunan",
    )
    fw_conversion_band = Message(
        en="conversion bands must follow each other without gaps, rise, and give values from {low} to {high}",
        id="rentang konversi harus bersambung tanpa celah, naik, dan memberi nilai dari {low} sampai {high}",
    )
    fw_conversion_scale = Message(
        en="the conversion bands must cover the whole scale of the source index",
        id="rentang konversi harus mencakup seluruh skala indeks sumber",
    )
    fw_conversion_example = Message(
        en="the worked example for {source} is not reproduced by the conversion bands",
        id="contoh perhitungan untuk {source} tidak dihasilkan oleh rentang konversi",
    )
    ext_source_column = Message(
        en="Source of value",
        id="Asal nilai",
    )
    ext_pending_word = Message(
        en="pending",
        id="belum terbit",
    )
    ext_until_published = Message(
        en="{value} until it is published",
        id="{value} sampai dipublikasikan",
    )
    diff_ext_both = Message(
        en="{index} index {old} -> {new}; {status}",
        id="Indeks {index} {old} -> {new}; {status}",
    )
    diff_ext_before = Message(
        en="before: {note}",
        id="sebelumnya: {note}",
    )
    ev_heading = Message(
        en="Evidence: {institution}, {index_name} {year}",
        id="Bukti dukung: {institution}, {index_name} {year}",
    )
    ev_queue = Message(
        en="Work queue: what blocks each next level, largest index effect first",
        id="Antrean kerja: penghambat tiap tingkat berikutnya, pengaruh terbesar pada indeks dahulu",
    )
    ev_queue_empty = Message(
        en="No open level: no indicator has a coded item still to be accepted or a level above to reach.",
        id="Tidak ada tingkat terbuka: tidak ada indikator dengan butir berkode yang belum diterima atau tingkat di atasnya.",
    )
    ev_items = Message(
        en="Items per indicator and level",
        id="Butir per indikator dan tingkat",
    )
    ev_secured = Message(
        en="Secured",
        id="Terpenuhi",
    )
    ev_next = Message(
        en="Next level",
        id="Tingkat berikutnya",
    )
    ev_to_finish = Message(
        en="Items to finish",
        id="Butir yang harus diselesaikan",
    )
    ev_code = Message(
        en="Code",
        id="Kode",
    )
    ev_link = Message(
        en="Link",
        id="Tautan",
    )
    ev_sheet_queue = Message(
        en="Work queue",
        id="Antrean kerja",
    )
    ev_sheet_items = Message(
        en="Items",
        id="Butir",
    )
    ev_item = Message(
        en="Item",
        id="Butir",
    )
    ev_status = Message(
        en="Status",
        id="Status",
    )
    ev_note = Message(
        en="Note",
        id="Catatan",
    )
    ev_none_recorded = Message(
        en="no item recorded for level {level} yet",
        id="belum ada butir tercatat untuk tingkat {level}",
    )
    ev_no_code = Message(
        en="no level code",
        id="tanpa kode tingkat",
    )
    ev_accepted = Message(
        en="{accepted} of {total} accepted",
        id="{accepted} dari {total} diterima",
    )
    ev_effect_meaning = Message(
        en="Effect on index: the exact change of the index if the value reached the next level (0 if it is there already).",
        id="Pengaruh pada indeks: perubahan indeks yang tepat bila nilai mencapai tingkat berikutnya (0 bila sudah di sana).",
    )
    ev_effect_unfilled = Message(
        en="value not filled",
        id="nilai belum diisi",
    )
    ev_effect_external = Message(
        en="set by the {index} index",
        id="ditentukan Indeks {index}",
    )
    ev_rule_unpublished = Message(
        en="Values are the assessors'. The official rule turning item statuses into a value is not published, so spbe derives none.",
        id="Nilai berasal dari asesor. Aturan resmi yang mengubah status butir menjadi nilai belum dipublikasikan, sehingga spbe tidak menurunkannya.",
    )
    ev_no_level_codes = Message(
        en="No item carries a level code (I<n>-L<level>-<nn>): the items are listed per indicator, but no level secured and no work queue can be derived.",
        id="Tidak ada butir yang berkode tingkat (I<n>-L<tingkat>-<nn>): butir dicantumkan per indikator, tetapi tingkat terpenuhi dan antrean kerja tidak dapat diturunkan.",
    )
    ev_uncoded = Message(
        en="{count} item(s) without a level code are listed under their indicator and count toward no level.",
        id="{count} butir tanpa kode tingkat dicantumkan di bawah indikatornya dan tidak dihitung untuk tingkat mana pun.",
    )
    ev_without_items = Message(
        en="No evidence item recorded: {ids}",
        id="Belum ada butir bukti dukung: {ids}",
    )
    ev_no_items = Message(
        en="The file records no evidence items.",
        id="Berkas ini tidak mencatat butir bukti dukung.",
    )

    # --- spreadsheets: XLSX and CSV in and out, import, export
    # (new messages of this part go directly below)
    err_import_not_kept = Message(
        en="{path}: the merge could not be written while keeping the file as it is ({reason}); nothing was "
        "written. Please report this with the file",
        id="{path}: hasil penggabungan tidak dapat ditulis dengan menjaga isi berkas ({reason}); tidak ada yang "
        "ditulis. Mohon laporkan beserta berkasnya",
    )
    sheet_not_xlsx = Message(
        en="not an XLSX workbook (or a damaged one): save it from Excel as Excel Workbook (*.xlsx)",
        id="bukan buku kerja XLSX (atau rusak): simpan dari Excel sebagai Excel Workbook (*.xlsx)",
    )
    sheet_old_xls = Message(
        en="an old Excel 97-2003 workbook (.xls): open it in Excel and save it as Excel Workbook (*.xlsx)",
        id="buku kerja Excel 97-2003 lama (.xls): buka di Excel lalu simpan sebagai Excel Workbook (*.xlsx)",
    )
    sheet_macro = Message(
        en="a workbook with macros (.xlsm) is refused: save it as Excel Workbook (*.xlsx), without macros",
        id="buku kerja bermakro (.xlsm) ditolak: simpan sebagai Excel Workbook (*.xlsx), tanpa makro",
    )
    sheet_too_large = Message(
        en="the workbook unpacks to more than {mb} MB and is refused (this protects the computer's memory)",
        id="buku kerja ini membesar lebih dari {mb} MB saat dibuka dan ditolak (demi melindungi memori komputer)",
    )
    sheet_too_many_cells = Message(
        en="the workbook has more than {limit} cells and is refused",
        id="buku kerja ini memiliki lebih dari {limit} sel dan ditolak",
    )
    sheet_unsafe_xml = Message(
        en="the workbook contains unsafe XML (entity declarations) and is refused",
        id="buku kerja ini berisi XML yang tidak aman (deklarasi entitas) dan ditolak",
    )
    sheet_formula_cached = Message(
        en="warning: a formula ({formula}); its saved value {value} is used (spbe never calculates formulas)",
        id="peringatan: sebuah rumus ({formula}); nilai tersimpannya {value} dipakai (spbe tidak pernah menghitung rumus)",
    )
    sheet_formula_uncached = Message(
        en="a formula ({formula}) with no saved value: type the value itself (spbe never calculates formulas)",
        id="sebuah rumus ({formula}) tanpa nilai tersimpan: ketik nilainya langsung (spbe tidak pernah menghitung rumus)",
    )
    csv_is_workbook = Message(
        en="this is an XLSX workbook, not CSV text: name it .xlsx",
        id="ini buku kerja XLSX, bukan teks CSV: beri nama berakhiran .xlsx",
    )
    csv_not_utf8 = Message(
        en='not UTF-8 text (byte 0x{byte} on line {line}): in Excel choose Save As, "CSV UTF-8 (Comma delimited) (*.csv)"; or give the file\'s encoding with --encoding (e.g. --encoding cp1252)',
        id='bukan teks UTF-8 (byte 0x{byte} di baris {line}): di Excel pilih Save As, "CSV UTF-8 (Comma delimited) (*.csv)"; atau sebutkan pengodean berkas dengan --encoding (mis. --encoding cp1252)',
    )
    csv_unknown_encoding = Message(
        en="unknown encoding {encoding!r} (e.g. utf-8, cp1252, latin-1)",
        id="pengodean {encoding!r} tidak dikenal (mis. utf-8, cp1252, latin-1)",
    )
    csv_not_in_encoding = Message(
        en="not {encoding} text (byte 0x{byte})",
        id="bukan teks {encoding} (byte 0x{byte})",
    )
    err_xlsx_needs_output = Message(
        en="--format xlsx writes a workbook: give --output FILE.xlsx",
        id="--format xlsx menulis buku kerja: berikan --output BERKAS.xlsx",
    )
    # English names the column alone (the location already says the row): `{row:.0}` prints nothing.
    sheet_where = Message(
        en="{column}{row:.0}",
        id="baris {row}, kolom {column}",
    )
    sheet_no_penilaian = Message(
        en="no sheet named Penilaian (sheets: {sheets})",
        id="tidak ada sheet bernama Penilaian (sheet yang ada: {sheets})",
    )
    sheet_no_kode = Message(
        en="no column kode: the header row must name the column of indicator codes",
        id="tidak ada kolom kode: baris judul harus memuat kolom kode indikator",
    )
    sheet_no_value_column = Message(
        en="no value column: name one of {columns}",
        id="tidak ada kolom nilai: tulis salah satu dari {columns}",
    )
    sheet_no_column = Message(
        en="no column {column}",
        id="tidak ada kolom {column}",
    )
    sheet_duplicate_column = Message(
        en="column {column} appears twice (first at {first})",
        id="kolom {column} muncul dua kali (pertama di {first})",
    )
    sheet_unknown_column = Message(
        en="warning: column {column!r} is not used",
        id="peringatan: kolom {column!r} tidak dipakai",
    )
    sheet_unknown_field = Message(
        en="warning: field {field!r} is not used (fields: framework, institution, year, stage, format)",
        id="peringatan: isian {field!r} tidak dipakai (isian: framework, institution, year, stage, format)",
    )
    sheet_newer_format = Message(
        en="the workbook is of format {version}, newer than this spbe reads: update spbe",
        id="buku kerja berformat {version}, lebih baru dari yang dapat dibaca spbe ini: perbarui spbe",
    )
    sheet_info_differs = Message(
        en="{field} differs from the one at {first}: a sheet holds one assessment",
        id="{field} berbeda dari yang ada di {first}: satu sheet memuat satu penilaian",
    )
    sheet_option_differs = Message(
        en="{field} differs from {option} {given}",
        id="{field} berbeda dari {option} {given}",
    )
    sheet_no_kode_in_row = Message(
        en="the row has values but no kode",
        id="baris ini berisi nilai tetapi tanpa kode",
    )
    sheet_duplicate_row = Message(
        en="indicator {id} appears again (first at {first}); only an indicator assessed per service takes several rows",
        id="indikator {id} muncul lagi (pertama di {first}); hanya indikator yang dinilai per layanan boleh beberapa baris",
    )
    sheet_rows_differ = Message(
        en="{column} differs from {first}: write it once, on the indicator's first row",
        id="{column} berbeda dari {first}: tulis sekali saja, di baris pertama indikator",
    )
    sheet_evidence_unknown = Message(
        en="indicator {id} is not in the Penilaian sheet",
        id="indikator {id} tidak ada di sheet Penilaian",
    )
    sheet_reference_differs = Message(
        en="warning: {column} {given!r} of indicator {id} differs from {framework}: {wanted!r} (the framework's is used)",
        id="peringatan: {column} {given!r} untuk indikator {id} berbeda dengan {framework}: {wanted!r} (yang dipakai milik kerangka)",
    )
    err_sheet_output = Message(
        en="{path!r}: name the file .xlsx (a workbook) or .csv",
        id="{path!r}: beri nama berkas berakhiran .xlsx (buku kerja) atau .csv",
    )
    err_unknown_office = Message(
        en="no indicator has office {office!r} (offices: {offices})",
        id="tidak ada indikator dengan OPD {office!r} (OPD yang ada: {offices})",
    )
    err_one_of_import = Message(
        en="give exactly one of --output FILE (a new file) or --into FILE (fill an existing one)",
        id="berikan tepat satu dari --output BERKAS (berkas baru) atau --into BERKAS (mengisi berkas yang ada)",
    )
    err_not_a_sheet = Message(
        en="{path}: not a spreadsheet (import reads .xlsx and .csv sheets)",
        id="{path}: bukan lembar kerja (import membaca sheet .xlsx dan .csv)",
    )
    err_sheet_differs = Message(
        en="{field} is {given!r} here but {expected!r} in {where}: these do not belong together",
        id="{field} di sini {given!r} tetapi {expected!r} di {where}: keduanya bukan satu penilaian",
    )
    err_merge_conflict = Message(
        en="indicator {id} {field} differs from {first}: settle it in one sheet; nothing was written",
        id="indikator {id} {field} berbeda dengan {first}: putuskan di salah satu sheet; tidak ada yang ditulis",
    )
    msg_imported = Message(
        en="{path}: {count} value(s) from {sheets} sheet(s) written",
        id="{path}: {count} isian dari {sheets} sheet ditulis",
    )
    err_pic_needs_sheet = Message(
        en="--pic writes one office's sheet: give -o NAME.xlsx (or NAME.csv)",
        id="--pic menulis sheet satu OPD: berikan -o NAMA.xlsx (atau NAMA.csv)",
    )
    sheet_source = Message(
        en="File",
        id="Berkas",
    )
    sheet_groups = Message(
        en="Domains and aspects",
        id="Domain dan aspek",
    )
    sheet_current = Message(
        en="Current",
        id="Saat ini",
    )
    sheet_with_plan = Message(
        en="With the plan",
        id="Dengan rencana",
    )
    sheet_service = Message(
        en="Service",
        id="Layanan",
    )
    csv_broken = Message(
        en="broken CSV: {reason}",
        id="CSV rusak: {reason}",
    )

    # --- report: spbe report, HTML, PDF
    # (new messages of this part go directly below)
    report_stage = Message(
        en="Stage",
        id="Tahap",
    )
    report_self_vs_final = Message(
        en="Self-assessment {self_index} ({self_predikat}) against {stage} {index} ({predikat}): {delta}",
        id="Penilaian mandiri {self_index} ({self_predikat}) dibandingkan {stage} {index} ({predikat}): {delta}",
    )
    report_out_of_reach = Message(
        en="{predikat} is out of reach by the institution's own indicators: raising every one of them to the top gives {index} ({best_predikat}); the rest is set by other agencies' indices.",
        id="{predikat} tidak terjangkau oleh indikator instansi sendiri: menaikkan semuanya ke tingkat tertinggi menghasilkan {index} ({best_predikat}); sisanya ditentukan oleh indeks instansi lain.",
    )
    report_recorded_recommendations = Message(
        en="Recommendations recorded in the file",
        id="Rekomendasi yang tercatat dalam berkas",
    )
    report_assessor_note = Message(
        en="Assessor's note",
        id="Catatan asesor",
    )
    report_title = Message(
        en="{index_name} Evaluation Report",
        id="Laporan Hasil Evaluasi {index_name}",
    )
    report_simulation = Message(
        en="Simulation computed from the institution's own assessment file; not an official KemenPANRB result.",
        id="Simulasi yang dihitung dari berkas penilaian instansi sendiri; bukan hasil resmi KemenPANRB.",
    )
    report_identity = Message(
        en="Identity",
        id="Identitas",
    )
    report_evaluation_year = Message(
        en="Evaluation year",
        id="Tahun evaluasi",
    )
    report_regulation = Message(
        en="Regulation",
        id="Dasar hukum",
    )
    report_guideline = Message(
        en="Guideline",
        id="Pedoman",
    )
    report_date = Message(
        en="Date",
        id="Tanggal",
    )
    report_values_heading = Message(
        en="{index_name}, domain and aspect values",
        id="Nilai {index_name}, Domain, dan Aspek",
    )
    report_values_heading_aspects = Message(
        en="{index_name} and aspect values",
        id="Nilai {index_name} dan Aspek",
    )
    report_radar_heading = Message(
        en="Aspect radar",
        id="Grafik Radar Aspek",
    )
    report_radar_desc = Message(
        en="Radar of the {count} aspect indices on a scale of {low} to {high}; the dashed green ring marks the target {target}.",
        id="Radar {count} indeks aspek pada skala {low} sampai {high}; garis hijau putus-putus menandai target {target}.",
    )
    report_chart_data = Message(
        en="Chart data",
        id="Data grafik",
    )
    report_findings_heading = Message(
        en="Strengths and weaknesses per aspect",
        id="Kekuatan dan Kelemahan per Aspek",
    )
    report_strengths = Message(
        en="Strengths (levels {levels})",
        id="Kekuatan (tingkat {levels})",
    )
    report_weaknesses = Message(
        en="Weaknesses (levels {levels})",
        id="Kelemahan (tingkat {levels})",
    )
    report_none = Message(
        en="none",
        id="tidak ada",
    )
    report_recommendations = Message(
        en="Recommendations",
        id="Rekomendasi",
    )
    report_fastest = Message(
        en="Fastest steps to {predikat}",
        id="Langkah tercepat menuju {predikat}",
    )
    report_fastest_intro = Message(
        en="The fewest level raises that take the index from {index} to at least {target} ({predikat}), the most effective first:",
        id="Kenaikan tingkat paling sedikit yang membawa indeks dari {index} ke sekurang-kurangnya {target} ({predikat}), dimulai dari yang paling berpengaruh:",
    )
    report_fastest_result = Message(
        en="With these {steps} steps the index becomes {index} ({predikat}).",
        id="Dengan {steps} langkah ini indeks menjadi {index} ({predikat}).",
    )
    report_top_band = Message(
        en="The index is already in the highest predikat, {predikat}.",
        id="Indeks sudah berada pada predikat tertinggi, {predikat}.",
    )
    report_below_target = Message(
        en="{count} of {total} indicators are below their target; the table in section {section} marks them.",
        id="{count} dari {total} indikator berada di bawah targetnya; tabel pada bagian {section} menandainya.",
    )
    report_offices = Message(
        en="Offices",
        id="OPD",
    )
    report_evidence = Message(
        en="Evidence",
        id="Bukti dukung",
    )
    report_gap = Message(
        en="Gap",
        id="Kesenjangan",
    )
    report_note = Message(
        en="Note",
        id="Catatan",
    )
    report_indicator_heading = Message(
        en="Maturity level of every indicator",
        id="Perolehan Nilai Tingkat Kematangan Indikator",
    )
    report_indicator_note = Message(
        en="Target: the file's own target where it gives one, else the official minimum {target}. Gap: how far the value is below the target. Evidence: the number of items recorded.",
        id="Target: target dalam berkas bila ada, selain itu target minimal {target} sesuai laporan resmi. Kesenjangan: selisih nilai di bawah target. Bukti dukung: jumlah butir yang tercatat.",
    )
    report_trend_heading = Message(
        en="{index_name} across the years",
        id="Perkembangan {index_name}",
    )
    report_trend_desc = Message(
        en="The index (bold) and the aspect indices in {years}, over the predikat bands.",
        id="Indeks (tebal) dan indeks aspek pada {years}, di atas rentang predikat.",
    )
    report_drivers = Message(
        en="What changed from {old_year} to {new_year}",
        id="Penggerak perubahan {old_year} ke {new_year}",
    )
    report_drivers_none = Message(
        en="No indicator changed.",
        id="Tidak ada indikator yang berubah.",
    )
    report_appendix = Message(
        en="Appendix: method and inputs",
        id="Lampiran: Metode dan Berkas Masukan",
    )
    report_method = Message(
        en="Every aspect index, domain index and the overall index is the weighted mean of the indicator values below it, sum(value x weight) / sum(weight), computed exactly from the indicator values and never from rounded figures.",
        id="Setiap indeks aspek, indeks domain, dan indeks keseluruhan adalah rata-rata tertimbang nilai indikator di bawahnya, jumlah(nilai x bobot) / jumlah(bobot), dihitung secara eksak dari nilai indikator dan tidak pernah dari angka yang sudah dibulatkan.",
    )
    report_rounding = Message(
        en="Figures are shown with 2 decimals, rounded half-up ({example} becomes {rounded}); the predikat is decided on the figure as shown.",
        id="Angka ditampilkan dengan 2 desimal, dibulatkan setengah ke atas ({example} menjadi {rounded}); predikat ditentukan dari angka yang ditampilkan.",
    )
    report_bands = Message(
        en="Predikat bands",
        id="Rentang predikat",
    )
    report_band_range = Message(
        en="from {low} to below {high}",
        id="dari {low} sampai di bawah {high}",
    )
    report_band_top = Message(
        en="from {low} to {high}",
        id="dari {low} sampai {high}",
    )
    report_weights = Message(
        en="Weights of the domains and aspects (percent of the index)",
        id="Bobot domain dan aspek (persen dari indeks)",
    )
    report_weights_aspects = Message(
        en="Weights of the aspects (percent of the index)",
        id="Bobot aspek (persen dari indeks)",
    )
    report_inputs = Message(
        en="Input files",
        id="Berkas masukan",
    )
    report_file = Message(
        en="File",
        id="Berkas",
    )
    report_tool = Message(
        en="Produced by spbe {version} from the files above; the same files give the same page.",
        id="Dibuat dengan spbe {version} dari berkas di atas; berkas yang sama menghasilkan halaman yang sama.",
    )
    rank_page_title = Message(
        en="Ranking of {count} institutions",
        id="Peringkat {count} instansi",
    )
    rank_chart_desc = Message(
        en="Horizontal bars of the {count} indices in rank order, over the predikat bands.",
        id="Batang mendatar {count} indeks menurut peringkat, di atas rentang predikat.",
    )
    rank_per_predikat = Message(
        en="Institutions per predikat",
        id="Jumlah instansi per predikat",
    )
    rank_columns_legend = Message(
        en="Columns",
        id="Keterangan kolom",
    )
    err_no_browser = Message(
        en="no Chromium-family browser found to print the PDF; install Chromium (Debian or Ubuntu: sudo apt-get install chromium), Google Chrome or Microsoft Edge, or name its program with --browser PATH",
        id="tidak ditemukan peramban keluarga Chromium untuk mencetak PDF; pasang Chromium (Debian atau Ubuntu: sudo apt-get install chromium), Google Chrome atau Microsoft Edge, atau sebutkan programnya dengan --browser PATH",
    )
    err_browser_missing = Message(
        en="--browser {path}: no such program",
        id="--browser {path}: program tidak ditemukan",
    )
    err_pdf_failed = Message(
        en="the browser could not print {path}: {reason}",
        id="peramban gagal mencetak {path}: {reason}",
    )
    err_bad_date = Message(
        en="{value!r} is not a date (YYYY-MM-DD)",
        id="{value!r} bukan tanggal (YYYY-MM-DD)",
    )

    # --- fit and finish: reading hints, output agreement, planning options
    # (new messages of this part go directly below)
    val_entry_key_at_top = Message(
        en="{key!r} belongs to each indicator, not to the whole file: write it under levels, e.g. `12: {{level: 2, {key}: 3}}`",
        id="{key!r} ditulis per indikator, bukan untuk seluruh berkas: tulis di bawah levels, mis. `12: {{level: 2, {key}: 3}}`",
    )
    msg_skipped_other_yaml = Message(
        en="note: skipped {count} YAML file(s) in folders without a top-level framework: key (not assessments)",
        id="catatan: {count} berkas YAML di dalam folder dilewati karena tidak memiliki kunci framework: di tingkat atas (bukan berkas penilaian)",
    )
    rank_repeated = Message(
        en="warning: {framework}: {names} ranked more than once in one ranking (use --by year to rank each year apart)",
        id="peringatan: {framework}: {names} muncul lebih dari sekali dalam satu peringkat (gunakan --by year untuk memeringkat per tahun)",
    )
    rank_mixed_years = Message(
        en="note: the {framework} ranking mixes years ({years}); --by year ranks each year apart",
        id="catatan: peringkat {framework} mencampur tahun ({years}); --by year memeringkat per tahun",
    )
    yaml_decimal_comma = Message(
        en="{written} is read as two items because of the comma; write {fixed} (a decimal point)",
        id="{written} dibaca sebagai dua butir karena koma; tulis {fixed} (dengan titik desimal)",
    )
    val_decimal_comma = Message(
        en="{where} is written with a decimal comma ({written}); write {fixed} (a decimal point)",
        id="{where} ditulis dengan koma desimal ({written}); tulis {fixed} (dengan titik desimal)",
    )
    yaml_tab = Message(
        en="a tab character: YAML indents with spaces only; replace the tab with spaces",
        id="ada karakter tab: YAML hanya memakai spasi untuk indentasi; ganti tab dengan spasi",
    )
    yaml_unclosed_quote = Message(
        en="a quote opened here is never closed: end the text with the same quote (\" or ')",
        id="tanda kutip yang dibuka di sini tidak pernah ditutup: akhiri teks dengan tanda kutip yang sama (\" atau ')",
    )
    yaml_unclosed_bracket = Message(
        en="the bracket opened on line {line} is not closed here: close it with {close}, separate items with commas, and put a text that holds a comma or colon in quotes",
        id="kurung yang dibuka di baris {line} tidak ditutup di sini: tutup dengan {close}, pisahkan butir dengan koma, dan beri tanda kutip pada teks yang memuat koma atau titik dua",
    )
    yaml_colon_in_text = Message(
        en='a colon followed by a space inside a text: put the text in quotes, e.g. note: "Rapat: 3 Maret"',
        id='ada titik dua diikuti spasi di dalam teks: beri tanda kutip pada teks itu, mis. note: "Rapat: 3 Maret"',
    )
    yaml_indent = Message(
        en="this line is indented wrongly: items of one list or mapping start in the same column (indent with spaces, like the lines above)",
        id="indentasi baris ini salah: butir dalam satu daftar atau pemetaan dimulai di kolom yang sama (indentasi dengan spasi, seperti baris di atasnya)",
    )
    val_costs_section = Message(
        en="{key} must be a mapping (e.g. {key}: {{5: 3}}), not {given}",
        id="{key} harus pemetaan (mis. {key}: {{5: 3}}), bukan {given}",
    )
    val_costs_number = Message(
        en="{key!r} is not one of the {section} here ({choices})",
        id="{key!r} bukan salah satu {section} di sini ({choices})",
    )
    plan_thin_margin = Message(
        en="warning: the plan reaches {reached}, only {slack} above what {target} needs; one level less on any planned indicator (at least {step}) would lose it. --margin 0.05 plans with room to spare",
        id="peringatan: rencana mencapai {reached}, hanya {slack} di atas yang diperlukan {target}; satu tingkat kurang pada indikator mana pun dalam rencana (minimal {step}) akan menggagalkannya. --margin 0.05 merencanakan dengan cadangan",
    )
    plan_targets_capped = Message(
        en="the targets written in the file cap some indicators; --ignore-targets plans past them",
        id="target yang ditulis di berkas membatasi beberapa indikator; --ignore-targets merencanakan melewatinya",
    )
    err_max_raise = Message(
        en="--max-raise must be 1 or more",
        id="--max-raise harus 1 atau lebih",
    )
    err_margin = Message(
        en="--margin must be 0 or more",
        id="--margin harus 0 atau lebih",
    )
    plan_no_office = Message(
        en="(no office named)",
        id="(tanpa OPD)",
    )
    office = Message(
        en="Office",
        id="OPD",
    )
    heading_with_file = Message(
        en="{heading} ({path})",
        id="{heading} ({path})",
    )
    hint_did_you_mean_ids = Message(
        en="; did you mean {ids}?",
        id="; maksud Anda {ids}?",
    )

    # --- hostile input: escaping, caps, output files
    # (new messages of this part go directly below)
    out_empty = Message(
        en="--output is empty: give a file name (or - for standard output)",
        id="--output kosong: beri nama berkas (atau - untuk keluaran standar)",
    )
    out_folder = Message(
        en="--output {path} is a folder: give a file name",
        id="--output {path} adalah folder: beri nama berkas",
    )
    out_not_regular = Message(
        en="--output {path} is not a regular file (a device, pipe, socket or broken link); spbe writes only regular files",
        id="--output {path} bukan berkas biasa (perangkat, pipa, soket atau tautan rusak); spbe hanya menulis berkas biasa",
    )
    out_is_input = Message(
        en="--output {path} is one of the input files; choose another name",
        id="--output {path} adalah salah satu berkas masukan; pilih nama lain",
    )
    yaml_number_too_long = Message(
        en="a number of {length} characters; at most {limit} are read",
        id="angka sepanjang {length} karakter; paling banyak {limit} yang dibaca",
    )
    yaml_number_form = Message(
        en="{value!r} is not a plain number: write digits only (2024, 3.5), or quote it if it is text",
        id="{value!r} bukan angka biasa: tulis angka saja (2024, 3,5 ditulis 3.5), atau beri tanda kutip bila teks",
    )
    yaml_key_type = Message(
        en="key {key} must be text or a whole number; quote it if it is text",
        id="kunci {key} harus teks atau bilangan bulat; beri tanda kutip bila teks",
    )
    val_places = Message(
        en="{where} has more than {places} decimal places ({given}); spbe reads at most {places} and never rounds",
        id="{where} lebih dari {places} angka desimal ({given}); spbe membaca paling banyak {places} dan tidak membulatkan",
    )
    err_io = Message(
        en="input/output failed: {reason}",
        id="masukan/keluaran gagal: {reason}",
    )
    err_io_path = Message(
        en="cannot use {path}: {reason}",
        id="tidak dapat memakai {path}: {reason}",
    )
    desc_decimal_whole = Message(
        en="{value} (read as a decimal number: remove the !!float tag or the exponent)",
        id="{value} (dibaca sebagai bilangan desimal: hapus tag !!float atau eksponennya)",
    )
    err_plan_too_many_steps = Message(
        en="cannot plan this: more than {limit} possible level steps (the framework's value range is too wide); --max-level or --max-raise limits them",
        id="tidak dapat merencanakan ini: lebih dari {limit} kemungkinan langkah level (rentang nilai kerangka terlalu lebar); --max-level atau --max-raise membatasinya",
    )
    err_plan_too_fine = Message(
        en="cannot plan this exactly: both the values' decimal places (or tiny weights) and the costs' decimal places are too fine (more than {limit} table cells); use costs with fewer decimal places",
        id="tidak dapat merencanakan ini secara tepat: angka desimal nilai (atau bobot yang sangat kecil) dan angka desimal biaya sama-sama terlalu halus (lebih dari {limit} sel tabel); pakai biaya dengan lebih sedikit angka desimal",
    )
    err_places_option = Message(
        en="{option} {value} has more than {places} decimal places; the index is shown to {places}, and spbe never rounds what it is given",
        id="{option} {value} lebih dari {places} angka desimal; indeks ditampilkan dengan {places}, dan spbe tidak membulatkan masukan",
    )
    more_problems = Message(
        en="... and {count} more problems in this file (the first {shown} are shown)",
        id="... dan {count} masalah lain dalam berkas ini ({shown} yang pertama ditampilkan)",
    )
    fw_indicator_case = Message(
        en="indicator id {id} differs from {other} only in upper and lower case; give them distinct ids",
        id="id indikator {id} berbeda dari {other} hanya pada huruf besar dan kecil; beri id yang berbeda",
    )
    folder_unreadable = Message(
        en="cannot list this folder: {reason}",
        id="folder ini tidak dapat dibuka: {reason}",
    )
    err_init_year = Message(
        en="{path} is of {year}: the year after, {next}, is past the last year an assessment file may have ({last}); give --year",
        id="{path} untuk tahun {year}: tahun berikutnya, {next}, melewati tahun terakhir yang boleh ada di berkas penilaian ({last}); beri --year",
    )
    err_stdin_twice = Message(
        en="standard input (-) can be read only once",
        id="masukan standar (-) hanya dapat dibaca sekali",
    )


def all_messages() -> list[Message]:
    return [value for value in vars(M).values() if isinstance(value, Message)]


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """SPBE_LANG if it names a known language, else Indonesian when LANG starts with "id"."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("SPBE_LANG", "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    return "id" if environ.get("LANG", "").lower().startswith("id") else "en"


class Phrase:
    """A message with its values, not yet worded: worded later, in the reader's language.

    A value may itself be a Phrase (a hint, a description of what was found); it is worded in the
    same language as the message that holds it.
    """

    __slots__ = ("message", "values")

    def __init__(self, message: Message, /, **values: object) -> None:
        self.message = message
        self.values = values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.message, self.values) == (other.message, other.values)

    def __hash__(self) -> int:
        return hash(self.message.id)

    def __repr__(self) -> str:
        return f"Phrase({self.message!r}, {self.values!r})"

    def __str__(self) -> str:
        return Messages()(self.message, **self.values)


class Messages:
    """Messages of one language: messages(M.result_line, index=...) words one."""

    def __init__(self, language: str = "en"):
        self.language = language if language in LANGUAGES else "en"

    def __call__(self, message: Message, /, **values: object) -> str:
        worded = {
            name: self(value.message, **value.values) if isinstance(value, Phrase) else value
            for name, value in values.items()
        }
        return message.texts[self.language].format(**worded)

    def phrase(self, phrase: Phrase) -> str:
        return self(phrase.message, **phrase.values)
