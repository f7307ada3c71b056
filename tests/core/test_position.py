"""A scored file beside KemenPANRB's published figures: whether it reproduces its institution's result,
its position against the national and category averages, its rank among the published results."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.core import published as comparing
from spbe_cli.core.figures import PublishedData
from spbe_cli.core.scoring import score
from spbe_cli.loading import published as loading
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.loading.published import packaged

from ..helpers import CATALOG, EXAMPLES, levels_yaml

DATA = packaged()


def luwu_levels() -> dict[str, int]:
    """Levels that give Kab. Luwu's published 2024 domains 1.20, 2.10, 1.27, 3.75 and an exact index of
    2.596: shown 2.60, Cukup, as published."""
    levels = {str(n): 1 for n in range(1, 11)} | {"1": 2, "2": 2}  # D1 12/10
    levels |= {str(n): 2 for n in range(11, 21)} | {"11": 3}  # D2 21/10
    levels |= {str(n): 1 for n in range(21, 32)} | {"21": 2, "22": 2, "23": 2}  # D3 14/11
    levels |= {str(n): 4 for n in range(32, 42)} | {"32": 3, "33": 3}  # aspect 7: 38
    levels |= {str(n): 4 for n in range(42, 48)} | {"42": 3, "43": 3}  # aspect 8: 22
    return levels


def luwu_text(institution: str = "Pemerintah Kabupaten Luwu", **changed: int) -> str:
    return levels_yaml("spbe-2020", luwu_levels() | changed, institution=institution, year=2024)


def scored(text: str):
    assessment = parse_assessment(text.encode(), "a.yaml", CATALOG)
    return score(assessment, CATALOG.get(assessment.framework))


def test_a_file_that_reproduces_its_published_result_says_so():
    result = scored(luwu_text())
    assert result.index == Fraction("2.596") and result.predikat == "Cukup"
    reconciled = comparing.reconcile(result, DATA)
    assert reconciled is not None and reconciled.reproduces
    assert reconciled.row.source == "LPE-2024 Tabel 41"


def test_a_file_that_differs_names_the_domains_and_the_predikat():
    reconciled = comparing.reconcile(scored(luwu_text(**{"33": 4})), DATA)
    assert reconciled is not None and not reconciled.reproduces
    assert reconciled.delta == Decimal("0.02")
    assert [(d.number, str(d.shown), str(d.published)) for d in reconciled.domains] == [(4, "3.81", "3.75")]
    assert reconciled.predikat == "Baik" != reconciled.row.predikat


def test_no_reconciliation_without_a_published_row_of_that_institution_and_year():
    assert comparing.reconcile(scored(luwu_text("Pemerintah Kabupaten Sukamaju")), DATA) is None
    denpasar = scored((EXAMPLES / "kota-denpasar-2021.yaml").read_text(encoding="utf-8"))
    assert comparing.reconcile(denpasar, DATA) is None  # 2021: no per-institution list here


def test_a_2024_kabupaten_is_placed_among_the_392_published_kabupaten():
    position = comparing.position(scored(luwu_text()), DATA)
    assert position.averages_year == 2024 and not position.latest
    assert position.identity.category == "kabupaten" and position.identity.province == "Sulawesi Selatan"
    category, province = position.standings
    assert (category.scope, category.total) == ("category", 392)  # the file stands in for its own row
    sulsel = [row for row in DATA.results(2024) if row.province == "Sulawesi Selatan"]
    assert (province.scope, province.total) == ("province", len(sulsel))
    others = [row.shown for row in DATA.results(2024) if row.kind == "kabupaten" and row.key != "kabupaten luwu"]
    assert category.rank == 1 + sum(1 for shown in others if shown > Decimal("2.60"))
    assert len(position.distribution) == 391
    # a kabupaten not in the list is placed among all 392 of them
    newcomer = comparing.position(scored(luwu_text("Pemerintah Kabupaten Sukamaju")), DATA)
    assert newcomer.standings[0].total == 393 and newcomer.identity.how == "name"


def test_the_averages_are_quoted_as_published():
    position = comparing.position(scored(luwu_text()), DATA)
    index = position.comparisons[0]
    assert index.kind == "index" and index.national is not None and index.category is not None
    assert (index.national.value, index.category.value) == (Decimal("3.12"), Decimal("2.97"))
    assert index.national.source == "LPE-2024 Tabel 8" and position.category_name == "Kabupaten"
    assert [c.kind for c in position.comparisons] == ["index"] + ["domain"] * 4 + ["aspect"] * 8
    assert index.beside(index.national) == Decimal("-0.52")


def test_denpasar_2021_is_compared_with_the_2021_averages_only():
    position = comparing.position(scored((EXAMPLES / "kota-denpasar-2021.yaml").read_text(encoding="utf-8")), DATA)
    assert position.averages_year == 2021 and position.standings == () and position.distribution == ()
    index = position.comparisons[0]
    assert index.national is not None and index.national.value == Decimal("2.24")
    assert index.category is not None and index.category.value == Decimal("2.29")
    assert all(c.category is None for c in position.comparisons[1:])  # 2021: only the category's index


def test_a_year_without_averages_is_compared_with_the_latest_named_as_such():
    position = comparing.position(scored(luwu_text().replace("year: 2024", "year: 2025")), DATA)
    assert position.averages_year == 2024 and position.latest and position.standings == ()


def test_a_declared_category_wins_over_the_name():
    text = luwu_text("Badan Uji Coba").replace("\nlevels:", "\ncategory: lns\nlevels:")
    position = comparing.position(scored(text), DATA)
    assert position.identity.how == "declared" and position.category_name == "LNS dan Instansi Lainnya"
    assert position.standings[0].name == "lns"
    unknown = comparing.position(scored(luwu_text("Badan Uji Coba")), DATA)
    assert unknown.identity.kind == "pusat" and unknown.category_name is None and unknown.standings == ()


class Untouchable(PublishedData):
    """Published figures that must not be read."""

    def results(self, year: int):  # type: ignore[override]
        raise AssertionError(f"read the results of {year}")

    def averages(self):  # type: ignore[override]
        raise AssertionError("read the averages")


def test_a_pemdi_file_is_never_compared_with_spbe_averages_and_reads_nothing():
    result = scored((EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8"))
    position = comparing.position(result, Untouchable())
    assert position.reason == "framework" and position.comparisons == () and position.averages_year is None
    assert position.identity.kind == "kota"


@pytest.fixture
def nothing_read():
    loading._results.cache_clear()
    loading._averages.cache_clear()
    yield
    loading._results.cache_clear()
    loading._averages.cache_clear()


def test_score_of_a_year_without_published_rows_reads_no_published_file(spbe, nothing_read):
    assert spbe("score", EXAMPLES / "kota-denpasar-2021.yaml", "-f", "json").code == 0
    assert loading._results.cache_info().currsize == 0 and loading._averages.cache_info().currsize == 0


def test_score_of_a_2024_file_reads_that_year_only_and_reconciles(spbe, write, nothing_read):
    path = write("luwu.yaml", luwu_text())
    data = json.loads(spbe("score", path, "-f", "json").out)
    assert loading._results.cache_info().currsize == 1 and loading._averages.cache_info().currsize == 0
    assert data["published"]["reproduces"] is True and data["published"]["source"] == "LPE-2024 Tabel 41"
    assert (data["published"]["index"], data["published"]["predikat"]) == (2.6, "Cukup")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "Reproduces the published 2024 result 2.60 Cukup (LPE-2024 Tabel 41)"),
        ("id", "Sesuai dengan hasil 2024 yang dipublikasikan, 2,60 Cukup (LPE-2024 Tabel 41)"),
    ],
)
def test_score_says_whether_the_file_reproduces_its_published_result(spbe, write, lang, said):
    path = write("luwu.yaml", luwu_text())
    assert said in spbe("score", path, "--lang", lang, env={"COLUMNS": "200"}).out
    other = write("lain.yaml", luwu_text(**{"33": 4}))
    differs = spbe("score", other, "-f", "markdown").out
    assert (
        "Differs from the published 2024 result 2.60 Cukup by +0.02: domain 4 3.81 vs 3.75; predikat Baik vs Cukup"
        in differs
    )


def test_score_detail_shows_the_position_in_both_languages(spbe, write):
    path = write("luwu.yaml", luwu_text())
    english = spbe("score", path, "--detail", env={"COLUMNS": "200"}).out
    assert "Position against the national and category averages of 2024" in english
    assert "Rank" in english and "of 392 (Kabupaten) among the published results of 2024" in english
    assert "Sources: LPE-2024 Tabel 8; LPE-2024 (result tables)" in english
    indonesian = spbe("score", path, "--detail", "-f", "markdown", "--lang", "id").out
    assert "### Posisi terhadap rata-rata nasional dan kategori tahun 2024" in indonesian
    assert "| Indeks SPBE | 2,60 | 3,12 | -0,52 | 2,97 | -0,37 |" in indonesian
    assert "Position" not in spbe("score", path).out  # without --detail: the reconciliation only
