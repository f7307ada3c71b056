"""`spbe init`: templates that validate as written, and next year's file from this year's."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from spbe_cli.cli import app

from .conftest import EXAMPLES

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


@pytest.mark.parametrize("framework", ["spbe-2018", "spbe-2020", "pemdi-2026"])
def test_template_round_trips_through_validate_and_score(tmp_path, framework, catalog):
    path = tmp_path / "baru.yaml"
    assert (
        run("init", "--framework", framework, "--institution", "Kota Uji", "--year", "2026", "-o", str(path)).exit_code
        == 0
    )
    text = path.read_text(encoding="utf-8")
    for indicator in catalog.get(framework).indicators:
        assert indicator.name in text
    assert run("validate", str(path)).exit_code == 0
    data = json.loads(run("score", str(path), "-f", "json").stdout)
    minimum = catalog.get(framework).min_value
    assert data["index"] == minimum and data["institution"] == "Kota Uji" and data["year"] == 2026


def test_template_keeps_awkward_names_literal(tmp_path):
    path = tmp_path / "a.yaml"
    name = "Kota \"Uji\" #1: [x] {y} \\ 'z'"
    assert (
        run("init", "--framework", "spbe-2020", "--institution", name, "--year", "2024", "-o", str(path)).exit_code == 0
    )
    assert json.loads(run("score", str(path), "-f", "json").stdout)["institution"] == name


def test_refuses_to_overwrite_without_force(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("keep me")
    result = run("init", "--framework", "spbe-2020", "-o", str(path))
    assert result.exit_code == 2 and path.read_text() == "keep me"
    assert run("init", "--framework", "spbe-2020", "-o", str(path), "--force").exit_code == 0
    assert path.read_text().startswith("# Indeks SPBE")


def test_from_file_is_next_year_with_the_same_levels(tmp_path):
    source = EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml"
    path = tmp_path / "2025.yaml"
    assert run("init", "--from", str(source), "-o", str(path)).exit_code == 0
    old = json.loads(run("score", str(source), "-f", "json").stdout)
    new = json.loads(run("score", str(path), "-f", "json").stdout)
    assert new["year"] == 2025 and new["institution"] == old["institution"]
    assert [i["values"] for i in new["indicators"]] == [i["values"] for i in old["indicators"]]
    assert new["indicators"][10]["target"] == 4  # targets and PICs carry over
    assert "Bappeda" in path.read_text()


def test_from_file_keeps_services_and_decimals(tmp_path):
    for example in ("spbe-2018-kabupaten-ilustrasi.yaml", "pemdi-2026-kota-ilustrasi.yaml"):
        path = tmp_path / example
        assert run("init", "--from", str(EXAMPLES / example), "-o", str(path)).exit_code == 0
        old = json.loads(run("score", str(EXAMPLES / example), "-f", "json").stdout)
        new = json.loads(run("score", str(path), "-f", "json").stdout)
        # Values from other agencies' indices start the new year pending; everything else carries over.
        kept = [(i["values"], i["target"]) for i in old["indicators"] if i["external"] is None]
        assert kept == [(i["values"], i["target"]) for i in new["indicators"] if i["external"] is None]
        assert all(i["external"]["conversion_status"] == "pending" for i in new["indicators"] if i["external"])


def test_from_file_past_the_framework_years_says_so(tmp_path, write):
    text = (EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml").read_text().replace("year: 2024", "year: 2025")
    result = run("init", "--from", write("2025.yaml", text))
    assert result.exit_code == 0 and "2026 is outside the years of spbe-2020" in result.stderr


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 2),
        (["--framework", "spbe-2020", "--from", "x.yaml"], 3),  # both is a move; the file is missing
        (["--framework", "spbe-2030"], 2),
        (["--framework", "spbe-2020", "--year", "1999"], 2),
        (["--framework", "spbe-2020", "--institution", "  "], 2),
        (["--from", "missing.yaml"], 3),
    ],
)
def test_refusals(args, code):
    assert run("init", *args).exit_code == code
