"""`spbe rank -f html` for a provincial meeting: a title, kabupaten and kota ranked apart, a reference line."""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.core.ranking import RankRow

from ..helpers import HOSTILE, levels_yaml, uniform


@pytest.fixture
def province(write, catalog) -> str:
    """Four kabupaten and three kota of one province, 2024, one file each."""
    names = {
        "Pemerintah Kabupaten Badung": 4,
        "Kabupaten Gianyar": 3,
        "Kab. Tabanan": 2,
        "Pemkab Bangli": 3,
        "Pemerintah Kota Denpasar": 4,
        "Kota Singaraja": 2,
        "Pemkot Uji": 3,
    }
    folder = ""
    for number, (name, level) in enumerate(names.items()):
        levels = uniform(catalog, "spbe-2020", level) | {"1": 1 + number % 5}
        folder = os.path.dirname(write(f"prov/{number:02d}.yaml", levels_yaml("spbe-2020", levels, name)))
    return folder


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Pemerintah Kabupaten Badung", "kabupaten"),
        ("Kab. Luwu", "kabupaten"),
        ("PEMKAB Bangli", "kabupaten"),
        ("Kabupaten Kotabaru", "kabupaten"),
        ("Pemerintah Kota Denpasar", "kota"),
        ("Pemkot Uji", "kota"),
        ("Kotabaru", None),
        ("Pemerintah Provinsi Bali", None),
        ("Kementerian Dalam Negeri", None),
    ],
)
def test_a_name_says_kabupaten_or_kota_by_its_first_word(name, kind, catalog):
    row = RankRow(name, 2024, catalog.get("spbe-2020"), Fraction(3), Decimal("3.00"), "Baik", (), None)
    assert row.kind == kind


def test_kabupaten_and_kota_are_ranked_apart_on_the_page(spbe, province):
    page = spbe("rank", province, "-f", "html", "--lang", "id").out
    headings = re.findall(r"<h2>(.*?)</h2>", page)
    assert [h.rsplit(" · ", 1)[1] for h in headings] == ["Kabupaten", "Kota"]
    sections = re.findall(r"<section.*?</section>", page, re.S)
    assert [len(re.findall(r'<tr><td class="n">\d+</td><td>', s)) for s in sections] == [4, 3]  # ranked rows
    assert re.findall(r'<td class="n">(\d)</td><td>Pemerintah Kota Denpasar', page) == ["1"]  # ranked among kota
    one_ranking = json.loads(spbe("rank", province, "-f", "json").out)  # other formats: one ranking as before
    assert len(one_ranking["groups"]) == 1 and one_ranking["groups"][0]["summary"]["count"] == 7


def test_only_kota_stay_one_ranking(spbe, write, catalog):
    for number in range(2):
        levels = levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), f"Kota {number}")
        folder = os.path.dirname(write(f"k/{number}.yaml", levels))
    page = spbe("rank", folder, "-f", "html").out
    assert page.count("<h2>") == 1 and " · Kota" not in page


def test_the_title_heads_the_page_as_text(spbe, province):
    page = spbe("rank", province, "-f", "html", "--title", "Provinsi Bali 2024", "--lang", "id").out
    assert "<h1>Provinsi Bali 2024</h1>" in page and '<p class="subtitle">Peringkat 7 instansi</p>' in page
    assert "<title>Provinsi Bali 2024: Peringkat 7 instansi</title>" in page
    hostile = spbe("rank", province, "-f", "html", "--title", HOSTILE).out
    assert "<script>" not in hostile and "\u202e" not in hostile
    assert "<h1>&lt;script&gt;document.body.setAttribute(" in hostile


def test_a_reference_average_is_a_line_on_each_chart_and_a_count_in_each_summary(spbe, province):
    page = spbe("rank", province, "-f", "html", "--reference", "3,12 Rata-rata nasional 2024", "--lang", "id").out
    charts = re.findall(r'<svg class="chart bars".*?</svg>', page, re.S)
    assert len(charts) == 2
    for chart in charts:
        assert 'stroke-dasharray="6 3"/>' in chart and ">Rata-rata nasional 2024</text>" in chart
    summaries = re.findall(r'<table class="summary">.*?</table>', page, re.S)
    counts = [re.search(r"Rata-rata nasional 2024</th><td class=\"n\">(.*?)</td>", s).group(1) for s in summaries]
    assert counts == ["1 dari 4 mencapai 3,12", "1 dari 3 mencapai 3,12"]  # Badung (4) and Denpasar (4)
    assert "Rata-rata Kabupaten 2024" not in page  # the average given replaces the published one
    plain = spbe("rank", province, "-f", "html", "--reference", "3.12", "--lang", "en").out
    assert ">Reference 3.12</text>" in plain


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--title", "Bali"], "--title is for the HTML page: add -f html"),
        (["-f", "csv", "--reference", "3.12"], "--reference is for the HTML page"),
        (["-f", "html", "--reference", "tiga"], "not a number"),
        (["-f", "html", "--reference", "7"], "is not an index from 0 to 5"),
    ],
)
def test_title_and_reference_are_refused_where_they_cannot_be_shown(spbe, province, args, message):
    result = spbe("rank", province, *args)
    assert result.code == 2 and message in result.err, result.err


def test_a_reference_is_refused_on_a_ranking_of_several_frameworks(spbe, province, write, catalog):
    write("prov/pemdi.yaml", levels_yaml("pemdi-2026", uniform(catalog, "pemdi-2026", "2.00"), "Kota Pemdi"))
    result = spbe("rank", province, "-f", "html", "--reference", "3.12")
    assert result.code == 2 and "several frameworks (pemdi-2026, spbe-2020)" in result.err


def test_without_a_reference_the_published_category_average_is_the_line(spbe, province):
    page = spbe("rank", province, "-f", "html", "--lang", "id").out
    charts = re.findall(r'<svg class="chart bars".*?</svg>', page, re.S)
    assert ">Rata-rata Kabupaten 2024: 2,97</text>" in charts[0] and ">Rata-rata Kota 2024: 3,39</text>" in charts[1]
    summaries = re.findall(r'<table class="summary">.*?</table>', page, re.S)
    assert 'Rata-rata Kabupaten 2024: 2,97</th><td class="n">3 dari 4 mencapai 2,97</td>' in summaries[0]


def test_no_line_where_nothing_is_published(spbe, write, catalog):
    for number, name in enumerate(("Kabupaten Satu", "Kota Dua")):
        levels = levels_yaml("pemdi-2026", uniform(catalog, "pemdi-2026", "2.00"), name, 2026)
        folder = os.path.dirname(write(f"p/{number}.yaml", levels))
    page = spbe("rank", folder, "-f", "html").out
    assert 'stroke-dasharray="6 3"' not in page and "Average" not in page
