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
    # spbe score: the file against its published result
    rec_reproduces = Message(
        en="Reproduces the published {year} result {index} {predikat} ({source})",
        id="Sesuai dengan hasil {year} yang dipublikasikan, {index} {predikat} ({source})",
    )
    rec_differs = Message(
        en="Differs from the published {year} result {index} {predikat} by {delta}: {details} ({source})",
        id="Berbeda dari hasil {year} yang dipublikasikan, {index} {predikat}, sebesar {delta}: {details} ({source})",
    )
    rec_domain = Message(en="domain {number} {shown} vs {published}", id="domain {number} {shown} vs {published}")
    rec_predikat = Message(en="predikat {predikat} vs {published}", id="predikat {predikat} vs {published}")
    # the position against the averages (score --detail, report, rank)
    pos_heading = Message(
        en="Position against the national and category averages",
        id="Posisi terhadap rata-rata nasional dan kategori",
    )
    pos_heading_year = Message(
        en="Position against the national and category averages of {year}",
        id="Posisi terhadap rata-rata nasional dan kategori tahun {year}",
    )
    pos_averages_year = Message(
        en="Averages published for {year}", id="Rata-rata yang dipublikasikan untuk tahun {year}"
    )
    pos_result_tables = Message(en="{source} (result tables)", id="{source} (tabel hasil)")
    pos_latest = Message(
        en="No averages are published for {year}; those of {latest}, the latest published year, are shown.",
        id="Belum ada rata-rata yang dipublikasikan untuk {year}; yang ditampilkan rata-rata {latest}, tahun terakhir yang dipublikasikan.",
    )
    pos_framework = Message(
        en="No national or category {index_name} figure has been published yet; averages of the Indeks SPBE are not comparable with it.",
        id="Belum ada angka {index_name} nasional atau kategori yang dipublikasikan; rata-rata Indeks SPBE tidak dapat dibandingkan dengannya.",
    )
    pos_no_year = Message(
        en="No averages are published for a year of {framework}.",
        id="Belum ada rata-rata yang dipublikasikan untuk tahun {framework}.",
    )
    pos_national = Message(en="National", id="Nasional")
    pos_versus = Message(en="±", id="±")
    pos_category = Message(en="Category: {category} ({how})", id="Kategori: {category} ({how})")
    pos_how_declared = Message(en="as the file says", id="sesuai berkas")
    pos_how_published = Message(en="from its published result", id="dari hasil yang dipublikasikan")
    pos_how_name = Message(en="read from its name", id="dibaca dari namanya")
    pos_no_category = Message(
        en="Its category is not known: write category: in the file (kementerian, lpnk, lns, lainnya, ...) to compare with its category's average.",
        id="Kategorinya belum diketahui: tulis category: di berkas (kementerian, lpnk, lns, lainnya, ...) untuk dibandingkan dengan rata-rata kategorinya.",
    )
    pos_rank_category = Message(
        en="Rank {rank} of {count} ({category}) among the published results of {year}",
        id="Peringkat {rank} dari {count} ({category}) di antara hasil yang dipublikasikan tahun {year}",
    )
    pos_rank_province = Message(
        en="Rank {rank} of {count} in {province} among the published results of {year}",
        id="Peringkat {rank} dari {count} di {province} di antara hasil yang dipublikasikan tahun {year}",
    )
    pos_rank_note = Message(
        en="(the file stands in for its institution's own published result)",
        id="(berkas ini menggantikan hasil instansinya sendiri yang dipublikasikan)",
    )
    pos_chart_title = Message(
        en="Published results of {category} in {year}", id="Hasil {category} yang dipublikasikan tahun {year}"
    )
    pos_chart_desc = Message(
        en="How many of the {count} other published results fall in each tenth of the scale, over the predikat bands; the line marks this institution's {index}.",
        id="Jumlah dari {count} hasil lain yang dipublikasikan pada setiap sepersepuluh skala, di atas rentang predikat; garis menandai {index} instansi ini.",
    )
    pos_sources = Message(en="Sources: {sources}", id="Sumber: {sources}")
    # spbe rank --among-published
    among_page_title = Message(
        en="Your files among KemenPANRB's published results of {year}",
        id="Berkas Anda di antara hasil yang dipublikasikan KemenPANRB tahun {year}",
    )
    among_mine_legend = Message(
        en="▶ and a shaded row: your files, with their figures as shown; every other row as KemenPANRB published it",
        id="▶ dan baris berlatar: berkas Anda, dengan angkanya seperti ditampilkan; baris lain seperti dipublikasikan KemenPANRB",
    )
    err_among_framework = Message(
        en="not placed among the published results of {year}: the file is on another framework than that year's",
        id="tidak ditempatkan di antara hasil yang dipublikasikan tahun {year}: berkas memakai kerangka lain dari kerangka tahun itu",
    )
    err_among_category = Message(
        en="not placed among the published results of {year}: its category is not known; write category: in the file",
        id="tidak ditempatkan di antara hasil yang dipublikasikan tahun {year}: kategorinya belum diketahui; tulis category: di berkas",
    )
    err_among_province = Message(
        en="not placed among the published results of {year} by province: its province is not known (a central institution, or not in the published list)",
        id="tidak ditempatkan di antara hasil yang dipublikasikan tahun {year} per provinsi: provinsinya belum diketahui (instansi pusat, atau tidak ada di daftar yang dipublikasikan)",
    )
    among_heading = Message(
        en="{category}, published results of {year}, with your files (▶)",
        id="{category}, hasil yang dipublikasikan tahun {year}, dengan berkas Anda (▶)",
    )
    among_heading_province = Message(
        en="{province}, published results of {year}, with your files (▶)",
        id="{province}, hasil yang dipublikasikan tahun {year}, dengan berkas Anda (▶)",
    )
    among_averages = Message(
        en="Published averages of {year}: {averages}", id="Rata-rata yang dipublikasikan tahun {year}: {averages}"
    )
    rank_in_category = Message(en="Category", id="Kategori")
    rank_in_province = Message(en="Province", id="Provinsi")
    rank_standings_legend = Message(
        en="Category, Province: the rank among that year's published results of the category and of the province (rank/count)",
        id="Kategori, Provinsi: peringkat di antara hasil yang dipublikasikan tahun itu dalam kategori dan dalam provinsi (peringkat/jumlah)",
    )
    rank_averages = Message(en="Published averages", id="Rata-rata yang dipublikasikan")
