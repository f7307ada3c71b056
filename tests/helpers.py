"""Shared test data and helpers. Test modules import from here (or use conftest fixtures), never
from each other."""

from __future__ import annotations

import itertools
import math
import os
from fractions import Fraction
from pathlib import Path

from hypothesis import strategies as st

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.scoring import score
from spbe_cli.loading.catalog import load_catalog, parse_catalog

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
# After an intended change of an output: SPBE_UPDATE_GOLDEN=1 python -m pytest  (see tests/golden/README.md)
UPDATE_GOLDEN = os.environ.get("SPBE_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, text: str) -> None:
    """`text` equals tests/golden/NAME exactly; with SPBE_UPDATE_GOLDEN=1, NAME is written first."""
    golden = GOLDEN / name
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.is_file(), f"no golden file {name}: create it with SPBE_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8"), f"{name} changed: regenerate it if the change is intended"


# A small frameworks file: three indicators in two aspects, two predikat bands.
MINI_FRAMEWORKS = """\
schema_version: 1
frameworks:
  - id: mini
    title: Mini
    index_name: Indeks Mini
    regulation: Aturan Mini
    years: {first: 2030}
    values: {type: integer, min: 1, max: 5}
    level_scales: {s: {1: Satu, 5: Lima}}
    scale: s
    predikat:
      - {name: Tinggi, min: 3.00}
      - {name: Rendah, min: 1.00}
    aspects:
      - number: 1
        name: A
        weight: 60
        indicators:
          - {id: M1, name: Satu, weight: 30}
          - {id: M2, name: Dua, weight: 30}
      - number: 2
        name: B
        indicators:
          - {id: M3, name: Tiga, weight: 40}
    sources: [{title: Contoh}]
    verified: not verified; a test framework
"""


def mini_assessment(levels: dict[str, int], framework: str = "mini", year: int = 2030) -> str:
    """An assessment file of the mini framework (or a copy of it under another id)."""
    lines = [f"framework: {framework}", "institution: Uji", f"year: {year}", "levels:"]
    lines += [f"  {key}: {value}" for key, value in levels.items()]
    return "\n".join(lines) + "\n"


def mini_with_bands(framework_id: str, bands: list[tuple[str, str]]) -> str:
    """The mini framework under another id and other predikat bands, as a second entry of the file."""
    body = MINI_FRAMEWORKS.split("frameworks:\n", 1)[1].replace("id: mini", f"id: {framework_id}")
    start, end = body.index("    predikat:\n"), body.index("    aspects:\n")
    listed = "".join(f"      - {{name: {name}, min: {low}}}\n" for name, low in bands)
    return body[:start] + "    predikat:\n" + listed + body[end:]


# --- the bundled frameworks and hypothesis strategies for assessments of them

CATALOG = load_catalog()
FRAMEWORKS = list(CATALOG)


def values_for(framework):
    if framework.integer_values:
        return st.integers(framework.min_value, framework.max_value)
    # Pemdi: decimals with up to two places from 1.00 to 5.00
    return st.integers(100, 500).map(lambda hundredths: Fraction(hundredths, 100))


@st.composite
def assessments(draw, framework=None):
    framework = framework or draw(st.sampled_from(FRAMEWORKS))
    value = values_for(framework)
    entries = {}
    for indicator in framework.indicators:
        if indicator.multiple:
            entries[indicator.id] = Entry(values=tuple(draw(st.lists(value, min_size=1, max_size=4))))
        else:
            entries[indicator.id] = Entry(values=(draw(value),))
    return framework, Assessment(framework.id, "Uji", 2024, entries)


# --- a small frameworks file for the planner, and a brute-force planner to check it against

SMALL = """\
schema_version: 1
frameworks:
  - id: small-int
    title: Small
    index_name: Indeks Kecil
    regulation: Uji
    years: {first: 2030}
    values: {type: integer, min: 1, max: 5}
    level_scales: {s: {1: Satu}}
    scale: s
    predikat: [{name: Baik, min: 3.00}, {name: Kurang, min: 1.00}]
    domains:
      - number: 1
        name: D1
        aspects:
          - {number: 1, name: A1, indicators: [{id: a, name: A, weight: 12.5}, {id: b, name: B, weight: 37.5}]}
      - number: 2
        name: D2
        aspects:
          - {number: 2, name: A2, indicators: [{id: c, name: C, weight: 20}, {id: d, name: D, weight: 30}]}
    sources: [{title: test}]
    verified: test only
  - id: small-dec
    title: Small decimals
    index_name: Indeks Desimal
    regulation: Uji
    years: {first: 2030}
    values: {type: decimal, min: 1, max: 5}
    level_scales: {s: {1: Satu}}
    scale: s
    predikat: [{name: Baik, min: 2.50}, {name: Kurang, min: 1.00}]
    aspects:
      - {number: 1, name: A1, indicators: [{id: x, name: X, weight: 15}, {id: y, name: Y, weight: 25}, {id: z, name: Z, weight: 60}]}
    sources: [{title: test}]
    verified: test only
"""
SMALL_CATALOG = parse_catalog(SMALL.encode(), "small.yaml")


def brute_force(assessment, framework, target, costs, locked=frozenset(), cap=None):
    """Least cost over every combination of end levels; None when nothing reaches the target."""
    cap = framework.max_value if cap is None else cap
    choices = []
    for indicator in framework.indicators:
        start = assessment.entries[indicator.id].values[0]
        ends = [start]
        if indicator.id not in locked:
            level = start
            while math.floor(level) + 1 <= cap:
                level = math.floor(level) + 1
                ends.append(level)
        choices.append(ends)
    best = None
    for combination in itertools.product(*choices):
        entries = {i.id: Entry((v,)) for i, v in zip(framework.indicators, combination, strict=True)}
        result = score(Assessment(framework.id, "X", 2030, entries), framework)
        if result.shown < target:
            continue
        cost = sum(
            costs.of(i.id) * len(range(0, choices[n].index(v)))
            for n, (i, v) in enumerate(zip(framework.indicators, combination, strict=True))
        )
        best = cost if best is None or cost < best else best
    return best


# User text that would run as script, template or markup if an output failed to escape it.
HOSTILE = '<script>document.body.setAttribute("data-pwned","1")</script></style>{{ 7*7 }}\u202eevil'
