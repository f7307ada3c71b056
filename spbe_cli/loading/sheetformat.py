"""The assessment workbook: one format, written by `init` and `export`, read by every command.

Sheet `Penilaian`: one row per indicator (per service for a multi-service indicator); sheet `Bukti`:
one row per evidence item; sheet `Info`: one field per row (name in A, value in B). A CSV file is the
`Penilaian` sheet with the `Info` fields as columns. Column names are the contract; they are Indonesian,
as coordinators use them, and read whatever their case, spacing or order.
"""

from __future__ import annotations

from ..i18n import LANGUAGES, M, Message

# 2: a title and an instruction above a hidden row of column names and a row of headers people read;
# an Info sheet with labels; the office a sheet was made for (pic_opd).
FORMAT_VERSION = 2
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
    "external": EXTERNAL_COLUMN,
    **STAGE_COLUMNS,
}

# Columns whose cells are read as numbers (a CSV sheet's `year` among them).
NUMBER_COLUMNS = (*VALUE_COLUMNS, EXTERNAL_COLUMN, "target", "year")

PENILAIAN_COLUMNS = ("kode", *REFERENCE_COLUMNS, *VALUE_COLUMNS, EXTERNAL_COLUMN, *ENTRY_COLUMNS)


def shown_only(name: str) -> str:
    """The name of a column a sheet shows for reading only (`(nilai_mandiri)`): never read back, so an
    assessors' sheet cannot carry an older self-assessment (or an office's note) back into the file."""
    return f"({name})"


SHOWN_ONLY = tuple(shown_only(name) for name in (*VALUE_COLUMNS, EXTERNAL_COLUMN, *ENTRY_COLUMNS))

BUKTI_COLUMNS = {
    "kode_indikator": None,  # the indicator the item belongs to
    "kode_bukti": "code",
    "judul": "title",
    "tautan": "link",
    "status": "status",
    "catatan": "note",
}
EVIDENCE_STATUSES = ("draf", "diunggah", "diterima", "revisi", "ditolak")

INFO_FIELDS = ("framework", "institution", "year", "stage", "category", "pic_opd", "format")
CSV_INFO_COLUMNS = ("framework", "institution", "year", "stage")  # the same value on every row
# Read where a CSV sheet has it, written only where the assessment says it (the same value on every row).
CSV_OPTIONAL_INFO_COLUMNS = ("category",)

# Each column's header as a person reads it, and the comment on it (in the reader's language); the
# machine names above stay in a hidden row, so either the name or the header (in either language) reads.
LABELS: dict[str, Message] = {
    "kode": M.col_kode,
    "indikator": M.col_indikator,
    "aspek": M.col_aspek,
    "domain": M.col_domain,
    "bobot": M.col_bobot,
    "nilai": M.col_nilai,
    "nilai_mandiri": M.col_nilai_mandiri,
    "nilai_dokumen": M.col_nilai_dokumen,
    "nilai_interviu": M.col_nilai_interviu,
    "nilai_visitasi": M.col_nilai_visitasi,
    "nilai_akhir": M.col_nilai_akhir,
    "eksternal": M.col_eksternal,
    "target": M.col_target,
    "penjelasan": M.col_penjelasan,
    "bukti_dukung": M.col_bukti_dukung,
    "pic_opd": M.col_pic_opd,
    "layanan": M.col_layanan,
    "catatan_asesor": M.col_catatan_asesor,
    "rekomendasi": M.col_rekomendasi,
    "kode_indikator": M.col_kode_indikator,
    "kode_bukti": M.col_kode_bukti,
    "judul": M.col_judul,
    "tautan": M.col_tautan,
    "status": M.col_status,
    "catatan": M.col_catatan,
}
COMMENTS: dict[str, Message] = {
    "kode": M.cmt_kode,
    "indikator": M.cmt_indikator,
    "aspek": M.cmt_aspek,
    "domain": M.cmt_domain,
    "bobot": M.cmt_bobot,
    "nilai": M.cmt_nilai,
    "nilai_mandiri": M.cmt_nilai_mandiri,
    "nilai_dokumen": M.cmt_nilai_dokumen,
    "nilai_interviu": M.cmt_nilai_interviu,
    "nilai_visitasi": M.cmt_nilai_visitasi,
    "nilai_akhir": M.cmt_nilai_akhir,
    "eksternal": M.cmt_eksternal,
    "target": M.cmt_target,
    "penjelasan": M.cmt_penjelasan,
    "bukti_dukung": M.cmt_bukti_dukung,
    "pic_opd": M.cmt_pic_opd,
    "layanan": M.cmt_layanan,
    "catatan_asesor": M.cmt_catatan_asesor,
    "rekomendasi": M.cmt_rekomendasi,
    "kode_indikator": M.cmt_kode_indikator,
    "kode_bukti": M.cmt_kode_bukti,
    "judul": M.cmt_judul,
    "tautan": M.cmt_tautan,
    "status": M.cmt_status,
    "catatan": M.cmt_catatan,
}
INFO_LABELS: dict[str, Message] = {
    "framework": M.info_framework,
    "institution": M.info_institution,
    "year": M.info_year,
    "stage": M.info_stage,
    "category": M.info_category,
    "pic_opd": M.info_pic_opd,
    "format": M.info_format,
}
INFO_COMMENTS: dict[str, Message] = {
    "framework": M.cmt_info_framework,
    "institution": M.cmt_info_institution,
    "year": M.cmt_info_year,
    "stage": M.cmt_info_stage,
    "category": M.cmt_info_category,
    "pic_opd": M.cmt_info_pic_opd,
    "format": M.cmt_info_format,
}


def header_key(text: object) -> str:
    """A header as compared: case, surrounding spaces and inner spaces do not matter."""
    return "_".join(str(text).strip().casefold().split())


def split_offices(text: str) -> list[str]:
    return [part.strip() for part in text.split(";") if part.strip()]


def is_sheet(path: str, data: bytes) -> str | None:
    """'xlsx', 'ods' or 'csv' when the file is a spreadsheet (by content for a workbook, else by name)."""
    lower = path.lower()
    opendocument = data.startswith(b"PK\x03\x04") and b"application/vnd.oasis.opendocument.spreadsheet" in data[:120]
    if opendocument or lower.endswith(".ods"):
        return "ods"
    if data.startswith(b"PK\x03\x04") or lower.endswith((".xlsx", ".xlsm", ".xltx", ".xltm", ".xlsb", ".xls")):
        return "xlsx"
    if lower.endswith((".csv", ".tsv")):
        return "csv"
    return None


def _aliases(labels: dict[str, Message]) -> dict[str, str]:
    """Each header a person may read (either language), as compared, to its machine name."""
    found = {}
    for name, message in labels.items():
        for language in LANGUAGES:
            found[header_key(message.texts[language])] = name
    return found


HEADER_ALIASES = _aliases(LABELS) | {
    header_key(M.sheet_label_shown_only.texts[language].format(label=message.texts[language])): shown_only(name)
    for name, message in LABELS.items()
    if shown_only(name) in SHOWN_ONLY
    for language in LANGUAGES
}
INFO_ALIASES = _aliases(INFO_LABELS)


def known_name(text: object, known: tuple[str, ...], aliases: dict[str, str]) -> str | None:
    """The machine name a header stands for: the name itself, or a label of it; None for neither."""
    key = header_key(text)
    if key in known:
        return key
    name = aliases.get(key)
    return name if name in known else None
