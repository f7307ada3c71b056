"""--encoding on every command that reads an assessment: a CSV sheet saved by Excel in the Windows
encoding (cp1252) is read when the encoding is named, and refused with how to save it otherwise."""

from __future__ import annotations

import pytest

from spbe_cli.formats.writers.assessment_sheet import assessment_csv
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file

from ..helpers import EXAMPLES

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
def test_every_command_reads_a_csv_sheet_in_the_encoding_named(spbe, command, cp1252_sheet, tmp_path):
    args = [part.format(csv=cp1252_sheet, tmp=tmp_path) for part in COMMANDS[command]]
    for output in tmp_path.glob("*.*"):
        if output != cp1252_sheet:
            output.unlink()
    refused = spbe(*args, "--lang", "en")
    assert refused.code == 3, refused.err
    assert f"{cp1252_sheet}: not UTF-8 text (byte 0x96 on line 2)" in refused.err
    assert "--encoding cp1252" in refused.err
    read = spbe(*args, "--encoding", "cp1252", "--lang", "id")
    assert read.code in (0, 1), read.err  # check exits 1 for its findings
    assert "UTF-8" not in read.out + read.err


def test_the_institution_is_read_in_the_encoding_named(spbe, cp1252_sheet):
    result = spbe("score", str(cp1252_sheet), "-f", "json", "--encoding", "cp1252")
    assert result.code == 0, result.err
    assert f'"institution": "{INSTITUTION}"' in result.out


def test_an_unknown_encoding_is_named_in_both_languages(spbe, cp1252_sheet):
    english = spbe("score", str(cp1252_sheet), "--encoding", "klingon", "--lang", "en")
    indonesian = spbe("score", str(cp1252_sheet), "--encoding", "klingon", "--lang", "id")
    assert english.code == indonesian.code == 3
    assert f"{cp1252_sheet}: unknown encoding 'klingon' (e.g. utf-8, cp1252, latin-1)" in english.err
    assert f"{cp1252_sheet}: pengodean 'klingon' tidak dikenal (mis. utf-8, cp1252, latin-1)" in indonesian.err
