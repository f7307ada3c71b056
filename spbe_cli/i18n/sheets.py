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
        en="no sheet named Penilaian (sheets: {sheets})",
        id="tidak ada sheet bernama Penilaian (sheet yang ada: {sheets})",
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
