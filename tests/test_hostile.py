"""Hostile input: what an attacker or a clumsy user feeds spbe, and what must never come out of it.

Every test here failed before the behaviour it checks was built.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli.cli.output import OutputError, Sink
from spbe_cli.core import planning
from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.exitcodes import ExitCode
from spbe_cli.formats.escaping import (
    annotation_data,
    defuse_workflow_commands,
    json_text,
    markdown,
    spreadsheet_cell,
    visible,
)
from spbe_cli.formats.html import user_text

from .helpers import CASES, RAW_CONTROL, ROOT, SMALL_CATALOG, UJI_FRAMEWORKS, brute_force, command_lines

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


# --- output files: signals, I/O failures, broken pipes ------------------------------------------------


DENPASAR_FILE = str(CASES / "denpasar-2021.yaml")


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".spbe-*"))


def python_spbe(code: str, *, cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, **kwargs)


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_termination_during_output_leaves_no_temporary_file(tmp_path, name):
    number = getattr(signal, name)
    out = tmp_path / "hasil.json"
    code = f"""
import os, sys
from spbe_cli.cli import output
write = output.Sink.write
def stopped(self, text):
    write(self, text)
    os.kill(os.getpid(), {number})
output.Sink.write = stopped
from spbe_cli.cli import main
sys.exit(main(["score", {DENPASAR_FILE!r}, "-f", "json", "-o", {str(out)!r}]))
"""
    done = python_spbe(code, cwd=tmp_path)
    assert done.returncode == 128 + number, done.stderr
    assert not out.exists() and leftovers(tmp_path) == []


@pytest.mark.parametrize("output", ["", "newdir/", "{tmp}/", "x" * 300 + ".json", "missing/a.json"])
def test_unusable_output_paths_are_usage_errors_and_leave_nothing(tmp_path, spbe, monkeypatch, output):
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    code, out, err = spbe("score", DENPASAR_FILE, "-f", "json", "-o", output.replace("{tmp}", str(tmp_path)))
    assert code == ExitCode.USAGE, err
    assert err.startswith("spbe: ") and len(err.strip().splitlines()) == 1 and out == ""
    assert leftovers(tmp_path) == []


def test_a_full_disk_is_exit_2_not_a_bug(tmp_path, spbe, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("spbe_cli.cli.output.os.fsync", full)
    code, _, err = spbe("score", DENPASAR_FILE, "-f", "json", "-o", str(tmp_path / "a.json"))
    assert code == ExitCode.USAGE == 2
    assert "No space left on device" in err and "bug" not in err
    assert leftovers(tmp_path) == [] and not (tmp_path / "a.json").exists()


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_standard_output_on_a_full_disk_or_closed_is_exit_2(tmp_path):
    for redirect in ("> /dev/full", ">&-"):
        done = subprocess.run(
            f"{sys.executable} -m spbe_cli score {DENPASAR_FILE} -f json {redirect}",
            shell=True, cwd=tmp_path, env=dict(os.environ, PYTHONPATH=str(ROOT)), capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 2, (redirect, done.stderr)
        assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_symlinked_output_is_written_through_and_keeps_its_mode(tmp_path, spbe):
    target = tmp_path / "target.json"
    target.write_text("old")
    target.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to(target)
    code, _, err = spbe("score", DENPASAR_FILE, "-f", "json", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and json.loads(target.read_text())["index"] == 3.19
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == []


def test_non_regular_outputs_are_refused(tmp_path, spbe):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "nowhere")
    for output in ("/dev/null", str(fifo), str(dangling)):
        code, _, err = spbe("score", DENPASAR_FILE, "-f", "json", "-o", output, "--force")
        assert code == ExitCode.USAGE, (output, err)
        assert "not a regular file" in err
    assert stat.S_ISFIFO(fifo.lstat().st_mode) and dangling.is_symlink()


def test_an_output_that_is_an_input_is_refused_however_named(tmp_path, spbe):
    original = tmp_path / "a.yaml"
    original.write_text(DENPASAR, encoding="utf-8")
    other_name = tmp_path / "b.yaml"
    os.link(original, other_name)
    link = tmp_path / "c.yaml"
    link.symlink_to(original)
    for output in (original, other_name, link, tmp_path / "." / "a.yaml"):
        for args in (("score", str(original)), ("rank", str(tmp_path)), ("plan", str(original), "-t", "3.5")):
            code, _, err = spbe(*args, "-o", str(output), "--force")
            assert code == ExitCode.USAGE, (args, output, err)
            assert "one of the input files" in err
    assert original.read_text(encoding="utf-8") == DENPASAR


def test_files_a_person_edits_are_created_exclusively(tmp_path, spbe):
    path = str(tmp_path / "new.yaml")
    first, second = Sink(path, exclusive=True), Sink(path, exclusive=True)  # both saw no file
    first.write("first\n")
    second.write("second\n")
    first.commit()
    with pytest.raises(OutputError) as refused:
        second.commit()
    assert refused.value.code == ExitCode.USAGE
    assert Path(path).read_text() == "first\n" and leftovers(tmp_path) == []
    code, _, err = spbe("init", "--framework", "spbe-2020", "-o", path)
    assert code == ExitCode.USAGE and "--force" in err
    assert spbe("init", "--framework", "spbe-2020", "-o", path, "--force")[0] == 0


def test_concurrent_init_runs_exactly_one_wins(tmp_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for attempt in range(3):
        path = str(tmp_path / f"new{attempt}.yaml")
        command = [sys.executable, "-m", "spbe_cli", "init", "--framework", "spbe-2020", "-o", path]
        runs = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE) for _ in range(2)]
        codes = sorted(run.wait() for run in runs)
        for run in runs:
            run.stderr.close()  # type: ignore[union-attr]
        assert codes == [0, 2]
    assert leftovers(tmp_path) == []


def many_files(folder: Path, count: int = 40) -> str:
    folder.mkdir()
    for number in range(count):
        (folder / f"kota-{number:02}.yaml").write_text(DENPASAR, encoding="utf-8")
    return str(folder)


def test_a_reader_that_goes_away_is_not_a_failed_gate(tmp_path):
    folder = many_files(tmp_path / "d")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    run = subprocess.Popen(
        [sys.executable, "-m", "spbe_cli", "score", folder, "-f", "json", "--detail"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert run.stdout is not None and run.stderr is not None
    run.stdout.read(10)
    run.stdout.close()
    assert run.wait() == 0
    assert b"Traceback" not in run.stderr.read()
    run.stderr.close()
    (Path(folder) / "zz-bad.yaml").write_text("framework: nope\n" * 2000)
    bad = subprocess.Popen(
        [sys.executable, "-m", "spbe_cli", "score", folder, "-f", "json"],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert bad.stdout is not None and bad.stderr is not None
    bad.stderr.close()  # nobody reads the problems
    bad.stdout.read(10)
    bad.stdout.close()
    assert bad.wait() == ExitCode.INVALID_INPUT


# --- values that read as something else, or too much --------------------------------------------------

PEMDI = (ROOT / "examples" / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("  2: 1\n", "  2: 1\n  yes: 5\n"), ":3: key yes must be text or a whole number"),
        (("  2: 1\n", "  2: 1\n  on: 5\n"), ":3: key on must be text"),
        (("  2: 1\n", "  2: 1\n  1.0: 5\n"), ":3: key 1.0 must be text"),
        (("  2: 1\n", "  2: 1\n  ~: 5\n"), ":3: key ~ must be text"),
        (("year: 2021", "year: 0x7E5"), "'0x7E5' is not a plain number"),
        (("year: 2021", "year: 33:41"), "'33:41' is not a plain number"),
        (("  8: ", "  010: "), "'010' is not a plain number"),
        (("institution: Pemerintah Kota Denpasar", 'institution: "\\u200b\\u2060"'), "institution must be"),
        (("year: 2021", "year: " + "9" * 5000), "a number of 5000 characters; at most 40 are read"),
        (("  2: 1\n", "  2: 0x" + "f" * 5000 + "\n"), "a number of 5002 characters"),
    ],
)
def test_values_that_read_as_something_else_are_refused_with_their_place(write, spbe, change, expected):
    old, new = change
    assert old in DENPASAR
    path = write("a.yaml", DENPASAR.replace(old, new, 1))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT, err
    assert expected in err and re.search(r"a\.yaml:\d+:\d+: ", err)
    assert spbe("score", path, "-f", "json")[0] == ExitCode.INVALID_INPUT


def test_pemdi_values_are_read_to_six_decimal_places_and_never_rounded(write, spbe):
    assert "  I1: 2.50\n" in PEMDI
    fine = write("fine.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 2.123456\n"))
    assert spbe("validate", fine)[0] == 0
    also_fine = write("zeros.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 2.500000000\n"))  # exactly 2.5
    assert spbe("validate", also_fine)[0] == 0
    for value in ("2.1234567", "4.99999999999999999999", "1." + "0" * 30 + "1"):
        path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", f"  I1: {value}\n"))
        code, _, err = spbe("validate", path)
        assert code == ExitCode.INVALID_INPUT
        assert ":8:7: indicator I1 has more than 6 decimal places" in err
        assert spbe("plan", path, "-t", "4")[0] == ExitCode.INVALID_INPUT  # never planned


def test_a_long_decimal_is_refused_quickly(write, spbe):
    path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 4." + "0" * 3_000_000 + "\n"))
    code, _, err = spbe("validate", path)  # was quadratic: minutes for a few megabytes
    assert code == ExitCode.INVALID_INPUT and "at most 40 are read" in err


# --- folders, the exit codes, usage errors ------------------------------------------------------------


def test_folders_skip_fifos_and_match_any_case_and_always_give_a_json_array(tmp_path, spbe):
    folder = tmp_path / "d"
    folder.mkdir()
    os.mkfifo(folder / "hang.yaml")  # reading it would block forever
    (folder / "KOTA.YAML").write_text(DENPASAR, encoding="utf-8")
    code, out, err = spbe("score", str(folder), "-f", "json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data, list) and len(data) == 1  # a folder gives an array, even of one
    assert isinstance(json.loads(spbe("score", str(folder / "KOTA.YAML"), "-f", "json")[1]), dict)
    assert spbe("validate", str(folder))[0] == 0
    assert spbe("rank", str(folder), "-f", "json")[0] == 0


def test_the_exit_codes_are_exactly_the_contract():
    assert sorted(int(code) for code in ExitCode) == [0, 1, 2, 3, 70]


def test_click_usage_errors_escape_the_users_text(spbe):
    code, _, err = spbe("plan", "a.yaml", "b\n::error::x\x1b[2J\u202e\u200b", "-t", "3")
    assert code == ExitCode.USAGE
    assert "unexpected extra argument" in err and "\\u202e" in err
    assert RAW_CONTROL.search(err.replace("\n", "")) is None and command_lines(err) == []


# --- messages that leak internals or point wrong; standard input --------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("  1: 4\n", "  1: {level: 4, 5: x}\n"), ":9:17: unknown key '5'"),
        (("  1: 4\n", "  1: !!float 3\n"), "not 3 (read as a decimal number: remove the !!float tag"),
        (("framework:", "1.5: x\nframework:"), ":5:1: key 1.5 must be text or a whole number"),
        (("framework:", "~: x\nframework:"), ":5:1: key ~ must be text or a whole number"),
    ],
)
def test_messages_name_what_was_written_where(write, spbe, change, expected):
    old, new = change
    assert old in DENPASAR
    path = write("a.yaml", DENPASAR.replace(old, new, 1))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT
    assert expected in err and "Decimal(" not in err and "None:" not in err and "[6]" not in err


def test_costs_indicators_is_a_mapping_or_empty(write, spbe):
    costs = write("costs.yaml", "indicators: [1]\n")
    code, _, err = spbe("plan", DENPASAR_FILE, "-t", "3.5", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT
    assert "costs.yaml:1:13: indicators must be a mapping" in err and "positive number" not in err
    empty = write("empty.yaml", "indicators: null\n")
    assert spbe("plan", DENPASAR_FILE, "-t", "3.5", "--costs", empty)[0] == ExitCode.OK


@pytest.mark.parametrize(
    "args",
    [
        ("score", "-", "-"),
        ("validate", "-", "-"),
        ("rank", "-", "-"),
        ("diff", "-", "-"),
        ("plan", "-", "-t", "3.5", "--costs", "-"),
        ("score", "-", "--frameworks", "-"),
    ],
)
def test_standard_input_is_read_once(spbe, monkeypatch, args):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DENPASAR.encode())))
    code, out, err = spbe(*args)
    assert code == ExitCode.USAGE, err
    assert "standard input (-) can be read only once" in err and out == ""


# --- plans whose table would not depend on the input's size alone -------------------------------------


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_the_cost_table_plans_exactly_whatever_the_decimal_places(data):
    framework = SMALL_CATALOG.get(data.draw(st.sampled_from(SMALL_CATALOG.ids)))
    if framework.integer_values:
        values = st.integers(1, 5)
    else:  # up to six decimal places: a million gain units per level
        values = st.integers(1_000_000, 5_000_000).map(lambda m: Fraction(m, 1_000_000))
    entries = {i.id: Entry((data.draw(values),)) for i in framework.indicators}
    assessment = Assessment(framework.id, "X", 2030, entries)
    costs = planning.Costs(
        Fraction(data.draw(st.integers(1, 3))),
        {i.id: Fraction(data.draw(st.integers(1, 6)), 2) for i in framework.indicators[:1]},
    )
    target = Decimal(data.draw(st.integers(100, 500))) / 100
    expected = brute_force(assessment, framework, target, costs)
    original = planning.MAX_TABLE_WORK
    try:
        planning.MAX_TABLE_WORK = 2_000  # the gain table only for the smallest cases: the cost table otherwise
        result = planning.plan(assessment, framework, target, costs=costs)
    except planning.Unreachable:
        assert expected is None
        return
    finally:
        planning.MAX_TABLE_WORK = original
    assert result.cost == expected and result.reached.shown >= target


def test_a_six_decimal_pemdi_value_is_planned_without_a_huge_table(write, spbe):
    path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 1.000001\n"))
    code, out, err = spbe("plan", path, "-t", "4", "-f", "json")  # was out of memory (GBs)
    assert code == 0, err
    data = json.loads(out)
    assert Decimal(str(data["reached"]["index"])) >= Decimal("3.995")
    assert any(step["id"] == "I1" for step in data["steps"])


def test_a_plan_too_fine_to_compute_exactly_is_refused_with_the_reason(write, spbe):
    path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 1.000001\n"))
    costs = write("costs.yaml", "default: 1.000007\nindicators: {I2: 0.000003, I3: 7.999991}\n")
    code, out, err = spbe("plan", path, "-t", "4", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "cannot plan this exactly" in err and "fewer decimal places" in err


def test_costs_and_targets_are_taken_to_the_precision_shown_never_rounded(write, spbe):
    costs = write("costs.yaml", "default: 0.000001\nindicators: {1: 0.0000000001}\n")
    code, out, err = spbe("plan", DENPASAR_FILE, "-t", "3.3", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "costs.yaml:2:17: indicators.1 has more than 6 decimal places (0.0000000001)" in err
    fine = write("fine.yaml", "default: 0.000001\n")
    code, out, err = spbe("plan", DENPASAR_FILE, "-t", "3.3", "--costs", fine, "-f", "csv")
    assert code == 0, err
    assert {row["cost"] for row in csv.DictReader(io.StringIO(out))} <= {"0.000001", "0.000002", "0.000003"}
    for option in (("-t", "3.00000000000000000001"), ("-t", "3.3", "--margin", "0.001")):
        code, out, err = spbe("plan", DENPASAR_FILE, *option)
        assert code == ExitCode.USAGE and out == ""
        assert "more than 2 decimal places" in err
    code, out, _ = spbe("plan", DENPASAR_FILE, "-t", "3.3000", "-f", "json")  # zeros are not precision
    assert code == 0 and json.loads(out)["target"] == 3.3


def test_a_framework_scale_too_wide_to_plan_is_refused(write, spbe):
    frameworks = write("wide.yaml", UJI_FRAMEWORKS.replace("max: 5}", "max: 1000000000}"))
    path = write("a.yaml", "framework: uji\ninstitution: X\nyear: 2030\nlevels: {x: 1, y: 1, z: 1}\n")
    code, out, err = spbe("plan", path, "-t", "2", "--frameworks", frameworks)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert "more than 100000 possible level steps" in err
    code, out, err = spbe("plan", path, "-t", "2", "--frameworks", frameworks, "--max-level", "3")
    assert code == 0, err
    costs = write("costs.yaml", "levels: {2: 2}\n")  # the scale's levels are never listed one by one
    assert spbe("plan", path, "-t", "2", "--frameworks", frameworks, "--max-level", "3", "--costs", costs)[0] == 0


def test_a_tiny_weight_is_planned_over_costs(write, spbe):
    tiny = UJI_FRAMEWORKS.replace("weight: 15}", "weight: 14.999999999999}").replace(
        "weight: 25}", "weight: 25.000000000001}"
    )
    frameworks = write("tiny.yaml", tiny)
    path = write("a.yaml", "framework: uji\ninstitution: X\nyear: 2030\nlevels: {x: 1, y: 1.5, z: 1.25}\n")
    code, out, err = spbe("plan", path, "-t", "4", "--frameworks", frameworks, "-f", "json")
    assert code == 0, err
    assert json.loads(out)["reached"]["index"] >= 4


# --- problems capped per file -------------------------------------------------------------------------


def test_problems_are_capped_per_file_in_every_format(write, spbe):
    many = write("many.yaml", DENPASAR + "".join(f"unknown_key_{n}: {n}\n" for n in range(1000)))
    other = write("other.yaml", DENPASAR.replace("year: 2021", "year: 1900"))
    code, out, err = spbe("validate", many, other)
    assert code == ExitCode.INVALID_INPUT
    lines = err.splitlines()
    assert len([line for line in lines if "many.yaml" in line]) == 101
    assert lines[100].endswith("many.yaml: ... and 900 more problems in this file (the first 100 are shown)")
    assert any("other.yaml:7:7: year must be" in line for line in lines)  # another file keeps its own
    code, out, err = spbe("validate", many, "--format", "github")
    assert code == ExitCode.INVALID_INPUT
    annotations = out.splitlines()
    assert len(annotations) == 101 and annotations[-1].startswith("::error file=")
    assert "and 900 more problems" in annotations[-1]
    code, out, err = spbe("score", many, "-f", "json", "--lang", "id")
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert len(err.splitlines()) == 101 and "dan 900 masalah lain" in err


# --- FIFOs and devices named explicitly, frameworks files ---------------------------------------------


def endless_writer(fifo: Path, chunk: bytes) -> threading.Thread:
    """A writer that never stops (until its reader goes away): spbe must stop at its size cap."""

    def write() -> None:
        try:
            with open(fifo, "wb") as handle:
                while True:
                    handle.write(chunk)
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("role", ["assessment", "frameworks"])
def test_a_fifo_named_explicitly_is_read_up_to_the_size_cap(tmp_path, spbe, role):
    fifo = tmp_path / "endless.yaml"
    os.mkfifo(fifo)
    writer = endless_writer(fifo, b"# a comment that never ends\n" * 4096)
    args = ("validate", str(fifo)) if role == "assessment" else ("validate", DENPASAR_FILE, "--frameworks", str(fifo))
    code, out, err = spbe(*args)
    writer.join()
    assert code == ExitCode.INVALID_INPUT
    assert "endless.yaml: file is larger than 10 MB" in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_as_frameworks_file_is_capped(spbe):
    code, _, err = spbe("validate", DENPASAR_FILE, "--frameworks", "/dev/zero")
    assert code == ExitCode.INVALID_INPUT and "/dev/zero: file is larger than 10 MB" in err


def test_indicator_ids_differing_only_in_case_are_refused_with_their_place(write, spbe):
    frameworks = write("case.yaml", UJI_FRAMEWORKS.replace("{id: y,", "{id: X,"))
    for args in (("validate", DENPASAR_FILE), ("schema",), ("frameworks",), ("indicators", "uji")):
        code, out, err = spbe(*args, "--frameworks", frameworks)
        assert code == ExitCode.INVALID_INPUT, (args, err)
        assert "case.yaml:13:79:" in err and "indicator id X differs from x only in upper and lower case" in err


# --- what validate and rank check, and how often ------------------------------------------------------


def test_validate_fails_when_nothing_was_checked(tmp_path, spbe):
    (tmp_path / "empty").mkdir()
    (tmp_path / "x.yaml").mkdir()  # a folder named like a file
    for folder in ("empty", "x.yaml"):
        code, out, err = spbe("validate", str(tmp_path / folder))
        assert code == ExitCode.INVALID_INPUT, err
        assert "no assessment files found in" in err and out == ""
    other = tmp_path / "costs.yaml"
    other.write_text("default: 1\n")
    assert spbe("validate", "--skip-other-yaml", str(other))[0] == 0  # looked at, and skipped: the hook


def test_validate_reports_folders_it_cannot_list(tmp_path, spbe, monkeypatch):
    folder = tmp_path / "d"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.yaml").write_text(DENPASAR, encoding="utf-8")
    walk = os.walk

    def walk_with_a_locked_folder(top, onerror=None, **kwargs):
        for root, dirs, files in walk(top, onerror=onerror, **kwargs):
            if root.endswith("locked"):  # what os.walk does when listing fails (root cannot see it)
                onerror(PermissionError(errno.EACCES, "Permission denied", root))
                continue
            yield root, dirs, files

    monkeypatch.setattr("spbe_cli.cli.session.os.walk", walk_with_a_locked_folder)
    for fmt in ("text", "github"):
        code, out, err = spbe("validate", str(folder), "--format", fmt)
        assert code == ExitCode.INVALID_INPUT
        shown = err if fmt == "text" else out
        assert "locked: cannot list this folder: Permission denied" in shown or (
            "locked,title=spbe::cannot list this folder: Permission denied" in shown
        )
        assert "a.yaml: valid" in out
    code, _, err = spbe("score", str(folder), "-f", "json")
    assert code == ExitCode.INVALID_INPUT and "cannot list this folder" in err


@pytest.mark.parametrize(
    "written",
    [
        json.dumps({"framework": "spbe-2020", "institution": "X", "year": 2021, "levels": {"1": 9}}),  # JSON
        "{framework: spbe-2020, institution: X, year: 2021, levels: {1: 9}}",  # flow style
        "\ufeffframework: spbe-2020\nlevels: {1: 9}\n",  # UTF-16 below
    ],
)
def test_skip_other_yaml_never_skips_an_assessment_it_could_not_read_as_other(tmp_path, spbe, written):
    path = tmp_path / "a.yaml"
    if written.startswith("\ufeff"):
        path.write_bytes(written.encode("utf-16"))
    else:
        path.write_text(written, encoding="utf-8")
    code, _, err = spbe("validate", "--skip-other-yaml", str(path))
    assert code == ExitCode.INVALID_INPUT, err
    assert "a.yaml" in err


def test_other_yaml_in_a_folder_is_still_skipped(tmp_path, spbe):
    (tmp_path / "a.yaml").write_text(DENPASAR, encoding="utf-8")
    (tmp_path / "costs.yaml").write_text("{default: 1, indicators: {1: 2}}\n")  # parses, no framework key
    code, out, err = spbe("score", str(tmp_path), "-f", "json")
    assert code == 0 and len(json.loads(out)) == 1 and "skipped 1 YAML file" in err


def test_a_file_given_twice_is_scored_once_and_csv_rows_match_the_header(tmp_path, spbe):
    folder = tmp_path / "d"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.yaml").write_text(DENPASAR, encoding="utf-8")
    (folder / "sub" / "p.yaml").write_text(PEMDI, encoding="utf-8")
    (tmp_path / "link.yaml").symlink_to(folder / "a.yaml")
    again = str(folder / "sub" / ".." / "a.yaml")
    code, out, err = spbe("rank", str(folder), again, str(tmp_path / "link.yaml"), "-f", "csv")
    assert code == 0, err
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 3  # header, Denpasar once, the Pemdi file
    assert {len(row) for row in rows} == {len(rows[0])}
    assert "ranked twice" not in err
    code, out, _ = spbe("score", str(folder / "a.yaml"), again, "-f", "json")
    assert code == 0 and len(json.loads(out)) == 1


# --- files a person edits: valid when written, created exclusively ------------------------------------


def test_init_from_keeps_every_value_exactly_or_refuses(tmp_path, spbe):
    previous = PEMDI.replace("  I1: 2.50\n", "  I1: 2.123456\n").replace("  I3: 2.00\n", "  I3: 7/6\n")
    previous = re.sub(r"(?m)^  I2: .*$", "  I2: {level: 1.999999, target: 4.000001}", previous)
    source = tmp_path / "2026.yaml"
    source.write_text(previous, encoding="utf-8")
    out = tmp_path / "2027.yaml"
    code, _, err = spbe("init", "--from", str(source), "-o", str(out))
    assert code == 0, err
    written = out.read_text(encoding="utf-8")
    assert "  I1: 2.123456" in written and "  I3: 7/6" in written
    assert "{level: 1.999999, target: 4.000001}" in written
    assert spbe("validate", str(out))[0] == 0


def test_init_never_writes_a_file_that_would_not_validate(tmp_path, spbe):
    late = tmp_path / "2100.yaml"
    late.write_text(DENPASAR.replace("year: 2021", "year: 2100"), encoding="utf-8")
    out = tmp_path / "next.yaml"
    code, _, err = spbe("init", "--from", str(late), "-o", str(out))
    assert code == ExitCode.USAGE and "the year after, 2101, is past the last year" in err
    assert not out.exists()
    assert spbe("init", "--from", str(late), "--year", "2100", "-o", str(out))[0] == 0
    for name in ("   ", "\u200b\u2060", "\t"):
        for args in (("--from", DENPASAR_FILE), ("--framework", "spbe-2020")):
            target = tmp_path / "blank.yaml"
            code, _, err = spbe("init", *args, "--institution", name, "-o", str(target))
            assert code == ExitCode.USAGE and "must not be empty" in err
            assert not target.exists()


def test_imported_yaml_is_created_exclusively(tmp_path, spbe):
    sheet = str(tmp_path / "sheet.xlsx")
    assert spbe("export", DENPASAR_FILE, "-o", sheet)[0] == 0
    target = tmp_path / "imported.yaml"
    target.write_text("# my notes\n", encoding="utf-8")
    code, _, err = spbe("import", sheet, "-o", str(target))
    assert code == ExitCode.USAGE and "--force" in err
    assert target.read_text(encoding="utf-8") == "# my notes\n" and leftovers(tmp_path) == []
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for attempt in range(3):  # two writers of one new file: exactly one wins
        path = str(tmp_path / f"new{attempt}.yaml")
        command = [sys.executable, "-m", "spbe_cli", "import", sheet, "-o", path]
        runs = [subprocess.Popen(command, env=env, stderr=subprocess.PIPE) for _ in range(2)]
        codes = sorted(run.wait() for run in runs)
        for run in runs:
            run.stderr.close()  # type: ignore[union-attr]
        assert codes == [0, 2]
    assert leftovers(tmp_path) == []


# --- costs files: keys that collide, numbers too long -------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("indicators:\n  42: 5\n  42.0: 0.5\n", "costs.yaml:3:3: key 42.0 must be text or a whole number"),
        ("indicators:\n  42: 5\n  '42': 0.5\n", "costs.yaml:3:3: duplicate key '42' (first defined at line 2)"),
        ("indicators:\n  1: 5\n  yes: 0.5\n", "costs.yaml:3:3: key yes must be text or a whole number"),
        ("default: " + "9" * 5000 + "\n", "costs.yaml:1:10: a number of 5000 characters; at most 40 are read"),
        ("default: 0x" + "f" * 5000 + "\n", "costs.yaml:1:10: a number of 5002 characters"),
        ("indicators: {42: " + "9" * 4400 + "}\n", "costs.yaml:1:18: a number of 4400 characters"),
    ],
)
def test_costs_files_refuse_colliding_keys_and_huge_numbers(write, spbe, written, expected):
    costs = write("costs.yaml", written)
    code, out, err = spbe("plan", DENPASAR_FILE, "-t", "3.5", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and out == ""  # never exit 70, never a silent replacement
    assert expected in err
