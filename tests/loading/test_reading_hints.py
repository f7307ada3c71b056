"""What people write by habit, said back in their terms: decimal commas and the YAML mistakes made most."""

from __future__ import annotations

import pytest

from spbe_cli.loading.yamlread import read_yaml
from spbe_cli.problems import InvalidInput

from ..helpers import levels_yaml, uniform


def validate(spbe, path: str, lang: str) -> str:
    result = spbe("validate", path, "--lang", lang)
    assert result.code == 3
    return result.err


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "3,5 is read as two items because of the comma; write 3.5"),
        ("id", "3,5 dibaca sebagai dua butir karena koma; tulis 3.5"),
    ],
)
def test_decimal_comma_inside_braces(spbe, write, catalog, lang, said):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["45"] = "{level: 3,5}"
    err = validate(spbe, write("a.yaml", levels_yaml("spbe-2020", levels)), lang)
    assert said in err
    assert "45[" not in err  # no list position for a mapping key


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "indicator I5 is written with a decimal comma (3,33); write 3.33"),
        ("id", "indikator I5 ditulis dengan koma desimal (3,33); tulis 3.33"),
    ],
)
def test_decimal_comma_as_a_value(spbe, write, catalog, lang, said):
    levels = uniform(catalog, "pemdi-2026", "2.00")
    levels["I5"] = "3,33"
    assert said in validate(spbe, write("a.yaml", levels_yaml("pemdi-2026", levels)), lang)


COMMAS = [
    ("a: {1: 3,2: 4}\n", {1: 3, 2: 4}),
    ("a: [3,2,2]\n", [3, 2, 2]),
    ('a: {level: 3, "5": x}\n', {"level": 3, "5": "x"}),
]


@pytest.mark.parametrize(("text", "read"), COMMAS, ids=[text for text, _ in COMMAS])
def test_commas_between_real_items_are_fine(text, read):
    # a comma between items is no decimal comma: each item is read, as written, without a hint
    assert read_yaml(text.encode(), "a.yaml").data == {"a": read}


BASE = "framework: spbe-2020\ninstitution: Kota X\nyear: 2024\n"
CASES = {
    "tab": (BASE + "levels:\n\t1: 3\n", "a.yaml:5:1:", "replace the tab with spaces", "ganti tab dengan spasi"),
    "tab in a block": (
        BASE + "levels:\n  1: 3\n  \t2: 3\n",
        "a.yaml:6:3:",
        "replace the tab with spaces",
        "ganti tab dengan spasi",
    ),
    "colon": (
        "framework: spbe-2020\ninstitution: Dinas: Kominfo\n",
        "a.yaml:2:",
        "put the text in quotes",
        "beri tanda kutip",
    ),
    "quote": (
        'framework: spbe-2020\ninstitution: "Kota X\nyear: 2024\n',
        "a.yaml:2:14:",
        "quote opened here is never closed",
        "tanda kutip yang dibuka di sini tidak pernah ditutup",
    ),
    "bracket": (
        BASE + "levels: {1: 3, 2: 4\n",
        "a.yaml:",
        "bracket opened on line 4 is not closed",
        "kurung yang dibuka di baris 4 tidak ditutup",
    ),
    "list item": (
        BASE + "levels:\n  35:\n    evidence:\n    - a\n   - b\n",
        "a.yaml:8:",
        "indented wrongly",
        "indentasi baris ini salah",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("lang", ["en", "id"])
def test_common_yaml_mistakes_are_explained_in_both_languages(spbe, write, case, lang):
    text, where, english, indonesian = CASES[case]
    path = write("a.yaml", text)
    err = validate(spbe, path, lang)
    assert err.startswith(path + where[len("a.yaml") :])
    assert (english if lang == "en" else indonesian) in err
    assert ("YAML syntax error: " if lang == "en" else "galat sintaks YAML: ") in err
    assert "while parsing" not in err and "while scanning" not in err and "cannot start any token" not in err
    assert "violates indentation" not in err


# A tab where YAML wants spaces, as people write one: (text, line, column of the tab). libyaml and the
# pure-Python PyYAML word these cases differently ("cannot start any token", "a tab character that
# violates indentation", "... where an indentation space is expected"); each must be explained.
TABS = {
    "indenting a key": ("levels:\n\t1: 3\n", 2, 1),
    "after spaces, inside a block": ("levels:\n  1: 3\n  \t2: 3\n", 3, 3),
    "indenting a nested key": ("levels:\n  1:\n    level: 3\n\t    note: x\n", 4, 1),
    "between spaces": ("levels:\n  1:\n    level: 3\n   \t note: x\n", 4, 4),
    "under a text": ("levels:\n  1:\n    note: a\n\tb\n", 4, 1),
    "a list item": ("levels:\n  1:\n    evidence:\n    - a\n\t- b\n", 5, 1),
    "in a block of text": ("levels:\n  1:\n    note: |\n      abc\n\t  def\n", 5, 1),
    "a line of only a tab": ("levels:\n  1: 3\n\t\n  2: 3\n", 3, 1),
}


@pytest.mark.parametrize("loader", ["CSafeLoader", "SafeLoader"])
@pytest.mark.parametrize("case", list(TABS))
def test_every_tab_is_explained_whatever_the_parser_says(monkeypatch, case, loader):
    import yaml

    from spbe_cli.i18n import M, Messages
    from spbe_cli.loading import yamlread

    if not hasattr(yaml, loader):
        pytest.skip(f"PyYAML without {loader}")
    monkeypatch.setattr(yamlread, "_Loader", getattr(yaml, loader))
    text, line, column = TABS[case]
    with pytest.raises(InvalidInput) as caught:
        read_yaml(text.encode(), "a.yaml")
    (problem,) = caught.value.problems
    assert (problem.line, problem.col) == (line, column)
    assert problem.values["detail"].message is M.yaml_tab
    said = problem.text(Messages("id"))
    assert "ganti tab dengan spasi" in said and "tab character" not in said and "while" not in said


def test_a_tab_is_recognised_in_wording_no_parser_uses_yet():
    import yaml

    from spbe_cli.i18n import M
    from spbe_cli.loading.yamlread import _syntax_phrase

    text = "levels:\n  1: 3\n  \t2: 3\n"
    at_tab = yaml.Mark("a.yaml", 0, 2, 2, None, None)
    for wording in ("something new", "a TAB is not allowed here"):
        mark, phrase = _syntax_phrase(yaml.MarkedYAMLError(None, None, wording, at_tab), text)
        assert phrase.message is M.yaml_tab and (mark.line, mark.column) == (2, 2)
    elsewhere = yaml.Mark("a.yaml", 0, 1, 2, None, None)  # on `  1: 3`, no tab in sight
    _, phrase = _syntax_phrase(yaml.MarkedYAMLError(None, None, "tabs are not allowed", elsewhere), text)
    assert phrase.message is M.yaml_tab
    _, detail = _syntax_phrase(yaml.MarkedYAMLError(None, None, "something else", elsewhere), text)
    assert detail == "something else"  # no tab: PyYAML's own words are kept


def test_other_syntax_errors_keep_the_detail():
    with pytest.raises(InvalidInput) as caught:
        read_yaml(b"a: &x 1\nb: *y\n", "a.yaml")
    assert "y" in str(caught.value.problems[0])


@pytest.mark.parametrize("line_break", ["\n", "\r\n", "\r", "\x85", "\u2028"], ids=["LF", "CRLF", "CR", "NEL", "LS"])
def test_the_decimal_comma_hint_counts_lines_as_yaml_does(line_break):
    # YAML breaks lines at CR, NEL and U+2028 too: the hint must find the comma on the line YAML means
    text = f"framework: spbe-2020{line_break}levels: {{1: 3,5}}\n"
    with pytest.raises(InvalidInput) as refused:
        read_yaml(text.encode(), "a.yaml")
    assert [str(p) for p in refused.value.problems] == [
        "a.yaml:2:15: 3,5 is read as two items because of the comma; write 3.5 (a decimal point)"
    ]


def test_a_line_break_yaml_knows_never_crashes_the_reader():
    with pytest.raises(InvalidInput) as refused:  # found by test_costs_files_never_crash
        read_yaml("[\x85  1: 3\n".encode(), "a.yaml")
    assert str(refused.value.problems[0]).startswith("a.yaml:3:1: YAML syntax error")
