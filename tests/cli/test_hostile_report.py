"""`spbe report` when its outputs or its browser misbehave: every output checked before any work, a plan too
large said as `plan` says it, and a terminated run leaves no browser and no profile behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spbe_cli.exitcodes import ExitCode

from ..helpers import CASES, UJI_FRAMEWORKS

DENPASAR = str(CASES / "denpasar-2021.yaml")

FAKE_BROWSER = """#!/bin/sh
# A stand-in for Chromium: says it ran, then prints a "PDF" where --print-to-pdf= says.
echo ran >> "{marker}"
for argument in "$@"; do
  case "$argument" in --print-to-pdf=*) printf '%%PDF-1.4 fake' > "${{argument#--print-to-pdf=}}" ;; esac
done
"""


@pytest.fixture
def fake_browser(tmp_path) -> tuple[str, Path]:
    marker = tmp_path / "ran.txt"
    program = tmp_path / "chromium"
    program.write_text(FAKE_BROWSER.format(marker=marker), encoding="utf-8")
    program.chmod(0o755)
    return str(program), marker


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (
            ["-o", "{same}", "--pdf", "{same}"],
            "--output and --pdf both name {same}: give the page and the PDF a file each",
        ),
        (["-o", "-", "--pdf", "-"], "--output and --pdf both name -"),
        (["--pdf", "{folder}"], "--pdf {folder} is a folder: give a file name"),
        (["--pdf", "{missing}"], "cannot write {missing}: No such file or directory"),
        (["--pdf", ""], "--pdf is empty: give a file name"),
        (["--pdf", DENPASAR], f"--pdf {DENPASAR} is one of the input files"),
    ],
)
def test_the_pdf_target_is_checked_before_any_work(tmp_path, spbe, fake_browser, arguments, expected):
    program, marker = fake_browser
    names = {"same": str(tmp_path / "laporan.html"), "folder": str(tmp_path), "missing": str(tmp_path / "no" / "x.pdf")}
    given = [argument.format(**names) for argument in arguments]
    code, out, err = spbe("report", DENPASAR, *given, "--browser", program)
    assert code == ExitCode.USAGE and out == ""
    assert expected.format(**names) in err
    assert not marker.exists()  # the browser never ran
    assert not (tmp_path / "laporan.html").exists()


def test_the_page_and_the_pdf_each_go_where_they_are_asked(tmp_path, spbe, fake_browser):
    program, marker = fake_browser
    code, out, err = spbe("report", DENPASAR, "--pdf", "-", "--browser", program)
    assert (code, err, out) == (0, "", "%PDF-1.4 fake")
    page, document = tmp_path / "laporan.html", tmp_path / "laporan.pdf"
    code, out, err = spbe("report", DENPASAR, "-o", page, "--pdf", document, "--browser", program)
    assert (code, out, err) == (0, "", "")
    assert page.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert document.read_bytes() == b"%PDF-1.4 fake"


def test_a_plan_too_large_is_refused_with_the_reason_as_plan_does(write, spbe):
    frameworks = write("wide.yaml", UJI_FRAMEWORKS.replace("max: 5}", "max: 1000000000}"))
    path = write("a.yaml", "framework: uji\ninstitution: X\nyear: 2030\nlevels: {x: 1, y: 1, z: 1}\n")
    planned = spbe("plan", path, "-t", "2", "--frameworks", frameworks)
    code, out, err = spbe("report", path, "--frameworks", frameworks)
    assert (code, out) == (ExitCode.INVALID_INPUT, "")
    assert err == planned.err and "more than 100000 possible level steps" in err


HANGING_BROWSER = """#!/bin/sh
# A browser that starts a helper and never finishes: its process ids go to {pids}.
echo $$ >> "{pids}"
sleep 300 &
echo $! >> "{pids}"
wait
"""


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"  # a zombie is dead: only its exit status waits to be collected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to see which processes are alive")
def test_sigterm_during_pdf_stops_the_browser_and_its_helpers_and_removes_the_profile(tmp_path):
    pids = tmp_path / "pids.txt"
    program = tmp_path / "chromium"
    program.write_text(HANGING_BROWSER.format(pids=pids), encoding="utf-8")
    program.chmod(0o755)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    run = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfrom spbe_cli.cli import main\nsys.exit(main(sys.argv[1:]))",
         "report", DENPASAR, "--pdf", str(tmp_path / "l.pdf"), "--browser", str(program)],
        env={**os.environ, "TMPDIR": str(temporary)},
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while (not pids.exists() or len(pids.read_text().split()) < 2) and time.monotonic() < deadline:
        time.sleep(0.05)
    started = [int(pid) for pid in pids.read_text().split()]
    assert len(started) == 2 and all(_alive(pid) for pid in started)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 128 + signal.SIGTERM, err
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in started)
    assert list(temporary.iterdir()) == [] and not (tmp_path / "l.pdf").exists()
