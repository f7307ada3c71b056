"""Folders given to score and rank: other YAML inside is skipped with a note; an empty folder is named."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from spbe_cli.cli import app

from .conftest import CASES

runner = CliRunner()
DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")
NOTES = {"en": "note: skipped 2 YAML file(s) in folders", "id": "catatan: 2 berkas YAML di dalam folder dilewati"}


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "penilaian").mkdir()
    (tmp_path / "penilaian" / "denpasar.yaml").write_text(DENPASAR, encoding="utf-8")
    (tmp_path / "penilaian" / "biaya.yaml").write_text("default: 1\nindicators: {42: 5}\n", encoding="utf-8")
    (tmp_path / "penilaian" / "catatan.yml").write_text("- rapat 3 Maret\n", encoding="utf-8")
    return tmp_path / "penilaian"


@pytest.mark.parametrize("lang", ["en", "id"])
@pytest.mark.parametrize("command", ["score", "rank"])
def test_other_yaml_in_a_folder_is_skipped_with_a_note(folder, command, lang):
    result = runner.invoke(app, [command, str(folder), "--lang", lang])
    assert result.exit_code == 0, result.output
    assert "Pemerintah Kota Denpasar" in result.stdout
    assert NOTES[lang] in result.stderr


@pytest.mark.parametrize("command", ["score", "rank"])
def test_a_file_named_explicitly_is_never_skipped(folder, command):
    result = runner.invoke(app, [command, str(folder / "denpasar.yaml"), str(folder / "biaya.yaml")])
    assert result.exit_code == 3
    assert "biaya.yaml" in result.stderr
    assert "skipped" not in result.stderr


@pytest.mark.parametrize(("lang", "said"), [("en", "no assessment files"), ("id", "tidak ada berkas penilaian")])
@pytest.mark.parametrize("command", ["score", "rank"])
def test_an_empty_folder_is_named(tmp_path, command, lang, said):
    empty = tmp_path / "x.yaml"
    empty.mkdir()
    result = runner.invoke(app, [command, str(empty), "--lang", lang])
    assert result.exit_code == 3
    assert said in result.stderr and str(empty) in result.stderr
