"""Spreadsheets read safely into plain tables of cell values, every cell keeping where it stands.

XLSX: the archive is checked before any XML is parsed (a cap on the unpacked size and on the number of
members, so a zip bomb is refused before it fills memory; macro-enabled workbooks refused), then its XML
is scanned as bytes: entity declarations are refused (no parser ever expands one) and each sheet's extent
is bounded by its cell references, so a sheet cannot claim more cells than the cap. Values are then read
by python-calamine; a workbook with formulas or error cells is also read by openpyxl (which parses with
defusedxml) for the formula text. Formulas are never calculated: a formula's saved value is used with a
warning, a formula without one is an error.

CSV: UTF-8 with or without BOM (another encoding only when named), the delimiter (`;`, `,` or tab) found
from the header line.

python-calamine and openpyxl are imported here only, so commands that never read a workbook never load them.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem
from .yamlread import NotUtf8, utf8_text

MAX_BYTES = 20 * 1024 * 1024  # a workbook file, as stored
MAX_UNPACKED = 100 * 1024 * 1024  # the sum of its members, unpacked
MAX_MEMBERS = 2_000
MAX_CELLS = 2_000_000

Cell = Any  # None, str, int, Decimal or bool


def column_letter(number: int) -> str:
    """1 -> A, 27 -> AA."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class Row(NamedTuple):
    """One row of a sheet: its 1-based number and its cells, without the trailing empty ones."""

    number: int
    cells: list[Cell]

    def get(self, col: int | None) -> Cell:
        """The value in column `col` (1-based); None for an empty cell, one past the row's end, or no column."""
        if col is None or col > len(self.cells):
            return None
        return self.cells[col - 1]


@dataclass
class Table:
    """One sheet (or a CSV file): its rows of cell values."""

    path: str
    sheet: str | None  # None for CSV
    rows: list[Row] = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the CSV header, for locations

    def cell(self, row: int, col: int) -> str:
        """Where a cell stands, the spreadsheet way: `Penilaian!F14`, or `14:nilai_akhir` in a CSV file."""
        if self.sheet is None:
            name = self.header[col - 1] if 0 < col <= len(self.header) else column_letter(col)
            return f"{row}:{name}"
        quoted = self.sheet if re.fullmatch(r"\w+", self.sheet) else "'" + self.sheet.replace("'", "''") + "'"
        return f"{quoted}!{column_letter(col)}{row}"

    def place(self, row: int, col: int) -> Place:
        return Place(self.path, row, col, self.cell(row, col))

    def problem(self, row: int, col: int, phrase: Phrase, kind: str = "value") -> Problem:
        return Problem.at(self.place(row, col), phrase, kind)

    def add_row(self, number: int, cells: list[Cell]) -> bool:
        """Keep a row without its trailing empty cells; an empty row is skipped. Whether it was kept."""
        while cells and cells[-1] is None:
            cells.pop()
        if cells:
            self.rows.append(Row(number, cells))
        return bool(cells)

    def whole_place(self) -> Place:
        """Where the whole sheet stands: its name (a CSV file: the file)."""
        if self.sheet is None:
            return Place(self.path)
        return Place(self.path, 1, 1, self.cell(1, 1).split("!")[0])

    def whole(self, phrase: Phrase, kind: str = "structure") -> Problem:
        """A problem of the whole sheet: the sheet's name is its location."""
        return Problem.at(self.whole_place(), phrase, kind)


@dataclass
class Workbook:
    path: str
    sheets: dict[str, Table]
    warnings: list[Problem] = field(default_factory=list)

    def find(self, name: str) -> Table | None:
        """A sheet by name, ignoring case and surrounding spaces."""
        wanted = name.strip().casefold()
        for title, table in self.sheets.items():
            if title.strip().casefold() == wanted:
                return table
        return None


def _refuse(path: str, phrase: Phrase) -> InvalidInput:
    return InvalidInput([Problem.at(Place(path), phrase, "file")])


def check_archive(data: bytes, path: str) -> None:
    """Refuse what must not be unpacked: not a zip, a zip bomb, macros. Raises InvalidInput."""
    if path.lower().endswith((".xlsm", ".xltm", ".xlsb")):
        raise _refuse(path, Phrase(M.sheet_macro))
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(path, Phrase(M.sheet_old_xls))
    if len(data) > MAX_BYTES:
        raise _refuse(path, Phrase(M.file_too_large, mb=MAX_BYTES // (1024 * 1024)))
    if not data.startswith(b"PK"):
        raise _refuse(path, Phrase(M.sheet_not_xlsx))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refuse(path, Phrase(M.sheet_not_xlsx)) from None
    # Declared sizes can be trusted as a cap: zipfile stops reading a member at its declared size.
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_MEMBERS or unpacked > MAX_UNPACKED:
        raise _refuse(path, Phrase(M.sheet_too_large, mb=MAX_UNPACKED // (1024 * 1024)))
    names = {member.filename.lower() for member in members}
    if any(name.endswith("vbaproject.bin") for name in names):
        raise _refuse(path, Phrase(M.sheet_macro))
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(path, Phrase(M.sheet_not_xlsx))
    try:
        content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, KeyError):
        raise _refuse(path, Phrase(M.sheet_not_xlsx)) from None
    if b"macroEnabled" in content_types:
        raise _refuse(path, Phrase(M.sheet_macro))


# Which library reads cell values (`read_xlsx(engine=...)`): python-calamine (a compiled reader,
# measured about 20 times faster, see benchmarks/README.md) or openpyxl. openpyxl always writes, and reads
# the formula text of a workbook that has formulas or error cells, which calamine does not expose.
Engine = Literal["calamine", "openpyxl"]
Formulas = dict[tuple[str, int, int], str]  # (sheet, row, column) -> a formula's text

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY")
_REF = re.compile(rb'\br="([A-Za-z]*)(\d+)"')
_ROW = re.compile(rb"<(?:\w+:)?row[\s/>]")
_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
_SPECIAL = re.compile(rb'<(?:\w+:)?f[\s/>]|\bt="e"')  # a formula, or an error cell (#N/A, #DIV/0!)


@dataclass
class _Scan:
    cells: int = 0  # an upper bound of the cells a reader may lay out, summed over sheets
    special: bool = False  # formulas or error cells somewhere


def scan_archive(data: bytes, path: str) -> _Scan:
    """What the XML holds, before any XML parser sees it: entity declarations refused (what defusedxml does
    for openpyxl), and the extent of every sheet bounded, so no reader lays out a sheet whose two cells
    stand at A1 and XFD1048576 (17 billion cells) before the cap on cells could count them."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    scan = _Scan()
    for member in archive.infolist():
        name = member.filename.lower()
        if not name.endswith((".xml", ".rels", ".vml")):
            continue
        try:
            text = archive.read(member)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            raise _refuse(path, Phrase(M.sheet_not_xlsx)) from None
        if _DOCTYPE.search(text):
            raise _refuse(path, Phrase(M.sheet_unsafe_xml))
        if not name.startswith("xl/worksheets/"):
            continue
        refs = _REF.findall(text)
        rows = max((int(digits) for digits in {digits for _, digits in refs}), default=0)
        letters = {letters for letters, _ in refs}
        cols = max((_column_number(column) for column in letters), default=0)
        cell_refs = sum(1 for column, _ in refs if column)
        row_refs = len(refs) - cell_refs
        # A row or cell without its reference follows the previous one: each can add one to the extent.
        rows += max(len(_ROW.findall(text)) - row_refs, 0)
        cols += max(len(_CELL.findall(text)) - cell_refs, 0)
        scan.cells += rows * cols
        scan.special = scan.special or _SPECIAL.search(text) is not None
    if scan.cells > MAX_CELLS:
        raise InvalidInput([Problem.at(Place(path), Phrase(M.sheet_too_many_cells, limit=MAX_CELLS), "file")])
    return scan


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter & 0xDF) - 64  # A-Z, a-z alike
    return number


def read_xlsx(data: bytes, path: str, *, engine: Engine = "calamine") -> Workbook:
    """Every sheet's cell values, read by `engine`. Raises InvalidInput for a workbook that cannot or must
    not be read."""
    check_archive(data, path)
    scan = scan_archive(data, path)
    formulas: Formulas = {}
    cached: dict[str, Table] = {}
    try:
        if engine == "calamine":
            sheets = _calamine_cells(data, path)
            if scan.special:  # the formula text and error cells, which calamine does not give
                _special_cells(_cells(data, path, data_only=False, formulas=formulas), sheets, formulas)
        elif scan.special:
            sheets = _cells(data, path, data_only=False, formulas=formulas)
        else:
            sheets = _values(data, path)
        if any(_cached_value(sheets.get(title), row, col) is None for title, row, col in formulas):
            cached = _cells(data, path, data_only=True, formulas=None)
    except InvalidInput:
        raise
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    # Broken XML or a broken archive is the file's fault; calamine's Rust panics are BaseException, not Exception.
    except BaseException as error:
        if _defused(error):
            raise _refuse(path, Phrase(M.sheet_unsafe_xml)) from None
        raise _refuse(path, Phrase(M.sheet_not_xlsx)) from None
    workbook = Workbook(path, sheets)
    problems: list[Problem] = []
    for (title, row, col), formula in formulas.items():
        table = sheets[title]
        value = _cached_value(table, row, col)
        if value is None:
            value = _cached_value(cached.get(title), row, col)
        if value is None:
            problems.append(table.problem(row, col, Phrase(M.sheet_formula_uncached, formula=formula)))
        else:
            workbook.warnings.append(
                table.problem(row, col, Phrase(M.sheet_formula_cached, formula=formula, value=str(value)), "warning")
            )
            _set(table, row, col, value)
    if problems:
        raise InvalidInput(problems)
    return workbook


def _calamine_cells(data: bytes, path: str) -> dict[str, Table]:
    """Every worksheet's values by python-calamine (which unescapes Excel's `_x000D_` in text too)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    tables: dict[str, Table] = {}
    try:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # a chart sheet holds no cells
            table = Table(path, meta.name)
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            for number, row in enumerate(rows, start=1):
                table.add_row(number, [cell_value(value) for value in row])
            tables[meta.name] = table
    finally:
        book.close()
    return tables


def _special_cells(found: dict[str, Table], sheets: dict[str, Table], formulas: Formulas) -> None:
    """Error cells (`#N/A`) as openpyxl reads them: text, so a value column names them, never empty."""
    for title, table in found.items():
        for number, cells in table.rows:
            for col, value in enumerate(cells, start=1):
                if isinstance(value, str) and value.startswith("#") and (title, number, col) not in formulas:
                    if title in sheets and _cached_value(sheets[title], number, col) is None:
                        _set(sheets[title], number, col, value)


def _defused(error: BaseException | None) -> bool:
    """Whether defusedxml refused something, anywhere in the chain of exceptions (openpyxl wraps them)."""
    from defusedxml import DefusedXmlException

    seen = 0
    while error is not None and seen < 20:
        if isinstance(error, DefusedXmlException):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def _cached_value(table: Table | None, row: int, col: int) -> Cell:
    if table is None:
        return None
    for found in table.rows:
        if found.number == row:
            return found.get(col)
    return None


def _set(table: Table, row: int, col: int, value: Cell) -> None:
    for number, cells in table.rows:
        if number == row:
            cells.extend([None] * (col - len(cells)))
            cells[col - 1] = value
            return
    table.rows.append(Row(row, [None] * (col - 1) + [value]))
    table.rows.sort(key=lambda item: item.number)


def _open_openpyxl(data: bytes, *, data_only: bool) -> Any:  # an openpyxl Workbook (openpyxl is untyped)
    import warnings

    import openpyxl

    if not openpyxl.DEFUSEDXML:  # a dependency of spbe; never read a workbook without it
        raise RuntimeError("defusedxml is required to read workbooks safely")
    with warnings.catch_warnings():
        # openpyxl warns about workbook features it drops (extensions, styles); they do not matter here.
        warnings.simplefilter("ignore")
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=data_only, keep_vba=False, keep_links=False
        )


def _values(data: bytes, path: str) -> dict[str, Table]:
    """Every worksheet's values by openpyxl, for a workbook without formulas: one pass, values only."""
    book = _open_openpyxl(data, data_only=True)
    tables: dict[str, Table] = {}
    try:
        for sheet in book.worksheets:
            table = Table(path, sheet.title)
            sheet.reset_dimensions()  # the scan already bounded the sheet; do not trust its dimension
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                table.add_row(number, [_unescape(cell_value(value)) for value in row])
            tables[sheet.title] = table
    finally:
        book.close()
    return tables


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(value: Cell) -> Cell:
    """Excel's escapes in text (`_x000D_` for CR), which openpyxl leaves as they are."""
    if isinstance(value, str) and "_x" in value:
        return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def _cells(data: bytes, path: str, *, data_only: bool, formulas: Formulas | None) -> dict[str, Table]:
    book = _open_openpyxl(data, data_only=data_only)
    tables: dict[str, Table] = {}
    count = 0
    try:
        for sheet in book.worksheets:
            table = Table(path, sheet.title)
            for row in sheet.iter_rows():
                cells: list[Cell] = []
                number = 0
                for cell in row:
                    if getattr(cell, "row", None) is None:  # an empty cell of a read-only sheet
                        cells.append(None)
                        continue
                    number = cell.row
                    value = cell.value
                    if formulas is not None and cell.data_type == "f":
                        formulas[(sheet.title, cell.row, cell.column)] = str(value)
                        value = None
                    cells.append(_unescape(cell_value(value)))
                count += len(cells)
                if count > MAX_CELLS:
                    raise InvalidInput(
                        [Problem.at(Place(path), Phrase(M.sheet_too_many_cells, limit=MAX_CELLS), "file")]
                    )
                if number:
                    table.add_row(number, cells)
            tables[sheet.title] = table
    finally:
        book.close()
    return tables


def cell_value(value: Any) -> Cell:
    """A cell as spbe reads it: whole numbers as int, other numbers as exact Decimal, dates as text."""
    if isinstance(value, str):
        return value if value.strip() else None
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            return str(value)
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return Decimal(repr(value))  # the shortest text that reads back as the same double: what was typed
    if isinstance(value, Decimal):
        return value
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)


_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?")


def number_from_text(value: Cell) -> Cell:
    """Text that is plainly a number (3, 3.5 or 3,5) as a number; anything else unchanged.

    The decimal comma is unambiguous here: values lie on a 1-5 scale, which has no thousands.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not _NUMBER.fullmatch(text):
        return value
    number = Decimal(text.replace(",", "."))
    # 2,0 is the whole number 2, as a numeric cell holding 2.0 is: a clerk means the level.
    return int(number) if "." not in text and "," not in text or number == number.to_integral_value() else number


# --- CSV ------------------------------------------------------------------------------------------

DELIMITERS = (";", ",", "\t")


def decode_csv(data: bytes, path: str, encoding: str | None = None) -> str:
    if len(data) > MAX_BYTES:
        raise _refuse(path, Phrase(M.file_too_large, mb=MAX_BYTES // (1024 * 1024)))
    if data.startswith(b"PK\x03\x04"):
        raise _refuse(path, Phrase(M.csv_is_workbook))
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise _refuse(path, Phrase(M.csv_unknown_encoding, encoding=encoding)) from None
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise _refuse(
                path, Phrase(M.csv_not_in_encoding, encoding=encoding, byte=f"{data[error.start]:02X}")
            ) from None
        return text.removeprefix("\ufeff")
    try:
        text = utf8_text(data)
    except NotUtf8 as error:
        raise _refuse(path, Phrase(M.csv_not_utf8, byte=error.byte, line=error.line)) from None
    if "\x00" in text:
        raise _refuse(path, Phrase(M.csv_not_utf8, byte="00", line=text.count("\n", 0, text.index("\x00")) + 1))
    return text


def sniff_delimiter(text: str) -> str:
    """The delimiter of the first non-empty line (the header): the most frequent of ; , and tab outside quotes."""
    for line in text.splitlines():
        if not line.strip():
            continue
        unquoted = re.sub(r'"[^"]*"', "", line)
        counts = {d: unquoted.count(d) for d in DELIMITERS}
        best = max(DELIMITERS, key=lambda d: counts[d])
        return best if counts[best] else ","
    return ","


def read_csv(data: bytes, path: str, encoding: str | None = None) -> Table:
    """A CSV file as one table; the first non-empty row is its header. Raises InvalidInput."""
    text = decode_csv(data, path, encoding)
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    table = Table(path, None)
    line = 1
    try:
        for record in reader:
            # export writes an apostrophe before text that would start a formula (or an apostrophe)
            cells: list[Cell] = [
                (value[1:] if value.startswith("'") else value) if value.strip() else None for value in record
            ]
            if table.add_row(line, cells) and not table.header:
                table.header = [str(c or "").strip() for c in cells]
            line = reader.line_num + 1
    except csv.Error as error:
        raise InvalidInput(
            [Problem.at(Place(path, line, 1), Phrase(M.csv_broken, reason=str(error)), "syntax")]
        ) from None
    return table
