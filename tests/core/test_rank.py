"""`spbe rank`: ordering, ties, grouping, mixed frameworks, bad files, folders."""

from __future__ import annotations

import csv
import io
import json

import pytest

from ..helpers import EXAMPLES, levels_yaml, uniform


def make(write, catalog, name, value, institution, year=2024, framework="spbe-2020", **changes):
    levels = uniform(catalog, framework, value)
    levels.update(changes)
    return write(f"{name}.yaml", levels_yaml(framework, levels, institution=institution, year=year))


def test_ordering_and_ties_share_a_rank(spbe, write, catalog):
    make(write, catalog, "a", 3, "Kota A")
    make(write, catalog, "b", 4, "Kabupaten B")
    make(write, catalog, "c", 3, "Kota C")
    make(write, catalog, "d", 2, "Kabupaten D")
    folder = str(
        write("a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="Kota A"))
    ).rsplit("/", 1)[0]
    data = json.loads(spbe("rank", folder, "-f", "json").out)
    (group,) = data["groups"]
    assert [(r["rank"], r["institution"], r["index"]) for r in group["ranking"]] == [
        (1, "Kabupaten B", 4.0),
        (2, "Kota A", 3.0),
        (2, "Kota C", 3.0),
        (4, "Kabupaten D", 2.0),
    ]
    summary = group["summary"]
    assert summary["count"] == 4 and summary["mean"] == 3.0 and summary["median"] == 3.0
    assert (summary["min"], summary["max"]) == (2.0, 4.0)
    assert summary["per_predikat"] == {"Memuaskan": 0, "Sangat Baik": 1, "Baik": 2, "Cukup": 1, "Kurang": 0}


def test_ties_are_decided_on_the_shown_index(spbe, write, catalog):
    # I6 (3 %) at 1.10 adds 0.003: the exact index 1.003 shows as 1.00, the same as an exact 1.00.
    above = make(write, catalog, "above", "1.00", "Kota Atas", framework="pemdi-2026", I6="1.10")
    exact = make(write, catalog, "exact", "1.00", "Kota Bawah", framework="pemdi-2026")
    data = json.loads(spbe("rank", exact, above, "-f", "json").out)
    ranking = data["groups"][0]["ranking"]
    assert [(r["rank"], r["institution"], r["index_exact"]) for r in ranking] == [
        (1, "Kota Atas", "1.003"),
        (1, "Kota Bawah", "1"),
    ]


def test_grouping_by_year(spbe, write, catalog):
    a = make(write, catalog, "a23", 2, "Kota A", year=2023)
    b = make(write, catalog, "a24", 3, "Kota A", year=2024)
    c = make(write, catalog, "b24", 4, "Kota B", year=2024)
    data = json.loads(spbe("rank", a, b, c, "--by", "year", "-f", "json").out)
    assert [(g["year"], g["summary"]["count"]) for g in data["groups"]] == [(2023, 1), (2024, 2)]
    assert data["by"] == "year"
    merged = json.loads(spbe("rank", a, b, c, "-f", "json").out)
    assert [g["year"] for g in merged["groups"]] == [None]


def test_mixed_frameworks_are_ranked_within_their_framework(spbe):
    data = json.loads(spbe("rank", str(EXAMPLES), "-f", "json").out)
    assert [g["framework"]["id"] for g in data["groups"]] == ["spbe-2018", "spbe-2020", "pemdi-2026"]
    count = len(list(EXAMPLES.glob("*.yaml")))  # every example scores
    assert data["files"] == {"total": count, "scored": count, "failed": 0}
    pemdi = data["groups"][2]
    assert pemdi["group_kind"] == "aspect" and len(pemdi["ranking"][0]["groups"]) == 7


def test_a_bad_file_is_reported_and_the_rest_ranked(spbe, write, catalog):
    good = make(write, catalog, "good", 3, "Kota Baik")
    bad = write("bad.yaml", "framework: spbe-2020\ninstitution: X\nyear: 2024\nlevels: {1: 9}\n")
    result = spbe("rank", good, bad, "-f", "json")
    assert result.code == 3
    assert f"{bad}:4:13: indicator 1 must be a whole number from 1 to 5, not 9" in result.err
    data = json.loads(result.out)
    assert data["failed"] == [bad] and data["files"] == {"total": 2, "scored": 1, "failed": 1}
    assert data["groups"][0]["ranking"][0]["institution"] == "Kota Baik"
    table = spbe("rank", good, bad).out
    assert "1 of 2 files scored" in table and "1 file(s) could not be scored" in table


def test_folders_are_searched_recursively(spbe, tmp_path, catalog):
    (tmp_path / "kab" / "nested").mkdir(parents=True)
    (tmp_path / "kab" / "nested" / "a.yml").write_text(
        levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution="Nested")
    )
    (tmp_path / "kab" / "b.yaml").write_text(
        levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 2), institution="Top")
    )
    (tmp_path / "kab" / "notes.txt").write_text("not an assessment")
    data = json.loads(spbe("rank", str(tmp_path), "-f", "json").out)
    assert [r["institution"] for r in data["groups"][0]["ranking"]] == ["Nested", "Top"]


def test_empty_folder_and_usage(spbe, tmp_path):
    result = spbe("rank", str(tmp_path))
    assert result.code == 3 and "no assessment files found" in result.err
    assert spbe("rank", str(EXAMPLES), "--by", "domain").code == 2
    assert spbe("rank", str(EXAMPLES), "-f", "xml").code == 2


def test_csv_and_markdown(spbe):
    rows = list(csv.reader(io.StringIO(spbe("rank", str(EXAMPLES), "-f", "csv").out)))
    assert rows[0][:8] == ["framework", "group_year", "rank", "institution", "year", "index", "predikat", "source"]
    denpasar = next(r for r in rows if r[3] == "Pemerintah Kota Denpasar")
    named = dict(zip(rows[0], denpasar, strict=True))
    assert denpasar[5:7] == ["3.19", "Baik"]
    assert [named[f"domain_{n}_{name}"] for n, name in ((1, "kebijakan_internal_spbe"), (4, "layanan_spbe"))] == [
        "3.00",
        "3.55",
    ]
    md = spbe("rank", str(EXAMPLES), "-f", "markdown").out
    assert "| 1 | Pemerintah Kota Denpasar | 2021 | 3.19 | Baik | 3.00 | 3.30 | 2.18 | 3.55 |" in md
    assert "Peringkat" in spbe("rank", str(EXAMPLES), "--lang", "id").out


# --- fit and finish: repeated institutions, mixed years, named group columns --------------------

EXAMPLE_DIR = str(EXAMPLES)


@pytest.mark.parametrize(
    ("lang", "repeated", "mixed"),
    [
        (
            "en",
            "Pemerintah Provinsi Contoh (ilustrasi) ranked more than once",
            "ranking mixes years (2021, 2023, 2024, 2025)",
        ),
        (
            "id",
            "Pemerintah Provinsi Contoh (ilustrasi) muncul lebih dari sekali",
            "mencampur tahun (2021, 2023, 2024, 2025)",
        ),
    ],
)
def test_repeated_institution_and_mixed_years_are_said(spbe, lang, repeated, mixed):
    result = spbe("rank", EXAMPLE_DIR, "--lang", lang)
    assert result.code == 0, result.err
    assert repeated in result.err and "--by year" in result.err
    assert mixed in result.err
    by_year = spbe("rank", EXAMPLE_DIR, "--by", "year", "--lang", lang)
    assert repeated not in by_year.err and mixed not in by_year.err


@pytest.mark.parametrize(
    ("lang", "legend"), [("en", "D1 Kebijakan Internal SPBE"), ("id", "D1 Kebijakan Internal SPBE")]
)
def test_short_group_headers_have_a_legend(spbe, lang, legend):
    for fmt in ("table", "markdown"):
        out = spbe("rank", EXAMPLE_DIR, "-f", fmt, "--lang", lang).out
        assert legend in out and "D4 Layanan SPBE" in out
        assert ("A7 Kepuasan Pengguna" if lang == "en" else "A7 Kepuasan Pengguna") in out


def test_csv_group_columns_are_named_after_the_groups(spbe):
    rows = list(csv.DictReader(io.StringIO(spbe("rank", EXAMPLE_DIR, "-f", "csv").out)))
    assert not any(key.startswith("group_") and key[6:].isdigit() for key in rows[0])
    denpasar = next(r for r in rows if r["institution"] == "Pemerintah Kota Denpasar")
    assert denpasar["domain_1_kebijakan_internal_spbe"] == "3.00"
    assert denpasar["domain_3_manajemen_spbe"] == "2.18"
    assert denpasar["aspect_1_tata_kelola_dan_manajemen"] == ""  # a Pemdi column
    pemdi = next(r for r in rows if r["framework"] == "pemdi-2026")
    assert pemdi["aspect_7_kepuasan_pengguna_layanan_digital_pemerintah"] != ""
