"""The assessment workbook written from an assessment (`export`, `init -o x.xlsx`), and its CSV form.

Pure functions: an assessment in, bytes (XLSX) or text (CSV) out. What they write reads back to the
same assessment (`spbe_cli.loading.assessment_sheet`): every value, stage, target, office, service, note and
evidence item. An indicator whose evidence items are all a plain link or title lists them in
`bukti_dukung`, one per line; otherwise all its items go to the `Bukti` sheet, in order.

Which value columns a sheet has (`SheetKind`):

- the file as it is (the default): `nilai` for plain values, one column per stage recorded, `eksternal`;
- a stage's sheet (`stage`): that stage's column to fill, the stages before it that the file records
  shown greyed for reading; a plain value (it holds at every stage) counts as the file's declared stage,
  or the self-assessment. A self-assessment sheet is what offices fill; the assessors' stages grey the
  office's columns and open `catatan_asesor` and `rekomendasi`;
- the assessors' sheet (`assessor`): the self-assessment greyed, a column for each assessors' stage.

The workbook is made to be filled and printed by people: a title and an instruction line, headers in
the reader's language (the column names a reader needs stay in a hidden row), level names and each
indicator's level criteria where spbe ships them, the columns that are not the sheet's job greyed and
locked, the offices to pick from, and a landscape page one page wide.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from fractions import Fraction

from ...core.assessment import Assessment, Entry, Evidence, Values
from ...core.criteria import LevelCriteria
from ...core.framework import Framework, Indicator
from ...core.numbers import plain_number
from ...core.stages import FIRST, LABELS, STAGES
from ...i18n import M, Messages
from ...loading.sheetformat import (
    BUKTI,
    BUKTI_COLUMNS,
    COMMENTS,
    CSV_INFO_COLUMNS,
    EVIDENCE_STATUSES,
    EXTERNAL_COLUMN,
    FORMAT_VERSION,
    INFO,
    INFO_COMMENTS,
    INFO_LABELS,
    PENILAIAN,
    PLAIN_COLUMN,
    SHOWN_ONLY,
    STAGE_COLUMNS,
    STAGE_IDS,
    shown_only,
)
from ...loading.sheetformat import (
    LABELS as COLUMN_LABELS,
)
from ..wording import criteria_heading
from .sheetwriter import Form, Number, SheetWriter, Validation

_NOT_RECORDED = Entry(values=None)  # what an indicator absent from the assessment is written as
ASSESSOR_STAGES = STAGES[1:]  # dokumen, interviu, visitasi, akhir
CHOICES = "Daftar"  # the hidden sheet of offices to pick from
OFFICE_COLUMNS = ("target", "penjelasan", "bukti_dukung", "pic_opd", "layanan")
ASSESSOR_COLUMNS = ("catatan_asesor", "rekomendasi")
WRAPPED = ("indikator", "aspek", "domain", "penjelasan", "bukti_dukung", "pic_opd", "layanan", *ASSESSOR_COLUMNS)
WIDTHS = {"kode": 6, "indikator": 42, "aspek": 16, "domain": 14, "bobot": 7, "target": 8, "penjelasan": 34,
          "bukti_dukung": 34, "pic_opd": 16, "layanan": 14, "catatan_asesor": 26, "rekomendasi": 26}  # fmt: skip

Row = list[object]


@dataclass(frozen=True)
class SheetKind:
    """Which sheet to write (see the module docstring): the file as it is, a stage's, or the assessors'.

    office: only this office's indicators; offices: more offices to pick from (last year's, when a file
    moves to another framework)."""

    stage: str | None = None
    assessor: bool = False
    office: str | None = None
    offices: tuple[str, ...] = ()

    @property
    def as_is(self) -> bool:
        return self.stage is None and not self.assessor


def _item(item: Evidence) -> dict[str, str]:
    """An evidence item as its filled fields."""
    return {name: text for name, text in item.as_dict().items() if text is not None}


def _looks_like_link(text: str) -> bool:
    return text.lower().startswith(("http://", "https://", "www."))


def _plain_line(fields: dict[str, str]) -> str | None:
    """The item as one line of `bukti_dukung`, when a line reads back as exactly this item."""
    if len(fields) != 1:
        return None
    ((name, text),) = fields.items()
    if name not in ("link", "title") or (name == "link") != _looks_like_link(text):
        return None
    if not text.strip() or "\n" in text or "\r" in text or text != text.strip() or text.startswith("{"):
        return None
    return text


def plain_stage(assessment: Assessment) -> str:
    """The stage a plain value (one for every stage) stands for in a stage's sheet: the file's own, or
    the self-assessment."""
    return assessment.declared_stage or FIRST


def _view(entry: Entry, as_stage: str) -> dict[str, Values | None]:
    """An entry's values per stage, a plain value counted as stage `as_stage`; empty for an external one."""
    if entry.external is not None:
        return {}
    if entry.stage_values:
        return dict(entry.stage_values)
    return {as_stage: entry.values}


def _value_columns(assessment: Assessment, kind: SheetKind) -> list[tuple[str, bool]]:
    """The value columns, each with whether the sheet is for filling it."""
    entries = assessment.entries.values()
    external = [(EXTERNAL_COLUMN, True)] if any(entry.external is not None for entry in entries) else []
    if kind.as_is:
        recorded = set(assessment.stages)
        plain = False
        for entry in entries:
            recorded.update(entry.stage_values)
            plain = plain or not entry.stage_values
        columns = [(PLAIN_COLUMN, True)] if plain or not recorded else []
        return columns + [(STAGE_COLUMNS[stage], True) for stage in STAGE_IDS if stage in recorded] + external
    as_stage = plain_stage(assessment)
    recorded = {stage for entry in entries for stage in _view(entry, as_stage)}
    filled = ASSESSOR_STAGES if kind.assessor else (kind.stage,)
    before = [stage for stage in STAGES if stage in recorded and STAGES.index(stage) < STAGES.index(filled[0])]
    shown = [(STAGE_COLUMNS[stage], False) for stage in before]
    return shown + [(STAGE_COLUMNS[stage], True) for stage in filled if stage is not None] + external


def _text_columns(assessment: Assessment, framework: Framework, kind: SheetKind) -> list[tuple[str, bool]]:
    """target .. rekomendasi, each with whether the sheet is for filling it (the office's columns in the
    file as it is and the self-assessment, the assessors' in theirs)."""
    entries = list(assessment.entries.values())
    for_assessors = kind.assessor or (kind.stage is not None and kind.stage != FIRST)
    columns = [(name, not for_assessors) for name in OFFICE_COLUMNS]
    if not any(i.multiple for i in framework.indicators) and not any(entry.service for entry in entries):
        columns = [(name, open_) for name, open_ in columns if name != "layanan"]
    noted = any(entry.assessor_note or entry.recommendation for entry in entries)
    if kind.as_is or for_assessors or noted:
        columns += [(name, kind.as_is or for_assessors) for name in ASSESSOR_COLUMNS]
    return columns


def _external(entry: Entry) -> Fraction | str | None:
    """The other index's number an entry's value is converted from, `pending`, or None."""
    if entry.external is None:
        return None
    return "pending" if entry.external.number is None else entry.external.number


def offices_of(assessment: Assessment) -> list[str]:
    """Every office named in the assessment, once each, in order of first appearance."""
    seen: dict[str, str] = {}
    for entry in assessment.entries.values():
        for name in entry.pic:
            seen.setdefault(name.strip().casefold(), name.strip())
    return list(seen.values())


def _selected(assessment: Assessment, framework: Framework, office: str | None) -> list[Indicator]:
    if office is None:
        return list(framework.indicators)
    wanted = office.strip().casefold()
    return [
        indicator
        for indicator in framework.indicators
        if any(name.strip().casefold() == wanted for name in _entry(assessment, indicator).pic)
    ]


def _entry(assessment: Assessment, indicator: Indicator) -> Entry:
    return assessment.entries.get(indicator.id, _NOT_RECORDED)


def _group_names(framework: Framework) -> tuple[dict[int, str], dict[int, str]]:
    return {d.number: d.name for d in framework.domains}, {a.number: a.name for a in framework.aspects}


def _reference_columns(framework: Framework) -> list[str]:
    return ["kode", "indikator", "aspek", *(["domain"] if framework.domains else []), "bobot"]


class _Rows:
    """The Penilaian rows (one per indicator, one per service of a multi-service one) and the Bukti rows."""

    def __init__(self, header: list[str], *, csv_form: bool) -> None:
        self.header = header
        self.csv_form = csv_form
        self.rows: list[Row] = []
        self.indicators: list[Indicator] = []  # each Penilaian row's indicator
        self.evidence: list[Row] = []

    def add(self, assessment: Assessment, framework: Framework, indicator: Indicator, as_stage: str | None) -> None:
        entry = _entry(assessment, indicator)
        by_column: dict[str, tuple[object, ...] | None] = {}
        external = _external(entry)
        if external is not None:
            by_column[EXTERNAL_COLUMN] = (external,)
        elif as_stage is not None:
            by_column.update({STAGE_COLUMNS[stage]: values for stage, values in _view(entry, as_stage).items()})
        elif entry.stage_values:
            by_column.update({STAGE_COLUMNS[stage]: values for stage, values in entry.stage_values.items()})
        else:
            by_column[PLAIN_COLUMN] = entry.values
        count = max([len(v) for v in by_column.values() if v] + [len(entry.service), 1])
        domains, aspects = _group_names(framework)
        first_row: dict[str, object] = {
            "kode": indicator.id,
            "indikator": indicator.name,
            "aspek": aspects.get(indicator.aspect, indicator.aspect),
            "domain": domains.get(indicator.domain, indicator.domain) if indicator.domain is not None else None,
            "bobot": indicator.weight,
            "target": entry.target,
            "penjelasan": entry.note,
            "bukti_dukung": self.bukti(indicator, entry) or None,
            "pic_opd": "; ".join(entry.pic) or None,
            "catatan_asesor": entry.assessor_note,
            "rekomendasi": entry.recommendation,
        }
        reference = ("kode", "indikator", "aspek", "domain", "bobot")  # on every row of the indicator
        for i in range(count):
            cells = dict(first_row) if i == 0 else {name: first_row[name] for name in reference}
            for column, values in by_column.items():
                cells[column] = values[i] if values is not None and i < len(values) else None
            cells["layanan"] = entry.service[i] if i < len(entry.service) else None
            self.rows.append([cells.get(name) for name in self.header])
            self.indicators.append(indicator)

    def bukti(self, indicator: Indicator, entry: Entry) -> str:
        """The `bukti_dukung` text: its items one a line (a CSV cell: an item with fields as a JSON line);
        in a workbook, items with more than a link or title go to the Bukti sheet, with the others."""
        items = [_item(item) for item in entry.evidence]
        lines = [_plain_line(fields) for fields in items]
        if self.csv_form:
            return "\n".join(line if line is not None else json.dumps(_csv_item(fields), ensure_ascii=False)
                             for line, fields in zip(lines, items, strict=True))  # fmt: skip
        if all(line is not None for line in lines):
            return "\n".join(line for line in lines if line is not None)
        for fields in items:
            self.evidence.append([indicator.id] + [fields.get(key) for key in BUKTI_COLUMNS.values() if key])
        return ""


def _csv_item(fields: dict[str, str]) -> dict[str, str]:
    names = {key: column for column, key in BUKTI_COLUMNS.items() if key}
    return {names[key]: value for key, value in fields.items()}


def _layout(assessment: Assessment, framework: Framework, kind: SheetKind) -> list[tuple[str, bool]]:
    """Every Penilaian column in order, each with whether the sheet is for filling it."""
    reference = [(name, False) for name in _reference_columns(framework)]
    return reference + _value_columns(assessment, kind) + _text_columns(assessment, framework, kind)


def _rows(assessment: Assessment, framework: Framework, header: list[str], kind: SheetKind, *, csv_form: bool) -> _Rows:
    rows = _Rows(header, csv_form=csv_form)
    as_stage = None if kind.as_is else plain_stage(assessment)
    for indicator in _selected(assessment, framework, kind.office):
        rows.add(assessment, framework, indicator, as_stage)
    return rows


def penilaian_header(assessment: Assessment, framework: Framework, kind: SheetKind | None = None) -> list[str]:
    """The Penilaian sheet's column names, in order."""
    return [name for name, _ in _layout(assessment, framework, kind or SheetKind())]


# --- XLSX --------------------------------------------------------------------------------------


def assessment_xlsx(
    assessment: Assessment,
    framework: Framework,
    *,
    kind: SheetKind | None = None,
    office: str | None = None,
    messages: Messages | None = None,
    criteria: LevelCriteria | None = None,
) -> bytes:
    """The assessment workbook: Penilaian, Bukti and Info sheets, and the offices to pick from (only
    `office`'s rows when given), in the language of `messages`."""
    kind = kind or SheetKind(office=office)
    t = messages or Messages()
    layout = _layout(assessment, framework, kind)
    header = [name for name, _ in layout]
    rows = _rows(assessment, framework, header, kind, csv_form=False)
    names = _names(layout)
    value_format = "0" if framework.integer_values else "0.00"
    value_columns = {name for name, _ in layout if name.startswith("nilai")} | {"target"}
    shaped = [[_cell(value, header[col], value_format, value_columns) for col, value in enumerate(row)]
              for row in rows.rows]  # fmt: skip
    book = SheetWriter(exact=True)
    editable = [name for name, open_ in layout if open_]
    form = Form(
        names=names,
        labels=[_label(name, open_, t) for name, open_ in layout],
        rows=shaped,
        lines=(_title(assessment, framework, kind, t), _instruction(framework, editable, criteria, t)),
        comments=[_comment(name, open_, framework, t) for name, open_ in layout],
        widths=[WIDTHS.get(name, 11) for name in header],
        wrap=frozenset(col for col, name in enumerate(header, start=1) if name in WRAPPED),
        read_only=frozenset(col for col, (_, open_) in enumerate(layout, start=1) if not open_),
        notes=_criteria_notes(rows.indicators, header, framework, criteria, t),
        frozen_columns=2,
    )
    sheet = book.form(PENILAIAN, form)
    data_rows = [form.first_row + index for index in range(len(rows.rows))] or [form.first_row]
    ruled = [header.index(name) + 1 for name in editable if name in value_columns]
    for scale, rule in _value_rules(framework, t).items():
        scale_rows = [row for row, i in zip(data_rows, rows.indicators, strict=False) if i.scale == scale]
        sheet.validate_rows(rule, ruled, scale_rows if rows.indicators else data_rows)
    offices = list(dict.fromkeys([*offices_of(assessment), *kind.offices]))
    if offices and "pic_opd" in editable:
        listed = book.choices(CHOICES, offices)
        pick = Validation("list", listed, "", "", prompt=None, strict=False)
        sheet.validate_rows(pick, [header.index("pic_opd") + 1], data_rows)

    _bukti_sheet(book, rows.evidence, t)
    _info_sheet(book, assessment, kind, t)
    return book.bytes()


def _bukti_sheet(book: SheetWriter, evidence: list[Row], t: Messages) -> None:
    """The Bukti sheet: one evidence item a row, room below for the items an office adds."""
    names = list(BUKTI_COLUMNS)
    form = Form(
        names=names,
        labels=[t(COLUMN_LABELS[name]) for name in names],
        rows=evidence,
        comments=[t(COMMENTS[name]) for name in names],
        widths=[14, 14, 40, 40, 12, 30],
        wrap=frozenset({3, 4, 6}),
        spare_rows=500,
        protect=False,
    )
    sheet = book.form(BUKTI, form)
    status = Validation("list", '"' + ",".join(EVIDENCE_STATUSES) + '"', "Status: " + ", ".join(EVIDENCE_STATUSES),
                        t(M.sheet_status_error_title))  # fmt: skip
    sheet.validate(status, [5], form.first_row, form.first_row + len(evidence) + form.spare_rows)


def _info_sheet(book: SheetWriter, assessment: Assessment, kind: SheetKind, t: Messages) -> None:
    """The Info sheet: framework, institution, year, the sheet's stage and office, the format."""
    info: list[tuple[str, object]] = [
        ("framework", assessment.framework),
        ("institution", assessment.institution),
        ("year", assessment.year),
    ]
    stage = assessment.declared_stage if kind.as_is else None if kind.assessor else kind.stage
    if stage:
        info.append(("stage", stage))
    info.append(("category", assessment.category))  # shown even when empty: a coordinator may fill it in
    if kind.office:
        info.append(("pic_opd", kind.office.strip()))
    info.append(("format", FORMAT_VERSION))
    book.fields(
        INFO,
        info,
        {name: t(message) for name, message in INFO_COMMENTS.items()},
        widths=(22, 50),
        labels={name: t(message) for name, message in INFO_LABELS.items()},
        editable=frozenset({"institution", "year", "category"}),
    )


def _names(layout: list[tuple[str, bool]]) -> list[str]:
    """The column names a reader needs: a column shown for reading only (a greyed value or note) is
    named so that it is never read back; the indicator's code, name and weight keep theirs."""
    return [name if open_ or shown_only(name) not in SHOWN_ONLY else shown_only(name) for name, open_ in layout]


def _label(name: str, editable: bool, t: Messages) -> str:
    label = t(COLUMN_LABELS[name])
    return label if editable or shown_only(name) not in SHOWN_ONLY else t(M.sheet_label_shown_only, label=label)


def _title(assessment: Assessment, framework: Framework, kind: SheetKind, t: Messages) -> str:
    institution = " ".join(assessment.institution.split())
    who = t(M.sheet_who, office=kind.office.strip(), institution=institution) if kind.office else institution
    what = {"index": framework.index_name, "year": assessment.year, "who": who}
    if kind.assessor:
        return t(M.sheet_title_assessor, **what)
    if kind.stage is not None:
        return t(M.sheet_title_stage, stage=t(LABELS[kind.stage]), **what)
    return t(M.sheet_title_file, **what)


def _instruction(framework: Framework, editable: list[str], criteria: LevelCriteria | None, t: Messages) -> str:
    columns = ", ".join(t(COLUMN_LABELS[name]) for name in editable)
    hint = t(M.sheet_instruction_criteria) if criteria is not None else ""
    return t(M.sheet_instruction, columns=columns, low=framework.min_value, high=framework.max_value, criteria=hint)


def _comment(name: str, editable: bool, framework: Framework, t: Messages) -> str:
    """The header's comment: what goes in the column, the level names for a value, read only where so."""
    text = t(COMMENTS[name])
    if name.startswith("nilai") or name == "target":
        text = t(M.sheet_levels, comment=text, levels=_level_names(framework))
    return text if editable else t(M.sheet_read_only, comment=text)


def _level_names(framework: Framework) -> str:
    """`1 Rintisan, ..., 5 Optimum (1-31); 1 Informasi, ... (32-47)`: each scale, with its indicators
    where the framework has several."""
    used = [name for name in framework.level_scales if any(i.scale == name for i in framework.indicators)]
    parts = []
    for name in used:
        named = ", ".join(f"{level} {label}" for level, label in sorted(framework.level_scales[name].items()))
        ids = [i.id for i in framework.indicators if i.scale == name]
        parts.append(named + (f" ({ids[0]}-{ids[-1]})" if len(used) > 1 else ""))
    return "; ".join(parts)


def _criteria_notes(
    indicators: list[Indicator], header: list[str], framework: Framework, criteria: LevelCriteria | None, t: Messages
) -> dict[tuple[int, int], str]:
    """Each indicator's level criteria, as a comment on its name: every level, as the source words it."""
    if criteria is None or "indikator" not in header:
        return {}
    col = header.index("indikator") + 1
    notes = {}
    for index, indicator in enumerate(indicators):
        if index > 0 and indicators[index - 1] is indicator:
            continue  # a multi-service indicator's further rows
        levels = criteria.of(indicator.id)
        if levels:
            notes[(index, col)] = criteria_text(indicator, framework, criteria, t)
    return notes


def criteria_text(indicator: Indicator, framework: Framework, criteria: LevelCriteria, t: Messages) -> str:
    """An indicator's criteria: the heading, then `3 Terdefinisi: ...` for each level."""
    names = framework.level_names.get(indicator.id, {})
    lines = [criteria_heading(criteria, t)]
    for level, text in sorted(criteria.of(indicator.id).items()):
        named = f"{level} {names[level]}" if level in names else str(level)
        lines.append(f"{named}: {text}")
    return "\n".join(lines)


def _value_rules(framework: Framework, t: Messages) -> dict[str, Validation]:
    """A value on the framework's scale, per level scale (its names shown when a cell is selected): one
    of its levels, or a decimal between its ends."""
    low, high = framework.min_value, framework.max_value
    title = t(M.sheet_value_prompt_title, low=low, high=high)
    rules = {}
    for scale, levels in framework.level_scales.items():
        named = ", ".join(f"{level} {label}" for level, label in sorted(levels.items()))
        prompt = t(M.sheet_value_prompt, levels=named)[:255]  # Excel keeps 255 characters of a prompt
        if framework.integer_values:
            choices = ",".join(str(n) for n in range(int(low), int(high) + 1))
            error = t(M.sheet_value_error_whole, low=low, high=high)
            rules[scale] = Validation("list", f'"{choices}"', error, t(M.sheet_value_error_title), prompt=prompt,
                                      prompt_title=title)  # fmt: skip
        else:
            error = t(M.sheet_value_error_decimal, low=low, high=high)
            rules[scale] = Validation("decimal", str(low), error, t(M.sheet_value_error_title), formula2=str(high),
                                      prompt=prompt, prompt_title=title)  # fmt: skip
    return rules


def _cell(value: object, column: str, value_format: str, value_columns: set[str]) -> object:
    """A Penilaian cell: values as numbers where a double holds them exactly, else as exact text."""
    if not isinstance(value, (int, Fraction)):
        return value  # text, or None for an empty cell
    if column in value_columns:
        return Number(value, value_format) if _exact_as_double(value) else _value_text(value)
    if column in ("bobot", EXTERNAL_COLUMN):
        return Number(value, "0.00")
    return value


def _exact_as_double(value: int | Fraction) -> bool:
    """Whether a double holds the value exactly as its shortest text (so it reads back the same)."""
    if isinstance(value, int):
        return abs(value) < 2**53
    return Fraction(repr(float(value))) == value


def _value_text(value: int | Fraction) -> str:
    return plain_number(value) if Fraction(plain_number(value)) == value else f"{value.numerator}/{value.denominator}"


# --- CSV ---------------------------------------------------------------------------------------


def assessment_csv(
    assessment: Assessment,
    framework: Framework,
    *,
    kind: SheetKind | None = None,
    office: str | None = None,
    decimal_comma: bool = True,
) -> str:
    """The Penilaian sheet as CSV, with framework, institution, year and stage on every row.

    With a decimal comma (Indonesian Excel), `;` separates the columns, as Excel expects there.
    A byte-order mark makes Excel read the text as UTF-8. Headers are the column names.
    """
    kind = kind or SheetKind(office=office)
    layout = _layout(assessment, framework, kind)
    header = [name for name, _ in layout]
    rows = _rows(assessment, framework, header, kind, csv_form=True)
    stage = assessment.declared_stage if kind.as_is else None if kind.assessor else kind.stage
    category = ["category"] if assessment.category else []  # a column only where the file names one
    info: Row = [assessment.framework, assessment.institution, assessment.year, stage]
    info += [assessment.category] if category else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if decimal_comma else ",", lineterminator="\r\n")
    writer.writerow(list(CSV_INFO_COLUMNS) + category + _names(layout))
    for row in rows.rows:
        writer.writerow([_csv_cell(value, decimal_comma) for value in info + row])
    return "\ufeff" + buffer.getvalue()


def _csv_cell(value: object, decimal_comma: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, Fraction)):
        text = plain_number(value) if isinstance(value, Fraction) else str(value)
        if isinstance(value, Fraction) and Fraction(text) != value:
            return f"{value.numerator}/{value.denominator}"
        return text.replace(".", ",") if decimal_comma else text
    text = str(value)
    # A spreadsheet would run text starting like a formula; an apostrophe keeps it text, and a text
    # starting with an apostrophe gets a second one, so reading drops exactly one.
    if text.startswith(("=", "+", "-", "@", "\t", "\r", "'")):
        return "'" + text
    return text
