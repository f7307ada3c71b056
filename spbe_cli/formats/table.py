"""Rich tables for the terminal: indices as coloured bars so weak areas stand out."""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from fractions import Fraction

from rich.console import Console, Group as RenderGroup
from rich.table import Table
from rich.text import Text

from ..framework import Framework
from ..numbers import display, plain_number, round_half_up
from ..scoring import ScoreResult
from . import RenderOptions

BAND_STYLES = ("red", "yellow", "cyan", "green", "bold green")  # lowest band first
BAR_WIDTH = 20


def console(options: RenderOptions) -> Console:
    """A console that renders to a string; markup off, so user text is never read as Rich markup."""
    return Console(
        file=io.StringIO(),
        width=options.width,
        force_terminal=options.color,
        no_color=not options.color,
        color_system="standard" if options.color else None,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )


def render(renderables: list, options: RenderOptions) -> str:
    out = console(options)
    for item in renderables:
        out.print(item)
    return out.file.getvalue()  # type: ignore[attr-defined]


def band_style(framework: Framework, value: Fraction) -> str:
    name = framework.predikat(round_half_up(value))
    return BAND_STYLES[min(framework.band_rank(name), len(BAND_STYLES) - 1)]


def bar(framework: Framework, value: Fraction) -> Text:
    span = framework.max_value - framework.min_value
    filled = int(round_half_up((Fraction(value) - framework.min_value) / span * BAR_WIDTH, 0))
    return Text("█" * filled + "░" * (BAR_WIDTH - filled), style=band_style(framework, value))


def index_text(framework: Framework, value: Fraction) -> Text:
    return Text(display(value), style=band_style(framework, value))


def score_renderables(result: ScoreResult, options: RenderOptions) -> list:
    t = options.messages
    framework = result.framework
    heading = Text(t("score_heading", index_name=framework.index_name, year=result.year, institution=result.institution), style="bold")
    summary = Text.assemble(
        (f"{framework.index_name}: ", "bold"),
        (display(result.index), "bold " + band_style(framework, result.index)),
        " ",
        (f"({result.predikat})", band_style(framework, result.index)),
        "  ",
        bar(framework, result.index),
    )
    parts: list = [heading, Text(t("framework_line", title=framework.title, id=framework.id), style="dim"), summary, Text("")]
    if result.domains:
        domains = Table(title=t("domains"), title_justify="left", expand=False)
        for column, justify in (("#", "right"), (t("domain"), "left"), (t("weight"), "right"), (t("index"), "right"), ("", "left"), (t("predikat"), "left")):
            domains.add_column(column, justify=justify)  # type: ignore[arg-type]
        for d in result.domains:
            domains.add_row(str(d.number), Text(d.name), plain_number(d.weight), index_text(framework, d.index), bar(framework, d.index), Text(framework.predikat(d.shown)))
        parts.append(domains)
    aspects = Table(title=t("aspects"), title_justify="left", expand=False)
    for column, justify in (("#", "right"), (t("aspect"), "left"), (t("weight"), "right"), (t("index"), "right"), ("", "left")):
        aspects.add_column(column, justify=justify)  # type: ignore[arg-type]
    for a in result.aspects:
        aspects.add_row(str(a.number), Text(a.name), plain_number(a.weight), index_text(framework, a.index), bar(framework, a.index))
    parts.append(aspects)
    if options.detail:
        indicators = Table(title=t("indicators"), title_justify="left", expand=False)
        for column, justify in (("#", "right"), (t("indicator"), "left"), (t("aspect"), "right"), (t("weight"), "right"), (t("value"), "right"), (t("level"), "left"), (t("target"), "right")):
            indicators.add_column(column, justify=justify)  # type: ignore[arg-type]
        for i in result.indicators:
            value = Text(plain_number(i.value, 2), style=band_style(framework, i.value))
            if len(i.values) > 1:
                value.append(f" ({' / '.join(plain_number(v) for v in i.values)})", style="dim")
            indicators.add_row(
                Text(i.id), Text(i.name), str(i.aspect), plain_number(i.weight, 4), value, Text(i.level_name or ""),
                plain_number(i.target) if i.target is not None else "",
            )
        parts.append(indicators)
    return [RenderGroup(*parts)]


def score(results: Iterable[ScoreResult], options: RenderOptions) -> Iterator[str]:
    for position, result in enumerate(results):
        yield ("\n" if position else "") + render(score_renderables(result, options), options)


def frameworks(items, options: RenderOptions) -> str:
    t = options.messages
    grid = Table(expand=False)
    for column in ("id", t("framework"), t("year"), t("value"), t("indicators")):
        grid.add_column(column)
    for f in items:
        grid.add_row(
            Text(f.id, style="bold"),
            Text(f"{f.title}\n{f.regulation}"),
            f"{f.first_year}–{f.last_year or ''}",
            f"{f.value_type} {f.min_value}–{f.max_value}",
            str(len(f.indicators)),
        )
    return render([grid], options)


def indicators(items, options: RenderOptions) -> str:
    t = options.messages
    parts: list = []
    for f in items:
        grid = Table(title=f"{f.title} ({f.id})", title_justify="left", expand=False)
        grid.add_column("#", justify="right")
        grid.add_column(t("indicator"))
        grid.add_column(t("weight"), justify="right")
        groups = [(d, [a for a in f.aspects if a.domain == d.number]) for d in f.domains] or [(None, list(f.aspects))]
        for domain, aspects in groups:
            if domain is not None:
                grid.add_row("", Text(f"{t('domain')} {domain.number}. {domain.name}", style="bold"), Text(plain_number(domain.weight), style="bold"))
            for aspect in aspects:
                grid.add_row("", Text(f"{t('aspect')} {aspect.number}. {aspect.name}", style="bold cyan"), Text(plain_number(aspect.weight), style="cyan"))
                for indicator_id in aspect.indicators:
                    i = f.by_id[indicator_id]
                    grid.add_row(Text(i.id), Text(i.name), plain_number(i.weight))
        parts += [grid, Text("")]
    return render(parts, options)
