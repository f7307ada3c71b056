"""spbe report: the HTML page and its PDF."""

from __future__ import annotations

from .message import Message


class Report:
    report_stage = Message(en="Stage", id="Tahap")
    report_self_vs_final = Message(
        en="Self-assessment {self_index} ({self_predikat}) against {stage} {index} ({predikat}): {delta}",
        id="Penilaian mandiri {self_index} ({self_predikat}) dibandingkan {stage} {index} ({predikat}): {delta}",
    )
    report_out_of_reach = Message(
        en="{predikat} is out of reach by the institution's own indicators: raising every one of them to the top gives {index} ({best_predikat}); the rest is set by other agencies' indices.",
        id="{predikat} tidak terjangkau oleh indikator instansi sendiri: menaikkan semuanya ke tingkat tertinggi menghasilkan {index} ({best_predikat}); sisanya ditentukan oleh indeks instansi lain.",
    )
    report_recorded_recommendations = Message(
        en="Recommendations recorded in the file", id="Rekomendasi yang tercatat dalam berkas"
    )
    report_assessor_note = Message(en="Assessor's note", id="Catatan asesor")
    report_title = Message(en="{index_name} Evaluation Report", id="Laporan Hasil Evaluasi {index_name}")
    report_simulation = Message(
        en="Simulation computed from the institution's own assessment file; not an official KemenPANRB result.",
        id="Simulasi yang dihitung dari berkas penilaian instansi sendiri; bukan hasil resmi KemenPANRB.",
    )
    report_identity = Message(en="Identity", id="Identitas")
    report_evaluation_year = Message(en="Evaluation year", id="Tahun evaluasi")
    report_regulation = Message(en="Regulation", id="Dasar hukum")
    report_guideline = Message(en="Guideline", id="Pedoman")
    report_date = Message(en="Date", id="Tanggal")
    report_values_heading = Message(
        en="{index_name}, domain and aspect values", id="Nilai {index_name}, Domain, dan Aspek"
    )
    report_values_heading_aspects = Message(en="{index_name} and aspect values", id="Nilai {index_name} dan Aspek")
    report_radar_heading = Message(en="Aspect radar", id="Grafik Radar Aspek")
    report_radar_desc = Message(
        en="Radar of the {count} aspect indices on a scale of {low} to {high}; the dashed green ring marks the target {target}.",
        id="Radar {count} indeks aspek pada skala {low} sampai {high}; garis hijau putus-putus menandai target {target}.",
    )
    report_chart_data = Message(en="Chart data", id="Data grafik")
    report_findings_heading = Message(en="Strengths and weaknesses per aspect", id="Kekuatan dan Kelemahan per Aspek")
    report_strengths = Message(en="Strengths (levels {levels})", id="Kekuatan (tingkat {levels})")
    report_weaknesses = Message(en="Weaknesses (levels {levels})", id="Kelemahan (tingkat {levels})")
    report_recommendations = Message(en="Recommendations", id="Rekomendasi")
    report_cheapest = Message(en="Cheapest steps to {predikat}", id="Langkah termurah menuju {predikat}")
    report_fastest_intro = Message(
        en="The fewest level raises that take the index from {index} to at least {target} ({predikat}), the most effective first:",
        id="Kenaikan tingkat paling sedikit yang membawa indeks dari {index} ke sekurang-kurangnya {target} ({predikat}), dimulai dari yang paling berpengaruh:",
    )
    report_cheapest_intro = Message(
        en="The cheapest level raises, priced by the costs file, that take the index from {index} to at least {target} ({predikat}), the most effective first:",
        id="Kenaikan tingkat termurah menurut berkas biaya yang membawa indeks dari {index} ke sekurang-kurangnya {target} ({predikat}), dimulai dari yang paling berpengaruh:",
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
    report_offices = Message(en="Offices", id="OPD")
    report_evidence = Message(en="Evidence", id="Bukti dukung")
    report_gap = Message(en="Gap", id="Selisih")
    report_note = Message(en="Note", id="Catatan")
    report_indicator_heading = Message(
        en="Maturity level of every indicator", id="Perolehan Nilai Tingkat Kematangan Indikator"
    )
    report_indicator_note_file = Message(
        en="Target: the file's own target, where it gives one. Gap: how far the value is below the target. Evidence: the number of items recorded.",
        id="Target: target dalam berkas, bila ada. Selisih: seberapa jauh nilai di bawah target. Bukti dukung: jumlah butir yang tercatat.",
    )
    report_indicator_note = Message(
        en="Target: the file's own target where it gives one, else the official minimum {target}. Gap: how far the value is below the target. Evidence: the number of items recorded.",
        id="Target: target dalam berkas bila ada, selain itu target minimal {target} sesuai laporan resmi. Selisih: seberapa jauh nilai di bawah target. Bukti dukung: jumlah butir yang tercatat.",
    )
    report_trend_heading = Message(en="{index_name} across the years", id="Perkembangan {index_name}")
    report_trend_desc = Message(
        en="The index (bold) and the aspect indices in {years}, over the predikat bands.",
        id="Indeks (tebal) dan indeks aspek pada {years}, di atas rentang predikat.",
    )
    report_drivers = Message(
        en="What changed from {old_year} to {new_year}", id="Penggerak perubahan {old_year} ke {new_year}"
    )
    report_drivers_none = Message(en="No indicator changed.", id="Tidak ada indikator yang berubah.")
    report_appendix = Message(en="Appendix: method and inputs", id="Lampiran: Metode dan Berkas Masukan")
    report_method = Message(
        en="Every aspect index, domain index and the overall index is the weighted mean of the indicator values below it, sum(value x weight) / sum(weight), computed exactly from the indicator values and never from rounded figures.",
        id="Setiap indeks aspek, indeks domain, dan indeks keseluruhan adalah rata-rata tertimbang nilai indikator di bawahnya, jumlah(nilai x bobot) / jumlah(bobot), dihitung secara eksak dari nilai indikator dan tidak pernah dari angka yang sudah dibulatkan.",
    )
    report_rounding = Message(
        en="Figures are shown with 2 decimals, rounded half-up ({example} becomes {rounded}); the predikat is decided on the exact index: an index just under a band's edge keeps the band below, even where its 2-decimal figure shows the edge.",
        id="Angka ditampilkan dengan 2 desimal, dibulatkan setengah ke atas ({example} menjadi {rounded}); predikat ditentukan dari indeks persisnya: indeks yang sedikit di bawah batas suatu predikat tetap berada pada predikat di bawahnya, walaupun angka 2 desimalnya menunjukkan batas itu.",
    )
    report_bands = Message(en="Predikat bands", id="Rentang predikat")
    report_band_range = Message(en="from {low} to below {high}", id="dari {low} sampai di bawah {high}")
    report_band_top = Message(en="from {low} to {high}", id="dari {low} sampai {high}")
    report_weights = Message(
        en="Weights of the domains and aspects (percent of the index)", id="Bobot domain dan aspek (persen dari indeks)"
    )
    report_weights_aspects = Message(
        en="Weights of the aspects (percent of the index)", id="Bobot aspek (persen dari indeks)"
    )
    report_inputs = Message(en="Input files", id="Berkas masukan")
    report_file = Message(en="File", id="Berkas")
    report_tool = Message(
        en="Produced by spbe {version} from the files above; the same files give the same page.",
        id="Dibuat dengan spbe {version} dari berkas di atas; berkas yang sama menghasilkan halaman yang sama.",
    )
    report_summary_heading = Message(en="Summary for leadership", id="Ringkasan untuk Pimpinan")
    report_stages_label = Message(en="Stages", id="Tahapan")
    report_change_label = Message(en="Against {year}", id="Dibandingkan {year}")
    report_change_figures = Message(
        en="{old_side}: {old} ({old_predikat}) → {new_side}: {new} ({new_predikat}), change {delta}",
        id="{old_side}: {old} ({old_predikat}) → {new_side}: {new} ({new_predikat}), perubahan {delta}",
    )
    report_like_with_like = Message(
        en="Like with like: {year} is read at this stage too ({stage}).",
        id="Setara: {year} juga dibaca pada tahap ini ({stage}).",
    )
    report_change_no_stage = Message(
        en="The {year} file records no stage, so it cannot be read at {stage}: its values are compared as they stand.",
        id="Berkas {year} tidak mencatat tahap, sehingga tidak dapat dibaca pada tahap {stage}: nilainya dibandingkan apa adanya.",
    )
    report_cross_heading = Message(
        en="{old_index} {old_year} beside {new_index} {new_year}",
        id="{old_index} {old_year} di samping {new_index} {new_year}",
    )
    report_to_predikat = Message(en="To {predikat}", id="Menuju {predikat}")
    report_distance = Message(
        en="{distance} to go ({predikat} starts at {edge})", id="kurang {distance} ({predikat} mulai dari {edge})"
    )
    report_target_label = Message(en="Target {target}", id="Target {target}")
    report_target_reached = Message(en="reached", id="tercapai")
    report_target_short = Message(en="{distance} to go", id="kurang {distance}")
    report_position_label = Message(en="Against the averages of {year}", id="Dibandingkan rata-rata {year}")
    report_position_stage = Message(
        en="The published averages are final results; this is the {stage}.",
        id="Rata-rata yang dipublikasikan adalah hasil akhir; ini {stage}.",
    )
    report_beside_average = Message(en="{average} {value} ({delta})", id="{average} {value} ({delta})")
    report_strongest = Message(en="Strongest aspect", id="Aspek terkuat")
    report_weakest = Message(en="Weakest aspect", id="Aspek terlemah")
    report_aspects_equal = Message(en="every aspect at {value}", id="semua aspek bernilai {value}")
    report_and_more = Message(en="and {count} more", id="dan {count} lainnya")
    report_steps_more = Message(
        en="The whole plan raises {indicators} indicators by {steps} levels in all ({more} more in section {section}) and gives {index} ({predikat}).",
        id="Seluruh rencana menaikkan {indicators} indikator sebanyak {steps} tingkat ({more} lainnya di bagian {section}) dan menghasilkan {index} ({predikat}).",
    )
    report_targets_cap = Message(
        en="The file's own targets cap the plan: within them the index reaches at most {index} ({predikat}), short of {wanted}.",
        id="Target per indikator dalam berkas membatasi rencana: dengan batas itu indeks paling tinggi {index} ({predikat}), belum mencapai {wanted}.",
    )
    report_without_caps = Message(
        en="Without those caps (as spbe plan --ignore-targets plans):",
        id="Tanpa batas itu (seperti rencana spbe plan --ignore-targets):",
    )
    report_cost_total = Message(
        en="Total cost, in the units of the costs file: {cost}.", id="Biaya total, dalam satuan berkas biaya: {cost}."
    )
    report_bar_heading = Message(en="On the scale {low}–{high}", id="Pada skala {low}–{high}")
    report_bar_key = Message(
        en="Bar colour: the predikat band the value falls in (only the overall index carries a predikat):",
        id="Warna batang: rentang predikat tempat nilai berada (hanya indeks keseluruhan yang berpredikat):",
    )
    report_no_strengths = Message(
        en="Strengths: no indicator at levels {levels} yet (highest: {highest}).",
        id="Kekuatan: belum ada indikator pada tingkat {levels} (tertinggi: {highest}).",
    )
    report_no_weaknesses = Message(
        en="Weaknesses: no indicator at levels {levels}.", id="Kelemahan: tidak ada indikator pada tingkat {levels}."
    )
    report_stage_key = Message(en="Value columns: {key}.", id="Kolom nilai: {key}.")
    report_regulation_guideline = Message(en="Regulation and guideline", id="Dasar hukum dan pedoman")
    report_months = Message(
        en="January February March April May June July August September October November December",
        id="Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember",
    )
    report_trend_left_out = Message(
        en="{index_name} {year} ({index}, {predikat}) is not drawn here: it was measured with another instrument ({framework}) and its own predikat bands. The comparison below places it in its own bands.",
        id="{index_name} {year} ({index}, {predikat}) tidak digambar di sini: diukur dengan instrumen lain ({framework}) dan rentang predikatnya sendiri. Perbandingan di bawah menempatkannya pada rentangnya sendiri.",
    )
    report_framework_line = Message(en="Framework: {title} ({id}).", id="Kerangka: {title} ({id}).")
    report_guideline_source = Message(
        en="Guideline of {year}: {title}, as named by {source}.",
        id="Pedoman {year}: {title}, sebagaimana disebut dalam {source}.",
    )
    kop_not_image = Message(
        en="not a PNG, JPEG or SVG image: --kop takes the letterhead in one of these formats",
        id="bukan gambar PNG, JPEG, atau SVG: --kop menerima kop surat dalam salah satu format ini",
    )
    kop_too_large = Message(
        en="{size} bytes; a letterhead image may be at most {limit} bytes: save it smaller (about 1500 pixels wide is enough for A4)",
        id="{size} bita; gambar kop paling besar {limit} bita: simpan lebih kecil (lebar sekitar 1500 piksel cukup untuk A4)",
    )
    kop_svg_unreadable = Message(en="the SVG cannot be read: {reason}", id="SVG tidak dapat dibaca: {reason}")
    kop_svg_doctype = Message(
        en="an SVG with a DOCTYPE or entities is refused: save it again as plain SVG",
        id="SVG dengan DOCTYPE atau entitas ditolak: simpan ulang sebagai SVG biasa",
    )
    kop_svg_removed = Message(
        en="removed from the SVG, so that the letterhead can neither run nor fetch anything: {removed}",
        id="dihapus dari SVG agar kop tidak dapat menjalankan atau mengambil apa pun: {removed}",
    )
    err_signed_by_empty = Message(
        en='--signed-by needs a name: "NAME, TITLE"', id='--signed-by perlu nama: "NAMA, JABATAN"'
    )
