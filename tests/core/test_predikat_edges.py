"""The predikat decided on the exact index: level sets whose exact index lies just under each band
edge (shown on the edge, yet the band below) in all three frameworks, the explanation wherever the
figure is shown, and the monotone rule as a property."""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbe_cli.core.numbers import round_half_up
from spbe_cli.core.planning import plan
from spbe_cli.core.predikat import edge_figure, explained
from spbe_cli.core.scoring import score
from spbe_cli.i18n import Messages, Phrase
from spbe_cli.loading.loader import parse_assessment

from ..helpers import CATALOG, FRAMEWORKS, assessments, levels_yaml

SERVICES = 3  # spbe-2018 indicator 35 assessed for three services: aspect 7 shares its weight in sixths


def entries(framework_id: str) -> list[tuple[str, int, Fraction]]:
    """(indicator id, service position, effective weight) of every value of a file: spbe-2018 with
    three services of indicator 35, where whole levels can land between hundredths."""
    framework = CATALOG.get(framework_id)
    found = []
    for indicator in framework.indicators:
        if indicator.multiple:
            aspect = next(a for a in framework.aspects if a.number == indicator.aspect)
            share = aspect.weight / (len(aspect.indicators) - 1 + SERVICES)
            found += [(indicator.id, position, share) for position in range(SERVICES)]
        elif framework_id == "spbe-2018" and indicator.aspect == 7:
            aspect = next(a for a in framework.aspects if a.number == 7)
            found.append((indicator.id, 0, aspect.weight / (len(aspect.indicators) - 1 + SERVICES)))
        else:
            found.append((indicator.id, 0, indicator.weight))
    return found


def just_under(framework_id: str, edge: Decimal) -> dict[str, object] | None:
    """Whole levels whose exact index lies in [edge - 0.005, edge), as close to the edge as the weights
    allow: shown on the edge, under it exactly.

    A dynamic programme over the weighted sum, in units that make every weight whole; None where the
    framework's weights cannot land there."""
    framework = CATALOG.get(framework_id)
    values = entries(framework_id)
    unit = math.lcm(*(w.denominator for _, _, w in values))
    low, high = framework.min_value, framework.max_value
    wanted = range(math.ceil((Fraction(edge) - Fraction(1, 200)) * 100 * unit), math.ceil(Fraction(edge) * 100 * unit))
    reached: dict[int, list[int]] = {0: []}
    for _, _, weight in values:
        step = int(weight * unit)
        following: dict[int, list[int]] = {}
        for total, chosen in reached.items():
            for level in range(low, high + 1):
                following.setdefault(total + step * level, [*chosen, level])
        reached = following
    total = next((t for t in reversed(wanted) if t in reached), None)  # the closest to the edge
    if total is None:
        return None
    levels: dict[str, object] = {}
    for (indicator_id, _, _), level in zip(values, reached[total], strict=True):
        if indicator_id in levels or (framework_id == "spbe-2018" and indicator_id == "35"):
            levels[indicator_id] = [*levels.get(indicator_id, []), level]  # type: ignore[list-item]
        else:
            levels[indicator_id] = level
    return levels


def edge_files() -> Iterator[tuple[str, Decimal, str]]:
    """(framework, edge, file text) for every band edge above the lowest band of each framework."""
    for framework in FRAMEWORKS:
        for band in framework.bands[:-1]:
            if framework.integer_values:
                levels = just_under(framework.id, band.min)
                assert levels is not None, (framework.id, band.min)
            else:
                value = Fraction(band.min) - Fraction(1, 400)  # 2.4975 under 2.50, for every indicator
                levels = {i.id: f"{float(value):.4f}" for i in framework.indicators}
            shown = {k: f"[{', '.join(map(str, v))}]" if isinstance(v, list) else v for k, v in levels.items()}
            yield framework.id, band.min, levels_yaml(framework.id, shown, year=framework.first_year)


EDGES = list(edge_files())


@pytest.mark.parametrize(("framework_id", "edge", "text"), EDGES, ids=[f"{f}-{e}" for f, e, _ in EDGES])
def test_a_level_set_just_under_an_edge_is_the_band_below(framework_id, edge, text):
    framework = CATALOG.get(framework_id)
    result = score(parse_assessment(text.encode(), "tepi.yaml", CATALOG), framework)
    above = next(band for band in framework.bands if band.min == edge)
    below = framework.bands[framework.bands.index(above) + 1]
    assert Fraction(edge) - Fraction(1, 200) <= result.index < Fraction(edge)
    assert result.shown == round_half_up(Fraction(edge))  # shown on the edge ...
    assert result.predikat == below.name  # ... and the band below it
    assert framework.under_edge(result.index) == above


def test_every_framework_has_its_edge_sets():
    assert {framework_id for framework_id, _, _ in EDGES} == {"spbe-2018", "spbe-2020", "pemdi-2026"}
    assert len(EDGES) == 12  # four edges each


def test_the_explanation_names_the_exact_index_the_edge_and_the_band():
    framework = CATALOG.get("spbe-2020")
    said = explained(framework, Fraction("2.5995"))
    assert isinstance(said, Phrase)
    assert Messages("en").phrase(said) == "Cukup: exactly 2.5995, under the 2.60 edge of Baik"
    assert Messages("id").phrase(said) == "Cukup: persisnya 2,5995, di bawah batas 2,60 predikat Baik"
    assert explained(framework, Fraction("2.60")) == "Baik"
    # a figure that does not end within 6 decimals is cut, never rounded up onto the edge
    assert edge_figure(Fraction("2.6") - Fraction(1, 3 * 10**6)) == (Decimal("2.5999"), False)
    assert Messages("en").phrase(explained(framework, Fraction(77999, 30000))).startswith("Cukup: 2.5999…, under")


@given(st.fractions(min_value=0, max_value=5), st.fractions(min_value=0, max_value=5), st.sampled_from(FRAMEWORKS))
def test_the_predikat_is_a_monotone_function_of_the_exact_index(a, b, framework):
    low, high = min(a, b), max(a, b)
    assert framework.band_rank(framework.predikat(low)) <= framework.band_rank(framework.predikat(high))
    band = framework.band(framework.predikat(high))
    assert band is not None and (high >= band.min or band == framework.bands[-1])


@given(assessments())
def test_raising_one_indicator_never_lowers_the_predikat(drawn):
    framework, assessment = drawn
    result = score(assessment, framework)
    entry_id = next(iter(assessment.entries))
    entry = assessment.entries[entry_id]
    raised = tuple(min(framework.max_value, value + 1) for value in entry.filled_values)
    changed = replace(assessment, entries={**assessment.entries, entry_id: entry._replace(values=raised)})
    better = score(changed, framework)
    assert better.index >= result.index
    assert framework.band_rank(better.predikat) >= framework.band_rank(result.predikat)


def test_a_plan_to_baik_reaches_an_exact_edge_never_a_shown_one():
    framework_id, edge, text = next(e for e in EDGES if e[0] == "spbe-2020" and e[1] == Decimal("2.60"))
    framework = CATALOG.get(framework_id)
    assessment = parse_assessment(text.encode(), "tepi.yaml", CATALOG)
    planned = plan(assessment, framework, edge, target_predikat="Baik")
    assert planned.steps  # a shown 2.60 that is Cukup is not "already there"
    assert planned.reached.index >= Fraction(edge) and planned.reached.predikat == "Baik"


# --- wherever the figure is shown ------------------------------------------------------------------


@pytest.fixture
def edge_file(write):
    """A spbe-2020 file whose exact index lies just under 2.60, and a second, raised one."""
    _, _, text = next(e for e in EDGES if e[0] == "spbe-2020" and e[1] == Decimal("2.60"))
    return write("tepi.yaml", text.replace("Pemerintah Kota Uji", "Pemerintah Kabupaten Tepi"))


@pytest.mark.parametrize(
    ("fmt", "lang", "said"),
    [
        ("table", "en", "2.60 (Cukup: exactly 2.5995, under the 2.60 edge of Baik)"),
        ("table", "id", "2,60 (Cukup: persisnya 2,5995, di bawah batas 2,60 predikat Baik)"),
        ("markdown", "id", "2,60 (Cukup: persisnya 2,5995, di bawah batas 2,60 predikat Baik)"),
    ],
)
def test_score_explains_a_figure_on_an_edge(spbe, edge_file, fmt, lang, said):
    result = spbe("score", edge_file, "-f", fmt, "--lang", lang, env={"COLUMNS": "200"})
    assert result.code == 0 and said in result.out


def test_json_keeps_index_exact_and_predikat(spbe, edge_file):
    data = json.loads(spbe("score", edge_file, "-f", "json").out)
    assert (data["index"], data["index_exact"], data["predikat"]) == (2.6, "2.5995", "Cukup")


def test_min_predikat_baik_fails_on_an_exact_2_5995_and_says_why(spbe, edge_file):
    result = spbe("score", edge_file, "--min-predikat", "Baik", "-f", "json", "--lang", "id")
    assert result.code == 1
    assert result.err.endswith(
        "tepi.yaml: predikat Cukup di bawah --min-predikat Baik: indeks yang ditampilkan 2,60 sebenarnya 2,5995,"
        " di bawah batas 2,60 predikat Baik\n"
    )
    assert spbe("score", edge_file, "--fail-under", "2.60").code == 0  # --fail-under reads the shown index


def test_diff_plan_and_rank_explain_it_too(spbe, edge_file, write):
    other = write("lain.yaml", Path(edge_file).read_text(encoding="utf-8"))
    said = "Cukup: exactly 2.5995, under the 2.60 edge of Baik"
    assert said in " ".join(spbe("diff", edge_file, other, env={"COLUMNS": "200"}).out.split())
    planned = spbe("plan", edge_file, "-t", "Baik", "-f", "markdown")
    assert planned.code == 0 and f"Current: 2.60 ({said})" in planned.out
    assert said in spbe("rank", edge_file, "-f", "markdown").out
    assert said in spbe("rank", edge_file, "-f", "html").out
    assert (
        "2,60 (Cukup: persisnya 2,5995, di bawah batas 2,60 predikat Baik)"
        in spbe("report", edge_file, "--lang", "id").out
    )


def test_a_pemdi_file_of_2_4975_everywhere_is_cukup_at_a_shown_2_50(spbe, write):
    framework = CATALOG.get("pemdi-2026")
    path = write("pemdi.yaml", levels_yaml("pemdi-2026", {i.id: "2.4975" for i in framework.indicators}, year=2026))
    data = json.loads(spbe("score", path, "-f", "json").out)
    assert (data["index"], data["index_exact"], data["predikat"]) == (2.5, "2.4975", "Cukup")
    assert (
        "2.50 (Cukup: exactly 2.4975, under the 2.50 edge of Baik)" in spbe("score", path, env={"COLUMNS": "200"}).out
    )
