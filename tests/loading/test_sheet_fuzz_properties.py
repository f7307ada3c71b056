"""Bad sheets never crash: an exported workbook or CSV sheet, mutated the ways a damaged or crafted file is
(its zip structure, quoted and far cell references, hidden and twin sheets, control characters, huge and
foreign-digit numbers, split values), reads as an assessment or as problems located in that file, and
never as any other exception."""

from __future__ import annotations

import io
import struct
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx
from spbe_cli.loading.loader import load_file, parse_any
from spbe_cli.problems import InvalidInput

from ..helpers import CASES, CATALOG
from ..sheetdata import lying, member, rewrite, sheet_moved

DENPASAR = load_file(str(CASES / "denpasar-2021.yaml"), CATALOG)
SPBE = CATALOG.get("spbe-2020")
WORKBOOK = assessment_xlsx(DENPASAR, SPBE)
CSV = assessment_csv(DENPASAR, SPBE, decimal_comma=False)
SHEET = "xl/worksheets/sheet1.xml"


def outcome(data: bytes, path: str) -> None:
    """An assessment, or problems every one of which is located in `path`."""
    try:
        parse_any(data, path, CATALOG)
    except InvalidInput as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path and problem.message
            assert problem.line is None or problem.line >= 1


# --- workbook mutations ---------------------------------------------------------------------------

FAR = ["XFD1048576", "A1048576", "XFD1", "XFE1", "A0", "A99999999", "&#88;FD1048576", " B2 ", "b2", "$B$2", ""]
CELL_TEXT = st.sampled_from(
    ["\x01", "_x0001_", "_xD800_", "\u202e", "\ufffe", "&#1;", "\u0085", "٤", "４", "9" * 5000, "1E+308", "=1+2"]
)


@st.composite
def sheet_xml(draw) -> bytes:
    """The Penilaian sheet's XML with some of its references, rows and cells rewritten."""
    xml = member(WORKBOOK, SHEET)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["reference", "quote", "drop", "prefix", "value", "text", "dimension"]))
        if kind == "reference":
            xml = xml.replace(b'r="B2"', b'r="' + draw(st.sampled_from(FAR)).encode() + b'"', 1)
        elif kind == "quote":
            xml = xml.replace(b'r="', b"r='", 1).replace(b'" ', b"' ", 1)
        elif kind == "drop":
            xml = xml.replace(draw(st.sampled_from([b' r="A3"', b' r="3"', b' r="C2"'])), b"", 1)
        elif kind == "prefix":
            xml = xml.replace(b"<c ", b"<x:c xmlns:x='urn:x' ", 1).replace(b"</c>", b"</x:c>", 1)
        elif kind == "value":
            number = draw(st.sampled_from(["1e308", "-1e308", "NaN", "9" * 400, "1.0000000000000001", "0x10"]))
            xml = xml.replace(b"<v>4</v>", b"<v>" + number.encode() + b"</v>", 1)
        elif kind == "text":
            text = draw(CELL_TEXT).encode("utf-8", "surrogatepass")
            xml = xml.replace(b"<t>", b"<t>" + text, 1)
        else:
            xml = xml.replace(b"<dimension", b"<dimension ref='" + draw(st.sampled_from(FAR)).encode() + b"'", 1)
    return xml


def flipped(data: bytes, offset_in_header: int, value: int) -> bytes:
    """The first central directory entry with one byte changed."""
    raw = bytearray(data)
    central = raw.find(b"PK\x01\x02")
    raw[central + offset_in_header] = value
    return bytes(raw)


@st.composite
def workbooks(draw) -> bytes:
    data = rewrite(WORKBOOK, {SHEET: draw(sheet_xml())})
    structure = draw(
        st.sampled_from(
            ["none", "truncate", "drop", "extra", "encrypted", "method", "lying", "moved", "hidden", "twin"]
        )
    )
    if structure == "truncate":
        data = data[: draw(st.integers(0, len(data)))]
    elif structure == "drop":
        data = rewrite(data, {draw(st.sampled_from(["xl/workbook.xml", "[Content_Types].xml", SHEET])): None})
    elif structure == "extra":
        data = rewrite(
            data, {}, add={draw(st.sampled_from(["xl/a.xml", "xl/vbaProject.bin", "xl/workbook.bin"])): b"<"}
        )
    elif structure == "encrypted":
        data = flipped(data, 8, 1)
    elif structure == "method":
        data = flipped(data, 10, draw(st.sampled_from([1, 9, 12, 14, 99])))
    elif structure == "lying":
        sheet = member(data, SHEET)
        data = lying(data, SHEET, sheet + b"<!--" + b" " * draw(st.integers(1, 100_000)) + b"-->", sheet)
    elif structure == "moved":
        data = sheet_moved(data, draw(st.sampled_from(["xl/lain/isi.xml", "Isi.XML", "xl/worksheets/../x.xml"])))
    elif structure in ("hidden", "twin"):
        book = member(data, "xl/workbook.xml")
        if structure == "hidden":
            book = book.replace(b'state="visible"', b'state="hidden"', 1)
        else:
            book = book.replace(b'name="Bukti"', b'name="penilaian "', 1)
        data = rewrite(data, {"xl/workbook.xml": book})
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workbooks())
def test_a_mutated_workbook_reads_or_is_refused_at_its_place(data):
    outcome(data, "rekap.xlsx")


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 200), st.binary(min_size=1, max_size=8))
def test_a_workbook_with_bytes_overwritten_reads_or_is_refused(position, garbage):
    data = bytearray(WORKBOOK)
    start = position * len(data) // 200
    data[start : start + len(garbage)] = garbage
    outcome(bytes(data), "rekap.xlsx")


def test_the_zip_mutations_hit_the_headers_they_mean():
    central = WORKBOOK.find(b"PK\x01\x02")
    flags, method = struct.unpack_from("<HH", WORKBOOK, central + 8)
    assert (flags & 1, method) == (0, zipfile.ZIP_DEFLATED)
    assert zipfile.ZipFile(io.BytesIO(flipped(WORKBOOK, 8, 1))).infolist()[0].flag_bits & 1


# --- CSV mutations --------------------------------------------------------------------------------

CSV_PIECES = st.sampled_from(
    [",", ";", "\t", '"', '""', "\n", "\r", "\r\n", "2,75", "٤", "４", "²", "9" * 5000, "1e308", "\x00", "\x7f",
     "\x85", "\u2028", "\ufeff", "\ufffe", "\u202e", '{"judul": "x"}', '{"a":' + "[" * 5000, "'=1+2", "\\ud800",
     '{"judul": "\\ud800"}', "pending", "-1", "3.5", "3,5", ""]
)  # fmt: skip


@st.composite
def csv_sheets(draw) -> bytes:
    text = CSV
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "replace", "column"]))
        if kind == "insert":
            text = text[:at] + draw(CSV_PIECES) + text[at:]
        elif kind == "replace":
            text = text[:at] + draw(CSV_PIECES) + text[at + draw(st.integers(1, 20)) :]
        else:
            header, _, rest = text.partition("\n")
            text = header + ",".join(f"x{n}" for n in range(draw(st.integers(1, 300)))) + "\n" + rest
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return text.encode(encoding, "replace") if encoding != "utf-16" else text.encode("utf-16")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(csv_sheets())
def test_a_mutated_csv_sheet_reads_or_is_refused_at_its_place(data):
    outcome(data, "rekap.csv")
