"""Workbooks and CSV sheets made to break the reader: each is refused at its place (or read whole), in both
languages, never a crash, a cut or a silent change; a folder run keeps every other file's result."""

from __future__ import annotations

import io
import json
import time
import tracemalloc
import zipfile
from decimal import Decimal

import pytest

from spbe_cli.exitcodes import ExitCode
from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx
from spbe_cli.i18n import Messages
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file
from spbe_cli.loading.sheets import read_xlsx
from spbe_cli.problems import InvalidInput

from ..helpers import CASES, EXAMPLES
from ..sheetdata import lying, member, rewrite, sheet_moved, workbook_bytes

CATALOG = load_catalog()
DENPASAR = load_file(str(CASES / "denpasar-2021.yaml"), CATALOG)
SPBE = CATALOG.get("spbe-2020")
PLAIN = workbook_bytes({"Penilaian": [["kode", "nilai"], ["1", 3], ["2", 4]]})
SHEET = member(PLAIN, "xl/worksheets/sheet1.xml")
TOO_MANY = "rekap.xlsx: the workbook has more than 2000000 cells and is refused"


def book(*rows: list[object]) -> bytes:
    """A workbook of a Penilaian sheet (kode, nilai) and an Info sheet naming spbe-2020."""
    info = [["framework", "spbe-2020"], ["institution", "Uji"], ["year", 2024]]
    return workbook_bytes({"Penilaian": [["kode", "nilai"], *rows], "Info": info})


def refusal(data: bytes, path: str = "rekap.xlsx", language: str = "en") -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read_xlsx(data, path)
    return [problem.render(Messages(language)) for problem in caught.value.problems]


def with_sheet(old: bytes, new: bytes, data: bytes = PLAIN) -> bytes:
    sheet = member(data, "xl/worksheets/sheet1.xml")
    assert old in sheet
    return rewrite(data, {"xl/worksheets/sheet1.xml": sheet.replace(old, new)})


def denpasar_csv(assessment=DENPASAR, **changes: tuple[int, str]) -> str:
    """An assessment (Denpasar) as a comma-separated sheet, with `column=(row, text)` written into its
    data rows (1 = the first)."""
    framework = CATALOG.get(assessment.framework)
    text = assessment_csv(assessment, framework, decimal_comma=False).removeprefix("\ufeff")
    rows = [line.split(",") for line in text.splitlines()]
    header = rows[0]
    for column, (row, text) in changes.items():
        rows[row][header.index(column)] = text
    return "\n".join(",".join(row) for row in rows) + "\n"


# --- the cell cap counts what the readers read ---------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (b'r="B3"', b"r='XFD1048576'"),  # quoted with apostrophes
        (b'r="B3"', b'r = "XFD1048576"'),  # spaces around =
        (b'r="B3"', b'r="&#88;FD1048576"'),  # a character reference
        (b'<row r="3">', b"<row r='1048576'>"),  # a far row, its cells without references
        (b"</sheetData>", b"<x:row xmlns:x='urn:x' r='1048576'><x:c r='XFD1048576'/></x:row></sheetData>"),
    ],
)
def test_a_far_cell_in_any_form_the_xml_parser_reads_is_counted(old, new):
    data = with_sheet(old, new)
    if b"row r='1048576'" in new and b"<x:" not in new:
        data = with_sheet(b'r="A3"', b"", data)
        data = with_sheet(b'r="B3"', b"", data)
    assert refusal(data) == [TOO_MANY]
    assert refusal(data, language="id") == ["rekap.xlsx: buku kerja ini memiliki lebih dari 2000000 sel dan ditolak"]


def test_a_sheet_stored_outside_the_worksheets_folder_is_read_and_counted():
    moved = sheet_moved(PLAIN, "xl/lain/isi.xml")
    assert read_xlsx(moved, "rekap.xlsx").sheets["Penilaian"].rows[-1] == (3, ["2", 4])
    far = sheet_moved(with_sheet(b'r="B3"', b'r="XFD1048576"'), "xl/lain/isi.xml")
    assert refusal(far) == [TOO_MANY]


def test_a_count_that_would_make_a_reader_reserve_gigabytes_is_refused():
    strings = b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" uniqueCount="4000000000"/>'
    assert refusal(rewrite(PLAIN, {}, add={"xl/sharedStrings.xml": strings})) == [TOO_MANY]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (b'r="B3"', b'r="XFE3"', "the workbook is damaged: xl/worksheets/sheet1.xml names the cell 'XFE3', outside"),
        (b'<row r="3">', b'<row r="0">', "names the cell '0', outside what a sheet holds (A1 to XFD1048576)"),
        (b"<sheetData>", b"<sheetData>&undefined;", "xl/worksheets/sheet1.xml is not well-formed XML (line 1)"),
        (b'r="B3"', b'r="B3" r="XFD1"', "xl/worksheets/sheet1.xml is not well-formed XML"),
    ],
)
def test_a_sheet_no_reader_can_take_as_written_is_refused_as_damaged(old, new, expected):
    (problem,) = refusal(with_sheet(old, new))
    assert problem.startswith("rekap.xlsx: ") and expected in problem
    assert refusal(with_sheet(old, new), language="id")[0].startswith("rekap.xlsx: buku kerja ini rusak: ")


def test_a_folder_run_keeps_every_other_file_when_one_workbook_is_hostile(tmp_path, spbe):
    folder = tmp_path / "rekap"
    folder.mkdir()
    (folder / "a.yaml").write_text((CASES / "denpasar-2021.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.xlsx").write_bytes(with_sheet(b'r="B3"', b"r='XFD1048576'"))
    (folder / "c.yaml").write_text((EXAMPLES / "kota-denpasar-2021.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = spbe("rank", folder, "-f", "json")
    assert code == ExitCode.INVALID_INPUT
    ranked = json.loads(out)
    assert ranked["files"] == {"total": 3, "scored": 2, "failed": 1}
    assert "b.xlsx: the workbook has more than 2000000 cells" in err
    for command in (("score", "-f", "json"), ("validate",), ("check", "-f", "json")):
        code, out, err = spbe(*command, folder)
        assert code == ExitCode.INVALID_INPUT and "b.xlsx: the workbook has more than" in err
        assert "a.yaml" in out + err and "c.yaml" in out + err


def test_a_bug_met_on_one_file_of_a_folder_costs_the_others_nothing(tmp_path, spbe, monkeypatch):
    from spbe_cli.loading import loader

    folder = tmp_path / "rekap"
    folder.mkdir()
    (folder / "a.yaml").write_text((CASES / "denpasar-2021.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b.xlsx").write_bytes(assessment_xlsx(DENPASAR, SPBE))

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("rusak")

    monkeypatch.setattr(loader, "parse_sheet", broken)
    code, out, err = spbe("rank", folder, "-f", "json")
    assert code == ExitCode.INTERNAL
    assert json.loads(out)["files"] == {"total": 2, "scored": 1, "failed": 1}
    assert f"{folder / 'b.xlsx'}: internal error while reading it: RuntimeError: rusak. This is a bug" in err
    for command in (("validate",), ("check", "-f", "json"), ("score", "-f", "json")):
        code, out, err = spbe(*command, folder)
        assert code == ExitCode.INTERNAL and "b.xlsx: internal error while reading it" in err
        assert "a.yaml" in out


# --- members inflate in bounded chunks, never past what they declare ------------------------------


def test_a_member_that_inflates_past_its_declared_size_is_refused_in_bounded_memory():
    padded = SHEET.replace(b"</worksheet>", b"<!--" + b" " * (64 * 1024 * 1024) + b"--></worksheet>")
    data = lying(PLAIN, "xl/worksheets/sheet1.xml", padded, SHEET)
    assert len(data) < 200_000  # 64 MB inflated, 13 KB declared
    tracemalloc.start()
    try:
        problems = refusal(data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert problems == [
        "rekap.xlsx: a part of the workbook (xl/worksheets/sheet1.xml) unpacks to more than it declares: "
        "the file is damaged or crafted, and is refused"
    ]
    assert peak < 8 * 1024 * 1024  # was the whole member at once (1 GB for a 535 KB file)


def test_an_encrypted_member_and_an_encrypted_workbook_say_to_remove_the_password():
    raw = bytearray(PLAIN)
    central = raw.find(b"PK\x01\x02")
    raw[central + 8] |= 1
    local = int.from_bytes(raw[central + 42 : central + 46], "little")
    raw[local + 6] |= 1
    expected = [
        "rekap.xlsx: the workbook is encrypted (protected with a password): remove the password "
        "(File > Info > Protect Workbook) and save it again"
    ]
    assert refusal(bytes(raw)) == expected
    office = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le")
    assert refusal(office) == expected
    assert refusal(office, language="id")[0].startswith("rekap.xlsx: buku kerja ini terenkripsi")


def test_readers_that_disagree_on_a_sheet_name_still_agree_on_its_cells():
    data = workbook_bytes({"Penilaian": [["kode", "nilai"], ["1", "=1+2"]]})
    data = rewrite(
        data,
        {
            "xl/workbook.xml": member(data, "xl/workbook.xml").replace(b'name="Penilaian"', b'name="Pen\tilaian"'),
            "xl/worksheets/sheet1.xml": member(data, "xl/worksheets/sheet1.xml").replace(b"<v />", b"<v>3</v>"),
        },
    )
    workbook = read_xlsx(data, "rekap.xlsx")
    (table,) = workbook.sheets.values()
    assert table.rows[-1] == (2, ["1", 3]) and len(workbook.warnings) == 1


def test_many_error_like_cells_beside_a_formula_read_in_linear_time():
    rows = [["kode", "nilai", "penjelasan"], ["1", "=1+2", "x"]] + [[None, None, f"#{n}"] for n in range(30_000)]
    data = workbook_bytes({"Penilaian": rows})
    data = with_sheet(b"<v />", b"<v>3</v>", data)
    started = time.perf_counter()
    workbook = read_xlsx(data, "rekap.xlsx")
    assert time.perf_counter() - started < 9  # was 18 s: every cell searched the rows again
    assert workbook.sheets["Penilaian"].rows[1] == (2, ["1", 3, "x"])


# --- one limit per kind of file, refused, never cut ----------------------------------------------


def test_a_csv_sheet_over_the_yaml_limit_is_read_whole(write, spbe):
    note = "catatan panjang " * 700_000  # 11 MB: over the 10 MB a YAML file may have
    pemdi = load_file(str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), CATALOG)
    rows = len(pemdi.entries)
    text = denpasar_csv(pemdi, penjelasan=(1, note), nilai=(rows, "2.75"), framework=(rows, "pemdi-2026"))
    path = write("panjang.csv", text)
    code, out, err = spbe("validate", path)
    assert (code, err) == (0, "") and "valid" in out
    code, out, _ = spbe("score", path, "-f", "json", "--detail")
    assert code == 0
    assert json.loads(out)["indicators"][-1]["value"] == pytest.approx(2.75)


def test_each_kind_of_file_is_refused_over_its_own_limit(write, spbe):
    big_csv = write("besar.csv", denpasar_csv(penjelasan=(2, "x" * (21 * 1024 * 1024))))
    code, _, err = spbe("validate", big_csv)
    assert code == ExitCode.INVALID_INPUT and err == f"{big_csv}: file is larger than 20 MB\n"
    code, _, err = spbe("validate", big_csv, "--lang", "id")
    assert err == f"{big_csv}: berkas lebih besar dari 20 MB\n"
    big_yaml = write("besar.yaml", "# " + "x" * (11 * 1024 * 1024) + "\n")
    assert spbe("validate", big_yaml)[2] == f"{big_yaml}: file is larger than 10 MB\n"


def test_a_workbook_with_a_large_picture_is_read(write, spbe):
    picture = bytes(range(256)) * (12 * 1024 * 4)  # 12 MB stored: over the YAML limit, under the workbook's
    data = assessment_xlsx(DENPASAR, SPBE)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info.filename))
        target.writestr("xl/media/image1.png", picture, compress_type=zipfile.ZIP_STORED)
    path = write("bergambar.xlsx", buffer.getvalue())
    assert len(buffer.getvalue()) > 12 * 1024 * 1024
    code, out, err = spbe("validate", path)
    assert (code, err) == (0, "") and "valid (spbe-2020, 47 indicators)" in out


# --- values ---------------------------------------------------------------------------------------


def test_a_row_with_more_cells_than_the_header_is_refused_where_the_value_split(write, spbe):
    rows = assessment_csv(DENPASAR, SPBE, decimal_comma=False).splitlines()
    assert ",1.3,4," in rows[1]
    rows[1] = rows[1].replace(",1.3,4,", ",1.3,2,75,", 1)  # 2,75 meant as 2.75, in a comma-separated file
    path = write("koma.csv", "\n".join(rows) + "\n")
    code, out, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert err.startswith(f"{path}:2:Q: this row has 17 cells but the header has 16 columns: ")
    assert '"2,75"' in err and "; as the delimiter" in err
    assert "berisi 17 sel padahal baris judul hanya 16 kolom" in spbe("validate", path, "--lang", "id")[2]
    assert spbe("score", path)[0] == ExitCode.INVALID_INPUT


@pytest.mark.parametrize("column", ["nilai", "target", "year"])
def test_a_number_of_thousands_of_digits_is_refused_at_its_cell(write, spbe, column):
    path = write("angka.csv", denpasar_csv(**{column: (1, "9" * 5000)}))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT
    assert f"{path}:2:{column}: a number of 5000 characters; at most 40 are read" in err
    assert "angka sepanjang 5000 karakter" in spbe("validate", path, "--lang", "id")[2]


def test_a_long_number_in_a_workbook_cell_and_its_info_year_are_refused_at_their_cells(write, spbe):
    data = workbook_bytes(
        {
            "Penilaian": [["kode", "nilai"], ["1", "9" * 5000]],
            "Info": [["framework", "spbe-2020"], ["institution", "X"], ["year", "2" * 4400]],
        }
    )
    code, _, err = spbe("validate", write("angka.xlsx", data))
    assert code == ExitCode.INVALID_INPUT
    assert "angka.xlsx:Penilaian!B2: a number of 5000 characters" in err
    assert "angka.xlsx:Info!B3: a number of 4400 characters" in err


def test_a_huge_number_cell_is_described_as_a_cell_not_as_yaml(write, spbe):
    data = book(["1", 1e308])
    code, _, err = spbe("validate", write("besar.xlsx", data))
    assert code == ExitCode.INVALID_INPUT
    assert "besar.xlsx:Penilaian!B2: nilai must be a whole number from 1 to 5, not 1E+308" in err
    assert "!!float" not in err and "exponent" not in err


@pytest.mark.parametrize("digit", ["٤", "４", "৪", "²"])
def test_only_ascii_digits_are_numbers_in_a_sheet(write, spbe, digit):
    path = write("angka.csv", denpasar_csv(nilai=(1, digit)))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT
    assert f"{path}:2:nilai: nilai is written with digits other than 0-9 (text {digit!r})" in err
    assert "ditulis dengan angka selain 0-9" in spbe("validate", path, "--lang", "id")[2]
    workbook = write("angka.xlsx", book(["1", digit]))
    assert "angka.xlsx:Penilaian!B2: nilai is written with digits other than 0-9" in spbe("validate", workbook)[2]


def test_an_evidence_code_with_other_digits_is_not_a_portal_code(write, spbe):
    pemdi = (EXAMPLES / "pemdi-2026-kota-bukti-ilustrasi.yaml").read_text(encoding="utf-8")
    assert "I4-L2-01" in pemdi
    path = write("bukti.yaml", pemdi.replace("I4-L2-01", "I4-L٢-01", 1))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT and "I4-L٢-01" in err and "I4-L2-01" in err


def test_a_key_in_other_digits_is_never_an_indicator_nor_a_crash(write, spbe):
    denpasar = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")
    for key in ("²", "٤", '"' + "9" * 5000 + '"'):
        path = write("kunci.yaml", denpasar.replace("  1: 4\n", f"  1: 4\n  {key}: 3\n", 1))
        code, _, err = spbe("validate", path)
        assert code == ExitCode.INVALID_INPUT and "internal error" not in err
    costs = write("biaya.yaml", "levels: {٤: 2}\n")
    code, _, err = spbe("plan", str(CASES / "denpasar-2021.yaml"), "-t", "3.5", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and "biaya.yaml:1:" in err


def test_an_evidence_cell_nested_thousands_deep_is_refused_at_its_cell(write, spbe):
    path = write("bukti.csv", denpasar_csv(bukti_dukung=(1, '"{""a"":' + "[" * 50_000 + '"')))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT
    assert (
        err
        == f"{path}:2:bukti_dukung: a line of JSON nested too deep to be an evidence item (an item is one object of text fields)\n"
    )


# --- sheets, encodings, warnings, names -----------------------------------------------------------


def _assessment_book(hidden_values: int, visible_name: str | None) -> bytes:
    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(assessment_xlsx(DENPASAR, SPBE)))
    penilaian = book["Penilaian"]
    column = [cell.value for cell in penilaian[3]].index("nilai") + 1  # row 3: the hidden column names
    if visible_name is not None:
        visible = book.copy_worksheet(penilaian)
        visible.title = visible_name
        book.move_sheet(visible, -book.index(visible))
    for row in range(5, penilaian.max_row + 1):
        penilaian.cell(row, column).value = hidden_values
    penilaian.sheet_state = "hidden"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_two_sheets_answering_to_one_name_are_refused_and_a_hidden_one_is_named(write, spbe):
    both = write("dua.xlsx", _assessment_book(5, "Penilaian "))
    code, out, err = spbe("score", both)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "sheets 'Penilaian ' and 'Penilaian' both answer to the name Penilaian" in err
    assert "sama-sama bernama Penilaian" in spbe("score", both, "--lang", "id")[2]
    hidden = write("tersembunyi.xlsx", _assessment_book(5, None))
    code, out, err = spbe("score", hidden)
    assert code == 0
    assert f"{hidden}:Penilaian: warning: sheet 'Penilaian' is hidden in the workbook" in err
    assert "tersembunyi di buku kerja" in spbe("score", hidden, "--lang", "id")[2]


@pytest.mark.parametrize("encoding", ["rot13", "hex", "base64", "zlib", "bz2", "uu"])
def test_only_text_encodings_are_accepted(write, spbe, encoding):
    path = write("a.csv", denpasar_csv())
    code, _, err = spbe("validate", path, "--encoding", encoding)
    assert code == ExitCode.INVALID_INPUT
    assert err == f"{path}: {encoding!r} is not a text encoding (e.g. utf-8, cp1252, latin-1)\n"
    assert "bukan pengodean teks" in spbe("validate", path, "--encoding", encoding, "--lang", "id")[2]


def test_a_text_encoding_that_cannot_decode_the_file_says_so(write, spbe):
    path = write("a.csv", denpasar_csv().replace("Denpasar", "Dénpasar"))
    for encoding in ("idna", "punycode", "utf-16"):
        code, _, err = spbe("validate", path, "--encoding", encoding)
        assert code == ExitCode.INVALID_INPUT and f"not {encoding} text" in err


def test_warnings_are_capped_per_file(write, spbe):
    lines = denpasar_csv().splitlines()
    lines[0] += "".join(f",x{n}" for n in range(5000))
    path = write("lebar.csv", "\n".join(lines) + "\n")
    code, out, err = spbe("validate", path)
    assert code == 0 and "valid" in out
    warnings = err.splitlines()
    assert len(warnings) == 101
    assert warnings[-1] == f"{path}: ... and 4900 more warnings in this file (the first 100 are shown)"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("biner.xlsb", PLAIN, "a binary workbook (.xlsb) cannot be read: save it as Excel Workbook (*.xlsx)"),
        ("biner.xlsx", rewrite(PLAIN, {}, add={"xl/workbook.bin": b"\x00"}), "a binary workbook (.xlsb)"),
    ],
)
def test_a_binary_workbook_is_called_what_it_is(name, data, expected):
    (problem,) = refusal(data, name)
    assert problem.startswith(f"{name}: {expected}") and "macros" not in problem
    assert refusal(data, name, "id")[0].startswith(f"{name}: buku kerja biner (.xlsb) tidak dapat dibaca")


def test_the_checks_know_an_opendocument_spreadsheet():
    from spbe_cli.loading.sheets import check_archive

    content = (
        b'<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body>'
        b"<office:spreadsheet><table:table><table:table-row><table:table-cell office:value-type='float' "
        b"office:value='3'><text:p>3</text:p></table:table-cell><table:table-cell "
        b"table:number-columns-repeated='16382'/></table:table-row><table:table-row "
        b"table:number-rows-repeated='1048574'><table:table-cell table:number-columns-repeated='16384'/>"
        b"</table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
    )

    def ods(body: bytes) -> bytes:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
            archive.writestr("content.xml", body, compress_type=zipfile.ZIP_DEFLATED)
        return buffer.getvalue()

    assert check_archive(ods(content), "a.ods", "ods").cells == 1  # LibreOffice's padding is not counted
    repeated = content.replace(b"<table:table-row>", b"<table:table-row table:number-rows-repeated='1048576'>", 1)
    with pytest.raises(InvalidInput) as caught:
        check_archive(
            ods(repeated.replace(b"16382'/>", b"16382'/><table:table-cell><text:p>x</text:p></table:table-cell>")),
            "a.ods",
            "ods",
        )
    assert str(caught.value) == "a.ods: the workbook has more than 2000000 cells and is refused"
    with pytest.raises(InvalidInput) as caught:
        check_archive(ods(b"<!DOCTYPE x [<!ENTITY a 'b'>]>" + content), "a.ods", "ods")
    assert "entity declarations" in str(caught.value)


def test_a_decimal_is_still_read_from_a_number_cell():
    data = workbook_bytes({"Penilaian": [["kode", "nilai"], ["I1", 2.75]]})
    assert read_xlsx(data, "a.xlsx").sheets["Penilaian"].rows[1] == (2, ["I1", Decimal("2.75")])
