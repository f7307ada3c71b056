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
    report_none = Message(en="none", id="tidak ada")
    report_recommendations = Message(en="Recommendations", id="Rekomendasi")
    report_fastest = Message(en="Fastest steps to {predikat}", id="Langkah tercepat menuju {predikat}")
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
    report_offices = Message(en="Offices", id="OPD")
    report_evidence = Message(en="Evidence", id="Bukti dukung")
    report_gap = Message(en="Gap", id="Kesenjangan")
    report_note = Message(en="Note", id="Catatan")
    report_indicator_heading = Message(
        en="Maturity level of every indicator", id="Perolehan Nilai Tingkat Kematangan Indikator"
    )
    report_indicator_note = Message(
        en="Target: the file's own target where it gives one, else the official minimum {target}. Gap: how far the value is below the target. Evidence: the number of items recorded.",
        id="Target: target dalam berkas bila ada, selain itu target minimal {target} sesuai laporan resmi. Kesenjangan: selisih nilai di bawah target. Bukti dukung: jumlah butir yang tercatat.",
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
