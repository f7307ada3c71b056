"""Whole outputs, compared exactly: one reference per command and format (table at 100 columns, no
colour). After an intended change: `make golden` (SPBE_UPDATE_GOLDEN=1), then review the diff of
tests/golden/ before committing it."""

from __future__ import annotations

import pytest

from spbe_cli import __version__

from ..helpers import ROOT, assert_golden

DENPASAR = "examples/kota-denpasar-2021.yaml"
OLD, NEW = "examples/spbe-2020-provinsi-2023-ilustrasi.yaml", "examples/spbe-2020-provinsi-2024-ilustrasi.yaml"
PEMDI = "examples/pemdi-2026-kota-ilustrasi.yaml"
EXTENSION = {"table": "txt", "json": "json", "csv": "csv", "markdown": "md", "html": "html", "text": "txt"}

# (golden file stem: command, input and language; format; arguments before --format)
CASES = [
    *((f"score-denpasar.{lang}", "table", ["score", DENPASAR, "--lang", lang]) for lang in ("en", "id")),
    ("score-detail.en", "table", ["score", DENPASAR, PEMDI, "--detail", "--lang", "en"]),
    *(("score-denpasar.en", f, ["score", DENPASAR, "--lang", "en"]) for f in ("json", "csv")),
    ("score-denpasar.id", "markdown", ["score", DENPASAR, "--lang", "id"]),
    *(("diff-provinsi.en", f, ["diff", OLD, NEW, "--lang", "en"]) for f in ("table", "json", "csv")),
    ("diff-provinsi.id", "markdown", ["diff", OLD, NEW, "--lang", "id"]),
    *(
        ("plan-denpasar.en", f, ["plan", DENPASAR, "-t", "Sangat Baik", "--lang", "en"])
        for f in ("table", "json", "csv")
    ),
    ("plan-denpasar.id", "markdown", ["plan", DENPASAR, "-t", "Sangat Baik", "--lang", "id"]),
    *(("rank-examples.en", f, ["rank", "examples", "--lang", "en"]) for f in ("table", "json", "csv", "html")),
    ("rank-examples.id", "markdown", ["rank", "examples", "--by", "year", "--lang", "id"]),
    *(("frameworks.en", f, ["frameworks", "--lang", "en"]) for f in ("table", "json", "csv")),
    ("frameworks.id", "markdown", ["frameworks", "--lang", "id"]),
    *(("indicators-spbe-2020.en", f, ["indicators", "spbe-2020", "--lang", "en"]) for f in ("table", "json", "csv")),
    ("indicators-spbe-2020.id", "markdown", ["indicators", "spbe-2020", "--lang", "id"]),
    ("evidence-pemdi-2026.en", "table", ["evidence", PEMDI, "--lang", "en"]),
    *(("check-pemdi-2026.en", f, ["check", PEMDI, "--lang", "en"]) for f in ("text", "json", "markdown", "github")),
    *((f"validate-examples.{lang}", "text", ["validate", "examples", "--lang", lang]) for lang in ("en", "id")),
    ("validate-examples.en", "github", ["validate", "examples", "--lang", "en"]),
    *(("published-luwu.en", f, ["published", "kab luwu", "--lang", "en"]) for f in ("table", "json")),
    ("published-luwu.id", "markdown", ["published", "kab luwu", "--lang", "id"]),
    ("published-kota-2024.en", "csv", ["published", "--kind", "kota", "--year", "2024", "--lang", "en"]),
]


@pytest.mark.parametrize(("stem", "fmt", "args"), CASES, ids=[f"{stem}-{fmt}" for stem, fmt, _ in CASES])
def test_whole_output_is_unchanged(spbe, stem, fmt, args, monkeypatch):
    monkeypatch.chdir(ROOT)
    code, out, err = spbe(*args, "--format", fmt, env={"COLUMNS": "100", "NO_COLOR": "1"})
    shown = out.replace(f'"tool_version": "{__version__}"', '"tool_version": "X"')
    shown += f"\n[exit {code}]\n" + (f"[stderr]\n{err}" if err else "")
    name = f"{stem}.{fmt}.txt" if fmt == "github" else f"{stem}.{EXTENSION[fmt]}"
    assert_golden(name, shown)


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("schema-spbe-2018.json", ["schema", "--framework", "spbe-2018"]),
        ("init-spbe-2020.en.yaml", ["init", "--framework", "spbe-2020", "--year", "2024", "--institution", "X"]),
        (
            "init-spbe-2020.id.yaml",
            ["init", "--framework", "spbe-2020", "--year", "2024", "--institution", "X", "--lang", "id"],
        ),
    ],
)
def test_whole_output_of_commands_without_formats(spbe, name, args, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = spbe(*args)
    assert result.code == 0, result.err
    assert_golden(name, result.out)
