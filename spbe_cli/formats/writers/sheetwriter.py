"""Writing XLSX workbooks: one place for cell safety, number formats, headers, frozen panes, widths
and data validation.

Every writer of spbe goes through `SheetWriter`, so no sheet it writes can hold a formula: text that
would start one (`=`, `+`, `-`, `@`, tab, CR) is stored as a text cell marked with Excel's quote prefix
(shown and kept as text, never calculated), and characters XML cannot hold are stored as Excel's
escapes (read back as they were) or, in reports, shown as escapes.
Numbers are numeric cells; exact values become the nearest double only here, at the edge.

This is the one module that touches openpyxl, which ships no type information: its objects are held
here (typed `Any` at that edge) and the rest of spbe sees `SheetWriter`, `Sheet` and `Validation`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, Protocol

from ..escaping import visible

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TWO_DECIMALS = "0.00"
FOUR_DECIMALS = "0.0000"
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_WIDTH = 60
MAX_CELL_TEXT = 32_767  # what one cell holds (Excel's limit; openpyxl cuts longer text without a word)


_NONCHARACTER = re.compile("[\ufffe\uffff]")  # no XML holds them, and no reader reads Excel's escape of them


class _Unwritable(Exception):
    """Text a workbook read back cannot hold as it is: longer than a cell holds, or with a character no
    workbook holds."""

    def __init__(self, length: int, character: str | None) -> None:
        super().__init__(length, character)
        self.length, self.character = length, character


class CellTooLong(_Unwritable):
    """`_Unwritable` at its cell: the sheet, row, column header and the row's first cell (its key)."""

    def __init__(self, sheet: str, row: int, column: str, first: object, refused: _Unwritable) -> None:
        super().__init__(refused.length, refused.character)
        self.sheet, self.row, self.column, self.first = sheet, row, column, first


def exact_text(text: str) -> str:
    """Text as Excel stores it, every character kept: `ooxml_escape`, then the control characters XML
    cannot hold as Excel's own escapes (`_x000B_`), which every reader turns back into the character.
    Raises _Unwritable for text no cell can hold whole (openpyxl would cut it without a word)."""
    noncharacter = _NONCHARACTER.search(text)
    stored = _NOT_IN_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", ooxml_escape(text))
    if len(stored) > MAX_CELL_TEXT or noncharacter is not None:
        raise _Unwritable(len(stored), noncharacter.group() if noncharacter is not None else None)
    return stored


_OOXML_ESCAPE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


def ooxml_escape(text: str) -> str:
    """Text as Excel stores it: a carriage return as `_x000D_` (XML would read a bare CR back as a line
    feed), and text that already looks like such an escape with its underscore escaped (`_x005F_`), so
    every reader that follows the format (Excel, LibreOffice, spbe) gets the text back as it was."""
    if "_x" in text:
        text = _OOXML_ESCAPE.sub(r"_x005F_\1", text)
    return text.replace("\r", "_x000D_")


class Number:
    """A numeric cell with a display format: 2 decimals by default (Excel shows the user's separator)."""

    __slots__ = ("value", "format")

    def __init__(self, value: int | Fraction | Decimal | float, number_format: str = TWO_DECIMALS):
        self.value = value
        self.format = number_format


@dataclass(frozen=True)
class Validation:
    """What Excel lets a user type into a range of cells, and what it says when it refuses a value."""

    kind: str  # "list": one of the choices in formula1; "decimal": between formula1 and formula2
    formula1: str
    error: str
    error_title: str
    formula2: str | None = None
    prompt: str | None = None  # shown when a cell of the range is selected
    prompt_title: str | None = None
    strict: bool = True  # refuse what is outside the rule; False: a list of suggestions, any text accepted


@dataclass(frozen=True)
class Form:
    """A sheet for people to fill in, printed as well as read back.

    Above the table, `lines` (a title, an instruction), each across the table's width; then a hidden row
    of the column `names` a reader needs whatever the headers say, the `labels` a person reads (each with
    its `comments`), then the rows. Columns in `read_only` are greyed and locked (the sheet is protected
    without a password: Review > Unprotect Sheet lifts it); the others stay editable, `spare_rows` rows
    below the data too. `notes` are cell comments ((row index, column) -> text). Rows are as tall as
    their wrapped text needs, so a printout never overlaps; the page is landscape, one page wide, with
    the header repeated on every page.
    """

    names: Sequence[str]
    labels: Sequence[str]
    rows: Sequence[Sequence[object]]
    lines: Sequence[str] = ()
    comments: Sequence[str | None] = ()
    widths: Sequence[int] = ()
    wrap: frozenset[int] = frozenset()  # 1-based columns whose text wraps
    read_only: frozenset[int] = frozenset()  # 1-based columns greyed and locked
    notes: Mapping[tuple[int, int], str] = field(default_factory=dict)
    spare_rows: int = 0
    frozen_columns: int = 0
    protect: bool = True

    @property
    def header_row(self) -> int:
        """The row of the labels; the hidden row of names is just above it."""
        return len(self.lines) + 2

    @property
    def first_row(self) -> int:
        return self.header_row + 1


class _Cell(Protocol):
    """What `SheetWriter.put` sets on an openpyxl cell."""

    value: object
    number_format: str
    data_type: str
    quotePrefix: bool  # openpyxl's name


class Sheet:
    """A sheet `SheetWriter.sheet` wrote, for what follows its rows."""

    def __init__(self, worksheet: Any) -> None:  # an openpyxl Worksheet
        self._worksheet = worksheet

    def validate(self, rule: Validation, columns: Iterable[int], first_row: int, last_row: int) -> None:
        """Let Excel refuse, with the rule's message, a value outside the rule in rows first_row to
        last_row of the given columns (1 is A)."""
        self.validate_rows(rule, columns, range(first_row, last_row + 1))

    def validate_rows(self, rule: Validation, columns: Iterable[int], rows: Iterable[int]) -> None:
        """The same for the given rows only (runs of consecutive rows make one range each)."""
        from openpyxl.utils import get_column_letter
        from openpyxl.worksheet.datavalidation import DataValidation

        runs: list[list[int]] = []
        for row in sorted(set(rows)):
            if runs and runs[-1][1] == row - 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        if not runs:
            return
        between = {"operator": "between", "formula2": rule.formula2} if rule.formula2 is not None else {}
        validation = DataValidation(type=rule.kind, formula1=rule.formula1, allow_blank=True, **between)
        validation.error, validation.errorTitle = rule.error, rule.error_title
        validation.showErrorMessage = rule.strict
        if rule.prompt is not None:
            validation.prompt = rule.prompt
            validation.promptTitle = rule.prompt_title
            validation.showInputMessage = True
        self._worksheet.add_data_validation(validation)
        for column in columns:
            letter = get_column_letter(column)
            for first, last in runs:
                validation.add(f"{letter}{first}:{letter}{last}")


class SheetWriter:
    """One workbook being written. Sheets are added in order; `bytes()` gives the finished file."""

    def __init__(self, *, exact: bool = False) -> None:
        """exact: keep text as it is (line breaks included), for workbooks read back; otherwise user text
        is made one visible line, as in every other human output."""
        import openpyxl
        from openpyxl.styles import Alignment, Font, PatternFill

        self.exact = exact
        self._book = openpyxl.Workbook()
        self._book.remove(self._book.active)
        if not exact:  # a results workbook: a folder run (`rank .`) knows it is not an assessment
            self._book.properties.keywords = "spbe results"
        self._header_font = Font(bold=True)
        self._header_fill = PatternFill("solid", fgColor="DDEBF7")
        self._wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[object]],
        *,
        comments: Sequence[str | None] | None = None,
        widths: Sequence[int] | None = None,
        wrap: Sequence[int] = (),
    ) -> Sheet:
        """A sheet with a bold, frozen header row, then the rows."""
        from openpyxl.comments import Comment
        from openpyxl.utils import get_column_letter

        sheet = self._book.create_sheet(title[:31])
        measured = [len(str(name)) for name in header]
        for col, name in enumerate(header, start=1):
            cell = sheet.cell(row=1, column=col)
            self._put(cell, name)
            cell.font = self._header_font
            cell.fill = self._header_fill
            if comments and col <= len(comments) and comments[col - 1]:
                comment = Comment(comments[col - 1], "spbe")
                comment.width, comment.height = 300, 120
                cell.comment = comment
        wrapped = set(wrap)
        for row_number, row in enumerate(rows, start=2):
            for col, value in enumerate(row, start=1):
                if value is None or value == "":
                    continue
                cell = sheet.cell(row=row_number, column=col)
                try:
                    self._put(cell, value)
                except _Unwritable as refused:
                    column = str(header[col - 1]) if col <= len(header) else str(col)
                    raise CellTooLong(title, row_number, column, row[0], refused) from None
                if col in wrapped:
                    cell.alignment = self._wrap
                if col > len(measured):
                    measured.append(0)
                longest = max((len(line) for line in str(cell.value).splitlines()), default=0)
                measured[col - 1] = max(measured[col - 1], longest)
        for col, width in enumerate(measured, start=1):
            chosen = widths[col - 1] if widths and col <= len(widths) and widths[col - 1] else width + 2
            sheet.column_dimensions[get_column_letter(col)].width = min(max(chosen, 6), MAX_WIDTH)
        sheet.freeze_panes = "A2"
        return Sheet(sheet)

    def form(self, title: str, form: Form) -> Sheet:
        """A sheet to fill in (see `Form`). Over 60 lines: one pass over the cells, each styled once where
        it is written, reads better than the same loop split across helpers passing cells around."""
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
        from openpyxl.utils import get_column_letter

        sheet = self._book.create_sheet(title[:31])
        count = len(form.labels)
        last = get_column_letter(count)
        widths = [form.widths[col] if col < len(form.widths) and form.widths[col] else 12 for col in range(count)]
        for number, line in enumerate(form.lines, start=1):
            cell = sheet.cell(row=number, column=1)
            self._put(cell, line)
            cell.font = Font(bold=True, size=14) if number == 1 else Font(italic=True)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            sheet.merge_cells(f"A{number}:{last}{number}")
            sheet.row_dimensions[number].height = _height([line], [sum(widths)], 18 if number == 1 else 15)
        thin = Side(style="thin", color="A6A6A6")
        border = Border(left=thin, right=thin, top=thin, bottom=thin)
        grey = PatternFill("solid", fgColor="E7E6E6")
        open_cell, locked = Protection(locked=False), Protection(locked=True)
        names_row, header_row = form.header_row - 1, form.header_row
        for col in range(1, count + 1):
            self._put(sheet.cell(row=names_row, column=col), form.names[col - 1])
            cell = sheet.cell(row=header_row, column=col)
            self._put(cell, form.labels[col - 1])
            cell.font = self._header_font
            cell.fill = grey if col in form.read_only else self._header_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.border = border
            comment = form.comments[col - 1] if col <= len(form.comments) else None
            if comment:
                cell.comment = _comment(comment)
            sheet.column_dimensions[get_column_letter(col)].width = widths[col - 1]
        sheet.row_dimensions[names_row].hidden = True
        sheet.row_dimensions[header_row].height = _height(form.labels, widths, 15)
        wrap, top = Alignment(wrap_text=True, vertical="top"), Alignment(vertical="top")
        for index in range(len(form.rows) + form.spare_rows):
            number = form.first_row + index
            row = form.rows[index] if index < len(form.rows) else ()
            for col in range(1, count + 1):
                value = row[col - 1] if col <= len(row) else None
                cell = sheet.cell(row=number, column=col)
                if value is not None and value != "":
                    try:
                        self._put(cell, value)
                    except _Unwritable as refused:
                        raise CellTooLong(title, number, str(form.names[col - 1]), row[0], refused) from None
                cell.alignment = wrap if col in form.wrap else top
                cell.protection = locked if col in form.read_only else open_cell
                if index < len(form.rows):
                    cell.border = border
                    if col in form.read_only:
                        cell.fill = grey
                note = form.notes.get((index, col))
                if note:
                    cell.comment = _comment(note, width=520)
            if index < len(form.rows):
                texts = [str(row[col - 1]) if col <= len(row) and col in form.wrap and row[col - 1] else ""
                         for col in range(1, count + 1)]  # fmt: skip
                sheet.row_dimensions[number].height = _height(texts, widths, 15)
        sheet.freeze_panes = f"{get_column_letter(form.frozen_columns + 1)}{form.first_row}"
        _print_setup(sheet, f"{names_row}:{header_row}")
        if form.protect:
            _protect(sheet)
        return Sheet(sheet)

    def fields(
        self,
        title: str,
        fields: Sequence[tuple[str, object]],
        comments: Mapping[str, str],
        widths: tuple[int, int],
        *,
        labels: Mapping[str, str] | None = None,
        editable: frozenset[str] = frozenset(),
    ) -> None:
        """A sheet of named fields, one a row: the name in A (bold, with its comment), the value in B.

        With `labels`, A holds each field's label and a hidden column C its name (what a reader needs);
        the sheet is then protected, only the `editable` fields' values open to change."""
        from openpyxl.comments import Comment
        from openpyxl.styles import Protection

        sheet = self._book.create_sheet(title)
        for number, (name, value) in enumerate(fields, start=1):
            self._put(sheet.cell(row=number, column=1), labels[name] if labels is not None else name)
            try:
                if value is not None:  # None: a field shown empty, for a person to fill in
                    self._put(sheet.cell(row=number, column=2), value)
            except _Unwritable as refused:
                raise CellTooLong(title, number, name, name, refused) from None
            sheet.cell(row=number, column=1).font = self._header_font
            sheet.cell(row=number, column=1).comment = Comment(comments[name], "spbe")
            if labels is not None:
                self._put(sheet.cell(row=number, column=3), name)
                sheet.cell(row=number, column=2).protection = Protection(locked=name not in editable)
        sheet.column_dimensions["A"].width, sheet.column_dimensions["B"].width = widths
        if labels is not None:
            sheet.column_dimensions["C"].hidden = True
            _print_setup(sheet, None, landscape=False)
            _protect(sheet)

    def choices(self, title: str, items: Sequence[str]) -> str:
        """A hidden sheet listing `items` in column A; the range to name in a list rule."""
        sheet = self._book.create_sheet(title)
        for number, item in enumerate(items, start=1):
            self._put(sheet.cell(row=number, column=1), item)
        sheet.sheet_state = "hidden"
        quoted = title if re.fullmatch(r"\w+", title) else "'" + title.replace("'", "''") + "'"
        return f"{quoted}!$A$1:$A${max(len(items), 1)}"

    def _put(self, cell: _Cell, value: object) -> None:
        """Store one value: numbers as numbers, everything else as text that can never be a formula."""
        if isinstance(value, Number):
            cell.value = _number(value.value)
            cell.number_format = value.format
        elif isinstance(value, bool):
            cell.value = "true" if value else "false"
            cell.data_type = "s"
        elif isinstance(value, int):
            cell.value = value
        elif isinstance(value, (Fraction, Decimal, float)):
            cell.value = _number(value)
        else:
            text = str(value) if self.exact else visible(value)
            if self.exact:
                cell.value = exact_text(text)
            else:
                shown = ooxml_escape(text)  # a report's cell: cut where it shows, never silently
                cell.value = shown if len(shown) <= MAX_CELL_TEXT else shown[: MAX_CELL_TEXT - 1] + "…"
            cell.data_type = "s"  # never "f", whatever the text starts with
            if text.startswith(FORMULA_START):
                cell.quotePrefix = True  # Excel shows it as text and keeps it text when edited

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._book.save(buffer)
        return buffer.getvalue()


LINE_HEIGHT = 15  # points per line of 11-point text, as Excel and LibreOffice lay it out
MAX_ROW_HEIGHT = 409  # Excel's largest row height, in points


def _height(texts: Sequence[str], widths: Sequence[int], line: int) -> float:
    """A row's height that shows every text at its column's width without overlapping the next row
    (LibreOffice's PDF export does not grow a row itself): wrapped lines estimated from the width."""
    lines = 1
    for text, width in zip(texts, widths, strict=False):
        per_line = max(int(width * 1.1) - 2, 4)  # characters that fit, a little under the width
        count = sum(max(1, -(-len(part) // per_line)) for part in str(text).split("\n")) if text else 1
        lines = max(lines, count)
    return float(min(lines * line + 3, MAX_ROW_HEIGHT))


def _comment(text: str, width: int = 300) -> Any:  # an openpyxl Comment
    from openpyxl.comments import Comment

    comment = Comment(text, "spbe")
    lines = sum(max(1, -(-len(part) // (width // 7))) for part in text.split("\n"))
    comment.width, comment.height = width, min(max(lines * 16 + 10, 60), 900)
    return comment


def _print_setup(sheet: Any, title_rows: str | None, *, landscape: bool = True) -> None:
    """A4 (landscape by default), one page wide, the header repeated on every page, narrow margins."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if title_rows is not None:
        sheet.print_title_rows = title_rows
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.5)


def _protect(sheet: Any) -> None:
    """Locked cells stay as written; no password, so Review > Unprotect Sheet lifts it. Widths, heights,
    sorting and filters stay free."""
    protection = sheet.protection
    protection.sheet = True
    protection.formatColumns = protection.formatRows = protection.formatCells = False
    protection.sort = protection.autoFilter = protection.insertHyperlinks = False


def _number(value: int | Fraction | Decimal | float) -> int | float:
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return float(value)
