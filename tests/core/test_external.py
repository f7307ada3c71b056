"""Pemdi 2026: values from other agencies' indices (conversions as data) and exact fraction values."""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbe_cli.core.external import ConversionError, convert, pending
from spbe_cli.core.numbers import round_half_up
from spbe_cli.core.planning import Unreachable, plan
from spbe_cli.core.scoring import score
from spbe_cli.loading.catalog import parse_catalog
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.problems import InvalidInput

from ..helpers import ROOT, levels_yaml, uniform


@pytest.fixture(scope="module")
def sdi(catalog):
    return catalog.get("pemdi-2026").by_id["I5"].external


def pemdi(catalog, **changes: str) -> str:
    levels = uniform(catalog, "pemdi-2026", "1.00")
    levels.update(changes)
    return levels_yaml("pemdi-2026", levels, year=2026)


def load(catalog, text: str):
    return parse_assessment(text.encode(), "a.yaml", catalog)


def problems(catalog, text: str) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        load(catalog, text)
    return [str(p) for p in caught.value.problems]


# --- the conversion, as data -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "value", "predikat"),
    [
        ("0", "1.00", "Kurang"),
        ("12.5", "1.50", "Cukup"),
        ("37.5", "2.50", "Baik"),
        ("62.5", "3.50", "Sangat Baik"),
        ("75", "4.00", "Memuaskan"),
        ("100", "5.00", "Memuaskan"),
    ],
)
def test_sdi_band_edges_open_the_predikat_bands(catalog, sdi, number, value, predikat):
    converted = convert(sdi, Fraction(number))
    assert converted.value == Fraction(value)
    assert catalog.get("pemdi-2026").predikat(round_half_up(converted.value)) == predikat
    assert converted.band_status == "confirmed"
    assert converted.status == "estimate"  # the edge value itself rests on the estimated line


@pytest.mark.parametrize(("number", "value"), [("25", "2.00"), ("68.75", "3.75")])
def test_the_worked_examples_reproduce_and_are_confirmed(sdi, number, value):
    converted = convert(sdi, Fraction(number))
    assert converted.value == Fraction(value)
    assert converted.status == "confirmed"


def test_a_value_inside_a_band_is_exact_and_an_estimate(sdi):
    converted = convert(sdi, Fraction("58.3"))
    assert converted.value == Fraction("3.332")  # 1 + 58.3 / 25, exactly
    assert converted.status == "estimate"
    assert str(round_half_up(converted.value)) == "3.33"


@given(st.fractions(min_value=0, max_value=100))
def test_conversion_is_the_line_within_the_published_bands(number):
    from spbe_cli.loading.catalog import load_catalog

    source = load_catalog().get("pemdi-2026").by_id["I5"].external
    converted = convert(source, number)
    assert converted.value == 1 + number / 25
    band = next(b for b in source.bands if b.low <= number < b.high or number == b.high == 100)
    assert band.value_low <= converted.value <= band.value_high


@pytest.mark.parametrize("number", ["-0.01", "100.01"])
def test_outside_the_source_scale_is_refused(sdi, number):
    with pytest.raises(ConversionError):
        convert(sdi, Fraction(number))


def test_pending_is_one(catalog):
    for indicator_id in ("I5", "I6", "I7", "I18"):
        source = catalog.get("pemdi-2026").by_id[indicator_id].external
        assert pending(source).value == 1 and pending(source).status == "pending"


def test_no_conversion_is_invented_for_sjig_epss_and_interoperability(catalog):
    framework = catalog.get("pemdi-2026")
    for indicator_id in ("I6", "I7", "I18"):
        source = framework.by_id[indicator_id].external
        assert not source.convertible and source.sources
        with pytest.raises(ConversionError):
            convert(source, Fraction(3))


def _frameworks_with_bands(bands: str, examples: str = "[]") -> bytes:
    text = (ROOT / "indicators.yaml").read_text(encoding="utf-8")
    start = text.index("              bands:\n")
    end = text.index("              sources:\n", start)
    return (
        text[:start].encode()
        + f"              bands: {bands}\n              examples: {examples}\n".encode()
        + (text[end:].encode())
    )


def test_a_gap_between_bands_is_refused():
    bands = "[{from: 0, to: 50, value_from: 1, value_to: 3, status: estimate}, {from: 60, to: 100, value_from: 3, value_to: 5, status: estimate}]"
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(_frameworks_with_bands(bands), "f.yaml")
    assert any("without gaps" in str(p) for p in caught.value.problems)


def test_a_worked_example_the_bands_do_not_reproduce_is_refused():
    bands = "[{from: 0, to: 100, value_from: 1, value_to: 5, status: estimate}]"
    with pytest.raises(InvalidInput) as caught:
        parse_catalog(_frameworks_with_bands(bands, "[{source: 25, value: 2.5}]"), "f.yaml")
    assert any("worked example for 25" in str(p) for p in caught.value.problems)


# --- assessments ------------------------------------------------------------------------------


def test_external_number_gives_the_converted_value(catalog):
    assessment = load(catalog, pemdi(catalog, I5="{external: 58.3, pic: Diskominfo}", I6="{external: pending}"))
    i5, i6 = assessment.entries["I5"], assessment.entries["I6"]
    assert i5.values == (Fraction("3.332"),) and i5.external.number == Fraction("58.3") and i5.pic == ("Diskominfo",)
    assert i6.values == (1,) and i6.external.pending


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("{external: 58.3, level: 2}", "a.yaml:9:7: indicator I5: give either level or external, not both"),
        ("{target: 3}", "a.yaml:9:7: indicator I5: give level (the value) or external (the SDI number, or pending)"),
        (
            "{external: 101}",
            "a.yaml:9:18: indicator I5 external must be the SDI number from 0 to 100, or pending; not 101",
        ),
        (
            "{external: '58'}",
            "a.yaml:9:18: indicator I5 external must be the SDI number from 0 to 100, or pending; not text '58'",
        ),
        (
            "{external: Pending}",
            "a.yaml:9:18: indicator I5 external must be the SDI number from 0 to 100, or pending; not text 'Pending'",
        ),
    ],
)
def test_bad_external_entries_are_located(catalog, entry, message):
    assert problems(catalog, pemdi(catalog, I5=entry)) == [message]


def test_a_number_for_an_index_without_published_conversion_is_refused(catalog):
    [message] = problems(catalog, pemdi(catalog, I6="{external: 3}"))
    assert "no conversion from the SJIG to a value is published" in message and "1.00" in message


def test_external_only_where_the_framework_has_a_source(catalog):
    [message] = [p for p in problems(catalog, pemdi(catalog, I1="{level: 2, external: 50}")) if "external" in p]
    assert "unknown key 'external'" in message


# --- exact fractions --------------------------------------------------------------------------


def test_aceh_tengah_2026_aspect_5_reproduces_with_the_exact_fraction(catalog):
    # Aceh Tengah's 2026 recap prints I13 = 1.17 and the assessors' slide shows aspect 5 = 1.08.
    # I13 is 7/6 (a fraction of evidence items); I14 = 1.00 is the only two-decimal value for which
    # both 7/6 gives 1.08 and the typed 1.17 gives 1.09, as the recap and the tool showed.
    framework = catalog.get("pemdi-2026")
    exact = score(load(catalog, pemdi(catalog, I13="7/6", I14="1.00")), framework)
    typed = score(load(catalog, pemdi(catalog, I13="1.17", I14="1.00")), framework)
    assert exact.aspects[4].exact == Fraction(13, 12)
    assert str(exact.aspects[4].shown) == "1.08"
    assert str(typed.aspects[4].shown) == "1.09"


@pytest.mark.parametrize(("text", "value"), [("7/6", Fraction(7, 6)), (" 9 / 4 ", Fraction(9, 4)), ("5/1", 5)])
def test_fractions_are_exact_values(catalog, text, value):
    assessment = load(catalog, pemdi(catalog, I13=f'"{text}"', I14=f"{{level: 2, target: {text}}}"))
    assert assessment.entries["I13"].values == (value,)
    assert assessment.entries["I14"].target == value


@pytest.mark.parametrize("text", ["7/0", "13/2", "1/2", "7/6/1", "-7/6", "7.5/2"])
def test_bad_fractions_are_refused(catalog, text):
    [message] = problems(catalog, pemdi(catalog, I13=text))
    assert "indicator I13 must be a number from 1 to 5" in message and "7/6" in message


def test_fractions_are_not_levels_of_the_spbe_frameworks(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["12"] = "7/3"
    assert problems(catalog, levels_yaml("spbe-2020", levels))[0].startswith("a.yaml:16:7: indicator 12 must be")


# --- outputs, both languages ------------------------------------------------------------------


@pytest.fixture
def sourced(write, catalog):
    return write("pemdi.yaml", pemdi(catalog, I5="{external: 58.3}", I6="{external: pending}", I13="7/6"))


@pytest.mark.parametrize(
    ("lang", "estimate", "pending_text"),
    [
        ("en", "from the SDI index 58.30; estimated conversion", "SJIG index pending: 1.00 until it is published"),
        ("id", "dari Indeks SDI 58,30; konversi perkiraan", "Indeks SJIG belum terbit: 1,00 sampai dipublikasikan"),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_human_outputs_say_where_the_value_came_from(spbe, sourced, lang, estimate, pending_text, fmt):
    result = spbe("score", sourced, "--lang", lang, "-f", fmt)
    assert result.code == 0, result.err
    text = " ".join(result.out.replace("│", " ").split())
    assert estimate in text and pending_text in text
    assert ("3,33" if lang == "id" else "3.33") in text


def test_json_carries_the_source_value_and_status(spbe, sourced):
    data = json.loads(spbe("score", sourced, "-f", "json").out)
    by_id = {i["id"]: i for i in data["indicators"]}
    assert by_id["I5"]["external"] == {
        "source": "Indeks Satu Data Indonesia (SDI), Bappenas",
        "index": "SDI",
        "agency": "Bappenas",
        "value": 58.3,
        "conversion_status": "estimate",
        "band_status": "confirmed",
    }
    assert by_id["I5"]["value"] == 3.332
    assert by_id["I6"]["external"]["conversion_status"] == "pending" and by_id["I6"]["external"]["value"] is None
    assert by_id["I1"]["external"] is None
    assert by_id["I13"]["value_exact"] == "7/6"
    assert data["aspects"][4]["index_exact"] == "13/12"


def test_csv_carries_the_source_columns(spbe, sourced):
    import csv
    import io

    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(spbe("score", sourced, "-f", "csv").out))}
    assert (rows["I5"]["external_value"], rows["I5"]["conversion_status"]) == ("58.3", "estimate")
    assert rows["I6"]["conversion_status"] == "pending"
    assert rows["I1"]["external_source"] == ""


# --- plan locks ------------------------------------------------------------------------------


def test_plan_never_raises_an_external_indicator_by_default(catalog):
    framework = catalog.get("pemdi-2026")
    assessment = load(catalog, pemdi(catalog, I5="{external: 10}", I6="{external: pending}"))
    locked = plan(assessment, framework, Decimal("4.40"))
    assert locked.locked_external == ("I5", "I6", "I7", "I18")
    assert not {"I5", "I6", "I7", "I18"} & {s.id for s in locked.steps}
    with pytest.raises(Unreachable):  # 86 % of the weight at 5.00, the rest where the other indices put it
        plan(assessment, framework, Decimal("4.50"))
    free = plan(assessment, framework, Decimal("4.50"), unlock_external=True)
    assert free.locked_external == ()
    assert {"I5", "I6", "I7", "I18"} & {s.id for s in free.steps}


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        ("en", "Not raised: I5, I6, I7, I18 take their value from other agencies' indices (--unlock-external"),
        ("id", "Tidak dinaikkan: I5, I6, I7, I18 mengambil nilai dari indeks instansi lain (--unlock-external"),
    ],
)
def test_plan_says_what_it_locked(spbe, sourced, lang, note):
    for fmt in ("table", "markdown"):
        result = spbe("plan", sourced, "-t", "Baik", "--lang", lang, "-f", fmt)
        assert result.code == 0, result.err
        assert note in " ".join(result.out.split())
    data = json.loads(spbe("plan", sourced, "-t", "Baik", "-f", "json", "--lang", lang).out)
    assert data["locked_external"] == ["I5", "I6", "I7", "I18"]
    unlocked = spbe("plan", sourced, "-t", "Baik", "--lang", lang, "--unlock-external")
    assert unlocked.code == 0 and "--unlock-external" not in unlocked.out


def test_plan_shows_a_fraction_as_two_decimals(spbe, sourced):
    result = spbe("plan", sourced, "-t", "4.4", "-f", "markdown")
    assert "| I13 | Aplikasi Pemerintah Digital | 5 | 1.17 | 5.00 |" in result.out


# --- templates -------------------------------------------------------------------------------


def test_init_writes_external_indicators_pending_and_keeps_fractions(spbe, write, catalog):
    previous = write("2026.yaml", pemdi(catalog, I5="{external: 58.3}", I13="7/6"))
    fresh = spbe("init", "--framework", "pemdi-2026").out
    assert "  I5: {external: pending}" in fresh and "  I18: {external: pending}" in fresh
    following = spbe("init", "--from", previous, "--year", "2027").out
    assert "  I13: 7/6" in following and "  I5: {external: pending}" in following
    assert load(catalog, following).entries["I13"].values == (Fraction(7, 6),)


# --- provenance in diff and in results workbooks ----------------------------------------------


@pytest.fixture
def two_years(write, catalog):
    old = write("2026a.yaml", pemdi(catalog, I5="{external: 25}", I7="2.00", I13="2.00"))
    new = write("2026b.yaml", pemdi(catalog, I5="{external: 58.3}", I7="{external: pending}", I13="7/6"))
    return old, new


@pytest.mark.parametrize(
    ("lang", "both", "pending_text", "column"),
    [
        (
            "en",
            "SDI index 25.00 -> 58.30; estimated conversion",
            "EPSS/IPS index pending: 1.00 until it is published",
            "Source of value",
        ),
        (
            "id",
            "Indeks SDI 25,00 -> 58,30; konversi perkiraan",
            "Indeks EPSS/IPS belum terbit: 1,00 sampai dipublikasikan",
            "Asal nilai",
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_diff_says_where_a_changed_value_came_from(spbe, two_years, monkeypatch, lang, both, pending_text, column, fmt):
    monkeypatch.setenv("COLUMNS", "300")
    result = spbe("diff", *two_years, "--lang", lang, "-f", fmt)
    assert result.code == 0, result.err
    text = result.out
    assert column in text
    i5 = next(line for line in text.splitlines() if "I5" in line)
    i13 = next(line for line in text.splitlines() if "I13" in line)
    assert both in i5 and pending_text in text
    assert "SDI" not in i13 and "EPSS" not in i13  # a value typed by the assessors has no source note


def test_diff_without_external_values_has_no_source_column(spbe, write, catalog):
    old = write("a.yaml", pemdi(catalog, I13="2.00"))
    new = write("b.yaml", pemdi(catalog, I13="7/6"))
    assert "Source of value" not in spbe("diff", old, new).out
    assert "Source of value" not in spbe("diff", old, new, "-f", "markdown").out


def test_diff_json_and_csv_carry_both_sides_provenance(spbe, two_years):
    data = json.loads(spbe("diff", *two_years, "-f", "json").out)
    by_id = {i["id"]: i for i in data["indicators"]}
    assert (
        by_id["I5"]["old_external"]["value"] == 25 and by_id["I5"]["old_external"]["conversion_status"] == "confirmed"
    )
    assert (
        by_id["I5"]["new_external"]["value"] == 58.3 and by_id["I5"]["new_external"]["conversion_status"] == "estimate"
    )
    assert by_id["I7"]["old_external"] is None and by_id["I7"]["new_external"]["conversion_status"] == "pending"
    assert by_id["I13"]["old_external"] is None and by_id["I13"]["new_external"] is None
    import csv
    import io

    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(spbe("diff", *two_years, "-f", "csv").out))}
    assert (rows["I5"]["external_source"], rows["I5"]["old_external_value"], rows["I5"]["new_external_value"]) == (
        "Indeks Satu Data Indonesia (SDI), Bappenas",
        "25",
        "58.3",
    )
    assert rows["I5"]["conversion_status"] == "estimate"
    assert (rows["I7"]["old_external_value"], rows["I7"]["new_external_value"]) == ("", "pending")
    assert rows["I13"]["external_source"] == "" and rows[""]["external_source"] == ""


@pytest.mark.parametrize(
    ("lang", "header", "note"),
    [
        ("en", "Source of value", "from the SDI index 58.30; estimated conversion"),
        ("id", "Asal nilai", "dari Indeks SDI 58,30; konversi perkiraan"),
    ],
)
def test_results_workbooks_say_where_a_value_came_from(spbe, sourced, two_years, tmp_path, lang, header, note):
    import openpyxl

    out = tmp_path / "score.xlsx"
    assert spbe("score", sourced, "-f", "xlsx", "-o", str(out), "--lang", lang).code == 0
    sheet = openpyxl.load_workbook(out).worksheets[-1]
    headers = [c.value for c in sheet[1]]
    column = headers.index(header)
    by_id = {row[4].value: row[column].value for row in sheet.iter_rows(min_row=2)}
    assert by_id["I5"] == note and by_id["I1"] is None
    out = tmp_path / "diff.xlsx"
    assert spbe("diff", *two_years, "-f", "xlsx", "-o", str(out), "--lang", lang).code == 0
    sheet = openpyxl.load_workbook(out).worksheets[-1]
    headers = [c.value for c in sheet[1]]
    by_id = {row[0].value: row[headers.index(header)].value for row in sheet.iter_rows(min_row=2)}
    assert "25" in by_id["I5"] and "58" in by_id["I5"] and by_id["I13"] is None


@pytest.mark.parametrize(
    ("lang", "estimate", "pending_text"),
    [
        ("en", "from the SDI index 58.30; estimated conversion", "SJIG index pending: 1.00 until it is published"),
        ("id", "dari Indeks SDI 58,30; konversi perkiraan", "Indeks SJIG belum terbit: 1,00 sampai dipublikasikan"),
    ],
)
def test_the_report_says_where_a_value_came_from(spbe, sourced, tmp_path, lang, estimate, pending_text):
    out = tmp_path / "laporan.html"
    assert spbe("report", sourced, "--lang", lang, "-o", str(out)).code == 0
    html = out.read_text(encoding="utf-8")
    assert f"<small>{estimate}</small>" in html and f"<small>{pending_text}</small>" in html


@pytest.mark.parametrize(("lang", "aspect"), [("en", "1.08"), ("id", "1,08")])
def test_aceh_tengah_aspect_5_in_the_score_output(spbe, write, catalog, lang, aspect):
    path = write("aceh.yaml", pemdi(catalog, I13="7/6", I14="1.00"))
    data = json.loads(spbe("score", path, "-f", "json").out)
    assert data["aspects"][4]["index"] == 1.08 and data["aspects"][4]["index_exact"] == "13/12"
    text = spbe("score", path, "--lang", lang).out
    line = next(line for line in text.splitlines() if "Teknologi Pemerintah Digital" in line)
    assert aspect in line
