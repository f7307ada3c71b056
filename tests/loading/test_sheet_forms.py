"""The assessment sheet in every form a coordinator may send back: spbe's own (a hidden row of column
names under a title, labels people read), the labels alone in either language, the names alone (format
1, a CSV), in any column order, renamed, re-saved as .ods; and the small liberties clerks take."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from spbe_cli.formats.writers.assessment_sheet import SheetKind, assessment_csv, assessment_xlsx
from spbe_cli.i18n import Messages
from spbe_cli.loading.loader import load_file, parse_any
from spbe_cli.problems import InvalidInput

from ..helpers import CASES, EXAMPLES, levels_yaml, uniform
from ..sheetdata import workbook_bytes

DENPASAR = str(CASES / "denpasar-2021.yaml")
INFO = [["framework", "spbe-2020"], ["institution", "Kota Uji"], ["year", 2024]]


def refused(data: bytes, path: str, catalog, language: str = "en") -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        parse_any(data, path, catalog)
    return [problem.render(Messages(language)) for problem in caught.value.problems]


def table_of(data: bytes, sheet: str = "Penilaian") -> list[list[object]]:
    import openpyxl

    return [list(row) for row in openpyxl.load_workbook(io.BytesIO(data))[sheet].iter_rows(values_only=True)]


@pytest.mark.parametrize("language", ["en", "id"])
def test_spbe_s_workbook_reads_back_by_names_by_labels_alone_and_in_any_column_order(language, catalog):
    original = load_file(DENPASAR, catalog)
    framework = catalog.get("spbe-2020")
    data = assessment_xlsx(original, framework, messages=Messages(language))
    assert parse_any(data, "w.xlsx", catalog) == original
    rows = table_of(data)
    title, instruction, names, labels, *body = rows
    info = table_of(data, "Info")
    order = list(range(len(names)))
    random.Random(7).shuffle(order)
    shuffle = lambda row: [row[i] for i in order]  # noqa: E731
    # the labels alone (the hidden row deleted), columns shuffled: as a clerk may leave the sheet
    by_labels = workbook_bytes({"Penilaian": [title, shuffle(labels)] + [shuffle(r) for r in body], "Info": info})
    assert parse_any(by_labels, "labels.xlsx", catalog) == original
    # the names alone, as format 1 wrote them, with the Info sheet's names in column A
    by_names = workbook_bytes({"Penilaian": [shuffle(names)] + [shuffle(r) for r in body], "Info": INFO[:0] + info})
    assert parse_any(by_names, "names.xlsx", catalog) == original


def test_a_header_that_disagrees_with_its_hidden_name_is_refused_at_its_cell(catalog):
    original = load_file(DENPASAR, catalog)
    rows = table_of(assessment_xlsx(original, catalog.get("spbe-2020")))
    column = rows[2].index("nilai")
    rows[3][column] = "Nilai Penilaian Mandiri"  # the review's workaround, typed over spbe's header
    data = workbook_bytes(
        {"Penilaian": rows, "Info": table_of(assessment_xlsx(original, catalog.get("spbe-2020")), "Info")}
    )
    problem, *_ = refused(data, "w.xlsx", catalog)
    assert problem.startswith("w.xlsx:Penilaian!F4: the header 'Nilai Penilaian Mandiri' reads as column nilai_mandiri")
    assert "hidden row of column names says nilai" in problem


def test_columns_shown_for_reading_are_never_read_back(catalog):
    # An assessors' sheet shows the self-assessment greyed, named (nilai_mandiri): changed there, it changes nothing.
    assessment = load_file(str(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml"), catalog)
    framework = catalog.get("spbe-2020")
    data = assessment_xlsx(assessment, framework, kind=SheetKind(assessor=True))
    rows = table_of(data)
    names = rows[2]
    assert "(nilai_mandiri)" in names and "(penjelasan)" in names and "nilai_akhir" in names
    assert rows[3][names.index("(nilai_mandiri)")] == "Self-assessment value (read only)"
    for row in rows[4:]:
        row[names.index("(nilai_mandiri)")] = 1
        row[names.index("(penjelasan)")] = "changed by an assessor"
    back = parse_any(workbook_bytes({"Penilaian": rows, "Info": table_of(data, "Info")}), "asesor.xlsx", catalog)
    assert all("mandiri" not in entry.stage_values for entry in back.entries.values())
    assert all(entry.note is None for entry in back.entries.values())


def test_a_renamed_sheet_is_found_by_its_kode_header_and_two_such_sheets_are_refused(catalog):
    rows = [["kode", "nilai"]] + [[str(n), 3] for n in range(1, 48)]
    renamed = workbook_bytes({"BPKAD": rows, "Bukti": [["kode_indikator", "judul"]], "Info": INFO})
    assert parse_any(renamed, "opd.xlsx", catalog).entries["12"].values == (3,)
    twice = workbook_bytes({"BPKAD": rows, "Bappeda": rows, "Info": INFO})
    assert refused(twice, "opd.xlsx", catalog) == [
        "opd.xlsx: no sheet named Penilaian, and several sheets have a kode column (BPKAD, Bappeda):"
        " name the assessment sheet Penilaian"
    ]
    assert refused(workbook_bytes({"A": [["x"]], "B": [["y"]]}), "x.xlsx", catalog) == [
        "x.xlsx: no sheet named Penilaian, nor one with a kode column (sheets: A, B)"
    ]


def test_an_info_sheet_reads_by_its_labels_in_either_language(catalog):
    rows = [["kode", "nilai"]] + [[str(n), 3] for n in range(1, 48)]
    for labels in (("Kerangka Penilaian", "Instansi", "Tahun"), ("Framework", "Institution", "Year")):
        info = [[label, value] for label, (_, value) in zip(labels, INFO, strict=True)]
        back = parse_any(workbook_bytes({"Penilaian": rows, "Info": info}), "w.xlsx", catalog)
        assert (back.framework, back.institution, back.year) == ("spbe-2020", "Kota Uji", 2024)


@pytest.mark.parametrize("text", ["2,0", "2.0", " 2,00 "])
def test_a_whole_number_typed_with_a_decimal_separator_is_that_level(text, catalog):
    rows = [["kode", "nilai"]] + [[str(n), text] for n in range(1, 48)]
    back = parse_any(workbook_bytes({"Penilaian": rows, "Info": INFO}), "w.xlsx", catalog)
    assert back.entries["1"].values == (2,) and isinstance(back.entries["1"].values[0], int)


def test_an_evidence_status_reads_in_any_case(catalog, tmp_path):
    rows = [["kode", "nilai"]] + [[str(n), 3] for n in range(1, 48)]
    bukti = [["kode_indikator", "judul", "status"], ["12", "Perbup", "Diterima"], ["13", "SK", " DITOLAK "]]
    back = parse_any(workbook_bytes({"Penilaian": rows, "Bukti": bukti, "Info": INFO}), "w.xlsx", catalog)
    assert back.entries["12"].evidence[0].status == "diterima"
    assert back.entries["13"].evidence[0].status == "ditolak"
    yaml_file = levels_yaml(
        "spbe-2020",
        {**uniform(catalog, "spbe-2020", 3), "12": '{level: 3, evidence: [{title: Perbup, status: "Revisi"}]}'},
    )
    assert parse_any(yaml_file.encode(), "a.yaml", catalog).entries["12"].evidence[0].status == "revisi"


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "empty the eksternal column (or write pending; the value is then 1.00) and put the value the assessors gave in the value column",
        ),
        (
            "id",
            "kosongkan kolom eksternal (atau tulis pending; nilainya 1,00) lalu isi nilai dari asesor di kolom nilai",
        ),
    ],
)
def test_a_level_in_the_eksternal_column_gets_a_fix_in_the_sheets_words(language, expected, catalog):
    rows = [["kode", "nilai", "eksternal"]]
    rows += [
        [i.id, None if i.id == "I6" else 2, 2 if i.id == "I6" else None] for i in catalog.get("pemdi-2026").indicators
    ]
    info = [["framework", "pemdi-2026"], ["institution", "Kota Uji"], ["year", 2026]]
    (problem,) = refused(workbook_bytes({"Penilaian": rows, "Info": info}), "p.xlsx", catalog, language)
    assert problem.startswith("p.xlsx:Penilaian!C7") and expected in problem
    assert "external:" not in problem and "level" not in problem.split(":", 3)[-1]


_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest'
    ' xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
)


def _ods(content: str, more: dict[str, bytes] | None = None) -> bytes:
    """An OpenDocument spreadsheet as LibreOffice lays one out: mimetype first, a manifest, the content."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        archive.writestr("content.xml", content)
        for name, data in (more or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2">'
    "<office:body><office:spreadsheet>"
)
_ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"


def _cell(value: object) -> str:
    kind = "float" if isinstance(value, (int, float)) else "string"
    extra = f' office:value="{value}"' if kind == "float" else ""
    return f'<table:table-cell office:value-type="{kind}"{extra}><text:p>{value}</text:p></table:table-cell>'


def _sheet(name: str, rows: list[list[object]]) -> str:
    body = "".join("<table:table-row>" + "".join(_cell(v) for v in row) + "</table:table-row>" for row in rows)
    return f'<table:table table:name="{name}">{body}</table:table>'


def test_an_ods_workbook_reads_as_its_xlsx_twin(catalog):
    rows = [["kode", "nilai"]] + [[str(n), 3] for n in range(1, 48)]
    data = _ods(_ODS_HEAD + _sheet("Penilaian", rows) + _sheet("Info", INFO) + _ODS_TAIL)
    assert parse_any(data, "opd.ods", catalog) == parse_any(
        workbook_bytes({"Penilaian": rows, "Info": INFO}), "x.xlsx", catalog
    )


@pytest.mark.parametrize(
    ("content", "more", "expected"),
    [
        (  # one line of XML that would lay out 16 billion cells
            _ODS_HEAD + '<table:table table:name="Penilaian"><table:table-row table:number-rows-repeated="1000000">'
            '<table:table-cell table:number-columns-repeated="16384" office:value-type="float" office:value="3">'
            "<text:p>3</text:p></table:table-cell></table:table-row></table:table>" + _ODS_TAIL,
            None,
            "the workbook has more than 2000000 cells and is refused",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + _ODS_HEAD[21:] + _ODS_TAIL,
            None,
            "the workbook contains unsafe XML (entity declarations) and is refused",
        ),
        (
            _ODS_HEAD + _sheet("Penilaian", [["kode"]]) + _ODS_TAIL,
            {"Basic/Standard/Module1.xml": b"<x/>"},
            "a workbook with macros (.xlsm) is refused",
        ),
        ("not xml at all", None, "the workbook is damaged"),
    ],
)
def test_a_hostile_or_broken_ods_is_refused_before_it_is_laid_out(content, more, expected, catalog):
    (problem,) = refused(_ods(content, more), "bad.ods", catalog)
    assert problem.startswith("bad.ods: " + expected)


def test_an_ods_formula_without_a_saved_value_is_an_error_and_with_one_a_warning(catalog):
    rows = [["kode", "nilai"]] + [[str(n), 3] for n in range(1, 48)]
    body = _sheet("Penilaian", rows).replace(_cell(3), '<table:table-cell table:formula="of:=1+2"/>', 1)
    (problem,) = refused(_ods(_ODS_HEAD + body + _sheet("Info", INFO) + _ODS_TAIL), "f.ods", catalog)
    assert (
        problem
        == "f.ods:Penilaian!B2: a formula (of:=1+2) with no saved value: type the value itself (spbe never calculates formulas)"
    )
    saved = body.replace(
        '<table:table-cell table:formula="of:=1+2"/>',
        '<table:table-cell table:formula="of:=1+2" office:value-type="float" office:value="3"><text:p>3</text:p></table:table-cell>',
    )
    warnings = []
    back = parse_any(_ods(_ODS_HEAD + saved + _sheet("Info", INFO) + _ODS_TAIL), "f.ods", catalog, warn=warnings.append)
    assert back.entries["1"].values == (3,) and "saved value 3 is used" in str(warnings[0])


def test_the_csv_form_names_read_only_columns_too(catalog):
    assessment = load_file(str(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml"), catalog)
    text = assessment_csv(assessment, catalog.get("spbe-2020"), kind=SheetKind(stage="akhir"))
    header = text.lstrip("\ufeff").splitlines()[0].split(";")
    assert "(nilai_mandiri)" in header and "nilai_akhir" in header and "(penjelasan)" in header
    back = parse_any(text.encode(), "akhir.csv", catalog)
    assert {stage for entry in back.entries.values() for stage in entry.stage_values} == {"akhir"}
