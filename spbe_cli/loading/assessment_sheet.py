"""The assessment workbook (and CSV sheet) read into the assessment file's own data, then validated.

A sheet is turned into exactly the mapping a YAML assessment file holds (`framework`, `institution`,
`year`, `stage`, `levels`), remembering which cell each value came from. The same checks as for YAML
then run, and every problem is located at its cell: `rekap.xlsx:Penilaian!F14: ...` or
`rekap.csv:14:nilai_akhir: ...`. Only `kode` and one value column are required; other columns are
optional, in any order, their headers compared without case or surrounding spaces.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any, NamedTuple

from ..core.framework import Framework
from ..core.numbers import plain_number, round_half_up
from ..i18n import M, Phrase
from ..problems import InvalidInput, KeyPath, Place, Problem
from .catalog import Catalog
from .locate import Document, nearest
from .sheetformat import (
    BUKTI,
    BUKTI_COLUMNS,
    CSV_INFO_COLUMNS,
    ENTRY_COLUMNS,
    EXTERNAL_COLUMN,
    FORMAT_VERSION,
    INFO,
    INFO_FIELDS,
    PENILAIAN,
    PENILAIAN_COLUMNS,
    PLAIN_COLUMN,
    STAGE_COLUMNS,
    VALUE_COLUMNS,
    header_key,
    is_sheet,
    split_offices,
)
from .sheets import Table, Workbook, number_from_text, read_csv, read_xlsx


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


def sheet_document(
    data: bytes,
    path: str,
    catalog: Catalog,
    options: SheetOptions | None = None,
    warn: Callable[[Problem], None] | None = None,
) -> SheetDocument:
    """A workbook's or CSV sheet's bytes as the assessment file's data, each value at its cell (not yet
    checked: `loader.parse_sheet` checks it). Raises InvalidInput for a sheet that cannot be read."""
    options = options or SheetOptions()
    kind = is_sheet(path, data)
    if kind == "csv":
        table = read_csv(data, path, options.encoding)
        reader = _SheetReader(path, catalog, options)
        return reader.read(table, None, None, warn)
    workbook = read_xlsx(data, path)
    for warning in workbook.warnings:
        if warn is not None:
            warn(warning)
    penilaian = workbook.find(PENILAIAN)
    if penilaian is None:
        if len(workbook.sheets) == 1:
            penilaian = next(iter(workbook.sheets.values()))  # a one-sheet workbook made by hand
        else:
            names = ", ".join(workbook.sheets)
            raise InvalidInput([Problem.at(Place(path), Phrase(M.sheet_no_penilaian, sheets=names), "structure")])
    reader = _SheetReader(path, catalog, options)
    return reader.read(penilaian, workbook.find(BUKTI), workbook, warn)


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
        self, penilaian: Table, bukti: Table | None, workbook: Workbook | None, warn: Callable | None
    ) -> SheetDocument:
        columns, header_row = self.columns(
            penilaian, PENILAIAN_COLUMNS + (CSV_INFO_COLUMNS if workbook is None else ())
        )
        if "kode" not in columns:
            raise InvalidInput(self.problems + [penilaian.whole(Phrase(M.sheet_no_kode))])
        if not any(name in columns for name in VALUE_COLUMNS):
            raise InvalidInput(
                self.problems
                + [penilaian.problem(header_row, 1, Phrase(M.sheet_no_value_column, columns=", ".join(VALUE_COLUMNS)))]
            )
        rows = [(number, cells) for number, cells in penilaian.rows if number > header_row]
        info = (
            self.info_from_sheet(workbook) if workbook is not None else self.info_from_columns(penilaian, rows, columns)
        )
        data: dict[str, Any] = {}
        for name in ("framework", "institution", "year", "stage"):
            if name in info:
                data[name] = info[name]
        self.document.data = data
        self.document.wholes[()] = penilaian if workbook is None else (workbook.find(INFO) or penilaian)
        framework = self.catalog.get(data["framework"]) if data.get("framework") in self.catalog else None
        if framework is not None:
            data["levels"] = self.levels(penilaian, rows, columns, framework, bukti)
            self.document.wholes[("levels",)] = penilaian
        if warn is not None:
            for warning in self.warnings:
                warn(warning)
        if self.problems:
            raise InvalidInput(self.problems)
        return self.document

    def columns(self, table: Table, known: tuple[str, ...]) -> tuple[dict[str, int], int]:
        """The header row (the first row naming `kode`, else the first row) and each known column's number."""
        header_row, header = table.rows[0] if table.rows else (1, [])
        for number, cells in table.rows[:20]:
            if any(cell is not None and header_key(cell) in ("kode", "kode_indikator") for cell in cells):
                header_row, header = number, cells
                break
        found: dict[str, int] = {}
        for col, cell in enumerate(header, start=1):
            if cell is None:
                continue
            name = header_key(cell)
            if name in found:
                first = table.cell(header_row, found[name])
                self.problems.append(
                    table.problem(header_row, col, Phrase(M.sheet_duplicate_column, column=name, first=first))
                )
            elif name in known:
                found[name] = col
            else:
                self.warnings.append(
                    table.problem(header_row, col, Phrase(M.sheet_unknown_column, column=str(cell).strip()), "warning")
                )
        if table.sheet is None:
            table.header = [header_key(c) if c is not None else "" for c in header]
        return found, header_row

    # --- institution, framework, year, stage ------------------------------------------------

    def info_from_sheet(self, workbook: Workbook) -> dict[str, Any]:
        info: dict[str, Any] = {}
        sheet = workbook.find(INFO)
        if sheet is None:
            return self.with_options(info)
        for number, cells in sheet.rows:
            name = header_key(cells[0]) if cells and cells[0] is not None else ""
            if not name:
                continue
            if name not in INFO_FIELDS:
                self.warnings.append(
                    sheet.problem(number, 1, Phrase(M.sheet_unknown_field, field=str(cells[0]).strip()), "warning")
                )
                continue
            value = cells[1] if len(cells) > 1 else None
            spot = Spot(sheet, number, 2, name)
            if name == "format":
                if isinstance(value, int) and value > FORMAT_VERSION:
                    self.problems.append(sheet.problem(number, 2, Phrase(M.sheet_newer_format, version=value)))
                continue
            if value is not None:
                info[name] = self.info_value(name, value)
                self.document.spots[(name,)] = spot
        return self.with_options(info)

    def info_from_columns(self, table: Table, rows: list, columns: dict[str, int]) -> dict[str, Any]:
        info: dict[str, Any] = {}
        for name in CSV_INFO_COLUMNS:
            col = columns.get(name)
            if col is None:
                continue
            first: tuple[int, Any] | None = None
            for number, cells in rows:
                value = cells[col - 1] if col <= len(cells) else None
                if value is None:
                    continue
                value = self.info_value(name, value)
                if first is None:
                    first = (number, value)
                    info[name] = value
                    self.document.spots[(name,)] = Spot(table, number, col, name)
                elif value != first[1]:
                    where = table.cell(first[0], col)
                    self.problems.append(
                        table.problem(number, col, Phrase(M.sheet_info_differs, field=name, first=where))
                    )
        return self.with_options(info)

    def info_value(self, name: str, value: Any) -> Any:
        if name == "year":
            return number_from_text(value)
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return str(value)
        return value.strip() if isinstance(value, str) else value

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
        self, table: Table, rows: list, columns: dict[str, int], framework: Framework, bukti: Table | None
    ) -> dict[str, Any]:
        by_id: dict[str, list[tuple[int, list]]] = {}
        kode_col = columns["kode"]
        for number, cells in rows:
            kode = cells[kode_col - 1] if kode_col <= len(cells) else None
            if kode is None:
                if any(cell is not None for cell in cells):
                    self.problems.append(table.problem(number, kode_col, Phrase(M.sheet_no_kode_in_row)))
                continue
            indicator_id = self.indicator_id(kode, framework)
            group = by_id.setdefault(indicator_id, [])
            indicator = framework.by_id.get(indicator_id)
            if group and not (indicator is not None and indicator.multiple):
                first = table.cell(group[0][0], kode_col)
                self.problems.append(
                    table.problem(number, kode_col, Phrase(M.sheet_duplicate_row, id=indicator_id, first=first))
                )
                continue
            group.append((number, cells))
        evidence_rows = self.evidence_rows(bukti, framework, set(by_id)) if bukti is not None else {}
        levels: dict[str, Any] = {}
        for indicator_id, group in by_id.items():
            levels[indicator_id] = self.entry(
                table, indicator_id, group, columns, framework, evidence_rows.get(indicator_id, [])
            )
        if self.options.partial:
            for indicator in framework.indicators:
                levels.setdefault(indicator.id, None)
        ordered = {i.id: levels.pop(i.id) for i in framework.indicators if i.id in levels}
        ordered.update(levels)  # unknown ids last: the checks name them
        return ordered

    def indicator_id(self, kode: Any, framework: Framework) -> str:
        text = str(kode).strip()
        if text in framework.by_id:
            return text
        folded = {i.id.casefold(): i.id for i in framework.indicators}
        return folded.get(text.casefold(), text)

    def entry(
        self,
        table: Table,
        indicator_id: str,
        group: list,
        columns: dict[str, int],
        framework: Framework,
        evidence: list,
    ) -> Any:
        base: KeyPath = ("levels", indicator_id)
        first_row = group[0][0]
        spots = self.document.spots
        self.document.key_spots[base] = Spot(table, first_row, columns["kode"], "kode")
        self.check_reference(table, group[0], columns, framework.by_id.get(indicator_id), framework)

        def cell(cells: list, name: str) -> Any:
            col = columns.get(name)
            return cells[col - 1] if col is not None and col <= len(cells) else None

        entry: dict[str, Any] = {}
        several = len(group) > 1
        for column in VALUE_COLUMNS:
            if column not in columns:
                continue
            key = "level" if column == PLAIN_COLUMN else column.removeprefix("nilai_")
            values = [number_from_text(cell(cells, column)) for _, cells in group]
            if all(v is None for v in values) and (
                column != PLAIN_COLUMN or any(c in columns for c in STAGE_COLUMNS.values())
            ):
                continue  # a stage not recorded (or a plain column left empty beside stage columns)
            entry[key] = values if several else values[0]
            spots[base + (key,)] = Spot(table, first_row, columns[column], column)
            for i, (number, _) in enumerate(group):
                spots[base + (key, i)] = Spot(table, number, columns[column], column)
        external = cell(group[0][1], EXTERNAL_COLUMN)
        if external is not None:
            is_pending = isinstance(external, str) and external.strip().casefold() == "pending"
            entry["external"] = "pending" if is_pending else number_from_text(external)
            spots[base + ("external",)] = Spot(table, first_row, columns[EXTERNAL_COLUMN], EXTERNAL_COLUMN)
            if entry.get("level", 0) is None:
                del entry["level"]  # the value comes from the other index
        if "level" in entry and entry["level"] is None and any(k in entry for k in STAGE_COLUMNS):
            del entry["level"]
        for column, key in ENTRY_COLUMNS.items():
            if column not in columns:
                continue
            if column == "layanan" and several:
                services = [cell(cells, column) for _, cells in group]
                if any(s is not None for s in services):
                    entry[key] = [self.text(s) for s in services]
                    for i, (number, _) in enumerate(group):
                        spots[base + (key, i)] = Spot(table, number, columns[column], column)
                continue
            value, number = self.first_given(table, group, columns[column], column)
            if value is None:
                continue
            spots[base + (key,)] = Spot(table, number, columns[column], column)
            if key == "target":
                entry[key] = number_from_text(value)
            elif key == "pic":
                offices = split_offices(self.text(value))
                entry[key] = offices[0] if len(offices) == 1 else offices
            elif key == "evidence":
                entry[key] = self.evidence_lines(self.text(value), table.sheet is None)
            else:
                entry[key] = self.text(value)
        if evidence:
            items = entry.setdefault("evidence", [])
            for item, spot_row, bukti_columns, bukti_table in evidence:
                index = len(items)
                items.append(item)
                spots[base + ("evidence", index)] = Spot(
                    bukti_table,
                    spot_row,
                    bukti_columns["kode_indikator"],
                    "kode_indikator",
                )
                for name, col in bukti_columns.items():
                    field_key = BUKTI_COLUMNS.get(name)
                    if field_key:
                        spots[base + ("evidence", index, field_key)] = Spot(bukti_table, spot_row, col, name)
        value_keys = {"level", "external", *(c.removeprefix("nilai_") for c in STAGE_COLUMNS.values())}
        if entry and not value_keys & set(entry):
            # Offices or notes but no value yet: the indicator is not filled yet, in the sheet's first value column.
            column = next(c for c in VALUE_COLUMNS if c in columns)
            key = "level" if column == PLAIN_COLUMN else column.removeprefix("nilai_")
            entry = {key: [None] * len(group) if several else None, **entry}
            spots[base + (key,)] = Spot(table, first_row, columns[column], column)
        if set(entry) == {"level"} and not several:
            spots[base] = spots[base + ("level",)]
            return entry["level"]  # a plain value, as `12: 3` in a file
        if not entry:
            return None
        return entry

    def first_given(self, table: Table, group: list, col: int, column: str) -> tuple[Any, int]:
        """The value of a column for an indicator: on its first row; other rows must agree or be empty."""
        found: tuple[Any, int] = (None, group[0][0])
        for number, cells in group:
            value = cells[col - 1] if col <= len(cells) else None
            if value is None:
                continue
            if found[0] is None:
                found = (value, number)
            elif value != found[0]:
                first = table.cell(found[1], col)
                self.problems.append(
                    table.problem(number, col, Phrase(M.sheet_rows_differ, column=column, first=first))
                )
        return found

    @staticmethod
    def text(value: Any) -> Any:
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return str(value)
        return value

    def evidence_lines(self, text: Any, csv_cell: bool) -> Any:
        """One item per line; in a CSV cell, a line that is a JSON object is an item with fields."""
        if not isinstance(text, str):
            return text
        items: list[Any] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            if csv_cell and line.startswith("{"):
                try:
                    item = json.loads(line)
                except ValueError:
                    item = line
                if isinstance(item, dict):  # Bukti's column names, as export writes them
                    item = {BUKTI_COLUMNS.get(key) or key: value for key, value in item.items()}
                items.append(item)
            else:
                items.append(line)
        return items

    def evidence_rows(self, table: Table, framework: Framework, known: set[str]) -> dict[str, list]:
        columns, header_row = self.columns(table, tuple(BUKTI_COLUMNS))
        found: dict[str, list] = {}
        if "kode_indikator" not in columns:
            if any(number > header_row for number, _ in table.rows):
                self.problems.append(table.whole(Phrase(M.sheet_no_column, column="kode_indikator")))
            return found
        for number, cells in table.rows:
            if number <= header_row:
                continue
            kode_col = columns["kode_indikator"]
            kode = cells[kode_col - 1] if kode_col <= len(cells) else None
            if kode is None:
                self.problems.append(table.problem(number, kode_col, Phrase(M.sheet_no_kode_in_row)))
                continue
            indicator_id = self.indicator_id(kode, framework)
            if indicator_id not in known:
                self.problems.append(table.problem(number, kode_col, Phrase(M.sheet_evidence_unknown, id=indicator_id)))
                continue
            item: dict[str, Any] = {}
            for name, key in BUKTI_COLUMNS.items():
                col = columns.get(name)
                if key is None or col is None or col > len(cells) or cells[col - 1] is None:
                    continue
                item[key] = self.text(cells[col - 1])
            found.setdefault(indicator_id, []).append((item, number, columns, table))
        return found

    def check_reference(
        self, table: Table, row: tuple, columns: dict[str, int], indicator, framework: Framework
    ) -> None:
        """Names, aspects, domains and weights are for reading: a mismatch is a warning, never trusted."""
        if indicator is None:
            return
        number, cells = row
        expected = {
            "indikator": indicator.name,
            "aspek": str(indicator.aspect),
            "domain": "" if indicator.domain is None else str(indicator.domain),
        }
        for column, wanted in expected.items():
            col = columns.get(column)
            value = cells[col - 1] if col is not None and col <= len(cells) else None
            if value is None or col is None:
                continue
            given = " ".join(str(value).split())
            if given.casefold() != " ".join(wanted.split()).casefold():
                message = Phrase(
                    M.sheet_reference_differs,
                    column=column,
                    id=indicator.id,
                    given=given,
                    wanted=wanted,
                    framework=framework.id,
                )
                self.warnings.append(table.problem(number, col, message, "warning"))
        col = columns.get("bobot")
        weight = cells[col - 1] if col is not None and col <= len(cells) else None
        if col is not None and weight is not None and not _same_weight(weight, indicator.weight):
            message = Phrase(
                M.sheet_reference_differs,
                column="bobot",
                id=indicator.id,
                given=" ".join(str(weight).split()),
                wanted=plain_number(indicator.weight),
                framework=framework.id,
            )
            self.warnings.append(table.problem(number, col, message, "warning"))


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
