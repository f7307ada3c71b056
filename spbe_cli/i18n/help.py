"""--help: the help of every command, argument and option, and the words of the help page around them.

Commands declare their help as one of these messages (`cli/help.py`), in English for Typer, and a
help page is worded in the run's language when it is shown. The English of Typer's and Click's own
texts (the help of --help, shell completion) is theirs, word for word.
"""

from __future__ import annotations

from .message import Message


class Help:
    # The page around the help texts
    help_arguments = Message(en="Arguments", id="Argumen")
    help_options = Message(en="Options", id="Opsi")
    help_commands = Message(en="Commands", id="Perintah")
    help_default = Message(en="default: {value}", id="bawaan: {value}")
    help_required = Message(en="required", id="wajib")
    help_documentation = Message(en="Documentation: {address}", id="Panduan dan dokumentasi: {address}")

    # spbe itself, and the options Typer and Click add
    help_app = Message(
        en="Compute Indeks SPBE and Indeks Pemerintah Digital (Pemdi) from assessment files.",
        id="Menghitung Indeks SPBE dan Indeks Pemerintah Digital (Pemdi) dari berkas penilaian.",
    )
    help_version = Message(en="Show the version and exit.", id="Tampilkan versi lalu keluar.")
    help_help = Message(en="Show this message and exit.", id="Tampilkan bantuan ini lalu keluar.")
    help_install_completion = Message(
        en="Install completion for the current shell.", id="Pasang pelengkapan otomatis untuk shell yang dipakai."
    )
    help_show_completion = Message(
        en="Show completion for the current shell, to copy it or customize the installation.",
        id="Tampilkan pelengkapan otomatis untuk shell yang dipakai, untuk disalin atau dipasang sendiri.",
    )
    # Typer's words for the same options when it cannot tell the shell: the shell is named as their value
    help_install_completion_shell = Message(
        en="Install completion for the specified shell.", id="Pasang pelengkapan otomatis untuk shell yang disebut."
    )
    help_show_completion_shell = Message(
        en="Show completion for the specified shell, to copy it or customize the installation.",
        id="Tampilkan pelengkapan otomatis untuk shell yang disebut, untuk disalin atau dipasang sendiri.",
    )

    # Options several commands share
    help_output = Message(
        en="Write to this file (atomically) instead of standard output.",
        id="Tulis ke berkas ini (secara atomik), bukan ke keluaran standar.",
    )
    help_frameworks = Message(
        en="Use this frameworks file instead of the bundled indicators.yaml.",
        id="Pakai berkas kerangka ini, bukan indicators.yaml bawaan.",
    )
    help_lang = Message(
        en="Language of labels and messages: id or en (default: SPBE_LANG, LANG).",
        id="Bahasa label dan pesan: id atau en (bawaan: SPBE_LANG, LANG).",
    )
    help_color = Message(
        en="Colour: auto, always or never (NO_COLOR is honoured).",
        id="Warna: auto, always atau never (NO_COLOR dipatuhi).",
    )
    help_detail = Message(
        en="Show every indicator, not only domains and aspects.",
        id="Tampilkan setiap indikator, tidak hanya domain dan aspek.",
    )
    help_encoding = Message(
        en="The encoding of CSV sheets not saved as UTF-8 (e.g. cp1252).",
        id="Pengodean sheet CSV yang tidak disimpan sebagai UTF-8 (mis. cp1252).",
    )
    help_debug = Message(en="Show a traceback on internal errors.", id="Tampilkan traceback pada galat internal.")
    help_format = Message(en="Output format: {formats}.", id="Format keluaran: {formats}.")
    help_format_or = Message(en="{items} or {last}", id="{items} atau {last}")
    help_format_text = Message(en="PATH:LINE:COL: severity: message", id="PATH:LINE:COL: tingkat: pesan")
    help_format_xlsx = Message(en="a workbook; needs --output", id="buku kerja; perlu --output")
    help_format_html = Message(en="a page", id="halaman web")
    help_format_github = Message(
        en="workflow annotations; the default under GitHub Actions", id="anotasi workflow; bawaan di GitHub Actions"
    )
    help_files = Message(
        en="Assessment files or folders (- for standard input).",
        id="Berkas atau folder penilaian (- untuk masukan standar).",
    )
    help_files_to_check = Message(
        en="Assessment files or folders to check.", id="Berkas atau folder penilaian yang diperiksa."
    )

    # spbe score
    help_score = Message(
        en="Score assessment files: the index, predikat, domains and aspects (--detail: indicators).",
        id="Hitung indeks berkas penilaian: indeks, predikat, domain dan aspek (--detail: indikator).",
    )
    help_score_fail_under = Message(
        en="Exit 1 when a displayed index is below this number.",
        id="Keluar dengan kode 1 bila indeks yang ditampilkan di bawah angka ini.",
    )
    help_score_min_predikat = Message(
        en='Exit 1 when a predikat is below this one, e.g. "Baik".',
        id='Keluar dengan kode 1 bila suatu predikat di bawah predikat ini, mis. "Baik".',
    )
    help_score_stage = Message(
        en="Score at this stage: mandiri, dokumen, interviu, visitasi, akhir, or all (each recorded stage;"
        " --detail shows a column per stage). Default: the file's own stage.",
        id="Hitung pada tahap ini: mandiri, dokumen, interviu, visitasi, akhir, atau all (setiap tahap yang"
        " tercatat; --detail menampilkan satu kolom per tahap). Bawaan: tahap berkas itu sendiri.",
    )

    # spbe diff
    help_diff = Message(
        en="Explain what changed between two assessments: index, predikat, domains, aspects, indicators.",
        id="Jelaskan apa yang berubah di antara dua penilaian: indeks, predikat, domain, aspek, indikator.",
    )
    help_diff_old = Message(
        en="The earlier assessment (or the self-assessment).", id="Penilaian yang lebih awal (atau penilaian mandiri)."
    )
    help_diff_new = Message(
        en="The later assessment (omit it with --stages).",
        id="Penilaian yang lebih baru (tidak diberikan bila --stages).",
    )
    help_diff_fail_on_drop = Message(
        en="Exit 1 when the new shown index is below the old one.",
        id="Keluar dengan kode 1 bila indeks baru yang ditampilkan di bawah indeks lama.",
    )
    help_diff_fail_on_predikat_drop = Message(
        en="Exit 1 when the predikat falls.", id="Keluar dengan kode 1 bila predikat turun."
    )
    help_diff_stages = Message(
        en="Compare two stages of one file, e.g. --stages mandiri akhir.",
        id="Bandingkan dua tahap dari satu berkas, mis. --stages mandiri akhir.",
    )
    help_diff_old_stage = Message(
        en="Read OLD at this stage (default: its own).", id="Baca OLD pada tahap ini (bawaan: tahapnya sendiri)."
    )
    help_diff_new_stage = Message(
        en="Read NEW at this stage (default: its own).", id="Baca NEW pada tahap ini (bawaan: tahapnya sendiri)."
    )

    # spbe plan
    help_plan = Message(
        en="The cheapest set of level raises that reaches a target index or predikat, for next year's evaluation.",
        id="Rangkaian kenaikan tingkat termurah yang mencapai indeks atau predikat sasaran, untuk evaluasi tahun"
        " berikutnya.",
    )
    help_plan_file = Message(en="The assessment to improve.", id="Penilaian yang akan ditingkatkan.")
    help_plan_target = Message(
        en='An index (3.00), reached by the exact index, or a predikat ("Sangat Baik").',
        id='Indeks (3.00), dicapai oleh indeks persisnya, atau predikat ("Sangat Baik").',
    )
    help_plan_costs = Message(
        en="YAML: `default`, `indicators: {{1-10: 15, 42: 5}}`, `aspects: {{5: 3}}`, `levels: {{5: 3}}` (step costs).",
        id="YAML: `default`, `indicators: {{1-10: 15, 42: 5}}`, `aspects: {{5: 3}}`, `levels: {{5: 3}}`"
        " (biaya per langkah).",
    )
    help_plan_lock = Message(
        en="Indicators to keep where they are: 12,13 (repeatable).",
        id="Indikator yang nilainya tidak diubah: 12,13 (dapat diulang).",
    )
    help_plan_max_level = Message(en="No step goes above this level.", id="Tidak ada langkah di atas tingkat ini.")
    help_plan_ignore_targets = Message(
        en="Plan past the per-indicator targets in the file (caps by default).",
        id="Rencanakan melewati target per indikator di berkas (secara bawaan target membatasi rencana).",
    )
    help_plan_max_raise = Message(
        en="Raise one indicator by at most N levels.", id="Naikkan satu indikator paling banyak N tingkat."
    )
    help_plan_margin = Message(
        en="Plan to reach the target plus this margin (e.g. 0.05).",
        id="Rencanakan sampai sasaran ditambah margin ini (mis. 0.05).",
    )
    help_plan_by = Message(en="Group the steps per office: pic.", id="Kelompokkan langkah per OPD: pic.")
    help_plan_unlock_external = Message(
        en="Also raise indicators valued from other agencies' indices (I5, I6, I7, I18); locked by default.",
        id="Naikkan juga indikator yang nilainya dari indeks instansi lain (I5, I6, I7, I18); secara bawaan dikunci.",
    )
    help_plan_write_targets = Message(
        en="Write the plan's levels as target: into this assessment file (next year's, e.g. from init --from).",
        id="Tulis tingkat rencana sebagai target: ke berkas penilaian ini (tahun berikutnya, mis. dari init --from).",
    )
    help_plan_stage = Message(
        en="Plan from the values at this stage (default: the file's own).",
        id="Rencanakan dari nilai pada tahap ini (bawaan: tahap berkas itu sendiri).",
    )

    # spbe evidence
    help_evidence = Message(
        en="Evidence items per indicator and level: the level secured and, as a work queue, what blocks the next one.",
        id="Bukti dukung per indikator dan tingkat: tingkat yang sudah terpenuhi dan, sebagai antrean kerja, apa yang"
        " menghalangi tingkat berikutnya.",
    )
    help_evidence_file = Message(
        en="The assessment file (- for standard input).", id="Berkas penilaian (- untuk masukan standar)."
    )
    help_evidence_stage = Message(
        en="Read values at this stage (mandiri, dokumen, interviu, visitasi, akhir) for the effects."
        " Default: the file's own stage.",
        id="Baca nilai pada tahap ini (mandiri, dokumen, interviu, visitasi, akhir) untuk pengaruhnya."
        " Bawaan: tahap berkas itu sendiri.",
    )

    # spbe report
    help_report = Message(
        en="The evaluation report as one self-contained HTML page (and a PDF with --pdf).",
        id="Laporan hasil evaluasi sebagai satu halaman HTML mandiri (dan PDF dengan --pdf).",
    )
    help_report_file = Message(en="The assessment to report on.", id="Penilaian yang dilaporkan.")
    help_report_previous = Message(
        en="An earlier year's assessment, for the trend and the last change (repeatable).",
        id="Penilaian tahun sebelumnya, untuk tren dan perubahan terakhir (dapat diulang).",
    )
    help_report_stage = Message(
        en="The stage to report: mandiri, dokumen, interviu, visitasi or akhir (default: the file's).",
        id="Tahap yang dilaporkan: mandiri, dokumen, interviu, visitasi atau akhir (bawaan: tahap berkas).",
    )
    help_report_target = Message(
        en="The target: the radar's ring and page 1's distance (default: the lower edge of Baik).",
        id="Target: lingkar pada radar dan jaraknya di halaman 1 (bawaan: batas bawah Baik).",
    )
    help_report_date = Message(
        en="The report date to print (YYYY-MM-DD); none by default.",
        id="Tanggal laporan yang dicetak (YYYY-MM-DD); secara bawaan tanpa tanggal.",
    )
    help_report_pdf = Message(
        en="Also print the page to this PDF with a headless browser.",
        id="Cetak juga halaman ke PDF ini dengan peramban tanpa tampilan (headless).",
    )
    help_report_costs = Message(
        en="A costs file for the plan's steps, as spbe plan --costs takes it.",
        id="Berkas biaya untuk langkah rencana, seperti pada spbe plan --costs.",
    )
    help_report_kop = Message(
        en="The institution's letterhead above the title: PNG, JPEG or SVG up to 1 MB, embedded.",
        id="Kop surat instansi di atas judul: PNG, JPEG atau SVG paling besar 1 MB, disematkan.",
    )
    help_report_signed_by = Message(
        en='A signature block, "NAME, TITLE"; degrees after the name stay with it (repeatable).',
        id='Blok tanda tangan, "NAMA, JABATAN"; gelar sesudah nama tetap bersama nama (dapat diulang).',
    )
    help_report_browser = Message(
        en="The Chromium, Chrome or Edge program for --pdf (default: found).",
        id="Program Chromium, Chrome atau Edge untuk --pdf (bawaan: yang ditemukan).",
    )

    # spbe check
    help_check = Message(
        en="Readiness before submission: unfilled indicators, claims without evidence, rejected evidence (errors);"
        " missing notes and offices, evidence in revision, raised stage values (warnings).",
        id="Kesiapan sebelum pengiriman: indikator belum diisi, klaim tanpa bukti dukung, bukti dukung ditolak"
        " (kesalahan); penjelasan dan OPD yang belum ada, bukti dukung dalam revisi, nilai tahap yang naik"
        " (peringatan).",
    )
    help_check_by = Message(
        en="Group the findings: pic (one list per office; with -o DIR/, one file per office).",
        id="Kelompokkan temuan: pic (satu daftar per OPD; dengan -o FOLDER/, satu berkas per OPD).",
    )
    help_check_fail_on = Message(
        en="Exit 1 when a finding of this severity or above is found: error or warning.",
        id="Keluar dengan kode 1 bila ada temuan setingkat ini atau lebih berat: error atau warning.",
    )
    help_check_stage = Message(
        en="Check the values at this stage (default: each file's own).",
        id="Periksa nilai pada tahap ini (bawaan: tahap masing-masing berkas).",
    )

    # spbe init
    help_init = Message(
        en="Write a complete assessment template (every indicator, named, with each level's criteria where spbe"
        " has them) or next year's file.\n\n"
        "With -o NAME.xlsx (or NAME.csv) it is the assessment workbook, ready to fill in Excel: by default the"
        " self-assessment's sheet (nilai_mandiri).",
        id="Tulis templat penilaian lengkap (setiap indikator, dengan namanya dan kriteria tiap tingkat bila spbe"
        " memilikinya) atau berkas tahun berikutnya.\n\n"
        "Dengan -o NAMA.xlsx (atau NAMA.csv) hasilnya buku kerja penilaian, siap diisi di Excel: bawaannya lembar"
        " penilaian mandiri (nilai_mandiri).",
    )
    help_init_framework = Message(
        en="The framework of the new file (e.g. pemdi-2026); with --from, move to it.",
        id="Kerangka berkas baru (mis. pemdi-2026); dengan --from, pindah ke kerangka itu.",
    )
    help_init_from = Message(
        en="Start next year's file from this one: same levels, year + 1.",
        id="Mulai berkas tahun berikutnya dari berkas ini: tingkat yang sama, tahun + 1.",
    )
    help_init_institution = Message(en="The institution's name.", id="Nama instansi.")
    help_init_year = Message(en="The evaluation year.", id="Tahun evaluasi.")
    help_init_pic = Message(
        en="With -o NAME.xlsx: only this office's indicators (the sheet to send it).",
        id="Dengan -o NAMA.xlsx: hanya indikator OPD ini (sheet untuk dikirim ke OPD itu).",
    )
    help_init_stage = Message(
        en="With -o NAME.xlsx: the stage the sheet is for (default mandiri, the self-assessment).",
        id="Dengan -o NAMA.xlsx: tahap yang diisi di lembar ini (bawaan mandiri, penilaian mandiri).",
    )
    help_init_force = Message(
        en="Replace the output file if it exists (without --force an existing file is never replaced).",
        id="Timpa berkas keluaran bila sudah ada (tanpa --force berkas yang sudah ada tidak pernah ditimpa).",
    )

    # spbe rank
    help_rank = Message(
        en="Rank many institutions: per framework (and --by year), with a summary per group.",
        id="Peringkat banyak instansi: per kerangka (dan --by year), dengan ringkasan per kelompok.",
    )
    help_rank_paths = Message(
        en="Assessment files or folders (searched recursively).",
        id="Berkas atau folder penilaian (dicari sampai ke subfolder).",
    )
    help_rank_title = Message(
        en='The page\'s title (-f html), e.g. "Provinsi Bali".', id='Judul halaman (-f html), misalnya "Provinsi Bali".'
    )
    help_rank_reference = Message(
        en='An index to draw a line at (-f html), with what it is: "3.12 Rata-rata nasional 2024".',
        id='Indeks yang ditandai garis (-f html), dengan keterangannya: "3,12 Rata-rata nasional 2024".',
    )
    help_rank_by = Message(
        en="Group the ranking: year; with --among-published: category (default) or province.",
        id="Kelompokkan peringkat: year (per tahun); dengan --among-published: category (bawaan) atau province.",
    )
    help_rank_among_published = Message(
        en="Rank the files inside this year's published results of their category (--by province: province).",
        id="Peringkatkan berkas di antara hasil yang dipublikasikan tahun ini dalam kategorinya (--by province: provinsinya).",
    )
    help_rank_stage = Message(
        en="Rank every file at this stage (default: each file's own).",
        id="Peringkat setiap berkas pada tahap ini (bawaan: tahap masing-masing berkas).",
    )

    # spbe schema
    help_schema = Message(
        en="Print a JSON Schema of assessment files, for editors (yaml-language-server) and other tools.",
        id="Cetak JSON Schema berkas penilaian, untuk editor (yaml-language-server) dan alat lain.",
    )
    help_schema_framework = Message(
        en="Only this framework's files (default: any framework).",
        id="Hanya berkas kerangka ini (bawaan: kerangka apa pun).",
    )

    # spbe validate
    help_validate = Message(
        en="Check assessment files without scoring them; report every problem of every file.",
        id="Periksa berkas penilaian tanpa menghitung indeksnya; laporkan setiap masalah di setiap berkas.",
    )
    help_validate_format = Message(
        en="text (PATH:LINE:COL: message) or github (workflow annotations; the default under GitHub Actions).",
        id="text (PATH:LINE:COL: pesan) atau github (anotasi workflow; bawaan di GitHub Actions).",
    )
    help_validate_quiet = Message(
        en="Print nothing for valid files.", id="Jangan mencetak apa pun untuk berkas yang valid."
    )
    help_validate_skip_other_yaml = Message(
        en="Skip YAML files with no top-level `framework:` (for hooks).",
        id="Lewati berkas YAML tanpa `framework:` di tingkat teratas (untuk hook).",
    )

    # spbe import
    help_import = Message(
        en="Read assessment sheets into an assessment file: a new one (-o), or fill an existing one (--into).\n\n"
        "What the file held is kept: each value it held that a sheet replaces is listed, a plain value becomes"
        " the stage it belongs to when the sheets give values per stage, and sheets that disagree, or would"
        " drop a value, are refused before anything is written.",
        id="Baca sheet penilaian ke dalam berkas penilaian: berkas baru (-o), atau isi berkas yang sudah ada (--into).\n\n"
        "Isi berkas tetap terjaga: setiap nilai berkas yang diganti sheet dicantumkan, nilai tanpa tahap menjadi"
        " tahap asalnya bila sheet memberi nilai per tahap, dan sheet yang saling bertentangan, atau yang akan"
        " menghilangkan nilai, ditolak sebelum apa pun ditulis.",
    )
    help_import_sheets = Message(
        en="Assessment sheets (XLSX or CSV), e.g. one per office.",
        id="Sheet penilaian (XLSX atau CSV), mis. satu per OPD.",
    )
    help_import_output = Message(en="Write a new assessment file (YAML).", id="Tulis berkas penilaian baru (YAML).")
    help_import_into = Message(
        en="Fill this assessment file (YAML) with what the sheets give.",
        id="Isi berkas penilaian ini (YAML) dengan apa yang diberikan sheet.",
    )
    help_import_framework = Message(
        en="The framework, for a sheet that does not say it.", id="Kerangka, untuk sheet yang tidak menyebutkannya."
    )
    help_import_institution = Message(
        en="The institution, for a sheet that does not say it.", id="Instansi, untuk sheet yang tidak menyebutkannya."
    )
    help_import_year = Message(
        en="The year, for a sheet that does not say it.", id="Tahun, untuk sheet yang tidak menyebutkannya."
    )
    help_import_stage = Message(
        en="The stage the sheets are at (mandiri ... akhir): a plain nilai column holds that stage's values.",
        id="Tahap isi sheet (mandiri ... akhir): kolom nilai tanpa tahap berisi nilai tahap itu.",
    )
    help_import_force = Message(
        en="With -o: replace an existing assessment file (--into always fills its file).",
        id="Dengan -o: timpa berkas penilaian yang sudah ada (--into selalu mengisi berkasnya).",
    )

    # spbe export
    help_export = Message(
        en="Write an assessment as the assessment workbook (Penilaian, Bukti, Info) or as a CSV sheet: the file as"
        " it is, one office's sheet (--pic, --each-pic), a stage's sheet (--stage) or the assessors' (--assessor).",
        id="Tulis penilaian sebagai buku kerja penilaian (Penilaian, Bukti, Info) atau sebagai sheet CSV: berkas"
        " apa adanya, lembar satu OPD (--pic, --each-pic), lembar satu tahap (--stage) atau lembar asesor"
        " (--assessor).",
    )
    help_export_file = Message(
        en="The assessment file (YAML, XLSX or CSV).", id="Berkas penilaian (YAML, XLSX atau CSV)."
    )
    help_export_output = Message(
        en="The workbook to write: NAME.xlsx or NAME.csv.", id="Buku kerja yang ditulis: NAMA.xlsx atau NAMA.csv."
    )
    help_export_pic = Message(
        en="Only the indicators of this office (OPD): the sheet to send it.",
        id="Hanya indikator OPD ini: sheet untuk dikirim ke OPD itu.",
    )
    help_export_each_pic = Message(
        en="One workbook per office into this folder (opd-NAME.xlsx), each with only its indicators.",
        id="Satu buku kerja per OPD ke folder ini (opd-NAMA.xlsx), masing-masing hanya berisi indikatornya.",
    )
    help_export_stage = Message(
        en="The stage the sheet is for (mandiri ... akhir): its value column to fill, earlier stages shown greyed."
        " Default for an office's sheet: mandiri (the self-assessment).",
        id="Tahap yang diisi di lembar ini (mandiri ... akhir): kolom nilainya untuk diisi, tahap sebelumnya"
        " ditampilkan abu-abu. Bawaan untuk lembar OPD: mandiri (penilaian mandiri).",
    )
    help_export_assessor = Message(
        en="The assessors' sheet: the self-assessment greyed, a column for each assessors' stage, their notes.",
        id="Lembar asesor: penilaian mandiri abu-abu, satu kolom untuk tiap tahap asesor, catatan asesor.",
    )
    help_export_force = Message(
        en="With --each-pic: replace office workbooks already in the folder (they may hold answers).",
        id="Dengan --each-pic: timpa buku kerja OPD yang sudah ada di folder (mungkin sudah berisi jawaban).",
    )

    # spbe published
    help_published = Message(
        en="Look up KemenPANRB's published Indeks SPBE results (2023, 2024), with their sources.",
        id="Cari hasil Indeks SPBE yang dipublikasikan KemenPANRB (2023, 2024), beserta sumbernya.",
    )
    help_published_name = Message(
        en='An institution, matched leniently ("kab luwu" finds Pemerintah Kab. Luwu).',
        id='Nama instansi, dicocokkan dengan longgar ("kab luwu" menemukan Pemerintah Kab. Luwu).',
    )
    help_published_year = Message(en="Only this year's results.", id="Hanya hasil tahun ini.")
    help_published_kind = Message(
        en="Only this kind: kabupaten, kota, provinsi or pusat.",
        id="Hanya jenis ini: kabupaten, kota, provinsi atau pusat.",
    )
    help_published_province = Message(
        en="Only the governments of this province.", id="Hanya pemerintah daerah di provinsi ini."
    )

    # spbe frameworks, spbe indicators
    help_frameworks_command = Message(
        en="List the frameworks: id, regulation, years, values and number of indicators.",
        id="Daftar kerangka: id, peraturan, tahun, nilai dan jumlah indikator.",
    )
    help_indicators = Message(
        en="List a framework's domains, aspects and indicators with their weights (and level criteria).",
        id="Daftar domain, aspek dan indikator suatu kerangka beserta bobotnya (dan kriteria tingkatnya).",
    )
    help_indicators_criteria = Message(
        en="Also each indicator's level criteria, with their source (spbe-2020: the regulation's text;"
        " pemdi-2026: a third-party extraction, said so).",
        id="Sertakan kriteria tiap tingkat setiap indikator, dengan sumbernya (spbe-2020: teks peraturan;"
        " pemdi-2026: ekstraksi pihak ketiga, disebutkan demikian).",
    )
    help_indicators_framework = Message(
        en="A framework id (default: every framework).", id="Id kerangka (bawaan: semua kerangka)."
    )
