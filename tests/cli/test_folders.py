"""Folders given to score and rank: other YAML inside is skipped with a note; an empty folder is named."""

from __future__ import annotations

import pytest

from ..helpers import CASES

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
def test_other_yaml_in_a_folder_is_skipped_with_a_note(spbe, folder, command, lang):
    result = spbe(command, str(folder), "--lang", lang)
    assert result.code == 0, result.err
    assert "Pemerintah Kota Denpasar" in result.out
    assert NOTES[lang] in result.err


@pytest.mark.parametrize("command", ["score", "rank"])
def test_a_file_named_explicitly_is_never_skipped(spbe, folder, command):
    result = spbe(command, str(folder / "denpasar.yaml"), str(folder / "biaya.yaml"))
    assert result.code == 3
    assert "biaya.yaml" in result.err
    assert "skipped" not in result.err


@pytest.mark.parametrize(("lang", "said"), [("en", "no assessment files"), ("id", "tidak ada berkas penilaian")])
@pytest.mark.parametrize("command", ["score", "rank"])
def test_an_empty_folder_is_named(spbe, tmp_path, command, lang, said):
    empty = tmp_path / "x.yaml"
    empty.mkdir()
    result = spbe(command, str(empty), "--lang", lang)
    assert result.code == 3
    assert said in result.err and str(empty) in result.err


def test_each_file_of_a_folder_is_read_once(spbe, folder, monkeypatch):
    # Other YAML is skipped by reading each file; an assessment's bytes are kept for scoring it.
    from spbe_cli.loading import loader, yamlread

    reads: list[str] = []
    original = yamlread.read_capped

    def counted(path: str, limit: int = yamlread.MAX_BYTES) -> bytes:
        reads.append(path)
        return original(path, limit)

    monkeypatch.setattr(yamlread, "read_capped", counted)
    monkeypatch.setattr(loader, "read_capped", counted)
    result = spbe("score", str(folder), "-f", "json")
    assert result.code == 0, result.err
    assert sorted(reads) == sorted(str(path) for path in folder.iterdir())
