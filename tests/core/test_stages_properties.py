"""Stages are a view, never a second scoring path: properties over generated files of every framework."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.assessment import NotFilled
from spbe_cli.core.diffing import diff
from spbe_cli.core.scoring import score
from spbe_cli.core.stages import STAGES
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import parse_assessment

CATALOG = load_catalog()

FRAMEWORKS = [CATALOG.get(framework_id) for framework_id in CATALOG.ids]


def value_text(value, framework) -> str:
    if framework.integer_values:
        return str(value)
    return f"{Decimal(value.numerator) / value.denominator:.2f}"  # hundredths: exact in two places


def values_strategy(framework):
    if framework.integer_values:
        return st.integers(framework.min_value, framework.max_value)
    return st.integers(100, 500).map(lambda hundredths: Fraction(hundredths, 100))  # pemdi decimals


@st.composite
def staged_files(draw, framework):
    """(text of a file with stage values, {indicator id: {stage: values} or values}) for `framework`."""
    value = values_strategy(framework)
    recorded: dict[str, dict[str, tuple] | tuple] = {}
    lines = [f"framework: {framework.id}", "institution: Kota Uji", f"year: {framework.first_year}", "levels:"]
    for indicator in framework.indicators:
        services = draw(st.integers(1, 3)) if indicator.multiple else 1

        def one(services=services):
            return tuple(draw(value) for _ in range(services))

        def written(values, indicator=indicator) -> str:
            shown = [value_text(v, framework) for v in values]
            return f"[{', '.join(shown)}]" if indicator.multiple else shown[0]

        if indicator.external is not None and draw(st.booleans()):
            lines.append(f"  {indicator.id}: {{external: pending}}")
            recorded[indicator.id] = (framework.min_value,)
            continue
        if draw(st.booleans()):
            plain = one()
            recorded[indicator.id] = plain
            lines.append(f"  {indicator.id}: {written(plain)}")
            continue
        chosen = draw(st.lists(st.sampled_from(STAGES), min_size=1, max_size=5, unique=True))
        by_stage = {stage: one() for stage in STAGES if stage in chosen}
        recorded[indicator.id] = by_stage
        parts = [f"{stage}: {written(values)}" for stage, values in by_stage.items()]
        if indicator.multiple and draw(st.booleans()):
            parts.append("service: [" + ", ".join(f"Layanan {n}" for n in range(services)) + "]")
        lines.append(f"  {indicator.id}: {{{', '.join(parts)}}}")
    return "\n".join(lines) + "\n", recorded


def at_stage(recorded, stage):
    """Each indicator's values at `stage` (the latest recorded up to it), None where none is."""
    found = {}
    for indicator_id, item in recorded.items():
        if isinstance(item, tuple):
            found[indicator_id] = item
            continue
        up_to = [
            values for recorded_stage, values in item.items() if STAGES.index(recorded_stage) <= STAGES.index(stage)
        ]
        found[indicator_id] = up_to[-1] if up_to else None
    return found


def plain_file(framework, values) -> str:
    lines = [f"framework: {framework.id}", "institution: Kota Uji", f"year: {framework.first_year}", "levels:"]
    for indicator in framework.indicators:
        shown = [value_text(v, framework) for v in values[indicator.id]]
        lines.append(f"  {indicator.id}: " + (f"[{', '.join(shown)}]" if indicator.multiple else shown[0]))
    return "\n".join(lines) + "\n"


def summary(result):
    return (
        result.index,
        [group.exact for group in result.domains + result.aspects],
        [(i.id, i.values, i.weight) for i in result.indicators],
    )


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f.id)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_a_file_scored_at_a_stage_equals_the_plain_file_of_its_values_there(framework, data):
    text, recorded = data.draw(staged_files(framework))
    assessment = parse_assessment(text.encode(), "a.yaml", CATALOG)
    for stage in STAGES:
        values = at_stage(recorded, stage)
        missing = sorted((i for i, v in values.items() if v is None), key=list(recorded).index)
        if missing:
            with pytest.raises(NotFilled) as caught:
                assessment.at(stage)
            assert [gap.indicator_id for gap in caught.value.gaps] == missing
            continue
        plain = parse_assessment(plain_file(framework, values).encode(), "b.yaml", CATALOG)
        assert summary(score(assessment.at(stage), framework)) == summary(score(plain, framework))


@pytest.mark.parametrize("framework", FRAMEWORKS, ids=lambda f: f.id)
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_stage_diff_effects_sum_exactly_to_the_index_change(framework, data):
    text, recorded = data.draw(staged_files(framework))
    assessment = parse_assessment(text.encode(), "a.yaml", CATALOG)
    filled = [stage for stage in STAGES if not assessment.gaps(stage)]
    if len(filled) < 2:
        return
    old, new = data.draw(st.lists(st.sampled_from(filled), min_size=2, max_size=2, unique=True))
    result = diff(score(assessment.at(old), framework), score(assessment.at(new), framework))
    assert sum(change.effect for change in result.indicators) == result.delta_exact
    assert result.delta_exact == score(assessment.at(new), framework).index - score(assessment.at(old), framework).index
