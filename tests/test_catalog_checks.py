"""Each check of a frameworks file, one broken file each, with the exact located message."""

from __future__ import annotations

import pytest

from spbe_cli.i18n import Messages
from spbe_cli.loading.catalog import load_catalog, parse_catalog
from spbe_cli.problems import InvalidInput

from .helpers import MINI_FRAMEWORKS

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
}


@pytest.mark.parametrize("check", sorted(CHECKS))
def test_each_frameworks_file_check_refuses_with_its_located_message(check):
    (old, new), expected = CHECKS[check]
    assert old in MINI_FRAMEWORKS
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(MINI_FRAMEWORKS.replace(old, new).encode(), "fw.yaml")
    assert [str(problem) for problem in caught.value.problems] == expected


def test_the_checks_speak_indonesian_too():
    (old, new), _ = CHECKS["years"]
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(MINI_FRAMEWORKS.replace(old, new).encode(), "fw.yaml")
    assert caught.value.render(Messages("id")) == "fw.yaml:7:12: years.last sebelum years.first"


def test_an_unreadable_frameworks_file_is_named(tmp_path):
    missing = str(tmp_path / "none.yaml")
    with pytest.raises(InvalidInput) as caught:
        load_catalog(missing)
    assert str(caught.value) == f"{missing}: cannot read frameworks file: No such file or directory"
