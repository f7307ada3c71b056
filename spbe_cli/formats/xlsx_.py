"""Results as XLSX workbooks (`--format xlsx`): a summary sheet, then detail sheets.

Pure functions from results to bytes. Indices are stored as they are published (half-up to two
decimals) so that Excel, which rounds the double it holds, can never show another last digit; values,
weights and effects are stored as numbers with a 2- or 4-decimal format, which Excel shows with the
user's own decimal separator. Headers are in the user's language.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from ..core.numbers import round_half_up
from ..core.scoring import ScoreResult
from ..i18n import M, Messages
from . import RenderOptions
from .wording import (
    change_source,
    edge_text,
    external_note,
    group_columns,
    group_kind_label,
    items_by_level,
    queue_effect,
    reference_label,
    standing_text,
)
from .writers.sheetwriter import FOUR_DECIMALS, Number, SheetWriter

if TYPE_CHECKING:
    from ..core.diffing import DiffResult
    from ..core.evidence import EvidenceResult
    from ..core.figures import PublishedResult
    from ..core.planning import PlanResult
    from ..core.published import Listing, Placement
    from ..core.ranking import RankResult
    from ..core.readiness import CheckedFile, CheckResult, Finding
    from ..problems import Place

Rows = list[Sequence[object]]  # a sheet's rows, each a list of cells


def _with_notes(header: list[str], rows: Rows, notes: Sequence[str], t: Messages) -> tuple[list[str], Rows]:
    """A last column with each row's note, where any row needs one: a figure on a band's edge with the
    lower predikat says why. The predikat column itself stays the band's name, to filter on."""
    if not any(notes):
        return header, rows
    return [*header, t(M.pub_note)], [[*row, note] for row, note in zip(rows, notes, strict=True)]


def score(results: Iterable[ScoreResult], options: RenderOptions) -> bytes:
    """Summary, domains, aspects and indicators; the indicators sheet carries each one's offices, its
    value at every stage the files record, target and gap, so it pivots per office or stage."""
    from ..core.stages import LABELS, ordered

    t = options.messages
    n = options.numbers
    book = SheetWriter()
    results = list(results)
    stages = ordered(stage for result in results for stage in result.stages)
    summary: Rows = []
    notes: list[str] = []
    domains: Rows = []
    aspects: Rows = []
    indicators: Rows = []
    for result in results:
        who: list[object] = [result.institution, result.year]
        summary.append(who + [result.framework.id, Number(result.shown), result.predikat, result.source or ""])
        notes.append(edge_text(result.framework, result.index, t))
        for group in result.domains:
            domains.append(who + [group.number, group.name, Number(group.weight), Number(group.shown)])
        for group in result.aspects:
            aspects.append(
                who + [group.domain if group.domain is not None else "", group.number, group.name,
                       Number(group.weight), Number(group.shown)]
            )  # fmt: skip
        entries = result.assessment.entries if result.assessment is not None else {}
        for indicator in result.indicators:
            entry = entries.get(indicator.id)
            by_stage = entry.stage_values if entry is not None else {}
            at_stages = [_values_cell(by_stage.get(stage)) for stage in stages]
            target = indicator.target
            gap = "" if target is None else Number(max(Fraction(0), Fraction(target) - indicator.value))
            indicators.append(
                who + [indicator.domain if indicator.domain is not None else "", indicator.aspect, indicator.id,
                       indicator.name, Number(indicator.weight), Number(indicator.value), *at_stages,
                       Number(target) if target is not None else "", gap,
                       "; ".join(entry.pic) if entry is not None else "",
                       external_note(indicator.external, t, n) if indicator.external is not None else ""]
            )  # fmt: skip
    who_header = [t(M.institution), t(M.year)]
    header = who_header + [t(M.framework), t(M.index), t(M.predikat), t(M.sheet_source)]
    book.sheet(t(M.summary), *_with_notes(header, summary, notes, t))
    if domains:
        book.sheet(t(M.domains), who_header + [t(M.domain), t(M.name), t(M.weight), t(M.index)], domains)
    book.sheet(t(M.aspects), who_header + [t(M.domain), t(M.aspect), t(M.name), t(M.weight), t(M.index)], aspects)
    book.sheet(
        t(M.indicators),
        who_header
        + [t(M.domain), t(M.aspect), t(M.indicator), t(M.name), t(M.weight), t(M.value)]
        + [t(LABELS[stage]) for stage in stages]
        + [t(M.target), t(M.gap), t(M.offices), t(M.ext_source_column)],
        indicators,
        widths=[0, 0, 0, 0, 0, 50] + [0] * (len(stages) + 6) + [50],
    )
    return book.bytes()


def _values_cell(values: tuple[int | Fraction, ...] | None) -> object:
    """A stage's value as a cell: a number, the mean of several services, or empty where not recorded."""
    if not values:
        return ""
    return Number(values[0] if len(values) == 1 else Fraction(sum(values), len(values)))


def diff(result: DiffResult, options: RenderOptions) -> bytes:
    t = options.messages
    book = SheetWriter()
    old, new = result.old, result.new
    header = ["", t(M.institution), t(M.year), t(M.framework), t(M.index), t(M.predikat), t(M.sheet_source)]
    sides: Rows = [
        [t(M.old), old.institution, old.year, old.framework.id, Number(old.shown), old.predikat, old.source or ""],
        [t(M.new), new.institution, new.year, new.framework.id, Number(new.shown), new.predikat, new.source or ""],
        [t(M.change), "", "", "", Number(result.delta), "", ""],
    ]
    notes = [edge_text(old.framework, old.index, t), edge_text(new.framework, new.index, t), ""]
    book.sheet(t(M.summary), *_with_notes(header, sides, notes, t))
    groups = [
        [t(group_kind_label(group.kind)), group.number, group.name, Number(round_half_up(group.old)),
         Number(round_half_up(group.new)), Number(group.delta)]
        for group in result.domains + result.aspects
    ]  # fmt: skip
    book.sheet(t(M.sheet_groups), ["", "#", t(M.name), t(M.old), t(M.new), t(M.change)], groups)
    book.sheet(
        t(M.indicators),
        [t(M.indicator), t(M.name), t(M.aspect), t(M.old), t(M.new), t(M.change), t(M.effect), t(M.ext_source_column)],
        [
            [
                c.id,
                c.name,
                c.aspect,
                Number(c.old),
                Number(c.new),
                Number(c.delta),
                Number(c.effect, FOUR_DECIMALS),
                change_source(c, t, options.numbers),
            ]
            for c in result.indicators
        ],
        widths=[0, 50, 0, 0, 0, 0, 0, 50],
    )
    return book.bytes()


def plan(result: PlanResult, options: RenderOptions) -> bytes:
    t = options.messages
    book = SheetWriter()
    current, reached = result.current, result.reached
    states: Rows = [
        [t(M.sheet_current), Number(current.shown), current.predikat],
        [t(M.target), Number(result.target), result.target_predikat or ""],
        [t(M.sheet_with_plan), Number(reached.shown), reached.predikat],
        [t(M.cost), Number(result.cost), ""],
    ]
    notes = [edge_text(current.framework, current.index, t), "", edge_text(reached.framework, reached.index, t), ""]
    book.sheet(t(M.summary), *_with_notes(["", t(M.index), t(M.predikat)], states, notes, t))
    book.sheet(
        t(M.steps),
        [t(M.indicator), t(M.sheet_service), t(M.name), t(M.aspect), t(M.from_), t(M.to), t(M.steps), t(M.cost),
         t(M.effect)],
        [
            [s.id, s.service or "", s.name, s.aspect, Number(s.start), Number(s.end), s.steps, Number(s.cost),
             Number(s.effect, FOUR_DECIMALS)]
            for s in result.steps
        ],
        widths=[0, 0, 50],
    )  # fmt: skip
    return book.bytes()


def rank(result: RankResult, options: RenderOptions) -> bytes:
    t = options.messages
    book = SheetWriter()
    summary: Rows = []
    for group in result.groups:
        s = group.summary
        # Stored as shown (half-up, 2 decimals), as the other outputs show them: an exact mean such as
        # 2.66116... would make the cell's value differ from its display, and Excel rounds the double
        # it holds, so 2.995 could show 2.99 where spbe says 3.00.
        figures = [Number(round_half_up(figure)) for figure in (s.mean, s.median, s.min, s.max)]
        summary.append(
            [group.framework.id, group.year or "", s.count, *figures] + [count for _, count in s.per_predikat]
        )
    bands: list[str] = []
    for group in result.groups:
        for name, _ in group.summary.per_predikat:
            if name not in bands:
                bands.append(name)
    book.sheet(
        t(M.summary),
        [t(M.framework), t(M.year), t(M.count), t(M.mean), t(M.median), t(M.min), t(M.max)] + bands,
        summary,
    )
    for number, group in enumerate(result.groups, start=1):
        title = f"{t(M.rank)} {group.framework.id}" + (f" {group.year}" if group.year is not None else "")
        if len(title) > 31 or any(g is not group and g.framework.id == group.framework.id for g in result.groups):
            title = f"{t(M.rank)} {number}"[:31] if len(title) > 31 else title
        header = [t(M.rank), t(M.institution), t(M.year), t(M.index), t(M.predikat)] + group_columns(group, t)
        header.append(t(M.sheet_source))
        rows: Rows = [
            [row.rank, row.institution, row.year, Number(row.shown), row.predikat]
            + [Number(round_half_up(value)) for _, _, value in row.groups] + [row.source or ""]
            for row in group.rows
        ]  # fmt: skip
        if group.with_standings:  # the rank among the published results, within category and province
            header += [t(M.rank_in_category), t(M.rank_in_province)]
            rows = [
                [*cells, standing_text(row.standing("category")), standing_text(row.standing("province"))]
                for cells, row in zip(rows, group.rows, strict=True)
            ]
        notes = [edge_text(group.framework, row.index, t) for row in group.rows]
        book.sheet(title, *_with_notes(header, rows, notes, t))
    _references_sheet(result, t, book)
    return book.bytes()


def _references_sheet(result: RankResult, t: Messages, book: SheetWriter) -> None:
    """The published averages each ranking is read against: the index and each domain (or aspect) column
    of the ranking, with the framework and the sources."""
    rows: Rows = []
    width = 0
    for group in result.groups:
        for reference in group.references:
            figures = [reference.index, *reference.groups]
            sources = "; ".join(sorted({a.source for a in figures if a is not None}))
            cells = [Number(a.value) if a is not None else "" for a in figures]
            rows.append([group.framework.id, reference_label(reference, t), sources, *cells])
            width = max(width, len(reference.groups))
    if rows:
        columns = next(group_columns(g, t) for g in result.groups if len(group_columns(g, t)) == width)
        header = [t(M.framework), t(M.rank_averages), t(M.pub_source), t(M.index), *columns]
        book.sheet(t(M.rank_averages), header, rows, widths=[0, 0, 40])


def evidence(result: EvidenceResult, options: RenderOptions) -> bytes:
    """The work queue, then every item: a work list to filter by office or status."""
    from .wording import evidence_notes, queue_items

    t = options.messages
    book = SheetWriter()
    queue: Rows = []
    for rank, entry in enumerate(result.queue, start=1):
        i = entry.indicator
        effect: object = Number(entry.effect, FOUR_DECIMALS) if entry.effect is not None else ""
        if entry.effect is None:
            effect = queue_effect(entry, result, t, options.numbers)
        stake: object = Number(-entry.at_stake, FOUR_DECIMALS) if entry.at_risk else ""
        queue.append(
            [rank, i.id, i.name, Number(i.value) if i.value is not None else "", i.secured or "", entry.next_level,
             effect, stake, "\n".join(queue_items(entry, t)), ", ".join(i.pic)]
        )  # fmt: skip
    book.sheet(
        t(M.ev_sheet_queue) if result.levels_derivable else t(M.summary),
        ["#", t(M.indicator), t(M.name), t(M.value), t(M.ev_secured), t(M.ev_next), t(M.effect), t(M.ev_at_stake),
         t(M.ev_to_finish), t(M.offices)] if result.levels_derivable else [t(M.ev_note)],
        queue if result.levels_derivable else [[note] for note in evidence_notes(result, t)],
        widths=[0, 0, 40, 0, 0, 0, 0, 0, 50],
        wrap=(9,),
    )  # fmt: skip
    items: Rows = []
    for i in result.indicators:
        for level, item in items_by_level(i):
            items.append(
                [i.id, i.name, level if level is not None else t(M.ev_no_code), item.code or "", item.title or "",
                 item.link or "", item.status or "", item.note or "", ", ".join(i.pic)]
            )  # fmt: skip
    book.sheet(
        t(M.ev_sheet_items),
        [t(M.indicator), t(M.name), t(M.level), t(M.ev_code), t(M.ev_item), t(M.ev_link),
         t(M.ev_status), t(M.ev_note), t(M.offices)],
        items,
        widths=[0, 40, 0, 0, 50],
    )  # fmt: skip
    if result.levels_derivable:  # what cannot be derived, said in the workbook too
        book.sheet(t(M.ev_note), [t(M.ev_note)], [[note] for note in evidence_notes(result, t)])
    return book.bytes()


def check(result: CheckResult, options: RenderOptions) -> bytes:
    """The readiness findings as a work list: one sheet (one per office with --by pic), a row per
    finding with where it stands, to filter and hand out."""
    from .wording import check_summary, finding_text, office_name, office_sheet_note, severity_word

    t, n = options.messages, options.numbers
    book = SheetWriter()
    header = [t(M.chk_location), t(M.chk_severity), t(M.indicator), t(M.chk_finding), t(M.offices)]

    def rows(items: Iterable[tuple[CheckedFile, Finding, Place]]) -> Rows:
        return [
            [str(place), severity_word(finding.severity, t), finding.indicator or "",
             finding_text(finding, t, n), ", ".join(finding.offices)]
            for _, finding, place in items
        ]  # fmt: skip

    notes = [note for checked in result.files if (note := office_sheet_note(checked, t)) is not None]
    book.sheet(t(M.summary), [t(M.chk_title)], [[check_summary(result, t)], *[[note] for note in notes]])
    groups = result.by_office() if result.by_pic else [(None, list(result.items()))]
    titles: set[str] = set()
    for office, items in groups:
        title = office_name(office, t)[:31] if result.by_pic else t(M.chk_title)[:31]
        for bad in "[]:*?/\\":
            title = title.replace(bad, "_")
        while title.casefold() in titles:
            title = title[:28] + f"_{len(titles)}"
        titles.add(title.casefold())
        book.sheet(title, header, rows(items), widths=[30, 10, 8, 70, 24], wrap=(4,))
    return book.bytes()


def published(result: Listing, options: RenderOptions) -> bytes:
    """Published results as printed (a damaged cell left empty), the averages, and the sources."""
    from .wording import published_notes

    t = options.messages
    n = options.numbers
    notes: dict[PublishedResult, list[str]] = {}
    for row, note in published_notes(result, t, n):
        notes.setdefault(row, []).append(note)
    book = SheetWriter()
    book.sheet(
        t(M.pub_sheet_results),
        [t(M.year), t(M.institution), t(M.pub_kind), t(M.pub_group), "D1", "D2", "D3", "D4", t(M.index),
         t(M.predikat), t(M.pub_source), t(M.pub_note)],
        [
            [row.year, row.institution, row.kind, row.province or row.group,
             *("" if value is None else Number(value) for value in row.domains),
             Number(row.shown), row.predikat, row.source, "; ".join(notes.get(row, []))]
            for row in result.rows
        ],
        widths=[0, 50, 0, 30, 0, 0, 0, 0, 0, 0, 0, 60],
    )  # fmt: skip
    if result.averages:
        book.sheet(
            t(M.pub_sheet_averages),
            [t(M.year), t(M.pub_category), t(M.index), t(M.pub_source)],
            [[a.year, a.category, Number(a.value), a.source] for a in result.averages],
        )
    book.sheet(
        t(M.pub_sources),
        ["key", t(M.name), "URL"],
        [[s.key, s.title, s.url or ""] for s in result.sources],
        widths=[0, 60, 60],
    )
    return book.bytes()


def placement(result: Placement, options: RenderOptions) -> bytes:
    """One sheet per category (or province): the year's published results with the user's files (▶)."""
    from .wording import placed_predikat, placement_averages

    t = options.messages
    book = SheetWriter()
    header = [t(M.rank), t(M.institution), "D1", "D2", "D3", "D4", t(M.index), t(M.predikat), t(M.pub_source)]
    for number, g in enumerate(result.groups, start=1):
        rows: Rows = [
            [f"▶ {r.rank}" if r.mine else r.rank, r.institution,
             *("" if v is None else Number(v) for v in r.domains), Number(r.shown), placed_predikat(r, t), r.source]
            for r in g.rows
        ]  # fmt: skip
        averages = placement_averages(g, t, options.numbers)
        if averages:
            rows.append(["", averages])
        title = f"{number} {g.name} {g.year}"
        book.sheet(title, header, rows, widths=[0, 50])
    book.sheet(t(M.pub_sources), ["key", t(M.name), "URL"], [[s.key, s.title, s.url or ""] for s in result.sources])
    return book.bytes()
