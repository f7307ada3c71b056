"""The assessment workbook (and CSV sheet) read into the assessment file's own data, then validated.

A sheet is turned into exactly the mapping a YAML assessment file holds (`framework`, `institution`,
`year`, `stage`, `levels`), remembering which cell each value came from. The same checks as for YAML
then run, and every problem is located at its cell: `rekap.xlsx:Penilaian!F14: ...` or
`rekap.csv:14:nilai_akhir: ...`. Only `kode` and one value column are required; other columns are
optional, in any order, their headers compared without case or surrounding spaces.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from functools import partial
from typing import Any, NamedTuple

from ..core.framework import Framework, Indicator
from ..core.numbers import plain_number, round_half_up
from ..i18n import M, Phrase
from ..problems import InvalidInput, KeyPath, Place, Problem, capped_warnings
from .catalog import Catalog
from .locate import Document, nearest
from .sheetformat import (
    BUKTI,
    BUKTI_COLUMNS,
    CSV_INFO_COLUMNS,
    CSV_OPTIONAL_INFO_COLUMNS,
    ENTRY_COLUMNS,
    EXTERNAL_COLUMN,
    FORMAT_VERSION,
    HEADER_ALIASES,
    INFO,
    INFO_ALIASES,
    INFO_FIELDS,
    NUMBER_COLUMNS,
    PENILAIAN,
    PENILAIAN_COLUMNS,
    PLAIN_COLUMN,
    SHOWN_ONLY,
    STAGE_COLUMNS,
    VALUE_COLUMNS,
    is_sheet,
    known_name,
    split_offices,
)
from .sheets import Cell, Row, Table, Workbook, is_long_number, number_from_text, read_csv, read_xlsx
from .yamlread import MAX_NUMBER_CHARS


class Spot(NamedTuple):
    """Where a value came from: its table, row, column number and column name."""

    table: Table
    row: int
    col: int
    column: str


@dataclass
class SheetDocument(Document):
    """A sheet's data as the assessment file's mapping, each value located at its cell."""

    data: Any
    path: str
    spots: dict[KeyPath, Spot] = field(default_factory=dict)
    key_spots: dict[KeyPath, Spot] = field(default_factory=dict)  # an indicator's kode cell
    wholes: dict[KeyPath, Table] = field(default_factory=dict)  # paths that stand for a whole sheet
    office: str | None = None  # the office the sheet was made for (Info pic_opd): it holds its rows only

    @property
    def held(self) -> set[str]:
        """The indicators the sheet has a row for."""
        return {str(path[1]) for path in self.key_spots if len(path) == 2 and path[0] == "levels"}

    def spot(self, path: KeyPath, *, key: bool = False) -> Spot | Table | None:
        tables: tuple[Mapping[KeyPath, Spot | Table], ...] = (self.spots, self.wholes)
        return nearest(path, (self.key_spots, *tables) if key else tables)

    def place(self, path: KeyPath, *, key: bool = False) -> Place:
        """The cell of `path` (or of its nearest ancestor that has one), else the sheet it stands for."""
        found = self.spot(path, key=key)
        if isinstance(found, Table):
            return found.whole_place()
        if found is None:
            return Place(self.path)
        return found.table.place(found.row, found.col)

    def shown(self, value: Any) -> Phrase | str | None:
        """A number cell as the sheet shows it (1E+308), with no YAML advice about tags."""
        return str(value) if isinstance(value, Decimal) else None

    def where(self, path: KeyPath) -> Phrase | None:
        """How a message names the place of a value: its column (Indonesian: row and column)."""
        found = self.spot(path)
        if not isinstance(found, Spot):
            return None
        return Phrase(M.sheet_where, row=str(found.row), column=found.column)


@dataclass
class SheetOptions:
    """What `spbe import` may give for a sheet that does not say it (a CSV file, or no Info sheet)."""

    framework: str | None = None
    institution: str | None = None
    year: int | None = None
    stage: str | None = None
    encoding: str | None = None
    partial: bool = False  # indicators absent from the sheet are left unfilled (one office's sheet)
    office_partial: bool = False  # partial when the sheet says it was made for one office (`check`)


def sheet_document(
    data: bytes,
    path: str,
    catalog: Catalog,
    options: SheetOptions | None = None,
    warn: Callable[[Problem], None] | None = None,
) -> SheetDocument:
    """A workbook's or CSV sheet's bytes as the assessment file's data, each value at its cell (not yet
    checked: `loader.parse_sheet` checks it). Raises InvalidInput for a sheet that cannot be read.

    Warnings go to `warn`, at most MAX_PROBLEMS_PER_FILE of them and a line saying how many more, even
    when the sheet is refused."""
    options = options or SheetOptions()
    warnings: list[Problem] = []
    try:
        kind = is_sheet(path, data)
        if kind == "csv":
            table = read_csv(data, path, options.encoding)
            return _SheetReader(path, catalog, options).read(table, None, None, warnings)
        if kind == "ods":
            from .odsread import read_ods

            workbook = read_ods(data, path)
        else:
            workbook = read_xlsx(data, path)
        warnings += workbook.warnings
        penilaian, bukti = _assessment_sheets(workbook, warnings)
        return _SheetReader(path, catalog, options).read(penilaian, bukti, workbook, warnings)
    finally:
        if warn is not None:
            for warning in capped_warnings(warnings):
                warn(warning)


def _assessment_sheets(workbook: Workbook, warnings: list[Problem]) -> tuple[Table, Table | None]:
    """The Penilaian sheet (the only sheet of a workbook made by hand, whatever its name) and Bukti; a
    hidden one is read with a warning naming it, since the sheet a person sees is not the one scored."""
    penilaian = workbook.find(PENILAIAN)
    if penilaian is None:
        # A renamed sheet: the one sheet whose header names `kode` (a one-sheet workbook made by hand, too).
        coded = [table for table in workbook.sheets.values() if _SheetReader.names_code(table, PENILAIAN_COLUMNS)]
        if len(coded) != 1 and len(workbook.sheets) != 1:
            names = ", ".join(workbook.sheets)
            message = M.sheet_no_penilaian if not coded else M.sheet_several_coded
            coded_names = ", ".join(table.sheet or "" for table in coded)
            phrase = Phrase(message, sheets=names, coded=coded_names)
            raise InvalidInput([Problem.at(Place(workbook.path), phrase, "structure")])
        penilaian = coded[0] if coded else next(iter(workbook.sheets.values()))
    bukti, info = workbook.find(BUKTI), workbook.find(INFO)
    for name, table in ((PENILAIAN, penilaian), (BUKTI, bukti), (INFO, info)):
        if table is not None and table.hidden:
            warnings.append(table.whole(Phrase(M.sheet_hidden, sheet=table.sheet or "", name=name), "warning"))
    return penilaian, bukti


Columns = dict[str, int]  # a known column's name -> its number (1-based)


@dataclass
class _IndicatorRows:
    """One indicator's rows of the Penilaian sheet: one, or one per service for a multi-service indicator."""

    table: Table
    indicator_id: str
    rows: list[Row]
    columns: Columns

    @property
    def base(self) -> KeyPath:
        return ("levels", self.indicator_id)

    @property
    def several(self) -> bool:
        return len(self.rows) > 1

    @property
    def first(self) -> Row:
        return self.rows[0]

    def spot(self, row: Row, column: str) -> Spot:
        return Spot(self.table, row.number, self.columns[column], column)

    def cells(self, column: str) -> list[Cell]:
        """The column's cell on each row."""
        col = self.columns.get(column)
        return [row.get(col) for row in self.rows]


def _value_key(column: str) -> str:
    """The entry's key of a value column: `level` for `nilai`, the stage for `nilai_<stage>`."""
    return "level" if column == PLAIN_COLUMN else column.removeprefix("nilai_")


def _text(value: Cell) -> Cell:
    """A number in a text column as the text it shows (`12`, not 12); anything else as it is."""
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        return str(value)
    return value


class _SheetReader:
    def __init__(self, path: str, catalog: Catalog, options: SheetOptions):
        self.path = path
        self.catalog = catalog
        self.options = options
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []
        self.document = SheetDocument(None, path)

    # --- the whole --------------------------------------------------------------------------

    def read(
        self, penilaian: Table, bukti: Table | None, workbook: Workbook | None, warnings: list[Problem]
    ) -> SheetDocument:
        columns, header_row = self.columns(
            penilaian,
            PENILAIAN_COLUMNS + SHOWN_ONLY + (CSV_INFO_COLUMNS + CSV_OPTIONAL_INFO_COLUMNS if workbook is None else ()),
        )
        columns = {name: col for name, col in columns.items() if name not in SHOWN_ONLY}  # for reading only
        if "kode" not in columns:
            raise InvalidInput(self.problems + [penilaian.whole(Phrase(M.sheet_no_kode))])
        if not any(name in columns for name in VALUE_COLUMNS):
            if self.problems:  # a header problem (two names for a column) says why already
                raise InvalidInput(self.problems)
            no_value = Phrase(M.sheet_no_value_column, columns=", ".join(VALUE_COLUMNS))
            raise InvalidInput([penilaian.problem(header_row, 1, no_value)])
        rows = [row for row in penilaian.rows if row.number > header_row]
        if workbook is None:
            self.check_widths(penilaian, rows, header_row)
        self.long_numbers(penilaian, rows, [col for name, col in columns.items() if name in NUMBER_COLUMNS])
        info = (
            self.info_from_sheet(workbook) if workbook is not None else self.info_from_columns(penilaian, rows, columns)
        )
        data: dict[str, Any] = {
            name: info[name] for name in ("framework", "institution", "year", "stage", "category") if name in info
        }
        self.document.data = data
        self.document.wholes[()] = penilaian if workbook is None else (workbook.find(INFO) or penilaian)
        if self.options.office_partial and self.document.office:
            self.options = replace(self.options, partial=True)  # an office's sheet holds its rows only
        framework = self.catalog.get(data["framework"]) if data.get("framework") in self.catalog else None
        if framework is not None:
            data["levels"] = self.levels(penilaian, rows, columns, framework, bukti)
            self.document.wholes[("levels",)] = penilaian
        warnings += self.warnings
        if self.problems:
            raise InvalidInput(self.problems)
        return self.document

    def check_widths(self, table: Table, rows: list[Row], header_row: int) -> None:
        """A CSV row with more cells than the header has columns: a value split in two (a decimal comma
        in a comma-separated file, `I1,2,75`), which would otherwise be read as 2 and the 75 dropped."""
        width = table.widths.get(header_row, 0)
        for row in rows:
            cells = table.widths.get(row.number, 0)
            if cells > width:
                extra = Phrase(M.sheet_row_too_wide, cells=cells, columns=width)
                self.problems.append(table.problem(row.number, width + 1, extra, "structure"))

    def long_numbers(self, table: Table, rows: list[Row], columns: list[int]) -> None:
        """A number typed as text longer than any value (a 5,000-digit year): refused at its cell, as YAML
        refuses it, before anything converts it; the cell is then left empty."""
        for row in rows:
            for col in columns:
                value = row.get(col)
                if isinstance(value, str) and is_long_number(value):
                    length = len(value.strip())
                    too_long = Phrase(M.yaml_number_too_long, length=length, limit=MAX_NUMBER_CHARS)
                    self.problems.append(table.problem(row.number, col, too_long))
                    row.cells[col - 1] = None

    def columns(self, table: Table, known: tuple[str, ...]) -> tuple[Columns, int]:
        """The header (the first row naming `kode`, else the first row) and each known column's number; the
        number of the header's last row.

        A header may be two rows, as spbe writes it: the column names (a hidden row), then the headers a
        person reads. A header is read by its name or by its label in either language, in any order.
        """
        rows = self.header_rows(table, known)
        found: Columns = {}
        for col in range(1, max((len(row.cells) for row in rows), default=0) + 1):
            named = [(row, known_name(row.get(col), known, HEADER_ALIASES)) for row in rows if row.get(col) is not None]
            names = {name for _, name in named if name is not None}
            if not named:
                continue
            if len(names) > 1:
                (row, label), (_, name) = named[-1], named[0]
                disagree = Phrase(M.sheet_header_disagrees, label=str(row.get(col)).strip(), name=name, read=label)
                self.problems.append(table.problem(row.number, col, disagree))
                continue
            if not names:
                row = named[-1][0]
                unknown = Phrase(M.sheet_unknown_column, column=str(row.get(col)).strip())
                self.warnings.append(table.problem(row.number, col, unknown, "warning"))
                continue
            (name,) = names
            if name in found:
                first = table.cell(rows[-1].number, found[name])
                again = Phrase(M.sheet_duplicate_column, column=name, first=first)
                self.problems.append(table.problem(rows[-1].number, col, again))
                continue
            found[name] = col
        if table.sheet is None:
            width = max((len(row.cells) for row in rows), default=0)
            by_column = {col: name for name, col in found.items()}
            table.header = [by_column.get(col, "") for col in range(1, width + 1)]
        return found, rows[-1].number if rows else 1

    @staticmethod
    def names_code(table: Table, known: tuple[str, ...], row: Row | None = None) -> bool:
        """Whether `row` (else any of the table's first 20 rows) names the code column (`kode` or
        `kode_indikator`, or a label of it)."""
        key = "kode" if "kode" in known else "kode_indikator"
        rows = [row] if row is not None else table.rows[:20]
        return any(
            known_name(cell, known, HEADER_ALIASES) == key for found in rows for cell in found.cells if cell is not None
        )

    @staticmethod
    def header_rows(table: Table, known: tuple[str, ...]) -> list[Row]:
        """The header's rows: the first row (of the first 20) naming the code column, and the next row when
        it names it too (spbe's hidden names above the labels); the first row when none names it."""
        rows = table.rows[:20]
        for index, row in enumerate(rows):
            if _SheetReader.names_code(table, known, row):
                after = rows[index + 1] if index + 1 < len(rows) else None
                if (
                    after is not None
                    and after.number == row.number + 1
                    and _SheetReader.names_code(table, known, after)
                ):
                    return [row, after]
                return [row]
        return rows[:1]

    def agreed(
        self, table: Table, rows: list[Row], col: int, differs: Phrase, read: Callable[[Cell], Cell] = lambda v: v
    ) -> tuple[Cell, Row] | None:
        """The first value (as `read` reads it) a column gives in `rows`, and its row; the other rows must
        give the same or nothing: each other value is a problem at its cell (`differs`, naming the first)."""
        found: tuple[Cell, Row] | None = None
        for row in rows:
            value = row.get(col)
            if value is None:
                continue
            value = read(value)
            if found is None:
                found = (value, row)
            elif value != found[0]:
                first = table.cell(found[1].number, col)
                self.problems.append(
                    table.problem(row.number, col, Phrase(differs.message, **differs.values, first=first))
                )
        return found

    # --- institution, framework, year, stage ------------------------------------------------

    def info_from_sheet(self, workbook: Workbook) -> dict[str, Any]:
        info: dict[str, Any] = {}
        sheet = workbook.find(INFO)
        if sheet is None:
            return self.with_options(info)
        for row in sheet.rows:
            label = row.get(1)
            if label is None and row.get(3) is None:
                continue
            # spbe writes each field's name in a hidden column C beside its label; either one is read.
            name = known_name(row.get(3), INFO_FIELDS, {}) or known_name(label, INFO_FIELDS, INFO_ALIASES)
            if name is None:
                unknown = Phrase(M.sheet_unknown_field, field=str(label).strip())
                self.warnings.append(sheet.problem(row.number, 1, unknown, "warning"))
                continue
            if name == "year":
                self.long_numbers(sheet, [row], [2])
            value = row.get(2)
            if name == "format":
                if isinstance(value, int) and value > FORMAT_VERSION:
                    self.problems.append(sheet.problem(row.number, 2, Phrase(M.sheet_newer_format, version=value)))
                continue
            if name == "pic_opd":
                self.document.office = str(value).strip() if value is not None else None
                continue
            if value is not None:
                info[name] = self.info_value(name, value)
                self.document.spots[(name,)] = Spot(sheet, row.number, 2, name)
        return self.with_options(info)

    def info_from_columns(self, table: Table, rows: list[Row], columns: Columns) -> dict[str, Any]:
        """A CSV sheet's framework, institution, year, stage and category: columns with one value on every row."""
        info: dict[str, Any] = {}
        for name in CSV_INFO_COLUMNS + CSV_OPTIONAL_INFO_COLUMNS:
            col = columns.get(name)
            if col is None:
                continue
            differs = Phrase(M.sheet_info_differs, field=name)
            found = self.agreed(table, rows, col, differs, partial(self.info_value, name))
            if found is not None:
                info[name] = found[0]
                self.document.spots[(name,)] = Spot(table, found[1].number, col, name)
        return self.with_options(info)

    def info_value(self, name: str, value: Cell) -> Cell:
        if name == "year":
            return number_from_text(value)
        text = _text(value)
        return text.strip() if isinstance(text, str) else text

    def with_options(self, info: dict[str, Any]) -> dict[str, Any]:
        for name in ("framework", "institution", "year", "stage"):
            given = getattr(self.options, name)
            if given is None:
                continue
            if name in info and info[name] != given:
                differs = Phrase(M.sheet_option_differs, field=name, option=f"--{name}", given=given)
                self.problems.append(self.document.problem((name,), differs))
            info[name] = given
        return info

    # --- indicators -------------------------------------------------------------------------

    def levels(
        self, table: Table, rows: list[Row], columns: Columns, framework: Framework, bukti: Table | None
    ) -> dict[str, Any]:
        by_id: dict[str, list[Row]] = {}
        kode_col = columns["kode"]
        for row in rows:
            kode = row.get(kode_col)
            if kode is None:
                if any(cell is not None for cell in row.cells):
                    self.problems.append(table.problem(row.number, kode_col, Phrase(M.sheet_no_kode_in_row)))
                continue
            indicator_id = self.indicator_id(kode, framework)
            group = by_id.setdefault(indicator_id, [])
            indicator = framework.by_id.get(indicator_id)
            if group and not (indicator is not None and indicator.multiple):
                first = table.cell(group[0].number, kode_col)
                again = Phrase(M.sheet_duplicate_row, id=indicator_id, first=first)
                self.problems.append(table.problem(row.number, kode_col, again))
                continue
            group.append(row)
        evidence = self.evidence_rows(bukti, framework, set(by_id)) if bukti is not None else {}
        levels: dict[str, Any] = {}
        for indicator_id, group in by_id.items():
            indicator_rows = _IndicatorRows(table, indicator_id, group, columns)
            levels[indicator_id] = self.entry(indicator_rows, framework, evidence.get(indicator_id, []))
        if self.options.partial:
            for indicator in framework.indicators:
                levels.setdefault(indicator.id, None)
        ordered = {i.id: levels.pop(i.id) for i in framework.indicators if i.id in levels}
        ordered.update(levels)  # unknown ids last: the checks name them
        return ordered

    def indicator_id(self, kode: Cell, framework: Framework) -> str:
        text = str(kode).strip()
        if text in framework.by_id:
            return text
        folded = {i.id.casefold(): i.id for i in framework.indicators}
        return folded.get(text.casefold(), text)

    def entry(self, rows: _IndicatorRows, framework: Framework, evidence: list[_EvidenceRow]) -> Any:
        """One indicator's entry, as a YAML file writes it: a plain value, or a mapping of what its rows give."""
        self.document.key_spots[rows.base] = rows.spot(rows.first, "kode")
        indicator = framework.by_id.get(rows.indicator_id)
        if indicator is not None:
            self.check_reference(rows, indicator, framework)
        entry: dict[str, Any] = {}
        self.values(rows, entry)
        self.texts(rows, entry)
        self.evidence(rows, entry, evidence)
        return self.shaped(rows, entry)

    def values(self, rows: _IndicatorRows, entry: dict[str, Any]) -> None:
        """The value columns (`nilai`, `nilai_<stage>`) and `eksternal`, each with its cells."""
        spots = self.document.spots
        staged = any(column in rows.columns for column in STAGE_COLUMNS.values())
        for column in VALUE_COLUMNS:
            if column not in rows.columns:
                continue
            key = _value_key(column)
            if key == "level" and self.options.stage is not None:
                key = self.options.stage  # import --stage: the plain column holds that stage's values
            values = [number_from_text(cell) for cell in rows.cells(column)]
            if all(v is None for v in values) and (column != PLAIN_COLUMN or staged):
                continue  # a stage not recorded (or a plain column left empty beside stage columns)
            if key in entry and all(v is None for v in values):
                continue  # `nilai` left empty beside the stage column --stage names
            if key in entry and entry[key] not in (None, [None] * len(rows.rows)):
                first = spots[rows.base + (key,)]  # `nilai` under --stage, and that stage's own column
                twice = Phrase(M.sheet_duplicate_column, column=key, first=first.table.cell(first.row, first.col))
                self.problems.append(rows.table.problem(rows.first.number, rows.columns[column], twice))
                continue
            entry[key] = values if rows.several else values[0]
            spots[rows.base + (key,)] = rows.spot(rows.first, column)
            for i, row in enumerate(rows.rows):
                spots[rows.base + (key, i)] = rows.spot(row, column)
        external = rows.first.get(rows.columns.get(EXTERNAL_COLUMN))
        if external is not None:
            is_pending = isinstance(external, str) and external.strip().casefold() == "pending"
            entry["external"] = "pending" if is_pending else number_from_text(external)
            spots[rows.base + ("external",)] = rows.spot(rows.first, EXTERNAL_COLUMN)
            for key in [key for key in entry if key != "external" and entry[key] is None]:
                del entry[key]  # the value comes from the other index
        if "level" in entry and entry["level"] is None and any(stage in entry for stage in STAGE_COLUMNS):
            del entry["level"]

    def texts(self, rows: _IndicatorRows, entry: dict[str, Any]) -> None:
        """The columns of an entry's other keys: target, note, evidence, offices, service, the assessors'."""
        spots = self.document.spots
        for column, key in ENTRY_COLUMNS.items():
            if column not in rows.columns:
                continue
            if column == "layanan" and rows.several:  # one service per row
                services = rows.cells(column)
                if any(s is not None for s in services):
                    entry[key] = [_text(s) for s in services]
                    spots[rows.base + (key,)] = rows.spot(rows.first, column)
                    for i, row in enumerate(rows.rows):
                        spots[rows.base + (key, i)] = rows.spot(row, column)
                continue
            differs = Phrase(M.sheet_rows_differ, column=column)
            found = self.agreed(rows.table, rows.rows, rows.columns[column], differs)
            if found is None:
                continue
            value, row = found
            spots[rows.base + (key,)] = rows.spot(row, column)
            try:
                entry[key] = self.entry_value(key, value, csv_cell=rows.table.sheet is None)
            except _BadEvidenceLine as bad:
                self.problems.append(rows.table.problem(row.number, rows.columns[column], bad.phrase))

    def entry_value(self, key: str, value: Cell, *, csv_cell: bool) -> Any:
        if key == "target":
            return number_from_text(value)
        text = _text(value)
        if key == "pic" and isinstance(text, str):
            offices = split_offices(text)
            return offices[0] if len(offices) == 1 else offices
        if key == "evidence":
            return self.evidence_lines(text, csv_cell)
        return text  # a cell that is not text (TRUE) stays as it is: the checks say it must be text

    def evidence(self, rows: _IndicatorRows, entry: dict[str, Any], evidence: list[_EvidenceRow]) -> None:
        """The indicator's items of the Bukti sheet, after any in its own `bukti_dukung` cell."""
        if not evidence:
            return
        items = entry.setdefault("evidence", [])
        for item, row, columns, table in evidence:
            path = rows.base + ("evidence", len(items))
            items.append(item)
            self.document.spots[path] = Spot(table, row.number, columns["kode_indikator"], "kode_indikator")
            self.document.spots.setdefault(path[:-1], self.document.spots[path])  # evidence from Bukti only
            for name, col in columns.items():
                field_key = BUKTI_COLUMNS.get(name)
                if field_key:
                    self.document.spots[path + (field_key,)] = Spot(table, row.number, col, name)

    def shaped(self, rows: _IndicatorRows, entry: dict[str, Any]) -> Any:
        """The entry as a YAML file would write it: `12: 3` for a plain value, None for an empty row."""
        spots = self.document.spots
        value_keys = {"level", "external", *STAGE_COLUMNS}
        if entry and not value_keys & set(entry):
            # Offices or notes but no value yet: the indicator is not filled yet, in the sheet's first value column.
            column = next(c for c in VALUE_COLUMNS if c in rows.columns)
            key = _value_key(column)
            entry = {key: [None] * len(rows.rows) if rows.several else None, **entry}
            spots[rows.base + (key,)] = rows.spot(rows.first, column)
        if set(entry) == {"level"} and not rows.several:
            spots[rows.base] = spots[rows.base + ("level",)]
            return entry["level"]  # a plain value, as `12: 3` in a file
        if not entry:
            return None
        return entry

    @staticmethod
    def evidence_lines(text: Cell, csv_cell: bool) -> Any:
        """One item per line; in a CSV cell, a line that is a JSON object is an item with fields."""
        if not isinstance(text, str):
            return text
        items: list[Any] = []
        for line in _LINES.split(text):  # a line break a person types: not U+2028, NEL, VT or FF, which text keeps
            if not line.strip():
                continue
            if csv_cell and line.startswith("{"):
                try:
                    item = json.loads(line)
                except ValueError:
                    item = line
                except RecursionError:  # nested thousands deep: no evidence item is
                    raise _BadEvidenceLine(Phrase(M.sheet_evidence_nested)) from None
                if _SURROGATE.search(
                    json.dumps(item, ensure_ascii=False)
                ):  # "\ud800": half of a character, which no file can hold
                    raise _BadEvidenceLine(Phrase(M.sheet_evidence_half_character))
                if isinstance(item, dict):  # Bukti's column names, as export writes them
                    item = {BUKTI_COLUMNS.get(key) or key: value for key, value in item.items()}
                items.append(item)
            else:
                items.append(line)
        return items

    def evidence_rows(self, table: Table, framework: Framework, known: set[str]) -> dict[str, list[_EvidenceRow]]:
        """The Bukti sheet's items by indicator: each row an item of the indicator its `kode_indikator` names."""
        columns, header_row = self.columns(table, tuple(BUKTI_COLUMNS))
        found: dict[str, list[_EvidenceRow]] = {}
        kode_col = columns.get("kode_indikator")
        if kode_col is None:
            if any(row.number > header_row for row in table.rows):
                self.problems.append(table.whole(Phrase(M.sheet_no_column, column="kode_indikator")))
            return found
        for row in table.rows:
            if row.number <= header_row:
                continue
            kode = row.get(kode_col)
            if kode is None:
                self.problems.append(table.problem(row.number, kode_col, Phrase(M.sheet_no_kode_in_row)))
                continue
            indicator_id = self.indicator_id(kode, framework)
            if indicator_id not in known:
                unknown = Phrase(M.sheet_evidence_unknown, id=indicator_id)
                self.problems.append(table.problem(row.number, kode_col, unknown))
                continue
            item = {
                key: _text(row.get(columns.get(name)))
                for name, key in BUKTI_COLUMNS.items()
                if key is not None and row.get(columns.get(name)) is not None
            }
            found.setdefault(indicator_id, []).append(_EvidenceRow(item, row, columns, table))
        return found

    def check_reference(self, rows: _IndicatorRows, indicator: Indicator, framework: Framework) -> None:
        """Names, aspects, domains and weights are for reading: a mismatch is a warning, never trusted."""
        aspects = {aspect.number: aspect.name for aspect in framework.aspects}
        domains = {domain.number: domain.name for domain in framework.domains}
        expected = {
            "indikator": (indicator.name,),
            "aspek": _group_forms(indicator.aspect, aspects.get(indicator.aspect)),
            "domain": _group_forms(indicator.domain, domains.get(indicator.domain)) if indicator.domain else ("",),
        }
        for column, forms in expected.items():
            value = rows.first.get(rows.columns.get(column))
            if value is None:
                continue
            given = " ".join(str(value).split())
            if given.casefold() not in {" ".join(form.split()).casefold() for form in forms}:
                self.reference_differs(rows, column, given, forms[-1], indicator.id, framework)
        weight = rows.first.get(rows.columns.get("bobot"))
        if weight is not None and not _same_weight(weight, indicator.weight):
            given = " ".join(str(weight).split())
            self.reference_differs(rows, "bobot", given, plain_number(indicator.weight), indicator.id, framework)

    def reference_differs(
        self, rows: _IndicatorRows, column: str, given: str, wanted: str, indicator_id: str, framework: Framework
    ) -> None:
        message = Phrase(
            M.sheet_reference_differs,
            column=column,
            id=indicator_id,
            given=given,
            wanted=wanted,
            framework=framework.id,
        )
        self.warnings.append(rows.table.problem(rows.first.number, rows.columns[column], message, "warning"))


class _BadEvidenceLine(Exception):
    """A JSON line of a CSV evidence cell that cannot be an item: why."""

    def __init__(self, phrase: Phrase) -> None:
        super().__init__(phrase.message.id)
        self.phrase = phrase


_LINES = re.compile(r"\r\n|\r|\n")
_SURROGATE = re.compile("[\ud800-\udfff]")  # half of a character: a lone surrogate


class _EvidenceRow(NamedTuple):
    """One item of the Bukti sheet: its fields, and the row and columns it came from."""

    item: dict[str, Any]
    row: Row
    columns: Columns
    table: Table


def _group_forms(number: int | None, name: str | None) -> tuple[str, ...]:
    """How a sheet may name an aspect or a domain: its number, its name, or both (`2. Name`); the name last."""
    if number is None:
        return ("",)
    if name is None:
        return (str(number),)
    return (str(number), f"{number}. {name}", f"{number} {name}", name)


def _same_weight(given: Any, weight: Fraction) -> bool:
    """Whether a weight cell shows the framework's weight: exactly, or rounded to the places it shows
    (2.75 for 11/4; 0.33 for a weight of 1/3, as a cell formatted 0.00 shows it). Text is never a weight."""
    number = number_from_text(given)
    if isinstance(number, bool) or not isinstance(number, (int, Decimal)):
        return False
    if Fraction(number) == weight:
        return True
    exponent = number.as_tuple().exponent if isinstance(number, Decimal) else 0
    if not isinstance(exponent, int) or exponent > -2:
        return False
    return Fraction(number) == Fraction(round_half_up(weight, -exponent))
