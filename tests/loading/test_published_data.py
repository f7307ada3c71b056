"""KemenPANRB's published results as package data: read lazily, and checked against the facts their
sources state (spbe_cli/data/published/README.md)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_cli.core import published as figures
from spbe_cli.core.categories import KINDS
from spbe_cli.core.numbers import round_half_up
from spbe_cli.loading.published import FOLDER, PackagedFigures, packaged

from ..helpers import CATALOG, ROOT

DATA = packaged()
ROWS = {year: DATA.results(year) for year in DATA.result_years()}
ALL = tuple(row for rows in ROWS.values() for row in rows)
SPBE_2020 = CATALOG.get("spbe-2020")
# The transcription the package data comes from, where the repository sits beside it (main or a worktree).
REFERENCE = next(
    (
        folder / "shared" / "reference" / "published"
        for folder in (ROOT.parent, ROOT.parent.parent)
        if (folder / "shared" / "reference" / "published").is_dir()
    ),
    ROOT.parent / "shared" / "reference" / "published",
)
GOOD = {"Baik", "Sangat Baik", "Memuaskan"}


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="the reference transcription is not beside the repository")
def test_the_package_ships_the_reference_transcription_unchanged():
    # results-YYYY.csv are the reference file split by year, every line byte for byte
    reference = (REFERENCE / "spbe-results-2023-2024.csv").read_bytes().splitlines(keepends=True)
    shipped = [(FOLDER / f"results-{year}.csv").read_bytes().splitlines(keepends=True) for year in (2023, 2024)]
    assert shipped[0][0] == shipped[1][0] == reference[0]
    assert shipped[0][1:] + shipped[1][1:] == reference[1:]
    assert (FOLDER / "averages.csv").read_bytes() == (REFERENCE / "spbe-averages.csv").read_bytes()


def test_row_counts_are_the_reports():
    # README of the data: 1,236 rows, 621 for 2023 and 615 for 2024
    assert DATA.result_years() == (2023, 2024)
    assert (len(ROWS[2023]), len(ROWS[2024])) == (621, 615)
    kinds = {kind: sum(1 for row in ROWS[2024] if row.kind == kind) for kind in KINDS}
    # LPE-2024: 92 instansi pusat, 38 provinsi, 485 kabupaten/kota (392 kabupaten, 93 kota)
    assert kinds == {"pusat": 92, "provinsi": 38, "kabupaten": 392, "kota": 93}


def test_predikat_counts_match_what_the_2024_report_states():
    rows = ROWS[2024]
    assert sum(1 for row in rows if row.predikat == "Memuaskan") == 48  # 615 instansi, 48 Memuaskan
    provinces = [row for row in rows if row.kind == "provinsi"]
    assert sum(1 for row in provinces if row.predikat in GOOD) == 32  # LPE-2024 p. 41: 32 of 38 provinsi
    central = [row for row in rows if row.kind == "pusat"]
    share = Fraction(sum(1 for row in central if row.predikat in GOOD), len(central))
    assert round(share * 100) == 95  # LPE-2024 p. 41: 95 % of 92 instansi pusat Baik or better


def test_every_index_agrees_with_its_domains_under_the_spbe_2020_weights():
    checked = 0
    for row in ALL:
        from_domains = figures.domains_index(row, SPBE_2020)
        if from_domains is None:
            continue
        assert abs(from_domains - Fraction(row.shown)) <= Fraction("0.011"), row
        checked += 1
    assert checked == len(ALL) - 3


def test_three_damaged_source_cells_stay_empty_and_flagged():
    flagged = [(row.year, row.institution) for row in ALL if row.flag]
    assert flagged == [
        (2024, "Kementerian Pertanian"),
        (2024, "Kementerian Energi dan Sumber Daya Mineral"),
        (2024, "Pemerintah Provinsi Jawa Timur"),
    ]
    assert all(row.domains[0] is None and None not in row.domains[1:] for row in ALL if row.flag)
    assert all(None not in row.domains for row in ALL if not row.flag)


def test_the_predikat_follows_the_exact_index_not_the_printed_figure():
    # Every row's predikat is that of some exact index printed as its figure: the rule on the exact
    # index, as indicators.yaml records it. The rule on the printed figure contradicts three rows.
    assert SPBE_2020.predikat_rule.decided_on == "exact" and SPBE_2020.predikat_rule.status == "confirmed"
    assert all(SPBE_2020.can_print(row.shown, row.predikat) for row in ALL)
    contradicted = [
        (row.year, row.institution, str(row.shown), row.predikat)
        for row in ALL
        if SPBE_2020.predikat(row.shown) != row.predikat
    ]
    assert contradicted == [
        (2024, "Pemerintah Kab. Nias Barat", "1.80", "Kurang"),
        (2024, "Pemerintah Kab. Pacitan", "3.50", "Baik"),
        (2024, "Pemerintah Kab. Luwu", "2.60", "Cukup"),
    ]
    # they are the evidence indicators.yaml gives for the rule, each on a band's edge
    examples = [(e.year, e.institution, str(e.shown), e.predikat) for e in SPBE_2020.predikat_rule.examples]
    assert examples == contradicted
    assert all(Decimal(shown) in {band.min for band in SPBE_2020.bands} for _, _, shown, _ in contradicted)
    from_domains = [
        figures.domains_index(row, SPBE_2020)
        for row in ALL
        if row.institution in {c[1] for c in contradicted} and row.year == 2024
    ]
    assert [str(round_half_up(value, 4)) if value is not None else None for value in from_domains] == [
        "1.7985",
        "3.4986",
        "2.5968",
    ]


def test_averages_are_quoted_as_published_with_a_source_each():
    averages = DATA.averages()
    national = {a.year: a.value for a in averages if a.category == "Nasional" and a.measure == "index"}
    # frameworks.md: 2020 2.26, 2021 2.24, 2023 2.79, 2024 3.12; 2022 as LPE-2024 Tabel 4 prints it (2.34)
    assert national == {
        2018: Decimal("1.98"),
        2019: Decimal("2.18"),
        2020: Decimal("2.26"),
        2021: Decimal("2.24"),
        2022: Decimal("2.34"),
        2023: Decimal("2.79"),
        2024: Decimal("3.12"),
    }
    mean = sum((row.shown for row in ROWS[2024]), Decimal(0)) / len(ROWS[2024])
    assert round(mean, 2) == Decimal("3.17") != national[2024]  # not the plain mean of the rows
    assert all(a.source for a in averages)
    sources = DATA.sources()
    assert {a.source.partition(" ")[0] for a in averages if a.source.startswith("LPE-")} <= set(sources)
    for year in (2023, 2024):
        measures = {a.measure for a in averages if a.year == year and a.category == "Nasional"}
        assert measures == {"index", "D1", "D2", "D3", "D4", *(f"A{n}" for n in range(1, 9))}


def test_every_row_cites_its_report_and_table():
    assert {row.source.split(" Tabel ")[0] for row in ALL} == {"LPE-2023", "LPE-2024"}
    assert all(row.source == f"LPE-{row.year} Tabel {row.table}" for row in ALL)
    assert all(source.url and source.title for source in DATA.sources().values())


def test_reading_one_year_reads_only_that_year(tmp_path):
    # the years are known from the file names; a year's rows are read when asked for, once
    folder = tmp_path / "published"
    folder.mkdir()
    for name in ("results-2023.csv", "results-2024.csv", "averages.csv", "sources.csv"):
        (folder / name).write_bytes((FOLDER / name).read_bytes())
    (folder / "results-2023.csv").write_text("not the expected columns\n", encoding="utf-8")
    data = PackagedFigures(Path(folder))
    assert data.result_years() == (2023, 2024)
    assert len(data.results(2024)) == 615 and data.results(2021) == ()
    with pytest.raises(ValueError, match="columns"):
        data.results(2023)
