"""`spbe plan`: optimal (least-cost) plans, proven against brute force and an independent solver."""

from __future__ import annotations

import json
import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.planning import Costs, Unreachable, exact_threshold, plan, target_from_text
from spbe_cli.core.scoring import score

from ..helpers import CASES, CATALOG, EXAMPLES, SMALL_CATALOG, brute_force, levels_yaml, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")


def small_values(framework):
    if framework.integer_values:
        return st.integers(1, 5)
    return st.integers(100, 500).map(lambda h: Fraction(h, 100))


@settings(max_examples=60, deadline=None)
@given(st.data())
def test_plan_is_optimal_against_brute_force(data):
    framework = data.draw(st.sampled_from(list(SMALL_CATALOG)))
    values = small_values(framework)
    entries = {i.id: Entry((data.draw(values),)) for i in framework.indicators}
    assessment = Assessment(framework.id, "X", 2030, entries)
    costs = Costs(
        Fraction(data.draw(st.integers(1, 3))),
        {i.id: Fraction(data.draw(st.integers(1, 6))) for i in framework.indicators if data.draw(st.booleans())},
    )
    locked = frozenset(i.id for i in framework.indicators if data.draw(st.integers(0, 4)) == 0)
    cap = data.draw(st.one_of(st.none(), st.integers(2, 5)))
    target = Decimal(data.draw(st.integers(100, 500))) / 100
    expected = brute_force(assessment, framework, target, costs, locked, cap)
    try:
        result = plan(assessment, framework, target, costs=costs, locked=locked, max_level=cap)
    except Unreachable as error:
        assert expected is None
        assert error.best.index < target  # a target is reached by the exact index
        return
    assert expected is not None
    assert result.cost == expected
    assert result.reached.index >= target
    assert sum(s.cost for s in result.steps) == result.cost
    for step in result.steps:
        assert step.id not in locked
        assert cap is None or step.end <= cap


def independent_min_cost(assessment, framework, target, costs, locked=frozenset(), cap=None):
    """A second solver: dynamic programming over the budget (integer costs), maximising the gain."""
    cap = framework.max_value if cap is None else cap
    weights = {i.id: i.weight for i in score(assessment, framework).indicators}
    groups = []
    for indicator in framework.indicators:
        if indicator.id in locked:
            continue
        values = assessment.entries[indicator.id].values
        for value in values:
            options, level = [], value
            while math.floor(level) + 1 <= cap:
                level = math.floor(level) + 1
                options.append(
                    (
                        int(costs.of(indicator.id)) * len(options) + int(costs.of(indicator.id)),
                        weights[indicator.id] / len(values) * (level - value) / 100,
                    )
                )
            groups.append(options)
    needed = exact_threshold(target) - score(assessment, framework).index
    if needed <= 0:
        return 0
    budget = sum(options[-1][0] for options in groups if options)
    best = [Fraction(0)] * (budget + 1)  # best[b] = most index gain with cost at most b
    for options in groups:
        new = list(best)
        for b in range(budget + 1):
            for cost, gain in options:
                if cost <= b and best[b - cost] + gain > new[b]:
                    new[b] = best[b - cost] + gain
        best = new
    return next((b for b in range(budget + 1) if best[b] >= needed), None)


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_plan_is_optimal_on_the_real_frameworks(data):
    framework = data.draw(st.sampled_from(["spbe-2018", "spbe-2020", "pemdi-2026"]).map(CATALOG.get))
    if framework.integer_values:
        value = st.integers(framework.min_value, framework.max_value)
    else:
        value = st.integers(100, 500).map(lambda h: Fraction(h, 100))
    entries = {}
    for indicator in framework.indicators:
        count = data.draw(st.integers(1, 3)) if indicator.multiple else 1
        entries[indicator.id] = Entry(tuple(data.draw(value) for _ in range(count)))
    assessment = Assessment(framework.id, "X", 2024, entries)
    costs = Costs(Fraction(1), {i.id: Fraction(data.draw(st.integers(1, 4))) for i in framework.indicators[::3]})
    current = score(assessment, framework).shown
    target = min(Decimal(framework.max_value), current + Decimal(data.draw(st.integers(1, 120))) / 100)
    expected = independent_min_cost(assessment, framework, target, costs)
    result = plan(assessment, framework, target, costs=costs, unlock_external=True)  # the solver knows no locks
    assert result.cost == expected
    assert result.reached.index >= target


def test_already_at_target_is_an_empty_plan(spbe, catalog):
    data = json.loads(spbe("plan", DENPASAR, "--target", "3.00", "-f", "json").out)
    assert data["steps"] == [] and data["cost"] == 0
    assert data["current"] == data["reached"]


def test_predikat_target_and_json_shape(spbe):
    result = spbe("plan", DENPASAR, "--target", "sangat baik", "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["target"] == 3.5 and data["target_predikat"] == "Sangat Baik"
    assert data["current"]["index"] == 3.19 and data["reached"]["index"] >= 3.5
    assert data["reached"]["predikat"] == "Sangat Baik"
    assert data["cost"] == 11  # 11 one-level steps of 3 % each are the fewest that add 0.3025
    assert {"id", "name", "from", "to", "cost", "effect"} <= set(data["steps"][0])
    effects = [s["effect"] for s in data["steps"]]
    assert effects == sorted(effects, reverse=True)


def test_costs_steer_the_plan(spbe, write):
    costs = write("costs.yaml", "default: 1\nindicators:\n" + "".join(f"  {i}: 5\n" for i in range(32, 48)))
    data = json.loads(spbe("plan", DENPASAR, "-t", "3.50", "--costs", costs, "-f", "json").out)
    assert all(int(s["id"]) < 32 for s in data["steps"])
    assert data["reached"]["index"] >= 3.5


def test_locks_and_caps(spbe, write):
    data = json.loads(
        spbe("plan", DENPASAR, "-t", "3.50", "--lock", "42,43", "--lock", "44", "--max-level", "4", "-f", "json").out
    )
    assert not {"42", "43", "44"} & {s["id"] for s in data["steps"]}
    assert all(s["to"] <= 4 for s in data["steps"])


def test_unreachable_target_exits_1_with_the_best_index(spbe):
    result = spbe("plan", DENPASAR, "-t", "4.50", "--max-level", "4")
    assert result.code == 1
    assert "best reachable index is 4.11" in result.err


@pytest.mark.parametrize(
    "args",
    [
        ["-t", "5.50"],
        ["-t", "0.5"],
        ["-t", "hebat"],
        ["-t", "nan"],
        ["-t", "3", "--lock", "99"],
        ["-t", "3", "--max-level", "9"],
        ["-t", "3", "-f", "xml"],
    ],
)
def test_usage_errors(spbe, args):
    result = spbe("plan", DENPASAR, *args)
    assert result.code == 2, result.err


def test_bad_costs_file_is_invalid_input(spbe, write):
    assert spbe("plan", DENPASAR, "-t", "3.5", "--costs", write("c.yaml", "default: -1\n")).code == 3
    result = spbe("plan", DENPASAR, "-t", "3.5", "--costs", write("c2.yaml", "indicators: {99: 2}\ndefualt: 1\n"))
    assert result.code == 3
    assert "unknown indicator '99'" in result.err and "did you mean 'default'?" in result.err


def test_pemdi_decimal_steps_go_to_the_next_whole_level(spbe):
    data = json.loads(spbe("plan", str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), "-t", "2.50", "-f", "json").out)
    for step in data["steps"]:
        assert step["to"] == int(step["to"])
        assert step["steps"] == math.ceil(step["to"] - step["from"])


def test_spbe_2018_services_are_planned_one_by_one(spbe, write, catalog):
    levels = uniform(catalog, "spbe-2018", 5)
    levels["35"] = "[1, 4]"
    path = write("a.yaml", levels_yaml("spbe-2018", levels))
    data = json.loads(spbe("plan", path, "-t", "5.00", "-f", "json").out)
    assert [(s["id"], s["service"], s["from"], s["to"]) for s in data["steps"]] == [("35", 1, 1, 5), ("35", 2, 4, 5)]
    assert data["reached"]["index"] == 5.0


def test_formats(spbe):
    table = spbe("plan", DENPASAR, "-t", "3.5").out
    assert "With the plan: 3.52 (Sangat Baik), total cost 11" in table
    md = spbe("plan", DENPASAR, "-t", "3.5", "-f", "markdown").out
    assert md.startswith(
        "## Plan for Pemerintah Kota Denpasar, for the 2022 evaluation (from the 2021 assessment): reach 3.50"
    )
    csv_text = spbe("plan", DENPASAR, "-t", "3.5", "-f", "csv").out
    assert csv_text.splitlines()[0] == "indicator,service,name,aspect,from,to,steps,cost,effect,pic"


def test_a_target_is_reached_by_the_exact_index():
    # a shown 2.60 that is an exact 2.595 does not reach 2.60: the target is compared exactly
    assert exact_threshold(Decimal("2.60")) == Fraction("2.60")
    assert exact_threshold(Decimal("3.1")) == Fraction("3.1")


def test_target_from_text(catalog):
    framework = catalog.get("spbe-2020")
    assert target_from_text("Baik", framework) == (Decimal("2.60"), "Baik")
    assert target_from_text("3,1", framework) == (Decimal("3.1"), None)
    with pytest.raises(ValueError):
        target_from_text("6", framework)
