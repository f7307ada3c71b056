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
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Literal, NamedTuple

from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem
from .archive import MAX_CELLS, MAX_UNPACKED, ArchiveScan, Kind, member_text, open_archive, scan_archive
from .sheetformat import MAX_CSV_BYTES, MAX_XLSX_BYTES
from .yamlread import MAX_NUMBER_CHARS, NotUtf8, utf8_text

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
    hidden: bool = False  # a sheet the workbook hides from view
    widths: dict[int, int] = field(default_factory=dict)  # a CSV row's number of cells, empty ones too

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
        """A sheet by name, ignoring case and surrounding spaces. Two sheets that answer to the name are
        refused (InvalidInput at the second): which one is meant cannot be guessed."""
        wanted = name.strip().casefold()
        found = [table for title, table in self.sheets.items() if title.strip().casefold() == wanted]
        if len(found) > 1:
            first, second = found[0].sheet or "", found[1].sheet or ""
            raise InvalidInput([found[1].whole(Phrase(M.sheet_same_name, name=name, first=first, second=second))])
        return found[0] if found else None


def _refuse(path: str, phrase: Phrase) -> InvalidInput:
    return InvalidInput([Problem.at(Place(path), phrase, "file")])


def check_archive(data: bytes, path: str, kind: Kind = "xlsx") -> ArchiveScan:
    """Refuse what must not be unpacked (not a workbook, a zip bomb, macros, a binary or encrypted
    workbook, a sheet too large) and say what the archive holds. `kind`: "xlsx", or "ods" for an
    OpenDocument spreadsheet (a zip holding content.xml). Raises InvalidInput."""
    lower = path.lower()
    if lower.endswith(".xlsb"):
        raise _refuse(path, Phrase(M.sheet_binary))
    if lower.endswith((".xlsm", ".xltm")):
        raise _refuse(path, Phrase(M.sheet_macro))
    if data.startswith(b"\xd0\xcf\x11\xe0"):  # an OLE file: an encrypted workbook, or an old .xls
        encrypted = "EncryptedPackage".encode("utf-16-le") in data
        raise _refuse(path, Phrase(M.sheet_encrypted if encrypted else M.sheet_old_xls))
    if len(data) > MAX_XLSX_BYTES:
        raise _refuse(path, Phrase(M.file_too_large, mb=MAX_XLSX_BYTES // (1024 * 1024)))
    not_workbook = Phrase(M.sheet_not_xlsx if kind == "xlsx" else M.sheet_not_ods)
    names = {member.filename.lower() for member in open_archive(data, path, not_workbook).infolist()}
    if kind == "ods":
        if "content.xml" not in names or any(name.startswith(("basic/", "scripts/")) for name in names):
            raise _refuse(path, Phrase(M.sheet_macro if "content.xml" in names else M.sheet_not_ods))
        return scan_archive(data, path, kind)
    if any(name.endswith("vbaproject.bin") for name in names):
        raise _refuse(path, Phrase(M.sheet_macro))
    if "xl/workbook.bin" in names:
        raise _refuse(path, Phrase(M.sheet_binary))
    if "[content_types].xml" not in names or "xl/workbook.xml" not in names:
        raise _refuse(path, Phrase(M.sheet_not_xlsx))
    scan = scan_archive(data, path, kind)
    if b"macroEnabled" in member_text(data, "[Content_Types].xml", path):
        raise _refuse(path, Phrase(M.sheet_macro))
    return scan


# Which library reads cell values (`read_xlsx(engine=...)`): python-calamine (a compiled reader,
# measured about 20 times faster, see benchmarks/README.md) or openpyxl. openpyxl always writes, and reads
# the formula text of a workbook that has formulas or error cells, which calamine does not expose.
Engine = Literal["calamine", "openpyxl"]
Formulas = dict[tuple[str, int, int], str]  # (sheet, row, column) -> a formula's text


def read_xlsx(data: bytes, path: str, *, engine: Engine = "calamine") -> Workbook:
    """Every sheet's cell values, read by `engine`. Raises InvalidInput for a workbook that cannot or must
    not be read."""
    scan = check_archive(data, path)
    formulas: Formulas = {}
    cached: _Grid | None = None
    try:
        if engine == "calamine":
            sheets = _calamine_cells(data, path)
            if scan.special:  # the formula text and error cells, which calamine does not give
                found = _cells(data, path, data_only=False, formulas=formulas)
                _special_cells(_same_names(found, sheets, formulas, path), _Grid(sheets), formulas)
        elif scan.special:
            sheets = _cells(data, path, data_only=False, formulas=formulas)
        else:
            sheets = _values(data, path)
        grid = _Grid(sheets)
        if any(grid.get(title, row, col) is None for title, row, col in formulas):
            openpyxl_values = _cells(data, path, data_only=True, formulas=None)
            cached = _Grid(_same_names(openpyxl_values, sheets, {}, path) if engine == "calamine" else openpyxl_values)
    except InvalidInput:
        raise
    except (KeyboardInterrupt, SystemExit):
        raise
    except MemoryError:
        raise _refuse(path, Phrase(M.sheet_too_large, mb=MAX_UNPACKED // (1024 * 1024))) from None
    # Broken XML or a broken archive is the file's fault; calamine's Rust panics are BaseException, not Exception.
    except BaseException as error:
        if _defused(error):
            raise _refuse(path, Phrase(M.sheet_unsafe_xml)) from None
        raise _refuse(path, Phrase(M.sheet_not_xlsx)) from None
    workbook = Workbook(path, sheets)
    _saved_values(workbook, grid, cached, formulas)
    return workbook


def _saved_values(workbook: Workbook, grid: _Grid, cached: _Grid | None, formulas: Formulas) -> None:
    """Each formula's saved value in its cell, with a warning; a formula without one is refused."""
    problems: list[Problem] = []
    for (title, row, col), formula in formulas.items():
        table = workbook.sheets[title]
        value = grid.get(title, row, col)
        if value is None and cached is not None:
            value = cached.get(title, row, col)
        if value is None:
            problems.append(table.problem(row, col, Phrase(M.sheet_formula_uncached, formula=formula)))
        else:
            workbook.warnings.append(
                table.problem(row, col, Phrase(M.sheet_formula_cached, formula=formula, value=str(value)), "warning")
            )
            grid.set(title, row, col, value)
    grid.finish()
    if problems:
        raise InvalidInput(problems)


class _Grid:
    """Tables whose rows are found by number at once: formulas and error cells are put in place one by
    one, and a search of the rows for each was quadratic (30,000 of them took 11 s)."""

    def __init__(self, tables: dict[str, Table]) -> None:
        self.tables = tables
        self.rows = {title: {row.number: row for row in table.rows} for title, table in tables.items()}
        self.grown: set[str] = set()  # tables given a row they did not have: sorted at the end

    def get(self, title: str, row: int, col: int) -> Cell:
        found = self.rows.get(title, {}).get(row)
        return None if found is None else found.get(col)

    def set(self, title: str, row: int, col: int, value: Cell) -> None:
        found = self.rows[title].get(row)
        if found is None:
            found = self.rows[title][row] = Row(row, [])
            self.tables[title].rows.append(found)
            self.grown.add(title)
        found.cells.extend([None] * (col - len(found.cells)))
        found.cells[col - 1] = value

    def finish(self) -> None:
        for title in self.grown:
            self.tables[title].rows.sort(key=lambda item: item.number)
        self.grown.clear()


def _calamine_cells(data: bytes, path: str) -> dict[str, Table]:
    """Every worksheet's values by python-calamine (which unescapes Excel's `_x000D_` in text too)."""
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    tables: dict[str, Table] = {}
    try:
        for meta in book.sheets_metadata:
            if meta.typ != SheetTypeEnum.WorkSheet:
                continue  # a chart sheet holds no cells
            table = Table(path, meta.name, hidden=meta.visible != SheetVisibleEnum.Visible)
            rows = book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False)
            for number, row in enumerate(rows, start=1):
                table.add_row(number, [cell_value(value) for value in row])
            tables[meta.name] = table
    finally:
        book.close()
    return tables


def _same_names(found: dict[str, Table], sheets: dict[str, Table], formulas: Formulas, path: str) -> dict[str, Table]:
    """openpyxl's tables (and formulas) under calamine's names for the same sheets. The two readers can
    disagree on a name: XML turns a raw tab or line break in it into a space, and calamine keeps it."""
    names = {_spaced(title): title for title in sheets}
    renamed = {title: names.get(_spaced(title)) for title in found}
    if None in renamed.values() or len(set(renamed.values())) < len(renamed):
        raise _refuse(path, Phrase(M.sheet_not_xlsx))
    for (title, row, col), formula in list(formulas.items()):
        del formulas[(title, row, col)]
        formulas[(renamed[title] or title, row, col)] = formula
    return {renamed[title] or title: table for title, table in found.items()}


def _spaced(name: str) -> str:
    return name.translate({9: " ", 10: " ", 13: " "})


def _special_cells(found: dict[str, Table], sheets: _Grid, formulas: Formulas) -> None:
    """Error cells (`#N/A`) as openpyxl reads them: text, so a value column names them, never empty."""
    for title, table in found.items():
        for number, cells in table.rows:
            for col, value in enumerate(cells, start=1):
                if isinstance(value, str) and value.startswith("#") and (title, number, col) not in formulas:
                    if title in sheets.tables and sheets.get(title, number, col) is None:
                        sheets.set(title, number, col, value)
    sheets.finish()


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
            table = Table(path, sheet.title, hidden=sheet.sheet_state != "visible")
            sheet.reset_dimensions()  # the scan already bounded the sheet; do not trust its dimension
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
                table.add_row(number, [_unescape(cell_value(value)) for value in row])
            tables[sheet.title] = table
    finally:
        book.close()
    return tables


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape(value: Cell) -> Cell:
    """Excel's escapes in text (`_x000D_` for CR), which openpyxl leaves as they are; `_xD800_` (half of a
    character, which no text can hold) stays as written, as calamine leaves it."""
    if isinstance(value, str) and "_x" in value:
        return _ESCAPED.sub(
            lambda m: m.group() if 0xD800 <= int(m.group(1), 16) <= 0xDFFF else chr(int(m.group(1), 16)), value
        )
    return value


def _cells(data: bytes, path: str, *, data_only: bool, formulas: Formulas | None) -> dict[str, Table]:
    book = _open_openpyxl(data, data_only=data_only)
    tables: dict[str, Table] = {}
    count = 0
    try:
        for sheet in book.worksheets:
            table = Table(path, sheet.title, hidden=sheet.sheet_state != "visible")
            sheet.reset_dimensions()  # as in _values: a dimension is no reason to lay out empty cells
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


_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)?")  # ASCII digits only: ٤ and ４ are not 4


def is_long_number(text: str) -> bool:
    """Whether text is plainly a number with more characters than any value spbe reads has."""
    return len(text.strip()) > MAX_NUMBER_CHARS and _NUMBER.fullmatch(text.strip()) is not None


def number_from_text(value: Cell) -> Cell:
    """Text that is plainly a number (3, 3.5 or 3,5) as a number; anything else unchanged (a number
    longer than MAX_NUMBER_CHARS too: the sheet reader refuses it at its cell).

    The decimal comma is unambiguous here: values lie on a 1-5 scale, which has no thousands.
    """
    if not isinstance(value, str):
        return value
    text = value.strip()
    if len(text) > MAX_NUMBER_CHARS or not _NUMBER.fullmatch(text):
        return value
    number = Decimal(text.replace(",", "."))
    # 2,0 is the whole number 2, as a numeric cell holding 2.0 is: a clerk means the level.
    return int(number) if "." not in text and "," not in text or number == number.to_integral_value() else number


# --- CSV ------------------------------------------------------------------------------------------

DELIMITERS = (";", ",", "\t")


def decode_csv(data: bytes, path: str, encoding: str | None = None) -> str:
    if len(data) > MAX_CSV_BYTES:
        raise _refuse(path, Phrase(M.file_too_large, mb=MAX_CSV_BYTES // (1024 * 1024)))
    if data.startswith(b"PK\x03\x04"):
        raise _refuse(path, Phrase(M.csv_is_workbook))
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise _refuse(path, Phrase(M.csv_unknown_encoding, encoding=encoding)) from None
        if not getattr(codec, "_is_text_encoding", True):  # rot13, hex, base64, zlib: bytes or text codecs
            raise _refuse(path, Phrase(M.csv_not_text_encoding, encoding=encoding))
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as error:
            raise _refuse(
                path, Phrase(M.csv_not_in_encoding, encoding=encoding, byte=f"{data[error.start]:02X}")
            ) from None
        except (UnicodeError, ValueError, LookupError):  # idna, punycode: their own errors
            raise _refuse(path, Phrase(M.csv_not_text, encoding=encoding)) from None
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
    # A cell may hold as much as the file: the csv module's own limit (128 KB) would refuse a long note.
    field_limit = csv.field_size_limit(MAX_CSV_BYTES)
    try:
        for record in reader:
            # export writes an apostrophe before text that would start a formula (or an apostrophe)
            cells: list[Cell] = [
                (value[1:] if value.startswith("'") else value) if value.strip() else None for value in record
            ]
            table.widths[line] = len(record)
            if table.add_row(line, cells) and not table.header:
                table.header = [str(c or "").strip() for c in cells]
            line = reader.line_num + 1
    except csv.Error as error:
        raise InvalidInput(
            [Problem.at(Place(path, line, 1), Phrase(M.csv_broken, reason=str(error)), "syntax")]
        ) from None
    finally:
        csv.field_size_limit(field_limit)
    return table
