"""Plans a coordinator can use: targets as caps, --max-raise, --margin, richer costs, offices."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest

from spbe_cli.loading.costs import parse_costs
from spbe_cli.problems import InvalidInput

from ..helpers import levels_yaml


@pytest.fixture
def office_file(write, catalog):
    levels = {i.id: 2 for i in catalog.get("spbe-2020").indicators}
    levels["43"] = "{level: 2, target: 3, pic: Diskominfo}"
    levels["42"] = "{level: 2, pic: [Bappeda, Diskominfo]}"
    return write("a.yaml", levels_yaml("spbe-2020", levels))


def steps(spbe, path: str, *args: str) -> dict[str, dict]:
    result = spbe("plan", path, "-f", "json", *args)
    assert result.code == 0, result.err
    return {s["id"]: s for s in json.loads(result.out)["steps"]}


def test_targets_in_the_file_cap_the_plan(spbe, office_file):
    assert steps(spbe, office_file, "-t", "3.5")["43"]["to"] == 3
    assert steps(spbe, office_file, "-t", "3.5", "--ignore-targets")["43"]["to"] == 5


@pytest.mark.parametrize(("lang", "said"), [("en", "--ignore-targets plans past them"), ("id", "--ignore-targets")])
def test_unreachable_because_of_targets_says_so(spbe, write, catalog, lang, said):
    levels = {i.id: "{level: 2, target: 3}" for i in catalog.get("spbe-2020").indicators}
    result = spbe("plan", write("t.yaml", levels_yaml("spbe-2020", levels)), "-t", "3.5", "--lang", lang)
    assert result.code == 1
    assert said in result.err


def test_max_raise(spbe, office_file):
    planned = steps(spbe, office_file, "-t", "3", "--max-raise", "1")
    assert planned and all(s["steps"] == 1 for s in planned.values())
    assert spbe("plan", office_file, "-t", "3", "--max-raise", "0").code == 2


@pytest.mark.parametrize(
    ("lang", "warning"), [("en", "warning: the plan reaches 2.03"), ("id", "peringatan: rencana mencapai 2,03")]
)
def test_a_thin_margin_is_warned_and_margin_plans_room(spbe, office_file, lang, warning):
    thin = spbe("plan", office_file, "-t", "2.01", "--lang", lang)
    assert thin.code == 0 and warning in thin.err and "--margin" in thin.err
    roomy = spbe("plan", office_file, "-t", "2.01", "--margin", "0.05", "-f", "json", "--lang", lang)
    data = json.loads(roomy.out)
    assert data["reached"]["index"] >= 2.06 and data["margin"] == 0.05 and data["target"] == 2.01
    assert warning.split(":")[0] not in roomy.err
    assert spbe("plan", office_file, "-t", "2.01", "--margin", "-1").code == 2


def test_costs_ranges_aspects_and_levels(catalog):
    spbe = catalog.get("spbe-2020")
    costs = parse_costs(
        b"default: 2\nindicators: {1-10: 15, 4: 1}\naspects: {8: 3}\nlevels: {4: 2, 5: 3}\n", "c.yaml", spbe
    )
    assert costs.of("1", 1) == costs.of("10", 3) == 15  # the range
    assert costs.of("4", 1) == 1  # its own cost wins over the range
    assert costs.of("42", 8) == 3 and costs.of("11", 3) == 2  # the aspect's, else default
    assert costs.step("42", 8, 4) == 6 and costs.step("42", 8, 5) == 9 and costs.step("42", 8, 3) == 3
    pemdi = parse_costs(b"indicators: {I1-I3: 4}\n", "c.yaml", catalog.get("pemdi-2026"))
    assert pemdi.indicators == {"I1": Fraction(4), "I2": Fraction(4), "I3": Fraction(4)}


def test_level_costs_reach_the_plan(spbe, write, office_file):
    costs = write("c.yaml", "default: 100\nindicators: {42: 5}\nlevels: {4: 2, 5: 3}\n")
    planned = steps(spbe, office_file, "-t", "2.09", "--costs", costs)
    assert planned["42"]["to"] == 5 and planned["42"]["cost"] == 5 + 10 + 15


@pytest.mark.parametrize("bad", ["indicators: {1-99: 2}\n", "indicators: {48: 2}\n", "aspects: {9: 2}\n"])
def test_bad_costs_are_located_without_nonsense_suggestions(catalog, bad):
    with pytest.raises(InvalidInput) as caught:
        parse_costs(bad.encode(), "c.yaml", catalog.get("spbe-2020"))
    text = str(caught.value.problems[0])
    assert text.startswith("c.yaml:1:") and "did you mean" not in text


@pytest.mark.parametrize(
    ("lang", "office", "none"), [("en", "Office", "(no office named)"), ("id", "OPD", "(tanpa OPD)")]
)
def test_offices_in_every_plan_format_and_by_pic(spbe, office_file, lang, office, none):
    for fmt in ("table", "markdown"):
        out = spbe("plan", office_file, "-t", "2.5", "-f", fmt, "--lang", lang).out
        assert office in out and "Bappeda, Diskominfo" in out
        grouped = spbe("plan", office_file, "-t", "2.5", "-f", fmt, "--by", "pic", "--lang", lang).out
        assert grouped.index("Bappeda, Diskominfo") < grouped.index(
            "Diskominfo\n" if fmt == "markdown" else "Diskominfo"
        )
        assert none in grouped
    rows = list(csv.DictReader(io.StringIO(spbe("plan", office_file, "-t", "2.5", "-f", "csv").out)))
    assert {r["indicator"]: r["pic"] for r in rows}["42"] == "Bappeda, Diskominfo"
    assert steps(spbe, office_file, "-t", "2.5")["43"]["pic"] == ["Diskominfo"]
    assert spbe("plan", office_file, "-t", "2.5", "--by", "aspect").code == 2


# --- the request: what `spbe plan` checks, in the core --------------------------------------------


def test_a_plan_request_finds_what_is_wrong_before_any_file_is_read():
    from decimal import Decimal

    from spbe_cli.core.planning import PlanRequest

    assert PlanRequest("3").problems() == []
    wrong = PlanRequest("3", margin=Decimal("0.001"), max_raise=0).problems()
    assert [(p.option, p.phrase.message.id) for p in wrong] == [
        ("--max-raise", "err_max_raise"),
        ("--margin", "err_places_option"),
    ]
    assert [p.phrase.message.id for p in PlanRequest("3", margin=Decimal("-1")).problems()] == ["err_margin"]


def test_a_plan_request_checks_target_locks_and_levels_against_the_framework(catalog):
    from spbe_cli.core.planning import PlanRequest
    from spbe_cli.i18n import Messages

    pemdi, spbe = catalog.get("pemdi-2026"), catalog.get("spbe-2020")
    assert PlanRequest("Baik", lock=("1, 2", "3")).problems_with(spbe) == []
    wrong = PlanRequest("hebat", lock=("5,6",), max_level=9).problems_with(pemdi)
    assert [p.option for p in wrong] == ["--target", "--lock", "--max-level"]
    lock = wrong[1]
    assert lock.hint is not None and Messages("id").phrase(lock.hint) == "; maksud Anda I5, I6?"
    assert PlanRequest("3", lock=("99",)).problems_with(spbe)[0].hint is None  # nothing close: no guess


def test_a_plan_request_plans_what_the_options_ask(catalog, office_file):
    from spbe_cli.core.planning import PlanRequest, plan
    from spbe_cli.loading.loader import load_file

    assessment = load_file(office_file, catalog)
    framework = catalog.get("spbe-2020")
    request = PlanRequest("Baik", lock=("42,43",), max_raise=1)
    asked = plan(assessment, framework, framework.band("Baik").min, locked=frozenset({"42", "43"}), max_raise=1)
    planned = request.plan(assessment, framework)
    assert planned.steps == asked.steps and planned.target_predikat == "Baik"
    assert not {"42", "43"} & {step.id for step in planned.steps}
