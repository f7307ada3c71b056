"""The command line as users and scripts meet it: outputs, formats, exit codes, safety."""

from __future__ import annotations

import csv
import io
import json
import os

import pytest
from typer.testing import CliRunner

from spbe_cli.cli import COMMANDS, app, click_command, main
from spbe_cli.cli.app import root as root_command

from .conftest import CASES, EXAMPLES, levels_yaml, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")
runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input)


def test_score_table_shows_the_published_figures():
    result = run("score", DENPASAR)
    assert result.exit_code == 0, result.output
    assert "Pemerintah Kota Denpasar" in result.stdout
    assert "3.19 (Baik)" in result.stdout
    for domain in ("3.00", "3.30", "2.18", "3.55"):
        assert domain in result.stdout
    assert "\x1b[" not in result.stdout  # no colour when not a terminal


def test_score_detail_lists_indicators():
    plain = run("score", DENPASAR).stdout
    detailed = run("score", DENPASAR, "--detail").stdout
    assert "Layanan Kinerja Pegawai" not in plain
    assert "Layanan Kinerja Pegawai" in detailed
    assert "Terpadu dan Terukur" in detailed


def test_color_always_colours_the_table():
    assert "\x1b[" in run("score", DENPASAR, "--color", "always").stdout


def test_json_has_the_documented_keys():
    data = json.loads(run("score", DENPASAR, "-f", "json").stdout)
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


def test_json_keys_do_not_depend_on_options():
    plain = json.loads(run("score", DENPASAR, "-f", "json").stdout)
    detailed = json.loads(run("score", DENPASAR, "-f", "json", "--detail").stdout)
    assert plain == detailed


def test_json_for_several_files_is_an_array_in_argument_order():
    second = str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml")
    data = json.loads(run("score", second, DENPASAR, "-f", "json").stdout)
    assert [item["framework"]["id"] for item in data] == ["pemdi-2026", "spbe-2020"]
    assert data[0]["domains"] == []


def test_csv_one_row_per_indicator():
    rows = list(csv.DictReader(io.StringIO(run("score", DENPASAR, "-f", "csv").stdout)))
    assert len(rows) == 47
    assert rows[0]["institution"] == "Pemerintah Kota Denpasar"
    assert rows[0]["indicator"] == "1" and rows[0]["weight"] == "1.3" and rows[0]["value"] == "4"
    assert {"institution", "year", "framework", "domain", "aspect", "indicator", "name", "weight", "value"} <= set(
        rows[0]
    )


def test_csv_cells_are_safe_in_spreadsheets(write, catalog):
    path = write(
        "a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="'=HYPERLINK(\"http://x\")'")
    )
    rows = list(csv.reader(io.StringIO(run("score", path, "-f", "csv").stdout)))
    assert rows[1][0] == '\'=HYPERLINK("http://x")'
    for start in ("+1", "-1", "@SUM(A1)"):
        path = write("b.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution=f"'{start}'"))
        assert list(csv.reader(io.StringIO(run("score", path, "-f", "csv").stdout)))[1][0] == "'" + start


def test_markdown():
    out = run("score", DENPASAR, "-f", "markdown", "--detail").stdout
    assert out.startswith("## Indeks SPBE 2021: Pemerintah Kota Denpasar")
    assert "| 3 | Manajemen SPBE | 16.5 | 2.18 |" in out
    assert "### Indicators" in out


def test_user_text_is_never_rich_markup(write, catalog):
    path = write(
        "a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="'[bold red]Kota[/] [link=x]'")
    )
    result = run("score", path, "--color", "always")
    assert "[bold red]Kota[/] [link=x]" in result.stdout


def test_markdown_escapes_user_text(write, catalog):
    path = write("a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="'Kota | *Uji* <b>'"))
    assert "Kota \\| \\*Uji\\* \\<b>" in run("score", path, "-f", "markdown").stdout


def test_generated_output_replaces_its_file_without_force(tmp_path):
    target = tmp_path / "hasil.json"
    assert run("score", DENPASAR, "-f", "json", "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())["index"] == 3.19
    assert run("score", DENPASAR, "-f", "csv", "-o", str(target)).exit_code == 0
    assert target.read_text().startswith("institution,")


def test_failed_run_leaves_the_existing_output_untouched(tmp_path, write):
    target = tmp_path / "hasil.json"
    target.write_text("previous")
    bad = write("bad.yaml", "framework: spbe-2020\n")
    result = run("score", DENPASAR, bad, "-f", "json", "-o", str(target), "--force")
    assert result.exit_code == 3
    assert target.read_text() == "previous"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".spbe-")] == []


def test_output_into_a_missing_folder_is_a_clean_error(tmp_path):
    result = run("score", DENPASAR, "-o", str(tmp_path / "no" / "such" / "dir.json"))
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


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
def test_exit_codes(args, code):
    assert run(*args).exit_code == code


def test_gate_message_goes_to_stderr():
    result = run("score", DENPASAR, "--fail-under", "3.20", "-f", "json")
    assert "index 3.19 is below --fail-under 3.20" in result.stderr
    assert json.loads(result.stdout)["index"] == 3.19


def test_messages_on_standard_error_write_numbers_the_user_s_way():
    indonesian = run("score", DENPASAR, "--fail-under", "3,20", "-f", "json", "--lang", "id")
    assert "indeks 3,19 di bawah --fail-under 3,20" in indonesian.stderr
    unreachable = run("plan", DENPASAR, "-t", "5", "--max-level", "3", "--lang", "id")
    assert unreachable.exit_code == 1
    assert "indeks terbaik yang dapat dicapai 3,46 (Baik)" in unreachable.stderr
    english = run("plan", DENPASAR, "-t", "5", "--max-level", "3", "--lang", "en")
    assert "the best reachable index is 3.46 (Baik)" in english.stderr


def test_invalid_input_reports_every_problem_and_still_scores_the_rest(write):
    bad = write("bad.yaml", "framework: spbe-2020\ninstitution: X\nyear: 1999\nlevels: {1: 9}\n")
    result = run("score", bad, DENPASAR, "-f", "json")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert f"{bad}:3:7: year must be a whole number from 2000 to 2100, not 1999" in lines
    assert f"{bad}:4:13: indicator 1 must be a whole number from 1 to 5, not 9" in lines
    assert any("missing 46 indicators" in line for line in lines)
    assert json.loads(result.stdout)[0]["institution"] == "Pemerintah Kota Denpasar"
    assert "Traceback" not in result.output


def test_validate_reports_every_file(write):
    bad1 = write("a.yaml", "framework: spbe-2020\n")
    bad2 = write("b.yaml", "x: [\n")
    result = run("validate", bad1, DENPASAR, bad2)
    assert result.exit_code == 3
    assert f"{bad1}:" in result.stderr and f"{bad2}:" in result.stderr
    assert "valid (spbe-2020, 47 indicators)" in result.stdout


def test_validate_accepts_a_folder(tmp_path):
    for example in EXAMPLES.glob("*.yaml"):
        (tmp_path / example.name).write_bytes(example.read_bytes())
    result = run("validate", str(tmp_path), "--quiet")
    assert result.exit_code == 0 and result.stdout == ""


def test_standard_input():
    result = run("score", "-", "-f", "json", input=(CASES / "denpasar-2021.yaml").read_text())
    assert result.exit_code == 0 and json.loads(result.stdout)["index"] == 3.19


def test_frameworks_and_indicators_listings():
    listing = json.loads(run("frameworks", "-f", "json").stdout)
    assert [f["id"] for f in listing] == ["spbe-2018", "spbe-2020", "pemdi-2026"]
    assert [f["indicators"] for f in listing] == [35, 47, 20]
    tree = json.loads(run("indicators", "pemdi-2026", "-f", "json").stdout)
    assert len(tree[0]["indicators"]) == 20 and tree[0]["indicators"][19]["weight"] == 15
    table = run("indicators", "spbe-2020").stdout
    assert "Layanan Publik Sektor 3" in table and "45.5" in table
    assert "| 42 | Layanan Pengaduan Pelayanan Publik | 3 |" in run("indicators", "spbe-2020", "-f", "markdown").stdout
    assert run("indicators", "spbe-2018", "-f", "csv").stdout.count("\n") == 36


def test_custom_frameworks_file(write):
    from .helpers import MINI_FRAMEWORKS as BASE

    frameworks = write("fw.yaml", BASE)
    assessment = write("a.yaml", "framework: mini\ninstitution: X\nyear: 2030\nlevels: {M1: 5, M2: 3, M3: 1}\n")
    data = json.loads(run("score", assessment, "--frameworks", frameworks, "-f", "json").stdout)
    assert data["index_exact"] == "2.8"  # (5 x 30 + 3 x 30 + 1 x 40) / 100
    broken = write("broken.yaml", BASE.replace("weight: 60", "weight: 61"))
    result = run("score", assessment, "--frameworks", broken)
    assert result.exit_code == 3 and "declares weight 61" in result.stderr
    fractional = write("fractional.yaml", BASE.replace("weight: 60", "weight: 60.5"))
    result = run("score", assessment, "--frameworks", fractional, "--lang", "id")
    assert result.exit_code == 3 and "menyatakan bobot 60,5 " in result.stderr  # the number in the user's way


def test_version():
    from spbe_cli import __version__

    result = run("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"spbe {__version__}"


def test_main_maps_usage_errors_and_internal_errors(monkeypatch, capsys):
    assert main(["score", DENPASAR, "--fail-under", "abc"]) == 2
    assert main(["score", "missing.yaml"]) == 3
    assert main(["score", DENPASAR, "--fail-under", "9"]) == 1

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("spbe_cli.core.scoring.score", broken)
    capsys.readouterr()
    assert main(["score", DENPASAR]) == 70
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: boom" in err and "Traceback" not in err
    assert main(["score", DENPASAR, "--debug"]) == 70
    assert "Traceback" in capsys.readouterr().err
    # Only the parsed option turns tracebacks on: after `--`, "--debug" is a file name.
    assert main(["score", DENPASAR, "--", "--debug"]) == 70
    assert "Traceback" not in capsys.readouterr().err
    assert main(["score", DENPASAR]) == 70  # and a run with --debug does not leave it on for the next
    assert "Traceback" not in capsys.readouterr().err


@pytest.mark.parametrize("name", [name.rstrip("_") for name in COMMANDS])
def test_help_of_every_command_lists_every_option_it_takes(name, capsys):
    command = click_command().commands[name]  # type: ignore[attr-defined]
    assert main([name, "--help"]) == 0
    shown = capsys.readouterr().out
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


def test_environment_language(monkeypatch):
    monkeypatch.setenv("SPBE_LANG", "id")
    assert "Domain" in run("score", DENPASAR).stdout and "Aspek" in run("score", DENPASAR).stdout
    monkeypatch.setenv("SPBE_LANG", "")
    monkeypatch.setenv("LANG", "id_ID.UTF-8")
    assert "Aspek" in run("score", DENPASAR).stdout
    assert "Aspects" in run("score", DENPASAR, "--lang", "en").stdout


def test_no_traceback_for_a_folder_given_as_output(tmp_path):
    result = run("score", DENPASAR, "-o", str(tmp_path), "--force")
    assert result.exit_code == 2 and "is a folder" in result.stderr
    assert os.path.isdir(tmp_path)


def test_every_command_and_option_is_documented_in_the_readme():
    import typer

    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        assert f"spbe {name}" in readme, f"README does not show `spbe {name}`"
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--") and option not in (
                    "--help",
                    "--debug",
                    "--frameworks",
                    "--lang",
                    "--color",
                    "--force",
                    "--output",
                    "--format",
                ):
                    assert option in readme, f"README does not mention {option} of spbe {name}"
    for shared in ("--frameworks", "--lang", "--color", "--force", "--output", "--format", "--debug"):
        assert shared in readme


def test_a_year_outside_the_framework_is_scored_with_a_note(write, catalog):
    path = write("a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), year=2026))
    result = run("score", path, "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout)["year"] == 2026
    assert "2026 is outside the years of spbe-2020 (2021-2025)" in result.stderr
    assert "outside the years" not in run("score", DENPASAR).stderr


def test_a_folder_without_assessments_is_invalid_input(tmp_path):
    result = run("score", str(tmp_path))
    assert result.exit_code == 3 and "no assessment files found" in result.stderr
