"""Rich tables for the terminal: indices as coloured bars so weak areas stand out."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from rich.console import Console, JustifyMethod, RenderableType
from rich.console import Group as RenderGroup
from rich.table import Table
from rich.text import Text

from ..core.framework import Framework, Group
from ..core.numbers import NumberStyle, round_half_up
from ..core.scoring import GroupScore, ScoreResult
from ..i18n import M, Message, Messages
from . import RenderOptions
from .escaping import defuse_workflow_commands, visible
from .wording import (
    assessor_note,
    change_source,
    criteria_heading,
    criteria_lines,
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
    plan_groups,
    plan_lines,
    predikat_line,
    predikat_text,
    queue_effect,
    queue_items,
    score_heading,
    secured_text,
    shown_values,
    stage_label,
    step_name,
)

if TYPE_CHECKING:
    from ..core.diffing import DiffResult, GroupChange
    from ..core.evidence import EvidenceResult
    from ..core.figures import Position
    from ..core.planning import PlanResult
    from ..core.published import Listing, Placement
    from ..core.ranking import RankGroup, RankResult

BAND_STYLES = ("red", "yellow", "cyan", "green", "bold green")  # lowest band first
BAR_WIDTH = 20


def console(options: RenderOptions, file: io.StringIO) -> Console:
    """A console that renders into `file`; markup off, so user text is never read as Rich markup."""
    return Console(
        file=file,
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


def render(renderables: Iterable[RenderableType], options: RenderOptions) -> str:
    buffer = io.StringIO()
    out = console(options, buffer)
    for item in renderables:
        out.print(item)
    return defuse_workflow_commands(buffer.getvalue())


def visible_text(text: str = "", style: str = "") -> Text:
    """Rich text whose characters are all visible: user text cannot move the cursor or reorder a line."""
    return Text(visible(text), style=style)


class _Visible(Messages):
    """Messages whose placeholder values are made visible before they are put into a sentence."""

    def __init__(self, messages: Messages):
        super().__init__(messages.language)

    def __call__(self, message: Message, /, **values: object) -> str:
        return super().__call__(message, **{k: visible(v) if isinstance(v, str) else v for k, v in values.items()})


def band_style(framework: Framework, value: Fraction | int) -> str:
    name = framework.predikat(value)  # the band of the exact value, as the predikat is decided
    return BAND_STYLES[min(framework.band_rank(name), len(BAND_STYLES) - 1)]


def bar(framework: Framework, value: Fraction) -> Text:
    span = framework.max_value - framework.min_value
    filled = int(round_half_up((Fraction(value) - framework.min_value) / span * BAR_WIDTH, 0))
    return visible_text("█" * filled + "░" * (BAR_WIDTH - filled), style=band_style(framework, value))


def index_text(framework: Framework, value: Fraction, numbers: NumberStyle) -> Text:
    return visible_text(numbers.index(value), style=band_style(framework, value))


def _grid(
    title: str | None,
    columns: Iterable[tuple[str, JustifyMethod]],
    *,
    show_header: bool = True,
    caption: str | None = None,
) -> Table:
    """A table with its title (and caption) on the left and the given (header, alignment) columns."""
    grid = Table(title=title, title_justify="left", show_header=show_header, caption=caption, caption_justify="left")
    for header, justify in columns:
        grid.add_column(header, justify=justify)
    return grid


def score_renderables(result: ScoreResult, options: RenderOptions) -> list[RenderableType]:
    t = _Visible(options.messages)
    n = options.numbers
    parts = _score_summary(result, t, n)
    if result.domains:
        parts.append(_groups_table(t(M.domains), t(M.domain), result.domains, result.framework, t, n))
    parts.append(_groups_table(t(M.aspects), t(M.aspect), result.aspects, result.framework, t, n))
    sourced = external_lines(result, t, n)
    if sourced:
        parts.append(_external_table(sourced, t))
    if result.position is not None:
        parts += _position_parts(result.position, result.framework.index_name, t, n)
    if options.detail:
        parts.append(_indicators_table(result, t, n))
    return [RenderGroup(*parts)]


def _position_parts(position: Position, index_name: str, t: Messages, n: NumberStyle) -> list[RenderableType]:
    """The position against the published averages: notes, the table, the ranks, the sources."""
    from .wording import (
        position_header,
        position_heading,
        position_notes,
        position_rows,
        position_sources,
        standing_lines,
    )

    parts: list[RenderableType] = [visible_text(position_heading(position, t), style="bold")]
    parts += [
        visible_text(note, style="yellow" if position.reason else "")
        for note in position_notes(position, index_name, t)
    ]
    if position.comparisons:
        header = position_header(position, t)
        grid = _grid(None, [(header[0], "left"), *((column, "right") for column in header[1:])])
        for row in position_rows(position, t, n):
            grid.add_row(visible_text(row[0]), *row[1:])
        parts.append(grid)
    parts += [visible_text(line) for line in standing_lines(position, t)]
    sources = position_sources(position, t)
    if sources:
        parts.append(visible_text(sources, style="dim"))
    parts.append(visible_text(""))
    return parts


def _score_summary(result: ScoreResult, t: Messages, n: NumberStyle) -> list[RenderableType]:
    """The heading, the framework, the index with its predikat and bar, the index at each stage."""
    framework = result.framework
    summary = Text.assemble(
        (f"{visible(framework.index_name)}: ", "bold"),
        (n.index(result.index), "bold " + band_style(framework, result.index)),
        " ",
        (f"({visible(predikat_text(framework, result.index, t))})", band_style(framework, result.index)),
        "  ",
        bar(framework, result.index),
    )
    parts: list[RenderableType] = [
        visible_text(score_heading(result, t), style="bold"),
        visible_text(t(M.framework_line, title=framework.title, id=framework.id), style="dim"),
        summary,
    ]
    if result.by_stage:
        items = ", ".join(f"{t(stage_label(stage))} {n.index(index)}" for stage, index in result.by_stage.items())
        parts.append(visible_text(t(M.by_stage_line, items=items)))
    if result.published is not None:
        from .wording import reconciliation_line

        style = "green" if result.published.reproduces else "yellow"
        parts.append(visible_text(reconciliation_line(result.published, t, n), style=style))
    parts.append(visible_text(""))
    return parts


def _groups_table(
    title: str, name_header: str, groups: Iterable[GroupScore], framework: Framework, t: Messages, n: NumberStyle
) -> Table:
    """Domains or aspects: number, name, weight, index and a bar in the colour of the index's band."""
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("#", "right"),
        (name_header, "left"),
        (t(M.weight), "right"),
        (t(M.index), "right"),
        ("", "left"),
    )
    grid = _grid(title, columns)
    # No predikat here: the official reports rate only the overall index; the colour band stays.
    for g in groups:
        grid.add_row(
            str(g.number),
            visible_text(g.name),
            n.number(g.weight),
            index_text(framework, g.exact, n),
            bar(framework, g.exact),
        )
    return grid


def _external_table(sourced: Iterable[tuple[str, str, str, str]], t: Messages) -> Table:
    """The indicators another agency's index sets: value and where it came from."""
    grid = _grid(t(M.ext_section), (("#", "right"), (t(M.indicator), "left"), (t(M.value), "right"), ("", "left")))
    for indicator_id, name, value_shown, note in sourced:
        grid.add_row(visible_text(indicator_id), visible_text(name), value_shown, visible_text(note))
    return grid


def _indicators_table(result: ScoreResult, t: Messages, n: NumberStyle) -> Table:
    """--detail: every indicator, with the columns the file has anything for (levels, targets, ...)."""
    framework = result.framework
    whole = framework.integer_values
    with_levels = any(i.level_name for i in result.indicators)  # Pemdi names no levels: no empty column
    with_targets = any(i.target is not None for i in result.indicators)
    entries = result.assessment.entries if result.assessment is not None else {}
    with_pic = any(entry.pic for entry in entries.values())
    with_evidence = any(entry.evidence for entry in entries.values())
    stage_columns = list(result.by_stage) if result.by_stage else []
    columns: list[tuple[str, JustifyMethod, bool]] = [
        ("#", "right", True),
        (t(M.indicator), "left", True),
        (t(M.aspect), "right", True),
        (t(M.weight), "right", True),
        *((t(stage_label(stage)), "right", True) for stage in stage_columns),
        (t(M.value), "right", True),
        (t(M.level), "left", with_levels),
        (t(M.target), "right", with_targets),
        (t(M.gap), "right", with_targets),
        (t(M.offices), "left", with_pic),
        (t(M.evidence_count), "right", with_evidence),
    ]
    grid = _grid(t(M.indicators), [(column, justify) for column, justify, shown in columns if shown])
    for i in result.indicators:
        entry = entries.get(i.id)
        value = visible_text(n.value(i.value, whole), style=band_style(framework, i.value))
        if len(i.values) > 1:
            value.append(f" ({' / '.join(n.value(v, whole) for v in i.values)})", style="dim")
        cells: list[RenderableType] = [visible_text(i.id), visible_text(i.name), str(i.aspect), n.number(i.weight, 4)]
        for stage in stage_columns:
            at_stage = entry.values_at(stage) if entry is not None else None
            cells.append(shown_values(at_stage, n, whole))
        cells.append(value)
        if with_levels:
            cells.append(visible_text(i.level_name or ""))
        if with_targets:
            cells.append(n.value(i.target, whole) if i.target is not None else "")
            gap = max(Fraction(0), Fraction(i.target) - i.value) if i.target is not None else None
            cells.append(n.value(gap, False) if gap else "")
        if with_pic:
            cells.append(visible_text(", ".join(entry.pic) if entry is not None else ""))
        if with_evidence:
            cells.append(str(len(entry.evidence)) if entry is not None and entry.evidence else "")
        grid.add_row(*cells)
    return grid


def score(results: Iterable[ScoreResult], options: RenderOptions) -> Iterator[str]:
    for position, result in enumerate(results):
        yield ("\n" if position else "") + render(score_renderables(result, options), options)


def frameworks(items: Sequence[Framework], options: RenderOptions) -> str:
    t = _Visible(options.messages)
    grid = _grid(None, [(column, "left") for column in ("id", t(M.framework), t(M.year), t(M.value), t(M.indicators))])
    for f in items:
        grid.add_row(
            visible_text(f.id, style="bold"),
            Text(visible(f.title) + "\n" + visible(f.regulation)),
            f"{f.first_year}–{f.last_year or ''}",
            f"{f.value_type} {f.min_value}–{f.max_value}",
            str(len(f.indicators)),
        )
    return render([grid], options)


def indicators(items: Sequence[Framework], options: RenderOptions) -> str:
    t = _Visible(options.messages)
    n = options.numbers
    parts: list[RenderableType] = []
    for f in items:
        found = (options.criteria or {}).get(f.id)
        grid = _grid(visible(f"{f.title} ({f.id})"), (("#", "right"), (t(M.indicator), "left"), (t(M.weight), "right")))
        groups: list[tuple[Group | None, list[Group]]] = [
            (d, [a for a in f.aspects if a.domain == d.number]) for d in f.domains
        ] or [(None, list(f.aspects))]
        for domain, aspects in groups:
            if domain is not None:
                grid.add_row(
                    "",
                    visible_text(f"{t(M.domain)} {domain.number}. {domain.name}", style="bold"),
                    visible_text(n.number(domain.weight), style="bold"),
                )
            for aspect in aspects:
                grid.add_row(
                    "",
                    visible_text(f"{t(M.aspect)} {aspect.number}. {aspect.name}", style="bold cyan"),
                    visible_text(n.number(aspect.weight), style="cyan"),
                )
                for indicator_id in aspect.indicators:
                    i = f.by_id[indicator_id]
                    grid.add_row(visible_text(i.id), visible_text(i.name), n.number(i.weight))
                    for line in criteria_lines(f, i, found):
                        grid.add_row("", visible_text(line, style="dim"), "")
        if found is not None:  # said before the text: whether it is the regulation's own words
            parts.append(visible_text(criteria_heading(found, options.messages), style="bold"))
            if found.official:
                parts.append(visible_text(options.messages(M.criteria_source, url=found.url), style="dim"))
        parts += [grid, visible_text("")]
    return render(parts, options)


def _change(signed_text: str) -> Text:
    text = marked_change(signed_text)
    return visible_text(text, style={"▲": "green", "▼": "red"}.get(text[0], "dim"))


def diff(result: DiffResult, options: RenderOptions) -> str:
    t = _Visible(options.messages)
    n = options.numbers
    parts = _diff_heading(result, t, n)
    if not result.same_institution:
        other = t(M.diff_other_institution, old=result.old.institution, new=result.new.institution)
        parts.append(visible_text(other, style="yellow"))
    parts.append(visible_text(""))
    for title, changes in ((t(M.domains), result.domains), (t(M.aspects), result.aspects)):
        if changes:
            parts.append(_group_changes_table(title, changes, result, t, n))
    if result.same_framework and result.indicators:
        parts.append(_indicator_changes_table(result, t, n))
    elif result.same_framework:
        parts.append(visible_text(t(M.diff_no_change)))
    return render(parts, options)


def _diff_heading(result: DiffResult, t: Messages, n: NumberStyle) -> list[RenderableType]:
    """What is compared and how the index and predikat moved; across frameworks, why they cannot be."""
    old, new = result.old, result.new
    stage_lines = [visible_text(line, style="yellow") for line in diff_stage_lines(result, t, n)]
    if not result.same_framework:
        heading, instruments, *rest = cross_lines(result, t, n)
        return [
            visible_text(heading, style="bold"),
            visible_text(instruments, style="yellow"),
            *(visible_text(line) for line in rest),
            *stage_lines,
        ]
    heading = diff_heading(result, t)
    index_line = Text.assemble(
        f"{t(M.index)}: ",
        index_text(old.framework, old.index, n),
        f" ({visible(predikat_text(old.framework, old.index, t))})  ->  ",
        index_text(new.framework, new.index, n),
        f" ({visible(predikat_text(new.framework, new.index, t))})  ",
        _change(n.change(result.delta)),
    )
    moved = visible_text(predikat_line(result, t), style="bold" if result.predikat_change != "same" else "")
    return [visible_text(heading, style="bold"), index_line, moved, *stage_lines]


def _group_changes_table(
    title: str, changes: Iterable[GroupChange], result: DiffResult, t: Messages, n: NumberStyle
) -> Table:
    """Domains or aspects: old and new index (each in its band's colour) and the change."""
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("#", "right"),
        (t(M.name), "left"),
        (t(M.old), "right"),
        (t(M.new), "right"),
        (t(M.change), "right"),
    )
    grid = _grid(title, columns)
    for c in changes:
        grid.add_row(
            str(c.number),
            visible_text(c.name),
            index_text(result.old.framework, c.old, n),
            index_text(result.new.framework, c.new, n),
            _change(n.change(c.delta)),
        )
    return grid


def _indicator_changes_table(result: DiffResult, t: Messages, n: NumberStyle) -> Table:
    """The changed indicators, largest effect first, with where an external value came from and the
    assessors' note where there are any."""
    whole = result.new.framework.integer_values
    with_notes = any(assessor_note(result, i.id) for i in result.indicators)
    with_sources = any(i.external for i in result.indicators)
    columns: list[tuple[str, JustifyMethod]] = [
        ("#", "right"),
        (t(M.indicator), "left"),
        (t(M.old), "right"),
        (t(M.new), "right"),
        (t(M.change), "right"),
        (t(M.effect), "right"),
    ]
    if with_sources:
        columns.append((t(M.ext_source_column), "left"))
    if with_notes:
        columns.append((t(M.assessor_note), "left"))
    grid = _grid(t(M.diff_changed_indicators), columns)
    for i in result.indicators:
        cells: list[RenderableType] = [
            visible_text(i.id), visible_text(i.name),
            shown_values(i.old_values, n, whole), shown_values(i.new_values, n, whole),
            _change(n.value_change(i.delta, whole)),
            visible_text(n.change(i.effect, 4), style=_effect_style(i.effect)),
        ]  # fmt: skip
        if with_sources:
            cells.append(visible_text(change_source(i, t, n), style="yellow"))
        if with_notes:
            cells.append(visible_text(assessor_note(result, i.id)))
        grid.add_row(*cells)
    return grid


def _effect_style(effect: Fraction) -> str:
    """Green for a gain, red for a loss, dim for none."""
    if effect > 0:
        return "green"
    return "red" if effect < 0 else "dim"


def plan(result: PlanResult, options: RenderOptions) -> str:
    t = _Visible(options.messages)
    n = options.numbers
    heading, current, reached, *notes = plan_lines(result, t, n)
    framework = result.current.framework
    whole = framework.integer_values
    parts: list[RenderableType] = [
        visible_text(heading, style="bold"),
        visible_text(current),
        visible_text(reached, style="bold " + band_style(framework, result.reached.index)),
        *(visible_text(note, style="yellow") for note in notes),
    ]
    with_offices = any(s.pic for s in result.steps)
    for office, steps in plan_groups(result, options) if result.steps else []:
        grid = _grid(
            t(M.steps) if office is None else office,
            (
                ("#", "right"),
                (t(M.indicator), "left"),
                (t(M.aspect), "right"),
                (t(M.from_), "right"),
                (t(M.to), "right"),
                (t(M.cost), "right"),
                (t(M.effect), "right"),
                *(((t(M.office), "left"),) if with_offices and office is None else ()),
            ),
        )
        for s in steps:
            cells: list[RenderableType] = [
                visible_text(s.id), visible_text(step_name(s, t)), str(s.aspect), n.value(s.start, whole), n.value(s.end, whole),
                n.number(s.cost), visible_text(n.change(s.effect, 4), style="green"),
            ]  # fmt: skip
            if with_offices and office is None:
                cells.append(visible_text(office_text(s)))
            grid.add_row(*cells)
        parts += [visible_text(""), grid]
    return render(parts, options)


def rank(result: RankResult, options: RenderOptions) -> str:
    from .wording import group_legend, summary_rows

    t = _Visible(options.messages)
    n = options.numbers
    parts: list[RenderableType] = []
    for g in result.groups:
        summary = _grid(t(M.summary), (("", "left"), ("", "right")), show_header=False)
        for key, value in summary_rows(g, t, n):
            summary.add_row(visible_text(key), value)
        parts += [_rank_table(g, t, n), visible_text(group_legend(g, t), style="dim")]
        if g.with_standings:
            parts.append(visible_text(t(M.rank_standings_legend), style="dim"))
        parts += _references_table(g, t, n)
        if g.unpublished:
            parts.append(visible_text(t(M.pos_framework, index_name=g.framework.index_name), style="yellow"))
        parts += [summary, visible_text("")]
    total = result.scored + len(result.failed)
    parts.append(visible_text(t(M.rank_files, scored=result.scored, total=total)))
    if result.failed:
        parts.append(visible_text(t(M.rank_failed_files, count=len(result.failed)) + ":", style="red"))
        parts += [visible_text(f"  {path}") for path in result.failed]
    return render(parts, options)


def _rank_table(g: RankGroup, t: Messages, n: NumberStyle) -> Table:
    """One ranking: rank, institution, year, index, predikat, the domain (or aspect) columns, and, where the
    files' years have published results, their rank within their category and province among them."""
    from .wording import group_columns, rank_heading, standing_text

    framework = g.framework
    standings = g.with_standings
    columns: list[tuple[str, JustifyMethod]] = [
        (t(M.rank), "right"),
        (t(M.institution), "left"),
        (t(M.year), "right"),
        (t(M.index), "right"),
        (t(M.predikat), "left"),
        *((column, "right") for column in group_columns(g, t)),
        *(((t(M.rank_in_category), "right"), (t(M.rank_in_province), "right")) if standings else ()),
    ]
    grid = _grid(rank_heading(g, t), columns)
    for r in g.rows:
        cells: list[RenderableType] = [
            str(r.rank), visible_text(r.institution), str(r.year), index_text(framework, r.index, n),
            visible_text(predikat_text(framework, r.index, t), style=band_style(framework, r.index)),
            *(index_text(framework, value, n) for _, _, value in r.groups),
        ]  # fmt: skip
        if standings:
            cells += [standing_text(r.standing("category")), standing_text(r.standing("province"))]
        grid.add_row(*cells)
    return grid


def _references_table(g: RankGroup, t: Messages, n: NumberStyle) -> list[RenderableType]:
    """The published averages to read the ranking against: national and each category's, with sources."""
    from .wording import group_columns, reference_cells, reference_label, reference_sources

    if not g.references:
        return []
    columns: list[tuple[str, JustifyMethod]] = [(t(M.rank_averages), "left"), (t(M.index), "right")]
    columns += [(column, "right") for column in group_columns(g, t)]
    grid = _grid(None, columns)
    for reference in g.references:
        grid.add_row(visible_text(reference_label(reference, t)), *reference_cells(reference, n))
    return [grid, visible_text(reference_sources(g, t), style="dim")]


STATUS_STYLES = {"diterima": "green", "revisi": "yellow", "ditolak": "red"}


def evidence(result: EvidenceResult, options: RenderOptions) -> str:
    t = _Visible(options.messages)
    n = options.numbers
    parts: list[RenderableType] = [visible_text(evidence_heading(result, t), style="bold")]
    parts += [visible_text(note, style="yellow") for note in evidence_notes(result, t)]
    if result.levels_derivable:
        parts.append(visible_text(""))
        parts.append(_queue_table(result, t, n) if result.queue else visible_text(t(M.ev_queue_empty)))
    if result.with_items:
        parts += [visible_text(""), _items_table(result, t)]
    return render(parts, options)


def _queue_table(result: EvidenceResult, t: Messages, n: NumberStyle) -> Table:
    """The work queue: per indicator the next level, its effect on the index and what blocks it."""
    whole = result.framework.integer_values
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("#", "right"),
        (t(M.indicator), "left"),
        (t(M.value), "right"),
        (t(M.ev_secured), "right"),
        (t(M.ev_next), "right"),
        (t(M.effect), "right"),
        (t(M.ev_to_finish), "left"),
        (t(M.offices), "left"),
    )
    grid = _grid(t(M.ev_queue), columns, caption=t(M.ev_effect_meaning))
    for rank, entry in enumerate(result.queue, start=1):
        i = entry.indicator
        grid.add_row(
            str(rank), visible_text(f"{i.id} {i.name}"), "-" if i.value is None else n.value(i.value, whole),
            secured_text(i), str(entry.next_level),
            visible_text(queue_effect(entry, result, t, n), style="green" if entry.effect else "dim"),
            visible_text("\n".join(queue_items(entry, t))), visible_text(", ".join(i.pic)),
        )  # fmt: skip
    return grid


def _items_table(result: EvidenceResult, t: Messages) -> Table:
    """Every evidence item, indicator by indicator and level by level, with its status and note."""
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        (t(M.indicator), "left"),
        (t(M.ev_secured), "right"),
        (t(M.level), "right"),
        (t(M.ev_item), "left"),
        (t(M.ev_status), "left"),
        (t(M.ev_note), "left"),
    )
    grid = _grid(t(M.ev_items), columns)
    for i in result.with_items:
        listed = [(t(M.ev_no_code) if level is None else str(level), item) for level, item in items_by_level(i)]
        head = visible_text(f"{i.id} {i.name}\n{t(M.ev_accepted, accepted=i.accepted, total=len(i.items))}")
        for position, (level, item) in enumerate(listed):
            first = position == 0
            grid.add_row(
                head if first else "", secured_text(i) if first else "", level,
                visible_text(evidence_item_label(item)),
                visible_text(item.status or "-", style=STATUS_STYLES.get(item.status or "", "")), visible_text(item.note or ""),
                end_section=position == len(listed) - 1,
            )  # fmt: skip
    return grid


def published(result: Listing, options: RenderOptions) -> str:
    """Published results as printed, then the notes a figure needs, the averages and the sources."""
    from .wording import published_heading, published_notes, published_source_lines

    t = _Visible(options.messages)
    n = options.numbers
    columns: list[tuple[str, JustifyMethod]] = [
        (t(M.year), "right"),
        (t(M.institution), "left"),
        (t(M.pub_group), "left"),
        *((f"D{number}", "right") for number in range(1, 5)),
        (t(M.index), "right"),
        (t(M.predikat), "left"),
        (t(M.pub_source), "left"),
    ]
    grid = _grid(published_heading(result, t), columns)
    for row in result.rows:
        grid.add_row(
            str(row.year), visible_text(row.institution), visible_text(row.province or row.group),
            *("-" if value is None else n.index(value) for value in row.domains),
            visible_text(n.index(row.shown), style="bold"), visible_text(row.predikat), row.source,
        )  # fmt: skip
    parts: list[RenderableType] = [grid, visible_text(t(M.pub_count, count=len(result.rows)), style="dim")]
    notes = published_notes(result, t, n)
    if notes:
        parts.append(visible_text(""))
        parts += [visible_text(f"{row.year} {row.institution}: {note}", style="yellow") for row, note in notes]
    if result.averages:
        averages = _grid(
            t(M.pub_averages),
            ((t(M.year), "right"), (t(M.pub_category), "left"), (t(M.index), "right"), (t(M.pub_source), "left")),
        )
        for a in result.averages:
            averages.add_row(str(a.year), visible_text(a.category), n.index(a.value), visible_text(a.source))
        parts += [visible_text(""), averages]
    if result.sources:
        parts += [visible_text(""), visible_text(t(M.pub_sources) + ":", style="dim")]
        parts += [visible_text(line, style="dim") for line in published_source_lines(result)]
    return render(parts, options)


def placement(result: Placement, options: RenderOptions) -> str:
    """Each category (or province) of the year's published results with the user's files in it (▶)."""
    from .wording import placed_predikat, placement_averages, placement_heading, published_source_lines

    t = _Visible(options.messages)
    n = options.numbers
    parts: list[RenderableType] = []
    for g in result.groups:
        columns: list[tuple[str, JustifyMethod]] = [
            (t(M.rank), "right"),
            (t(M.institution), "left"),
            *((f"D{number}", "right") for number in range(1, 5)),
            (t(M.index), "right"),
            (t(M.predikat), "left"),
            (t(M.pub_source), "left"),
        ]
        grid = _grid(placement_heading(g, t), columns)
        for r in g.rows:
            style = "bold" if r.mine else ""
            grid.add_row(
                visible_text(f"▶ {r.rank}" if r.mine else str(r.rank), style), visible_text(r.institution, style),
                *(visible_text("-" if v is None else n.index(v), style) for v in r.domains),
                visible_text(n.index(r.shown), style), visible_text(placed_predikat(r, t), style),
                visible_text(r.source, style),
            )  # fmt: skip
        parts.append(grid)
        averages = placement_averages(g, t, n)
        if averages:
            parts.append(visible_text(averages, style="dim"))
        parts.append(visible_text(""))
    if result.sources:
        parts.append(visible_text(t(M.pub_sources) + ":", style="dim"))
        parts += [visible_text(line, style="dim") for line in published_source_lines(result)]
    return render(parts, options)
