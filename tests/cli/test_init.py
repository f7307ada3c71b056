"""`spbe init`: templates that validate as written, and next year's file from this year's."""

from __future__ import annotations

import json

import pytest

from spbe_cli.loading.loader import parse_assessment

from ..helpers import EXAMPLES


@pytest.mark.parametrize("framework", ["spbe-2018", "spbe-2020", "pemdi-2026"])
@pytest.mark.parametrize(("lang", "words"), [("en", "weight"), ("id", "bobot")])
def test_template_is_empty_valid_and_never_scored(spbe, tmp_path, framework, lang, words, catalog):
    path = tmp_path / "baru.yaml"
    args = ["init", "--framework", framework, "--institution", "Kota Uji", "--year", "2026", "-o", str(path)]
    assert spbe(*args, "--lang", lang).code == 0
    text = path.read_text(encoding="utf-8")
    chosen = catalog.get(framework)
    for indicator in chosen.indicators:
        assert indicator.name in text
    assert f"({words} " in text  # name, weight and scale commented in the user's language
    external = [i.id for i in chosen.indicators if i.external is not None]
    unfilled = len(chosen.indicators) - len(external)
    result = spbe("validate", str(path), "--lang", lang)
    assert result.code == 0
    assert f"{unfilled} {'not filled yet' if lang == 'en' else 'belum diisi'}" in result.out
    for indicator in chosen.indicators:  # every indicator empty, pemdi's external ones pending
        line = next(line for line in text.splitlines() if line.startswith(f"  {indicator.id}:"))
        expected = (
            f"  {indicator.id}: {{external: pending}}  #" if indicator.id in external else f"  {indicator.id}:  #"
        )
        assert line.startswith(expected), line
    # an untouched template is never mistaken for a real 1.00 (Kurang)
    result = spbe("score", str(path), "--lang", lang)
    assert result.code == 3 and result.out == ""


@pytest.mark.parametrize(
    ("lang", "title", "band", "weight", "example"),
    [
        (
            "en",
            "# Assessment file: Indeks Pemerintah Digital",
            "Baik >= 2.50",
            "(16.5 %)",
            "(written with a point: 2.50)",
        ),
        (
            "id",
            "# Berkas penilaian: Indeks Pemerintah Digital",
            "Baik >= 2,50",
            "(16,5 %)",
            "(ditulis dengan titik: 2.50)",
        ),
    ],
)
def test_template_comments_write_numbers_the_readers_way(spbe, tmp_path, lang, title, band, weight, example):
    # Weights and band edges are read: decimal comma in Bahasa Indonesia. A value to type keeps YAML's
    # point, and the first line names the framework, not the tool.
    pemdi, spbe_file = tmp_path / "pemdi.yaml", tmp_path / "spbe.yaml"
    assert spbe("init", "--framework", "pemdi-2026", "-o", pemdi, "--lang", lang).code == 0
    assert spbe("init", "--framework", "spbe-2020", "-o", spbe_file, "--lang", lang).code == 0
    text = pemdi.read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith(title)
    assert band in text and example in text
    assert weight in spbe_file.read_text(encoding="utf-8")  # Domain 3. Manajemen SPBE
    assert "spbe" not in text.splitlines()[0]


def test_template_keeps_awkward_names_literal(spbe, tmp_path, catalog):
    path = tmp_path / "a.yaml"
    name = "Kota \"Uji\" #1: [x] {y} \\ 'z'"
    assert spbe("init", "--framework", "spbe-2020", "--institution", name, "--year", "2024", "-o", str(path)).code == 0
    assert spbe("validate", str(path)).code == 0
    assert parse_assessment(path.read_bytes(), str(path), catalog).institution == name


def test_refuses_to_overwrite_without_force(spbe, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text("keep me")
    result = spbe("init", "--framework", "spbe-2020", "-o", str(path))
    assert result.code == 2 and path.read_text() == "keep me"
    assert spbe("init", "--framework", "spbe-2020", "-o", str(path), "--force").code == 0
    assert path.read_text().startswith("# Assessment file: Indeks SPBE")


def test_from_file_is_next_year_with_the_same_levels(spbe, tmp_path):
    source = EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml"
    path = tmp_path / "2025.yaml"
    assert spbe("init", "--from", str(source), "-o", str(path)).code == 0
    old = json.loads(spbe("score", str(source), "-f", "json").out)
    new = json.loads(spbe("score", str(path), "-f", "json").out)
    assert new["year"] == 2025 and new["institution"] == old["institution"]
    assert [i["values"] for i in new["indicators"]] == [i["values"] for i in old["indicators"]]
    assert new["indicators"][10]["target"] == 4  # targets and PICs carry over
    assert "Bappeda" in path.read_text()


def test_from_file_keeps_services_and_decimals(spbe, tmp_path):
    for example in ("spbe-2018-kabupaten-ilustrasi.yaml", "pemdi-2026-kota-ilustrasi.yaml"):
        path = tmp_path / example
        assert spbe("init", "--from", str(EXAMPLES / example), "-o", str(path)).code == 0
        old = json.loads(spbe("score", str(EXAMPLES / example), "-f", "json").out)
        new = json.loads(spbe("score", str(path), "-f", "json").out)
        # Values from other agencies' indices start the new year pending; everything else carries over.
        kept = [(i["values"], i["target"]) for i in old["indicators"] if i["external"] is None]
        assert kept == [(i["values"], i["target"]) for i in new["indicators"] if i["external"] is None]
        assert all(i["external"]["conversion_status"] == "pending" for i in new["indicators"] if i["external"])


def test_from_file_past_the_framework_years_says_so(spbe, tmp_path, write):
    text = (EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml").read_text().replace("year: 2024", "year: 2025")
    result = spbe("init", "--from", write("2025.yaml", text))
    assert result.code == 0 and "2026 is outside the years of spbe-2020" in result.err


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ([], 2),
        (["--framework", "spbe-2020", "--from", "x.yaml"], 3),  # both is a move; the file is missing
        (["--framework", "spbe-2030"], 2),
        (["--framework", "spbe-2020", "--year", "1999"], 2),
        (["--framework", "spbe-2020", "--institution", "  "], 2),
        (["--from", "missing.yaml"], 3),
    ],
)
def test_refusals(spbe, args, code):
    assert spbe("init", *args).code == code


def test_from_a_staged_file_starts_from_the_final_values(spbe, tmp_path, write, catalog):
    from ..helpers import levels_yaml, uniform

    levels = uniform(catalog, "spbe-2020", 3)
    levels["12"] = (
        "{mandiri: 4, akhir: 2, target: 4, note: n, evidence: https://x, pic: [Bappeda, BPKAD],"
        " assessor_note: a, recommendation: r, service: Perizinan}"
    )
    levels["13"] = "{mandiri: 5, dokumen: 4}"  # no final value: the latest stage recorded
    levels["14"] = ""  # not filled last year: stays unfilled
    old = write("2024.yaml", levels_yaml("spbe-2020", levels, year=2024))
    path = tmp_path / "2025.yaml"
    result = spbe("init", "--from", old, "-o", str(path))
    assert result.code == 0, result.err
    text = path.read_text(encoding="utf-8")
    assert '  12: {level: 2, target: 4, pic: ["Bappeda", "BPKAD"], service: "Perizinan"}  #' in text
    assert "  13: 4  #" in text and "  14:  #" in text
    for left_behind in ("mandiri", "akhir:", "note:", "evidence:", "assessor_note", "recommendation"):
        assert left_behind not in text.split("levels:")[1]
    new = parse_assessment(text.encode(), "2025.yaml", catalog)
    assert new.year == 2025 and new.stages == () and new.unfilled == ["14"]


def test_a_multi_service_indicator_keeps_its_services(spbe, tmp_path, write, catalog):
    from ..helpers import levels_yaml, uniform

    levels = uniform(catalog, "spbe-2018", 2)
    levels["35"] = "{mandiri: [3, 4], akhir: [2, 3], service: [Kesehatan, Perizinan]}"
    old = write("2019.yaml", levels_yaml("spbe-2018", levels, year=2019))
    text = spbe("init", "--from", old).out
    assert '  35: {level: [2, 3], service: ["Kesehatan", "Perizinan"]}  #' in text


@pytest.mark.parametrize(("lang", "words"), [("en", "would not be valid"), ("id", "tidak akan valid")])
def test_a_template_that_would_not_validate_is_never_written(spbe, tmp_path, monkeypatch, lang, words):
    import spbe_cli.formats.writers.template

    broken = spbe_cli.formats.writers.template.render_template
    monkeypatch.setattr(
        spbe_cli.formats.writers.template,
        "render_template",
        lambda *a, **k: broken(*a, **k).replace("  1:  #", "  1: 9  #"),
    )
    path = tmp_path / "a.yaml"
    result = spbe("init", "--framework", "spbe-2020", "-o", str(path), "--lang", lang)
    assert result.code == 70 and not path.exists()
    assert words in result.err and ":1" in result.err


def test_check_on_a_fresh_template_names_the_placeholder_and_every_unfilled_indicator(spbe, tmp_path):
    path = tmp_path / "a.yaml"
    assert spbe("init", "--framework", "spbe-2020", "-o", str(path)).code == 0
    result = spbe("check", str(path))
    assert result.code == 1
    assert "placeholder 'Nama Instansi'" in result.out
    assert "47 error(s), 1 warning(s) in 1 file(s)" in result.out
