"""Markdown output: fit for a pull-request comment, a CI step summary or a report draft."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..core.numbers import NumberStyle
from ..core.scoring import GroupScore, ScoreResult
from ..i18n import M, Messages
from . import RenderOptions
from .escaping import markdown as md  # user text as literal one-line Markdown
from .wording import (
    change_source,
    cross_lines,
    diff_heading,
    diff_stage_lines,
    evidence_heading,
    evidence_item_label,
    evidence_notes,
    external_lines,
    items_by_level,
    marked_change,
    office_text,
    overall_line,
    plan_groups,
    plan_lines,
    predikat_line,
    predikat_text,
    queue_effect,
    queue_items,
    score_heading,
    secured_text,
    shown_values,
    step_name,
)

if TYPE_CHECKING:
    from ..core.criteria import LevelCriteria
    from ..core.diffing import DiffResult
    from ..core.evidence import EvidenceResult
    from ..core.figures import Position
    from ..core.framework import Framework
    from ..core.planning import PlanResult
    from ..core.published import Listing, Placement
    from ..core.ranking import RankGroup, RankResult
    from ..core.readiness import CheckedFile, CheckResult, Finding
    from ..problems import Place


def table(header: Sequence[str], rows: Iterable[Sequence[object]], align: str = "") -> str:
    """A GitHub-flavoured table; align is one letter per column ('l' or 'r')."""
    align = align.ljust(len(header), "l")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(":--" if a == "l" else "--:" for a in align) + "|"]
    lines.extend("| " + " | ".join(str(cell) for cell in row) + " |" for row in rows)
    return "\n".join(lines) + "\n"


def score_section(result: ScoreResult, options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    framework = result.framework
    predikat = predikat_text(framework, result.index, t)
    headline = t(M.result_line, index_name=framework.index_name, index=n.index(result.index), predikat=predikat)
    parts = [
        "## " + md(score_heading(result, t)),
        "",
        md(t(M.framework_line, title=framework.title, id=framework.id)),
        "",
        "**" + md(headline) + "**",
        "",
    ]
    if result.published is not None:
        from .wording import reconciliation_line

        parts += [md(reconciliation_line(result.published, t, n)), ""]
    if result.domains:
        parts += _groups_section(t(M.domains), t(M.domain), result.domains, t, n)
    parts += _groups_section(t(M.aspects), t(M.aspect), result.aspects, t, n)
    sourced = external_lines(result, t, n)
    if sourced:
        parts += [
            f"### {t(M.ext_section)}",
            "",
            table(
                ["#", t(M.indicator), t(M.value), ""],
                ([md(i), md(name), value, md(note)] for i, name, value, note in sourced),
                "llrl",
            ),
        ]
    if result.position is not None:
        parts += _position_section(result.position, framework.index_name, t, n)
    if options.detail:
        parts += _indicators_section(result, t, n)
    return "\n".join(parts)


def _position_section(position: Position, index_name: str, t: Messages, n: NumberStyle) -> list[str]:
    from .wording import (
        position_header,
        position_heading,
        position_notes,
        position_rows,
        position_sources,
        standing_lines,
    )

    parts = [f"### {md(position_heading(position, t))}", ""]
    parts += [md(note) + "\n" for note in position_notes(position, index_name, t)]
    if position.comparisons:
        rows = ([md(row[0]), *row[1:]] for row in position_rows(position, t, n))
        parts.append(table([md(h) for h in position_header(position, t)], rows, "lrrrrr"))
    parts += [md(line) + "\n" for line in standing_lines(position, t)]
    sources = position_sources(position, t)
    if sources:
        parts += [md(sources), ""]
    return parts


def _groups_section(
    title: str, name_header: str, groups: Iterable[GroupScore], t: Messages, n: NumberStyle
) -> list[str]:
    """Domains or aspects: number, name, weight, index."""
    # No predikat next to a domain or aspect: the official reports rate only the overall index.
    rows = ([g.number, md(g.name), n.number(g.weight), n.index(g.exact)] for g in groups)
    return [f"### {title}", "", table(["#", name_header, t(M.weight), t(M.index)], rows, "llrr")]


def _indicators_section(result: ScoreResult, t: Messages, n: NumberStyle) -> list[str]:
    """--detail: every indicator, with level names and targets where the file has any."""
    whole = result.framework.integer_values
    with_levels = any(i.level_name for i in result.indicators)  # Pemdi names no levels: no empty column
    with_targets = any(i.target is not None for i in result.indicators)
    header = ["#", t(M.indicator), t(M.aspect), t(M.weight), t(M.value)]
    header += [t(M.level)] * with_levels + [t(M.target)] * with_targets
    rows = []
    for i in result.indicators:
        value = " / ".join(n.value(v, whole) for v in i.values) if len(i.values) > 1 else n.value(i.value, whole)
        row: list[object] = [md(i.id), md(i.name), i.aspect, n.number(i.weight, 4), value]
        if with_levels:
            row.append(md(i.level_name or ""))
        if with_targets:
            row.append(n.value(i.target, whole) if i.target is not None else "")
        rows.append(row)
    return [f"### {t(M.indicators)}", "", table(header, rows, "lllrr" + "l" * with_levels + "r" * with_targets)]


def score(results: Iterable[ScoreResult], options: RenderOptions) -> Iterator[str]:
    for position, result in enumerate(results):
        yield ("\n" if position else "") + score_section(result, options)


def frameworks(items: Sequence[Framework], options: RenderOptions) -> str:
    t = options.messages
    return table(
        ["id", t(M.framework), t(M.year), t(M.value), t(M.indicators)],
        (
            [
                md(f.id),
                md(f.regulation),
                f"{f.first_year}–{f.last_year or ''}",
                f"{f.value_type} {f.min_value}–{f.max_value}",
                len(f.indicators),
            ]
            for f in items
        ),
        "llllr",
    )


def indicators(items: Sequence[Framework], options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    sections = []
    for f in items:
        aspect_names = {a.number: a.name for a in f.aspects}
        domain_names: dict[int | None, str] = {d.number: d.name for d in f.domains}
        header = ["#", t(M.indicator), t(M.weight), t(M.aspect)] + ([t(M.domain)] if f.domains else [])
        rows = (
            [md(i.id), md(i.name), n.number(i.weight), md(f"{i.aspect} {aspect_names[i.aspect]}")]
            + ([md(f"{i.domain} {domain_names[i.domain]}")] if f.domains else [])
            for i in f.indicators
        )
        sections.append(f"## {md(f.title)} ({md(f.id)})\n\n" + table(header, rows, "llrll"))
        found = (options.criteria or {}).get(f.id)
        if found is not None:
            sections.append(_criteria_section(f, found, options))
    return "\n".join(sections)


def _criteria_section(f: Framework, found: LevelCriteria, options: RenderOptions) -> str:
    """Each indicator's level criteria, under a heading saying what the text is and where it comes from."""
    from .wording import criteria_heading, criteria_lines

    t = options.messages
    parts = [f"### {md(criteria_heading(found, t))}", ""]
    if found.official:  # the extraction's heading names its source itself
        parts += [md(t(M.criteria_source, url=found.url)), ""]
    for indicator in f.indicators:
        lines = criteria_lines(f, indicator, found)
        if lines:
            parts += [f"**{md(indicator.id)} {md(indicator.name)}**", ""] + [f"- {md(line)}" for line in lines] + [""]
    return "\n".join(parts)


def diff(result: DiffResult, options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    parts = _diff_heading(result, t, n)
    if not result.same_institution:
        parts += ["> " + md(t(M.diff_other_institution, old=result.old.institution, new=result.new.institution)), ""]
    for title, changes in ((t(M.domains), result.domains), (t(M.aspects), result.aspects)):
        if changes:
            rows = (
                [c.number, md(c.name), n.index(c.old), n.index(c.new), marked_change(n.change(c.delta))]
                for c in changes
            )
            parts += [f"### {title}", "", table(["#", t(M.name), t(M.old), t(M.new), t(M.change)], rows, "llrrr")]
    if result.same_framework:
        parts += [f"### {t(M.diff_changed_indicators)}", ""]
        if result.indicators:
            parts.append(_indicator_changes_table(result, t, n))
        else:
            parts += [md(t(M.diff_no_change)), ""]
    return "\n".join(parts)


def _diff_heading(result: DiffResult, t: Messages, n: NumberStyle) -> list[str]:
    """What is compared and how the index and predikat moved; across frameworks, why they cannot be."""
    stage_lines = [md(line) + "\n" for line in diff_stage_lines(result, t, n)]
    if not result.same_framework:
        heading, instruments, *rest = cross_lines(result, t, n)
        parts = ["## " + md(heading), "", "> " + md(instruments), ""]
        parts += [item for line in rest for item in (md(line), "")]
        return parts + stage_lines
    return [
        "## " + md(diff_heading(result, t)),
        "",
        "**" + md(overall_line(result, t, n)) + "**",
        "",
        md(predikat_line(result, t)),
        "",
        *stage_lines,
    ]


def _indicator_changes_table(result: DiffResult, t: Messages, n: NumberStyle) -> str:
    """The changed indicators, largest effect first, with where an external value came from."""
    whole = result.new.framework.integer_values
    with_sources = any(i.external for i in result.indicators)
    header = ["#", t(M.indicator), t(M.old), t(M.new), t(M.change), t(M.effect)]
    header += [t(M.ext_source_column)] if with_sources else []
    rows = []
    for i in result.indicators:
        row = [
            md(i.id),
            md(i.name),
            shown_values(i.old_values, n, whole),
            shown_values(i.new_values, n, whole),
            marked_change(n.value_change(i.delta, whole)),
            n.change(i.effect, 4),
        ]
        rows.append(row + ([md(change_source(i, t, n))] if with_sources else []))
    return table(header, rows, "llrrrrl")


def plan(result: PlanResult, options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    whole = result.current.framework.integer_values
    heading, current, reached, *notes = plan_lines(result, t, n)
    parts = [f"## {md(heading)}", "", md(current), "", f"**{md(reached)}**", ""]
    parts += [item for note in notes for item in ("> " + md(note), "")]
    with_offices = any(s.pic for s in result.steps)
    for office, steps in plan_groups(result, options) if result.steps else []:
        header = ["#", t(M.indicator), t(M.aspect), t(M.from_), t(M.to), t(M.cost), t(M.effect)]
        header += [t(M.office)] if with_offices and office is None else []
        rows = []
        for s in steps:
            row = [
                md(s.id),
                md(step_name(s, t)),
                s.aspect,
                n.value(s.start, whole),
                n.value(s.end, whole),
                n.number(s.cost),
                n.change(s.effect, 4),
            ]
            rows.append(row + ([md(office_text(s))] if with_offices and office is None else []))
        if office is not None:
            parts += [f"### {md(office)}", ""]
        parts.append(table(header, rows, "llrrrrrl"))
    return "\n".join(parts)


def rank(result: RankResult, options: RenderOptions) -> str:
    from .wording import group_columns, group_legend, rank_heading, standing_text, summary_rows

    t = options.messages
    n = options.numbers
    parts = []
    for g in result.groups:
        columns = group_columns(g, t)
        standings = [t(M.rank_in_category), t(M.rank_in_province)] if g.with_standings else []
        parts += [
            f"## {md(rank_heading(g, t))}",
            "",
            table(
                [t(M.rank), t(M.institution), t(M.year), t(M.index), t(M.predikat)] + columns + standings,
                (
                    [r.rank, md(r.institution), r.year, n.index(r.index), md(predikat_text(g.framework, r.index, t))]
                    + [n.index(v) for _, _, v in r.groups]
                    + (
                        [standing_text(r.standing("category")), standing_text(r.standing("province"))]
                        if standings
                        else []
                    )
                    for r in g.rows
                ),
                "rlrrl" + "r" * (len(columns) + len(standings)),
            ),
            md(group_legend(g, t)),
            "",
            *([md(t(M.rank_standings_legend)), ""] if standings else []),
            *_references_section(g, t, n),
            *([md(t(M.pos_framework, index_name=g.framework.index_name)), ""] if g.unpublished else []),
            f"### {t(M.summary)}",
            "",
            table([t(M.summary), ""], ([md(k), v] for k, v in summary_rows(g, t, n)), "lr"),
        ]
    total = result.scored + len(result.failed)
    parts.append(md(t(M.rank_files, scored=result.scored, total=total)))
    if result.failed:
        parts += ["", md(t(M.rank_failed_files, count=len(result.failed))) + ":", ""]
        parts += [f"- {md(path)}" for path in result.failed]
    return "\n".join(parts) + "\n"


def _references_section(g: RankGroup, t: Messages, n: NumberStyle) -> list[str]:
    """The published averages to read a ranking against, with their sources."""
    from .wording import group_columns, reference_cells, reference_label, reference_sources

    if not g.references:
        return []
    rows = ([md(reference_label(r, t)), *reference_cells(r, n)] for r in g.references)
    header = [t(M.rank_averages), t(M.index), *group_columns(g, t)]
    return [table(header, rows, "l" + "r" * (len(header) - 1)), md(reference_sources(g, t)), ""]


def evidence(result: EvidenceResult, options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    parts = [f"## {md(evidence_heading(result, t))}", ""]
    parts += [item for note in evidence_notes(result, t) for item in ("> " + md(note), "")]
    if result.levels_derivable:
        parts += [f"### {md(t(M.ev_queue))}", ""]
        if result.queue:
            parts += [_queue_table(result, t, n), md(t(M.ev_effect_meaning)), ""]
        else:
            parts += [md(t(M.ev_queue_empty)), ""]
    if result.with_items:
        parts += [f"### {md(t(M.ev_items))}", "", _items_table(result, t)]
    return "\n".join(parts)


def _queue_table(result: EvidenceResult, t: Messages, n: NumberStyle) -> str:
    """The work queue: per indicator the next level, its effect on the index and what blocks it."""
    whole = result.framework.integer_values
    header = [
        "#",
        t(M.indicator),
        t(M.value),
        t(M.ev_secured),
        t(M.ev_next),
        t(M.effect),
        t(M.ev_to_finish),
        t(M.offices),
    ]
    rows = (
        [
            rank,
            md(f"{e.indicator.id} {e.indicator.name}"),
            "-" if e.indicator.value is None else n.value(e.indicator.value, whole),
            secured_text(e.indicator),
            e.next_level,
            md(queue_effect(e, result, t, n)),
            "<br>".join(md(text) for text in queue_items(e, t)),
            md(", ".join(e.indicator.pic)),
        ]
        for rank, e in enumerate(result.queue, start=1)
    )
    return table(header, rows, "rlrrrrll")


def _items_table(result: EvidenceResult, t: Messages) -> str:
    """Every evidence item, indicator by indicator and level by level, with its status and note."""
    rows = []
    for i in result.with_items:
        listed = [(t(M.ev_no_code) if level is None else str(level), item) for level, item in items_by_level(i)]
        head = f"{i.id} {i.name} ({t(M.ev_accepted, accepted=i.accepted, total=len(i.items))})"
        for position, (level, item) in enumerate(listed):
            rows.append(
                [md(head) if position == 0 else "", secured_text(i) if position == 0 else "", md(level),
                 md(evidence_item_label(item)), md(item.status or "-"), md(item.note or "")]
            )  # fmt: skip
    header = [t(M.indicator), t(M.ev_secured), t(M.level), t(M.ev_item), t(M.ev_status), t(M.ev_note)]
    return table(header, rows, "lrrlll")


def check(result: CheckResult, options: RenderOptions) -> str:
    """The readiness findings as tables: one for all, or one per office (--by pic)."""
    from .wording import check_summary, finding_text, office_name, office_sheet_note, severity_word

    t, n = options.messages, options.numbers
    header = [t(M.chk_location), t(M.chk_severity), t(M.chk_finding)]

    def rows(items: Iterable[tuple[CheckedFile, Finding, Place]]) -> Iterator[list[str]]:
        return (
            [md(str(place)), severity_word(finding.severity, t), md(finding_text(finding, t, n))]
            for _, finding, place in items
        )

    parts = [f"## {t(M.chk_title)}", "", f"**{md(check_summary(result, t))}**", ""]
    notes = [note for checked in result.files if (note := office_sheet_note(checked, t)) is not None]
    parts += [f"- {md(note)}" for note in notes] + ([""] if notes else [])
    if result.by_pic:
        for office, items in result.by_office():
            parts += [f"### {md(t(M.chk_office, office=office_name(office, t), count=len(items)))}", ""]
            parts += [table(header, rows(items)), ""]
    elif any(True for _ in result.items()):
        parts += [table(header, rows(result.items())), ""]
    return "\n".join(parts).rstrip("\n") + "\n"


def published(result: Listing, options: RenderOptions) -> str:
    from .wording import published_heading, published_notes

    t = options.messages
    n = options.numbers
    header = [t(M.year), t(M.institution), t(M.pub_group), "D1", "D2", "D3", "D4"]
    header += [t(M.index), t(M.predikat), t(M.pub_source)]
    rows = (
        [row.year, md(row.institution), md(row.province or row.group)]
        + ["-" if value is None else n.index(value) for value in row.domains]
        + [n.index(row.shown), md(row.predikat), md(row.source)]
        for row in result.rows
    )
    parts = [f"## {md(published_heading(result, t))}", "", table(header, rows, "rll" + "r" * 5 + "ll")]
    parts.append(md(t(M.pub_count, count=len(result.rows))))
    notes = published_notes(result, t, n)
    if notes:
        parts += ["", *(f"- {row.year} {md(row.institution)}: {md(note)}" for row, note in notes)]
    if result.averages:
        rows_of_averages = ([a.year, md(a.category), n.index(a.value), md(a.source)] for a in result.averages)
        parts += [
            "",
            f"### {t(M.pub_averages)}",
            "",
            table([t(M.year), t(M.pub_category), t(M.index), t(M.pub_source)], rows_of_averages, "rlrl"),
        ]
    if result.sources:
        parts += ["", f"### {t(M.pub_sources)}", ""]
        # our own links: an autolink keeps each whole
        parts += [f"- {md(s.key)}: {md(s.title)}" + (f" <{s.url}>" if s.url else "") for s in result.sources]
    return "\n".join(parts) + "\n"


def placement(result: Placement, options: RenderOptions) -> str:
    from .wording import placed_predikat, placement_averages, placement_heading

    t = options.messages
    n = options.numbers
    parts: list[str] = []
    header = [t(M.rank), t(M.institution), "D1", "D2", "D3", "D4", t(M.index), t(M.predikat), t(M.pub_source)]
    for g in result.groups:

        def strong(text: str, mine: bool) -> str:
            return f"**{text}**" if mine and text else text

        rows = (
            [strong(f"▶ {r.rank}" if r.mine else str(r.rank), r.mine), strong(md(r.institution), r.mine)]
            + [strong("-" if v is None else n.index(v), r.mine) for v in r.domains]
            + [
                strong(n.index(r.shown), r.mine),
                strong(md(placed_predikat(r, t)), r.mine),
                strong(md(r.source), r.mine),
            ]
            for r in g.rows
        )
        parts += [f"## {md(placement_heading(g, t))}", "", table(header, rows, "rl" + "r" * 5 + "ll")]
        averages = placement_averages(g, t, n)
        if averages:
            parts += [md(averages), ""]
    if result.sources:
        parts += [f"### {t(M.pub_sources)}", ""]
        parts += [f"- {md(s.key)}: {md(s.title)}" + (f" <{s.url}>" if s.url else "") for s in result.sources]
    return "\n".join(parts) + "\n"
