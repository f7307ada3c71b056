"""Markdown output: fit for a pull-request comment, a CI step summary or a report draft."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from ..core.scoring import ScoreResult
from ..i18n import M
from . import RenderOptions
from .escaping import markdown as md  # user text as literal one-line Markdown
from .wording import (
    change_source,
    cross_lines,
    diff_stage_lines,
    evidence_heading,
    evidence_notes,
    external_lines,
    marked_change,
    office_text,
    plan_groups,
    plan_lines,
    predikat_line,
    queue_effect,
    queue_items,
    score_heading,
    secured_text,
    step_name,
)

if TYPE_CHECKING:
    from ..core.diffing import DiffResult
    from ..core.evidence import EvidenceResult
    from ..core.framework import Framework
    from ..core.planning import PlanResult
    from ..core.ranking import RankResult
    from ..core.readiness import CheckedFile, CheckResult, Finding, Place


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
    whole = framework.integer_values
    parts = [
        "## " + md(score_heading(result, t)),
        "",
        md(t(M.framework_line, title=framework.title, id=framework.id)),
        "",
        "**"
        + md(t(M.result_line, index_name=framework.index_name, index=n.index(result.index), predikat=result.predikat))
        + "**",
        "",
    ]
    # No predikat next to a domain or aspect: the official reports rate only the overall index.
    if result.domains:
        parts += [
            f"### {t(M.domains)}",
            "",
            table(
                ["#", t(M.domain), t(M.weight), t(M.index)],
                ([d.number, md(d.name), n.number(d.weight), n.index(d.exact)] for d in result.domains),
                "llrr",
            ),
        ]
    parts += [
        f"### {t(M.aspects)}",
        "",
        table(
            ["#", t(M.aspect), t(M.weight), t(M.index)],
            ([a.number, md(a.name), n.number(a.weight), n.index(a.exact)] for a in result.aspects),
            "llrr",
        ),
    ]
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
    if options.detail:
        with_levels = any(i.level_name for i in result.indicators)  # Pemdi names no levels: no empty column
        with_targets = any(i.target is not None for i in result.indicators)
        header = ["#", t(M.indicator), t(M.aspect), t(M.weight), t(M.value)]
        header += [t(M.level)] * with_levels + [t(M.target)] * with_targets
        rows = []
        for i in result.indicators:
            value = " / ".join(n.value(v, whole) for v in i.values) if len(i.values) > 1 else n.value(i.value, whole)
            row = [md(i.id), md(i.name), i.aspect, n.number(i.weight, 4), value]
            if with_levels:
                row.append(md(i.level_name or ""))
            if with_targets:
                row.append(n.value(i.target, whole) if i.target is not None else "")
            rows.append(row)
        parts += [f"### {t(M.indicators)}", "", table(header, rows, "lllrr" + "l" * with_levels + "r" * with_targets)]
    return "\n".join(parts)


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
    return "\n".join(sections)


def diff(result: DiffResult, options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    old, new = result.old, result.new
    framework = new.framework
    whole = framework.integer_values
    stage_lines = [md(line) + "\n" for line in diff_stage_lines(result, t, n)]
    parts = [
        "## "
        + md(
            t(
                M.diff_heading,
                index_name=framework.index_name,
                old_institution=old.institution,
                old_year=old.year,
                new_institution=new.institution,
                new_year=new.year,
            )
        ),  # fmt: skip
        "",
        "**"
        + md(
            t(
                M.diff_overall,
                old=n.index(old.index),
                old_predikat=old.predikat,
                new=n.index(new.index),
                new_predikat=new.predikat,
                delta=n.change(result.delta),
            )
        )
        + "**",  # fmt: skip
        "",
        md(predikat_line(result, t)),
        "",
        *stage_lines,
    ]
    if not result.same_framework:
        heading, instruments, *rest = cross_lines(result, t, n)
        parts = ["## " + md(heading), "", "> " + md(instruments), ""]
        parts += [item for line in rest for item in (md(line), "")]
        parts += stage_lines
    if not result.same_institution:
        parts += ["> " + md(t(M.diff_other_institution, old=old.institution, new=new.institution)), ""]
    for title, changes in ((t(M.domains), result.domains), (t(M.aspects), result.aspects)):
        if changes:
            parts += [
                f"### {title}",
                "",
                table(
                    ["#", t(M.name), t(M.old), t(M.new), t(M.change)],
                    (
                        [c.number, md(c.name), n.index(c.old), n.index(c.new), marked_change(n.change(c.delta))]
                        for c in changes
                    ),
                    "llrrr",
                ),
            ]
    if result.same_framework:
        parts += [f"### {t(M.diff_changed_indicators)}", ""]
        if result.indicators:
            with_sources = any(i.external for i in result.indicators)
            parts.append(
                table(
                    ["#", t(M.indicator), t(M.old), t(M.new), t(M.change), t(M.effect)]
                    + ([t(M.ext_source_column)] if with_sources else []),
                    (
                        [
                            md(i.id),
                            md(i.name),
                            " / ".join(n.value(v, whole) for v in i.old_values),
                            " / ".join(n.value(v, whole) for v in i.new_values),
                            marked_change(n.value_change(i.delta, whole)),
                            n.change(i.effect, 4),
                        ]
                        + ([md(change_source(i, t, n))] if with_sources else [])
                        for i in result.indicators
                    ),
                    "llrrrrl",
                )
            )
        else:
            parts += [md(t(M.diff_no_change)), ""]
    return "\n".join(parts)


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
    from .wording import group_columns, group_legend, rank_heading, summary_rows

    t = options.messages
    n = options.numbers
    parts = []
    for g in result.groups:
        columns = group_columns(g, t)
        parts += [
            f"## {md(rank_heading(g, t))}",
            "",
            table(
                [t(M.rank), t(M.institution), t(M.year), t(M.index), t(M.predikat)] + columns,
                (
                    [r.rank, md(r.institution), r.year, n.index(r.index), md(r.predikat)]
                    + [n.index(v) for _, _, v in r.groups]
                    for r in g.rows
                ),
                "rlrrl" + "r" * len(columns),
            ),
            md(group_legend(g, t)),
            "",
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


def evidence(result: EvidenceResult, options: RenderOptions) -> str:
    t = options.messages
    n = options.numbers
    whole = result.framework.integer_values
    parts = [f"## {md(evidence_heading(result, t))}", ""]
    parts += [item for note in evidence_notes(result, t) for item in ("> " + md(note), "")]
    if result.levels_derivable:
        parts += [f"### {md(t(M.ev_queue))}", ""]
        if result.queue:
            parts.append(
                table(
                    [
                        "#",
                        t(M.indicator),
                        t(M.value),
                        t(M.ev_secured),
                        t(M.ev_next),
                        t(M.effect),
                        t(M.ev_to_finish),
                        t(M.offices),
                    ],
                    (
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
                    ),
                    "rlrrrrll",
                )  # fmt: skip
            )
            parts += [md(t(M.ev_effect_meaning)), ""]
        else:
            parts += [md(t(M.ev_queue_empty)), ""]
    if result.with_items:
        parts += [f"### {md(t(M.ev_items))}", ""]
        rows = []
        for i in result.with_items:
            listed = [(str(level.level), item) for level in i.levels for item in level.items]
            listed += [(t(M.ev_no_code), item) for item in i.uncoded]
            for position, (level, item) in enumerate(listed):
                head = f"{i.id} {i.name} ({t(M.ev_accepted, accepted=i.accepted, total=len(i.items))})"
                rows.append(
                    [md(head) if position == 0 else "", secured_text(i) if position == 0 else "", md(level),
                     md(" ".join(part for part in (item.code, item.title or item.link) if part)),
                     md(item.status or "-"), md(item.note or "")]
                )  # fmt: skip
        parts.append(
            table(
                [t(M.indicator), t(M.ev_secured), t(M.level), t(M.ev_item), t(M.ev_status), t(M.ev_note)],
                rows,
                "lrrlll",
            )
        )
    return "\n".join(parts)


def check(result: CheckResult, options: RenderOptions) -> str:
    """The readiness findings as tables: one for all, or one per office (--by pic)."""
    from .wording import check_summary, finding_text, office_name, severity_word

    t, n = options.messages, options.numbers
    header = [t(M.chk_location), t(M.chk_severity), t(M.chk_finding)]

    def rows(items: Iterable[tuple[CheckedFile, Finding, Place]]) -> Iterator[list[str]]:
        return (
            [md(str(place)), severity_word(finding.severity, t), md(finding_text(finding, t, n))]
            for _, finding, place in items
        )

    parts = [f"## {t(M.chk_title)}", "", f"**{md(check_summary(result, t))}**", ""]
    if result.by_pic:
        for office, items in result.by_office():
            parts += [f"### {md(t(M.chk_office, office=office_name(office, t), count=len(items)))}", ""]
            parts += [table(header, rows(items)), ""]
    elif any(True for _ in result.items()):
        parts += [table(header, rows(result.items())), ""]
    return "\n".join(parts).rstrip("\n") + "\n"
