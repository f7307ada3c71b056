"""`spbe import --into` edits only what the merge changes: a person's comments and layout survive."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.core.assessment import Assessment, Entry, Evidence
from spbe_cli.core.merging import merge
from spbe_cli.formats.writers.assessment_sheet import assessment_csv
from spbe_cli.formats.writers.assessment_yaml_edit import comparable
from spbe_cli.loading.loader import load_file, parse_assessment

from ..helpers import EXAMPLES

HEAD = """\
# Penilaian mandiri Kota Uji, diisi koordinator
framework: spbe-2020
institution: "Kota Uji"   # nama resmi
year: 2025

levels:
  # Domain 1: kebijakan
  1: 3  # dari rapat 2 Mei
  2:
    # mandiri dulu, dokumen menyusul
    mandiri: 2
    target: 4   # target RPJMD
  3:
    level: 1
    pic: 'Bagian Hukum'

  # indikator 4 belum dibahas
  4:
  5: {level: 2, note: "x"}  # ringkas
  6:
    level: 2
    evidence:
      - "https://contoh.example/sk-6"   # SK lama
"""
REST = "".join(f"  {n}: 1\n" for n in range(7, 48)) + "# akhir berkas\n"
BASE = HEAD + REST


def _sheet(tmp_path: Path, catalog, name: str, given_entries: dict[str, Entry], stage: str | None = None) -> str:
    framework = catalog.get("spbe-2020")
    entries = {i.id: given_entries.get(i.id, Entry(values=None)) for i in framework.indicators}
    sheet = Assessment("spbe-2020", "Kota Uji", 2025, entries, declared_stage=stage)
    path = tmp_path / f"{name}.csv"
    path.write_text(assessment_csv(sheet, framework), encoding="utf-8")
    return str(path)


def _comments(text: str) -> list[str]:
    """Every comment's text (these files have no `#` inside values)."""
    return [line[line.index("#") :] for line in text.splitlines() if "#" in line]


def _expected(path: Path, sheets: list[str], catalog):
    base = load_file(str(path), catalog)
    base = base.resolved(base.stage)
    read = [load_file(sheet, catalog) for sheet in sheets]
    return merge(base, read).assessment


@pytest.mark.parametrize("lang", ["en", "id"])
def test_comments_layout_and_untouched_lines_survive_the_merge(spbe, tmp_path, catalog, lang):
    path = tmp_path / "penilaian.yaml"
    path.write_text(BASE, encoding="utf-8")
    sheets = [
        _sheet(tmp_path, catalog, "bappeda", {"1": Entry(values=(4,)), "7": Entry(values=(2,))}),
        _sheet(
            tmp_path,
            catalog,
            "bpkad",
            {
                "2": Entry(values=None, stage_values={"mandiri": (3,)}, note="Perwali 3/2025"),
                "3": Entry(values=None, pic=("Bagian Hukum", "Diskominfo")),
                "4": Entry(values=(2,), evidence=(Evidence(link="https://contoh.example/perwali-4"),)),
                "6": Entry(values=None, evidence=(Evidence(link="https://contoh.example/sk-6-baru"),)),
                "8": Entry(values=(3,), target=4),
            },
        ),
    ]
    expected = _expected(path, sheets, catalog)
    result = spbe("import", *sheets, "--into", str(path), "--lang", lang)
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    assert comparable(parse_assessment(text.encode(), str(path), catalog)) == comparable(expected)
    assert sorted(_comments(text)) == sorted(_comments(BASE))  # every comment, as written
    lines = text.splitlines()
    # What the merge did not touch is byte for byte the same, in the same order.
    untouched = [
        "# Penilaian mandiri Kota Uji, diisi koordinator",
        'institution: "Kota Uji"   # nama resmi',
        "",
        "  # Domain 1: kebijakan",
        "    # mandiri dulu, dokumen menyusul",
        "    target: 4   # target RPJMD",
        "    level: 1",
        "  # indikator 4 belum dibahas",
        '  5: {level: 2, note: "x"}  # ringkas',
        "  9: 1",
        "# akhir berkas",
    ]
    positions = [lines.index(line) for line in untouched]
    assert positions == sorted(positions)
    assert "  1: 4  # dari rapat 2 Mei" in lines  # a plain value changed in place, its comment kept
    assert "    mandiri: 3" in lines and '    note: "Perwali 3/2025"' in lines  # a stage value, a key added
    assert '    pic: ["Bagian Hukum", "Diskominfo"]' in lines  # a quoted value replaced
    assert "  7: 2" in lines and "  8:" in lines and "    level: 3" in lines and "    target: 4" in lines
    assert text.endswith("# akhir berkas\n")


def test_only_the_changed_lines_differ(spbe, tmp_path, catalog):
    path = tmp_path / "penilaian.yaml"
    path.write_text(BASE, encoding="utf-8")
    sheet = _sheet(tmp_path, catalog, "a", {"1": Entry(values=(4,)), "20": Entry(values=(5,))})
    assert spbe("import", sheet, "--into", str(path)).code == 0
    before, after = BASE.splitlines(), path.read_text(encoding="utf-8").splitlines()
    assert len(before) == len(after)
    assert [(b, a) for b, a in zip(before, after, strict=True) if b != a] == [
        ("  1: 3  # dari rapat 2 Mei", "  1: 4  # dari rapat 2 Mei"),
        ("  20: 1", "  20: 5"),
    ]


def test_a_plain_value_given_stage_values_becomes_a_mapping_keeping_its_comment(spbe, tmp_path, catalog):
    path = tmp_path / "penilaian.yaml"
    path.write_text(BASE, encoding="utf-8")
    sheet = _sheet(tmp_path, catalog, "a", {"1": Entry(values=None, stage_values={"mandiri": (4,)})}, stage="mandiri")
    expected = _expected(path, [sheet], catalog)
    assert spbe("import", sheet, "--into", str(path)).code == 0
    text = path.read_text(encoding="utf-8")
    # Only this entry is written again; the comment after its value stays after it.
    assert "  # Domain 1: kebijakan\n  1:\n    mandiri: 4  # dari rapat 2 Mei\n  2:\n" in text
    assert "year: 2025\n\nstage: mandiri\nlevels:\n" in text  # the sheets' stage, before levels
    assert comparable(parse_assessment(text.encode(), str(path), catalog)) == comparable(expected)
    assert sorted(_comments(text)) == sorted(_comments(BASE))


def test_crlf_and_bom_are_kept(spbe, tmp_path, catalog):
    path = tmp_path / "penilaian.yaml"
    original = "\ufeff" + BASE.replace("\n", "\r\n")
    path.write_bytes(original.encode("utf-8"))
    sheet = _sheet(tmp_path, catalog, "a", {"3": Entry(values=(2,), note="baru"), "4": Entry(values=(1,))})
    result = spbe("import", sheet, "--into", str(path))
    assert result.code == 0, result.err
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert data.decode("utf-8-sig").startswith("# Penilaian mandiri Kota Uji, diisi koordinator\r\n")
    assert "  3:\r\n    level: 2\r\n    pic: 'Bagian Hukum'\r\n    note: \"baru\"\r\n" in data.decode("utf-8")


def test_a_merge_that_would_not_read_back_exactly_writes_nothing_and_exits_70(spbe, tmp_path, catalog, monkeypatch):
    import spbe_cli.formats.writers.assessment_yaml_edit as editing

    path = tmp_path / "penilaian.yaml"
    path.write_text(BASE, encoding="utf-8")
    sheet = _sheet(tmp_path, catalog, "a", {"1": Entry(values=(4,))})
    monkeypatch.setattr(editing, "values_text", lambda values: "5")  # a wrong edit
    for lang, words in (("en", "nothing was written"), ("id", "tidak ada yang ditulis")):
        result = spbe("import", sheet, "--into", str(path), "--lang", lang)
        assert result.code == 70
        assert words in result.err and str(path) in result.err
        assert path.read_text(encoding="utf-8") == BASE
    monkeypatch.setattr(editing, "values_text", lambda values: "4: [")  # not YAML any more
    result = spbe("import", sheet, "--into", str(path))
    assert result.code == 70 and path.read_text(encoding="utf-8") == BASE


EXAMPLE_FILES = sorted(p for p in EXAMPLES.glob("*.yaml") if "pemdi" not in p.name)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_merge_into_an_example_keeps_every_comment_and_loads_to_the_merge(spbe, tmp_path_factory, catalog, data):
    example = data.draw(st.sampled_from(EXAMPLE_FILES))
    original = example.read_text(encoding="utf-8")
    base = load_file(str(example), catalog)
    framework = catalog.get(base.framework)
    ids = [i.id for i in framework.indicators if not i.multiple]
    chosen = data.draw(st.lists(st.sampled_from(ids), unique=True, max_size=6))
    levels = range(1, 6)
    staged = bool(base.stages)
    given_entries = {}
    for indicator_id in chosen:
        value = (data.draw(st.sampled_from(levels)),)
        stage = data.draw(st.sampled_from(["mandiri", "akhir"])) if staged else None
        entry = Entry(values=None, stage_values={stage: value}) if stage else Entry(values=value)
        if data.draw(st.booleans()):
            entry = entry._replace(note=data.draw(st.sampled_from(["Perwali # 3", "a: b", "baru"])))
        if data.draw(st.booleans()):
            entry = entry._replace(pic=("Diskominfo",), target=data.draw(st.sampled_from(levels)))
        given_entries[indicator_id] = entry
    tmp_path = tmp_path_factory.mktemp("merge")
    path = tmp_path / example.name
    path.write_text(original, encoding="utf-8")
    entries = {i.id: given_entries.get(i.id, Entry(values=None)) for i in framework.indicators}
    sheet_file = tmp_path / "sheet.csv"
    sheet = Assessment(base.framework, base.institution, base.year, entries)
    sheet_file.write_text(assessment_csv(sheet, framework), encoding="utf-8")
    expected = _expected(path, [str(sheet_file)], catalog)
    result = spbe("import", str(sheet_file), "--into", str(path))
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    assert comparable(parse_assessment(text.encode(), str(path), catalog)) == comparable(expected)
    comment_lines = [line for line in original.splitlines() if re.match(r"\s*#", line)]
    kept = text.splitlines()
    assert all(line in kept for line in comment_lines)
