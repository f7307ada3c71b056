"""spbe diff and spbe rank."""

from __future__ import annotations

from .message import Message


class Comparing:
    diff_heading = Message(
        en="Change in {index_name}: {old_institution} {old_year} -> {new_institution} {new_year}",
        id="Perubahan {index_name}: {old_institution} {old_year} -> {new_institution} {new_year}",
    )
    diff_overall = Message(
        en="Index: {old} ({old_predikat}) -> {new} ({new_predikat}), change {delta}",
        id="Indeks: {old} ({old_predikat}) -> {new} ({new_predikat}), perubahan {delta}",
    )
    diff_predikat_up = Message(en="Predikat rose: {old} -> {new}", id="Predikat naik: {old} -> {new}")
    diff_predikat_down = Message(en="Predikat fell: {old} -> {new}", id="Predikat turun: {old} -> {new}")
    diff_predikat_same = Message(en="Predikat unchanged: {predikat}", id="Predikat tetap: {predikat}")
    diff_cross_framework = Message(
        en="Different instruments: the two files use different frameworks ({old} and {new}), with their own indicators, weights and predikat bands. The two figures are not a change, and indicators cannot be compared one by one.",
        id="Instrumen berbeda: kedua berkas memakai kerangka berbeda ({old} dan {new}), masing-masing dengan indikator, bobot, dan rentang predikatnya sendiri. Kedua angka bukan perubahan, dan indikator tidak dapat dibandingkan satu per satu.",
    )
    diff_other_institution = Message(
        en="The files are of different institutions: {old} and {new}.",
        id="Kedua berkas milik instansi berbeda: {old} dan {new}.",
    )
    diff_no_change = Message(en="No indicator changed.", id="Tidak ada indikator yang berubah.")
    diff_changed_indicators = Message(
        en="Indicators that changed (largest effect first)", id="Indikator yang berubah (pengaruh terbesar lebih dulu)"
    )
    rank_heading = Message(en="Ranking: {framework}", id="Peringkat: {framework}")
    rank_group_heading = Message(en="Ranking: {framework}, {year}", id="Peringkat: {framework}, {year}")
    rank_failed_files = Message(en="{count} file(s) could not be scored", id="{count} berkas tidak dapat dinilai")
    rank_files = Message(en="{scored} of {total} files scored", id="{scored} dari {total} berkas dinilai")
    diff_stages_line = Message(en="Stages: {old} -> {new}", id="Tahap: {old} -> {new}")
    diff_stages_differ = Message(
        en="Note: this compares {old} with {new}, two different stages.",
        id="Catatan: ini membandingkan {old} dengan {new}, dua tahap yang berbeda.",
    )
    diff_last_year_cut = Message(
        en="Last year the final result was {cut} below the self-assessment.",
        id="Tahun lalu hasil akhir {cut} di bawah penilaian mandiri.",
    )
    rank_mixed_stages = Message(
        en="note: this ranking mixes stages ({stages}); --stage ranks every file at one stage",
        id="catatan: peringkat ini mencampur tahap ({stages}); --stage memeringkat semua berkas pada satu tahap",
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
    diff_ext_both = Message(en="{index} index {old} -> {new}; {status}", id="Indeks {index} {old} -> {new}; {status}")
    diff_ext_before = Message(en="before: {note}", id="sebelumnya: {note}")
    rank_page_title = Message(en="Ranking of {count} institutions", id="Peringkat {count} instansi")
    rank_chart_desc = Message(
        en="Horizontal bars of the {count} indices in rank order, over the predikat bands.",
        id="Batang mendatar {count} indeks menurut peringkat, di atas rentang predikat.",
    )
    rank_per_predikat = Message(en="Institutions per predikat", id="Jumlah instansi per predikat")
    rank_columns_legend = Message(en="Columns", id="Keterangan kolom")
    rank_repeated = Message(
        en="warning: {framework}: {names} ranked more than once in one ranking (use --by year to rank each year apart)",
        id="peringatan: {framework}: {names} muncul lebih dari sekali dalam satu peringkat (gunakan --by year untuk memeringkat per tahun)",
    )
    rank_mixed_years = Message(
        en="note: the {framework} ranking mixes years ({years}); --by year ranks each year apart",
        id="catatan: peringkat {framework} mencampur tahun ({years}); --by year memeringkat per tahun",
    )
    err_html_only = Message(
        en="{option} is for the HTML page: add -f html", id="{option} untuk halaman HTML: tambahkan -f html"
    )
    err_reference_among = Message(
        en="--reference draws a line on a ranking of your files; --among-published shows the published averages instead",
        id="--reference menggambar garis pada peringkat berkas Anda; --among-published menampilkan rata-rata yang dipublikasikan sebagai gantinya",
    )
    err_reference_range = Message(
        en="{value!r} is not an index from 0 to 5 (optionally followed by what it is)",
        id="{value!r} bukan indeks dari 0 sampai 5 (boleh diikuti keterangannya)",
    )
    err_reference_frameworks = Message(
        en="one reference cannot be read on the scales of several frameworks ({frameworks}): rank one framework at a time",
        id="satu acuan tidak dapat dibaca pada skala beberapa kerangka ({frameworks}): buat peringkat untuk satu kerangka saja",
    )
    rank_kind_kabupaten = Message(en="Kabupaten", id="Kabupaten")
    rank_kind_kota = Message(en="Kota", id="Kota")
    rank_kind_lainnya = Message(en="Other institutions", id="Instansi lain")
    rank_reference = Message(en="Reference {value}", id="Acuan {value}")
    rank_published_average = Message(en="Average {label}: {value}", id="Rata-rata {label}: {value}")
    rank_at_reference = Message(
        en="{count} of {total} at or above {reference}", id="{count} dari {total} mencapai {reference}"
    )
