"""A level written by its official name (`level: Rintisan`) is read as its number; any other name is
refused with the number to write."""

from __future__ import annotations

import json
from fractions import Fraction

import pytest

from spbe_cli.core.framework import levels_by_name, name_forms
from spbe_cli.i18n import Messages
from spbe_cli.loading.catalog import parse_catalog
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.problems import InvalidInput

from ..helpers import MINI_FRAMEWORKS, levels_yaml, uniform


def read(catalog, framework: str, changes: dict[str, str], base: object = 3):
    levels = uniform(catalog, framework, base)
    levels.update(changes)
    year = {"spbe-2018": 2019, "spbe-2020": 2024, "pemdi-2026": 2026}[framework]
    return parse_assessment(levels_yaml(framework, levels, year=year).encode(), "a.yaml", catalog)


def refusals(catalog, framework: str, changes: dict[str, str], lang: str = "en", base: object = 3) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        read(catalog, framework, changes, base)
    return [f"{problem.place}: {problem.text(Messages(lang))}" for problem in caught.value.problems]


def test_official_spbe_2020_names_read_as_their_numbers(catalog):
    named = read(
        catalog,
        "spbe-2020",
        {
            "1": "Rintisan",
            "2": "{level: terkelola, target: Terdefinisi}",  # case does not matter
            "4": "Terpadu  dan   Terukur",  # nor spacing
            "31": "Optimum",
            "40": "{mandiri: Optimum, akhir: Kolaborasi}",  # the service scale of indicators 32-47
            "41": "Informasi",
        },
    )
    numbered = read(
        catalog,
        "spbe-2020",
        {"1": "1", "2": "{level: 2, target: 3}", "4": "4", "31": "5", "40": "{mandiri: 5, akhir: 4}", "41": "1"},
    )
    assert named.entries == numbered.entries
    assert named.entries["40"].stage_values == {"mandiri": (5,), "akhir": (4,)}


def test_official_pemdi_names_read_as_their_numbers(catalog):
    named = read(
        catalog,
        "pemdi-2026",
        {"I1": "Merintis", "I2": "Initiate", "I3": "Merintis (Initiate)", "I4": "{mandiri: unggul, target: Leading}"},
        base="2.00",
    )
    assert [named.entries[i].values for i in ("I1", "I2", "I3")] == [(Fraction(1),)] * 3
    assert named.entries["I4"].stage_values["mandiri"] == (Fraction(5),) and named.entries["I4"].target == 5


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "a.yaml:44:7: indicator 40 must be a whole number from 1 to 5, not text 'Rintisan'; write the level's"
            " number (1 Informasi, 2 Interaksi, 3 Transaksi, 4 Kolaborasi, 5 Optimum)",
        ),
        (
            "id",
            "a.yaml:44:7: indikator 40 harus bilangan bulat dari 1 sampai 5, bukan teks 'Rintisan'; tulis angka"
            " tingkatnya (1 Informasi, 2 Interaksi, 3 Transaksi, 4 Kolaborasi, 5 Optimum)",
        ),
    ],
)
def test_a_name_of_the_other_scale_is_refused_with_the_numbers(catalog, lang, said):
    assert refusals(catalog, "spbe-2020", {"40": "Rintisan"}, lang) == [said]


def test_names_that_are_not_official_are_refused_with_the_number(catalog):
    # "Optimalisasi" is in no official text; a predikat is not a level (Baik is 2.50 to 3.50)
    (optimalisasi,) = refusals(catalog, "spbe-2020", {"45": "Optimalisasi"})
    assert "not text 'Optimalisasi'; write the level's number (1 Informasi," in optimalisasi
    (baik,) = refusals(catalog, "pemdi-2026", {"I2": "Baik"}, base="2.00")
    assert "not text 'Baik'; write the level's number (1 Merintis (Initiate), 2 Membangun (Emerging)," in baik
    (other,) = refusals(catalog, "spbe-2020", {"12": "{level: 3, target: tiga}"})
    assert "indicator 12 target must be a whole number from 1 to 5, not text 'tiga'; write the level's" in other
    (quoted,) = refusals(catalog, "spbe-2020", {"12": '"3"'})  # a quoted number: no list of names
    assert quoted.endswith("indicator 12 must be a whole number from 1 to 5, not text '3'")


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "indicator 20: spbe-2018 takes the level's number, not its name: write 1 for 'Rintisan'"),
        ("id", "indikator 20: spbe-2018 memakai angka tingkat, bukan namanya: tulis 1 untuk 'Rintisan'"),
    ],
)
def test_spbe_2018_names_are_not_official_and_give_the_number(catalog, lang, said):
    # the 2018 names in indicators.yaml paraphrase training material: read nowhere as a value
    (message,) = refusals(catalog, "spbe-2018", {"20": "Rintisan"}, lang)
    assert message.endswith(said)


def test_a_sheet_may_give_the_name_too(spbe, catalog, write, tmp_path):
    source = write("a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3)))
    sheet = tmp_path / "a.csv"
    assert spbe("export", source, "-o", sheet).code == 0
    lines = sheet.read_text(encoding="utf-8-sig").splitlines()
    header = lines[0].split(",")
    cells = lines[1].split(",")
    cells[header.index("nilai")] = "Rintisan"
    sheet.write_text("\n".join([lines[0], ",".join(cells), *lines[2:]]) + "\n", encoding="utf-8")
    result = spbe("score", sheet, "-d", "-f", "json")
    assert result.code == 0, result.err
    values = {item["id"]: item["value"] for item in json.loads(result.out)["indicators"]}
    assert values["1"] == 1 and values["2"] == 3


def test_name_forms_and_a_name_two_levels_share():
    assert name_forms("Merintis (Initiate)") == {"merintis (initiate)", "merintis", "initiate"}
    assert name_forms("Terpadu dan Terukur") == {"terpadu dan terukur"}
    assert levels_by_name({1: "Satu", 2: "Dua (Satu)"}) == {"dua (satu)": 2, "dua": 2}  # "satu" names neither


def test_a_custom_frameworks_file_may_declare_official_names():
    text = MINI_FRAMEWORKS.replace("    scale: s\n", "    official_level_names: [s]\n    scale: s\n")
    framework = parse_catalog(text.encode(), "fw.yaml").get("mini")
    assert framework.level_named("M1", "lima") == 5 and framework.level_named("M1", "Dua") is None
    assert parse_catalog(MINI_FRAMEWORKS.encode(), "fw.yaml").get("mini").level_named("M1", "Lima") is None


def test_the_schema_lets_editors_accept_the_official_names(spbe, catalog):
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(json.loads(spbe("schema", "--framework", "spbe-2020").out))
    levels = uniform(catalog, "spbe-2020", 3)

    def valid(**changes: object) -> bool:
        document = {"framework": "spbe-2020", "institution": "Kota Uji", "year": 2024, "levels": {**levels, **changes}}
        return validator.is_valid(document)

    assert valid(**{"1": "Rintisan", "40": {"mandiri": "Optimum", "target": "Kolaborasi"}})
    assert not valid(**{"1": "Optimalisasi"}) and not valid(**{"1": 6})
