"""Output files under stress: signals, full disks, closed pipes, symlinks, devices, an output that is an
input, and files a person edits, which are created exclusively and valid when written. Every test here failed
before the behaviour it checks was built."""

from __future__ import annotations

import errno
import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from spbe_cli.cli.output import OutputError, Sink
from spbe_cli.exitcodes import ExitCode

from ..helpers import CASES, ROOT

DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")


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


PEMDI = (ROOT / "examples" / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8")


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
