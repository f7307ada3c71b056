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

from ..core.assessment import Values
from ..core.framework import Framework, Group
from ..core.numbers import NumberStyle
from ..core.ranking import RankResult
from ..core.reporting import STRENGTH_FROM, WEAKNESS_UP_TO, Report
from ..core.stages import LABELS as STAGE_LABELS
from ..i18n import M, Messages
from . import RenderOptions
from .charts import Series, band_colours, radar, ranked_bars, trend
from .escaping import visible
from .wording import external_note, group_columns, rank_heading, step_name

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
        )
        _environment.filters["u"] = user_text
    return _environment


def _render(name: str, **context: object) -> str:
    return environment().get_template(name).render(**context)


# --- the report -----------------------------------------------------------------------------------


def report(data: Report, options: RenderOptions, page: PageInfo) -> str:
    """The evaluation report page (Laporan Hasil Evaluasi) of one assessment."""
    t = options.messages
    n = options.numbers
    result, framework = data.result, data.framework
    low, high = 0, framework.max_value
    labels = [f"{a.number}. {a.name}" for a in result.aspects]
    stage_name = t(STAGE_LABELS[data.stage]) if data.stage else None
    series = [Series(f"{p.year}", [a.exact for a in p.aspects], "earlier") for p in data.comparable]
    if data.self_assessment is not None:
        series.append(
            Series(f"{t(M.stage_mandiri)} {result.year}", [a.exact for a in data.self_assessment.aspects], "self")
        )
    current_name = f"{stage_name} {result.year}" if data.self_assessment is not None else f"{result.year}"
    series.append(Series(current_name, [a.exact for a in result.aspects], "current"))
    radar_columns = [s.name for s in series]
    radar_rows = [
        [f"{a.number}. {a.name}"] + [n.index(s.values[position]) for s in series]
        for position, a in enumerate(result.aspects)
    ]
    radar_svg = radar(
        labels,
        series,
        low=low,
        high=high,
        ring=data.target_index,
        ring_label=t(M.target),
        chart_id="radar",
        title=t(M.report_radar_heading),
        desc=t(
            M.report_radar_desc,
            count=len(result.aspects),
            low=low,
            high=high,
            target=n.index(data.target_index),
        ),
        number=n.index,
    )
    trend_svg = None
    trend_columns: list[str] = []
    trend_rows: list[list[str]] = []
    if data.previous:
        history = data.history
        years = [str(r.year) for r in history]
        trend_series: list[tuple[str, Sequence[Fraction | None]]] = [(t(M.index), [r.index for r in history])]
        for position, aspect in enumerate(result.aspects):
            trend_series.append(
                (
                    f"{t(M.aspect)} {aspect.number}",  # short in the legend; the table names it in full
                    [r.aspects[position].exact if r.framework.id == framework.id else None for r in history],
                )
            )
        trend_svg = trend(
            years,
            trend_series,
            bands=[(b.name, b.min) for b in framework.bands],
            low=framework.min_value,
            high=high,
            chart_id="trend",
            title=t(M.report_trend_heading, index_name=framework.index_name),
            desc=t(M.report_trend_desc, years=", ".join(years)),
            number=n.index,
        )
        trend_columns = years
        names = [t(M.index)] + [f"{t(M.aspect)} {a.number}. {a.name}" for a in result.aspects]
        trend_rows = [
            [name] + [n.index(v) if v is not None else "–" for v in values]
            for name, (_, values) in zip(names, trend_series, strict=True)
        ]
    change = None
    if data.change is not None:
        c = data.change
        change = {
            "heading": t(M.report_drivers, old_year=c.old.year, new_year=c.new.year),
            "overall": t(
                M.diff_overall,
                old=n.index(c.old.index),
                old_predikat=c.old.predikat,
                new=n.index(c.new.index),
                new_predikat=c.new.predikat,
                delta=n.change(c.delta),
            ),
            "cross": None
            if c.same_framework
            else t(M.diff_cross_framework, old=c.old.framework.id, new=c.new.framework.id),
            "other": None
            if c.same_institution
            else t(M.diff_other_institution, old=c.old.institution, new=c.new.institution),
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
                    "old": _values(i.old_values, n, framework),
                    "new": _values(i.new_values, n, framework),
                    "effect": n.change(i.effect, 4),
                    "up": i.effect > 0,
                }
                for i in c.indicators[:12]
            ],
            "more": max(len(c.indicators) - 12, 0),
        }
    offices_of = {row.score.id: row.offices for row in data.rows}
    plan = None
    if data.plan is not None:
        p = data.plan
        plan = {
            "heading": t(M.report_fastest, predikat=data.next_predikat),
            "intro": t(
                M.report_fastest_intro,
                index=n.index(result.index),
                target=n.index(p.target),
                predikat=data.next_predikat,
            ),
            "result": t(
                M.report_fastest_result,
                steps=sum(s.steps for s in p.steps),
                index=n.index(p.reached.index),
                predikat=p.reached.predikat,
            ),
            "steps": [
                {
                    "id": s.id,
                    "name": step_name(s, t),
                    "aspect": s.aspect,
                    "start": n.value(s.start, framework.integer_values),
                    "end": n.value(s.end, framework.integer_values),
                    "steps": s.steps,
                    "effect": n.change(s.effect, 4),
                    "offices": offices_of[s.id],
                }
                for s in p.steps
            ],
        }
    lowest = framework.min_value
    previous_year = data.comparable[-1].year if data.comparable else None
    context = {
        "t": t,
        "M": M,
        "lang": t.language,
        "title": t(M.report_title, index_name=framework.index_name),
        "result": result,
        "framework": framework,
        "index": n.index(result.index),
        "predikat": result.predikat,
        "predikat_colour": band_colours(result.predikat)[0],
        "simulation": not data.official,
        "stage": stage_name,
        "self_line": None
        if data.self_assessment is None
        else t(
            M.report_self_vs_final,
            self_index=n.index(data.self_assessment.index),
            self_predikat=data.self_assessment.predikat,
            stage=stage_name,
            index=n.index(result.index),
            predikat=result.predikat,
            delta=n.change(result.shown - data.self_assessment.shown),
        ),
        "value_columns": [t(STAGE_LABELS[st]) for st in data.stages] if len(data.stages) > 1 else [str(result.year)],
        "page": page,
        "domains": [
            {"number": d.number, "name": d.name, "value": n.index(d.exact), **_band_bar(framework, d.shown)}
            for d in result.domains
        ],
        "aspects": [
            {
                "number": a.number,
                "name": a.name,
                "domain": a.domain,
                "value": n.index(a.exact),
                **_band_bar(framework, a.shown),
            }
            for a in result.aspects
        ],
        "radar": radar_svg,
        "radar_columns": radar_columns,
        "radar_rows": radar_rows,
        "findings": [
            {
                "aspect": f"{f.aspect.number}. {f.aspect.name}",
                "value": n.index(f.aspect.exact),
                "strengths": [(i.id, i.name, n.value(i.value, framework.integer_values)) for i in f.strengths],
                "weaknesses": [(i.id, i.name, n.value(i.value, framework.integer_values)) for i in f.weaknesses],
            }
            for f in data.findings
        ],
        "strengths_label": t(M.report_strengths, levels=f"{STRENGTH_FROM}–{framework.max_value}"),
        "weaknesses_label": t(M.report_weaknesses, levels=f"{lowest}–{WEAKNESS_UP_TO}"),
        "plan": plan,
        "top_band": None
        if plan is not None
        else t(M.report_top_band, predikat=result.predikat)
        if data.best_reachable is None
        else t(
            M.report_out_of_reach,
            predikat=data.next_predikat,
            index=n.index(data.best_reachable.index),
            best_predikat=data.best_reachable.predikat,
        ),
        "below_target": sum(1 for row in data.rows if row.gap > 0),
        "recommendations": [
            (row.score.id, row.score.name, row.recommendation, row.offices) for row in data.rows if row.recommendation
        ],
        "previous_year": previous_year,
        "rows": [
            {
                "id": row.score.id,
                "name": row.score.name,
                "aspect": row.score.aspect,
                "weight": n.number(row.score.weight, 4),
                "values": [_values(v, n, framework) for v in row.stage_values]
                if len(data.stages) > 1
                else [_values(row.score.values, n, framework)],
                "level_name": row.score.level_name,
                "source": external_note(row.score.external, t, n) if row.score.external is not None else "",
                "target": n.value(row.target, framework.integer_values),
                "gap": n.value(row.gap, framework.integer_values) if row.gap > 0 else "",
                "offices": row.offices,
                "evidence": row.evidence,
                "note": row.note,
                "assessor_note": row.assessor_note,
                "previous": n.value(row.previous, framework.integer_values) if row.previous is not None else "",
            }
            for row in data.rows
        ],
        "aspect_starts": {a.indicators[0]: f"{a.number}. {a.name}" for a in framework.aspects},
        "trend": trend_svg,
        "trend_columns": trend_columns,
        "trend_rows": trend_rows,
        "change": change,
        "bands": _bands(framework, n, t),
        "weights": _weights(framework, n, t),
        "rounding": t(M.report_rounding, example=n.number(Fraction(17, 8), 4), rounded=n.index(Fraction(17, 8))),
        "level_target": n.number(3),
    }
    return _render("report.html.j2", **context)


def _band_bar(framework: Framework, shown: Decimal) -> dict[str, object]:
    """A domain's or aspect's bar: its length is the value on the scale, its colour the band it falls in.

    Official reports rate only the overall index, so a group gets a colour, never a predikat word.
    """
    low, high = Fraction(framework.min_value), Fraction(framework.max_value)
    share = (Fraction(shown) - low) / (high - low) if high > low else Fraction(0)
    return {
        "width": f"{float(min(max(share, Fraction(0)), Fraction(1))) * 100:.1f}",
        "colour": band_colours(framework.predikat(shown))[0],
    }


def _values(values: Values | None, n: NumberStyle, framework: Framework) -> str:
    """An indicator's value as shown: one value, or one per service ("3 / 4"); empty when not recorded."""
    if values is None:
        return ""
    return " / ".join(n.value(v, framework.integer_values) for v in values)


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
    t = options.messages
    n = options.numbers
    groups = []
    for position, g in enumerate(result.groups):
        framework = g.framework
        columns = group_columns(g, t)
        names = [name for _, name, _ in (g.rows[0].groups if g.rows else ())]
        chart = ranked_bars(
            [(f"{r.rank}. {r.institution}", r.index, r.predikat) for r in g.rows],
            bands=[(b.name, b.min) for b in framework.bands],
            low=framework.min_value,
            high=framework.max_value,
            chart_id=f"bars-{position + 1}",
            title=rank_heading(g, t),
            desc=t(M.rank_chart_desc, count=len(g.rows)),
            number=n.index,
        )
        groups.append(
            {
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
                        "predikat": r.predikat,
                        "colour": band_colours(r.predikat)[0],
                        "groups": [n.index(v) for _, _, v in r.groups],
                    }
                    for r in g.rows
                ],
                "per_predikat": [(name, count, band_colours(name)[0]) for name, count in g.summary.per_predikat],
                "summary": [
                    (t(M.count), str(g.summary.count)),
                    (t(M.mean), n.index(g.summary.mean)),
                    (t(M.median), n.index(g.summary.median)),
                    (t(M.min), n.index(g.summary.min)),
                    (t(M.max), n.index(g.summary.max)),
                ],
            }
        )
    total = result.scored + len(result.failed)
    context = {
        "t": t,
        "M": M,
        "lang": t.language,
        "title": t(M.rank_page_title, count=result.scored),
        "groups": groups,
        "files_line": t(M.rank_files, scored=result.scored, total=total),
        "failed": result.failed,
        "failed_line": t(M.rank_failed_files, count=len(result.failed)) if result.failed else "",
    }
    return _render("rank.html.j2", **context)
