"""KemenPANRB's published results: spbe published, reconciling a score, the position against averages."""

from __future__ import annotations

from .message import Message


class PublishedFigures:
    # spbe published
    pub_heading = Message(en="Published Indeks SPBE results", id="Hasil Indeks SPBE yang dipublikasikan")
    pub_heading_query = Message(
        en="Published Indeks SPBE results: {query}", id="Hasil Indeks SPBE yang dipublikasikan: {query}"
    )
    pub_kind = Message(en="Kind", id="Jenis")
    pub_group = Message(en="Province or group", id="Provinsi atau kelompok")
    pub_note = Message(en="Note", id="Catatan")
    pub_source = Message(en="Source", id="Sumber")
    pub_sources = Message(en="Sources", id="Sumber")
    pub_category = Message(en="Category", id="Kategori")
    pub_averages = Message(en="Published averages (index)", id="Rata-rata yang dipublikasikan (indeks)")
    pub_sheet_results = Message(en="Published results", id="Hasil dipublikasikan")
    pub_sheet_averages = Message(en="Averages", id="Rata-rata")
    pub_count = Message(
        en="Published results listed: {count}", id="Hasil yang dipublikasikan yang ditampilkan: {count}"
    )
    pub_damaged = Message(en="damaged cell in the source: left empty", id="sel di sumber rusak: dibiarkan kosong")
    pub_edge = Message(
        en="{index} {predikat}: the exact index lay under the {edge} edge of {band}; the printed domains give {exact}",
        id="{index} {predikat}: indeks persisnya di bawah batas {edge} predikat {band}; domain yang dipublikasikan memberi {exact}",
    )
    pub_edge_no_domains = Message(
        en="{index} {predikat}: the exact index lay under the {edge} edge of {band}",
        id="{index} {predikat}: indeks persisnya di bawah batas {edge} predikat {band}",
    )
    pub_ambiguous = Message(
        en="{count} institutions match {query!r}: {names}. All are listed; give more of the name to see one.",
        id="{count} instansi cocok dengan {query!r}: {names}. Semua ditampilkan; tulis nama lebih lengkap untuk melihat satu.",
    )
    err_pub_not_found = Message(
        en="no published result matches {query!r}{hint}",
        id="tidak ada hasil yang dipublikasikan yang cocok dengan {query!r}{hint}",
    )
    hint_did_you_mean_names = Message(en="; did you mean {names}?", id="; maksud Anda {names}?")
    err_pub_year = Message(
        en="no per-institution results are published here for {year}; years: {years}",
        id="tidak ada hasil per instansi yang dipublikasikan di sini untuk {year}; tahun: {years}",
    )
    err_pub_province = Message(
        en="no province {name!r} among the published results; choose one of: {choices}",
        id="tidak ada provinsi {name!r} di antara hasil yang dipublikasikan; pilih salah satu: {choices}",
    )
    err_pub_province_several = Message(
        en="{name!r} names several provinces: {names}", id="{name!r} menunjuk beberapa provinsi: {names}"
    )
    # category names (the reports' own Indonesian terms are kept in both languages)
    cat_kabupaten = Message(en="Kabupaten", id="Kabupaten")
    cat_kota = Message(en="Kota", id="Kota")
    cat_provinsi = Message(en="Provinsi", id="Provinsi")
    cat_kementerian = Message(en="Kementerian", id="Kementerian")
    cat_lpnk = Message(en="LPNK", id="LPNK")
    cat_lns = Message(en="LNS", id="LNS")
    cat_lainnya = Message(en="Other central institutions", id="Instansi pusat lainnya")
    cat_pusat = Message(en="Central institution", id="Instansi pusat")
