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
from typing import Any

from ...core.assessment import Assessment
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
from .sheetwriter import Number, SheetWriter

_EVIDENCE_FIELDS = ("code", "link", "title", "status", "note")


# --- the entry, whatever its shape ---------------------------------------------------------------


def _offices(entry: Any) -> tuple[str, ...]:
    pic = getattr(entry, "pic", None)
    if not pic:
        return ()
    return (pic,) if isinstance(pic, str) else tuple(pic)


def _services(entry: Any) -> tuple[str, ...]:
    service = getattr(entry, "service", None)
    if not service:
        return ()
    return (service,) if isinstance(service, str) else tuple(service)


def _item(item: Any) -> dict[str, str]:
    """An evidence item as its filled fields."""
    if isinstance(item, str):
        return {"link": item} if _looks_like_link(item) else {"title": item}
    return {name: getattr(item, name) for name in _EVIDENCE_FIELDS if getattr(item, name, None) is not None}


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


def _stage_values(entry: Any) -> dict[str, Any]:
    return dict(getattr(entry, "stage_values", None) or {})


def _value_columns(assessment: Assessment) -> list[str]:
    """`nilai` for plain values (a file without stages), then one column per stage recorded."""
    recorded = set(getattr(assessment, "stages", ()) or ())
    plain = False
    for entry in assessment.entries.values():
        stages = _stage_values(entry)
        recorded.update(stages)
        plain = plain or not stages
    columns = [PLAIN_COLUMN] if plain or not recorded else []
    columns += [STAGE_COLUMNS[stage] for stage in STAGE_IDS if stage in recorded]
    if any(getattr(entry, "external", None) is not None for entry in assessment.entries.values()):
        columns.append(EXTERNAL_COLUMN)
    return columns


def _external(entry: Any) -> Any:
    """The other index's number an entry's value is converted from, `pending`, or None."""
    external = getattr(entry, "external", None)
    if external is None:
        return None
    return "pending" if external.number is None else external.number


def offices_of(assessment: Assessment) -> list[str]:
    """Every office named in the assessment, once each, in order of first appearance."""
    seen: dict[str, str] = {}
    for entry in assessment.entries.values():
        for name in _offices(entry):
            seen.setdefault(name.strip().casefold(), name.strip())
    return list(seen.values())


def _selected(assessment: Assessment, framework: Framework, office: str | None) -> list[Indicator]:
    if office is None:
        return list(framework.indicators)
    wanted = office.strip().casefold()
    return [
        indicator
        for indicator in framework.indicators
        if any(name.strip().casefold() == wanted for name in _offices(assessment.entries.get(indicator.id)))
    ]


def _rows(assessment: Assessment, framework: Framework, columns: list[str], office: str | None, *, csv_form: bool):
    """(Penilaian rows, Bukti rows) as plain values in the column order of `penilaian_header`."""
    rows: list[list[Any]] = []
    evidence_rows: list[list[Any]] = []
    for indicator in _selected(assessment, framework, office):
        entry = assessment.entries.get(indicator.id)
        stages = _stage_values(entry)
        by_column: dict[str, Any] = {}
        if _external(entry) is not None:
            by_column[EXTERNAL_COLUMN] = (_external(entry),)
        elif stages:
            for stage, values in stages.items():
                by_column[STAGE_COLUMNS[stage]] = values
        elif entry is not None:
            by_column[PLAIN_COLUMN] = entry.values
        count = max([len(v) for v in by_column.values() if v] + [len(_services(entry)), 1])
        items = [_item(item) for item in getattr(entry, "evidence", ()) or ()]
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
        services = _services(entry)
        for i in range(count):
            row: list[Any] = [indicator.id, indicator.name, indicator.aspect, indicator.domain, indicator.weight]
            for column in columns:
                values = by_column.get(column)
                row.append(values[i] if values is not None and i < len(values) else None)
            first = i == 0
            row += [
                getattr(entry, "target", None) if first else None,
                getattr(entry, "note", None) if first else None,
                (bukti_text or None) if first else None,
                "; ".join(_offices(entry)) or None if first else None,
                services[i] if i < len(services) else None,
                getattr(entry, "assessor_note", None) if first else None,
                getattr(entry, "recommendation", None) if first else None,
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
    from openpyxl.worksheet.datavalidation import DataValidation

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
    last = max(len(rows) + 1, 2)
    low, high = framework.min_value, framework.max_value
    if framework.integer_values:
        choices = ",".join(str(n) for n in range(int(low), int(high) + 1))
        rule = DataValidation(type="list", formula1=f'"{choices}"', allow_blank=True)
    else:
        rule = DataValidation(
            type="decimal", operator="between", formula1=str(low), formula2=str(high), allow_blank=True
        )
    rule.error = f"Nilai harus {'bilangan bulat' if framework.integer_values else 'angka'} dari {low} sampai {high}."
    rule.errorTitle = "Nilai tidak sah"
    rule.prompt = f"Nilai {low} sampai {high}; kosongkan bila belum diisi."
    rule.showErrorMessage = rule.showInputMessage = True
    sheet.add_data_validation(rule)
    from openpyxl.utils import get_column_letter

    for name in value_columns:
        letter = get_column_letter(header.index(name) + 1)
        rule.add(f"{letter}2:{letter}{last}")

    bukti_header = list(BUKTI_COLUMNS)
    bukti = book.sheet(BUKTI, bukti_header, evidence_rows, comments=[COMMENTS.get(h) for h in bukti_header],
                       widths=[14, 14, 40, 40, 12, 30])  # fmt: skip
    status = DataValidation(type="list", formula1='"' + ",".join(EVIDENCE_STATUSES) + '"', allow_blank=True)
    status.error, status.errorTitle = "Status: " + ", ".join(EVIDENCE_STATUSES), "Status tidak sah"
    status.showErrorMessage = True
    bukti.add_data_validation(status)
    status.add(f"E2:E{max(len(evidence_rows) + 1, 2) + 500}")  # room for the items an office adds

    info: list[tuple[str, Any]] = [
        ("framework", assessment.framework),
        ("institution", assessment.institution),
        ("year", assessment.year),
    ]
    declared = getattr(assessment, "declared_stage", None)
    if declared:
        info.append(("stage", declared))
    info.append(("format", FORMAT_VERSION))
    from openpyxl.comments import Comment

    info_sheet = book.book.create_sheet(INFO)  # one field per row: the name in A, the value in B
    for number, (name, value) in enumerate(info, start=1):
        book.put(info_sheet.cell(row=number, column=1), name)
        book.put(info_sheet.cell(row=number, column=2), value)
        info_sheet.cell(row=number, column=1).font = book.header_font
        info_sheet.cell(row=number, column=1).comment = Comment(INFO_COMMENTS[name], "spbe")
    info_sheet.column_dimensions["A"].width = 14
    info_sheet.column_dimensions["B"].width = 50
    return book.bytes()


def _cell(value: Any, column: str, value_format: str, value_columns: set[str]) -> Any:
    if value is None:
        return None
    if column in value_columns:
        return Number(value, value_format) if _exact_as_double(value) else _value_text(value)
    if column == "bobot" or (column == EXTERNAL_COLUMN and not isinstance(value, str)):
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
    header = list(CSV_INFO_COLUMNS) + penilaian_header(columns)
    rows, _ = _rows(assessment, framework, columns, office, csv_form=True)
    stage = getattr(assessment, "declared_stage", None)
    info = [assessment.framework, assessment.institution, assessment.year, stage]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";" if decimal_comma else ",", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(value, decimal_comma) for value in info + row])
    return "\ufeff" + buffer.getvalue()


def _csv_cell(value: Any, decimal_comma: bool) -> str:
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
