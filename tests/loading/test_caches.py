"""Caches never outlive what they describe: frameworks re-parsed or edited in one process give their
own results, as in a notebook or a long-running service."""

from __future__ import annotations

import gc
import json

from spbe_cli.core.scoring import score
from spbe_cli.formats import RenderOptions
from spbe_cli.formats import json_ as json_format
from spbe_cli.loading.catalog import load_catalog, parse_catalog
from spbe_cli.loading.loader import parse_assessment

from ..helpers import MINI_FRAMEWORKS, mini_assessment


def third_indicator(number: int) -> str:
    return MINI_FRAMEWORKS.replace("{id: M3, name: Tiga", f"{{id: X{number}, name: Tiga {number}")


def test_re_parsed_frameworks_never_share_a_dead_frameworks_model_or_json():
    # Each catalog is dropped after use, so a new framework may reuse a dead one's address.
    for number in range(200):
        catalog = parse_catalog(third_indicator(number).encode(), f"fw{number}.yaml")
        text = mini_assessment({"M1": 3, "M2": 4, f"X{number}": 5})
        assessment = parse_assessment(text.encode(), "a.yaml", catalog)
        result = score(assessment, catalog.get("mini"))
        data = json.loads("".join(json_format.score([result], RenderOptions())))
        assert [i["id"] for i in data["indicators"]] == ["M1", "M2", f"X{number}"]
        assert data["indicators"][2]["name"] == f"Tiga {number}"
        del catalog, assessment, result
        parse_catalog.cache_clear()  # nothing keeps the dead framework alive
        gc.collect()


def test_a_reused_address_cannot_hand_over_a_model(monkeypatch):
    # What the loop above leaves to the allocator, made certain: every object "at the same address".
    from spbe_cli.loading import models

    monkeypatch.setattr(models, "id", lambda obj: 1, raising=False)
    monkeypatch.setattr(json_format, "id", lambda obj: 1, raising=False)
    for number in (1, 2):
        catalog = parse_catalog(third_indicator(number).encode(), f"fw{number}.yaml")
        assessment = parse_assessment(mini_assessment({"M1": 3, "M2": 4, f"X{number}": 5}).encode(), "a.yaml", catalog)
        data = json.loads("".join(json_format.score([score(assessment, catalog.get("mini"))], RenderOptions())))
        assert data["indicators"][2]["id"] == f"X{number}"
    framework = catalog.get("mini")
    assert models.assessment_model(framework) is framework.derived["assessment_model"]


def test_a_frameworks_file_edited_in_place_is_read_again(tmp_path):
    path = tmp_path / "fw.yaml"
    for number in range(200):
        path.write_text(third_indicator(number), encoding="utf-8")  # same size and, often, same mtime
        catalog = load_catalog(str(path))
        assert [i.id for i in catalog.get("mini").indicators] == ["M1", "M2", f"X{number}"]
        text = mini_assessment({"M1": 3, "M2": 4, f"X{number}": 5})
        assert parse_assessment(text.encode(), "a.yaml", catalog).entries[f"X{number}"].values == (5,)


def test_loading_an_unchanged_file_twice_parses_it_once(tmp_path):
    path = tmp_path / "fw.yaml"
    path.write_text(MINI_FRAMEWORKS, encoding="utf-8")
    assert load_catalog(str(path)) is load_catalog(str(path))
