"""Suggestions for unknown keys and ids: Indonesian key names, ids in another form, never nonsense."""

from __future__ import annotations

import pytest

from spbe_cli.core.suggest import suggest_indicator, suggest_key

from ..helpers import EXAMPLES, levels_yaml, uniform

TOP = ("framework", "institution", "year", "levels")
ENTRY = ("level", "target", "note", "evidence", "pic")


@pytest.mark.parametrize(
    ("word", "choices", "meant"),
    [
        ("tahun", TOP, "year"),
        ("instansi", TOP, "institution"),
        ("Instansi", TOP, "institution"),
        ("catatan", ENTRY, "note"),
        ("bukti", ENTRY, "evidence"),
        ("opd", ENTRY, "pic"),
        ("OPD", ENTRY, "pic"),
        ("nilai", ENTRY, "level"),
        ("nilai", TOP, "levels"),
        ("sasaran", ENTRY, "target"),
        ("yeer", TOP, "year"),
        ("instituton", TOP, "institution"),
    ],
)
def test_key_suggestions(word, choices, meant):
    assert suggest_key(word, choices) == meant


@pytest.mark.parametrize(
    ("word", "choices", "present"),
    [
        ("xyz", TOP, ()),  # nothing close
        ("tahun", TOP, ("year",)),  # year is already in the file
        ("48", [str(n) for n in range(1, 48)], ()),  # a number is never a misspelling of another
        ("1-10", ["default", "indicators"], ()),
    ],
)
def test_no_suggestion_when_none_is_close_or_it_is_there(word, choices, present):
    assert suggest_key(word, choices, present) is None


@pytest.mark.parametrize(
    ("word", "ids", "present", "meant"),
    [
        ("5", ["I5", "I6"], (), "I5"),
        ("i5", ["I5", "I6"], (), "I5"),
        ("I5", ["5", "6"], (), "5"),
        ("05", ["5", "6"], (), "5"),
        ("48", ["8", "4"], (), None),
        ("I21", ["I2", "I1"], (), None),
        ("5", ["I5"], ("I5",), None),  # already in the file
    ],
)
def test_indicator_suggestions(word, ids, present, meant):
    assert suggest_indicator(word, ids, present) == meant


def validate(spbe, path: str, lang: str) -> str:
    return spbe("validate", path, "--lang", lang).err


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "unknown key 'tahun'; did you mean 'year'?",
                "unknown key 'instansi'; did you mean 'institution'?",
                "unknown key 'catatan'; did you mean 'note'?",
                "unknown key 'opd'; did you mean 'pic'?",
                "unknown key 'bukti'; did you mean 'evidence'?",
                "'target' belongs to each indicator",
            ],
        ),
        (
            "id",
            [
                "kunci 'tahun' tidak dikenal; maksud Anda 'year'?",
                "kunci 'instansi' tidak dikenal; maksud Anda 'institution'?",
                "kunci 'catatan' tidak dikenal; maksud Anda 'note'?",
                "kunci 'opd' tidak dikenal; maksud Anda 'pic'?",
                "kunci 'bukti' tidak dikenal; maksud Anda 'evidence'?",
                "'target' ditulis per indikator",
            ],
        ),
    ],
)
def test_indonesian_keys_point_to_the_english_ones(spbe, write, catalog, lang, expected):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["4"] = "{level: 3, catatan: rapat, opd: Diskominfo, bukti: [SK]}"
    text = levels_yaml("spbe-2020", levels).replace("institution:", "instansi:").replace("year:", "tahun:")
    text = text.replace("levels:", "target: 3\nlevels:")
    err = validate(spbe, write("a.yaml", text), lang)
    for line in expected:
        assert line in err


@pytest.mark.parametrize("lang", ["en", "id"])
def test_an_id_the_file_has_is_never_suggested(spbe, write, catalog, lang):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["48"] = 3
    err = validate(spbe, write("a.yaml", levels_yaml("spbe-2020", levels)), lang)
    assert "'8'" not in err
    assert "1" in err and "47" in err  # the range is given instead


@pytest.mark.parametrize(("lang", "hint"), [("en", "did you mean I5, I6?"), ("id", "maksud Anda I5, I6?")])
def test_lock_suggests_pemdi_ids(spbe, lang, hint):
    result = spbe("plan", str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), "-t", "3", "--lock", "5,6", "--lang", lang)
    assert result.code == 2
    assert hint in result.err
