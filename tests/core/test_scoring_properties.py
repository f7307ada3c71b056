"""Invariants of the scoring core, checked on generated assessments."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.numbers import round_half_up
from spbe_cli.core.scoring import score
from spbe_cli.loading.loader import parse_assessment

from ..helpers import CATALOG, assessments


@given(assessments())
def test_every_index_lies_within_the_value_range(case):
    framework, assessment = case
    result = score(assessment, framework)
    for index in [result.index] + [g.exact for g in result.domains + result.aspects]:
        assert framework.min_value <= index <= framework.max_value


@given(assessments())
def test_index_is_the_weighted_mean_of_domains_and_of_aspects(case):
    framework, assessment = case
    result = score(assessment, framework)
    assert sum(a.weight * a.exact for a in result.aspects) / 100 == result.index
    if result.domains:
        assert sum(d.weight * d.exact for d in result.domains) / 100 == result.index
    assert sum(i.weight * i.value for i in result.indicators) / 100 == result.index
    assert sum(i.weight for i in result.indicators) == 100


@given(assessments(), st.data())
def test_raising_one_level_never_lowers_any_index(case, data):
    framework, assessment = case
    indicator = data.draw(st.sampled_from(framework.indicators))
    entry = assessment.entries[indicator.id]
    position = data.draw(st.integers(0, len(entry.values) - 1))
    current = entry.values[position]
    if current >= framework.max_value:
        return
    raised = list(entry.values)
    raised[position] = min(framework.max_value, current + 1)
    entries = dict(assessment.entries)
    entries[indicator.id] = Entry(values=tuple(raised))
    before = score(assessment, framework)
    after = score(Assessment(framework.id, "Uji", 2024, entries), framework)
    assert after.index > before.index
    for old, new in zip(before.domains + before.aspects, after.domains + after.aspects, strict=True):
        assert new.exact >= old.exact
    assert framework.band_rank(after.predikat) >= framework.band_rank(before.predikat)


@given(st.fractions(min_value=-10, max_value=10))
def test_half_up_rounding_agrees_with_decimal_on_exact_values(value):
    # A Fraction with a terminating expansion can be checked against Decimal's ROUND_HALF_UP.
    expected = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    got = round_half_up(value)
    if value.denominator in (1, 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 200, 1000):
        assert got == expected
    assert abs(Fraction(got) - value) <= Fraction(1, 200)


@settings(max_examples=40, deadline=None)
@given(assessments())
def test_files_round_trip_through_the_loader(case):
    framework, assessment = case

    def text(value):
        return str(value) if isinstance(value, int) else f"{float(value):.2f}"

    lines = [f"framework: {framework.id}", "institution: Uji", "year: 2024", "levels:"]
    for indicator_id, entry in assessment.entries.items():
        shown = [text(v) for v in entry.values]
        lines.append(f"  {indicator_id}: [{', '.join(shown)}]" if len(shown) > 1 else f"  {indicator_id}: {shown[0]}")
    loaded = parse_assessment("\n".join(lines).encode(), "gen.yaml", CATALOG)
    assert score(loaded, framework).index == score(assessment, framework).index
