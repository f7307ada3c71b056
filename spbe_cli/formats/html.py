"""HTML pages: the evaluation report, the ranking page and a ranking among the published results. Pure: results in, one self-contained page out.

Templates are Jinja2 with autoescape on, so every user text is escaped; numbers are formatted here
with the human formats' NumberStyle ("3,19" in Indonesian), and the template only lays them out. The
page carries its CSS and SVG inline and fetches nothing (a letterhead is embedded as a data URI); the
same inputs give the same bytes.
"""

from __future__ import annotations

import base64
import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..core.diffing import DiffResult
from ..core.framework import Framework, Group
from ..core.numbers import NumberStyle, round_half_up
from ..core.planning import PlanResult
from ..core.predikat import explained
from ..core.published import Placement
from ..core.ranking import RankGroup, RankResult
from ..core.reporting import STRENGTH_FROM, SUMMARY_STEPS, WEAKNESS_UP_TO, Report
from ..core.scoring import GroupScore, ScoreResult
from ..core.stages import FINAL, STAGES
from ..core.stages import LABELS as STAGE_LABELS
from ..i18n import M, Messages
from . import ReferenceLine, RenderOptions
from .charts import Caption, Series, band_colours, distribution, radar, ranked_bars, trend
from .escaping import inert, visible
from .wording import (
    category_label,
    cross_sides,
    edge_text,
    external_note,
    group_columns,
    overall_line,
    predikat_text,
    rank_heading,
    reconciliation_line,
    reference_cells,
    reference_label,
    reference_sources,
    shown_values,
    standing_text,
    step_name,
    summary_figures,
)

TEMPLATES = Path(__file__).resolve().parent / "templates"
# The indicator table's short stage headers, explained in a key above it (the same in both languages).
STAGE_SHORT = dict(zip(STAGES, ("M", "D", "I", "V", "A"), strict=True))


@dataclass(frozen=True)
class InputFile:
    """An input named in the appendix: its name as given and the SHA-256 of its bytes."""

    name: str
    sha256: str


@dataclass(frozen=True)
class Letterhead:
    """The institution's letterhead (kop surat), already checked: PNG, JPEG, or an SVG made inert."""

    mime: str  # image/png, image/jpeg or image/svg+xml
    data: bytes

    @property
    def uri(self) -> str:
        """The image as a data URI: the page embeds it and fetches nothing."""
        return f"data:{self.mime};base64,{base64.b64encode(self.data).decode('ascii')}"


@dataclass(frozen=True)
class Signatory:
    """One signature block: a name (with its degrees) and, where given, a title (jabatan)."""

    name: str
    title: str | None = None


@dataclass(frozen=True)
class PageInfo:
    """What the page says about how it was made (never a clock: --date is given or absent)."""

    version: str
    inputs: tuple[InputFile, ...] = ()
    date: datetime.date | None = None
    kop: Letterhead | None = None
    signatories: tuple[Signatory, ...] = ()


def user_text(value: object) -> Markup:
    """User-supplied text for the page: one line, invisible or direction-changing characters shown as
    escapes (formats.escaping.visible), then HTML-escaped."""
    return escape(" ".join(visible(value).split()))


def _inert(value: object) -> object:
    """Every text a template prints (names from a frameworks file too), before it is HTML-escaped:
    invisible and direction-changing characters shown as escapes. Markup spbe built is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return inert(value)
    return value


def template_environment(*folders: Path) -> jinja2.Environment:
    """Templates from `folders` (the first that has a name wins), escaped the one way every page of
    spbe is: HTML-autoescaped, invisible characters shown, undefined names an error."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([str(folder) for folder in folders]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_inert,
    )
    env.filters["u"] = user_text
    return env


_environment: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    global _environment
    if _environment is None:
        _environment = template_environment(TEMPLATES)
    return _environment


def _render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)


def long_date(day: datetime.date, t: Messages) -> str:
    """A date the way the reader's language writes it: "15 Desember 2025", "15 December 2025"."""
    months = t(M.report_months).split()
    return f"{day.day} {months[day.month - 1]} {day.year}"


# --- the report -----------------------------------------------------------------------------------

Context = dict[str, object]  # what a template is rendered with; each section builder gives its part


def report(data: Report, options: RenderOptions, page: PageInfo) -> str:
    """The evaluation report page (Laporan Hasil Evaluasi) of one assessment: a summary for leadership
    on the first page, then the official order."""
    t, n = options.messages, options.numbers
    context = _page_context(t, t(M.report_title, index_name=data.framework.index_name))
    context["page"] = page
    context["date"] = long_date(page.date, t) if page.date else None
    sections = (
        _identity,
        _summary,
        _index,
        _position,
        _radar,
        _findings,
        _plan,
        _indicator_rows,
        _trend,
        _change,
        _appendix,
    )
    context["no"] = section_numbers(data)
    for section in sections:
        context.update(section(data, t, n))
    return _render("report.html.j2", **context)


def section_numbers(data: Report) -> dict[str, int]:
    """The official sections' numbers: the position against the published averages is section 3 where
    there is one, and the sections after it follow on without a gap."""
    names = ["identitas", "nilai", "posisi", "radar", "kekuatan", "rekomendasi", "indikator", "tren"]
    if data.result.position is None:
        names.remove("posisi")
    return {name: number for number, name in enumerate(names, start=1)}


def _page_context(t: Messages, title: str) -> Context:
    """What every page's template needs: the messages, their language and the page's title."""
    return {"t": t, "M": M, "lang": t.language, "title": title}


def _stage_name(stage: str | None, t: Messages) -> str | None:
    return t(STAGE_LABELS[stage]) if stage else None


def _identity(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Section 1: the institution, year, framework, the year's guideline and stage, and whether the page
    is a simulation."""
    guideline = data.framework.guideline(data.result.year)
    return {
        "result": data.result,
        "framework": data.framework,
        "guideline": guideline.title if guideline else None,
        "simulation": not data.official,
        "stage": _stage_name(data.stage, t),
    }


# --- page 1: the summary for leadership -----------------------------------------------------------


def _summary(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Page 1: the index and predikat, the stage comparison, the change from the last year given, the
    distance to the next predikat and to the target, the strongest and weakest aspect, and the
    cheapest steps with their offices. Every figure comes from the report's score, diff and plan."""
    facts: list[tuple[str, list[str]]] = []
    if data.self_assessment is not None:
        facts.append((t(M.report_stages_label), [_self_line(data, data.self_assessment, t, n)]))
    if data.change is not None:
        facts.append((t(M.report_change_label, year=data.change.old.year), _change_lines(data, data.change, t, n)))
    facts += _distances(data, t, n)
    facts += _standing(data, t, n)
    if len(data.strongest) == len(data.result.aspects):  # every aspect alike: one line, not two long ones
        facts.append((t(M.aspects), [t(M.report_aspects_equal, value=n.index(data.strongest[0].exact))]))
    else:
        facts.append((t(M.report_strongest), [_aspects_text(data.strongest, t, n)]))
        facts.append((t(M.report_weakest), [_aspects_text(data.weakest, t, n)]))
    steps = _plan_steps(data, data.plan, t, n, SUMMARY_STEPS) if data.plan is not None else None
    notes = _plan_notes(data, t, n, top_band=False)  # the facts already say the top band is reached
    return {"summary": {"facts": facts, "steps": steps, "notes": notes}}


def _self_line(data: Report, self_assessment: ScoreResult, t: Messages, n: NumberStyle) -> str:
    return t(
        M.report_self_vs_final,
        self_index=n.index(self_assessment.index),
        self_predikat=explained(self_assessment.framework, self_assessment.index),
        stage=_stage_name(data.stage, t),
        index=n.index(data.result.index),
        predikat=explained(data.framework, data.result.index),
        delta=n.change(data.result.shown - self_assessment.shown),
    )


def _side(result: ScoreResult, t: Messages) -> str:
    """One side of a comparison named by its year and, where its file records one, its stage."""
    return f"{result.year}, {t(STAGE_LABELS[result.stage])}" if result.stage else str(result.year)


def _change_lines(data: Report, change: DiffResult, t: Messages, n: NumberStyle) -> list[str]:
    """The change from the latest earlier year, as `diff` compares it: across frameworks each index in
    its own bands and no change; within one, the change with the stage of each side and a caveat
    where the stages differ, and last year's cut from self-assessment to final result."""
    if not change.comparable:
        statement = t(M.diff_cross_framework, old=change.old.framework.id, new=data.framework.id)
        return [" · ".join(cross_sides(change, t, n)), statement]
    old, new = change.old, change.new
    lines = [
        t(
            M.report_change_figures,
            old_side=_side(old, t),
            old=n.index(old.index),
            old_predikat=explained(old.framework, old.index),
            new_side=_side(new, t),
            new=n.index(new.index),
            new_predikat=explained(new.framework, new.index),
            delta=n.change(change.delta),
        )
    ]
    lines += stage_caveats(change, t, n)
    return lines


def stage_caveats(change: DiffResult, t: Messages, n: NumberStyle) -> list[str]:
    """What a reader must know about the stages of a change: that the earlier year was read at the same
    stage, or that the stages differ (or the earlier file records none), and last year's cut."""
    old, new = change.old, change.new
    lines = []
    if new.stage is not None and new.stage != FINAL and old.stage == new.stage:
        lines.append(t(M.report_like_with_like, year=old.year, stage=t(STAGE_LABELS[new.stage])))
    elif new.stage is not None and old.stage is not None and old.stage != new.stage:
        old_label, new_label = t(STAGE_LABELS[old.stage]), t(STAGE_LABELS[new.stage])
        lines.append(t(M.diff_stages_differ, old=old_label, new=new_label))
    elif new.stage is not None and new.stage != FINAL and old.stage is None:
        lines.append(t(M.report_change_no_stage, year=old.year, stage=t(STAGE_LABELS[new.stage])))
    by_stage = old.by_stage
    if old.source != new.source and "mandiri" in by_stage and "akhir" in by_stage:
        cut = round_half_up(by_stage["mandiri"]) - round_half_up(by_stage["akhir"])
        if cut > 0:
            lines.append(t(M.diff_last_year_cut, cut=n.index(cut)))
    return lines


def _standing(data: Report, t: Messages, n: NumberStyle) -> list[tuple[str, list[str]]]:
    """Where published figures exist, the index beside the national and the category's average, and the
    ranks among the published results: the position section's own figures, in one row."""
    from .wording import standing_lines

    position = data.result.position
    if position is None or position.averages_year is None or not position.comparisons:
        return []
    index = position.comparisons[0]  # the overall index comes first
    sides = []
    for average, label in ((index.national, t(M.pos_national)), (index.category, position.category_name)):
        difference = index.beside(average) if average is not None else None
        if average is not None and difference is not None and label:
            sides.append(
                t(M.report_beside_average, average=label, value=n.index(average.value), delta=n.change(difference))
            )
    if not sides:
        return []
    heading = t(M.report_position_label, year=position.averages_year)
    latest = [t(M.pos_latest, year=position.year, latest=position.averages_year)] if position.latest else []
    # The published averages are of final results: a self-assessment beside them is said to be one.
    stage = [t(M.report_position_stage, stage=_stage_name(data.stage, t))] if data.stage not in (None, FINAL) else []
    return [(heading, [" · ".join(sides), *standing_lines(position, t), *latest, *stage])]


def _round_up(distance: Fraction) -> Decimal:
    """A distance still to go, rounded up to hundredths: an index 0.004 short never reads "0.00 to go"."""
    return Decimal(math.ceil(distance * 100)).scaleb(-2)


def _distances(data: Report, t: Messages, n: NumberStyle) -> list[tuple[str, list[str]]]:
    """How far the index is from the next predikat and from the target (one line when they coincide)."""
    found: list[tuple[str, list[str]]] = []
    upper = data.framework.band(data.next_predikat) if data.next_predikat else None
    if upper is None or data.to_next is None:
        found.append((t(M.predikat), [t(M.report_top_band, predikat=data.result.predikat)]))
    else:
        text = t(
            M.report_distance,
            distance=n.index(_round_up(data.to_next)),
            predikat=upper.name,
            edge=n.index(upper.min),
        )
        found.append((t(M.report_to_predikat, predikat=upper.name), [text]))
    if upper is None or data.target_index != upper.min:
        reached = data.to_target <= 0
        text = (
            t(M.report_target_reached)
            if reached
            else t(M.report_target_short, distance=n.index(_round_up(data.to_target)))
        )
        found.append((t(M.report_target_label, target=n.index(data.target_index)), [text]))
    return found


_TIED_SHOWN = 3  # tied aspects named on page 1; the values table lists every one


def _aspects_text(aspects: Sequence[GroupScore], t: Messages, n: NumberStyle) -> str:
    """ "5. Penerapan Manajemen SPBE (2,13)", tied aspects joined (the first three, then how many more)."""
    text = "; ".join(f"{a.number}. {a.name} ({n.index(a.exact)})" for a in aspects[:_TIED_SHOWN])
    more = len(aspects) - _TIED_SHOWN
    return text + (" " + t(M.report_and_more, count=more) if more > 0 else "")


def _plan_notes(data: Report, t: Messages, n: NumberStyle, *, top_band: bool = True) -> list[str]:
    """Why the plan is planned past the file's targets, or why there is none (the top band is reached:
    said when `top_band`)."""
    outcome, notes = data.outcome, []
    if outcome.capped is not None:
        wanted = data.next_predikat
        best = outcome.capped
        predikat = explained(best.framework, best.index)
        notes.append(t(M.report_targets_cap, index=n.index(best.index), predikat=predikat, wanted=wanted))
        if outcome.plan is not None:
            notes.append(t(M.report_without_caps))
    if outcome.out_of_reach is not None:
        best = outcome.out_of_reach
        notes.append(
            t(
                M.report_out_of_reach,
                predikat=data.next_predikat,
                index=n.index(best.index),
                best_predikat=explained(best.framework, best.index),
            )
        )
    if data.next_predikat is None and top_band:
        notes.append(t(M.report_top_band, predikat=data.result.predikat))
    return notes


# --- the official order ---------------------------------------------------------------------------


def _index(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Section 2: the index and predikat, the self-assessment beside it, every domain and aspect, and
    the key to the bars' colours."""
    result, framework = data.result, data.framework
    self_line = _self_line(data, data.self_assessment, t, n) if data.self_assessment is not None else None
    return {
        "index": n.index(result.index),
        "predikat": result.predikat,
        "predikat_note": edge_text(framework, result.index, t),
        "reconciliation": reconciliation_line(result.published, t, n) if result.published is not None else None,
        "predikat_colour": band_colours(result.predikat)[0],
        "self_line": self_line,
        "domains": [
            {"number": d.number, "name": d.name, "value": n.index(d.exact), **_band_bar(framework, d)}
            for d in result.domains
        ],
        "aspects": [
            {
                "number": a.number,
                "name": a.name,
                "domain": a.domain,
                "value": n.index(a.exact),
                **_band_bar(framework, a),
            }
            for a in result.aspects
        ],
        "bar_heading": t(M.report_bar_heading, low=framework.min_value, high=framework.max_value),
        "bands": _bands(framework, n, t),
    }


def _position(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Where the institution stands against what KemenPANRB published: the category's distribution with
    the institution marked, the averages table with its source, the ranks; or why nothing is compared."""
    from .wording import position_header, position_notes, position_rows, position_sources, standing_lines

    position, framework = data.result.position, data.framework
    if position is None:
        return {"position": None}
    chart = None
    if position.distribution:
        category = position.standings[0].name if position.standings else ""
        chart = distribution(
            position.distribution,
            data.result.index,
            marked_label=data.result.institution,
            bands=[(b.name, b.min) for b in framework.bands],
            low=framework.min_value,
            high=framework.max_value,
            caption=Caption(
                "posisi",
                title=t(M.pos_chart_title, category=t(category_label(category)), year=position.year),
                desc=t(M.pos_chart_desc, count=len(position.distribution), index=n.index(data.result.index)),
            ),
            number=n.index,
        )
    return {
        "position": {
            "heading": t(M.pos_heading),
            "notes": position_notes(position, framework.index_name, t),
            "chart": chart,
            "header": position_header(position, t) if position.comparisons else [],
            "rows": position_rows(position, t, n),
            "standings": standing_lines(position, t),
            "sources": position_sources(position, t),
            "year": t(M.pos_averages_year, year=position.averages_year) if position.averages_year else None,
        }
    }


def _radar(data: Report, t: Messages, n: NumberStyle) -> Context:
    """The radar of the aspects: the self-assessment and this result against the target ring, and its
    table. Earlier years are on the trend page: five polygons on one small chart cannot be read."""
    result = data.result
    low, high = 0, data.framework.max_value
    series = []
    current_name = f"{result.year}"
    if data.self_assessment is not None:
        self_values = [a.exact for a in data.self_assessment.aspects]
        series.append(Series(f"{t(M.stage_mandiri)} {result.year}", self_values, "self"))
        current_name = f"{_stage_name(data.stage, t)} {result.year}"
    series.append(Series(current_name, [a.exact for a in result.aspects], "current"))
    labels = [f"{a.number}. {a.name}" for a in result.aspects]
    chart = radar(
        labels,
        series,
        low=low,
        high=high,
        ring=data.target_index,
        ring_label=t(M.target),
        caption=Caption(
            "radar",
            title=t(M.report_radar_heading),
            desc=t(M.report_radar_desc, count=len(labels), low=low, high=high, target=n.index(data.target_index)),
        ),
        number=n.index,
    )
    rows = [[label] + [n.index(s.values[position]) for s in series] for position, label in enumerate(labels)]
    return {"radar": chart, "radar_columns": [s.name for s in series], "radar_rows": rows}


def _findings(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Strengths and weaknesses per aspect; an aspect without either gets one sentence."""
    framework = data.framework
    whole = framework.integer_values
    strong = f"{STRENGTH_FROM}–{framework.max_value}"
    weak = f"{framework.min_value}–{WEAKNESS_UP_TO}"
    return {
        "findings": [
            {
                "aspect": f"{f.aspect.number}. {f.aspect.name}",
                "value": n.index(f.aspect.exact),
                "strengths": [(i.id, i.name, n.value(i.value, whole)) for i in f.strengths],
                "weaknesses": [(i.id, i.name, n.value(i.value, whole)) for i in f.weaknesses],
                "no_strengths": t(M.report_no_strengths, levels=strong, highest=n.value(f.highest, whole)),
                "no_weaknesses": t(M.report_no_weaknesses, levels=weak),
            }
            for f in data.findings
        ],
        "strengths_label": t(M.report_strengths, levels=strong),
        "weaknesses_label": t(M.report_weaknesses, levels=weak),
    }


def _plan(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Recommendations: the cheapest plan to the next predikat (or why there is none), and the
    recommendations recorded in the file."""
    below = sum(1 for row in data.rows if row.gap > 0)
    has_targets = any(row.target is not None for row in data.rows)
    return {
        "plan": None if data.plan is None else _plan_steps(data, data.plan, t, n),
        "plan_notes": _plan_notes(data, t, n),
        "below_target": (
            t(M.report_below_target, count=below, total=len(data.rows), section=section_numbers(data)["indikator"])
            if has_targets
            else None
        ),
        "recommendations": [
            (row.score.id, row.score.name, row.recommendation, row.offices) for row in data.rows if row.recommendation
        ],
    }


def _plan_steps(data: Report, plan: PlanResult, t: Messages, n: NumberStyle, limit: int | None = None) -> Context:
    """The plan's steps (the first `limit` of them), the sentence saying where they lead, and their cost
    where a costs file priced them."""
    whole = data.framework.integer_values
    offices_of = {row.score.id: row.offices for row in data.rows}
    total = sum(s.steps for s in plan.steps)
    shown = plan.steps if limit is None else plan.steps[:limit]
    reached = {"index": n.index(plan.reached.index), "predikat": explained(plan.reached.framework, plan.reached.index)}
    if len(shown) < len(plan.steps):
        more = len(plan.steps) - len(shown)
        section = section_numbers(data)["rekomendasi"]
        result = t(M.report_steps_more, indicators=len(plan.steps), steps=total, more=more, section=section, **reached)
    else:
        result = t(M.report_fastest_result, steps=total, **reached)
    return {
        "heading": t(M.report_cheapest, predikat=data.next_predikat),
        "intro": t(
            M.report_cheapest_intro if data.outcome.costs else M.report_fastest_intro,
            index=n.index(data.result.index),
            target=n.index(plan.target),
            predikat=data.next_predikat,
        ),
        "result": result,
        "cost": t(M.report_cost_total, cost=n.number(plan.cost)) if data.outcome.costs else None,
        "steps": [
            {
                "id": s.id,
                "name": step_name(s, t),
                "aspect": s.aspect,
                "start": n.value(s.start, whole),
                "end": n.value(s.end, whole),
                "steps": s.steps,
                "effect": n.change(s.effect, 4),
                "cost": n.number(s.cost) if data.outcome.costs else None,
                "offices": offices_of[s.id],
            }
            for s in shown
        ],
    }


def _indicator_rows(data: Report, t: Messages, n: NumberStyle) -> Context:
    """The indicator table: value (per stage, under short headers with a key), target, gap, offices,
    evidence; its notes on a line of their own below the row."""
    framework, stages = data.framework, data.stages
    whole = framework.integer_values
    per_stage = len(stages) > 1
    key = ", ".join(f"{STAGE_SHORT[s]} = {t(STAGE_LABELS[s])}" for s in stages) if per_stage else None
    return {
        "value_columns": [STAGE_SHORT[s] for s in stages] if per_stage else [str(data.result.year)],
        "stage_key": t(M.report_stage_key, key=key) if key else None,
        "previous_year": data.comparable[-1].year if data.comparable else None,
        "rows": [
            {
                "id": row.score.id,
                "name": row.score.name,
                "weight": n.number(row.score.weight, 4),
                "values": [shown_values(v, n, whole) for v in row.stage_values]
                if per_stage
                else [shown_values(row.score.values, n, whole)],
                "level_name": row.score.level_name,
                "source": external_note(row.score.external, t, n) if row.score.external is not None else "",
                "target": n.value(row.target, whole) if row.target is not None else "",
                "gap": n.value(row.gap, whole) if row.gap > 0 else "",
                "offices": row.offices,
                "evidence": row.evidence,
                "note": row.note,
                "assessor_note": row.assessor_note,
                "previous": n.value(row.previous, whole) if row.previous is not None else "",
            }
            for row in data.rows
        ],
        "aspect_starts": {a.indicators[0]: f"{a.number}. {a.name}" for a in framework.aspects},
        "indicator_note": (
            t(M.report_indicator_note, target=n.number(framework.level_target))
            if framework.level_target is not None
            else t(M.report_indicator_note_file)
        ),
    }


def _trend(data: Report, t: Messages, n: NumberStyle) -> Context:
    """The index and the aspects across the years of this framework, and its table. Years on another
    framework are left out of the chart, with a note: their figures belong to other bands."""
    left_out = [
        t(
            M.report_trend_left_out,
            index_name=p.framework.index_name,
            year=p.year,
            index=n.index(p.index),
            predikat=explained(p.framework, p.index),
            framework=p.framework.id,
        )
        for p in data.other_frameworks
    ]
    if not data.comparable:
        return {"trend": None, "trend_columns": [], "trend_rows": [], "trend_left_out": left_out}
    framework, history = data.framework, data.history
    years = [str(r.year) for r in history]
    staged = len({r.stage for r in history}) > 1 or any(r.stage not in (None, FINAL) for r in history)
    sublabels = [t(STAGE_LABELS[r.stage]) if staged and r.stage else "" for r in history]
    series: list[tuple[str, Sequence[Fraction | None]]] = [(t(M.index), [r.index for r in history])]
    for position, aspect in enumerate(data.result.aspects):
        series.append((f"{aspect.number}. {aspect.name}", [r.aspects[position].exact for r in history]))
    chart = trend(
        years,
        series,
        bands=[(b.name, b.min) for b in framework.bands],
        low=framework.min_value,
        high=framework.max_value,
        caption=Caption(
            "trend",
            title=t(M.report_trend_heading, index_name=framework.index_name),
            desc=t(M.report_trend_desc, years=", ".join(years)),
        ),
        number=n.index,
        sublabels=sublabels,
    )
    names = [t(M.index)] + [f"{t(M.aspect)} {a.number}. {a.name}" for a in data.result.aspects]
    rows = [
        [name] + [n.index(v) if v is not None else "–" for v in values]
        for name, (_, values) in zip(names, series, strict=True)
    ]
    columns = [f"{year} ({label})" if label else year for year, label in zip(years, sublabels, strict=True)]
    return {"trend": chart, "trend_columns": columns, "trend_rows": rows, "trend_left_out": left_out}


def _change(data: Report, t: Messages, n: NumberStyle) -> Context:
    """What changed from the latest earlier year, as `diff` says it: within one framework the change,
    per aspect and the largest indicators; across frameworks each index in its own bands."""
    c = data.change
    if c is None:
        return {"change": None}
    other = None if c.same_institution else t(M.diff_other_institution, old=c.old.institution, new=c.new.institution)
    groups = [
        {"name": f"{g.number}. {g.name}", "old": n.index(g.old), "new": n.index(g.new), "delta": n.change(g.delta)}
        for g in c.aspects
    ]
    if not c.comparable:
        lines = [*cross_sides(c, t, n)]
        overall = t(M.diff_cross_framework, old=c.old.framework.id, new=c.new.framework.id)
    else:
        lines = stage_caveats(c, t, n)
        overall = overall_line(c, t, n)
    shown = c.indicators[:_DRIVERS_SHOWN]
    whole = data.framework.integer_values
    if c.comparable:
        heading = t(M.report_drivers, old_year=c.old.year, new_year=c.new.year)
    else:
        heading = t(
            M.report_cross_heading,
            old_index=c.old.framework.index_name,
            old_year=c.old.year,
            new_index=c.new.framework.index_name,
            new_year=c.new.year,
        )
    return {
        "change": {
            "heading": heading,
            "overall": overall,
            "lines": lines,
            "comparable": c.comparable,
            "other": other,
            "groups": groups,
            "indicators": [
                {
                    "id": i.id,
                    "name": i.name,
                    "old": shown_values(i.old_values, n, whole),
                    "new": shown_values(i.new_values, n, whole),
                    "effect": n.change(i.effect, 4),
                    "up": i.effect > 0,
                }
                for i in shown
            ],
            "more": len(c.indicators) - len(shown),
        }
    }


_DRIVERS_SHOWN = 12  # the indicators that changed most; the page says how many more there are


def _appendix(data: Report, t: Messages, n: NumberStyle) -> Context:
    """The appendix: the framework and the year's guideline with its source, the predikat bands, the
    weights and how numbers are rounded."""
    framework = data.framework
    guideline = framework.guideline(data.result.year)
    sources = "; ".join(s.title for s in guideline.sources) if guideline else ""
    return {
        "framework_line": t(M.report_framework_line, title=framework.title, id=framework.id),
        "guideline_line": (
            t(M.report_guideline_source, year=guideline.year, title=guideline.title, source=sources)
            if guideline
            else None
        ),
        "weights": _weights(framework, n, t),
        "rounding": t(M.report_rounding, example=n.number(Fraction(17, 8), 4), rounded=n.index(Fraction(17, 8))),
    }


def _band_bar(framework: Framework, group: GroupScore) -> dict[str, object]:
    """A domain's or aspect's bar: its length is the shown value on the scale, its colour the band its
    exact value falls in (the predikat's own rule: an exact 2.5995, shown 2.60, is coloured Cukup).

    Official reports rate only the overall index, so a group gets a colour, never a predikat word.
    """
    low, high = Fraction(framework.min_value), Fraction(framework.max_value)
    share = (Fraction(group.shown) - low) / (high - low) if high > low else Fraction(0)
    return {
        "width": f"{float(min(max(share, Fraction(0)), Fraction(1))) * 100:.1f}",
        "colour": band_colours(framework.predikat(group.exact))[0],
    }


def _weights(framework: Framework, n: NumberStyle, t: Messages) -> list[tuple[bool, str, str]]:
    """(is a domain, label, weight) in the order of the values table: each domain, then its aspects."""

    def weight(group: Group) -> tuple[bool, str, str]:
        kind = M.domain if group.kind == "domain" else M.aspect
        return (group.kind == "domain", f"{t(kind)} {group.number}. {group.name}", n.number(group.weight, 4))

    if not framework.domains:
        return [weight(a) for a in framework.aspects]
    rows: list[tuple[bool, str, str]] = []
    for d in framework.domains:
        rows.append(weight(d))
        rows += [weight(a) for a in framework.aspects if a.domain == d.number]
    return rows


def _bands(framework: Framework, n: NumberStyle, t: Messages) -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    upper: Decimal | None = None
    for band in framework.bands:
        if upper is None:
            text = t(M.report_band_top, low=n.index(band.min), high=n.index(framework.max_value))
        else:
            text = t(M.report_band_range, low=n.index(band.min), high=n.index(upper))
        rows.append((band.name, text, band_colours(band.name)[0]))
        upper = band.min
    return rows


# --- the ranking page -----------------------------------------------------------------------------


def rank(result: RankResult, options: RenderOptions) -> str:
    """The ranking page: per framework (and year, and kabupaten or kota) a bar chart, the table and the
    count per predikat; `options.title` heads it, `options.reference` draws a line on each chart."""
    t, n = options.messages, options.numbers
    total = result.scored + len(result.failed)
    reference = options.reference
    context = {
        **_page_context(t, t(M.rank_page_title, count=result.scored)),
        "page_title": options.title,
        "groups": [_rank_group(number, g, t, n, reference) for number, g in enumerate(result.groups, start=1)],
        "files_line": t(M.rank_files, scored=result.scored, total=total),
        "failed": result.failed,
        "failed_line": t(M.rank_failed_files, count=len(result.failed)) if result.failed else "",
    }
    return _render("rank.html.j2", **context)


def placement(result: Placement, options: RenderOptions) -> str:
    """The files ranked inside a year's published results: per category (or province) the table as
    published with the files marked, the year's published averages, and the sources."""
    from .wording import placed_predikat, placement_averages, placement_heading

    t, n = options.messages, options.numbers
    groups = [
        {
            "heading": placement_heading(g, t),
            "averages": placement_averages(g, t, n),
            "rows": [
                {
                    "rank": r.rank,
                    "institution": r.institution,
                    "mine": r.mine,
                    "domains": ["-" if d is None else n.index(d) for d in r.domains],
                    "index": n.index(r.shown),
                    "predikat": placed_predikat(r, t),
                    "colour": band_colours(r.predikat)[0],
                    "source": r.source,
                }
                for r in g.rows
            ],
        }
        for g in result.groups
    ]
    context = {
        **_page_context(t, t(M.among_page_title, year=result.year)),
        "page_title": options.title,
        "groups": groups,
        "sources": result.sources,
    }
    return _render("placement.html.j2", **context)


def _reference_line(
    g: RankGroup, reference: ReferenceLine | None, t: Messages, n: NumberStyle
) -> tuple[Decimal, str] | None:
    """The line a ranking is read against: the index the user gives (--reference), else the published
    average of the ranking's category where there is exactly one ("Kabupaten 2024"), else none."""
    if reference is not None:
        label = " ".join(visible(reference.label).split()) if reference.label else None  # user text, one line
        return reference.value, label or t(M.rank_reference, value=n.index(reference.value))
    published = [r for r in g.references if r.label != "Nasional" and r.index is not None]
    if len(published) != 1 or published[0].index is None:
        return None
    average = published[0]
    value = published[0].index.value
    return value, t(M.rank_published_average, label=reference_label(average, t), value=n.index(value))


KIND_LABELS = {"kabupaten": M.rank_kind_kabupaten, "kota": M.rank_kind_kota, "lainnya": M.rank_kind_lainnya}


def _rank_group(number: int, g: RankGroup, t: Messages, n: NumberStyle, reference: ReferenceLine | None) -> Context:
    """One ranking (a framework, or a framework and year, kabupaten or kota): its bars, its table and
    its summary, with a line at the reference and how many reach it."""
    framework = g.framework
    columns = group_columns(g, t)
    names = [name for _, name, _ in (g.rows[0].groups if g.rows else ())]
    heading = rank_heading(g, t) + (f" · {t(KIND_LABELS[g.kind])}" if g.kind else "")
    summary = summary_figures(g, t, n)
    line = _reference_line(g, reference, t, n)
    if line is not None:
        reached = sum(1 for r in g.rows if r.shown >= line[0])  # an average is a 2-decimal figure: so is the index
        words = t(M.rank_at_reference, count=reached, total=len(g.rows), reference=n.index(line[0]))
        summary.append((line[1], words))
    chart = ranked_bars(
        [(f"{r.rank}. {r.institution}", r.index, r.predikat) for r in g.rows],
        bands=[(b.name, b.min) for b in framework.bands],
        low=framework.min_value,
        high=framework.max_value,
        caption=Caption(f"bars-{number}", title=heading, desc=t(M.rank_chart_desc, count=len(g.rows))),
        number=n.index,
        reference=line,
    )
    return {
        "heading": heading,
        "chart": chart,
        "columns": columns,
        "legend": list(zip(columns, names, strict=True)),
        "rows": [
            {
                "rank": r.rank,
                "institution": r.institution,
                "year": r.year,
                "index": n.index(r.index),
                "predikat": predikat_text(framework, r.index, t),
                "colour": band_colours(r.predikat)[0],
                "groups": [n.index(v) for _, _, v in r.groups],
                "standings": [standing_text(r.standing(scope)) for scope in ("category", "province")],
            }
            for r in g.rows
        ],
        "standing_columns": [t(M.rank_in_category), t(M.rank_in_province)] if g.with_standings else [],
        "references": [(reference_label(r, t), reference_cells(r, n)) for r in g.references],
        "references_source": reference_sources(g, t),
        "unpublished": t(M.pos_framework, index_name=framework.index_name) if g.unpublished else None,
        "per_predikat": [(name, count, band_colours(name)[0]) for name, count in g.summary.per_predikat],
        "summary": summary,
    }
