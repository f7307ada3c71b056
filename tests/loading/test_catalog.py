"""The frameworks file checks itself when loaded: a broken custom file is refused, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from spbe_cli.loading.catalog import default_path, parse_catalog
from spbe_cli.problems import InvalidInput

from ..helpers import MINI_FRAMEWORKS

BASE = MINI_FRAMEWORKS


def problems(text: str) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(text.encode(), "fw.yaml")
    return [str(p) for p in caught.value.problems]


def test_a_minimal_custom_framework_loads():
    catalog = parse_catalog(BASE.encode(), "fw.yaml")
    framework = catalog.get("mini")
    assert [a.weight for a in framework.aspects] == [60, 40]
    assert framework.domains == ()


def test_declared_group_weight_must_equal_its_indicators():
    assert problems(BASE.replace("weight: 60", "weight: 55")) == [
        "fw.yaml:17:17: aspect 1 declares weight 55 but its indicators sum to 60"
    ]


def test_weights_must_total_100():
    (message,) = problems(BASE.replace("weight: 40}", "weight: 30}"))
    assert "indicator weights total 90, not 100" in message


def test_ids_must_be_unique():
    (message,) = problems(BASE.replace("id: M3", "id: M2"))
    assert "indicator id 'M2' appears twice" in message


def test_bands_must_cover_the_value_range():
    (message,) = problems(BASE.replace("{name: Rendah, min: 1.00}", "{name: Rendah, min: 1.50}"))
    assert "leave values from 1 to 1.50 uncovered" in message


def test_bands_listed_highest_first():
    text = BASE.replace(
        "      - {name: Tinggi, min: 3.00}\n      - {name: Rendah, min: 1.00}\n",
        "      - {name: Rendah, min: 1.00}\n      - {name: Tinggi, min: 3.00}\n",
    )
    assert any("highest to the lowest" in m for m in problems(text))


def test_unknown_keys_are_refused():
    (message,) = problems(BASE.replace("    title: Mini\n", "    title: Mini\n    colour: red\n"))
    assert message.startswith("fw.yaml:5:5:") and "colour" in message


def test_undefined_scale():
    assert any("level scale 'x' is not defined" in m for m in problems(BASE.replace("scale: s", "scale: x")))


def test_the_bundled_file_is_found():
    path = default_path()
    assert path.name == "indicators.yaml" and path.is_file()


def test_the_bundled_file_cites_sources_for_every_framework():
    catalog = parse_catalog(default_path().read_bytes(), "indicators.yaml")
    for framework in catalog:
        assert framework.sources and framework.verified
    text = Path(default_path()).read_text(encoding="utf-8")
    assert "KepmenPANRB 1503/2021" in text
