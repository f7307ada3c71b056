"""The format registry: one entry per format, from which --format choices and help derive."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest
import typer.main

from spbe_cli import formats
from spbe_cli.cli import app
from spbe_cli.formats import EVERYTHING, REGISTRY, Linter, Renderer
from spbe_cli.i18n import Messages

from ..helpers import EXAMPLES

# Each command that renders with --format, and the output it asks the registry for.
RENDERING_COMMANDS = {
    name: name for name in ("score", "diff", "plan", "rank", "frameworks", "indicators", "evidence", "check")
}


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_format_module_offers_the_renderers_its_entry_lists(name):
    module = importlib.import_module(f"spbe_cli.formats.{REGISTRY[name].module}")
    for output in REGISTRY[name].outputs:
        renderer = getattr(module, output, None)
        assert callable(renderer), f"{name} lists {output} but its module has no {output}()"
        expected = inspect.signature(getattr(Linter if output == "check" else Renderer, output))
        assert len(inspect.signature(renderer).parameters) == len(expected.parameters) - 1  # less self


def test_the_protocol_names_every_output_a_format_can_offer():
    assert {name for name in dir(Renderer) if not name.startswith("_")} == EVERYTHING


def test_choices_and_help_come_from_the_registry():
    en, id_ = Messages("en"), Messages("id")
    assert formats.names("frameworks") == ("table", "json", "csv", "markdown")
    assert formats.names("score") == ("table", "json", "csv", "markdown", "xlsx")
    assert formats.format_help("frameworks", en) == "Output format: table, json, csv or markdown."
    assert formats.format_help("frameworks", id_) == "Format keluaran: table, json, csv atau markdown."
    assert (
        formats.format_help("score", en)
        == "Output format: table, json, csv, markdown or xlsx (a workbook; needs --output)."
    )
    assert formats.format_help("rank", en) == (
        "Output format: table, json, csv, markdown, xlsx (a workbook; needs --output) or html (a page)."
    )
    assert formats.format_help("rank", id_) == (
        "Format keluaran: table, json, csv, markdown, xlsx (buku kerja; perlu --output) atau html (halaman web)."
    )


@pytest.mark.parametrize("command", sorted(RENDERING_COMMANDS))
def test_each_command_offers_the_formats_the_registry_gives_it(command):
    click_command = typer.main.get_command(app).commands[command]  # type: ignore[attr-defined]
    (option,) = [p for p in click_command.params if p.name == "fmt"]
    assert option.help == formats.format_help(RENDERING_COMMANDS[command], Messages("en"))


def test_an_unknown_format_is_refused_by_the_registry():
    with pytest.raises(ValueError, match="unknown format"):
        formats.load("xml")


def test_a_format_module_is_imported_only_when_asked_for():
    code = (
        "import sys\n"
        "from spbe_cli.cli import main\n"
        f"code = main(['score', {str(EXAMPLES / 'kota-denpasar-2021.yaml')!r}, '-f', 'json'])\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('spbe_cli.formats.') and m != 'spbe_cli.formats.escaping' or m in ('rich', 'openpyxl'))\n"
        "print(code, loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stderr.strip() == "0 ['spbe_cli.formats.json_']"
