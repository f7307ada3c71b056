"""Published results reproduced to the last digit: index, predikat, domains and aspects."""

from __future__ import annotations

from decimal import Decimal

import pytest
import yaml

from spbe_cli.core.scoring import score
from spbe_cli.loading.loader import load_file

from ..helpers import case_files


def _expected(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))["expected"]


@pytest.mark.parametrize("expected_path", case_files(), ids=lambda p: p.name.replace(".expected.yaml", ""))
def test_published_result_is_reproduced(expected_path, catalog):
    assessment_path = expected_path.with_name(expected_path.name.replace(".expected.yaml", ".yaml"))
    expected = _expected(expected_path)
    assessment = load_file(str(assessment_path), catalog)
    result = score(assessment, catalog.get(assessment.framework))

    def shown(value) -> str:
        return f"{Decimal(str(value)):.2f}"

    assert str(result.shown) == shown(expected["index"])
    assert result.predikat == expected["predikat"]
    assert {d.number: str(d.shown) for d in result.domains} == {
        int(k): shown(v) for k, v in expected.get("domains", {}).items()
    }
    if "aspects" in expected:
        assert {a.number: str(a.shown) for a in result.aspects} == {
            int(k): shown(v) for k, v in expected["aspects"].items()
        }


def test_there_is_at_least_one_published_case():
    assert case_files(), "tests/cases must hold at least one published result"


def test_denpasar_aspect_5_is_an_exact_half_rounded_up(catalog):
    assessment = load_file(str(case_files()[0].with_name("denpasar-2021.yaml")), catalog)
    result = score(assessment, catalog.get("spbe-2020"))
    aspect5 = result.framework and next(a for a in result.aspects if a.number == 5)
    assert aspect5.exact * 8 == 17  # exactly 2.125
    assert str(aspect5.shown) == "2.13"


def test_example_copy_of_denpasar_matches_the_case(catalog):
    from ..helpers import EXAMPLES

    example = load_file(str(EXAMPLES / "kota-denpasar-2021.yaml"), catalog)
    case = load_file(str(case_files()[0].with_name("denpasar-2021.yaml")), catalog)
    assert example.levels() == case.levels()
