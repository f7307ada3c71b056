"""Each check of a frameworks file, one broken file each, with the exact located message."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from spbe_cli.i18n import Messages, all_messages
from spbe_cli.loading import catalog, frameworks_file
from spbe_cli.loading.catalog import load_catalog, parse_catalog
from spbe_cli.problems import InvalidInput

from ..helpers import MINI_FRAMEWORKS

# The mini framework with two domains (aspect 1 under domain 1, aspect 2 under domain 2)
DOMAINS = MINI_FRAMEWORKS.replace(
    "    aspects:\n      - number: 1\n        name: A\n        weight: 60\n        indicators:\n"
    "          - {id: M1, name: Satu, weight: 30}\n          - {id: M2, name: Dua, weight: 30}\n"
    "      - number: 2\n        name: B\n        indicators:\n          - {id: M3, name: Tiga, weight: 40}\n",
    "    domains:\n"
    "      - number: 1\n        name: D\n        weight: 60\n        aspects:\n"
    "          - number: 1\n            name: A\n            indicators:\n"
    "              - {id: M1, name: Satu, weight: 30}\n              - {id: M2, name: Dua, weight: 30}\n"
    "      - number: 2\n        name: E\n        aspects:\n"
    "          - number: 2\n            name: B\n            indicators:\n"
    "              - {id: M3, name: Tiga, weight: 40}\n",
)
# The mini framework with M3's value taken from another agency's index through conversion bands
EXTERNAL = MINI_FRAMEWORKS.replace(
    "          - {id: M3, name: Tiga, weight: 40}\n",
    """          - id: M3
            name: Tiga
            weight: 40
            external:
              agency: Badan Uji
              index: Indeks Sumber
              short_name: IS
              pending: 1
              scale: {min: 0, max: 100}
              bands:
                - {from: 0, to: 50, value_from: 1, value_to: 3, status: confirmed}
                - {from: 50, to: 100, value_from: 3, value_to: 5, status: confirmed}
              examples:
                - {source: 25, value: 2}
              sources: [{title: Sumber}]
""",
)
# The mini framework with its predikat rule, confirmed by a result printed 3.00 (Tinggi's edge) as Rendah
RULED = MINI_FRAMEWORKS.replace(
    "      - {name: Rendah, min: 1.00}\n",
    """      - {name: Rendah, min: 1.00}
    predikat_rule:
      decided_on: exact
      status: confirmed
      evidence: a published result on the edge with the band below
      examples:
        - {institution: Kota Uji, year: 2030, shown: 3.00, predikat: Rendah}
""",
)
FIRST_BAND = "{from: 0, to: 50, value_from: 1, value_to: 3, status: confirmed}"
HIGH_FIRST = "      - {name: Tinggi, min: 3.00}\n      - {name: Rendah, min: 1.00}\n"
CHECKS = {
    "value range": (
        ("values: {type: integer, min: 1, max: 5}", "values: {type: integer, min: 5, max: 1}"),
        ["fw.yaml:8:13: values.min must be below values.max"],
    ),
    "years": (
        ("years: {first: 2030}", "years: {first: 2030, last: 2020}"),
        ["fw.yaml:7:12: years.last is before years.first"],
    ),
    "guideline year": (
        (
            "    years: {first: 2030}\n",
            "    years: {first: 2030}\n    guidelines:\n      - {year: 2029, title: Pedoman Uji, sources: [{title: S}]}\n",
        ),
        ["fw.yaml:9:16: guideline year 2029 is outside the framework's years or given twice"],
    ),
    "level target": (
        ("    years: {first: 2030}\n", "    years: {first: 2030}\n    level_target: 6\n"),
        ["fw.yaml:8:19: level_target must be a level from 1 to 5"],
    ),
    "band order": (
        (HIGH_FIRST, "      - {name: Rendah, min: 1.00}\n      - {name: Tinggi, min: 3.00}\n"),
        ["fw.yaml:12:7: predikat bands must be listed from the highest to the lowest"],
    ),
    "band names": (
        ("{name: Rendah, min: 1.00}", "{name: tinggi, min: 1.00}"),
        ["fw.yaml:12:7: predikat bands need distinct names and distinct lower edges"],
    ),
    "band gap": (
        ("{name: Rendah, min: 1.00}", "{name: Rendah, min: 2.00}"),
        ["fw.yaml:12:7: predikat bands leave values from 1 to 2.00 uncovered"],
    ),
    "band above the maximum": (
        ("{name: Tinggi, min: 3.00}", "{name: Tinggi, min: 6.00}"),
        ["fw.yaml:12:7: predikat band 'Tinggi' starts above the maximum value 5"],
    ),
    "scale levels": (
        ("level_scales: {s: {1: Satu, 5: Lima}}", "level_scales: {s: {1: Satu, 7: Tujuh}}"),
        ["fw.yaml:9:23: level scale 's' names levels outside 1..5: [7]"],
    ),
    "official names of an undefined scale": (
        ("    scale: s\n", "    official_level_names: [s, t]\n    scale: s\n"),
        ["fw.yaml:10:31: official_level_names lists scale 't', which level_scales does not define"],
    ),
    "an official name two levels share": (
        (
            "level_scales: {s: {1: Satu, 5: Lima}}",
            "level_scales: {s: {1: Satu, 5: Lima (Satu)}}\n    official_level_names: [s]",
        ),
        ["fw.yaml:9:23: level scale 's' gives more than one level the name satu: a file could not say which it means"],
    ),
    "undefined scale": (
        ("    scale: s\n", "    scale: t\n"),
        [
            "fw.yaml:15:9: aspect 1: level scale 't' is not defined in level_scales",
            "fw.yaml:21:9: aspect 2: level scale 't' is not defined in level_scales",
        ],
    ),
    "duplicate aspect": (
        ("      - number: 2\n", "      - number: 1\n"),
        ["fw.yaml:21:17: aspect number 1 appears twice"],
    ),
    "multiple with unequal weights": (
        (
            "{id: M1, name: Satu, weight: 30}\n          - {id: M2, name: Dua, weight: 30}",
            "{id: M1, name: Satu, weight: 20, multiple: true}\n          - {id: M2, name: Dua, weight: 40}",
        ),
        [
            "fw.yaml:15:9: aspect 1: an indicator with `multiple` shares its aspect's weight equally, "
            "so all indicators of that aspect need equal weights"
        ],
    ),
    "unknown key": (
        ("    title: Mini\n", "    title: Mini\n    colour: red\n"),
        ["fw.yaml:5:5: frameworks.0.colour: Extra inputs are not permitted"],
    ),
    "duplicate framework": (
        (
            "    verified: not verified; a test framework\n",
            "    verified: not verified; a test framework\n" + MINI_FRAMEWORKS.split("frameworks:\n", 1)[1],
        ),
        [
            "fw.yaml:27:9: framework id 'mini' appears twice",
        ],
    ),
    "duplicate indicator": (
        ("id: M3", "id: M2"),
        [
            "fw.yaml:24:18: indicator id 'M2' appears twice",
        ],
    ),
    "indicator case": (
        ("id: M3", "id: m2"),
        [
            "fw.yaml:24:18: indicator id m2 differs from M2 only in upper and lower case; give them distinct ids",
        ],
    ),
    "weight total": (
        ("{id: M3, name: Tiga, weight: 40}", "{id: M3, name: Tiga, weight: 30}"),
        [
            "fw.yaml:3:5: indicator weights total 90, not 100",
        ],
    ),
    "domain weight": (
        ("        name: D\n        weight: 60\n", "        name: D\n        weight: 50\n"),
        [
            "fw.yaml:17:17: domain 1 declares weight 50 but its indicators sum to 60",
        ],
    ),
    "duplicate domain": (
        ("      - number: 2\n        name: E\n", "      - number: 1\n        name: E\n"),
        [
            "fw.yaml:24:17: domain number 1 appears twice",
        ],
    ),
    "conversion band": (
        (FIRST_BAND, "{from: 0, to: 50, value_from: 0, value_to: 3, status: confirmed}"),
        [
            "fw.yaml:34:19: conversion bands must follow each other without gaps, rise, and give values from 1 to 5",
        ],
    ),
    "conversion band gap": (
        (FIRST_BAND, "{from: 0, to: 40, value_from: 1, value_to: 3, status: confirmed}"),
        [
            "fw.yaml:35:19: conversion bands must follow each other without gaps, rise, and give values from 1 to 5",
        ],
    ),
    "conversion pending": (
        ("pending: 1\n", "pending: 6\n"),
        [
            "fw.yaml:31:24: conversion bands must follow each other without gaps, rise, and give values from 1 to 5",
        ],
    ),
    "conversion scale": (
        ("scale: {min: 0, max: 100}", "scale: {min: 0, max: 120}"),
        [
            "fw.yaml:34:17: the conversion bands must cover the whole scale of the source index",
        ],
    ),
    "conversion example": (
        ("{source: 25, value: 2}", "{source: 25, value: 2.5}"),
        [
            "fw.yaml:37:19: the worked example for 25 is not reproduced by the conversion bands",
        ],
    ),
    "predikat rule on the shown figure": (
        ("decided_on: exact", "decided_on: shown"),
        [
            "fw.yaml:19:11: predikat_rule example Kota Uji 2030: a figure printed as 3.00 is not Rendah when the"
            " predikat is decided on the shown 2-decimal figure"
        ],
    ),
    "predikat rule example out of reach": (
        ("shown: 3.00, predikat: Rendah", "shown: 3.01, predikat: Rendah"),
        [
            "fw.yaml:19:11: predikat_rule example Kota Uji 2030: no index printed as 3.01 is Rendah when the"
            " predikat is decided on the exact index"
        ],
    ),
    "predikat rule example band": (
        ("predikat: Rendah}", "predikat: Sedang}"),
        ["fw.yaml:19:11: predikat_rule example: 'Sedang' is not a predikat of this framework (Tinggi, Rendah)"],
    ),
    "predikat rule confirmed without examples": (
        ("      examples:\n        - {institution: Kota Uji, year: 2030, shown: 3.00, predikat: Rendah}\n", ""),
        ["fw.yaml:16:15: a predikat_rule with status confirmed needs the published examples that confirm it"],
    ),
}
BASES = {
    "domain weight": DOMAINS,
    "duplicate domain": DOMAINS,
    **{name: EXTERNAL for name in CHECKS if name.startswith("conversion")},
    **{name: RULED for name in CHECKS if name.startswith("predikat rule")},
}


def refused(check: str) -> InvalidInput:
    """The problems of the broken file of one check (its base, edited once)."""
    (old, new), _ = CHECKS[check]
    base = BASES.get(check, MINI_FRAMEWORKS)
    assert base.count(old) == 1
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(base.replace(old, new).encode(), "fw.yaml")
    return caught.value


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_each_frameworks_file_check_refuses_with_its_located_message(check):
    assert [str(problem) for problem in refused(check).problems] == CHECKS[check][1]


@pytest.mark.parametrize("base", [DOMAINS, EXTERNAL, RULED], ids=["domains", "external", "ruled"])
def test_the_bases_of_the_checks_load(base):
    framework = parse_catalog(base.encode(), "fw.yaml").get("mini")
    assert sum(indicator.weight for indicator in framework.indicators) == 100


def test_every_message_of_the_frameworks_file_is_produced_by_a_check_above(tmp_path):
    source = "".join(Path(m.__file__).read_text(encoding="utf-8") for m in (catalog, frameworks_file))
    names = set(re.findall(r"\bM\.([a-z0-9_]+)", source)) | {m.id for m in all_messages() if m.id.startswith("fw_")}
    produced = {problem.message.id for check in CHECKS for problem in refused(check).problems}
    produced |= {problem.message.id for problem in unreadable(tmp_path).problems}
    assert sorted(names - produced) == []


def test_all_problems_of_a_frameworks_file_are_reported_at_once():
    text = MINI_FRAMEWORKS.replace("id: M3", "id: M2").replace("weight: 60", "weight: 55")
    text = text.replace("years: {first: 2030}", "years: {first: 2030, last: 2020}")
    text = text + text.split("frameworks:\n", 1)[1]  # the same framework twice
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(text.encode(), "fw.yaml")
    assert [problem.message.id for problem in caught.value.problems] == [
        "fw_years",
        "fw_group_weight",
        "fw_duplicate_indicator",
        "fw_duplicate_framework",
        "fw_years",
        "fw_group_weight",
        "fw_duplicate_indicator",
    ]


def test_the_checks_speak_indonesian_too():
    (old, new), _ = CHECKS["years"]
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(MINI_FRAMEWORKS.replace(old, new).encode(), "fw.yaml")
    assert caught.value.render(Messages("id")) == "fw.yaml:7:12: years.last sebelum years.first"


def unreadable(tmp_path) -> InvalidInput:
    with pytest.raises(InvalidInput) as caught:
        load_catalog(str(tmp_path / "none.yaml"))
    return caught.value


def test_an_unreadable_frameworks_file_is_named(tmp_path):
    missing = str(tmp_path / "none.yaml")
    assert str(unreadable(tmp_path)) == f"{missing}: cannot read frameworks file: No such file or directory"
