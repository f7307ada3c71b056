"""Reading spreadsheets safely: what a workbook or CSV file may not do, refused with the reason and the cell."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest

from spbe_cli.i18n import Messages
from spbe_cli.loading.sheets import (
    MAX_UNPACKED,
    column_letter,
    number_from_text,
    read_csv,
    read_xlsx,
    sniff_delimiter,
)
from spbe_cli.problems import InvalidInput

from ..sheetdata import member, rewrite, workbook_bytes

PLAIN = workbook_bytes({"Penilaian": [["kode", "nilai"], ["1", 3], ["2", 4.5], [None, None], ["3", "teks"]]})


def refusal(data: bytes, path: str = "rekap.xlsx", language: str = "en") -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_xlsx(data, path)
    return [problem.render(Messages(language)) for problem in caught.value.problems]


def test_cells_come_back_with_their_rows_and_exact_numbers():
    workbook = read_xlsx(PLAIN, "rekap.xlsx")
    table = workbook.sheets["Penilaian"]
    assert table.rows == [(1, ["kode", "nilai"]), (2, ["1", 3]), (3, ["2", Decimal("4.5")]), (5, ["3", "teks"])]
    assert table.cell(14, 6) == "Penilaian!F14"
    assert workbook.find("  penilaian ") is table


def test_column_letters_go_past_z():
    assert [column_letter(n) for n in (1, 26, 27, 52, 703)] == ["A", "Z", "AA", "AZ", "AAA"]


def test_a_sheet_name_with_spaces_is_quoted_in_locations():
    data = workbook_bytes({"Rekap Dinas": [["kode"]]})
    assert read_xlsx(data, "x.xlsx").sheets["Rekap Dinas"].cell(2, 1) == "'Rekap Dinas'!A2"


def test_a_formula_without_a_saved_value_is_located_and_never_calculated():
    data = workbook_bytes({"Penilaian": [["kode", "nilai"], ["1", "=1+2"]]})
    assert refusal(data) == [
        "rekap.xlsx:Penilaian!B2: a formula (=1+2) with no saved value: type the value itself "
        "(spbe never calculates formulas)"
    ]
    assert refusal(data, language="id") == [
        "rekap.xlsx:Penilaian!B2: sebuah rumus (=1+2) tanpa nilai tersimpan: ketik nilainya langsung "
        "(spbe tidak pernah menghitung rumus)"
    ]


def test_a_formula_with_a_saved_value_uses_the_value_with_a_warning():
    data = workbook_bytes({"Penilaian": [["kode", "nilai"], ["1", "=1+2"]]})
    sheet = member(data, "xl/worksheets/sheet1.xml").replace(b"<f>1+2</f><v />", b"<f>1+2</f><v>3</v>")
    workbook = read_xlsx(rewrite(data, {"xl/worksheets/sheet1.xml": sheet}), "rekap.xlsx")
    assert workbook.sheets["Penilaian"].rows[1] == (2, ["1", 3])
    assert [str(w) for w in workbook.warnings] == [
        "rekap.xlsx:Penilaian!B2: warning: a formula (=1+2); its saved value 3 is used (spbe never calculates formulas)"
    ]


def test_an_entity_declaration_is_refused_before_it_expands():
    sheet = member(PLAIN, "xl/worksheets/sheet1.xml")
    bomb = (
        b'<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><worksheet'
    )
    data = rewrite(PLAIN, {"xl/worksheets/sheet1.xml": sheet.replace(b"<worksheet", bomb, 1)})
    assert refusal(data) == ["rekap.xlsx: the workbook contains unsafe XML (entity declarations) and is refused"]


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", member(PLAIN, "[Content_Types].xml"))
        archive.writestr("xl/workbook.xml", member(PLAIN, "xl/workbook.xml"))
        archive.writestr("xl/worksheets/sheet1.xml", b" " * (MAX_UNPACKED + 1))
    data = buffer.getvalue()
    assert len(data) < MAX_UNPACKED // 500  # small on disk, huge unpacked
    assert refusal(data) == [
        "rekap.xlsx: the workbook unpacks to more than 100 MB and is refused (this protects the computer's memory)"
    ]


def test_macros_are_refused_by_name_and_by_content():
    expected = [
        "book.xlsm: a workbook with macros (.xlsm) is refused: save it as Excel Workbook (*.xlsx), without macros"
    ]
    assert refusal(PLAIN, "book.xlsm") == expected
    with_macros = rewrite(PLAIN, {}, add={"xl/vbaProject.bin": b"\x00" * 10})
    assert refusal(with_macros, "book.xlsx") == [expected[0].replace("book.xlsm", "book.xlsx")]


def test_not_a_workbook_an_old_xls_and_a_damaged_zip_each_say_what_to_do():
    assert refusal(b"kode;nilai\n1;3\n") == [
        "rekap.xlsx: not an XLSX workbook (or a damaged one): save it from Excel as Excel Workbook (*.xlsx)"
    ]
    assert refusal(b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "lama.xls") == [
        "lama.xls: an old Excel 97-2003 workbook (.xls): open it in Excel and save it as Excel Workbook (*.xlsx)"
    ]
    assert refusal(PLAIN[: len(PLAIN) // 2])[0].startswith("rekap.xlsx: not an XLSX workbook")
    no_sheets = rewrite(PLAIN, {"xl/workbook.xml": None})
    assert refusal(no_sheets)[0].startswith("rekap.xlsx: not an XLSX workbook")


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [("kode;nilai\n1;3\n", ";"), ("kode,nilai\n1,3\n", ","), ("kode\tnilai\n1\t3\n", "\t"), ('"a;b",c\n', ",")],
)
def test_the_csv_delimiter_is_found_from_the_header(text, delimiter):
    assert sniff_delimiter(text) == delimiter


def test_csv_rows_keep_their_line_numbers_across_blank_lines_and_quoted_line_breaks():
    data = b'kode;penjelasan\n\n1;"dua\nbaris"\n2;x\n'
    table = read_csv(data, "rekap.csv")
    assert table.rows == [(1, ["kode", "penjelasan"]), (3, ["1", "dua\nbaris"]), (5, ["2", "x"])]
    assert table.cell(5, 2) == "5:penjelasan"


def test_a_bom_is_dropped_and_another_encoding_is_refused_with_how_to_save_utf8():
    assert read_csv(b"\xef\xbb\xbfkode,nilai\n1,3\n", "a.csv").header == ["kode", "nilai"]
    latin = (
        "kode;penjelasan\n1;Pemeriksaan ulang oleh Tim Koordinasi SPBE, Dinas Komunikasi dan Informatika\n2;Caf\xe9\n"
    )
    with pytest.raises(InvalidInput) as caught:
        read_csv(latin.encode("cp1252"), "a.csv")
    assert str(caught.value) == (
        'a.csv: not UTF-8 text (byte 0xE9 on line 3): in Excel choose Save As, "CSV UTF-8 (Comma delimited) (*.csv)"; '
        "or give the file's encoding with --encoding (e.g. --encoding cp1252)"
    )
    table = read_csv(latin.encode("cp1252"), "a.csv", encoding="cp1252")
    assert table.rows[-1] == (3, ["2", "Café"])
    with pytest.raises(InvalidInput) as caught:
        read_csv(b"x", "a.csv", encoding="klingon")
    assert (
        caught.value.render(Messages("id")) == "a.csv: pengodean 'klingon' tidak dikenal (mis. utf-8, cp1252, latin-1)"
    )


def test_a_workbook_named_csv_is_recognised():
    with pytest.raises(InvalidInput) as caught:
        read_csv(PLAIN, "a.csv")
    assert str(caught.value) == "a.csv: this is an XLSX workbook, not CSV text: name it .xlsx"


@pytest.mark.parametrize(
    ("text", "number"),
    [("3", 3), (" 4 ", 4), ("3,5", Decimal("3.5")), ("2.75", Decimal("2.75")), ("-1", -1)],
)
def test_plain_numbers_in_text_are_numbers_with_a_decimal_comma_or_point(text, number):
    assert number_from_text(text) == number
    assert type(number_from_text(text)) is type(number)


@pytest.mark.parametrize("text", ["3,5,1", "1.234,5", "tiga", "3.", "", "1e3"])
def test_anything_else_stays_text(text):
    assert number_from_text(text) == text


def test_a_sheet_with_too_many_cells_is_refused(monkeypatch):
    from spbe_cli.loading import archive

    monkeypatch.setattr(archive, "MAX_CELLS", 5)
    assert refusal(PLAIN) == ["rekap.xlsx: the workbook has more than 5 cells and is refused"]


def _sheet_with(old: bytes, new: bytes, data: bytes = PLAIN) -> bytes:
    sheet = member(data, "xl/worksheets/sheet1.xml")
    assert old in sheet
    return rewrite(data, {"xl/worksheets/sheet1.xml": sheet.replace(old, new)})


def test_two_cells_far_apart_are_refused_before_any_reader_lays_out_the_sheet():
    # A reader that lays a sheet out as a grid would need 17 billion cells for A1 and XFD1048576.
    far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
    assert refusal(_sheet_with(b"</sheetData>", far)) == [
        "rekap.xlsx: the workbook has more than 2000000 cells and is refused"
    ]
    assert refusal(_sheet_with(b"</sheetData>", far), language="id") == [
        "rekap.xlsx: buku kerja ini memiliki lebih dari 2000000 sel dan ditolak"
    ]


def test_a_dimension_that_claims_the_whole_sheet_is_not_trusted():
    data = _sheet_with(b'<dimension ref="A1:B5" />', b'<dimension ref="A1:XFD1048576" />')
    assert (
        read_xlsx(data, "rekap.xlsx").sheets["Penilaian"].rows
        == read_xlsx(PLAIN, "rekap.xlsx").sheets["Penilaian"].rows
    )


def test_rows_and_cells_without_references_follow_the_previous_ones():
    data = PLAIN
    for ref in (b' r="A2"', b' r="B2"', b' r="A3"', b' r="B3"'):
        data = _sheet_with(ref, b"", data)
    data = _sheet_with(b'<row r="3">', b"<row>", data)
    assert (
        read_xlsx(data, "rekap.xlsx").sheets["Penilaian"].rows
        == read_xlsx(PLAIN, "rekap.xlsx").sheets["Penilaian"].rows
    )


def test_an_error_cell_is_read_as_its_text_and_a_formula_s_saved_error_is_named():
    data = _sheet_with(b'<c r="B2" t="n"><v>3</v></c>', b'<c r="B2" t="e"><v>#N/A</v></c>')
    assert read_xlsx(data, "rekap.xlsx").sheets["Penilaian"].rows[1] == (2, ["1", "#N/A"])
    data = _sheet_with(b'<c r="B2" t="n"><v>3</v></c>', b'<c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c>')
    workbook = read_xlsx(data, "rekap.xlsx")
    assert workbook.sheets["Penilaian"].rows[1] == (2, ["1", "#DIV/0!"])
    assert [str(w) for w in workbook.warnings] == [
        "rekap.xlsx:Penilaian!B2: warning: a formula (=1/0); its saved value #DIV/0! is used "
        "(spbe never calculates formulas)"
    ]


def test_excel_escapes_in_text_are_read_back_as_the_characters_they_stand_for():
    data = workbook_bytes({"S": [["a_x000D_b", "c_x005F_x000D_d", "e_x000d_"]]})
    assert read_xlsx(data, "x.xlsx").sheets["S"].rows == [(1, ["a\rb", "c_x000D_d", "e\r"])]


@pytest.mark.parametrize(
    "data",
    [
        PLAIN,
        workbook_bytes({"Penilaian": [["kode", "nilai"], ["1", "=1+2"]], "Info": [["year", 2021], ["x", True]]}),
        workbook_bytes({"S": [["a_x000D_b", None, 1.3, 2**40, -0.5], [], ["  ", "ok"]]}),
    ],
    ids=["plain", "formula", "escapes-and-numbers"],
)
def test_both_readers_read_the_same_cells(data):
    """python-calamine reads values; openpyxl (the other engine) must agree cell for cell."""

    def read(engine):
        try:
            workbook = read_xlsx(data, "x.xlsx", engine=engine)
        except InvalidInput as error:
            return [str(problem) for problem in error.problems]
        return {title: table.rows for title, table in workbook.sheets.items()}, [str(w) for w in workbook.warnings]

    assert read("calamine") == read("openpyxl")
