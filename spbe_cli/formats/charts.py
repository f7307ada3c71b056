"""Inline SVG charts for the HTML pages: radar, trend, ranked bars and a distribution. Pure functions,
markup out.

A small module of our own rather than a charting library: four fixed chart shapes, no JavaScript,
no fonts or files fetched, identical bytes for identical data (a golden file holds them), and
nothing to install. Every chart has role="img", a <title> and a <desc>; the page puts the same
numbers in a table beside it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from markupsafe import Markup, escape

from .escaping import inert

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


def _text(value: object) -> Markup:
    """A label for the SVG: invisible and direction-changing characters shown as escapes, then escaped."""
    return escape(inert(value))


def _n(value: float) -> str:
    """A coordinate: one decimal, no "-0.0", so the same data always gives the same bytes."""
    text = f"{value:.1f}"
    return "0.0" if text == "-0.0" else text


@dataclass(frozen=True)
class Caption:
    """What a chart says to a screen reader: its id (the page's anchor for both), title and description."""

    chart_id: str
    title: str
    desc: str


def _open(view_w: int, view_h: int, caption: Caption, css_class: str) -> list[str]:
    chart_id = caption.chart_id
    return [
        f'<svg class="{css_class}" viewBox="0 0 {view_w} {view_h}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{_text(caption.title)}</title>',
        f'<desc id="{chart_id}-desc">{_text(caption.desc)}</desc>',
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


def _band_spans(bands: Sequence[tuple[str, Number]], low: int, high: int) -> Iterator[tuple[str, Fraction, Number]]:
    """(predikat, lower edge, upper edge) of each band, highest first; the lowest band starts at `low`."""
    upper: Number = high
    for name, edge in bands:
        lower = max(Fraction(str(edge)), Fraction(low))
        yield name, lower, upper
        upper = lower


# --- radar ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stroke:
    colour: str
    dash: str  # "" for a solid line
    width: float


@dataclass(frozen=True)
class _RadarFrame:
    """Where values stand on a radar of `axes` axes: `low` at the centre, `high` on the outer ring."""

    axes: int
    low: int
    high: int
    cx: int = 380
    cy: int = 245
    radius: int = 185

    def point(self, axis: int, value: Number | float) -> tuple[float, float]:
        angle = -math.pi / 2 + 2 * math.pi * axis / self.axes
        r = self.radius * (float(value) - self.low) / (self.high - self.low)
        return self.cx + r * math.cos(angle), self.cy + r * math.sin(angle)

    def polygon(self, values: Sequence[Number]) -> str:
        return " ".join(f"{_n(x)},{_n(y)}" for x, y in (self.point(a, v) for a, v in enumerate(values)))


def radar(
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    low: int,
    high: int,
    ring: Number,
    ring_label: str,
    caption: Caption,
    number: Formatter,
) -> Markup:
    """A radar (spider) chart of the aspects, one polygon per series, with a dashed target ring."""
    frame = _RadarFrame(len(labels), low, high)
    legend_rows = (len(series) + 2) // 2  # the series and the target ring, two to a row
    legend_top = frame.cy + frame.radius + 78
    out = _open(760, legend_top + 20 * legend_rows, caption, "chart radar")
    out += _radar_grid(frame)
    out.append(
        f'<polygon points="{frame.polygon([ring] * frame.axes)}" fill="none" stroke="{TARGET}" stroke-width="1.6" '
        f'stroke-dasharray="7 4"/>'
    )
    strokes = _series_strokes(series)
    drawn = sorted(zip(series, strokes, strict=True), key=lambda item: item[0].kind != "earlier")  # earlier below
    out += [line for item, stroke in drawn for line in _radar_series(frame, item, stroke)]
    out += _radar_labels(frame, labels)
    legend = [(item.name, stroke) for item, stroke in zip(series, strokes, strict=True)]
    legend.append((ring_label + " " + number(ring), _Stroke(TARGET, "7 4", 1.6)))
    out += _radar_legend(legend, legend_top)
    return Markup("\n".join(out))


def _series_strokes(series: Sequence[Series]) -> list[_Stroke]:
    """Each series' line: the current result bold and solid, the self-assessment dashed, earlier years
    grey with a dash pattern of their own."""
    strokes: list[_Stroke] = []
    earlier = 0
    for item in series:
        if item.kind == "current":
            strokes.append(_Stroke(CURRENT, "", 2.6))
        elif item.kind == "self":
            strokes.append(_Stroke(SELF, "9 4", 2.2))
        else:
            strokes.append(_Stroke(EARLIER[earlier % len(EARLIER)], EARLIER_DASH[earlier % len(EARLIER_DASH)], 1.8))
            earlier += 1
    return strokes


def _radar_grid(frame: _RadarFrame) -> list[str]:
    """A ring per level, a spoke per axis, and the levels written up the first spoke."""
    levels = range(frame.low + 1, frame.high + 1)
    out = [f'<g fill="none" stroke="{GRID}" stroke-width="1">']
    out += [f'<polygon points="{frame.polygon([level] * frame.axes)}"/>' for level in levels]
    for axis in range(frame.axes):
        x, y = frame.point(axis, frame.high)
        out.append(f'<line x1="{frame.cx}" y1="{frame.cy}" x2="{_n(x)}" y2="{_n(y)}"/>')
    out.append("</g>")
    out.append('<g font-size="11" fill="#6b7785" text-anchor="middle">')
    for level in levels:
        x, y = frame.point(0, level)
        out.append(f'<text x="{_n(x + 9)}" y="{_n(y + 4)}">{level}</text>')
    out.append("</g>")
    return out


def _radar_series(frame: _RadarFrame, item: Series, stroke: _Stroke) -> list[str]:
    """One series' polygon; the current result's is filled and marks each value with a dot."""
    points = frame.polygon(item.values)
    if item.kind != "current":
        return [
            f'<polygon points="{points}" fill="none" stroke="{stroke.colour}" stroke-width="{stroke.width}" '
            f'stroke-dasharray="{stroke.dash}"/>'
        ]
    out = [
        f'<polygon points="{points}" fill="{CURRENT}" fill-opacity="0.16" stroke="{CURRENT}" stroke-width="2.6"/>',
        f'<g fill="{CURRENT}">',
    ]
    for axis, value in enumerate(item.values):
        x, y = frame.point(axis, value)
        out.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2"/>')
    out.append("</g>")
    return out


def _radar_labels(frame: _RadarFrame, labels: Sequence[str]) -> list[str]:
    """Each axis's label just outside the outer ring, wrapped, anchored away from the centre."""
    out = [f'<g font-size="12.5" fill="{INK}">']
    for axis, label in enumerate(labels):
        x, y = frame.point(axis, frame.high + (frame.high - frame.low) * 0.09)
        lines = wrap(label, 24)
        out.append(
            f'<text x="{_n(x)}" y="{_n(_label_top(frame, y, len(lines)) + 4)}" text-anchor="{_anchor(frame, x)}">'
        )
        for position, line in enumerate(lines):
            out.append(f'<tspan x="{_n(x)}" dy="{0 if position == 0 else 15}">{_text(line)}</tspan>')
        out.append("</text>")
    out.append("</g>")
    return out


def _anchor(frame: _RadarFrame, x: float) -> str:
    """A label at the top or bottom is centred; on the right it starts at x, on the left it ends there."""
    if abs(x - frame.cx) < 8:
        return "middle"
    return "start" if x > frame.cx else "end"


def _label_top(frame: _RadarFrame, y: float, lines: int) -> float:
    """The first line's height: labels beside the chart centred on y, above it ending at y, below it
    starting at y."""
    if abs(y - frame.cy) < frame.radius * 0.5:
        return y - (lines - 1) * 7.5
    return y - (lines - 1) * 15 if y < frame.cy else y


def _radar_legend(entries: Sequence[tuple[str, _Stroke]], top: int) -> list[str]:
    """The series and the target ring, two to a row, centred under the chart."""
    out = [f'<g font-size="12.5" fill="{INK}">']
    for position, (name, stroke) in enumerate(entries):
        x = 200 + (position % 2) * 220
        y = top + (position // 2) * 20
        dashed = f' stroke-dasharray="{stroke.dash}"' if stroke.dash else ""
        out.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 30}" y2="{y - 4}" stroke="{stroke.colour}" '
            f'stroke-width="{stroke.width}"{dashed}/>'
        )
        out.append(f'<text x="{x + 38}" y="{y}">{_text(name)}</text>')
    out.append("</g></svg>")
    return out


# --- trend -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TrendFrame:
    """Where a year and a value stand on the trend chart's plot area."""

    years: int
    low: int
    high: int
    left: int = 52
    right: int = 720
    top: int = 20
    bottom: int = 330

    def x(self, position: int) -> float:
        span = max(self.years - 1, 1)
        return self.left + 60 + (self.right - self.left - 170) * (position / span if self.years > 1 else 0.5)

    def y(self, value: Number) -> float:
        return self.bottom - (self.bottom - self.top) * (float(value) - self.low) / (self.high - self.low)


def trend(
    years: Sequence[str],
    series: Sequence[tuple[str, Sequence[Number | None]]],  # (legend label, value per year); the index first
    *,
    bands: Sequence[tuple[str, Number]],  # (predikat, lower edge), highest first
    low: int,
    high: int,
    caption: Caption,
    number: Formatter,
    sublabels: Sequence[str] = (),  # a second line under each year (its stage), or empty
) -> Markup:
    """The index (first series, bold, labelled) and the aspects across the years, over the predikat bands;
    the legend below names every series in full."""
    frame = _TrendFrame(len(years), low, high)
    left, right, bottom = frame.left, frame.right, frame.bottom
    legend_top = bottom + (58 if any(sublabels) else 44)
    legend, legend_height = _trend_legend(frame, [name for name, _values in series], legend_top)
    out = _open(760, legend_top + legend_height, caption, "chart trend")
    for name, lower, upper in _band_spans(bands, low, high):
        out.append(
            f'<rect x="{left}" y="{_n(frame.y(upper))}" width="{right - left}" '
            f'height="{_n(frame.y(lower) - frame.y(upper))}" fill="{band_colours(name)[1]}"/>'
        )
        out.append(
            f'<text x="{right - 6}" y="{_n(frame.y(upper) + 13)}" font-size="10.5" fill="#6b7785" '
            f'text-anchor="end">{_text(name)}</text>'
        )
    out.append(f'<g stroke="{GRID}" font-size="11" fill="#6b7785" text-anchor="end">')
    for level in range(low, high + 1):
        out.append(f'<line x1="{left}" y1="{_n(frame.y(level))}" x2="{right}" y2="{_n(frame.y(level))}"/>')
        out.append(f'<text x="{left - 8}" y="{_n(frame.y(level) + 4)}" stroke="none">{level}</text>')
    out.append("</g>")
    out.append(f'<g font-size="12" fill="{INK}" text-anchor="middle">')
    for position, year in enumerate(years):
        out.append(f'<text x="{_n(frame.x(position))}" y="{bottom + 20}">{_text(year)}</text>')
        if position < len(sublabels) and sublabels[position]:
            x = _n(frame.x(position))
            out.append(
                f'<text x="{x}" y="{bottom + 35}" font-size="10.5" fill="#52606d">{_text(sublabels[position])}</text>'
            )
    out.append("</g>")
    for drawn, (_name, values) in enumerate(reversed(series)):  # the index last, on top
        out += _trend_line(frame, values, drawn == len(series) - 1, len(series) - 2 - drawn, number)
    out += legend
    return Markup("\n".join(out))


def _trend_line(
    frame: _TrendFrame, values: Sequence[Number | None], main: bool, aspect: int, number: Formatter
) -> list[str]:
    """One series across the years: the index (main) bold, with its values written above its points."""
    colour = INK if main else ASPECT_COLOURS[aspect % len(ASPECT_COLOURS)]
    points = [(frame.x(p), frame.y(v)) for p, v in enumerate(values) if v is not None]
    out = []
    if len(points) > 1:
        path = " ".join(f"{_n(x)},{_n(y)}" for x, y in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="{3.2 if main else 1.5}"/>')
    out.append(f'<g fill="{colour}">')
    out += [f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{4.2 if main else 2.6}"/>' for x, y in points]
    out.append("</g>")
    if main:
        out.append(f'<g font-size="12.5" font-weight="bold" fill="{INK}" text-anchor="middle">')
        for position, value in enumerate(values):
            if value is not None:
                x, y = frame.x(position), frame.y(value) - 10
                out.append(f'<text x="{_n(x)}" y="{_n(y)}">{_text(number(value))}</text>')
        out.append("</g>")
    return out


_LEGEND_ROW = 17  # pixels per legend line
_LEGEND_WIDTH = 56  # characters per legend line before it wraps


def _trend_legend(frame: _TrendFrame, names: Sequence[str], top: int) -> tuple[list[str], int]:
    """The series' names below the plot, in two columns, the index first; the lines and their height."""
    out = [f'<g font-size="11" fill="{INK}">']
    half = (len(names) + 1) // 2
    heights = [0, 0]
    for position, name in enumerate(names):
        column = 0 if position < half else 1
        colour = INK if position == 0 else ASPECT_COLOURS[(position - 1) % len(ASPECT_COLOURS)]
        x = frame.left + column * 345
        y = top + heights[column]
        out.append(
            f'<line x1="{x}" y1="{y - 4}" x2="{x + 22}" y2="{y - 4}" stroke="{colour}" '
            f'stroke-width="{3.2 if position == 0 else 2}"/>'
        )
        lines = wrap(name, _LEGEND_WIDTH)
        out.append(f'<text x="{x + 28}" y="{y}">')
        for number, line in enumerate(lines):
            out.append(f'<tspan x="{x + 28}" dy="{0 if number == 0 else _LEGEND_ROW - 3}">{_text(line)}</tspan>')
        out.append("</text>")
        heights[column] += _LEGEND_ROW + (len(lines) - 1) * (_LEGEND_ROW - 3)
    out.append("</g></svg>")
    return out, max(heights) + 4


# --- ranked bars ----------------------------------------------------------------------------------


def ranked_bars(
    rows: Sequence[tuple[str, Number, str]],  # (label, index, predikat), in rank order
    *,
    bands: Sequence[tuple[str, Number]],  # (predikat, lower edge), highest first
    low: int,
    high: int,
    caption: Caption,
    number: Formatter,
    reference: tuple[Number, str] | None = None,  # (index, label): a dashed line across the bars
) -> Markup:
    """Horizontal bars of the indices over the predikat bands, one row per institution, and a line at
    the reference index with its label under the bars."""
    label_width, plot_width, row_height, top = 300, 440, 22, 34
    width = label_width + plot_width + 70
    height = top + row_height * len(rows) + (36 if reference is not None else 16)

    def x_of(value: Number) -> float:
        return label_width + plot_width * (float(value) - low) / (high - low)

    out = _open(width, height, caption, "chart bars")
    plot_bottom = top + row_height * len(rows)
    for name, lower, upper in _band_spans(bands, low, high):
        out.append(
            f'<rect x="{_n(x_of(lower))}" y="{top}" width="{_n(x_of(upper) - x_of(lower))}" '
            f'height="{plot_bottom - top}" fill="{band_colours(name)[1]}"/>'
        )
        middle = (x_of(lower) + x_of(upper)) / 2
        out.append(
            f'<text x="{_n(middle)}" y="{top - 8}" font-size="10.5" fill="#52606d" '
            f'text-anchor="middle">{_text(name)}</text>'
        )
        if lower > low:
            out.append(
                f'<line x1="{_n(x_of(lower))}" y1="{top}" x2="{_n(x_of(lower))}" y2="{plot_bottom}" '
                f'stroke="#9aa5b1" stroke-dasharray="3 3"/>'
            )
    out.append(f'<g font-size="12" fill="{INK}">')
    for position, (label, value, predikat) in enumerate(rows):
        y = top + position * row_height
        shown = label if len(label) <= 42 else label[:41] + "…"
        out.append(f'<text x="{label_width - 8}" y="{y + 15}" text-anchor="end">{_text(shown)}</text>')
        out.append(
            f'<rect x="{label_width}" y="{y + 4}" width="{_n(max(x_of(value) - label_width, 0))}" height="{row_height - 8}" '
            f'fill="{band_colours(predikat)[0]}"/>'
        )
        out.append(f'<text x="{_n(x_of(value) + 5)}" y="{y + 15}">{_text(number(value))}</text>')
    if reference is None:
        out.append("</g></svg>")
        return Markup("\n".join(out))
    out.append("</g>")
    out += _reference_line(x_of(reference[0]), top, plot_bottom, reference[1], float(reference[0]) > (low + high) / 2)
    out.append("</svg>")
    return Markup("\n".join(out))


def _reference_line(x: float, top: int, bottom: int, label: str, right: bool) -> list[str]:
    """A dashed line across the bars at `x`, its label under them (ending at the line on the right half)."""
    return [
        f'<line x1="{_n(x)}" y1="{top - 4}" x2="{_n(x)}" y2="{bottom + 4}" stroke="{INK}" stroke-width="1.6" '
        f'stroke-dasharray="6 3"/>',
        f'<text x="{_n(x)}" y="{bottom + 20}" font-size="11.5" font-weight="bold" fill="{INK}" '
        f'text-anchor="{"end" if right else "start"}">{_text(label)}</text>',
    ]


# --- a category's published distribution ---------------------------------------------------------


def distribution(
    values: Sequence[Number],
    marked: Number,
    *,
    marked_label: str,
    bands: Sequence[tuple[str, Number]],  # (predikat, lower edge), highest first
    low: int,
    high: int,
    caption: Caption,
    number: Formatter,
) -> Markup:
    """How many published results fall in each tenth of the scale, over the predikat bands, with the
    institution's own figure marked by a line."""
    left, plot_width, top, plot_height = 40, 680, 30, 130
    width, height = left + plot_width + 40, top + plot_height + 36
    tenths = (high - low) * 10
    counts = [0] * tenths
    for value in values:
        counts[min(tenths - 1, max(0, int((Fraction(str(value)) - low) * 10)))] += 1
    tallest = max(counts, default=0) or 1

    def x_of(value: Number | float) -> float:
        return left + plot_width * (float(value) - low) / (high - low)

    out = _open(width, height, caption, "chart distribution")
    bottom = top + plot_height
    for name, lower, upper in _band_spans(bands, low, high):
        out.append(
            f'<rect x="{_n(x_of(lower))}" y="{top}" width="{_n(x_of(upper) - x_of(lower))}" '
            f'height="{plot_height}" fill="{band_colours(name)[1]}"/>'
        )
        out.append(
            f'<text x="{_n((x_of(lower) + x_of(upper)) / 2)}" y="{top - 8}" font-size="10.5" fill="#52606d" '
            f'text-anchor="middle">{escape(name)}</text>'
        )
    bar = plot_width / tenths
    for position, count in enumerate(counts):
        if count:
            tall = plot_height * count / tallest
            out.append(
                f'<rect x="{_n(left + bar * position + 1)}" y="{_n(bottom - tall)}" width="{_n(bar - 2)}" '
                f'height="{_n(tall)}" fill="{EARLIER[0]}"/>'
            )
    out.append(f'<g font-size="11" fill="{INK}" text-anchor="middle">')
    for tick in range(low, high + 1):
        out.append(f'<text x="{_n(x_of(tick))}" y="{bottom + 14}">{escape(number(tick))}</text>')
    out.append("</g>")
    x = x_of(marked)
    out.append(f'<line x1="{_n(x)}" y1="{top - 2}" x2="{_n(x)}" y2="{bottom}" stroke="{CURRENT}" stroke-width="2.5"/>')
    anchor = "end" if x > left + plot_width * 0.7 else "start"
    shift = -5 if anchor == "end" else 5
    out.append(
        f'<text x="{_n(x + shift)}" y="{bottom + 30}" font-size="12" font-weight="bold" fill="{CURRENT}" '
        f'text-anchor="{anchor}">{escape(marked_label)} {escape(number(marked))}</text>'
    )
    out.append("</svg>")
    return Markup("\n".join(out))
