"""CSV output: one row per indicator, cells safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from ..core.numbers import display, plain_number
from ..core.scoring import IndicatorScore, ScoreResult
from . import RenderOptions
from .escaping import spreadsheet_cell
from .wording import items_by_level

if TYPE_CHECKING:
    from ..core.diffing import DiffResult, IndicatorChange
    from ..core.evidence import EvidenceResult
    from ..core.external import ExternalValue
    from ..core.framework import Framework
    from ..core.planning import PlanResult
    from ..core.published import Listing, Placement
    from ..core.ranking import RankResult

SCORE_COLUMNS = (
    "institution", "year", "framework", "domain", "domain_name", "aspect", "aspect_name", "indicator", "name",
    "weight", "value", "overall_index", "predikat", "external_source", "external_value", "conversion_status",
    "stage", "target", "gap", "pic", "service", "note", "evidence", "assessor_note", "recommendation", "stage_values",
)  # fmt: skip


def safe_cell(value: object) -> str:
    """User text as one visible line; a formula-like or `::` start gets a leading apostrophe, so a
    spreadsheet shows it as text and no CSV line reads as a workflow command.

    Numbers we write ourselves (e.g. a negative delta) are left alone: they are not user text.
    """
    if value is None:
        return ""
    if isinstance(value, (int, float)):
        return str(value)
    return spreadsheet_cell(value)


def rows_to_text(rows: Iterable[Sequence[object]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell if isinstance(cell, _Number) else safe_cell(cell) for cell in row])
    return buffer.getvalue()


class _Number(str):
    """A number we formatted ourselves: written as is, even when negative."""


def num(value: Fraction | int) -> _Number:
    return _Number(plain_number(value))


def _record_cells(result: ScoreResult, indicator: IndicatorScore) -> list[object]:
    """stage .. stage_values: the indicator's record, lists joined with "; "."""
    entry = result.assessment.entries.get(indicator.id) if result.assessment is not None else None
    target = indicator.target
    gap = "" if target is None else num(max(Fraction(0), Fraction(target) - indicator.value))
    if entry is None:
        return [result.stage or "", "" if target is None else num(target), gap, "", "", "", "", "", "", ""]
    evidence = "; ".join(item.link or item.title or item.code or "" for item in entry.evidence)
    stage_values = "; ".join(
        f"{stage}={'' if values is None else ' / '.join(plain_number(v) for v in values)}"
        for stage, values in entry.stage_values.items()
    )
    return [
        result.stage or "",
        "" if target is None else num(target),
        gap,
        "; ".join(entry.pic),
        "; ".join(entry.service),
        entry.note or "",
        evidence,
        entry.assessor_note or "",
        entry.recommendation or "",
        stage_values,
    ]


def score(results: Iterable[ScoreResult], options: RenderOptions) -> Iterator[str]:
    yield rows_to_text([SCORE_COLUMNS])
    for result in results:
        framework = result.framework
        if "csv_group_names" not in framework.derived:
            framework.derived["csv_group_names"] = (
                {d.number: d.name for d in framework.domains},
                {a.number: a.name for a in framework.aspects},
            )
        names: tuple[dict[int | None, str], dict[int, str]] = framework.derived["csv_group_names"]
        domain_names, aspect_names = names
        index = _Number(str(result.shown))
        yield rows_to_text(
            [
                result.institution,
                result.year,
                framework.id,
                indicator.domain if indicator.domain is not None else "",
                domain_names.get(indicator.domain, ""),
                indicator.aspect,
                aspect_names[indicator.aspect],
                indicator.id,
                indicator.name,
                num(indicator.weight),
                num(indicator.value),
                index,
                result.predikat,
                *_external_cells(indicator.external),
                *_record_cells(result, indicator),
            ]
            for indicator in result.indicators
        )


def _external_cells(external: ExternalValue | None) -> tuple[object, object, object]:
    if external is None:
        return ("", "", "")
    number = num(external.number) if external.number is not None else ""
    return (external.source.title, number, external.status)


def frameworks(items: Sequence[Framework], options: RenderOptions) -> str:
    rows: list[list[object]] = [
        ["id", "title", "regulation", "first_year", "last_year", "values", "min", "max", "indicators"]
    ]
    for f in items:
        rows.append(
            [
                f.id,
                f.title,
                f.regulation,
                f.first_year,
                f.last_year or "",
                f.value_type,
                f.min_value,
                f.max_value,
                len(f.indicators),
            ]
        )
    return rows_to_text(rows)


def indicators(items: Sequence[Framework], options: RenderOptions) -> str:
    header: list[object] = [
        "framework",
        "domain",
        "domain_name",
        "aspect",
        "aspect_name",
        "indicator",
        "name",
        "weight",
    ]
    with_criteria = options.criteria is not None
    if with_criteria:  # --criteria: one column per level, and whether the text is the regulation's own
        header += [f"criteria_{level}" for level in range(1, 6)] + ["criteria_regulation_text", "criteria_source"]
    rows: list[list[object]] = [header]
    for f in items:
        domain_names: dict[int | None, str] = {d.number: d.name for d in f.domains}
        aspect_names = {a.number: a.name for a in f.aspects}
        found = (options.criteria or {}).get(f.id)
        for i in f.indicators:
            row: list[object] = [
                f.id, i.domain if i.domain is not None else "", domain_names.get(i.domain, ""), i.aspect,
                aspect_names[i.aspect], i.id, i.name, num(i.weight),
            ]  # fmt: skip
            if with_criteria:
                levels = found.of(i.id) if found is not None else {}
                row += [" ".join(levels.get(level, "").split()) for level in range(1, 6)]
                row += ["" if found is None else str(found.official).lower(), "" if found is None else found.url]
            rows.append(row)
    return rows_to_text(rows)


DIFF_COLUMNS = (
    "row", "id", "name", "old", "new", "delta", "effect", "external_source", "old_external_value",
    "new_external_value", "conversion_status",
)  # fmt: skip


def diff(result: DiffResult, options: RenderOptions) -> str:
    rows: list[list[object]] = [list(DIFF_COLUMNS)]
    rows.append(["index", "", result.new.framework.index_name, _Number(str(result.old.shown)), _Number(str(result.new.shown)),
                 _Number(f"{result.delta:.2f}"), num(result.delta_exact), "", "", "", ""])  # fmt: skip
    for group in result.domains + result.aspects:
        rows.append([group.kind, group.number, group.name, _Number(display(group.old)), _Number(display(group.new)),
                     _Number(f"{group.delta:.2f}"), "", "", "", "", ""])  # fmt: skip
    for change in result.indicators:
        rows.append(["indicator", change.id, change.name, num(change.old), num(change.new), _Number(plain_number(change.delta)),
                     _Number(plain_number(change.effect)), *_change_external_cells(change)])  # fmt: skip
    return rows_to_text(rows)


def _change_external_cells(change: IndicatorChange) -> tuple[object, object, object, object]:
    """external_source, old_external_value, new_external_value (or `pending`), conversion_status (new side)."""
    if not change.external:
        return ("", "", "", "")
    sides = [change.old_external, change.new_external]
    source = next(e.source.title for e in reversed(sides) if e is not None)

    def value(external: ExternalValue | None) -> object:
        if external is None:
            return ""
        return "pending" if external.number is None else num(external.number)

    status = change.new_external.status if change.new_external is not None else ""
    return (source, value(change.old_external), value(change.new_external), status)


PLAN_COLUMNS = ("indicator", "service", "name", "aspect", "from", "to", "steps", "cost", "effect", "pic")


def plan(result: PlanResult, options: RenderOptions) -> str:
    from .wording import office_text, plan_groups

    rows: list[list[object]] = [list(PLAN_COLUMNS)]
    for _, steps in plan_groups(result, options):  # --by pic: rows ordered per office
        for s in steps:
            rows.append(
                [s.id, s.service or "", s.name, s.aspect, num(s.start), num(s.end), s.steps, num(s.cost),
                 num(s.effect), office_text(s)]
            )  # fmt: skip
    return rows_to_text(rows)


def rank(result: RankResult, options: RenderOptions) -> str:
    # One named column per domain (or aspect) of the frameworks ranked: domain_1_kebijakan_internal_spbe.
    # Frameworks naming a group alike share its column; other rows leave it empty.
    columns: dict[str, int] = {}
    for g in result.groups:
        for r in g.rows[:1]:
            for number, name, _ in r.groups:
                columns.setdefault(group_column(g.group_kind, number, name), len(columns))
    header: list[object] = ["framework", "group_year", "rank", "institution", "year", "index", "predikat", "source"]
    header += list(columns)
    # where the file's year has published results: its rank among them, within its category and province
    header += ["category_rank", "category_count", "province_rank", "province_count"]
    rows: list[list[object]] = [header]
    for g in result.groups:
        for r in g.rows:
            cells: list[object] = [
                g.framework.id,
                g.year or "",
                r.rank,
                r.institution,
                r.year,
                _Number(str(r.shown)),
                r.predikat,
                r.source or "",
            ]
            values: list[object] = [""] * len(columns)
            for number, name, value in r.groups:
                values[columns[group_column(g.group_kind, number, name)]] = _Number(display(value))
            ranks: list[object] = []
            for scope in ("category", "province"):
                standing = r.standing(scope)
                ranks += [standing.rank, standing.total] if standing is not None else ["", ""]
            rows.append(cells + values + ranks)
    return rows_to_text(rows)


def group_column(kind: str, number: int, name: str) -> str:
    """A CSV column name for a domain or aspect: kind, number and its name in lower-case ASCII words."""
    import unicodedata

    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    words = "".join(c if c.isalnum() else " " for c in ascii_name.lower()).split()
    return "_".join([kind, str(number), *words])


EVIDENCE_COLUMNS = (
    "indicator", "name", "level", "code", "title", "link", "status", "note", "pic", "value", "secured_level",
    "next_level", "blocks_next_level", "queue_rank", "effect", "at_stake",
)  # fmt: skip


def evidence(result: EvidenceResult, options: RenderOptions) -> str:
    """One row per item; an indicator whose next level has no item recorded gets one row without a code."""
    queue = {entry.indicator.id: (rank, entry) for rank, entry in enumerate(result.queue, start=1)}
    rows: list[list[object]] = [list(EVIDENCE_COLUMNS)]
    for i in result.indicators:
        rank, entry = queue.get(i.id, ("", None))
        common = ["; ".join(i.pic), "" if i.value is None else num(i.value), i.secured or "", i.next_level or ""]
        effect = "" if entry is None or entry.effect is None else num(entry.effect)
        stake = "" if entry is None or entry.effect is None else num(entry.at_stake)
        for level, item in items_by_level(i):
            blocks = item in i.blocking and level == i.next_level
            rows.append(
                [i.id, i.name, level or "", item.code, item.title, item.link, item.status, item.note, *common,
                 "yes" if blocks else "no", rank if blocks else "", effect if blocks else "", stake if blocks else ""]
            )  # fmt: skip
        if entry is not None and not i.blocking:
            rows.append([i.id, i.name, i.next_level, "", "", "", "", "", *common, "yes", rank, effect, stake])
    return rows_to_text(rows)


PUBLISHED_COLUMNS = (
    "year", "institution", "kind", "category", "province", "group", "table", "no", "d1", "d2", "d3", "d4", "index",
    "predikat", "flag", "source",
)  # fmt: skip


def published(result: Listing, options: RenderOptions) -> str:
    """One row per published result, figures as printed; a damaged cell stays empty, with its flag."""
    rows: list[list[object]] = [list(PUBLISHED_COLUMNS)]
    for row in result.rows:
        figures = [_Number(str(value)) if value is not None else "" for value in row.domains]
        rows.append(
            [row.year, row.institution, row.kind, row.category, row.province or "", row.group, row.table, row.number,
             *figures, _Number(str(row.shown)), row.predikat, row.flag or "", row.source]
        )  # fmt: skip
    return rows_to_text(rows)


PLACEMENT_COLUMNS = (
    "among_published", "scope", "group", "rank", "institution", "d1", "d2", "d3", "d4", "index", "predikat", "source",
    "mine",
)  # fmt: skip


def placement(result: Placement, options: RenderOptions) -> str:
    """One row per ranked institution, published or the user's (`mine` true), group by group."""
    rows: list[list[object]] = [list(PLACEMENT_COLUMNS)]
    for g in result.groups:
        for r in g.rows:
            figures = [_Number(str(v)) if v is not None else "" for v in r.domains]
            rows.append(
                [g.year, g.scope, g.name, r.rank, r.institution, *figures, _Number(str(r.shown)), r.predikat, r.source,
                 "true" if r.mine else "false"]
            )  # fmt: skip
    return rows_to_text(rows)
