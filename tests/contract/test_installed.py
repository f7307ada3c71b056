"""The installed tool as a user runs it: the `spbe` script, the wheel, and a cheap import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from ..helpers import CASES, ROOT

DENPASAR = str(CASES / "denpasar-2021.yaml")


def spbe_executable() -> str:
    found = shutil.which("spbe", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    assert found, "the `spbe` script is not installed: run the README's test command (pip install -e '.[test]')"
    return found


def test_installed_script_scores_and_maps_exit_codes(tmp_path):
    spbe = spbe_executable()
    done = subprocess.run(
        [spbe, "score", DENPASAR, "-f", "json"], capture_output=True, text=True, cwd=tmp_path, check=False
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["index"] == 3.19
    bad = subprocess.run([spbe, "score", DENPASAR, "--fail-under", "abc"], capture_output=True, text=True, check=False)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    gate = subprocess.run([spbe, "score", DENPASAR, "--fail-under", "3.5"], capture_output=True, text=True, check=False)
    assert gate.returncode == 1
    missing = subprocess.run(
        [spbe, "validate", str(tmp_path / "nope.yaml")], capture_output=True, text=True, check=False
    )
    assert missing.returncode == 3 and missing.stderr.strip() == f"{tmp_path / 'nope.yaml'}: no such file"


def test_python_dash_m_works():
    done = subprocess.run([sys.executable, "-m", "spbe_cli", "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("spbe ")


def test_closed_pipe_is_not_an_error():
    # The schema is 120 KB, more than a pipe holds: spbe is still writing when `head` goes away.
    spbe = spbe_executable()
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", f"'{spbe}' schema | head -n 1"], capture_output=True, text=True, check=False
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "{\n", "")  # pipefail: spbe's own exit code


def test_json_and_csv_paths_never_import_rich():
    code = (
        "import sys, io, contextlib\n"
        "from spbe_cli.cli import main\n"
        "for fmt in ('json', 'csv'):\n"
        f"    with contextlib.redirect_stdout(io.StringIO()): main(['score', {DENPASAR!r}, '-f', fmt])\n"
        "print('rich' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"


@pytest.mark.external
def test_wheel_carries_the_frameworks_file_and_runs_outside_the_repository(tmp_path):
    pytest.importorskip("hatchling")
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("spbe-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        assert "spbe_cli/indicators.yaml" in names
        for template in ("report.html.j2", "rank.html.j2", "page.css"):  # the HTML pages' templates ship too
            assert f"spbe_cli/formats/templates/{template}" in names
        for template in ("base.html.j2", "overview.html.j2", "preview.html.j2", "web.css"):  # spbe serve's pages
            assert f"spbe_cli/web/templates/{template}" in names
        for data in ("results-2023.csv", "results-2024.csv", "averages.csv", "sources.csv", "README.md"):
            assert f"spbe_cli/data/published/{data}" in names  # KemenPANRB's published figures
        archive.extractall(tmp_path / "site")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = "import sys; sys.path.insert(0, sys.argv[1]); from spbe_cli.cli import main; sys.exit(main(sys.argv[2:]))"
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "site"), "score", DENPASAR, "-f", "json"],
        capture_output=True, text=True, cwd=elsewhere, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["index"] == 3.19
    page = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "site"), "report", DENPASAR, "--lang", "id"],
        capture_output=True, text=True, cwd=elsewhere, check=False,
    )  # fmt: skip
    assert page.returncode == 0, page.stderr
    assert "Laporan Hasil Evaluasi Indeks SPBE" in page.stdout
    looked_up = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "site"), "published", "kab luwu", "--year", "2024", "-f", "csv"],
        capture_output=True, text=True, cwd=elsewhere, check=False,
    )  # fmt: skip
    assert looked_up.returncode == 0, looked_up.stderr
    assert ",2.60,Cukup," in looked_up.stdout


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_version_and_help_stay_cheap(args):
    code = (
        "import sys, io, contextlib\n"
        "from spbe_cli.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({args!r})\n"
        "print(','.join(m for m in ('pydantic', 'yaml', 'rich') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == ""
