"""--encoding on every command that reads an assessment: a CSV sheet saved by Excel in the Windows
encoding (cp1252) is read when the encoding is named, and refused with how to save it otherwise."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from spbe_cli.cli import app
from spbe_cli.formats.writers.assessment_sheet import assessment_csv
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file

from .conftest import EXAMPLES

runner = CliRunner()
INSTITUTION = "Pemerintah Kota Denpasar – Café"  # the dash and é are bytes 0x96 and 0xE9 in cp1252

COMMANDS = {
    "score": ["score", "{csv}", "-f", "json"],
    "validate": ["validate", "{csv}"],
    "check": ["check", "{csv}", "-f", "json"],
    "diff": ["diff", "{csv}", "{csv}"],
    "plan": ["plan", "{csv}", "--target", "3.5"],
    "rank": ["rank", "{csv}", "-f", "json"],
    "report": ["report", "{csv}", "-o", "{tmp}/r.html"],
    "evidence": ["evidence", "{csv}"],
    "export": ["export", "{csv}", "-o", "{tmp}/x.yaml.xlsx"],
    "init": ["init", "--from", "{csv}", "-o", "{tmp}/next.yaml"],
    "import": ["import", "{csv}", "-o", "{tmp}/imported.yaml"],
}


@pytest.fixture
def cp1252_sheet(tmp_path):
    catalog = load_catalog()
    assessment = load_file(str(EXAMPLES / "kota-denpasar-2021.yaml"), catalog)
    text = assessment_csv(assessment, catalog.get(assessment.framework))
    path = tmp_path / "rekap.csv"
    path.write_bytes(text.removeprefix("\ufeff").replace(assessment.institution, INSTITUTION).encode("cp1252"))
    return path


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_every_command_reads_a_csv_sheet_in_the_encoding_named(command, cp1252_sheet, tmp_path):
    args = [part.format(csv=cp1252_sheet, tmp=tmp_path) for part in COMMANDS[command]]
    for output in tmp_path.glob("*.*"):
        if output != cp1252_sheet:
            output.unlink()
    refused = runner.invoke(app, [*args, "--lang", "en"])
    assert refused.exit_code == 3, refused.output
    assert f"{cp1252_sheet}: not UTF-8 text (byte 0x96 on line 2)" in refused.output
    assert "--encoding cp1252" in refused.output
    read = runner.invoke(app, [*args, "--encoding", "cp1252", "--lang", "id"])
    assert read.exit_code in (0, 1), read.output  # check exits 1 for its findings
    assert "UTF-8" not in read.output


def test_the_institution_is_read_in_the_encoding_named(cp1252_sheet):
    result = runner.invoke(app, ["score", str(cp1252_sheet), "-f", "json", "--encoding", "cp1252"])
    assert result.exit_code == 0, result.output
    assert f'"institution": "{INSTITUTION}"' in result.stdout


def test_an_unknown_encoding_is_named_in_both_languages(cp1252_sheet):
    english = runner.invoke(app, ["score", str(cp1252_sheet), "--encoding", "klingon", "--lang", "en"])
    indonesian = runner.invoke(app, ["score", str(cp1252_sheet), "--encoding", "klingon", "--lang", "id"])
    assert english.exit_code == indonesian.exit_code == 3
    assert f"{cp1252_sheet}: unknown encoding 'klingon' (e.g. utf-8, cp1252, latin-1)" in english.output
    assert f"{cp1252_sheet}: pengodean 'klingon' tidak dikenal (mis. utf-8, cp1252, latin-1)" in indonesian.output
