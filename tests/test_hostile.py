"""Hostile input: what an attacker or a clumsy user feeds spbe, and what must never come out of it.

Every test here failed before the behaviour it checks was built.
"""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from spbe_cli.cli import main
from spbe_cli.text import annotation_data, html, json_text, line_safe, markdown, spreadsheet_cell, visible

from .conftest import CASES

DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")
FORGED = "Kota Uji\n::add-mask::Baik\n::warning file=README.md,line=1::forged\x1b[2J\x1b]8;;http://x\x07\u202e\u200b"

# Characters that must never reach a human output raw (C0 except LF, DEL, C1, bidi, zero-width).
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def assessment(institution: str) -> str:
    quoted = json.dumps(institution)  # a YAML double-quoted scalar carries every character escaped
    return re.sub(r"(?m)^institution: .*$", lambda _: f"institution: {quoted}", DENPASAR)


def spbe(capfd, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capfd.readouterr()
    return code, out, err


def command_lines(text: str) -> list[str]:
    """Lines GitHub Actions would run as workflow commands (leading spaces are ignored)."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


# --- 1, 3: workflow commands, ESC, bidi and zero-width characters in user text --------------------


@pytest.mark.parametrize(
    "args",
    [
        ("score", "{a}"),
        ("score", "{a}", "--detail"),
        ("score", "{a}", "-f", "markdown"),
        ("score", "{a}", "-f", "csv"),
        ("diff", "{a}", "{a}"),
        ("diff", "{a}", "{a}", "-f", "markdown"),
        ("diff", "{a}", "{a}", "-f", "csv"),
        ("plan", "{a}", "-t", "3.5"),
        ("plan", "{a}", "-t", "3.5", "-f", "markdown"),
        ("plan", "{a}", "-t", "3.5", "-f", "csv"),
        ("rank", "{a}"),
        ("rank", "{a}", "-f", "markdown"),
        ("rank", "{a}", "-f", "csv"),
        ("score", "{a}", "--color", "always"),
    ],
)
def test_user_text_cannot_forge_workflow_commands_or_control_the_terminal(write, capfd, args):
    path = write("a.yaml", assessment(FORGED))
    code, out, err = spbe(capfd, *(arg.replace("{a}", path) for arg in args))
    assert code == 0, err
    assert command_lines(out) == [] and command_lines(err) == []
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out) if "always" in args else out  # our own colours only
    assert RAW_CONTROL.search(shown) is None
    assert "\x1b]" not in out and "\x1b[2J" not in out


def test_csv_row_starting_with_a_workflow_command_is_neutralised(write, capfd):
    path = write("a.yaml", assessment("::error::forged"))
    code, out, _ = spbe(capfd, "score", path, "-f", "csv")
    assert code == 0
    assert command_lines(out) == []
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][0] == "'::error::forged"


def test_json_keeps_user_text_exactly(write, capfd):
    path = write("a.yaml", assessment(FORGED))
    code, out, _ = spbe(capfd, "score", path, "-f", "json")
    assert code == 0
    assert json.loads(out)["institution"] == FORGED
    assert command_lines(out) == [] and "\x1b" not in out  # JSON escapes control characters itself


def test_visible_escapes_show_what_was_there():
    assert visible("a\nb\tc") == "a b c"
    assert visible("x\x1b[2Jy") == "x\\x1b[2Jy"
    assert visible("\x7f\x85\x9b") == "\\x7f \\x9b"
    assert visible("RTL\u202eLTR zero\u200bwidth\ufeff") == "RTL\\u202eLTR zero\\u200bwidth\\ufeff"
    assert visible("Kota Denpasar — Bali") == "Kota Denpasar — Bali"
    assert line_safe("ok\n  ::error::x\n##[error]y") == "ok\n  \\::error::x\n##\\[error]y"


# --- 2, 19: file names ------------------------------------------------------------------------------


def test_a_file_name_cannot_forge_an_annotation(tmp_path, capfd):
    path = tmp_path / "a\n::error file=x::forged\nb.yaml"
    path.write_text(DENPASAR, encoding="utf-8")
    for args in (("validate", str(path)), ("validate", str(path), "--format", "github")):
        code, out, err = spbe(capfd, *args)
        assert code == 0, err
        assert command_lines(out) == [] and command_lines(err) == []
    bad = tmp_path / "bad\n::error::x.yaml"
    bad.write_text("framework: nope\n", encoding="utf-8")
    code, out, err = spbe(capfd, "validate", str(bad), "--format", "github")
    assert code == 3
    assert len(command_lines(out)) == 1 and out.startswith("::error file=")
    assert "%0A" in out.split("::")[1]  # the name's line break is escaped inside the property


def test_non_utf8_file_names_are_escaped_in_every_output(tmp_path, capfd):
    import os

    folder = os.fsencode(str(tmp_path))
    name = os.path.join(folder, b"kota-\xff.yaml")
    with open(name, "wb") as handle:
        handle.write(DENPASAR.encode())
    shown = os.fsdecode(name)
    for fmt in ("json", "csv", "markdown", "table"):
        out_file = str(tmp_path / f"rank.{fmt}")
        code, _, err = spbe(capfd, "rank", shown, "-f", fmt, "-o", out_file)
        assert code == 0, err
        text = open(out_file, encoding="utf-8").read()  # valid UTF-8
        if fmt == "json":
            assert json.loads(text)["groups"][0]["ranking"][0]["source"].endswith("kota-\\xff.yaml")
    code, _, err = spbe(capfd, "score", shown, "-f", "json", "-o", str(tmp_path / "s.json"))
    assert code == 0, err
    assert json_text("a\udcffb") == "a\\xffb"


# --- 4: Markdown entities -----------------------------------------------------------------------------


def test_markdown_escapes_ampersands_so_entities_stay_literal():
    assert markdown("&lt;b&gt; &#8238;") == "\\&lt;b\\&gt; \\&#8238;"
    assert markdown("::x") == "\\::x"
    assert html("<b>&\u202e") == "&lt;b&gt;&amp;\\u202e"
    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert annotation_data("a\nb\x1b") == "a%0Ab\\x1b"
