"""KemenPANRB's published results as package data: the facts its sources state, the lenient name
lookup on the real list, and `spbe published` as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_cli.cli import main
from spbe_cli.core import published as figures
from spbe_cli.loading.published import FOLDER, packaged

from .helpers import CATALOG, ROOT

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


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- the data, against what its sources state ------------------------------------------------------


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
    kinds = {kind: sum(1 for row in ROWS[2024] if row.kind == kind) for kind in figures.KINDS}
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
    # Every row's predikat is that of some exact index printed as its figure (half-up): the rule on the
    # exact index. The rule on the printed figure contradicts exactly three rows, each on an edge.
    bands = SPBE_2020.bands
    for row in ALL:
        low, high = Fraction(row.shown) - Fraction(1, 200), Fraction(row.shown) + Fraction(1, 200)
        possible = {SPBE_2020.predikat(Decimal(low.numerator) / Decimal(low.denominator))}
        possible |= {band.name for band in bands if low <= band.min < high}
        assert row.predikat in possible, row
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
    assert all(
        row.shown in {band.min for band in bands}
        for row in ALL
        if (row.year, row.institution, str(row.shown), row.predikat) in contradicted
    )


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


# --- names: normalised in one place, looked up on the real list ---------------------------------


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
    assert figures.kind_from_name(name) == kind
    assert figures.category_from_name(name) == category


# --- spbe published -----------------------------------------------------------------------------------


def test_published_shows_a_figure_on_an_edge_with_the_lower_predikat_and_why(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "160")
    code, out, err = run(capsys, "published", "kab luwu", "--year", "2024")
    assert code == 0 and err == ""
    assert "2.60" in out and "Cukup" in out and "Luwu Utara" not in out
    assert "2.60 Cukup: the exact index lay under the 2.60 edge of Baik; the printed domains give 2.5968" in out
    assert "2.97" in out  # the 2024 Kabupaten average beside it
    code, out, _ = run(capsys, "published", "kab luwu", "--year", "2024", "--lang", "id")
    assert "2,60 Cukup: indeks persisnya di bawah batas 2,60 predikat Baik" in " ".join(out.split())


def test_published_lists_a_kind_of_a_year_as_csv(capsys):
    code, out, _ = run(capsys, "published", "--kind", "kota", "--year", "2024", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 93
    assert {row["kind"] for row in rows} == {"kota"} and {row["year"] for row in rows} == {"2024"}
    denpasar = next(row for row in rows if row["institution"] == "Pemerintah Kota Denpasar")
    assert (denpasar["index"], denpasar["predikat"], denpasar["source"]) == ("3.96", "Sangat Baik", "LPE-2024 Tabel 44")


def test_published_json_keeps_damaged_cells_empty_and_flagged(capsys):
    code, out, _ = run(capsys, "published", "Kementerian Pertanian", "--year", "2024", "-f", "json")
    data = json.loads(out)
    (row,) = data["results"]
    assert code == 0 and row["domains"][0] is None and row["flag"] == "damaged cell in the source"
    assert row["index"] == 4.0 and row["predikat"] == "Sangat Baik"
    assert [s["key"] for s in data["sources"]] == ["LPE-2024"]


def test_an_ambiguous_name_lists_every_candidate(capsys):
    code, out, err = run(capsys, "published", "bandung", "--year", "2024", "-f", "csv")
    assert code == 0
    assert [row["institution"] for row in csv.DictReader(io.StringIO(out))] == [
        "Pemerintah Kab. Bandung",
        "Pemerintah Kota Bandung",
    ]
    assert "2 institutions match 'bandung'" in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["published", "Kab. Luwuk"], "no published result matches 'Kab. Luwuk'; did you mean Pemerintah Kab. Luwu"),
        (["published", "--year", "2021"], "no per-institution results are published here for 2021; years: 2023, 2024"),
        (["published", "--kind", "desa"], "'desa' is not one of: kabupaten, kota, provinsi, pusat"),
        (["published", "--province", "jawa"], "'jawa' names several provinces: Jawa Barat, Jawa Tengah, Jawa Timur"),
    ],
)
def test_usage_mistakes_exit_2_with_the_reason(capsys, args, said):
    code, _, err = run(capsys, *args)
    assert code == 2 and said in " ".join(err.split())


def test_published_xlsx_has_the_rows_averages_and_sources(capsys, tmp_path):
    import openpyxl

    target = tmp_path / "luwu.xlsx"
    assert run(capsys, "published", "kab luwu", "-f", "xlsx", "-o", str(target))[0] == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Published results", "Averages", "Sources"]
    rows = list(book["Published results"].iter_rows(values_only=True))
    assert len(rows) == 3 and rows[2][8] == 2.6 and rows[2][9] == "Cukup" and "2.5968" in rows[2][11]


def test_reading_one_year_reads_only_that_year(monkeypatch, tmp_path):
    # the years are known from the file names; a year's rows are read when asked for, once
    from spbe_cli.loading import published as loading

    folder = tmp_path / "published"
    folder.mkdir()
    for name in ("results-2023.csv", "results-2024.csv", "averages.csv", "sources.csv"):
        (folder / name).write_bytes((FOLDER / name).read_bytes())
    (folder / "results-2023.csv").write_text("not the expected columns\n", encoding="utf-8")
    data = loading.PackagedFigures(Path(folder))
    assert data.result_years() == (2023, 2024)
    assert len(data.results(2024)) == 615 and data.results(2021) == ()
    with pytest.raises(ValueError, match="columns"):
        data.results(2023)
