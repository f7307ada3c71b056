"""The library as its documentation shows it (docs/reference/python.md)."""

from __future__ import annotations

import contextlib
import io
import os
import re

import pytest

import spbe_cli
from spbe_cli.i18n import M, Messages

from ..helpers import ROOT

PYTHON_PAGE = ROOT / "docs" / "reference" / "python.md"


def test_the_documented_python_example_runs_and_prints_what_it_says():
    page = (PYTHON_PAGE).read_text(encoding="utf-8")
    (block,) = re.findall(r"```python\n(.*?)```", page, flags=re.S)
    printed = io.StringIO()
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(printed):
            exec(compile(block, str(PYTHON_PAGE), "exec"), {})
    finally:
        os.chdir(cwd)
    expected = [comment.strip() for comment in re.findall(r"#\s*(.+)$", block, flags=re.M)]
    assert printed.getvalue().splitlines() == expected


def test_library_errors_carry_located_problems():
    with pytest.raises(spbe_cli.InvalidInput) as caught:
        spbe_cli.parse_assessment(b"framework: spbe-2020\nyear: 2024\n", "mine.yaml")
    problem = caught.value.problems[0]
    assert isinstance(problem, spbe_cli.Problem)
    assert (problem.path, problem.line) == ("mine.yaml", 1)


def test_validate_data_and_score():
    frameworks = spbe_cli.load_frameworks()
    levels = {indicator.id: 3 for indicator in frameworks.get("spbe-2020").indicators}
    assessment = spbe_cli.validate_data({"framework": "spbe-2020", "institution": "X", "year": 2024, "levels": levels})
    result = spbe_cli.score(assessment)
    assert str(result.shown) == "3.00" and result.predikat == "Baik"
    assert spbe_cli.ExitCode.INVALID_INPUT == 3


def test_unknown_attribute():
    with pytest.raises(AttributeError):
        spbe_cli.no_such_thing  # noqa: B018


def _documented(text: str, name: str) -> bool:
    return re.search(rf"`?\b{re.escape(name)}\b`?", text) is not None


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        ("Assessment", ("framework", "institution", "year", "entries", "source")),
        ("Entry", None),
        ("ScoreResult", ("framework", "institution", "year", "index", "shown", "predikat", "domains", "aspects")),
        ("GroupScore", None),
        ("IndicatorScore", None),
    ],
)
def test_every_field_users_reach_for_is_documented(cls, fields):
    from spbe_cli.core import assessment, scoring

    obj = getattr(assessment, cls, None) or getattr(scoring, cls)
    names = fields or obj._fields
    section = PYTHON_PAGE.read_text(encoding="utf-8")
    for name in names:
        assert _documented(obj.__doc__ or "", name), f"{cls}.{name} is not in its docstring"
        assert f"`{name}`" in section, f"{cls}.{name} is not in docs/reference/python.md"


def test_problems_carry_a_message_id_and_are_worded_in_the_chosen_language():
    with pytest.raises(spbe_cli.InvalidInput) as caught:
        spbe_cli.parse_assessment(b"framework: spbe-2020\nyear: 2024\n", "mine.yaml", language="id")
    problem = caught.value.problems[0]
    assert problem.message is M.val_missing_key and dict(problem.values) == {"key": "institution"}
    assert str(caught.value).splitlines()[0] == "mine.yaml:1:1: kunci 'institution' tidak ada"
    assert str(problem) == "mine.yaml:1:1: missing key 'institution'"
    assert problem.render(Messages("id")) == "mine.yaml:1:1: kunci 'institution' tidak ada"


def test_nested_phrases_are_worded_in_the_language_of_the_message_holding_them():
    with pytest.raises(spbe_cli.InvalidInput) as caught:
        spbe_cli.parse_assessment(b"framework: spbe-2020\ninstitution: X\nyear: x\nlevels: {}\n", "a.yaml")
    (year,) = [p for p in caught.value.problems if p.message is M.val_year]
    assert year.text(Messages("en")).endswith("not text 'x'")
    assert year.text(Messages("id")).endswith("bukan teks 'x'")


def test_library_language_applies_to_frameworks_files_too(tmp_path):
    missing = str(tmp_path / "none.yaml")
    with pytest.raises(spbe_cli.InvalidInput) as caught:
        spbe_cli.load_frameworks(missing, language="id")
    assert str(caught.value).startswith(f"{missing}: berkas kerangka tidak dapat dibaca")


def test_published_results_are_reachable_from_the_library():
    from spbe_cli import api

    assert {2023, 2024} <= set(api.published_years())
    luwu = api.find_published("kab luwu", 2024)
    assert luwu.institutions == ("Pemerintah Kab. Luwu",)
    assert [(str(row.shown), row.predikat) for row in luwu.rows] == [("2.60", "Cukup")]
    assert api.find_published("bandung", 2024).ambiguous  # listed, never guessed between
    assert len(api.published_results(2024, "kota")) == 93


def test_a_scored_file_is_reconciled_and_placed_among_the_published_results():
    import yaml

    from spbe_cli import api

    data = yaml.safe_load((ROOT / "examples/spbe-2020-provinsi-2024-ilustrasi.yaml").read_text(encoding="utf-8"))
    row = api.published_results(2024, "provinsi")[0]
    data["institution"] = row.institution
    result = api.score(api.validate_data(data))
    reconciliation = api.reconcile_published(result)
    assert reconciliation is not None and reconciliation.row == row
    assert reconciliation.delta == result.shown - row.shown
    assert reconciliation.reproduces == (reconciliation.delta == 0 and result.predikat == row.predikat)
    position = api.published_position(result)
    assert position.averages_year == 2024
    assert [(s.scope, s.total) for s in position.standings if s.scope == "category"] == [("category", 38)]
