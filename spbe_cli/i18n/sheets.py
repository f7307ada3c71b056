"""Workbooks and CSV sheets: reading, writing, import and export."""

from __future__ import annotations

from .message import Message


class Sheets:
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
    sheet_binary = Message(
        en="a binary workbook (.xlsb) cannot be read: save it as Excel Workbook (*.xlsx)",
        id="buku kerja biner (.xlsb) tidak dapat dibaca: simpan sebagai Excel Workbook (*.xlsx)",
    )
    sheet_encrypted = Message(
        en="the workbook is encrypted (protected with a password): remove the password (File > Info > Protect Workbook) and save it again",
        id="buku kerja ini terenkripsi (dilindungi kata sandi): hapus kata sandinya (File > Info > Protect Workbook) lalu simpan lagi",
    )
    sheet_not_ods = Message(
        en="not an OpenDocument spreadsheet (or a damaged one): save it again as .ods or as Excel Workbook (*.xlsx)",
        id="bukan lembar kerja OpenDocument (atau rusak): simpan lagi sebagai .ods atau sebagai Excel Workbook (*.xlsx)",
    )
    sheet_member_larger = Message(
        en="a part of the workbook ({member}) unpacks to more than it declares: the file is damaged or crafted, and is refused",
        id="satu bagian buku kerja ({member}) membesar melebihi ukuran yang dinyatakannya: berkas rusak atau direkayasa, dan ditolak",
    )
    sheet_bad_xml = Message(
        en="the workbook is damaged: {member} is not well-formed XML (line {line}); save it again from Excel",
        id="buku kerja ini rusak: {member} bukan XML yang sah (baris {line}); simpan lagi dari Excel",
    )
    sheet_bad_reference = Message(
        en="the workbook is damaged: {member} names the cell {reference!r}, outside what a sheet holds (A1 to XFD1048576)",
        id="buku kerja ini rusak: {member} menyebut sel {reference!r}, di luar isi sebuah sheet (A1 sampai XFD1048576)",
    )
    sheet_same_name = Message(
        en="sheets {first!r} and {second!r} both answer to the name {name}: rename or delete one of them",
        id="sheet {first!r} dan {second!r} sama-sama bernama {name}: ganti nama atau hapus salah satunya",
    )
    sheet_hidden = Message(
        en="warning: sheet {sheet!r} is hidden in the workbook; it is read as the {name} sheet",
        id="peringatan: sheet {sheet!r} tersembunyi di buku kerja; sheet itu dibaca sebagai sheet {name}",
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
    csv_not_in_encoding = Message(en="not {encoding} text (byte 0x{byte})", id="bukan teks {encoding} (byte 0x{byte})")
    csv_not_text = Message(en="not {encoding} text", id="bukan teks {encoding}")
    csv_not_text_encoding = Message(
        en="{encoding!r} is not a text encoding (e.g. utf-8, cp1252, latin-1)",
        id="{encoding!r} bukan pengodean teks (mis. utf-8, cp1252, latin-1)",
    )
    sheet_row_too_wide = Message(
        en='this row has {cells} cells but the header has {columns} columns: a value holding the delimiter was split (a decimal comma in a comma-separated file: put the value in quotes, "2,75", or save the file with ; as the delimiter)',
        id='baris ini berisi {cells} sel padahal baris judul hanya {columns} kolom: sebuah nilai yang memuat pemisah terbelah (koma desimal dalam berkas berpemisah koma: beri tanda kutip, "2,75", atau simpan berkas dengan pemisah ;)',
    )
    sheet_evidence_half_character = Message(
        en="a line of JSON with an escape such as \\ud800 that is half of a character: write the character itself",
        id="satu baris JSON berisi escape seperti \\ud800 yang hanya separuh karakter: tulis karakternya langsung",
    )
    sheet_evidence_nested = Message(
        en="a line of JSON nested too deep to be an evidence item (an item is one object of text fields)",
        id="satu baris JSON bersarang terlalu dalam untuk menjadi butir bukti (satu butir adalah satu objek berisi teks)",
    )
    # English names the column alone (the location already says the row): `{row:.0}` prints nothing.
    sheet_where = Message(en="{column}{row:.0}", id="baris {row}, kolom {column}")
    sheet_no_penilaian = Message(
        en="no sheet named Penilaian, nor one with a kode column (sheets: {sheets})",
        id="tidak ada sheet bernama Penilaian, maupun sheet dengan kolom kode (sheet yang ada: {sheets})",
    )
    sheet_no_kode = Message(
        en="no column kode: the header row must name the column of indicator codes",
        id="tidak ada kolom kode: baris judul harus memuat kolom kode indikator",
    )
    sheet_no_value_column = Message(
        en="no value column: name one of {columns}", id="tidak ada kolom nilai: tulis salah satu dari {columns}"
    )
    sheet_no_column = Message(en="no column {column}", id="tidak ada kolom {column}")
    sheet_duplicate_column = Message(
        en="column {column} appears twice (first at {first})", id="kolom {column} muncul dua kali (pertama di {first})"
    )
    sheet_unknown_column = Message(
        en="warning: column {column!r} is not used", id="peringatan: kolom {column!r} tidak dipakai"
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
        en="{field} differs from {option} {given}", id="{field} berbeda dari {option} {given}"
    )
    sheet_no_kode_in_row = Message(en="the row has values but no kode", id="baris ini berisi nilai tetapi tanpa kode")
    sheet_duplicate_row = Message(
        en="indicator {id} appears again (first at {first}); only an indicator assessed per service takes several rows",
        id="indikator {id} muncul lagi (pertama di {first}); hanya indikator yang dinilai per layanan boleh beberapa baris",
    )
    sheet_rows_differ = Message(
        en="{column} differs from {first}: write it once, on the indicator's first row",
        id="{column} berbeda dari {first}: tulis sekali saja, di baris pertama indikator",
    )
    sheet_evidence_unknown = Message(
        en="indicator {id} is not in the Penilaian sheet", id="indikator {id} tidak ada di sheet Penilaian"
    )
    sheet_reference_differs = Message(
        en="warning: {column} {given!r} of indicator {id} differs from {framework}: {wanted!r} (the framework's is used)",
        id="peringatan: {column} {given!r} untuk indikator {id} berbeda dengan {framework}: {wanted!r} (yang dipakai milik kerangka)",
    )
    sheet_source = Message(en="File", id="Berkas")
    sheet_groups = Message(en="Domains and aspects", id="Domain dan aspek")
    sheet_current = Message(en="Current", id="Saat ini")
    sheet_with_plan = Message(en="With the plan", id="Dengan rencana")
    sheet_service = Message(en="Service", id="Layanan")
    csv_broken = Message(en="broken CSV: {reason}", id="CSV rusak: {reason}")
    # The assessment workbook's headers, as a person reads them (the reader knows them in both languages).
    col_kode = Message(en="Code", id="Kode")
    col_indikator = Message(en="Indicator", id="Indikator")
    col_aspek = Message(en="Aspect", id="Aspek")
    col_domain = Message(en="Domain", id="Domain")
    col_bobot = Message(en="Weight (%)", id="Bobot (%)")
    col_nilai = Message(en="Value", id="Nilai")
    col_nilai_mandiri = Message(en="Self-assessment value", id="Nilai Penilaian Mandiri")
    col_nilai_dokumen = Message(en="Document review value", id="Nilai Penilaian Dokumen")
    col_nilai_interviu = Message(en="Interview value", id="Nilai Penilaian Interviu")
    col_nilai_visitasi = Message(en="Site visit value", id="Nilai Penilaian Visitasi")
    col_nilai_akhir = Message(en="Final value", id="Nilai Hasil Akhir")
    col_eksternal = Message(en="Other agency's index", id="Indeks Instansi Lain")
    col_target = Message(en="Target", id="Target")
    col_penjelasan = Message(en="Explanation", id="Penjelasan")
    col_bukti_dukung = Message(en="Evidence", id="Bukti Dukung")
    col_pic_opd = Message(en="Responsible office (OPD)", id="OPD Penanggung Jawab")
    col_layanan = Message(en="Public service", id="Layanan")
    col_catatan_asesor = Message(en="Assessors' note", id="Catatan Asesor")
    col_rekomendasi = Message(en="Recommendation", id="Rekomendasi")
    col_kode_indikator = Message(en="Indicator code", id="Kode Indikator")
    col_kode_bukti = Message(en="Evidence code", id="Kode Bukti")
    col_judul = Message(en="Title", id="Judul")
    col_tautan = Message(en="Link", id="Tautan")
    col_status = Message(en="Status", id="Status")
    col_catatan = Message(en="Note", id="Catatan")
    info_framework = Message(en="Framework", id="Kerangka Penilaian")
    info_institution = Message(en="Institution", id="Instansi")
    info_year = Message(en="Year", id="Tahun")
    info_stage = Message(en="Stage", id="Tahap")
    info_category = Message(en="Category", id="Kategori")
    info_pic_opd = Message(en="Office (OPD)", id="OPD")
    info_format = Message(en="Format version", id="Versi Format")
    # What goes in each column: the comment on its header.
    cmt_kode = Message(en="Indicator code (do not change). Required.", id="Kode indikator (jangan diubah). Wajib.")
    cmt_indikator = Message(
        en="The indicator's name, for reading; hover over it for what each level means.",
        id="Nama indikator, hanya untuk dibaca; arahkan kursor ke sini untuk kriteria tiap tingkat.",
    )
    cmt_aspek = Message(en="The indicator's aspect, for reading.", id="Aspek indikator, hanya untuk dibaca.")
    cmt_domain = Message(en="The indicator's domain, for reading.", id="Domain indikator, hanya untuk dibaca.")
    cmt_bobot = Message(
        en="The indicator's weight (percent of the index), for reading.",
        id="Bobot indikator (persen dari indeks), hanya untuk dibaca.",
    )
    cmt_nilai = Message(
        en="The indicator's value (holds at every stage); empty = not filled yet.",
        id="Nilai indikator (berlaku di semua tahap); kosong = belum diisi.",
    )
    cmt_nilai_mandiri = Message(
        en="The self-assessment value; empty = not filled yet.", id="Nilai penilaian mandiri; kosong = belum diisi."
    )
    cmt_nilai_dokumen = Message(en="The assessors' document review value.", id="Nilai penilaian dokumen (asesor).")
    cmt_nilai_interviu = Message(en="The assessors' interview value.", id="Nilai penilaian interviu (asesor).")
    cmt_nilai_visitasi = Message(en="The assessors' site visit value.", id="Nilai penilaian visitasi (asesor).")
    cmt_nilai_akhir = Message(en="The final value.", id="Nilai hasil akhir.")
    cmt_eksternal = Message(
        en="The other agency's index (e.g. Indeks SDI) the value is converted from, or pending; leave empty for an indicator you value yourself.",
        id="Nilai indeks instansi lain (mis. Indeks SDI) yang dikonversi menjadi nilai, atau pending; kosongkan untuk indikator yang dinilai sendiri.",
    )
    cmt_target = Message(en="The value aimed for (may be empty).", id="Nilai yang ingin dicapai (boleh kosong).")
    cmt_penjelasan = Message(
        en="Explanation or basis of the value (Alt+Enter for a new line).",
        id="Penjelasan atau dasar penilaian (Alt+Enter untuk baris baru).",
    )
    cmt_bukti_dukung = Message(
        en="Evidence: one link or reference per line (Alt+Enter for a new line).",
        id="Bukti dukung: satu tautan atau rujukan per baris (Alt+Enter untuk baris baru).",
    )
    cmt_pic_opd = Message(
        en="Responsible office(s); pick from the list, several separated by semicolons (;).",
        id="OPD penanggung jawab; pilih dari daftar, beberapa OPD dipisah titik koma (;).",
    )
    cmt_layanan = Message(en="The public service / sector assessed.", id="Layanan publik / sektor yang dinilai.")
    cmt_catatan_asesor = Message(en="The assessors' note.", id="Catatan asesor.")
    cmt_rekomendasi = Message(en="The assessors' recommendation.", id="Rekomendasi asesor.")
    cmt_kode_indikator = Message(
        en="The indicator this item belongs to (must be in the Penilaian sheet).",
        id="Kode indikator tempat bukti ini (harus ada di sheet Penilaian).",
    )
    cmt_kode_bukti = Message(
        en="The item's code in the portal (e.g. I4-L2-01 for pemdi-2026).",
        id="Kode bukti di portal (mis. I4-L2-01 untuk pemdi-2026).",
    )
    cmt_judul = Message(en="The evidence document's title.", id="Judul dokumen bukti.")
    cmt_tautan = Message(en="Link (URL) to the evidence document.", id="Tautan (URL) dokumen bukti.")
    cmt_status = Message(
        en="Status: draf, diunggah, diterima, revisi or ditolak. Pick from the list.",
        id="Status: draf, diunggah, diterima, revisi atau ditolak. Pilih dari daftar.",
    )
    cmt_catatan = Message(en="A note on this item.", id="Catatan untuk bukti ini.")
    cmt_info_framework = Message(
        en="The assessment framework (e.g. spbe-2020, pemdi-2026). Do not change.",
        id="Kerangka penilaian (mis. spbe-2020, pemdi-2026). Jangan diubah.",
    )
    cmt_info_institution = Message(en="The institution's name.", id="Nama instansi.")
    cmt_info_year = Message(en="The evaluation year.", id="Tahun evaluasi.")
    cmt_info_stage = Message(
        en="The stage of the evaluation this sheet is for (may be empty): mandiri, dokumen, interviu, visitasi or akhir.",
        id="Tahap evaluasi lembar ini (boleh kosong): mandiri, dokumen, interviu, visitasi atau akhir.",
    )
    cmt_info_category = Message(
        en="The institution's category, to compare it with the published averages (may be empty: read from"
        " the institution's name): kabupaten, kota, provinsi, kementerian, lpnk, lns, lainnya or pusat.",
        id="Kategori instansi untuk perbandingan dengan rata-rata yang dipublikasikan (boleh kosong: dibaca dari"
        " nama instansi): kabupaten, kota, provinsi, kementerian, lpnk, lns, lainnya atau pusat.",
    )
    cmt_info_pic_opd = Message(
        en="The office this sheet was made for: it holds that office's indicators only.",
        id="OPD tujuan lembar ini: lembar ini hanya memuat indikator OPD tersebut.",
    )
    cmt_info_format = Message(
        en="Version of spbe's workbook format. Do not change.", id="Versi format buku kerja spbe. Jangan diubah."
    )
    sheet_label_shown_only = Message(en="{label} (read only)", id="{label} (hanya dibaca)")
    sheet_read_only = Message(en="{comment} Read only.", id="{comment} Hanya untuk dibaca.")
    sheet_levels = Message(en="{comment} Levels: {levels}.", id="{comment} Tingkat: {levels}.")
    sheet_title_stage = Message(en="{stage}, {index} {year}: {who}", id="{stage} {index} {year} - {who}")
    sheet_title_assessor = Message(
        en="Assessors' sheet, {index} {year}: {who}", id="Lembar Asesor {index} {year} - {who}"
    )
    sheet_title_file = Message(en="Assessment, {index} {year}: {who}", id="Penilaian {index} {year} - {who}")
    sheet_who = Message(en="{office}, {institution}", id="{office}, {institution}")
    sheet_instruction = Message(
        en="Fill in the white columns: {columns}. Grey columns are for reading only. Values {low} to {high}{criteria}. Save as a workbook (.xlsx or .ods) and send it back.",
        id="Isi kolom berlatar putih: {columns}. Kolom abu-abu hanya untuk dibaca. Nilai {low} sampai {high}{criteria}. Simpan sebagai buku kerja (.xlsx atau .ods) lalu kirim kembali.",
    )
    sheet_instruction_criteria = Message(
        en="; hover over an indicator's name for what each level means",
        id="; arahkan kursor ke nama indikator untuk kriteria tiap tingkat",
    )
    sheet_value_prompt = Message(en="{levels}. Empty = not filled yet.", id="{levels}. Kosong = belum diisi.")
    sheet_value_prompt_title = Message(en="Value {low}-{high}", id="Nilai {low}-{high}")
    sheet_value_error_whole = Message(
        en="The value must be a whole number from {low} to {high}.",
        id="Nilai harus bilangan bulat dari {low} sampai {high}.",
    )
    sheet_value_error_decimal = Message(
        en="The value must be a number from {low} to {high} (decimals allowed).",
        id="Nilai harus angka dari {low} sampai {high} (boleh desimal).",
    )
    sheet_value_error_title = Message(en="Value not valid", id="Nilai tidak sah")
    sheet_status_error_title = Message(en="Status not valid", id="Status tidak sah")
    criteria_official = Message(
        en="Level criteria ({regulation}, {location}; the regulation's own words):",
        id="Kriteria tingkat ({regulation}, {location}; teks peraturan):",
    )
    criteria_extraction = Message(
        en="Level criteria: NOT the text of {regulation}, a third-party extraction of the indicator module ({url}):",
        id="Kriteria tingkat: BUKAN teks {regulation}, melainkan ekstraksi pihak ketiga dari modul indikator ({url}):",
    )
    criteria_source = Message(en="Source: {url}", id="Sumber: {url}")
    sheet_header_disagrees = Message(
        en="the header {label!r} reads as column {read}, but the hidden row of column names says {name}: make them agree, or delete the hidden row",
        id="judul kolom {label!r} terbaca sebagai kolom {read}, tetapi baris nama kolom yang tersembunyi menyebut {name}: samakan keduanya, atau hapus baris tersembunyi itu",
    )
    sheet_several_coded = Message(
        en="no sheet named Penilaian, and several sheets have a kode column ({coded}): name the assessment sheet Penilaian",
        id="tidak ada sheet bernama Penilaian, dan beberapa sheet memiliki kolom kode ({coded}): beri nama sheet penilaian Penilaian",
    )
