"""Usage errors in the user's language, Typer's own wording included, however spbe is run."""

from __future__ import annotations

import inspect

import pytest

from spbe_cli.cli import app, click_command, main

from ..helpers import CASES

DENPASAR = str(CASES / "denpasar-2021.yaml")


@pytest.fixture(autouse=True)
def english_environment(monkeypatch):
    monkeypatch.setenv("SPBE_LANG", "en")


def usage_error(spbe, *args: str) -> str:
    result = spbe(*args)
    assert result.code == 2, result.err
    assert "Traceback" not in result.err
    return result.err


# (arguments, English, Indonesian): the error line of each kind of usage error
CASES_OF_ERRORS = [
    (
        ["score", DENPASAR, "-f", "xml"],
        "Error: Invalid value for '--format': 'xml' is not one of: table, json, csv, markdown, xlsx",
        "Galat: Nilai tidak sah untuk '--format': 'xml' bukan salah satu dari: table, json, csv, markdown, xlsx",
    ),
    (["score", DENPASAR, "--zzz"], "Error: No such option: --zzz\n", "Galat: Opsi tidak dikenal: --zzz\n"),
    (
        ["init", "--fo"],
        "Error: No such option: --fo (Possible options: --force, --from)",
        "Galat: Opsi tidak dikenal: --fo (opsi yang mirip: --force, --from)",
    ),
    (  # score accepts --force but does not offer it (its output is always replaced): not suggested
        ["score", DENPASAR, "--fo"],
        "Error: No such option: --fo (Possible options: --format)",
        "Galat: Opsi tidak dikenal: --fo (opsi yang mirip: --format)",
    ),
    (["score"], "Error: Missing argument 'FILE'.", "Galat: Argumen 'FILE' belum diberikan."),
    (["plan", DENPASAR], "Error: Missing option '--target' / '-t'.", "Galat: Opsi '--target' / '-t' belum diberikan."),
    (["nocmd"], "Error: No such command 'nocmd'.", "Galat: Perintah 'nocmd' tidak dikenal."),
    (
        ["scor", DENPASAR],
        "Error: No such command 'scor'. Did you mean 'score'?",
        "Galat: Perintah 'scor' tidak dikenal. Maksud Anda 'score'?",
    ),
    (
        ["diff", DENPASAR, DENPASAR, "extra"],
        "Error: Got unexpected extra argument(s) (extra)",
        "Galat: Ada argumen berlebih yang tidak diharapkan (extra)",
    ),
    (
        ["score", DENPASAR, "--format"],
        "Error: Option '--format' requires an argument.",
        "Galat: Opsi '--format' memerlukan satu nilai.",
    ),
    (
        ["diff", DENPASAR, "--stages", "mandiri"],
        "Error: Option '--stages' requires 2 arguments.",
        "Galat: Opsi '--stages' memerlukan 2 nilai.",
    ),
    (
        ["score", DENPASAR, "--detail=yes"],
        "Error: Option '--detail' does not take a value.",
        "Galat: Opsi '--detail' tidak menerima nilai.",
    ),
    (
        ["score", DENPASAR, "--color", "pink"],
        "Error: Invalid value for '--color': choose one of: auto, always, never",
        "Galat: Nilai tidak sah untuk '--color': pilih salah satu: auto, always, never",
    ),
    (
        ["init", "--framework", "spbe-2020", "--year", "abc"],
        "Error: Invalid value for '--year': Input should be a valid integer, unable to parse string as an integer",
        "Galat: Nilai tidak sah untuk '--year': masukan harus bilangan bulat;",
    ),
    (
        ["init", "--framework", "spbe-2020", "--year", "1999"],
        "Error: Invalid value for '--year': Input should be greater than or equal to 2000",
        "Galat: Nilai tidak sah untuk '--year': masukan harus lebih dari atau sama dengan 2000",
    ),
    (
        ["init", "--framework", "spbe-2020", "--year", "2101"],
        "Error: Invalid value for '--year': Input should be less than or equal to 2100",
        "Galat: Nilai tidak sah untuk '--year': masukan harus kurang dari atau sama dengan 2100",
    ),
    (
        ["plan", DENPASAR, "-t", "3", "--max-level", "tinggi"],
        "Error: Invalid value for '--max-level': Input should be a valid integer",
        "Galat: Nilai tidak sah untuk '--max-level': masukan harus bilangan bulat;",
    ),
]


@pytest.mark.parametrize(("args", "english", "indonesian"), CASES_OF_ERRORS)
def test_each_usage_error_in_both_languages(spbe, args, english, indonesian):
    # --lang right after the command name: before any argument an error could be about
    with_lang = args[:1] + ["--lang", "id"] + args[1:] if args[0] in app_commands() else args + ["--lang", "id"]
    assert english in usage_error(spbe, *args)
    shown = usage_error(spbe, *with_lang)
    assert indonesian in shown and "Error" not in shown and "Invalid value" not in shown


def app_commands() -> set[str]:
    return set(click_command().commands)


@pytest.mark.parametrize(
    ("lang", "usage", "hint"),
    [
        ("en", "Usage: spbe score [OPTIONS] FILE...", "Try 'spbe score -h' for help."),
        ("id", "Penggunaan: spbe score [OPSI] FILE...", "Coba 'spbe score -h' untuk bantuan."),
    ],
)
def test_the_usage_lines_are_in_the_language_too(spbe, monkeypatch, lang, usage, hint):
    monkeypatch.setenv("SPBE_LANG", lang)  # the environment chooses when --lang does not
    assert usage_error(spbe, "score", DENPASAR, "-f", "xml").splitlines()[:3] == [usage, hint, ""]
    root = (
        "Usage: spbe [OPTIONS] COMMAND [ARGS]..." if lang == "en" else "Penggunaan: spbe [OPSI] PERINTAH [ARGUMEN]..."
    )
    assert usage_error(spbe, "nocmd").splitlines()[0] == root


def test_the_usage_line_names_arguments_as_click_does(spbe):
    assert "Usage: spbe diff [OPTIONS] OLD [NEW]" in usage_error(spbe, "diff")
    assert "{" not in usage_error(spbe, "score") and "{" not in usage_error(spbe, "plan")
    help_page = spbe("score", "--help").out
    assert "Usage: spbe score [OPTIONS] FILE..." in help_page and "list[str]" not in help_page


def test_a_bad_lang_is_worded_in_the_environments_language(spbe, monkeypatch):
    assert "Error: Invalid value for '--lang': choose one of: en, id" in usage_error(
        spbe, "score", DENPASAR, "--lang", "fr"
    )
    monkeypatch.setenv("SPBE_LANG", "id")
    shown = usage_error(spbe, "score", DENPASAR, "--lang", "fr")
    assert "Galat: Nilai tidak sah untuk '--lang': pilih salah satu: en, id" in shown


def test_the_parsed_lang_wins_over_a_value_that_only_looks_like_one(spbe):
    # `--stages x --lang` takes "--lang" as its second stage: the run is English, and so is its whole error
    shown = usage_error(spbe, "diff", DENPASAR, "--stages", "x", "--lang", "id")
    assert "Usage: spbe diff" in shown and "Error: Invalid value for '--stages'" in shown


def test_main_and_the_test_runner_word_usage_errors_alike(capsys):
    # Typer's own runner skips main(): the wording lives in the command group, so both agree.
    from typer.testing import CliRunner

    assert main(["score", "--lang", "id", DENPASAR, "-f", "xml"]) == 2
    through_runner = CliRunner().invoke(app, ["score", "--lang", "id", DENPASAR, "-f", "xml"])
    assert through_runner.exit_code == 2
    assert capsys.readouterr().err == through_runner.stderr


def test_debug_is_read_by_its_callback_alone():
    group = click_command()
    for info in app.registered_commands:
        assert info.callback is not None
        wrapped = inspect.unwrap(info.callback)
        assert "debug" not in inspect.signature(wrapped).parameters
    for name, command in group.commands.items():
        debug = [param for param in command.params if "--debug" in getattr(param, "opts", [])]
        assert len(debug) == 1 and not debug[0].expose_value, name
