"""`spbe published` as a user runs it: lookups, filters, formats, both languages, usage mistakes."""

from __future__ import annotations

import csv
import io
import json

import pytest


def test_published_shows_a_figure_on_an_edge_with_the_lower_predikat_and_why(spbe):
    code, out, err = spbe("published", "kab luwu", "--year", "2024", env={"COLUMNS": "160"})
    assert code == 0 and err == ""
    assert "2.60" in out and "Cukup" in out and "Luwu Utara" not in out
    assert "2.60 Cukup: the exact index lay under the 2.60 edge of Baik; the printed domains give 2.5968" in out
    assert "2.97" in out  # the 2024 Kabupaten average beside it
    code, out, _ = spbe("published", "kab luwu", "--year", "2024", "--lang", "id")
    assert "2,60 Cukup: indeks persisnya di bawah batas 2,60 predikat Baik" in " ".join(out.split())


def test_published_lists_a_kind_of_a_year_as_csv(spbe):
    code, out, _ = spbe("published", "--kind", "kota", "--year", "2024", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 93
    assert {row["kind"] for row in rows} == {"kota"} and {row["year"] for row in rows} == {"2024"}
    denpasar = next(row for row in rows if row["institution"] == "Pemerintah Kota Denpasar")
    assert (denpasar["index"], denpasar["predikat"], denpasar["source"]) == ("3.96", "Sangat Baik", "LPE-2024 Tabel 44")


def test_published_json_keeps_damaged_cells_empty_and_flagged(spbe):
    code, out, _ = spbe("published", "Kementerian Pertanian", "--year", "2024", "-f", "json")
    data = json.loads(out)
    (row,) = data["results"]
    assert code == 0 and row["domains"][0] is None and row["flag"] == "damaged cell in the source"
    assert row["index"] == 4.0 and row["predikat"] == "Sangat Baik"
    assert [s["key"] for s in data["sources"]] == ["LPE-2024"]


def test_an_ambiguous_name_lists_every_candidate(spbe):
    code, out, err = spbe("published", "bandung", "--year", "2024", "-f", "csv")
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
def test_usage_mistakes_exit_2_with_the_reason(spbe, args, said):
    code, _, err = spbe(*args)
    assert code == 2 and said in " ".join(err.split())


def test_published_xlsx_has_the_rows_averages_and_sources(spbe, tmp_path):
    import openpyxl

    target = tmp_path / "luwu.xlsx"
    assert spbe("published", "kab luwu", "-f", "xlsx", "-o", str(target))[0] == 0
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Published results", "Averages", "Sources"]
    rows = list(book["Published results"].iter_rows(values_only=True))
    assert len(rows) == 3 and rows[2][8] == 2.6 and rows[2][9] == "Cukup" and "2.5968" in rows[2][11]
