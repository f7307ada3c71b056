"""Validation of assessment files: every problem, located, in the user's terms."""

from __future__ import annotations

from fractions import Fraction

import pytest

from spbe_cli.core.assessment import Evidence
from spbe_cli.i18n import Messages
from spbe_cli.loading.checker import validate_data
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.problems import InvalidInput

from ..helpers import levels_yaml, uniform


def problems(catalog, text: str) -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        parse_assessment(text.encode("utf-8"), "a.yaml", catalog)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize("framework_id", ["spbe-2018", "spbe-2020", "pemdi-2026"])
def test_minimal_form_is_accepted_for_every_framework(catalog, framework_id):
    low = catalog.get(framework_id).min_value
    assessment = parse_assessment(
        levels_yaml(framework_id, uniform(catalog, framework_id, low + 1)).encode(), "a.yaml", catalog
    )
    assert assessment.framework == framework_id
    assert len(assessment.entries) == len(catalog.get(framework_id).indicators)


def test_rich_form(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["12"] = '{level: 3, target: 4, note: "Peta rencana", evidence: ["https://a", "b"], pic: "Bappeda"}'
    assessment = parse_assessment(levels_yaml("spbe-2020", levels).encode(), "a.yaml", catalog)
    entry = assessment.entries["12"]
    assert entry.values == (3,)
    assert entry.target == 4
    assert entry.note == "Peta rencana"
    # A bare string is an evidence item: a link where it looks like one, else a reference (title).
    assert entry.evidence == (Evidence(link="https://a"), Evidence(title="b"))
    assert entry.pic == ("Bappeda",)


def test_indicator_35_of_2018_takes_a_list(catalog):
    levels = uniform(catalog, "spbe-2018", 2)
    levels["35"] = "[3, 2, 0]"
    assert parse_assessment(levels_yaml("spbe-2018", levels).encode(), "a.yaml", catalog).entries["35"].values == (
        3,
        2,
        0,
    )
    levels["35"] = "{level: [4, 1], pic: Dinas Kesehatan}"
    assert parse_assessment(levels_yaml("spbe-2018", levels).encode(), "a.yaml", catalog).entries["35"].values == (4, 1)


def test_other_indicators_do_not_take_a_list(catalog):
    levels = uniform(catalog, "spbe-2018", 2)
    levels["34"] = "[3, 2]"
    (message,) = problems(catalog, levels_yaml("spbe-2018", levels))
    assert (
        message
        == "a.yaml:38:7: indicator 34 takes one value, not a list (only indicators assessed per service take a list)"
    )


def test_pemdi_decimals_are_read_exactly(catalog):
    levels = uniform(catalog, "pemdi-2026", "1.00")
    levels["I1"] = "1.17"
    levels["I2"] = "3"
    assessment = parse_assessment(levels_yaml("pemdi-2026", levels).encode(), "a.yaml", catalog)
    assert assessment.entries["I1"].values == (Fraction(117, 100),)
    assert assessment.entries["I2"].values == (3,)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("true", "indicator 5 must be a whole number from 1 to 5, not true"),
        ("'3'", "indicator 5 must be a whole number from 1 to 5, not text '3'"),
        ("3.0", "indicator 5 must be a whole number from 1 to 5, not 3.0"),
        ("3.5", "indicator 5 must be a whole number from 1 to 5, not 3.5"),
        ("0", "indicator 5 must be a whole number from 1 to 5, not 0"),
        ("6", "indicator 5 must be a whole number from 1 to 5, not 6"),
        (".nan", "indicator 5 must be a whole number from 1 to 5, not .nan"),
    ],
)
def test_spbe_2020_bad_levels(catalog, value, message):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["5"] = value
    assert problems(catalog, levels_yaml("spbe-2020", levels)) == [f"a.yaml:9:6: {message}"]


@pytest.mark.parametrize(
    ("value", "got"),
    [
        ("true", "true"),
        ("'2.5'", "text '2.5'"),
        (".nan", ".nan"),
        (".inf", ".inf"),
        ("0.99", "0.99"),
        ("5.01", "5.01"),
    ],
)
def test_pemdi_bad_values(catalog, value, got):
    levels = uniform(catalog, "pemdi-2026", "2.00")
    levels["I3"] = value
    assert problems(catalog, levels_yaml("pemdi-2026", levels)) == [
        f"a.yaml:7:7: indicator I3 must be a number from 1 to 5 (decimals such as 2.25, or an exact fraction such as 7/6), not {got}"
    ]


def test_missing_indicators_are_listed_together(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    for indicator_id in ("7", "46", "47"):
        del levels[indicator_id]
    assert problems(catalog, levels_yaml("spbe-2020", levels)) == [
        "a.yaml:4:1: missing 3 indicators of spbe-2020: 7, 46, 47"
    ]


def test_unknown_keys_get_a_suggestion(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["4"] = "{level: 3, trget: 4}"
    text = levels_yaml("spbe-2020", levels).replace("institution:", "instituton:")
    found = problems(catalog, text)
    assert "a.yaml:2:1: unknown key 'instituton'; did you mean 'institution'?" in found
    assert "a.yaml:1:1: missing key 'institution'" in found
    assert "a.yaml:8:17: unknown key 'trget'; did you mean 'target'?" in found


def test_unknown_indicator(catalog):
    levels = uniform(catalog, "pemdi-2026", "2.00")
    levels["I21"] = "2.00"
    assert problems(catalog, levels_yaml("pemdi-2026", levels)) == [
        "a.yaml:25:3: unknown indicator 'I21' (pemdi-2026 has indicators I1 to I20)"  # never I2: it is there
    ]
    levels.pop("I21")
    levels["X9"] = "1"
    assert problems(catalog, levels_yaml("pemdi-2026", levels)) == [
        "a.yaml:25:3: unknown indicator 'X9' (pemdi-2026 has indicators I1 to I20)"
    ]


def test_unknown_framework_suggests(catalog):
    assert problems(catalog, "framework: spbe-2021\ninstitution: X\nyear: 2024\nlevels: {}\n") == [
        "a.yaml:1:12: unknown framework text 'spbe-2021'; did you mean 'spbe-2020'? (known: spbe-2018, spbe-2020, pemdi-2026)"
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("year: 1999", "a.yaml:3:7: year must be a whole number from 2000 to 2100, not 1999"),
        ("year: '2024'", "a.yaml:3:7: year must be a whole number from 2000 to 2100, not text '2024'"),
        ("year: true", "a.yaml:3:7: year must be a whole number from 2000 to 2100, not true"),
        ("year: 2024.0", "a.yaml:3:7: year must be a whole number from 2000 to 2100, not 2024.0"),
    ],
)
def test_year(catalog, line, message):
    text = levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3)).replace("year: 2024", line)
    assert problems(catalog, text) == [message]


@pytest.mark.parametrize("value", ["''", "'   '", "~", "12"])
def test_institution_must_be_text(catalog, value):
    text = levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3)).replace(
        "institution: Pemerintah Kota Uji", f"institution: {value}"
    )
    (message,) = problems(catalog, text)
    assert message.startswith("a.yaml:2:14: institution must be a non-empty text")


def test_every_problem_is_reported_at_once(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["1"] = "9"
    levels["2"] = "x"
    del levels["3"]
    text = levels_yaml("spbe-2020", levels).replace("year: 2024", "year: 3000")
    assert len(problems(catalog, text)) == 4


def test_top_level_must_be_a_mapping(catalog):
    assert problems(catalog, "- 1\n- 2\n") == [
        "a.yaml:1:1: expected a mapping with keys framework, institution, year, levels, found a list"
    ]


def test_entry_needs_a_level(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["9"] = "{target: 4}"
    assert problems(catalog, levels_yaml("spbe-2020", levels)) == [
        "a.yaml:13:6: indicator 9: missing key 'level' (or a value per stage: mandiri, dokumen, interviu, visitasi, akhir)"
    ]


def test_evidence_must_be_texts(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["9"] = "{level: 3, evidence: [1]}"
    (message,) = problems(catalog, levels_yaml("spbe-2020", levels))
    assert "indicator 9 evidence item 1 must be text" in message


@pytest.mark.parametrize(
    ("lang", "said"),
    [("en", "indicator 35 item 2 must be a whole number from 0 to 5, not 9"), ("id", "indikator 35 butir ke-2 harus")],
)
def test_a_place_in_a_list_is_said_in_words(catalog, lang, said):
    # never `35[2]`: a list position is counted from 1, in the reader's words
    levels = uniform(catalog, "spbe-2018", 3)
    levels["35"] = "[3, 9, 2]"
    with pytest.raises(InvalidInput) as caught:
        parse_assessment(levels_yaml("spbe-2018", levels, year=2019).encode(), "a.yaml", catalog)
    (problem,) = caught.value.problems
    assert problem.text(Messages(lang)).startswith(said) and "[" not in problem.text(Messages(lang))


def test_validate_data_for_library_use(catalog):
    data = {
        "framework": "spbe-2020",
        "institution": "X",
        "year": 2024,
        "levels": {int(k): 3 for k in uniform(catalog, "spbe-2020", 3)},
    }
    assert validate_data(data, catalog).institution == "X"
    data["levels"][1] = 7
    with pytest.raises(InvalidInput) as caught:
        validate_data(data, catalog)
    assert "indicator 1 must be a whole number from 1 to 5, not 7" in str(caught.value)
