"""HTML pages: the evaluation report and the ranking page. Pure: results in, one self-contained page out.

Templates are Jinja2 with autoescape on, so every user text is escaped; numbers are formatted here
with the human formats' NumberStyle ("3,19" in Indonesian), and the template only lays them out. The
page carries its CSS and SVG inline and fetches nothing; the same inputs give the same bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from ..core.framework import Framework, Group
from ..core.numbers import NumberStyle
from ..core.planning import PlanResult
from ..core.predikat import explained
from ..core.ranking import RankGroup, RankResult
from ..core.reporting import STRENGTH_FROM, WEAKNESS_UP_TO, Report
from ..core.scoring import GroupScore
from ..core.stages import LABELS as STAGE_LABELS
from ..i18n import M, Messages
from . import RenderOptions
from .charts import Caption, Series, band_colours, distribution, radar, ranked_bars, trend
from .escaping import inert, visible
from .wording import (
    category_label,
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


@dataclass(frozen=True)
class InputFile:
    """An input named in the appendix: its name as given and the SHA-256 of its bytes."""

    name: str
    sha256: str


@dataclass(frozen=True)
class PageInfo:
    """What the page says about how it was made (never a clock: --date is given or absent)."""

    version: str
    inputs: tuple[InputFile, ...] = ()
    date: str | None = None


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


_environment: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    global _environment
    if _environment is None:
        _environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(TEMPLATES)),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
            finalize=_inert,
        )
        _environment.filters["u"] = user_text
    return _environment


def _render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)


# --- the report -----------------------------------------------------------------------------------

Context = dict[str, object]  # what a template is rendered with; each section builder gives its part


def report(data: Report, options: RenderOptions, page: PageInfo) -> str:
    """The evaluation report page (Laporan Hasil Evaluasi) of one assessment."""
    t, n = options.messages, options.numbers
    context = _page_context(t, t(M.report_title, index_name=data.framework.index_name))
    context["page"] = page
    sections = (_identity, _index, _position, _radar, _findings, _plan, _indicator_rows, _trend, _change, _appendix)
    for section in sections:
        context.update(section(data, t, n))
    return _render("report.html.j2", **context)


def _page_context(t: Messages, title: str) -> Context:
    """What every page's template needs: the messages, their language and the page's title."""
    return {"t": t, "M": M, "lang": t.language, "title": title}


def _stage_name(data: Report, t: Messages) -> str | None:
    return t(STAGE_LABELS[data.stage]) if data.stage else None


def _identity(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Section 1: the institution, year, framework and stage, and whether the page is a simulation."""
    return {
        "result": data.result,
        "framework": data.framework,
        "simulation": not data.official,
        "stage": _stage_name(data, t),
    }


def _index(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Section 2: the index and predikat, the self-assessment beside it, every domain and aspect."""
    result, framework = data.result, data.framework
    self_line = None
    if data.self_assessment is not None:
        self_line = t(
            M.report_self_vs_final,
            self_index=n.index(data.self_assessment.index),
            self_predikat=explained(framework, data.self_assessment.index),
            stage=_stage_name(data, t),
            index=n.index(result.index),
            predikat=explained(framework, result.index),
            delta=n.change(result.shown - data.self_assessment.shown),
        )
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
    """The radar of the aspects: earlier years, the self-assessment and this result, and its table."""
    result = data.result
    low, high = 0, data.framework.max_value
    series = [Series(f"{p.year}", [a.exact for a in p.aspects], "earlier") for p in data.comparable]
    current_name = f"{result.year}"
    if data.self_assessment is not None:
        self_values = [a.exact for a in data.self_assessment.aspects]
        series.append(Series(f"{t(M.stage_mandiri)} {result.year}", self_values, "self"))
        current_name = f"{_stage_name(data, t)} {result.year}"
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
    """Strengths and weaknesses per aspect."""
    framework = data.framework
    whole = framework.integer_values
    return {
        "findings": [
            {
                "aspect": f"{f.aspect.number}. {f.aspect.name}",
                "value": n.index(f.aspect.exact),
                "strengths": [(i.id, i.name, n.value(i.value, whole)) for i in f.strengths],
                "weaknesses": [(i.id, i.name, n.value(i.value, whole)) for i in f.weaknesses],
            }
            for f in data.findings
        ],
        "strengths_label": t(M.report_strengths, levels=f"{STRENGTH_FROM}–{framework.max_value}"),
        "weaknesses_label": t(M.report_weaknesses, levels=f"{framework.min_value}–{WEAKNESS_UP_TO}"),
    }


def _plan(data: Report, t: Messages, n: NumberStyle) -> Context:
    """Recommendations: the cheapest plan to the next predikat (or why there is none), and the
    recommendations recorded in the file."""
    return {
        "plan": None if data.plan is None else _plan_steps(data, data.plan, t, n),
        "top_band": None if data.plan is not None else _no_plan(data, t, n),
        "recommendations": [
            (row.score.id, row.score.name, row.recommendation, row.offices) for row in data.rows if row.recommendation
        ],
    }


def _plan_steps(data: Report, plan: PlanResult, t: Messages, n: NumberStyle) -> Context:
    whole = data.framework.integer_values
    offices_of = {row.score.id: row.offices for row in data.rows}
    return {
        "heading": t(M.report_fastest, predikat=data.next_predikat),
        "intro": t(
            M.report_fastest_intro,
            index=n.index(data.result.index),
            target=n.index(plan.target),
            predikat=data.next_predikat,
        ),
        "result": t(
            M.report_fastest_result,
            steps=sum(s.steps for s in plan.steps),
            index=n.index(plan.reached.index),
            predikat=explained(plan.reached.framework, plan.reached.index),
        ),
        "steps": [
            {
                "id": s.id,
                "name": step_name(s, t),
                "aspect": s.aspect,
                "start": n.value(s.start, whole),
                "end": n.value(s.end, whole),
                "steps": s.steps,
                "effect": n.change(s.effect, 4),
                "offices": offices_of[s.id],
            }
            for s in plan.steps
        ],
    }


def _no_plan(data: Report, t: Messages, n: NumberStyle) -> str:
    """Why the page shows no plan: the result is in the top band, or the next band is out of reach."""
    if data.best_reachable is None:
        return t(M.report_top_band, predikat=data.result.predikat)
    return t(
        M.report_out_of_reach,
        predikat=data.next_predikat,
        index=n.index(data.best_reachable.index),
        best_predikat=explained(data.best_reachable.framework, data.best_reachable.index),
    )


def _indicator_rows(data: Report, t: Messages, n: NumberStyle) -> Context:
    """The indicator table: value (per stage), target, gap, offices, evidence and notes of each."""
    framework, stages = data.framework, data.stages
    whole = framework.integer_values
    return {
        "value_columns": [t(STAGE_LABELS[s]) for s in stages] if len(stages) > 1 else [str(data.result.year)],
        "below_target": sum(1 for row in data.rows if row.gap > 0),
        "previous_year": data.comparable[-1].year if data.comparable else None,
        "rows": [
            {
                "id": row.score.id,
                "name": row.score.name,
                "aspect": row.score.aspect,
                "weight": n.number(row.score.weight, 4),
                "values": [shown_values(v, n, whole) for v in row.stage_values]
                if len(stages) > 1
                else [shown_values(row.score.values, n, whole)],
                "level_name": row.score.level_name,
                "source": external_note(row.score.external, t, n) if row.score.external is not None else "",
                "target": n.value(row.target, whole),
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
        "level_target": n.number(3),
    }


def _trend(data: Report, t: Messages, n: NumberStyle) -> Context:
    """The index and the aspects across the years (with earlier years only), and its table."""
    if not data.previous:
        return {"trend": None, "trend_columns": [], "trend_rows": []}
    framework, history = data.framework, data.history
    years = [str(r.year) for r in history]
    series: list[tuple[str, Sequence[Fraction | None]]] = [(t(M.index), [r.index for r in history])]
    for position, aspect in enumerate(data.result.aspects):
        values = [r.aspects[position].exact if r.framework.id == framework.id else None for r in history]
        series.append((f"{t(M.aspect)} {aspect.number}", values))  # short in the legend; the table names it in full
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
    )
    names = [t(M.index)] + [f"{t(M.aspect)} {a.number}. {a.name}" for a in data.result.aspects]
    rows = [
        [name] + [n.index(v) if v is not None else "–" for v in values]
        for name, (_, values) in zip(names, series, strict=True)
    ]
    return {"trend": chart, "trend_columns": years, "trend_rows": rows}


def _change(data: Report, t: Messages, n: NumberStyle) -> Context:
    """What drove the change from the latest earlier year: overall, per aspect, the largest indicators."""
    c = data.change
    if c is None:
        return {"change": None}
    cross = None if c.same_framework else t(M.diff_cross_framework, old=c.old.framework.id, new=c.new.framework.id)
    other = None if c.same_institution else t(M.diff_other_institution, old=c.old.institution, new=c.new.institution)
    shown = c.indicators[:_DRIVERS_SHOWN]
    return {
        "change": {
            "heading": t(M.report_drivers, old_year=c.old.year, new_year=c.new.year),
            "overall": overall_line(c, t, n),
            "cross": cross,
            "other": other,
            "groups": [
                {
                    "name": f"{g.number}. {g.name}",
                    "old": n.index(g.old),
                    "new": n.index(g.new),
                    "delta": n.change(g.delta),
                }
                for g in c.aspects
            ],
            "indicators": [
                {
                    "id": i.id,
                    "name": i.name,
                    "old": shown_values(i.old_values, n, data.framework.integer_values),
                    "new": shown_values(i.new_values, n, data.framework.integer_values),
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
    """The appendix: the predikat bands, the weights and how numbers are rounded."""
    framework = data.framework
    return {
        "bands": _bands(framework, n, t),
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
    """The ranking page: per framework (and year) a bar chart, the table and the count per predikat."""
    t, n = options.messages, options.numbers
    total = result.scored + len(result.failed)
    context = {
        **_page_context(t, t(M.rank_page_title, count=result.scored)),
        "groups": [_rank_group(number, g, t, n) for number, g in enumerate(result.groups, start=1)],
        "files_line": t(M.rank_files, scored=result.scored, total=total),
        "failed": result.failed,
        "failed_line": t(M.rank_failed_files, count=len(result.failed)) if result.failed else "",
    }
    return _render("rank.html.j2", **context)


def _rank_group(number: int, g: RankGroup, t: Messages, n: NumberStyle) -> Context:
    """One ranking (a framework, or a framework and year): its bars, its table and its summary."""
    framework = g.framework
    columns = group_columns(g, t)
    names = [name for _, name, _ in (g.rows[0].groups if g.rows else ())]
    chart = ranked_bars(
        [(f"{r.rank}. {r.institution}", r.index, r.predikat) for r in g.rows],
        bands=[(b.name, b.min) for b in framework.bands],
        low=framework.min_value,
        high=framework.max_value,
        caption=Caption(f"bars-{number}", title=rank_heading(g, t), desc=t(M.rank_chart_desc, count=len(g.rows))),
        number=n.index,
    )
    return {
        "heading": rank_heading(g, t),
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
        "summary": summary_figures(g, t, n),
    }
