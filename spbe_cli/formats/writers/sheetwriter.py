"""Writing XLSX workbooks: one place for cell safety, number formats, headers, frozen panes, widths.

Every writer of spbe goes through `SheetWriter`, so no sheet it writes can hold a formula: text that
would start one (`=`, `+`, `-`, `@`, tab, CR) is stored as a text cell marked with Excel's quote prefix
(shown and kept as text, never calculated), and characters XML cannot hold are shown as escapes.
Numbers are numeric cells; exact values become the nearest double only here, at the edge.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..escaping import visible

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TWO_DECIMALS = "0.00"
FOUR_DECIMALS = "0.0000"
_NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
MAX_WIDTH = 60


def xml_safe(text: str) -> str:
    """Text an XLSX cell can hold: control characters XML forbids are shown as `\\x01` escapes."""
    return _NOT_IN_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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


class SheetWriter:
    """One workbook being written. Sheets are added in order; `bytes()` gives the finished file."""

    def __init__(self, *, exact: bool = False) -> None:
        """exact: keep text as it is (line breaks included), for workbooks read back; otherwise user text
        is made one visible line, as in every other human output."""
        import openpyxl
        from openpyxl.styles import Alignment, Font, PatternFill

        self.exact = exact
        self.book = openpyxl.Workbook()
        self.book.remove(self.book.active)
        self.header_font = Font(bold=True)
        self.header_fill = PatternFill("solid", fgColor="DDEBF7")
        self.wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(
        self,
        title: str,
        header: Sequence[str],
        rows: Iterable[Sequence[Any]],
        *,
        comments: Sequence[str | None] | None = None,
        widths: Sequence[int] | None = None,
        wrap: Sequence[int] = (),
    ):
        """A sheet with a bold, frozen header row, then the rows; returns the openpyxl worksheet."""
        from openpyxl.comments import Comment
        from openpyxl.utils import get_column_letter

        sheet = self.book.create_sheet(title[:31])
        measured = [len(str(name)) for name in header]
        for col, name in enumerate(header, start=1):
            cell = sheet.cell(row=1, column=col)
            self.put(cell, name)
            cell.font = self.header_font
            cell.fill = self.header_fill
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
                self.put(cell, value)
                if col in wrapped:
                    cell.alignment = self.wrap
                if col > len(measured):
                    measured.append(0)
                longest = max((len(line) for line in str(cell.value).splitlines()), default=0)
                measured[col - 1] = max(measured[col - 1], longest)
        for col, width in enumerate(measured, start=1):
            chosen = widths[col - 1] if widths and col <= len(widths) and widths[col - 1] else width + 2
            sheet.column_dimensions[get_column_letter(col)].width = min(max(chosen, 6), MAX_WIDTH)
        sheet.freeze_panes = "A2"
        return sheet

    def put(self, cell, value: Any) -> None:
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
            text = xml_safe(str(value)) if self.exact else visible(value)
            cell.value = ooxml_escape(text)
            cell.data_type = "s"  # never "f", whatever the text starts with
            if text.startswith(FORMULA_START):
                cell.quotePrefix = True  # Excel shows it as text and keeps it text when edited

    def bytes(self) -> bytes:
        buffer = io.BytesIO()
        self.book.save(buffer)
        return buffer.getvalue()


def _number(value: int | Fraction | Decimal | float) -> int | float:
    if isinstance(value, int):
        return value
    if isinstance(value, Fraction) and value.denominator == 1:
        return value.numerator
    return float(value)
