"""A batch's JSON lines are the same text as each result's JSON object encoded whole.

`score_line` reuses the encoded text of an indicator that is only its value; these properties hold it
to `dumps_line(score_data(result))` over files of every framework with every kind of entry (values,
services, targets, records, stages, values from another index), in any order, so the reused texts
of one file are checked against the next.
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.scoring import score, score_by_stage
from spbe_cli.core.stages import STAGES
from spbe_cli.formats.json_ import dumps_line, score_data, score_line
from spbe_cli.loading.loader import parse_assessment

from ..helpers import CATALOG, FRAMEWORKS


def _value(framework, draw) -> str:
    if framework.integer_values:
        return str(draw(st.integers(framework.min_value, framework.max_value)))
    hundredths = draw(st.integers(framework.min_value * 100, framework.max_value * 100))
    return str(Decimal(hundredths) / 100)  # 3, 2.5 and 2.05 alike


@st.composite
def files(draw):
    """The text of an assessment file whose entries take every form a file may give them."""
    framework = draw(st.sampled_from(FRAMEWORKS))
    lines = [f"framework: {framework.id}", "institution: Kota Uji", f"year: {framework.first_year}", "levels:"]
    for indicator in framework.indicators:

        def value(indicator=indicator) -> str:
            if not indicator.multiple or draw(st.booleans()):
                return _value(framework, draw)
            return "[" + ", ".join(_value(framework, draw) for _ in range(draw(st.integers(1, 3)))) + "]"

        form = draw(st.sampled_from(["plain", "plain", "level", "target", "record", "stages", "external"]))
        if form == "external" and indicator.external is not None:
            source = indicator.external
            given = ["pending"]
            if source.convertible and source.scale_min is not None and source.scale_max is not None:
                given.append(str(Decimal(source.scale_min.numerator) / source.scale_min.denominator))
                middle = (source.scale_min + source.scale_max) / 2
                given.append(str(Decimal(middle.numerator) / middle.denominator))
            lines.append(f"  {indicator.id}: {{external: {draw(st.sampled_from(given))}}}")
        elif form == "level":
            lines.append(f"  {indicator.id}: {{level: {value()}}}")
        elif form == "target":
            lines.append(f"  {indicator.id}: {{level: {value()}, target: {_value(framework, draw)}}}")
        elif form == "record":
            extra = draw(st.sampled_from(['pic: "Diskominfo"', "note: catatan", "evidence: [https://x.go.id/a]"]))
            lines.append(f"  {indicator.id}: {{level: {value()}, {extra}}}")
        elif form == "stages":
            chosen = draw(st.lists(st.sampled_from(STAGES), min_size=1, max_size=len(STAGES), unique=True))
            lines.append(f"  {indicator.id}: {{{', '.join(f'{stage}: {value()}' for stage in chosen)}}}")
        else:
            lines.append(f"  {indicator.id}: {value()}")
    return "\n".join(lines) + "\n"


@settings(max_examples=150, deadline=None)
@given(st.lists(files(), min_size=1, max_size=4), st.booleans())
def test_a_line_is_the_result_encoded_whole(texts, by_stage):
    for number, text in enumerate(texts):
        assessment = parse_assessment(text.encode(), f"uji-{number}.yaml", CATALOG)
        framework = CATALOG.get(assessment.framework)
        result = score(assessment, framework)
        if by_stage:
            from dataclasses import replace

            result = replace(result, by_stage=score_by_stage(assessment, framework))
        whole = dumps_line(score_data(result))
        assert score_line(result) == whole
        assert score_line(result) == whole  # a second time, from the texts kept the first


@settings(max_examples=60, deadline=None)
@given(st.lists(files(), min_size=2, max_size=4))
def test_shared_indicator_scores_equal_those_made_afresh(texts):
    # Scoring shares an indicator's score among files where it is only the same value: each result
    # equals the one scored with nothing shared.
    assessments = [parse_assessment(text.encode(), "uji.yaml", CATALOG) for text in texts]
    shared = [score(a, CATALOG.get(a.framework)) for a in assessments]
    for assessment, result in zip(assessments, shared, strict=True):
        framework = CATALOG.get(assessment.framework)
        framework.derived.pop("indicator_scores", None)
        assert score(assessment, framework) == result
