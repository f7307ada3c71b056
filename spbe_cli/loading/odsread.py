"""OpenDocument spreadsheets (.ods, LibreOffice's own format) read with the same care as workbooks.

The archive is checked as a workbook's is, before any reader sees it (`sheets.check_archive`: its size
and members, macros, XML without a DTD, the sheets' extent with their repeated rows and cells counted).
Formulas are never calculated: a formula's saved value is used with a warning, a formula without one is
an error, as in workbooks; they are found while streaming `content.xml`. Values are then read by
python-calamine into the same tables as a workbook's.
"""

from __future__ import annotations

import io
from typing import Any

from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem
from .archive import member_text
from .sheets import Table, Workbook, cell_value, check_archive

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_ROW, _CELL, _COVERED = f"{{{_TABLE}}}table-row", f"{{{_TABLE}}}table-cell", f"{{{_TABLE}}}covered-table-cell"
_SHEET, _NAME = f"{{{_TABLE}}}table", f"{{{_TABLE}}}name"
_ROWS_REPEATED, _COLUMNS_REPEATED = f"{{{_TABLE}}}number-rows-repeated", f"{{{_TABLE}}}number-columns-repeated"
_FORMULA, _VALUE_TYPE = f"{{{_TABLE}}}formula", f"{{{_OFFICE}}}value-type"

Formulas = dict[tuple[str, int, int], tuple[str, bool]]  # (sheet, row, column) -> its text, a value saved


def read_ods(data: bytes, path: str) -> Workbook:
    """Every sheet's cell values. Raises InvalidInput for a file that cannot or must not be read."""
    check_archive(data, path, "ods")
    formulas = _formulas(member_text(data, "content.xml", path), path)
    try:
        tables = _calamine_tables(data, path)
    except (KeyboardInterrupt, SystemExit, MemoryError):
        raise
    except BaseException:  # calamine's Rust panics are BaseException: a broken file is the file's fault
        raise InvalidInput([Problem.at(Place(path), Phrase(M.sheet_not_ods), "file")]) from None
    workbook = Workbook(path, tables)
    problems = []
    for (title, row, col), (formula, saved) in formulas.items():
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


def _formulas(content: bytes, path: str) -> Formulas:
    """Each formula's cell, streaming `content.xml` (already checked: well formed, no DTD, bounded)."""
    from defusedxml.ElementTree import iterparse

    found: Formulas = {}
    sheet, row = "", 0
    try:
        for event, element in iterparse(io.BytesIO(content), events=("start", "end")):
            if event == "start" and element.tag == _SHEET:
                sheet, row = element.get(_NAME, ""), 0
            elif event == "end" and element.tag == _ROW:
                _row_formulas(element, sheet, row + 1, found)
                row += _count(element.get(_ROWS_REPEATED))
                element.clear()
    except (ValueError, SyntaxError):  # checked before; a parser's refusal is the file's fault all the same
        raise InvalidInput([Problem.at(Place(path), Phrase(M.sheet_not_ods), "file")]) from None
    return found


def _row_formulas(row: Any, sheet: str, number: int, found: Formulas) -> None:
    column = 0
    for cell in list(row):  # an ElementTree element
        if cell.tag not in (_CELL, _COVERED):
            continue
        formula = cell.get(_FORMULA)
        if formula is not None:
            found[(sheet, number, column + 1)] = (formula, cell.get(_VALUE_TYPE) is not None)
        column += _count(cell.get(_COLUMNS_REPEATED))


def _count(text: str | None) -> int:
    try:
        return max(int(text or 1), 1)
    except ValueError:
        return 1


def _calamine_tables(data: bytes, path: str) -> dict[str, Table]:
    from python_calamine import CalamineWorkbook, SheetVisibleEnum

    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    tables: dict[str, Table] = {}
    try:
        for meta in book.sheets_metadata:
            table = Table(path, meta.name, hidden=meta.visible != SheetVisibleEnum.Visible)
            for number, row in enumerate(book.get_sheet_by_name(meta.name).to_python(skip_empty_area=False), start=1):
                table.add_row(number, [cell_value(value) for value in row])
            tables[meta.name] = table
    finally:
        book.close()
    return tables
