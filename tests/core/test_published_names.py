"""Names of institutions and provinces, normalised in one place and looked up leniently on the real
published list; the kind of an institution read from its name."""

from __future__ import annotations

import pytest

from spbe_cli.core import published as figures
from spbe_cli.core.figures import category_from_name, kind_from_name
from spbe_cli.loading.published import packaged

DATA = packaged()
ROWS = {year: DATA.results(year) for year in DATA.result_years()}
ALL = tuple(row for rows in ROWS.values() for row in rows)


@pytest.mark.parametrize(
    "query",
    ["kab luwu", "Kabupaten Luwu", "PEMERINTAH  KAB.  LUWU", "Pemerintah\nKabupaten Luwu", "Pemkab Luwu", "luwu"],
)
def test_a_name_is_found_leniently(query):
    found = figures.lookup(query, ALL)
    assert found.institutions == ("Pemerintah Kab. Luwu",)
    assert [(row.year, str(row.shown), row.predikat) for row in found.rows] == [
        (2023, "2.58", "Cukup"),
        (2024, "2.60", "Cukup"),
    ]


def test_every_published_name_finds_exactly_its_institution():
    for year, rows in ROWS.items():
        for row in rows:
            found = figures.lookup(row.institution, rows)
            assert found.rows == (row,), (year, row.institution)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("bandung", ("Pemerintah Kab. Bandung", "Pemerintah Kota Bandung")),
        ("luwu timur", ("Pemerintah Kab. Luwu Timur",)),
        ("Provinsi NTB", ("Pemerintah Provinsi Nusa Tenggara Barat",)),  # "Provinsi NTB" in 2023
        ("Daerah Istimewa Yogyakarta", ("Pemerintah D.I. Yogyakarta",)),
        ("DIY", ("Pemerintah D.I. Yogyakarta",)),
        ("Fakfak", ("Pemerintah Kab. Fak-Fak",)),
        ("kementerian keuangan", ("Kementerian Keuangan",)),
    ],
)
def test_names_across_spellings_and_years(query, expected):
    found = figures.lookup(query, ALL)
    assert found.institutions == expected
    assert found.ambiguous == (len(expected) > 1)


def test_a_name_that_matches_nothing_offers_close_names():
    found = figures.lookup("Kab. Luwuk", ALL)
    assert not found.found and "Pemerintah Kab. Luwu" in found.suggestions


def test_provinces_are_one_each_whatever_the_reports_spelling():
    known = figures.provinces(ALL)
    assert len(known) == 38
    assert "Nusa Tenggara Tlmur" not in known and "Bangka Belitung" not in known
    assert figures.find_province("ntt", known) == ("Nusa Tenggara Timur",)
    east = figures.select(ROWS[2024], province="Nusa Tenggara Timur")
    assert len(east) == 22 and {row.group for row in east} == {"Nusa Tenggara Tlmur"}


@pytest.mark.parametrize(
    ("name", "kind", "category"),
    [
        ("Pemerintah Kabupaten Sukamaju", "kabupaten", "kabupaten"),
        ("Pemerintah Kota Denpasar", "kota", "kota"),
        ("Pemerintah Provinsi Sulawesi Selatan", "provinsi", "provinsi"),
        ("Pemerintah Aceh", "provinsi", "provinsi"),
        ("Kementerian Keuangan", "pusat", "kementerian"),
        ("Badan Pusat Statistik", "pusat", None),
    ],
)
def test_the_kind_is_read_from_the_name(name, kind, category):
    assert kind_from_name(name) == kind
    assert category_from_name(name) == category
