"""From SPBE to Pemdi: a comparison across frameworks says what it is, and never gates."""

from __future__ import annotations

import json

import pytest

from ..helpers import levels_yaml, uniform


@pytest.fixture
def years(write, catalog):
    """The same kabupaten: 2025 on spbe-2020 and 2026 on pemdi-2026, both Cukup, on different bands."""
    spbe_2020 = uniform(catalog, "spbe-2020", 2)
    spbe_2020.update({str(n): 3 for n in range(1, 11)})
    pemdi = uniform(catalog, "pemdi-2026", "1.50")
    pemdi.update({"I5": "{external: 25}", "I19": "2.25", "I20": "2.25"})
    old = write("2025.yaml", levels_yaml("spbe-2020", spbe_2020, institution="Kabupaten Uji", year=2025))
    new = write("2026.yaml", levels_yaml("pemdi-2026", pemdi, institution="Kabupaten Uji", year=2026))
    return old, new


def test_json_keeps_the_delta_and_says_not_comparable(spbe, years):
    data = json.loads(spbe("diff", *years, "-f", "json").out)
    assert data["comparable"] is False and data["same_framework"] is False
    assert data["predikat_change"] is None  # bands differ: "unchanged" would be wrong
    assert data["delta"] == round(data["new"]["index"] - data["old"]["index"], 2)
    assert data["old"]["band"]["predikat"] == data["old"]["predikat"]
    assert data["new"]["band"]["next"] == "Baik"
    assert data["domains"] == [] and data["aspects"] == [] and data["indicators"] == []


def test_same_framework_is_comparable(spbe, years, write, catalog):
    data = json.loads(spbe("diff", years[0], years[0], "-f", "json").out)
    assert data["comparable"] is True and data["predikat_change"] == "same"


@pytest.mark.parametrize(
    ("lang", "title", "instruments", "position", "no_names"),
    [
        (
            "en",
            "Indeks SPBE 2025 -> Indeks Pemdi 2026: Kabupaten Uji",
            "Different instruments:",
            "% of the way to",
            "No domain or aspect has the same name in both frameworks",
        ),
        (
            "id",
            "Indeks SPBE 2025 -> Indeks Pemdi 2026: Kabupaten Uji",
            "Instrumen berbeda:",
            "% menuju",
            "Tidak ada domain atau aspek yang bernama sama di kedua kerangka",
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_human_output_names_both_indices_and_leads_with_the_instruments(
    spbe, years, lang, title, instruments, position, no_names, fmt
):
    result = spbe("diff", *years, "--lang", lang, "-f", fmt)
    assert result.code == 0, result.err
    lines = [line.lstrip("#> ").strip() for line in result.out.splitlines() if line.strip()]
    assert lines[0] == title
    assert lines[1].startswith(instruments)  # the statement comes before any figure
    text = " ".join(result.out.split())
    assert position in text and no_names in text
    for unwanted in ("Predikat unchanged", "Predikat tetap", "Change in", "Perubahan Indeks", "matched by name"):
        assert unwanted not in text
    assert "Indeks Pemdi 2026: 1" in text and "Cukup" in text


def test_each_index_shows_its_place_in_its_own_band(spbe, years):
    text = " ".join(spbe("diff", *years).out.split())
    data = json.loads(spbe("diff", *years, "-f", "json").out)
    for side in ("old", "new"):
        band = data[side]["band"]
        share = round(band["share"] * 100)
        assert f"{band['predikat']}, {share} % of the way to {band['next']}" in text


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "--fail-on-drop not applied: spbe-2020 and pemdi-2026 are different instruments"),
        ("id", "--fail-on-drop tidak diterapkan: spbe-2020 dan pemdi-2026 adalah instrumen berbeda"),
    ],
)
def test_gates_never_fail_across_frameworks_and_say_why(spbe, years, lang, said):
    result = spbe("diff", *years, "--fail-on-drop", "--fail-on-predikat-drop", "--lang", lang)
    assert result.code == 0
    assert said in result.err and "--fail-on-predikat-drop" in result.err
    assert spbe("diff", *years, "--lang", lang).err == ""


def test_band_position_at_the_edges(catalog):
    from decimal import Decimal
    from fractions import Fraction

    spbe, pemdi = catalog.get("spbe-2020"), catalog.get("pemdi-2026")
    assert spbe.band_position(Decimal("2.48")) == ("Cukup", "Baik", Fraction(17, 20))  # 85 % of the way
    assert spbe.band_position(Decimal("2.60")) == ("Baik", "Sangat Baik", 0)
    assert pemdi.band_position(Decimal("4.00")) == ("Memuaskan", None, None)
    assert pemdi.band_position(Decimal("1.00")) == ("Kurang", "Cukup", 0)
    assert pemdi.band_position(Decimal("1.25")) == ("Kurang", "Cukup", Fraction(1, 2))


@pytest.mark.parametrize("lang", ["en", "id"])
def test_init_from_spbe_to_pemdi_keeps_institution_year_and_offices_only(spbe, write, catalog, lang):
    spbe_2020 = uniform(catalog, "spbe-2020", 3)
    spbe_2020["12"] = "{level: 4, pic: [Bappeda, Diskominfo]}"
    spbe_2020["13"] = '{level: 2, pic: "BPKAD"}'
    old = write("2025.yaml", levels_yaml("spbe-2020", spbe_2020, institution="Kabupaten Uji", year=2025))
    result = spbe("init", "--from", old, "--framework", "pemdi-2026", "--lang", lang)
    assert result.code == 0, result.err
    text = result.out
    assert "framework: pemdi-2026" in text and 'institution: "Kabupaten Uji"' in text and "year: 2026" in text
    said = {
        "en": "no official concordance between spbe-2020 and pemdi-2026",
        "id": "tidak ada padanan resmi antara spbe-2020 dan pemdi-2026",  # comments in the user's language
    }
    assert said[lang] in text
    assert "#   - Bappeda\n#   - Diskominfo\n#   - BPKAD\n" in text
    assert "  I5: {external: pending}" in text and "  I18: {external: pending}" in text
    fresh = spbe(
        "init", "--framework", "pemdi-2026", "--institution", "Kabupaten Uji", "--year", "2026", "--lang", lang
    ).out
    # the levels are written exactly as `spbe init --framework` writes them
    assert text[text.index("levels:") :] == fresh[fresh.index("levels:") :]
    assert result.err == ""


def test_init_from_to_the_same_framework_is_next_year(spbe, write, catalog):
    old = write("2024.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), year=2024))
    text = spbe("init", "--from", old, "--framework", "spbe-2020").out
    assert "year: 2025" in text and "  1: 3" in text and "concordance" not in text


def test_init_move_outside_the_new_framework_years_says_so(spbe, write, catalog):
    old = write("2024.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), year=2024))
    result = spbe("init", "--from", old, "--framework", "pemdi-2026")
    assert result.code == 0 and "2025 is outside the years of pemdi-2026" in result.err
