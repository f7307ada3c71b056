"""Plans whose work would not depend on the input's size alone: six decimal places, tiny weights, wide scales,
costs finer than shown. Exact, or refused with the reason."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core import planning
from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.exitcodes import ExitCode

from ..helpers import CASES, ROOT, SMALL_CATALOG, UJI_FRAMEWORKS, brute_force

DENPASAR_FILE = str(CASES / "denpasar-2021.yaml")

PEMDI = (ROOT / "examples" / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8")


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_cost_table_plans_exactly_whatever_the_decimal_places(data):
    framework = SMALL_CATALOG.get(data.draw(st.sampled_from(SMALL_CATALOG.ids)))
    if framework.integer_values:
        values = st.integers(1, 5)
    else:  # up to six decimal places: a million gain units per level
        values = st.integers(1_000_000, 5_000_000).map(lambda m: Fraction(m, 1_000_000))
    entries = {i.id: Entry((data.draw(values),)) for i in framework.indicators}
    assessment = Assessment(framework.id, "X", 2030, entries)
    costs = planning.Costs(
        Fraction(data.draw(st.integers(1, 3))),
        {i.id: Fraction(data.draw(st.integers(1, 6)), 2) for i in framework.indicators[:1]},
    )
    target = Decimal(data.draw(st.integers(100, 500))) / 100
    expected = brute_force(assessment, framework, target, costs)
    original = planning.MAX_TABLE_WORK
    try:
        planning.MAX_TABLE_WORK = 2_000  # the gain table only for the smallest cases: the cost table otherwise
        result = planning.plan(assessment, framework, target, costs=costs)
    except planning.Unreachable:
        assert expected is None
        return
    finally:
        planning.MAX_TABLE_WORK = original
    assert result.cost == expected and result.reached.index >= target


def test_a_six_decimal_pemdi_value_is_planned_without_a_huge_table(write, spbe):
    path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 1.000001\n"))
    code, out, err = spbe("plan", path, "-t", "4", "-f", "json")  # was out of memory (GBs)
    assert code == 0, err
    data = json.loads(out)
    assert Decimal(str(data["reached"]["index"])) >= Decimal("3.995")
    assert any(step["id"] == "I1" for step in data["steps"])


def test_a_plan_too_fine_to_compute_exactly_is_refused_with_the_reason(write, spbe):
    path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 1.000001\n"))
    costs = write("costs.yaml", "default: 1.000007\nindicators: {I2: 0.000003, I3: 7.999991}\n")
    code, out, err = spbe("plan", path, "-t", "4", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "cannot plan this exactly" in err and "fewer decimal places" in err


def test_costs_and_targets_are_taken_to_the_precision_shown_never_rounded(write, spbe):
    costs = write("costs.yaml", "default: 0.000001\nindicators: {1: 0.0000000001}\n")
    code, out, err = spbe("plan", DENPASAR_FILE, "-t", "3.3", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "costs.yaml:2:17: indicators.1 has more than 6 decimal places (0.0000000001)" in err
    fine = write("fine.yaml", "default: 0.000001\n")
    code, out, err = spbe("plan", DENPASAR_FILE, "-t", "3.3", "--costs", fine, "-f", "csv")
    assert code == 0, err
    assert {row["cost"] for row in csv.DictReader(io.StringIO(out))} <= {"0.000001", "0.000002", "0.000003"}
    for option in (("-t", "3.00000000000000000001"), ("-t", "3.3", "--margin", "0.001")):
        code, out, err = spbe("plan", DENPASAR_FILE, *option)
        assert code == ExitCode.USAGE and out == ""
        assert "more than 2 decimal places" in err
    code, out, _ = spbe("plan", DENPASAR_FILE, "-t", "3.3000", "-f", "json")  # zeros are not precision
    assert code == 0 and json.loads(out)["target"] == 3.3


def test_a_framework_scale_too_wide_to_plan_is_refused(write, spbe):
    frameworks = write("wide.yaml", UJI_FRAMEWORKS.replace("max: 5}", "max: 1000000000}"))
    path = write("a.yaml", "framework: uji\ninstitution: X\nyear: 2030\nlevels: {x: 1, y: 1, z: 1}\n")
    code, out, err = spbe("plan", path, "-t", "2", "--frameworks", frameworks)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "more than 100000 possible level steps" in err
    code, out, err = spbe("plan", path, "-t", "2", "--frameworks", frameworks, "--max-level", "3")
    assert code == 0, err
    costs = write("costs.yaml", "levels: {2: 2}\n")  # the scale's levels are never listed one by one
    assert spbe("plan", path, "-t", "2", "--frameworks", frameworks, "--max-level", "3", "--costs", costs)[0] == 0


def test_a_tiny_weight_is_planned_over_costs(write, spbe):
    tiny = UJI_FRAMEWORKS.replace("weight: 15}", "weight: 14.999999999999}").replace(
        "weight: 25}", "weight: 25.000000000001}"
    )
    frameworks = write("tiny.yaml", tiny)
    path = write("a.yaml", "framework: uji\ninstitution: X\nyear: 2030\nlevels: {x: 1, y: 1.5, z: 1.25}\n")
    code, out, err = spbe("plan", path, "-t", "4", "--frameworks", frameworks, "-f", "json")
    assert code == 0, err
    assert json.loads(out)["reached"]["index"] >= 4
