"""User text in every output: what an attacker or a clumsy user writes (workflow commands, terminal escapes,
bidi and zero-width characters, odd file names, entities) is shown, never obeyed. Every test here failed
before the behaviour it checks was built."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from spbe_cli.formats.escaping import (
    annotation_data,
    defuse_workflow_commands,
    json_text,
    markdown,
    spreadsheet_cell,
    visible,
)
from spbe_cli.formats.html import user_text

from ..helpers import CASES, RAW_CONTROL, command_lines

DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")

FORGED = "Kota Uji\n::add-mask::Baik\n::warning file=README.md,line=1::forged\x1b[2J\x1b]8;;http://x\x07\u202e\u200b"


def assessment(institution: str) -> str:
    quoted = json.dumps(institution)  # a YAML double-quoted scalar carries every character escaped
    return re.sub(r"(?m)^institution: .*$", lambda _: f"institution: {quoted}", DENPASAR)


# --- user text: workflow commands, terminal escapes, bidi and zero-width characters -------------------


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
def test_user_text_cannot_forge_workflow_commands_or_control_the_terminal(write, spbe, args):
    path = write("a.yaml", assessment(FORGED))
    code, out, err = spbe(*(arg.replace("{a}", path) for arg in args))
    assert code == 0, err
    assert command_lines(out) == [] and command_lines(err) == []
    shown = re.sub(r"\x1b\[[0-9;]*m", "", out) if "always" in args else out  # our own colours only
    assert RAW_CONTROL.search(shown) is None
    assert "\x1b]" not in out and "\x1b[2J" not in out


def test_csv_row_starting_with_a_workflow_command_is_neutralised(write, spbe):
    path = write("a.yaml", assessment("::error::forged"))
    code, out, _ = spbe("score", path, "-f", "csv")
    assert code == 0
    assert command_lines(out) == []
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][0] == "'::error::forged"


def test_json_keeps_user_text_exactly(write, spbe):
    path = write("a.yaml", assessment(FORGED))
    code, out, _ = spbe("score", path, "-f", "json")
    assert code == 0
    assert json.loads(out)["institution"] == FORGED
    assert command_lines(out) == [] and "\x1b" not in out  # JSON escapes control characters itself


def test_visible_escapes_show_what_was_there():
    assert visible("a\nb\tc") == "a b c"
    assert visible("x\x1b[2Jy") == "x\\x1b[2Jy"
    assert visible("\x7f\x85\x9b") == "\\x7f \\x9b"
    assert visible("RTL\u202eLTR zero\u200bwidth\ufeff") == "RTL\\u202eLTR zero\\u200bwidth\\ufeff"
    assert visible("Kota Denpasar — Bali") == "Kota Denpasar — Bali"
    assert defuse_workflow_commands("ok\n  ::error::x\n##[error]y") == "ok\n  \\::error::x\n##\\[error]y"


# --- file names: line breaks, and bytes that are not UTF-8 --------------------------------------------


def test_a_file_name_cannot_forge_an_annotation(tmp_path, spbe):
    path = tmp_path / "a\n::error file=x::forged\nb.yaml"
    path.write_text(DENPASAR, encoding="utf-8")
    for args in (("validate", str(path)), ("validate", str(path), "--format", "github")):
        code, out, err = spbe(*args)
        assert code == 0, err
        assert command_lines(out) == [] and command_lines(err) == []
    bad = tmp_path / "bad\n::error::x.yaml"
    bad.write_text("framework: nope\n", encoding="utf-8")
    code, out, err = spbe("validate", str(bad), "--format", "github")
    assert code == 3
    assert len(command_lines(out)) == 1 and out.startswith("::error file=")
    assert "%0A" in out.split("::")[1]  # the name's line break is escaped inside the property


def test_non_utf8_file_names_are_escaped_in_every_output(tmp_path, spbe):
    import os

    folder = os.fsencode(str(tmp_path))
    name = os.path.join(folder, b"kota-\xff.yaml")
    with open(name, "wb") as handle:
        handle.write(DENPASAR.encode())
    shown = os.fsdecode(name)
    for fmt in ("json", "csv", "markdown", "table"):
        out_file = str(tmp_path / f"rank.{fmt}")
        code, _, err = spbe("rank", shown, "-f", fmt, "-o", out_file)
        assert code == 0, err
        text = (tmp_path / f"rank.{fmt}").read_text(encoding="utf-8")  # valid UTF-8
        if fmt == "json":
            assert json.loads(text)["groups"][0]["ranking"][0]["source"].endswith("kota-\\xff.yaml")
    code, _, err = spbe("score", shown, "-f", "json", "-o", str(tmp_path / "s.json"))
    assert code == 0, err
    assert json_text("a\udcffb") == "a\\xffb"


# --- Markdown and HTML entities -----------------------------------------------------------------------


def test_markdown_escapes_ampersands_so_entities_stay_literal():
    assert markdown("&lt;b&gt; &#8238;") == "\\&lt;b\\&gt; \\&#8238;"
    assert markdown("::x") == "\\::x"
    assert str(user_text("<b>&\u202e")) == "&lt;b&gt;&amp;\\u202e"
    assert spreadsheet_cell("=1+1") == "'=1+1"
    assert annotation_data("a\nb\x1b") == "a%0Ab\\x1b"
