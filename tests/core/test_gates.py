"""The CI gates as pure rules, without the command line; and --min-predikat that means nothing is exit 2."""

from __future__ import annotations

from decimal import Decimal

import pytest

from spbe_cli.core.diffing import diff
from spbe_cli.core.gates import GateFailure, ScoreGates, UnknownPredikat, below_predikat, diff_failures
from spbe_cli.core.scoring import score
from spbe_cli.i18n import M
from spbe_cli.loading.catalog import parse_catalog
from spbe_cli.loading.loader import parse_assessment

from ..helpers import MINI_FRAMEWORKS, mini_assessment, mini_with_bands

TWO = MINI_FRAMEWORKS + mini_with_bands("mini-b", [("Baik", "3.00"), ("Kurang", "1.00")])
CATALOG = parse_catalog(TWO.encode(), "two.yaml")


def result(levels: dict[str, int], framework: str = "mini", source: str = "a.yaml"):
    assessment = parse_assessment(mini_assessment(levels, framework).encode(), source, CATALOG)
    return score(assessment, CATALOG.get(framework))


LOW = {"M1": 2, "M2": 2, "M3": 2}  # index 2.00: Rendah / Kurang
HIGH = {"M1": 4, "M2": 4, "M3": 4}  # index 4.00: Tinggi / Baik


def test_fail_under_compares_the_shown_index_and_quotes_the_threshold_as_written():
    gates = ScoreGates(fail_under=Decimal("2.5"), fail_under_text="2,5")
    assert gates.failures(result(HIGH)) == []
    (failure,) = gates.failures(result(LOW))
    assert failure == GateFailure(
        M.err_gate_fail_under, {"path": "a.yaml", "index": Decimal("2.00"), "threshold": "2,5"}
    )
    assert ScoreGates(fail_under=Decimal("2.00")).failures(result(LOW)) == []  # equal passes


def test_min_predikat_ranks_bands_and_ignores_case_and_spacing():
    assert below_predikat(result(LOW), "tinggi")
    assert not below_predikat(result(HIGH), "  TINGGI ")
    assert not below_predikat(result(LOW), "Rendah")
    (failure,) = ScoreGates(min_predikat="tinggi").failures(result(LOW))
    assert failure.values == {"path": "a.yaml", "predikat": "Rendah", "wanted": "Tinggi"}


def test_a_band_the_framework_does_not_have_is_refused_not_passed():
    with pytest.raises(UnknownPredikat) as caught:
        ScoreGates(min_predikat="Baik").failures(result(LOW))  # mini has Tinggi and Rendah only
    assert caught.value.choices == ["Rendah", "Tinggi"]
    with pytest.raises(UnknownPredikat):
        ScoreGates(min_predikat="Nope").check_names(CATALOG)
    ScoreGates(min_predikat="Baik").check_names(CATALOG)  # mini-b has it


def test_diff_gates_fire_only_when_asked_and_only_on_a_fall():
    fell = diff(result(HIGH), result(LOW))
    rose = diff(result(LOW), result(HIGH))
    assert diff_failures(fell, fail_on_drop=False, fail_on_predikat_drop=False) == []
    assert [f.message for f in diff_failures(fell, fail_on_drop=True, fail_on_predikat_drop=True)] == [
        M.err_gate_drop,
        M.err_gate_predikat_drop,
    ]
    assert diff_failures(rose, fail_on_drop=True, fail_on_predikat_drop=True) == []


def test_diff_gates_never_fail_across_frameworks():
    across = diff(result(HIGH), result(LOW, "mini-b"))
    assert not across.comparable
    assert diff_failures(across, fail_on_drop=True, fail_on_predikat_drop=True) == []


@pytest.mark.parametrize("language", ["en", "id"])
def test_min_predikat_missing_from_a_files_framework_is_a_usage_error(spbe, tmp_path, language):
    frameworks = tmp_path / "two.yaml"
    frameworks.write_text(TWO, encoding="utf-8")
    file = tmp_path / "a.yaml"
    file.write_text(mini_assessment(LOW), encoding="utf-8")
    code, _, err = spbe("score", file, "--frameworks", frameworks, "--min-predikat", "Baik", "--lang", language)
    assert code == 2
    assert "--min-predikat" in err
    assert ("unknown predikat 'Baik'" if language == "en" else "predikat 'Baik' tidak dikenal") in err
    assert "Rendah, Tinggi" in err
