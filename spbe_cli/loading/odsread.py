"""OpenDocument spreadsheets (.ods, LibreOffice's own format) read with the same care as workbooks.

The archive is checked before any XML is parsed (its size, the unpacked size of its members, their
number; macros refused), entity declarations are refused before a parser sees the XML, and the sheets'
extent is measured while streaming `content.xml`: a cell repeated 16,384 times on a row repeated a
million times (one line of XML) is refused before python-calamine would lay it out. Formulas are never
calculated: a formula's saved value is used with a warning, a formula without one is an error, as for
workbooks. Values are then read by python-calamine into the same tables as a workbook's.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem
from .sheets import MAX_BYTES, MAX_CELLS, MAX_MEMBERS, MAX_UNPACKED, Table, Workbook, cell_value

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ROW, _CELL, _COVERED = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"
_SHEET = f"{{{_TABLE}}}table"
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
_FORMULA, _VALUE_TYPE, _NAME = f"{{{_TABLE}}}formula", f"{{{_OFFICE}}}value-type", f"{{{_TABLE}}}name"


def _refuse(path: str, message: Phrase) -> InvalidInput:
    return InvalidInput([Problem.at(Place(path), message, "file")])


def _archive(data: bytes, path: str) -> zipfile.ZipFile:
    """The archive, checked before anything in it is unpacked. Raises InvalidInput."""
    if len(data) > MAX_BYTES:
        raise _refuse(path, Phrase(M.file_too_large, mb=MAX_BYTES // (1024 * 1024)))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise _refuse(path, Phrase(M.sheet_not_ods)) from None
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED:
        raise _refuse(path, Phrase(M.sheet_too_large, mb=MAX_UNPACKED // (1024 * 1024)))
    names = {member.filename for member in members}
    if "content.xml" not in names:
        raise _refuse(path, Phrase(M.sheet_not_ods))
    if any(name.lower().startswith(("basic/", "scripts/")) for name in names):
        raise _refuse(path, Phrase(M.sheet_ods_macro))
    return archive


@dataclass
class _Extent:
    """What streaming `content.xml` found: per sheet, the rows and columns up to its last value, and
    every formula's cell (with whether a value was saved for it)."""

    sheets: dict[str, tuple[int, int]] = field(default_factory=dict)
    formulas: dict[tuple[str, int, int], tuple[str, bool]] = field(default_factory=dict)

    @property
    def cells(self) -> int:
        return sum(rows * cols for rows, cols in self.sheets.values())


def _measure(content: bytes, path: str) -> _Extent:
    """Each sheet's extent up to its last value, counting repeats as the reader would lay them out;
    refused as soon as the sum passes the cap. Raises InvalidInput."""
    import xml.etree.ElementTree as ElementTree

    from defusedxml.ElementTree import iterparse  # refuses entities too, should the check below miss one

    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise _refuse(path, Phrase(M.sheet_unsafe_xml))
    extent = _Extent()
    sheet, row, rows, cols, done = "", 0, 0, 0, 0
    try:
        for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
            if event == "start" and element.tag == _SHEET:
                sheet, row, rows, cols = element.get(_NAME, ""), 0, 0, 0
            elif event == "end" and element.tag == _ROW:
                repeat = _count(element.get(_ROWS_REPEATED))
                last = _last_value_column(element, sheet, row + 1, extent)
                if last:
                    rows, cols = row + repeat, max(cols, last)
                row += repeat
                element.clear()
                if done + rows * cols > MAX_CELLS:
                    raise InvalidInput(
                        [Problem.at(Place(path), Phrase(M.sheet_too_many_cells, limit=MAX_CELLS), "file")]
                    )
            elif event == "end" and element.tag == _SHEET:
                extent.sheets[sheet] = (rows, cols)
                done += rows * cols
                element.clear()
    except ElementTree.ParseError:
        raise _refuse(path, Phrase(M.sheet_not_ods)) from None
    except ValueError:  # defusedxml's refusals (DTDForbidden, EntitiesForbidden) are ValueErrors
        raise _refuse(path, Phrase(M.sheet_unsafe_xml)) from None
    return extent


def _count(text: str | None) -> int:
    try:
        return max(int(text or 1), 1)
    except ValueError:
        return 1


def _last_value_column(row: Any, sheet: str, number: int, extent: _Extent) -> int:
    """The column just past a row's last cell that holds something (0: none); its formulas recorded."""
    column = last = 0
    for cell in list(row):  # an ElementTree element
        if cell.tag not in (_CELL, _COVERED):
            continue
        repeat = _count(cell.get(_COLUMNS_REPEATED))
        holds = cell.get(_VALUE_TYPE) is not None or any(True for _ in cell.iter(f"{{{_TEXT}}}p"))
        formula = cell.get(_FORMULA)
        if formula is not None:
            extent.formulas[(sheet, number, column + 1)] = (formula, cell.get(_VALUE_TYPE) is not None)
        column += repeat
        if holds or formula is not None:
            last = column
    return last


def read_ods(data: bytes, path: str) -> Workbook:
    """Every sheet's cell values. Raises InvalidInput for a file that cannot or must not be read."""
    archive = _archive(data, path)
    try:
        content = archive.read("content.xml")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise _refuse(path, Phrase(M.sheet_not_ods)) from None
    extent = _measure(content, path)
    try:
        tables = _calamine_tables(data, path)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:  # calamine's Rust panics are BaseException: a broken file is the file's fault
        raise _refuse(path, Phrase(M.sheet_not_ods)) from None
    workbook = Workbook(path, tables)
    problems = []
    for (title, row, col), (formula, saved) in extent.formulas.items():
        table = tables.get(title)
        if table is None:
            continue
        if not saved:
            problems.append(table.problem(row, col, Phrase(M.sheet_formula_uncached, formula=formula)))
            continue
        value = next((found.get(col) for found in table.rows if found.number == row), None)
        warning = Phrase(M.sheet_formula_cached, formula=formula, value=str(value))
        workbook.warnings.append(table.problem(row, col, warning, "warning"))
    if problems:
        raise InvalidInput(problems)
    return workbook


def _calamine_tables(data: bytes, path: str) -> dict[str, Table]:
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    tables: dict[str, Table] = {}
    try:
        for name in book.sheet_names:
            table = Table(path, name)
            for number, row in enumerate(book.get_sheet_by_name(name).to_python(skip_empty_area=False), start=1):
                table.add_row(number, [cell_value(value) for value in row])
            tables[name] = table
    finally:
        book.close()
    return tables
