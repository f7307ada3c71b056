"""Checking an assessment file against its framework."""

from __future__ import annotations

from .message import Message


class Validation:
    val_not_mapping = Message(
        en="expected a mapping with keys {keys}, found {found}",
        id="seharusnya pemetaan dengan kunci {keys}, ditemukan {found}",
    )
    val_no_framework = Message(
        en="missing key 'framework' (one of: {known})", id="kunci 'framework' tidak ada (salah satu dari: {known})"
    )
    val_unknown_framework = Message(
        en="unknown framework {given}{hint} (known: {known})",
        id="kerangka {given} tidak dikenal{hint} (yang dikenal: {known})",
    )
    val_missing_indicator = Message(
        en="missing 1 indicator of {framework}: {ids}", id="1 indikator {framework} tidak ada: {ids}"
    )
    val_missing_indicators = Message(
        en="missing {count} indicators of {framework}: {ids}", id="{count} indikator {framework} tidak ada: {ids}"
    )
    val_unknown_key = Message(en="unknown key {key!r}{hint}", id="kunci {key!r} tidak dikenal{hint}")
    val_unknown_indicator = Message(en="unknown indicator {key!r}{hint}", id="indikator {key!r} tidak dikenal{hint}")
    val_indicator_range = Message(
        en=" ({framework} has indicators {first} to {last})",
        id=" ({framework} memiliki indikator {first} sampai {last})",
    )
    val_did_you_mean = Message(en="; did you mean {suggestion!r}?", id="; maksud Anda {suggestion!r}?")
    val_missing_key = Message(en="missing key {key!r}", id="kunci {key!r} tidak ada")
    val_missing_key_in = Message(en="{where}: missing key {key!r}", id="{where}: kunci {key!r} tidak ada")
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
    val_level_name_not_official = Message(
        en="{where}: {framework} takes the level's number, not its name: write {number} for {name!r}",
        id="{where}: {framework} memakai angka tingkat, bukan namanya: tulis {number} untuk {name!r}",
    )
    val_value_levels = Message(
        en="{where} must be {expected}, not {given}; write the level's number ({levels})",
        id="{where} harus {expected}, bukan {given}; tulis angka tingkatnya ({levels})",
    )
    val_text = Message(en="{where} must be text, not {given}", id="{where} harus teks, bukan {given}")
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
    val_value = Message(en="{where} must be {expected}, not {given}", id="{where} harus {expected}, bukan {given}")
    val_other = Message(en="{where}: {detail}", id="{where}: {detail}")
    val_positive = Message(
        en="{where} must be a positive number, not {given}", id="{where} harus bilangan positif, bukan {given}"
    )
    val_costs_not_mapping = Message(
        en="expected a mapping with keys default, indicators, aspects and levels",
        id="seharusnya pemetaan dengan kunci default, indicators, aspects dan levels",
    )
    val_stage = Message(
        en="stage must be one of {stages}, not {given}", id="stage harus salah satu dari {stages}, bukan {given}"
    )
    val_category = Message(
        en="category must be one of {categories}, not {given}",
        id="category harus salah satu dari {categories}, bukan {given}",
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
    val_not_filled = Message(en="{where} is not filled yet: give it a value", id="{where} belum diisi: beri nilai")
    val_not_filled_at = Message(
        en="{where} is not filled yet at stage {stage}: give it a value",
        id="{where} belum diisi pada tahap {stage}: beri nilai",
    )
    val_no_stage_value = Message(
        en="{where} records no value up to stage {stage} (it records: {recorded})",
        id="{where} tidak mencatat nilai sampai tahap {stage} (yang dicatat: {recorded})",
    )
    val_external_both = Message(
        en="{where}: give either level or external, not both", id="{where}: isi level atau external, jangan keduanya"
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
    val_external_both_sheet = Message(
        en="{where}: fill either the eksternal column or a value column (nilai...), not both",
        id="{where}: isi kolom eksternal atau kolom nilai, jangan keduanya",
    )
    val_external_no_conversion_sheet = Message(
        en="{where}: no conversion from the {index} to a value is published, so {given} cannot go in the eksternal column: empty the eksternal column (or write pending; the value is then {pending}) and put the value the assessors gave in the value column (nilai...)",
        id="{where}: konversi dari {index} ke nilai belum dipublikasikan, jadi {given} tidak dapat ditulis di kolom eksternal: kosongkan kolom eksternal (atau tulis pending; nilainya {pending}) lalu isi nilai dari asesor di kolom nilai",
    )
    val_entry_key_at_top = Message(
        en="{key!r} belongs to each indicator, not to the whole file: write it under levels, e.g. `12: {{level: 2, {key}: 3}}`",
        id="{key!r} ditulis per indikator, bukan untuk seluruh berkas: tulis di bawah levels, mis. `12: {{level: 2, {key}: 3}}`",
    )
    val_ascii_digits = Message(
        en="{where} is written with digits other than 0-9 ({given}): type the number with the digits 0-9",
        id="{where} ditulis dengan angka selain 0-9 ({given}): ketik bilangannya dengan angka 0-9",
    )
    val_decimal_comma = Message(
        en="{where} is written with a decimal comma ({written}); write {fixed} (a decimal point)",
        id="{where} ditulis dengan koma desimal ({written}); tulis {fixed} (dengan titik desimal)",
    )
    val_costs_section = Message(
        en="{key} must be a mapping (e.g. {key}: {{5: 3}}), not {given}",
        id="{key} harus pemetaan (mis. {key}: {{5: 3}}), bukan {given}",
    )
    val_costs_number = Message(
        en="{key!r} is not one of the {section} here ({choices})",
        id="{key!r} bukan salah satu {section} di sini ({choices})",
    )
    val_places = Message(
        en="{where} has more than {places} decimal places ({given}); spbe reads at most {places} and never rounds",
        id="{where} lebih dari {places} angka desimal ({given}); spbe membaca paling banyak {places} dan tidak membulatkan",
    )
