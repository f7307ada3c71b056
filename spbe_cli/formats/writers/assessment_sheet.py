"""The assessment workbook written from an assessment (`export`, `init -o x.xlsx`), and its CSV form.

Pure functions: an assessment in, bytes (XLSX) or text (CSV) out. What they write reads back to the
same assessment (`spbe_cli.loading.assessment_sheet`): every value, stage, target, office, service, note and
evidence item. An indicator whose evidence items are all a plain link or title lists them in
`bukti_dukung`, one per line; otherwise all its items go to the `Bukti` sheet, in order.
"""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

from ...core.assessment import Assessment, Entry, Evidence
from ...core.framework import Framework, Indicator
from ...core.numbers import plain_number
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
    PENILAIAN,
    PLAIN_COLUMN,
    REFERENCE_COLUMNS,
    STAGE_COLUMNS,
    STAGE_IDS,
)
from .sheetwriter import Number, SheetWriter, Validation

_NOT_RECORDED = Entry(values=None)  # what an indicator absent from the assessment is written as

Row = list[object]


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


def _value_columns(assessment: Assessment) -> list[str]:
    """`nilai` for plain values (a file without stages), then one column per stage recorded."""
    recorded = set(assessment.stages)
    plain = False
    for entry in assessment.entries.values():
        recorded.update(entry.stage_values)
        plain = plain or not entry.stage_values
    columns = [PLAIN_COLUMN] if plain or not recorded else []
    columns += [STAGE_COLUMNS[stage] for stage in STAGE_IDS if stage in recorded]
    if any(entry.external is not None for entry in assessment.entries.values()):
        columns.append(EXTERNAL_COLUMN)
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


def _rows(
    assessment: Assessment, framework: Framework, columns: list[str], office: str | None, *, csv_form: bool
) -> tuple[list[Row], list[Row]]:
    """(Penilaian rows, Bukti rows) as plain values in the column order of `penilaian_header`."""
    rows: list[Row] = []
    evidence_rows: list[Row] = []
    for indicator in _selected(assessment, framework, office):
        entry = _entry(assessment, indicator)
        external = _external(entry)
        by_column: dict[str, tuple[object, ...] | None] = {}
        if external is not None:
            by_column[EXTERNAL_COLUMN] = (external,)
        elif entry.stage_values:
            for stage, values in entry.stage_values.items():
                by_column[STAGE_COLUMNS[stage]] = values
        else:
            by_column[PLAIN_COLUMN] = entry.values
        count = max([len(v) for v in by_column.values() if v] + [len(entry.service), 1])
        items = [_item(item) for item in entry.evidence]
        lines = [_plain_line(fields) for fields in items]
        if csv_form:
            bukti_text = "\n".join(line if line is not None else json.dumps(_csv_item(fields), ensure_ascii=False)
                                   for line, fields in zip(lines, items, strict=True))  # fmt: skip
        elif all(line is not None for line in lines):
            bukti_text = "\n".join(line for line in lines if line is not None)
        else:
            bukti_text = ""
            for fields in items:
                evidence_rows.append([indicator.id] + [fields.get(key) for key in BUKTI_COLUMNS.values() if key])
        for i in range(count):
            row: Row = [indicator.id, indicator.name, indicator.aspect, indicator.domain, indicator.weight]
            for column in columns:
                in_column = by_column.get(column)
                row.append(in_column[i] if in_column is not None and i < len(in_column) else None)
            first = i == 0
            row += [
                entry.target if first else None,
                entry.note if first else None,
                (bukti_text or None) if first else None,
                "; ".join(entry.pic) or None if first else None,
                entry.service[i] if i < len(entry.service) else None,
                entry.assessor_note if first else None,
                entry.recommendation if first else None,
            ]
            rows.append(row)
    return rows, evidence_rows


def _csv_item(fields: dict[str, str]) -> dict[str, str]:
    names = {key: column for column, key in BUKTI_COLUMNS.items() if key}
    return {names[key]: value for key, value in fields.items()}


def penilaian_header(columns: list[str]) -> list[str]:
    return ["kode", *REFERENCE_COLUMNS, *columns, "target", "penjelasan", "bukti_dukung", "pic_opd", "layanan",
            "catatan_asesor", "rekomendasi"]  # fmt: skip


# --- XLSX --------------------------------------------------------------------------------------


def assessment_xlsx(assessment: Assessment, framework: Framework, *, office: str | None = None) -> bytes:
    """The assessment workbook: Penilaian, Bukti and Info sheets (only `office`'s rows when given)."""
    columns = _value_columns(assessment)
    header = penilaian_header(columns)
    rows, evidence_rows = _rows(assessment, framework, columns, office, csv_form=False)
    value_format = "0" if framework.integer_values else "0.00"
    value_columns = (set(columns) | {"target"}) - {EXTERNAL_COLUMN}
    shaped = [[_cell(value, header[col], value_format, value_columns) for col, value in enumerate(row)] for row in rows]
    book = SheetWriter(exact=True)
    widths = [8, 50, 7, 8, 8] + [10] * len(columns) + [9, 40, 40, 20, 24, 30, 30]
    wrapped = [
        header.index(name) + 1 for name in ("indikator", "penjelasan", "bukti_dukung", "catatan_asesor", "rekomendasi")
    ]
    sheet = book.sheet(
        PENILAIAN, header, shaped, comments=[COMMENTS.get(h) for h in header], widths=widths, wrap=wrapped
    )
    value_column_numbers = [header.index(name) + 1 for name in value_columns]
    sheet.validate(_value_rule(framework), value_column_numbers, 2, max(len(rows) + 1, 2))

    bukti_header = list(BUKTI_COLUMNS)
    bukti = book.sheet(BUKTI, bukti_header, evidence_rows, comments=[COMMENTS.get(h) for h in bukti_header],
                       widths=[14, 14, 40, 40, 12, 30])  # fmt: skip
    bukti.validate(_STATUS_RULE, [5], 2, max(len(evidence_rows) + 1, 2) + 500)  # room for the items an office adds

    info: list[tuple[str, object]] = [
        ("framework", assessment.framework),
        ("institution", assessment.institution),
        ("year", assessment.year),
    ]
    if assessment.declared_stage:
        info.append(("stage", assessment.declared_stage))
    info.append(("category", assessment.category))  # shown even when empty: a coordinator may fill it in
    info.append(("format", FORMAT_VERSION))
    book.fields(INFO, info, INFO_COMMENTS, widths=(14, 50))
    return book.bytes()


def _value_rule(framework: Framework) -> Validation:
    """A value on the framework's scale: one of its levels, or a decimal between its ends."""
    low, high = framework.min_value, framework.max_value
    prompt = f"Nilai {low} sampai {high}; kosongkan bila belum diisi."
    if framework.integer_values:
        choices = ",".join(str(n) for n in range(int(low), int(high) + 1))
        error = f"Nilai harus bilangan bulat dari {low} sampai {high}."
        return Validation("list", f'"{choices}"', error, "Nilai tidak sah", prompt=prompt)
    error = f"Nilai harus angka dari {low} sampai {high}."
    return Validation("decimal", str(low), error, "Nilai tidak sah", formula2=str(high), prompt=prompt)


_STATUS_RULE = Validation(
    kind="list",
    formula1='"' + ",".join(EVIDENCE_STATUSES) + '"',
    error="Status: " + ", ".join(EVIDENCE_STATUSES),
    error_title="Status tidak sah",
)


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
    assessment: Assessment, framework: Framework, *, office: str | None = None, decimal_comma: bool = True
) -> str:
    """The Penilaian sheet as CSV, with framework, institution, year and stage on every row.

    With a decimal comma (Indonesian Excel), `;` separates the columns, as Excel expects there.
    A byte-order mark makes Excel read the text as UTF-8.
    """
    columns = _value_columns(assessment)
    category = ["category"] if assessment.category else []  # a column only where the file names one
    header = list(CSV_INFO_COLUMNS) + category + penilaian_header(columns)
    rows, _ = _rows(assessment, framework, columns, office, csv_form=True)
    info: Row = [assessment.framework, assessment.institution, assessment.year, assessment.declared_stage]
    info += [assessment.category] if category else []
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if decimal_comma else ",", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
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
