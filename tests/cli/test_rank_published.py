"""`spbe rank` beside KemenPANRB's published figures: each file's rank among the published results and
the averages to read a ranking against; `--among-published YEAR` ranks files inside a year's list."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from spbe_cli.loading.published import packaged

from ..helpers import EXAMPLES, levels_yaml

PUBLISHED_2024 = packaged().results(2024)


def luwu(institution: str = "Pemerintah Kabupaten Luwu", year: int = 2024) -> str:
    """A file giving Kab. Luwu's published 2024 domains and index (2.60 Cukup, exactly 2.596)."""
    levels = {str(n): 1 for n in range(1, 11)} | {"1": 2, "2": 2}
    levels |= {str(n): 2 for n in range(11, 21)} | {"11": 3}
    levels |= {str(n): 1 for n in range(21, 32)} | {"21": 2, "22": 2, "23": 2}
    levels |= {str(n): 4 for n in range(32, 48)} | {"32": 3, "33": 3, "42": 3, "43": 3}
    return levels_yaml("spbe-2020", levels, institution=institution, year=year)


@pytest.fixture
def files(write):
    return write("luwu.yaml", luwu()), write("sukamaju.yaml", luwu("Pemerintah Kabupaten Sukamaju"))


def test_rank_gives_each_file_its_rank_among_the_published_results(spbe, files):
    data = json.loads(spbe("rank", *files, "-f", "json").out)
    (group,) = data["groups"]
    by_name = {row["institution"]: row["published_rank"] for row in group["ranking"]}
    kabupaten = [row for row in PUBLISHED_2024 if row.kind == "kabupaten"]
    rank = 1 + sum(1 for row in kabupaten if row.institution != "Pemerintah Kab. Luwu" and row.shown > Decimal("2.60"))
    assert by_name["Pemerintah Kabupaten Luwu"]["category"] == {
        "name": "kabupaten",
        "rank": rank,
        "count": 392,
        "year": 2024,
    }
    assert by_name["Pemerintah Kabupaten Luwu"]["province"]["name"] == "Sulawesi Selatan"
    assert by_name["Pemerintah Kabupaten Sukamaju"]["category"]["count"] == 393  # not in the list: one more
    assert by_name["Pemerintah Kabupaten Sukamaju"]["province"] is None  # its province is not known
    averages = {(a["category"], a["year"]): a["index"]["value"] for a in group["published_averages"]}
    assert averages == {("Nasional", 2024): 3.12, ("Kabupaten", 2024): 2.97}


def test_rank_table_and_csv_show_the_ranks_and_the_averages(spbe, files):
    table = spbe("rank", *files, env={"COLUMNS": "200"}).out
    assert "/392" in table and "Kabupaten 2024" in table and "Sources: LPE-2024 Tabel 8" in table
    rows = list(csv.DictReader(io.StringIO(spbe("rank", *files, "-f", "csv").out)))
    assert [row["category_count"] for row in rows] == ["392", "393"]


def test_among_published_ranks_the_files_inside_the_years_category(spbe, files):
    result = spbe("rank", *files, "--among-published", "2024", "-f", "csv")
    assert result.code == 0 and result.err == ""
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 392 + 1  # Luwu's file stands in for its row; Sukamaju is one more
    mine = [row for row in rows if row["mine"] == "true"]
    assert [row["institution"] for row in mine] == ["Pemerintah Kabupaten Luwu", "Pemerintah Kabupaten Sukamaju"]
    assert "Pemerintah Kab. Luwu" not in {row["institution"] for row in rows}
    assert {row["group"] for row in rows} == {"kabupaten"}
    assert mine[0]["rank"] == mine[1]["rank"]  # equal shown indices share a rank


def test_among_published_by_province(spbe, files):
    result = spbe("rank", files[0], "--among-published", "2024", "--by", "province", "-f", "json")
    data = json.loads(result.out)
    (group,) = data["groups"]
    sulsel = [row for row in PUBLISHED_2024 if row.province == "Sulawesi Selatan"]
    assert group["name"] == "Sulawesi Selatan" and len(group["ranking"]) == len(sulsel)
    assert [row["institution"] for row in group["ranking"] if row["mine"]] == ["Pemerintah Kabupaten Luwu"]


def test_among_published_in_both_languages_marks_the_files(spbe, files):
    english = spbe("rank", files[0], "--among-published", "2024", "-f", "markdown").out
    assert "## Kabupaten, published results of 2024, with your files (▶)" in english
    assert (
        "| **▶ " in english
        and "Published averages of 2024: National 3.12, Kabupaten 2.97 (LPE-2024 Tabel 8)" in english
    )
    indonesian = spbe("rank", files[0], "--among-published", "2024", "-f", "markdown", "--lang", "id").out
    assert "## Kabupaten, hasil yang dipublikasikan tahun 2024, dengan berkas Anda (▶)" in indonesian
    assert "Cukup: persisnya 2,5960, di bawah batas 2,60 predikat Baik" in indonesian


def test_a_file_that_cannot_be_placed_is_said_and_exits_3(spbe, files):
    pemdi = str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml")
    result = spbe("rank", files[0], pemdi, "--among-published", "2024", "-f", "json")
    assert result.code == 3
    assert "the file is on another framework than that year's" in result.err
    assert json.loads(result.out)["unplaced"] == [{"file": pemdi, "reason": "framework"}]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--among-published", "2021"], "no per-institution results are published here for 2021"),
        (["--among-published", "2024", "--by", "year"], "'year' is not one of: category, province"),
        (["--by", "province"], "'province' is not one of: year"),
        (
            ["--among-published", "2024", "-f", "html", "--reference", "3.12"],
            "--among-published shows the published averages",
        ),
    ],
)
def test_among_published_usage_mistakes_exit_2(spbe, files, args, said):
    result = spbe("rank", files[0], *args)
    assert result.code == 2 and said in " ".join(result.err.split())


@pytest.mark.parametrize(
    ("lang", "title", "heading", "averages"),
    [
        ("en", "Your files among KemenPANRB's published results of 2024", "Kabupaten, published results of 2024",
         "Published averages of 2024: National 3.12, Kabupaten 2.97"),
        ("id", "Berkas Anda di antara hasil yang dipublikasikan KemenPANRB tahun 2024",
         "Kabupaten, hasil yang dipublikasikan tahun 2024", "Rata-rata yang dipublikasikan tahun 2024: Nasional 3,12"),
    ],
)  # fmt: skip
def test_among_published_as_a_page_marks_the_files_in_the_published_table(spbe, files, lang, title, heading, averages):
    result = spbe("rank", *files, "--among-published", "2024", "-f", "html", "--lang", lang, "--title", "<b>Sulsel</b>")
    assert result.code == 0, result.err
    page = result.out
    assert f"<title>&lt;b&gt;Sulsel&lt;/b&gt;: {title}</title>".replace("'", "&#39;") in page
    assert heading in page and averages in page
    body = page.split("<tbody>", 1)[1]
    assert body.count("<tr") == 392 + 1  # every published kabupaten, Luwu's row replaced by the file
    marked = [row for row in body.split("<tr")[1:] if 'class="mine"' in row]
    assert len(marked) == 2 and "Pemerintah Kabupaten Luwu" in marked[0] and "Sukamaju" in marked[1]
    assert "Pemerintah Kab. Luwu<" not in page
    assert "LPE-2024" in page
