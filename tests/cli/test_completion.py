"""Tab completion, through the same machinery the shell calls (`_SPBE_COMPLETE`), and help free of
Python types."""

from __future__ import annotations

import pytest
from typer._completion_classes import ZshComplete

from spbe_cli.cli import COMMANDS, click_command

from ..helpers import MINI_FRAMEWORKS


def completions(*words: str, incomplete: str = "") -> list[tuple[str, str | None]]:
    complete = ZshComplete(click_command(), {}, "spbe", "_SPBE_COMPLETE")  # what `spbe --install-completion` wires up
    return [(item.value, item.help) for item in complete.get_completions(list(words), incomplete)]


def values(*words: str, incomplete: str = "") -> list[str]:
    return [value for value, _ in completions(*words, incomplete=incomplete)]


def test_format_offers_what_each_command_renders():
    assert values("score", "--format") == ["table", "json", "csv", "markdown", "xlsx"]
    assert values("rank", "-f") == ["table", "json", "csv", "markdown", "xlsx", "html"]
    assert values("frameworks", "--format") == ["table", "json", "csv", "markdown"]
    assert values("score", "--format", incomplete="m") == ["markdown"]


def test_color_lang_and_by_complete():
    assert values("score", "--color") == ["auto", "always", "never"]
    assert values("diff", "--lang") == ["en", "id"]
    assert values("rank", "--by") == ["year", "category", "province"]  # the last two with --among-published
    assert values("plan", "--by") == ["pic"]


def test_frameworks_complete_as_option_and_argument_from_the_file_in_use(tmp_path):
    assert values("indicators") == ["spbe-2018", "spbe-2020", "pemdi-2026"]
    assert values("init", "--framework", incomplete="pem") == ["pemdi-2026"]
    assert values("schema", "--framework") == ["spbe-2018", "spbe-2020", "pemdi-2026"]
    mine = tmp_path / "mine.yaml"
    mine.write_text(MINI_FRAMEWORKS, encoding="utf-8")
    assert completions("indicators", "--frameworks", str(mine)) == [("mini", "Mini")]
    broken = tmp_path / "broken.yaml"
    broken.write_text("frameworks: [", encoding="utf-8")
    assert values("indicators", "--frameworks", str(broken)) == []  # nothing offered, nothing raised


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "tables for the terminal"), ("id", "tabel untuk terminal")],
)
def test_completion_help_is_in_the_users_language(language, expected, monkeypatch):
    assert dict(completions("score", "--lang", language, "--format"))["table"] == expected
    monkeypatch.setenv("SPBE_LANG", language)
    assert dict(completions("score", "--color"))["never"] == {"en": "never colour", "id": "tanpa warna"}[language]


@pytest.mark.parametrize("command", [name.rstrip("_") for name in COMMANDS])
def test_help_shows_no_python_types(spbe, command):
    code, shown, _ = spbe(command, "--help")
    assert code == 0
    for python_type in ("<str>", "<list[str]>", "<int>", "list[str]"):
        assert python_type not in shown
