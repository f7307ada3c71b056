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

    framing = {"help_format", "help_format_or", "help_default", "help_documentation"}  # filled in by their own code
    with_fields = [
        m.id
        for m in all_messages()
        if m.id.startswith("help_")
        and m.id not in framing
        and any(field for _, field, _, _ in string.Formatter().parse(m.texts["en"]))
    ]
    assert with_fields == []


# --- the last line of every help page: where the documentation is (cli/docs.py)


@pytest.mark.parametrize("args", [(), *((name,) for name in NAMES)])
def test_every_help_page_ends_with_the_documentation(spbe, args):
    from spbe_cli.cli import docs

    for language, label in (("en", "Documentation: "), ("id", "Panduan dan dokumentasi: ")):
        last = shown_help(spbe, *args, "--help", env={"SPBE_LANG": language}).rstrip("\n").splitlines()[-1]
        assert last == label + (docs.address(language) or ""), last


def test_the_documentation_is_found_in_spbes_source_folder():
    from spbe_cli.cli import docs

    english, indonesian = docs.address("en"), docs.address("id")
    assert english and indonesian  # the tests run from a checkout: the pages are there, built or not
    assert english.endswith(("index.html", "docs/index.md")) and "panduan" in indonesian


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """One source folder holding docs/ (as a checkout does), and no configured address."""
    from spbe_cli.cli import docs

    for page in ("index", "panduan/index"):
        (tmp_path / "docs" / f"{page}.md").parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / f"{page}.md").write_text("# x\n", encoding="utf-8")
    monkeypatch.setattr(docs, "source_folders", lambda: iter([tmp_path]))
    monkeypatch.setattr(docs, "configured_address", lambda: None)
    return tmp_path


def test_the_markdown_pages_when_nothing_else_exists(folders):
    from spbe_cli.cli import docs

    assert docs.address("en") == str((folders / "docs" / "index.md").resolve())
    assert docs.address("id") == str((folders / "docs" / "panduan" / "index.md").resolve())


def test_a_configured_address_wins_over_the_markdown_pages(folders, monkeypatch):
    from spbe_cli.cli import docs

    monkeypatch.setattr(docs, "configured_address", lambda: "https://spbe.example.org/")
    assert docs.address("en") == "https://spbe.example.org/index.html"
    assert docs.address("id") == "https://spbe.example.org/panduan/index.html"


def test_the_built_site_wins_over_everything(folders, monkeypatch):
    from spbe_cli.cli import docs

    monkeypatch.setattr(docs, "configured_address", lambda: "https://spbe.example.org/")
    for page in ("index", "panduan/index"):
        (folders / "site" / f"{page}.html").parent.mkdir(parents=True, exist_ok=True)
        (folders / "site" / f"{page}.html").write_text("<html></html>", encoding="utf-8")
    assert docs.address("en") == (folders / "site" / "index.html").resolve().as_uri()
    assert docs.address("id") == (folders / "site" / "panduan" / "index.html").resolve().as_uri()


def test_no_line_when_there_is_nothing_to_point_to(spbe, monkeypatch):
    from spbe_cli.cli import docs

    monkeypatch.setattr(docs, "source_folders", lambda: iter([]))
    monkeypatch.setattr(docs, "configured_address", lambda: None)
    assert docs.address("en") is None
    assert "Documentation" not in shown_help(spbe, "score", "--help")


def test_the_folder_pip_installed_from_is_a_source_folder(monkeypatch, tmp_path):
    """`pip install .` from a folder records it in direct_url.json (PEP 610): the help finds its pages."""
    import importlib.metadata

    from spbe_cli.cli import docs

    class Installed:
        def __init__(self, recorded):
            self.recorded = recorded

        def read_text(self, name):
            return self.recorded if name == "direct_url.json" else None

    for recorded, expected in (
        (f'{{"url": "{tmp_path.as_uri()}", "dir_info": {{}}}}', tmp_path),
        ('{"url": "https://example.org/spbe-0.1.0.tar.gz", "archive_info": {}}', None),
        ("not json", None),
        (None, None),
    ):
        monkeypatch.setattr(importlib.metadata, "distribution", lambda name, r=recorded: Installed(r))
        assert docs._installed_from() == expected


def test_the_documentation_address_of_the_package_metadata(monkeypatch):
    import importlib.metadata

    from spbe_cli.cli import docs

    class Metadata:
        def __init__(self, urls):
            self.urls = urls

        def get_all(self, name):
            return self.urls if name == "Project-URL" else None

    for urls, expected in (
        (["Source, https://example.org/src", "Documentation, https://example.org/docs"], "https://example.org/docs"),
        (["Source, https://example.org/src"], None),
        (None, None),
    ):
        monkeypatch.setattr(importlib.metadata, "metadata", lambda name, u=urls: Metadata(u))
        assert docs.configured_address() == expected
