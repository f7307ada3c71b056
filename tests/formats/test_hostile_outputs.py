"""Outputs given hostile text or numbers: names from a frameworks file stay inert in HTML, a cell that would
start a formula after a tab stays text, and exact numbers are printed exactly or refused, never rounded."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest

from spbe_cli.exitcodes import ExitCode
from spbe_cli.formats.escaping import spreadsheet_cell
from spbe_cli.i18n.numbers import exact_text

from ..helpers import CASES, EXAMPLES, UJI_FRAMEWORKS

HIDDEN = "\u202e\u200b"  # right-to-left override, zero-width space


def test_names_from_a_frameworks_file_reach_html_inert(write, spbe):
    frameworks = (
        UJI_FRAMEWORKS.replace("title: Uji", f"title: Uji{HIDDEN}judul")
        .replace("name: X,", f"name: X{HIDDEN}indikator,")
        .replace("name: A1", f"name: A1{HIDDEN}aspek")
        .replace("name: Baik", f"name: Baik{HIDDEN}")
        .replace("index_name: Indeks Uji", f"index_name: Indeks{HIDDEN}Uji")
    )
    path = write("fw.yaml", frameworks)
    first = write("r/a.yaml", "framework: uji\ninstitution: A\nyear: 2030\nlevels: {x: 4, y: 4, z: 4}\n")
    write("r/b.yaml", "framework: uji\ninstitution: B\nyear: 2030\nlevels: {x: 2, y: 2, z: 2}\n")
    code, page, err = spbe("report", first, "--frameworks", path)
    assert code == 0, err
    code, ranked, err = spbe("rank", first.rsplit("/", 1)[0], "-f", "html", "--frameworks", path)
    assert code == 0, err
    for html in (page, ranked):
        assert "\u202e" not in html and "\u200b" not in html
        assert "\\u202e\\u200b" in html
    assert "X\\u202e\\u200bindikator" in page and "Indeks\\u202e\\u200bUji" in page


@pytest.mark.parametrize(
    ("text", "cell"),
    [
        ('\t=HYPERLINK("http://x")', '\' =HYPERLINK("http://x")'),
        ("\r=1+2", "' =1+2"),
        ("  @SUM(A1)", "'  @SUM(A1)"),
        (" ::warning::x", "' ::warning::x"),
        ("Rapat 3 Mei", "Rapat 3 Mei"),
        ("a\t=b", "a =b"),
    ],
)
def test_a_spreadsheet_cell_is_judged_as_written(text, cell):
    assert spreadsheet_cell(text) == cell


def test_score_csv_keeps_a_tab_started_formula_as_text(write, spbe):
    denpasar = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")
    note = json.dumps('\t=HYPERLINK("http://contoh.example","klik")')
    path = write("a.yaml", denpasar.replace("  1: 4\n", f"  1: {{level: 4, note: {note}}}\n", 1))
    code, out, err = spbe("score", path, "-f", "csv", "--detail")
    assert code == 0, err
    row = next(r for r in csv.DictReader(io.StringIO(out)) if r["indicator"] == "1")
    assert row["note"] == '\' =HYPERLINK("http://contoh.example","klik")'


def test_an_external_number_has_the_decimal_cap_of_values(write, spbe):
    pemdi = (EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8")
    assert "I5: {external: 25.00" in pemdi
    path = write("a.yaml", pemdi.replace("I5: {external: 25.00", "I5: {external: 25.123456789012345678901234567891", 1))
    code, out, err = spbe("score", path, "-f", "json")
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert f"{path}:12:18: indicator I5 external has more than 6 decimal places" in err
    assert "lebih dari 6 angka desimal" in spbe("validate", path, "--lang", "id")[2]
    fine = write("b.yaml", pemdi.replace("I5: {external: 25.00", "I5: {external: 25.123457", 1))
    code, out, err = spbe("score", fine, "-f", "json", "--detail")
    assert code == 0, err
    value = next(i for i in json.loads(out)["indicators"] if i["id"] == "I5")["value_exact"]
    assert "/" in value or len(value.split(".")[-1]) <= 12


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Fraction(123456789012345678901234567890123, 10**31), "12.3456789012345678901234567890123"),
        (Fraction(1, 2**40), "0.0000000000009094947017729282379150390625"),
        (Fraction(-1, 8), "-0.125"),
        (Fraction(1, 3), "1/3"),
        (Fraction(7), "7"),
    ],
)
def test_exact_text_is_exact_past_28_digits(value, text):
    assert exact_text(value) == text
    assert Fraction(text) == value
