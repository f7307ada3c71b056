"""The command line as users and scripts meet it: outputs, formats, exit codes, safety."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest

from spbe_cli.cli import COMMANDS, click_command
from spbe_cli.cli.app import root as root_command

from ..helpers import CASES, EXAMPLES, levels_yaml, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")


def test_score_table_shows_the_published_figures(spbe):
    result = spbe("score", DENPASAR)
    assert result.code == 0, result.err
    assert "Pemerintah Kota Denpasar" in result.out
    assert "3.19 (Baik)" in result.out
    for domain in ("3.00", "3.30", "2.18", "3.55"):
        assert domain in result.out
    assert "\x1b[" not in result.out  # no colour when not a terminal


def test_score_detail_lists_indicators(spbe):
    plain = spbe("score", DENPASAR).out
    detailed = spbe("score", DENPASAR, "--detail").out
    assert "Layanan Kinerja Pegawai" not in plain
    assert "Layanan Kinerja Pegawai" in detailed
    assert "Terpadu dan Terukur" in detailed


def test_color_always_colours_the_table(spbe):
    assert "\x1b[" in spbe("score", DENPASAR, "--color", "always").out


def test_json_has_the_documented_keys(spbe):
    data = json.loads(spbe("score", DENPASAR, "-f", "json").out)
    assert {
        "schema_version", "tool_version", "framework", "institution", "year", "index", "index_exact", "predikat",
        "domains", "aspects", "indicators",
    } <= set(data)  # fmt: skip
    assert data["index"] == 3.19 and data["index_exact"] == "3.1925" and data["predikat"] == "Baik"
    assert data["framework"] == {"id": "spbe-2020", "title": "Indeks SPBE (PermenPANRB 59/2020)"}
    assert [d["index"] for d in data["domains"]] == [3.0, 3.3, 2.18, 3.55]
    assert {"number", "name", "weight", "index"} <= set(data["domains"][0])
    assert {"number", "name", "weight", "index", "domain"} <= set(data["aspects"][0])
    assert {"id", "name", "weight", "value", "aspect"} <= set(data["indicators"][0])
    assert data["aspects"][4]["index"] == 2.13


def test_json_keys_do_not_depend_on_options(spbe):
    plain = json.loads(spbe("score", DENPASAR, "-f", "json").out)
    detailed = json.loads(spbe("score", DENPASAR, "-f", "json", "--detail").out)
    assert plain == detailed


def test_json_for_several_files_is_an_array_in_argument_order(spbe):
    second = str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml")
    data = json.loads(spbe("score", second, DENPASAR, "-f", "json").out)
    assert [item["framework"]["id"] for item in data] == ["pemdi-2026", "spbe-2020"]
    assert data[0]["domains"] == []


def test_csv_one_row_per_indicator(spbe):
    rows = list(csv.DictReader(io.StringIO(spbe("score", DENPASAR, "-f", "csv").out)))
    assert len(rows) == 47
    assert rows[0]["institution"] == "Pemerintah Kota Denpasar"
    assert rows[0]["indicator"] == "1" and rows[0]["weight"] == "1.3" and rows[0]["value"] == "4"
    assert {"institution", "year", "framework", "domain", "aspect", "indicator", "name", "weight", "value"} <= set(
        rows[0]
    )


def test_csv_cells_are_safe_in_spreadsheets(spbe, write, catalog):
    path = write(
        "a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="'=HYPERLINK(\"http://x\")'")
    )
    rows = list(csv.reader(io.StringIO(spbe("score", path, "-f", "csv").out)))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    for start in ("+1", "-1", "@SUM(A1)"):
        path = write("b.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution=f"'{start}'"))
        assert list(csv.reader(io.StringIO(spbe("score", path, "-f", "csv").out)))[1][0] == "'" + start


def test_markdown(spbe):
    out = spbe("score", DENPASAR, "-f", "markdown", "--detail").out
    assert out.startswith("## Indeks SPBE 2021: Pemerintah Kota Denpasar")
    assert "| 3 | Manajemen SPBE | 16.5 | 2.18 |" in out
    assert "### Indicators" in out


def test_user_text_is_never_rich_markup(spbe, write, catalog):
    path = write(
        "a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="'[bold red]Kota[/] [link=x]'")
    )
    result = spbe("score", path, "--color", "always")
    assert "[bold red]Kota[/] [link=x]" in result.out


def test_markdown_escapes_user_text(spbe, write, catalog):
    path = write("a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="'Kota | *Uji* <b>'"))
    assert "Kota \\| \\*Uji\\* \\<b>" in spbe("score", path, "-f", "markdown").out


def test_generated_output_replaces_its_file_without_force(spbe, tmp_path):
    target = tmp_path / "hasil.json"
    assert spbe("score", DENPASAR, "-f", "json", "-o", str(target)).code == 0
    assert json.loads(target.read_text())["index"] == 3.19
    assert spbe("score", DENPASAR, "-f", "csv", "-o", str(target)).code == 0
    assert target.read_text().startswith("institution,")


def test_failed_run_leaves_the_existing_output_untouched(spbe, tmp_path, write):
    target = tmp_path / "hasil.json"
    target.write_text("previous")
    bad = write("bad.yaml", "framework: spbe-2020\n")
    result = spbe("score", DENPASAR, bad, "-f", "json", "-o", str(target), "--force")
    assert result.code == 3
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".spbe-")] == []


def test_output_into_a_missing_folder_is_a_clean_error(spbe, tmp_path):
    result = spbe("score", DENPASAR, "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.code == 2
    assert "cannot write" in result.err


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["score", DENPASAR], 0),
        (["score", DENPASAR, "--fail-under", "3.19"], 0),
        (["score", DENPASAR, "--fail-under", "3.20"], 1),
        (["score", DENPASAR, "--fail-under", "3,20"], 1),
        (["score", DENPASAR, "--min-predikat", "Baik"], 0),
        (["score", DENPASAR, "--min-predikat", "sangat baik"], 1),
        (["score", DENPASAR, "--fail-under", "abc"], 2),
        (["score", DENPASAR, "--fail-under", "nan"], 2),
        (["score", DENPASAR, "--min-predikat", "Hebat"], 2),
        (["score", DENPASAR, "--format", "xml"], 2),
        (["score", DENPASAR, "--lang", "fr"], 2),
        (["score", DENPASAR, "--color", "sometimes"], 2),
        (["score", DENPASAR, "--no-such-option"], 2),
        (["score"], 2),
        (["score", "missing.yaml"], 3),
        (["validate", DENPASAR], 0),
        (["validate", "missing.yaml"], 3),
        (["frameworks"], 0),
        (["indicators", "spbe-2018"], 0),
        (["indicators", "spbe-2030"], 2),
    ],
)
def test_exit_codes(spbe, args, code):
    assert spbe(*args).code == code


def test_gate_message_goes_to_stderr(spbe):
    result = spbe("score", DENPASAR, "--fail-under", "3.20", "-f", "json")
    assert "index 3.19 is below --fail-under 3.20" in result.err
    assert json.loads(result.out)["index"] == 3.19


def test_messages_on_standard_error_write_numbers_the_user_s_way(spbe):
    indonesian = spbe("score", DENPASAR, "--fail-under", "3,20", "-f", "json", "--lang", "id")
    assert "indeks 3,19 di bawah --fail-under 3,20" in indonesian.err
    unreachable = spbe("plan", DENPASAR, "-t", "5", "--max-level", "3", "--lang", "id")
    assert unreachable.code == 1
    assert "indeks terbaik yang dapat dicapai 3,46 (Baik)" in unreachable.err
    english = spbe("plan", DENPASAR, "-t", "5", "--max-level", "3", "--lang", "en")
    assert "the best reachable index is 3.46 (Baik)" in english.err


def test_invalid_input_reports_every_problem_and_still_scores_the_rest(spbe, write):
    bad = write("bad.yaml", "framework: spbe-2020\ninstitution: X\nyear: 1999\nlevels: {1: 9}\n")
    result = spbe("score", bad, DENPASAR, "-f", "json")
    assert result.code == 3
    lines = result.err.strip().splitlines()
    assert f"{bad}:3:7: year must be a whole number from 2000 to 2100, not 1999" in lines
    assert f"{bad}:4:13: indicator 1 must be a whole number from 1 to 5, not 9" in lines
    assert any("missing 46 indicators" in line for line in lines)
    assert json.loads(result.out)[0]["institution"] == "Pemerintah Kota Denpasar"
    assert "Traceback" not in result.out + result.err


def test_validate_reports_every_file(spbe, write):
    bad1 = write("a.yaml", "framework: spbe-2020\n")
    bad2 = write("b.yaml", "x: [\n")
    result = spbe("validate", bad1, DENPASAR, bad2)
    assert result.code == 3
    assert f"{bad1}:" in result.err and f"{bad2}:" in result.err
    assert "valid (spbe-2020, 47 indicators)" in result.out


def test_validate_accepts_a_folder(spbe, tmp_path):
    for example in EXAMPLES.glob("*.yaml"):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    result = spbe("validate", str(tmp_path), "--quiet")
    assert result.code == 0 and result.out == ""


def test_standard_input(spbe):
    result = spbe("score", "-", "-f", "json", input=(CASES / "denpasar-2021.yaml").read_text())
    assert result.code == 0 and json.loads(result.out)["index"] == 3.19


def test_frameworks_and_indicators_listings(spbe):
    listing = json.loads(spbe("frameworks", "-f", "json").out)
    assert [f["id"] for f in listing] == ["spbe-2018", "spbe-2020", "pemdi-2026"]
    assert [f["indicators"] for f in listing] == [35, 47, 20]
    tree = json.loads(spbe("indicators", "pemdi-2026", "-f", "json").out)
    assert len(tree[0]["indicators"]) == 20 and tree[0]["indicators"][19]["weight"] == 15
    table = spbe("indicators", "spbe-2020").out
    assert "Layanan Publik Sektor 3" in table and "45.5" in table
    assert "| 42 | Layanan Pengaduan Pelayanan Publik | 3 |" in spbe("indicators", "spbe-2020", "-f", "markdown").out
    assert spbe("indicators", "spbe-2018", "-f", "csv").out.count("\n") == 36


def test_custom_frameworks_file(spbe, write):
    from ..helpers import MINI_FRAMEWORKS as BASE

    frameworks = write("fw.yaml", BASE)
    assessment = write("a.yaml", "framework: mini\ninstitution: X\nyear: 2030\nlevels: {M1: 5, M2: 3, M3: 1}\n")
    data = json.loads(spbe("score", assessment, "--frameworks", frameworks, "-f", "json").out)
    assert data["index_exact"] == "2.8"  # (5 x 30 + 3 x 30 + 1 x 40) / 100
    broken = write("broken.yaml", BASE.replace("weight: 60", "weight: 61"))
    result = spbe("score", assessment, "--frameworks", broken)
    assert result.code == 3 and "declares weight 61" in result.err
    fractional = write("fractional.yaml", BASE.replace("weight: 60", "weight: 60.5"))
    result = spbe("score", assessment, "--frameworks", fractional, "--lang", "id")
    assert result.code == 3 and "menyatakan bobot 60,5 " in result.err  # the number in the user's way


def test_version(spbe):
    from spbe_cli import __version__

    result = spbe("--version")
    assert result.code == 0 and result.out.strip() == f"spbe {__version__}"


def test_main_maps_usage_errors_and_internal_errors(spbe, monkeypatch):
    assert spbe("score", DENPASAR, "--fail-under", "abc").code == 2
    assert spbe("score", "missing.yaml").code == 3
    assert spbe("score", DENPASAR, "--fail-under", "9").code == 1

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("spbe_cli.core.scoring.score", broken)
    code, _, err = spbe("score", DENPASAR)
    assert code == 70
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err
    code, _, err = spbe("score", DENPASAR, "--debug")
    assert code == 70 and "Traceback" in err
    # Only the parsed option turns tracebacks on: after `--`, "--debug" is a file name.
    code, _, err = spbe("score", DENPASAR, "--", "--debug")
    assert code == 70 and "Traceback" not in err
    code, _, err = spbe("score", DENPASAR)  # and a run with --debug does not leave it on for the next
    assert code == 70 and "Traceback" not in err


@pytest.mark.parametrize("name", [name.rstrip("_") for name in COMMANDS])
def test_help_of_every_command_lists_every_option_it_takes(spbe, name):
    command = click_command().commands[name]  # type: ignore[attr-defined]
    code, shown, _ = spbe(name, "--help")
    assert code == 0
    assert command.help and command.help.split("\n")[0][:40] in " ".join(shown.split())
    for param in command.params:
        if param.hidden:  # accepted, not offered: only --force, where every output is replaced anyway
            assert param.opts == ["--force"] and "--force" not in shown
            continue
        for flag in param.opts if param.param_type_name == "option" else [param.metavar or param.name.upper()]:
            assert flag in shown, f"spbe {name} --help does not show {flag}"


@pytest.mark.parametrize("name", [name.rstrip("_") for name in COMMANDS])
def test_a_run_builds_only_its_command_and_the_same_one(name):
    # Building every command's options costs a one-file run more than its work: a run builds its own.
    everything = click_command()
    alone = click_command([name, "x"])
    assert list(alone.commands) == [name]  # type: ignore[attr-defined]
    expected, built = everything.commands[name], alone.commands[name]  # type: ignore[attr-defined]
    assert [p.opts for p in built.params] == [p.opts for p in expected.params]
    assert built.help == expected.help and [p.name for p in alone.params] == [p.name for p in everything.params]
    assert list(click_command(["--version"]).commands) == list(everything.commands)  # type: ignore[attr-defined]


def test_cli_module_documents_exit_codes():
    assert "Exit codes: 0 ok, 1 a gate failed, 2 usage error, 3 invalid input, 70 internal error" in (
        root_command.__doc__ or ""
    )


def test_environment_language(spbe, monkeypatch):
    monkeypatch.setenv("SPBE_LANG", "id")
    assert "Domain" in spbe("score", DENPASAR).out and "Aspek" in spbe("score", DENPASAR).out
    monkeypatch.setenv("SPBE_LANG", "")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert "Aspek" in spbe("score", DENPASAR).out
    assert "Aspects" in spbe("score", DENPASAR, "--lang", "en").out


def test_no_traceback_for_a_folder_given_as_output(spbe, tmp_path):
    result = spbe("score", DENPASAR, "-o", str(tmp_path), "--force")
    assert result.code == 2 and "is a folder" in result.err
    assert os.path.isdir(tmp_path)


def test_a_year_outside_the_framework_is_scored_with_a_note(spbe, write, catalog):
    path = write("a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), year=2026))
    result = spbe("score", path, "-f", "json")
    assert result.code == 0 and json.loads(result.out)["year"] == 2026
    assert "2026 is outside the years of spbe-2020 (2021-2025)" in result.err
    assert "outside the years" not in spbe("score", DENPASAR).err


def test_a_folder_without_assessments_is_invalid_input(spbe, tmp_path):
    result = spbe("score", str(tmp_path))
    assert result.code == 3 and "no assessment files found" in result.err


def test_wildcards_are_expanded_on_windows_where_no_shell_does(tmp_path, monkeypatch):
    """The Panduan's `spbe import kembali/*.xlsx --into ...` works in PowerShell as in a Linux shell."""
    from spbe_cli.cli import command_line

    for name in ("opd-b.xlsx", "opd-a.xlsx", "catatan.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = ["import", "opd-*.xlsx", "--into", "penilaian.yaml", "tidak-ada-*.xlsx"]
    assert command_line(args, windows=True) == [
        "import",
        "opd-a.xlsx",
        "opd-b.xlsx",
        "--into",
        "penilaian.yaml",
        "tidak-ada-*.xlsx",  # matching nothing: left as written, so that spbe says it is not found
    ]
    assert command_line(args, windows=False) == args  # a POSIX shell has expanded them already
