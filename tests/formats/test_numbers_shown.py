"""Every format writes numbers one way: each framework's precision, decimal commas in Bahasa Indonesia
for human formats only, and a predikat only next to the overall index."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from fractions import Fraction

import pytest

from spbe_cli.core.numbers import NumberStyle

from ..helpers import CASES, EXAMPLES

DENPASAR = str(CASES / "denpasar-2021.yaml")
PEMDI = str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml")
OLD = str(EXAMPLES / "spbe-2020-provinsi-2023-ilustrasi.yaml")
NEW = str(EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml")


def output_of(spbe, *args: str) -> str:
    """Standard output of a run that must succeed."""
    result = spbe(*args)
    assert result.code == 0, result.err
    return result.out


@pytest.mark.parametrize(
    ("style", "index", "spbe", "spbe_mean", "pemdi", "spbe_change", "pemdi_change", "weight"),
    [
        (NumberStyle(), "2.48", "3", "3.5", "1.00", "+1", "+0.25", "16.5"),
        (NumberStyle(decimal_comma=True), "2,48", "3", "3,5", "1,00", "+1", "+0,25", "16,5"),
    ],
)
def test_number_style(style, index, spbe, spbe_mean, pemdi, spbe_change, pemdi_change, weight):
    assert style.index(Fraction(2475, 1000)) == index  # half-up
    assert style.value(3, integer_values=True) == spbe
    assert style.value(Fraction(7, 2), integer_values=True) == spbe_mean
    assert style.value(1, integer_values=False) == pemdi
    assert style.value_change(1, integer_values=True) == spbe_change
    assert style.value_change(Fraction(1, 4), integer_values=False) == pemdi_change
    assert style.number(Fraction(33, 2)) == weight
    assert style.index(Decimal("-0.05")) == ("-0.05" if not style.decimal_comma else "-0,05")
    assert style.change(Decimal("0.23")).endswith("0.23" if not style.decimal_comma else "0,23")


def test_style_follows_the_language():
    assert NumberStyle.for_language("id").decimal_comma
    assert not NumberStyle.for_language("en").decimal_comma


@pytest.mark.parametrize(("lang", "shown"), [("en", "3.19 (Baik)"), ("id", "3,19 (Baik)")])
def test_human_formats_use_the_languages_decimal_mark(spbe, lang, shown):
    assert shown in output_of(spbe, "score", DENPASAR, "--lang", lang)
    markdown = output_of(spbe, "score", DENPASAR, "-f", "markdown", "--lang", lang)
    assert shown in markdown
    assert ("| 16.5 | 2.18 |" if lang == "en" else "| 16,5 | 2,18 |") in markdown


@pytest.mark.parametrize("lang", ["en", "id"])
def test_machine_formats_keep_points(spbe, lang):
    data = json.loads(output_of(spbe, "score", DENPASAR, "-f", "json", "--lang", lang))
    assert data["index"] == 3.19
    rows = list(csv.DictReader(io.StringIO(output_of(spbe, "score", DENPASAR, "-f", "csv", "--lang", lang))))
    assert rows[0]["overall_index"] == "3.19"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_no_predikat_next_to_domains_or_aspects(spbe, lang):
    for fmt in ("table", "markdown"):
        out = output_of(spbe, "score", DENPASAR, "-f", fmt, "--lang", lang)
        # Manajemen SPBE is 2.18: "Cukup" would be its band; only the overall index (Baik) is rated.
        assert "Cukup" not in out
        assert "Baik" in out
        assert "Predikat" not in out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_pemdi_values_in_two_decimals_and_no_empty_level_column(spbe, lang):
    comma = "," if lang == "id" else "."
    for fmt in ("table", "markdown"):
        out = output_of(spbe, "score", PEMDI, "--detail", "-f", fmt, "--lang", lang)
        assert f"2{comma}50" in out and f"1{comma}00" in out
        assert ("Level" if lang == "en" else "Tingkat") not in out


@pytest.mark.parametrize("lang", ["en", "id"])
def test_spbe_value_changes_are_whole_levels(spbe, lang):
    for fmt in ("table", "markdown"):
        out = output_of(spbe, "diff", OLD, NEW, "-f", fmt, "--lang", lang)
        assert "▲ +1 " in out or "▲ +1 |" in out
        assert "+1.00" not in out and "+1,00" not in out


def test_score_csv_names_domains_and_aspects_and_the_overall_index(spbe):
    rows = list(csv.DictReader(io.StringIO(output_of(spbe, "score", DENPASAR, "-f", "csv"))))
    first = rows[0]
    assert first["domain_name"] == "Kebijakan Internal SPBE"
    assert first["aspect_name"] == "Kebijakan Internal Tata Kelola SPBE"
    assert "index" not in first and first["overall_index"] == "3.19"
    pemdi = list(csv.DictReader(io.StringIO(output_of(spbe, "score", PEMDI, "-f", "csv"))))
    assert pemdi[0]["domain"] == pemdi[0]["domain_name"] == ""  # Pemdi has no domains
    assert pemdi[0]["aspect_name"] == "Tata Kelola dan Manajemen"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_every_score_heading_names_its_file(spbe, tmp_path, monkeypatch, lang):
    text = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # short relative names: a long temporary folder would wrap the heading
    first, second = tmp_path / "mandiri.yaml", tmp_path / "final.yaml"
    first.write_text(text, encoding="utf-8")
    second.write_text(text, encoding="utf-8")
    for fmt, prefix in (("table", ""), ("markdown", "## ")):
        out = output_of(spbe, "score", first.name, second.name, "-f", fmt, "--lang", lang)
        headings = [line for line in out.splitlines() if line.startswith(prefix + "Indeks SPBE 2021")]
        assert len(headings) == 2 and headings[0] != headings[1]
        assert headings[0].endswith("mandiri.yaml)") and headings[1].endswith("final.yaml)")
