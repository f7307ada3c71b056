"""The scoring core: weights, aggregation, band edges, multiple services, decimals."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.scoring import score

from ..helpers import uniform


def make(catalog, framework_id: str, levels: dict, **kw) -> Assessment:
    framework = catalog.get(framework_id)
    entries = {}
    for indicator in framework.indicators:
        value = levels[indicator.id]
        values = tuple(value) if isinstance(value, (list, tuple)) else (value,)
        entries[indicator.id] = Entry(values=tuple(Fraction(v) if not isinstance(v, int) else v for v in values))
    return Assessment(framework_id, kw.get("institution", "Uji"), kw.get("year", 2024), entries)


@pytest.mark.parametrize("framework_id", ["spbe-2018", "spbe-2020", "pemdi-2026"])
def test_weights_total_100_and_groups_are_sums(catalog, framework_id):
    framework = catalog.get(framework_id)
    assert sum(i.weight for i in framework.indicators) == 100
    for aspect in framework.aspects:
        assert aspect.weight == sum(framework.by_id[i].weight for i in aspect.indicators)
    for domain in framework.domains:
        assert domain.weight == sum(a.weight for a in framework.aspects if a.domain == domain.number)


@pytest.mark.parametrize(
    ("framework_id", "counts"),
    [("spbe-2018", (3, 7, 35)), ("spbe-2020", (4, 8, 47)), ("pemdi-2026", (0, 7, 20))],
)
def test_structure_matches_the_regulations(catalog, framework_id, counts):
    framework = catalog.get(framework_id)
    assert (len(framework.domains), len(framework.aspects), len(framework.indicators)) == counts


def test_spbe_2020_weights(catalog):
    framework = catalog.get("spbe-2020")
    assert [float(d.weight) for d in framework.domains] == [13, 25, 16.5, 45.5]
    assert [float(a.weight) for a in framework.aspects] == [13, 10, 10, 5, 12, 4.5, 27.5, 18]
    assert framework.by_id["1"].weight == Fraction("1.3")
    assert framework.by_id["32"].weight == Fraction("2.75")
    assert framework.by_id["47"].weight == 3


def test_pemdi_weights(catalog):
    framework = catalog.get("pemdi-2026")
    assert [int(a.weight) for a in framework.aspects] == [10, 10, 15, 15, 10, 15, 25]
    assert framework.by_id["I20"].weight == 15
    assert framework.by_id["I6"].weight == 3


@pytest.mark.parametrize("framework_id", ["spbe-2018", "spbe-2020", "pemdi-2026"])
@pytest.mark.parametrize("value", [1, 3, 5])
def test_uniform_levels_give_that_index_everywhere(catalog, framework_id, value):
    result = score(make(catalog, framework_id, uniform(catalog, framework_id, value)), catalog.get(framework_id))
    assert result.index == value
    assert all(group.exact == value for group in result.domains + result.aspects)


def test_single_indicator_contributes_its_weight(catalog):
    levels = uniform(catalog, "spbe-2020", 1)
    levels["47"] = 5  # weight 3 %: +4 x 0.03 = +0.12
    result = score(make(catalog, "spbe-2020", levels), catalog.get("spbe-2020"))
    assert result.index == Fraction("1.12")
    aspect8 = next(a for a in result.aspects if a.number == 8)
    assert aspect8.exact == Fraction(1) + Fraction(4, 6)


@pytest.mark.parametrize(
    ("shown", "predikat"),
    [
        ("1.79", "Kurang"), ("1.80", "Cukup"), ("2.59", "Cukup"), ("2.60", "Baik"), ("3.49", "Baik"),
        ("3.50", "Sangat Baik"), ("4.19", "Sangat Baik"), ("4.20", "Memuaskan"), ("5.00", "Memuaskan"),
    ],
)  # fmt: skip
def test_spbe_2020_band_edges(catalog, shown, predikat):
    assert catalog.get("spbe-2020").predikat(Decimal(shown)) == predikat


@pytest.mark.parametrize(
    ("shown", "predikat"),
    [("1.00", "Kurang"), ("1.49", "Kurang"), ("1.50", "Cukup"), ("2.49", "Cukup"), ("2.50", "Baik"),
     ("3.49", "Baik"), ("3.50", "Sangat Baik"), ("3.99", "Sangat Baik"), ("4.00", "Memuaskan")],
)  # fmt: skip
def test_pemdi_band_edges(catalog, shown, predikat):
    assert catalog.get("pemdi-2026").predikat(Decimal(shown)) == predikat


def test_spbe_2018_band_edges_include_level_zero(catalog):
    framework = catalog.get("spbe-2018")
    assert framework.predikat(Decimal("0.00")) == "Kurang"
    assert framework.predikat(Decimal("2.60")) == "Baik"
    assert framework.predikat(Decimal("2.59")) == "Cukup"


def test_predikat_is_decided_on_the_exact_index(catalog):
    # An exact 2.595 shows as 2.60, the edge of Baik, and is Cukup: the band of the exact index.
    framework = catalog.get("spbe-2020")
    levels = uniform(catalog, "spbe-2020", 2)
    # From all 2s, raising indicators of total weight 59.5 % by one level gives exactly 2.595.
    for indicator_id in [str(i) for i in range(21, 32)] + ["11", "12", "13", "14", "15", "16", "17", "18", "19", "20"]:
        levels[indicator_id] = 3  # 11 x 1.5 + 10 x 2.5 = 41.5
    for indicator_id in ["42", "43", "44", "45", "46", "47"]:
        levels[indicator_id] = 3  # + 6 x 3 = 59.5
    result = score(make(catalog, "spbe-2020", levels), framework)
    assert result.index == Fraction("2.595")
    assert str(result.shown) == "2.60"
    assert result.predikat == "Cukup"
    assert framework.under_edge(result.index) == framework.band("Baik")


def test_spbe_2018_several_services_share_aspect_7_equally(catalog):
    framework = catalog.get("spbe-2018")
    levels = uniform(catalog, "spbe-2018", 2)
    levels.update({"32": 2, "33": 3, "34": 1, "35": [3, 2, 2]})
    result = score(make(catalog, "spbe-2018", levels), framework)
    aspect7 = next(a for a in result.aspects if a.number == 7)
    # Plain mean over the six entries 2, 3, 1, 3, 2, 2 (not the mean of 2, 3, 1 and the services' mean).
    assert aspect7.exact == Fraction(13, 6)
    assert str(aspect7.shown) == "2.17"
    assert aspect7.exact != (2 + 3 + 1 + Fraction(7, 3)) / 4
    domain3 = next(d for d in result.domains if d.number == 3)
    assert domain3.exact == (35 * 2 + 20 * Fraction(13, 6)) / 55
    assert result.index == (45 * 2 + 35 * 2 + 20 * Fraction(13, 6)) / 100
    by_id = {i.id: i for i in result.indicators}
    assert by_id["35"].weight == Fraction(20, 6) * 3
    assert by_id["32"].weight == Fraction(20, 6)
    assert sum(i.weight for i in result.indicators) == 100
    assert sum(i.weight * i.value for i in result.indicators) / 100 == result.index


def test_spbe_2018_one_service_in_a_list_is_the_plain_rule(catalog):
    framework = catalog.get("spbe-2018")
    levels = uniform(catalog, "spbe-2018", 2)
    plain = score(make(catalog, "spbe-2018", {**levels, "35": 4}), framework)
    listed = score(make(catalog, "spbe-2018", {**levels, "35": [4]}), framework)
    assert plain.index == listed.index


def test_pemdi_decimals_are_exact(catalog):
    framework = catalog.get("pemdi-2026")
    levels = uniform(catalog, "pemdi-2026", 1)
    levels["I1"] = Decimal("1.17")
    levels["I20"] = Decimal("2.25")
    result = score(make(catalog, "pemdi-2026", levels), framework)
    assert result.index == 1 + Fraction("0.17") * 5 / 100 + Fraction("1.25") * 15 / 100
    assert result.domains == ()


def test_indicator_level_names(catalog):
    framework = catalog.get("spbe-2020")
    result = score(make(catalog, "spbe-2020", uniform(catalog, "spbe-2020", 4)), framework)
    by_id = {i.id: i for i in result.indicators}
    assert by_id["1"].level_name == "Terpadu dan Terukur"  # process capability
    assert by_id["32"].level_name == "Kolaborasi"  # service domain


def test_score_refuses_a_mismatched_framework(catalog):
    assessment = make(catalog, "spbe-2020", uniform(catalog, "spbe-2020", 3))
    with pytest.raises(ValueError):
        score(assessment, catalog.get("spbe-2018"))
