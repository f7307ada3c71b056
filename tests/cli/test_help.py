"""--help in the reader's language: every command, argument and option, and the page around them."""

from __future__ import annotations

import pytest

from spbe_cli.cli import COMMANDS, click_command
from spbe_cli.cli.help import is_worded, translated
from spbe_cli.i18n import M, Messages

from ..helpers import EXAMPLES

NAMES = [name.rstrip("_") for name in COMMANDS]


def shown_help(spbe, *args: str, env: dict[str, str | None] | None = None) -> str:
    result = spbe(*args, env=env)
    assert result.code == 0, result.err
    return result.out


def flat(text: str) -> str:
    """Help text without its spaces: a help page wraps it at any space, and after a hyphen."""
    return "".join(text.split())


def every_help_text() -> list[tuple[str, str]]:
    """(where, text) of every help text `spbe` can show: the group's, each command's, each parameter's."""
    group = click_command()
    ctx = group.make_context("spbe", ["score", "x"])
    found = [("spbe", group.help or "")]
    found += [(f"spbe {p.opts[0]}", p.help or "") for p in [*group.params, group.get_help_option(ctx)] if p.help]
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        found.append((f"spbe {name}", command.help or ""))
        params = [*command.params, command.get_help_option(ctx)]
        found += [(f"spbe {name} {p.opts[0]}", p.help) for p in params if p.help and not p.hidden]
    return found


def test_every_help_text_is_a_message_in_both_languages():
    # A help text declared as a bare string would be shown in English under --lang id.
    assert [where for where, text in every_help_text() if not is_worded(text)] == []


@pytest.mark.parametrize("name", NAMES)
def test_each_command_help_is_indonesian_under_lang_id(spbe, name):
    english, indonesian = shown_help(spbe, name, "--help"), shown_help(spbe, name, "--help", "--lang", "id")
    command = click_command().commands[name]  # type: ignore[attr-defined]
    texts = [command.help, *(p.help for p in command.params if p.help and not p.hidden)]
    for text in texts:
        worded = translated(text, Messages("id"))
        assert worded != text, f"{name}: no Indonesian for {text!r}"
        assert flat(worded) in flat(indonesian) and flat(text) not in flat(indonesian)
        assert flat(text) in flat(english)
    # the same options, in the same order
    flags = [line.split()[0] for line in english.splitlines() if line.startswith("  -")]
    assert flags == [line.split()[0] for line in indonesian.splitlines() if line.startswith("  -")]


def test_the_page_around_the_help_is_worded_too(spbe):
    page = shown_help(spbe, "score", "--lang", "id", "--help")
    assert page.startswith("Penggunaan: spbe score [OPSI] FILE...\n")
    for words in ("\nArgumen:\n", "\nOpsi:\n", "[wajib]", "[bawaan: table]", "Tampilkan bantuan ini lalu keluar."):
        assert words in page
    for english in ("Usage:", "Options:", "Arguments:", "[required]", "default:", "Show this message"):
        assert english not in page
    top = shown_help(spbe, "--help")
    assert "\nCommands:\n" in top and "  score       Score assessment files: the index, predikat, domains and..." in top


@pytest.mark.parametrize(
    ("args", "environment"),
    [
        (["score", "--lang", "id", "--help"], {}),
        (["score", "--help", "--lang", "id"], {}),  # --help is acted on before --lang is read
        (["score", "-h", "--lang=id"], {}),
        (["score", "--help"], {"SPBE_LANG": "id"}),
        (["score", "--help"], {"LANG": "id_ID.UTF-8"}),
    ],
)
def test_help_follows_lang_then_spbe_lang_then_lang(spbe, args, environment):
    assert "Hitung indeks berkas penilaian" in shown_help(spbe, *args, env=environment)


def test_lang_en_on_the_command_line_wins_over_the_environment(spbe):
    indonesian = {"SPBE_LANG": "id"}
    assert "Score assessment files" in shown_help(spbe, "score", "--help", "--lang", "en", env=indonesian)
    assert "Hitung indeks berkas penilaian" in shown_help(spbe, "score", "--help", env=indonesian)
    top = shown_help(spbe, "--help", env=indonesian)
    assert "\nPerintah:\n" in top and "  score       Hitung indeks berkas penilaian: indeks, predikat, domain..." in top


def test_an_unknown_help_text_is_shown_as_written():
    assert translated("Something else.", Messages("id")) == "Something else."
    assert translated(None, Messages("id")) == ""


@pytest.mark.parametrize(
    ("name", "english", "indonesian"),
    [
        ("init", "Replace the output file if it exists", "Timpa berkas keluaran bila sudah ada"),
        ("import", "With -o: replace an existing assessment file", "Dengan -o: timpa berkas penilaian"),
        ("export", "With --each-pic: replace office workbooks", "Dengan --each-pic: timpa buku kerja OPD"),
    ],
)
def test_force_says_what_it_does_where_it_does_something(spbe, name, english, indonesian):
    assert flat(english) in flat(shown_help(spbe, name, "--help"))
    assert flat(indonesian) in flat(shown_help(spbe, name, "--help", "--lang", "id"))


@pytest.mark.parametrize("name", ["score", "diff", "plan", "rank", "check", "schema", "report"])
def test_force_is_not_offered_where_outputs_are_always_replaced(spbe, name):
    assert "--force" not in shown_help(spbe, name, "--help")
    assert "Let init replace" not in shown_help(spbe, name, "--help")


def test_force_is_still_accepted_where_it_does_nothing(spbe, tmp_path):
    # scripts written when every command offered --force keep working
    out = tmp_path / "out.json"
    for args in (["schema"], ["score", str(EXAMPLES / "kota-denpasar-2021.yaml"), "-f", "json"]):
        out.write_text("old", encoding="utf-8")
        assert spbe(*args, "-o", out, "--force").code == 0
        assert out.read_text(encoding="utf-8").startswith(("{", "["))


def test_completion_describes_commands_and_options_in_the_readers_language(monkeypatch):
    from typer._completion_classes import ZshComplete

    def completions(*words: str, incomplete: str) -> dict[str, str | None]:
        complete = ZshComplete(click_command(), {}, "spbe", "_SPBE_COMPLETE")
        return {item.value: item.help for item in complete.get_completions(list(words), incomplete)}

    assert completions("score", "--lang", "id", incomplete="--fail")["--fail-under"] == Messages("id")(
        M.help_score_fail_under
    )
    assert completions("score", incomplete="--fail")["--fail-under"] == Messages("en")(M.help_score_fail_under)
    monkeypatch.setenv("SPBE_LANG", "id")
    assert completions(incomplete="sco")["score"] == "Hitung indeks berkas penilaian: indeks,..."


def test_help_texts_have_no_placeholders():
    # help_text() keeps a message's English as written: a {placeholder} would reach the page unfilled
    import string

    from spbe_cli.i18n import all_messages

    framing = {"help_format", "help_format_or", "help_default"}  # filled in by their own code
    with_fields = [
        m.id
        for m in all_messages()
        if m.id.startswith("help_")
        and m.id not in framing
        and any(field for _, field, _, _ in string.Formatter().parse(m.texts["en"]))
    ]
    assert with_fields == []
