"""What the commands are given: folders, standard input, files named twice, other YAML, folders that cannot be
listed; the exit codes and usage errors. Every test here failed before the behaviour it checks was built."""

from __future__ import annotations

import csv
import errno
import io
import json
import os

import pytest

from spbe_cli.exitcodes import ExitCode

from ..helpers import CASES, RAW_CONTROL, ROOT, command_lines

DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")

PEMDI = (ROOT / "examples" / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8")


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
