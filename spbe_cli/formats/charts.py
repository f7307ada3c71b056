"""Inline SVG charts for the HTML pages: radar, trend and ranked bars. Pure functions, markup out.

A small module of our own rather than a charting library: three fixed chart shapes, no JavaScript,
no fonts or files fetched, identical bytes for identical data (a golden file holds them), and
nothing to install. Every chart has role="img", a <title> and a <desc>; the page puts the same
numbers in a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from markupsafe import Markup, escape

Number = Fraction | Decimal | int
Formatter = Callable[[Number], str]

# Print-safe colours, told apart by dash pattern as well (reports are often printed in black and white).
INK = "#1f2933"
GRID = "#c8d0d8"
CURRENT = "#1f4e79"
SELF = "#c55a11"
TARGET = "#2e7d32"
EARLIER = ("#7b8794", "#9aa5b1", "#52606d", "#b8c2cc")
EARLIER_DASH = ("2 3", "6 3", "1 2", "8 2 2 2")
ASPECT_COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")
BAND_COLOURS = {  # predikat: (bar, light background)
    "Memuaskan": ("#1565c0", "#e3eefb"),
    "Sangat Baik": ("#2e7d32", "#e6f2e7"),
    "Baik": ("#7cb342", "#f0f6e6"),
    "Cukup": ("#ef8f00", "#fdf1de"),
    "Kurang": ("#c62828", "#f9e3e3"),
}


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number]
    kind: str  # "current", "self", "earlier"


def band_colours(name: str) -> tuple[str, str]:
    return BAND_COLOURS.get(name, ("#607080", "#eef1f4"))


def _n(value: float) -> str:
    """A coordinate: one decimal, no "-0.0", so the same data always gives the same bytes."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


def _open(view_w: int, view_h: int, chart_id: str, title: str, desc: str, css_class: str) -> list[str]:
    return [
        f'<svg class="{css_class}" viewBox="0 0 {view_w} {view_h}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)}</desc>',
    ]


def wrap(text: str, width: int) -> list[str]:
    """Words into lines of at most `width` characters (a longer word stands alone)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines or [""]


def radar(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    low: int,
    high: int,
    ring: Number,
    ring_label: str,
    chart_id: str,
    title: str,
    desc: str,
    number: Formatter,
) -> Markup:
    """A radar (spider) chart of the aspects, one polygon per series, with a dashed target ring."""
    count = len(labels)
    legend_rows = (len(series) + 2) // 2  # the series and the target ring, two to a row
    width, cx, cy, radius = 760, 380, 245, 185
    legend_top = cy + radius + 78
    height = legend_top + 20 * legend_rows

    def point(axis: int, value: Number | float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * axis / count
        r = radius * (float(value) - low) / (high - low)
        return cx + r * math.cos(angle), cy + r * math.sin(angle)

    def polygon(values: Sequence[Number]) -> str:
        return " ".join(f"{_n(x)},{_n(y)}" for x, y in (point(a, v) for a, v in enumerate(values)))

    out = _open(width, height, chart_id, title, desc, "chart radar")
    out.append(f'<g fill="none" stroke="{GRID}" stroke-width="1">')
    for level in range(low + 1, high + 1):
        out.append(f'<polygon points="{polygon([level] * count)}"/>')
    for axis in range(count):
        x, y = point(axis, high)
        out.append(f'<line x1="{cx}" y1="{cy}" x2="{_n(x)}" y2="{_n(y)}"/>')
    out.append("</g>")
    out.append('<g font-size="11" fill="#6b7785" text-anchor="middle">')
    for level in range(low + 1, high + 1):
        x, y = point(0, level)
        out.append(f'<text x="{_n(x + 9)}" y="{_n(y + 4)}">{level}</text>')
    out.append("</g>")
    out.append(
        f'<polygon points="{polygon([ring] * count)}" fill="none" stroke="{TARGET}" stroke-width="1.6" '
        f'stroke-dasharray="7 4"/>'
    )
    earlier = 0
    ordered = [s for s in series if s.kind == "earlier"] + [s for s in series if s.kind != "earlier"]
    for item in ordered:
        points = polygon(item.values)
        if item.kind == "current":
            out.append(
                f'<polygon points="{points}" fill="{CURRENT}" fill-opacity="0.16" stroke="{CURRENT}" stroke-width="2.6"/>'
            )
            out.append(f'<g fill="{CURRENT}">')
            for axis, value in enumerate(item.values):
                x, y = point(axis, value)
                out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2"/>')
            out.append("</g>")
        elif item.kind == "self":
            out.append(
                f'<polygon points="{points}" fill="none" stroke="{SELF}" stroke-width="2.2" stroke-dasharray="9 4"/>'
            )
        else:
            colour, dash = EARLIER[earlier % len(EARLIER)], EARLIER_DASH[earlier % len(EARLIER_DASH)]
            earlier += 1
            out.append(
                f'<polygon points="{points}" fill="none" stroke="{colour}" stroke-width="1.8" '
                f'stroke-dasharray="{dash}"/>'
            )
    out.append(f'<g font-size="12.5" fill="{INK}">')
    for axis, label in enumerate(labels):
        x, y = point(axis, high + (high - low) * 0.09)
        anchor = "middle" if abs(x - cx) < 8 else "start" if x > cx else "end"
        lines = wrap(label, 24)
        top = y - (len(lines) - 1) * 7.5 if abs(y - cy) < radius * 0.5 else y - (len(lines) - 1) * 15 if y < cy else y
        out.append(f'<text x="{_n(x)}" y="{_n(top + 4)}" text-anchor="{anchor}">')
        for n, line in enumerate(lines):
            out.append(f'<tspan x="{_n(x)}" dy="{0 if n == 0 else 15}">{escape(line)}</tspan>')
        out.append("</text>")
    out.append("</g>")
    # Legend: one line per series, then the target ring, centred under the chart.
    entries: list[tuple[str, str, str, float]] = []
    earlier = 0
    for item in series:
        if item.kind == "current":
            entries.append((item.name, CURRENT, "", 2.6))
        elif item.kind == "self":
            entries.append((item.name, SELF, "9 4", 2.2))
        else:
            entries.append((item.name, EARLIER[earlier % len(EARLIER)], EARLIER_DASH[earlier % len(EARLIER_DASH)], 1.8))
            earlier += 1
    entries.append((ring_label + " " + number(ring), TARGET, "7 4", 1.6))
    out.append(f'<g font-size="12.5" fill="{INK}">')
    for n, (name, colour, dash, stroke) in enumerate(entries):
        x = 200 + (n % 2) * 220
        y = legend_top + (n // 2) * 20
        dashed = f' stroke-dasharray="{dash}"' if dash else ""
        out.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 30}" y2="{y - 4}" stroke="{colour}" stroke-width="{stroke}"{dashed}/>'
        )
        out.append(f'<text x="{x + 38}" y="{y}">{escape(name)}</text>')
    out.append("</g></svg>")
    return Markup("\n".join(out))


def trend(
    years: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],  # (legend label, value per year); the index first
    *,
    bands: Sequence[tuple[str, Number]],  # (predikat, lower edge), highest first
    low: int,
    high: int,
    chart_id: str,
    title: str,
    desc: str,
    number: Formatter,
) -> Markup:
    """The index (first series, bold, labelled) and the aspects across the years, over the predikat bands."""
    width, height = 760, 380
    left, right, top, bottom = 52, 560, 20, 330
    span = max(len(years) - 1, 1)

    def x_of(position: int) -> float:
        return left + 50 + (right - left - 150) * (position / span if len(years) > 1 else 0.5)

    def y_of(value: Number) -> float:
        return bottom - (bottom - top) * (float(value) - low) / (high - low)

    out = _open(width, height, chart_id, title, desc, "chart trend")
    upper: Number = high
    for name, edge in bands:
        lower = max(Fraction(str(edge)), Fraction(low))
        background = band_colours(name)[1]
        out.append(
            f'<rect x="{left}" y="{_n(y_of(upper))}" width="{right - left}" height="{_n(y_of(lower) - y_of(upper))}" '
            f'fill="{background}"/>'
        )
        out.append(
            f'<text x="{right - 6}" y="{_n(y_of(upper) + 13)}" font-size="10.5" fill="#6b7785" '
            f'text-anchor="end">{escape(name)}</text>'
        )
        upper = lower
    out.append(f'<g stroke="{GRID}" font-size="11" fill="#6b7785" text-anchor="end">')
    for level in range(low, high + 1):
        out.append(f'<line x1="{left}" y1="{_n(y_of(level))}" x2="{right}" y2="{_n(y_of(level))}"/>')
        out.append(f'<text x="{left - 8}" y="{_n(y_of(level) + 4)}" stroke="none">{level}</text>')
    out.append("</g>")
    out.append(f'<g font-size="12" fill="{INK}" text-anchor="middle">')
    for position, year in enumerate(years):
        out.append(f'<text x="{_n(x_of(position))}" y="{bottom + 20}">{escape(year)}</text>')
    out.append("</g>")
    for n, (_name, values) in enumerate(reversed(series)):
        main = n == len(series) - 1
        colour = INK if main else ASPECT_COLOURS[(len(series) - 2 - n) % len(ASPECT_COLOURS)]
        points = [(x_of(p), y_of(v)) for p, v in enumerate(values) if v is not None]
        stroke = 3.2 if main else 1.5
        if len(points) > 1:
            path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
            out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{stroke}"/>')
        out.append(f'<g fill="{colour}">')
        for x, y in points:
            out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{4.2 if main else 2.6}"/>')
        out.append("</g>")
        if main:
            out.append(f'<g font-size="12.5" font-weight="bold" fill="{INK}" text-anchor="middle">')
            for position, value in enumerate(values):
                if value is not None:
                    out.append(
                        f'<text x="{_n(x_of(position))}" y="{_n(y_of(value) - 10)}">{escape(number(value))}</text>'
                    )
            out.append("</g>")
    out.append(f'<g font-size="12" fill="{INK}">')
    for n, (name, _values) in enumerate(series):
        colour = INK if n == 0 else ASPECT_COLOURS[(n - 1) % len(ASPECT_COLOURS)]
        y = top + 10 + n * 21
        out.append(
            f'<line x1="{right + 22}" y1="{y - 4}" x2="{right + 46}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="{3.2 if n == 0 else 2}"/>'
        )
        out.append(f'<text x="{right + 52}" y="{y}">{escape(name)}</text>')
    out.append("</g></svg>")
    return Markup("\n".join(out))


def ranked_bars(
    rows: Sequence[tuple[str, Number, str]],  # (label, index, predikat), in rank order
    *,
    bands: Sequence[tuple[str, Number]],  # (predikat, lower edge), highest first
    low: int,
    high: int,
    chart_id: str,
    title: str,
    desc: str,
    number: Formatter,
) -> Markup:
    """Horizontal bars of the indices over the predikat bands, one row per institution."""
    label_width, plot_width, row_height, top = 300, 440, 22, 34
    width = label_width + plot_width + 70
    height = top + row_height * len(rows) + 16

    def x_of(value: Number) -> float:
        return label_width + plot_width * (float(value) - low) / (high - low)

    out = _open(width, height, chart_id, title, desc, "chart bars")
    upper: Number = high
    plot_bottom = top + row_height * len(rows)
    for name, edge in bands:
        lower = max(Fraction(str(edge)), Fraction(low))
        background = band_colours(name)[1]
        out.append(
            f'<rect x="{_n(x_of(lower))}" y="{top}" width="{_n(x_of(upper) - x_of(lower))}" '
            f'height="{plot_bottom - top}" fill="{background}"/>'
        )
        middle = (x_of(lower) + x_of(upper)) / 2
        out.append(
            f'<text x="{_n(middle)}" y="{top - 8}" font-size="10.5" fill="#52606d" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
        if lower > low:
            out.append(
                f'<line x1="{_n(x_of(lower))}" y1="{top}" x2="{_n(x_of(lower))}" y2="{plot_bottom}" '
                f'stroke="#9aa5b1" stroke-dasharray="3 3"/>'
            )
        upper = lower
    out.append(f'<g font-size="12" fill="{INK}">')
    for n, (label, value, predikat) in enumerate(rows):
        y = top + n * row_height
        shown = label if len(label) <= 42 else label[:41] + "…"
        out.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{escape(shown)}</text>')
        out.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{_n(max(x_of(value) - label_width, 0))}" height="{row_height - 8}" '
            f'fill="{band_colours(predikat)[0]}"/>'
        )
        out.append(f'<text x="{_n(x_of(value) + 5)}" y="{y + 15}">{escape(number(value))}</text>')
    out.append("</g></svg>")
    return Markup("\n".join(out))
