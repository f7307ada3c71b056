"""The assessment workbook: one format, written by `init` and `export`, read by every command.

Sheet `Penilaian`: one row per indicator (per service for a multi-service indicator); sheet `Bukti`:
one row per evidence item; sheet `Info`: one field per row (name in A, value in B). A CSV file is the
`Penilaian` sheet with the `Info` fields as columns. Column names are the contract; they are Indonesian,
as coordinators use them, and read whatever their case, spacing or order.
"""

from __future__ import annotations

FORMAT_VERSION = 1
# The largest sheet file read, of each kind (YAML files have their own, yamlread.MAX_BYTES): a larger
# one is refused, never cut.
MAX_XLSX_BYTES = 20 * 1024 * 1024
MAX_CSV_BYTES = 20 * 1024 * 1024
PENILAIAN, BUKTI, INFO = "Penilaian", "Bukti", "Info"

# The stage ids of the assessment model and their columns, in the official order.
STAGE_IDS = ("mandiri", "dokumen", "interviu", "visitasi", "akhir")
STAGE_COLUMNS = {stage: f"nilai_{stage}" for stage in STAGE_IDS}
PLAIN_COLUMN = "nilai"  # the value of a file without stages (holds at every stage)
VALUE_COLUMNS = (PLAIN_COLUMN, *STAGE_COLUMNS.values())
# pemdi-2026 I5, I6, I7, I18: the other agency's index number (or `pending`) the value is converted from.
EXTERNAL_COLUMN = "eksternal"

# Columns shown for reading: checked against the framework on import, never trusted.
REFERENCE_COLUMNS = ("indikator", "aspek", "domain", "bobot")

# Columns that map to a key of an indicator's entry in the assessment file.
ENTRY_COLUMNS = {
    "target": "target",
    "penjelasan": "note",
    "bukti_dukung": "evidence",
    "pic_opd": "pic",
    "layanan": "service",
    "catatan_asesor": "assessor_note",
    "rekomendasi": "recommendation",
}
COLUMN_OF_KEY = {key: column for column, key in ENTRY_COLUMNS.items()} | {
    "level": PLAIN_COLUMN,
    **STAGE_COLUMNS,
}

# Columns whose cells are read as numbers (a CSV sheet's `year` among them).
NUMBER_COLUMNS = (*VALUE_COLUMNS, EXTERNAL_COLUMN, "target", "year")

PENILAIAN_COLUMNS = ("kode", *REFERENCE_COLUMNS, *VALUE_COLUMNS, EXTERNAL_COLUMN, *ENTRY_COLUMNS)

BUKTI_COLUMNS = {
    "kode_indikator": None,  # the indicator the item belongs to
    "kode_bukti": "code",
    "judul": "title",
    "tautan": "link",
    "status": "status",
    "catatan": "note",
}
EVIDENCE_STATUSES = ("draf", "diunggah", "diterima", "revisi", "ditolak")

INFO_FIELDS = ("framework", "institution", "year", "stage", "category", "format")
CSV_INFO_COLUMNS = ("framework", "institution", "year", "stage")  # the same value on every row
# Read where a CSV sheet has it, written only where the assessment says it (the same value on every row).
CSV_OPTIONAL_INFO_COLUMNS = ("category",)

# What goes in each column: the comment on its header (Indonesian, the coordinators' language).
COMMENTS = {
    "kode": "Kode indikator (jangan diubah). Wajib.",
    "indikator": "Nama indikator, hanya untuk dibaca; saat impor dicocokkan dengan kerangka.",
    "aspek": "Nomor aspek, hanya untuk dibaca.",
    "domain": "Nomor domain, hanya untuk dibaca.",
    "bobot": "Bobot indikator (persen dari indeks), hanya untuk dibaca.",
    PLAIN_COLUMN: "Nilai indikator (berlaku di semua tahap). Pilih dari daftar; kosong = belum diisi.",
    "nilai_mandiri": "Nilai penilaian mandiri. Pilih dari daftar; kosong = belum diisi.",
    "nilai_dokumen": "Nilai penilaian dokumen (asesor).",
    "nilai_interviu": "Nilai penilaian interviu (asesor).",
    "nilai_visitasi": "Nilai penilaian visitasi (asesor).",
    "nilai_akhir": "Nilai hasil akhir.",
    EXTERNAL_COLUMN: "Nilai indeks instansi lain (mis. Indeks SDI) yang dikonversi menjadi nilai, atau pending.",
    "target": "Nilai yang ingin dicapai (boleh kosong).",
    "penjelasan": "Penjelasan atau dasar penilaian.",
    "bukti_dukung": "Bukti dukung: satu tautan atau rujukan per baris (Alt+Enter untuk baris baru).",
    "pic_opd": "OPD penanggung jawab; beberapa OPD dipisah titik koma (;).",
    "layanan": "Layanan publik / sektor yang dinilai.",
    "catatan_asesor": "Catatan asesor.",
    "rekomendasi": "Rekomendasi asesor.",
    "kode_indikator": "Kode indikator tempat bukti ini (harus ada di sheet Penilaian).",
    "kode_bukti": "Kode bukti di portal (mis. I4-L2-01 untuk pemdi-2026).",
    "judul": "Judul dokumen bukti.",
    "tautan": "Tautan (URL) dokumen bukti.",
    "status": "Status: draf, diunggah, diterima, revisi atau ditolak. Pilih dari daftar.",
    "catatan": "Catatan untuk bukti ini.",
}
INFO_COMMENTS = {
    "framework": "Kerangka penilaian (mis. spbe-2020, pemdi-2026). Jangan diubah.",
    "institution": "Nama instansi.",
    "year": "Tahun evaluasi.",
    "stage": "Tahap evaluasi saat ini (boleh kosong): mandiri, dokumen, interviu, visitasi atau akhir.",
    "category": "Kategori instansi untuk perbandingan dengan rata-rata yang dipublikasikan (boleh kosong:"
    " dibaca dari nama instansi): kabupaten, kota, provinsi, kementerian, lpnk, lns, lainnya atau pusat.",
    "format": "Versi format buku kerja spbe. Jangan diubah.",
}


def header_key(text: object) -> str:
    """A header as compared: case, surrounding spaces and inner spaces do not matter."""
    return "_".join(str(text).strip().casefold().split())


def split_offices(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def is_sheet(path: str, data: bytes) -> str | None:
    """'xlsx' or 'csv' when the file is a spreadsheet (by content for a workbook, else by name)."""
    lower = path.lower()
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".xls")):
        return "xlsx"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    return None
