"""The quick reader (`yamlplain`) and the strict reader (`yamlread`'s event walk) agree on every text.

For any bytes, the quick reader either gives up (the strict reader then reads the file, refusing and
locating what it refuses) or gives exactly the data the strict reader gives: the same keys in the
same order, the same values of the same types (an int is not a Decimal is not a bool; Decimal('2.50')
keeps its places). So it never accepts what the strict reader refuses. Checked on generated YAML
(valid subset documents, and lines built from the pieces YAML gives meaning to), on real files
mutated at random, and on every text literal the test suite holds (its hostile cases among them).
"""

from __future__ import annotations

import ast
import re
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from spbe_cli.loading.yamlplain import OUTSIDE, OUTSIDE_ASCII, read_plain
from spbe_cli.loading.yamlread import decode, read_strictly, read_yaml
from spbe_cli.problems import InvalidInput

ROOT = Path(__file__).resolve().parents[2]


def same(quick: object, strict: object) -> bool:
    """Equal, and of the same types all the way down (1, True, 1.0 and Decimal('1') are four values)."""
    if type(quick) is not type(strict):
        return False
    if isinstance(quick, dict):
        assert isinstance(strict, dict)
        return len(quick) == len(strict) and all(
            same(k1, k2) and same(v1, v2) for (k1, v1), (k2, v2) in zip(quick.items(), strict.items(), strict=True)
        )
    if isinstance(quick, list):
        assert isinstance(strict, list)
        return len(quick) == len(strict) and all(same(a, b) for a, b in zip(quick, strict, strict=True))
    if isinstance(quick, Decimal):
        return str(quick) == str(strict)
    return quick == strict


def check(data: bytes) -> bool:
    """The two readers agree on `data`; True when the quick reader read it (did not give up)."""
    try:
        text = decode(data, "p.yaml")
    except InvalidInput:
        return False  # refused before either reader runs (size, NUL, not UTF-8, empty)
    quick = read_plain(text)
    if currently_in_test_context():  # statistics: pytest --hypothesis-show-statistics
        event("read quickly" if quick is not None else "left to the strict reader")
    if quick is None:
        return False
    try:
        strict = read_strictly(data, "p.yaml", positions=False).data
    except InvalidInput as error:
        raise AssertionError(f"read quickly, refused strictly: {[str(p) for p in error.problems]}\n{text!r}") from None
    assert same(quick, strict), f"{quick!r}\n!=\n{strict!r}\nfor {text!r}"
    assert read_yaml(data, "p.yaml", positions=False).data is not None
    return True


# --- valid documents of the subset, which the quick reader must read -----------------------------------

WORDS = ["level", "pic", "note", "framework", "I1", "I12", "a-b", "x_y", "Yesterday", "nol", "onward"]
# Scalars of the subset anywhere (FLOW_SCALARS), and in block context only (SCALARS: colons, commas).
FLOW_SCALARS = st.one_of(
    st.integers(0, 999_999_999).map(str),
    st.builds(
        lambda whole, places: f"{whole}.{places}", st.integers(0, 99), st.from_regex(r"[0-9]{1,6}", fullmatch=True)
    ),
    st.sampled_from(
        ["Diskominfo", "Pemerintah Kota Uji", "spbe-2020", "catatan", "R&D 2.0", "7/6", "Café", "São Tomé"]
    ),
    st.sampled_from(['"Diskominfo"', '"a, b: c # d"', '"https://x.go.id/a"', "'it''s'", "''", '""', "'[x]'"]),
)
SCALARS = FLOW_SCALARS | st.sampled_from(["https://x.go.id/a?b=1", "a, b", "x [1]", "a#b", "x{y}"])


@st.composite
def flows(draw, depth=0):
    """A flow mapping or list of flow scalars, sometimes with a flow collection inside."""
    items = st.one_of(FLOW_SCALARS, flows(depth + 1)) if depth < 2 else FLOW_SCALARS
    if draw(st.booleans()):
        pairs = draw(st.lists(st.tuples(st.sampled_from(WORDS), items), max_size=4, unique_by=lambda p: p[0]))
        return "{" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}"
    return "[" + draw(st.sampled_from([", ", ",", " , "])).join(draw(st.lists(items, max_size=4))) + "]"


@st.composite
def documents(draw, depth=0, indent=0):
    """Lines of a block mapping at `indent`, each key once, values scalars, flows or blocks below."""
    lines = []
    keys = draw(st.lists(st.sampled_from(WORDS) | st.integers(0, 60).map(str), min_size=1, max_size=6, unique=True))
    step = draw(st.sampled_from([1, 2, 4]))
    pad = " " * indent
    for key in keys:
        kind = draw(st.sampled_from(["scalar", "scalar", "flow", "flow", "block", "list", "null", "comment"]))
        if kind == "scalar":
            lines.append(f"{pad}{key}: {draw(SCALARS)}")
        elif kind == "flow":
            lines.append(f"{pad}{key}: {draw(flows())}")
        elif kind == "block" and depth < 3:
            lines.append(f"{pad}{key}:")
            lines.extend(draw(documents(depth + 1, indent + step)))
        elif kind == "list":
            lines.append(f"{pad}{key}:")
            items = st.one_of(SCALARS, flows())
            lines.extend(f"{pad}{' ' * step}- {draw(items)}" for _ in range(draw(st.integers(1, 3))))
        elif kind == "comment":
            lines.append(f"{pad}{key}: {draw(SCALARS)}  # a comment")
            lines.append(f"{' ' * draw(st.integers(0, 8))}# another")
        else:
            lines.append(f"{pad}{key}:")
    return lines


@settings(max_examples=300, deadline=None)
@given(documents(), st.sampled_from(["\n", "\r\n"]))
def test_documents_of_the_subset_are_read_quickly_and_alike(lines, end):
    data = (end.join(lines) + end).encode("utf-8")
    assert check(data), data  # read quickly: the property below is not met by giving up on everything


# --- lines built from what YAML gives meaning to: most of them outside the subset ------------------------

INDENTS = st.sampled_from(["", "", "  ", "  ", "    ", " ", "   ", "\t", " \t"])
KEYS = st.sampled_from(
    [
        "a", "b", "level", "I1", "12", "12", "0", "7", "007", "012", "1_0", "0x1", "1.0", "1e3", "+1", "-1",
        "123456789", "1234567890", "yes", "No", "ON", "off", "True", "FALSE", "null", "Null", "~", "y", "n",
        '"12"', "'a'", '"a"', "<<", "?", "? a", "&x a", "*x", "!!str a", "!!int 1", "-", "a b", "a:b", "é",
        "", " ", "a#b", "[a]", "{a: 1}", "a" * 130, "=",
    ]
)  # fmt: skip
SEPARATORS = st.sampled_from([": ", ": ", ":", ":  ", " : ", ":\t", "::", "", ": # c", ":#"])
VALUES = st.sampled_from(
    [
        "3", "0", "00", "012", "0o12", "0x1F", "0b11", "1_000", "+3", "-3", "1e3", "1.5e3", "3.", ".5", "2.50",
        "2.05", "1:30", "2024-01-01", "2024-01-01 10:00:00", "7/6", "3,5", ".inf", "-.inf", ".nan", ".NaN",
        "~", "null", "Null", "NULL", "yes", "Yes", "on", "OFF", "true", "False", "y", "n", "=", "<<",
        "a", "catatan", "a b", "a #b", "a#b", "a: b", "a:b", "a :b", "a:", "http://x.go.id", "R&D", "a, b",
        "x - y", "|", "|-\n  text", ">\n  folded", "&a 3", "*a", "!!str 3", "!!int '3'", "!x 3", "!!python/name:os",
        "@x", "`x`", "%x", "-", "- a", "? x", ": x", ",", "#", "# c", "'", '"', "'a''b'", "'a'b'", '"a\\"b"',
        '"a\\tb"', '"a" x', "'a' #c", '"a"#c', "''", '""', "[]", "[ ]", "{}", "{ }", "[1, 2]", "[1,2]", "[1, 2,]",
        "[1 2]", "[a, [b]]", "[*a]", "[&a 1]", "[a: 1]", "[? a]", "[-1]", "[.5]", "['a', \"b\"]", "[a #c]",
        "{a: 1, b: 2}", "{a: 1,b: 2}", "{a: 1, a: 2}", "{level: 3,5}", "{level: 3, 5}", "{level: 3,5: 2}",
        "{a: 1, }", "{a: }", "{a:1}", "{a}", "{a: [1]}", "{12: 3}", "{yes: 1}", "{1.0: 1}", "{'a': 1}",
        "{a: 1} x", "{a: 1} #c", "{a: 1}#c", "{a: http://x}", "{a: x # y}", "{a: [1, {b: c}]}", "[{a: 1}, [2]]",
        "[[[[[[1]]]]]]", "{a: {b: {c: {d: {e: 1}}}}}", "[1, {a: 1, a: 2}]", "[a, {b: 1,c: 2}]", "{a: [1,2]}", "é",
        "7/6", "07/6", "7/06", "1/2/3", "7 / 6", "0/1", "7/0", "a   b", "École", "ñ", "日本", "'a # b'", '"a # b"',
        "a ' b", 'a " b', "a'", "x!", "x&y", "x*", "x|y", "x>", "x%", "x@y", "x`", "x?", "x~", "x ~", "x - y:", "\xa0x", "x\xa0", "\u3000",
        "x\u2028y", "x\x85y", "\ufeffx", "x\x07", "x\x7f", "x\ud7ffy", "\U0001f600", "\ufffe",
    ]
)  # fmt: skip
ENDS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r", "", " \n", "  # c\n"])


@st.composite
def yaml_lines(draw):
    kind = draw(st.sampled_from(["entry", "entry", "entry", "item", "comment", "blank", "marker", "bare"]))
    indent = draw(INDENTS)
    if kind == "entry":
        value = "" if draw(st.integers(0, 5)) == 0 else draw(VALUES)
        return indent + draw(KEYS) + draw(SEPARATORS) + value + draw(ENDS)
    if kind == "item":
        return indent + draw(st.sampled_from(["- ", "-", "-  ", "- - "])) + draw(VALUES) + draw(ENDS)
    if kind == "comment":
        return indent + "# " + draw(VALUES) + draw(ENDS)
    if kind == "marker":
        return draw(st.sampled_from(["---", "...", "--- a: 1", "%YAML 1.1", "%TAG ! tag:x,2000:"])) + draw(ENDS)
    if kind == "bare":
        return indent + draw(VALUES) + draw(ENDS)
    return indent + draw(ENDS)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(yaml_lines(), min_size=1, max_size=12), st.booleans())
def test_yaml_shaped_lines_are_read_alike_or_left_to_the_strict_reader(lines, bom):
    check(("\ufeff" if bom else "").encode() + "".join(lines).encode("utf-8", "surrogatepass"))


@st.composite
def one_odd_thing(draw):
    """A document of the subset with one thing changed: a value, a key, a separator or a line of any kind."""
    lines = draw(documents())
    where = draw(st.integers(0, len(lines) - 1))
    line = lines[where]
    indent = line[: len(line) - len(line.lstrip(" "))]
    key, colon, value = line.strip().partition(": ")
    change = draw(st.sampled_from(["value", "value", "value", "key", "separator", "line", "indent"]))
    if change == "value" and colon:
        lines[where] = indent + key + colon + draw(VALUES)
    elif change == "key" and colon:
        lines[where] = indent + draw(KEYS) + colon + value
    elif change == "separator" and colon:
        lines[where] = indent + key + draw(SEPARATORS) + value
    elif change == "indent":
        lines[where] = draw(INDENTS) + line
    else:
        lines.insert(where, draw(yaml_lines()).rstrip("\n"))
    return lines


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(one_odd_thing(), st.sampled_from(["\n", "\r\n"]))
def test_documents_with_one_odd_thing_are_read_alike_or_left_to_the_strict_reader(lines, end):
    check((end.join(lines) + end).encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("ab1 :-#,[]{}'\"\n\t&*!|>?.0_~\r\\")), max_size=60))
def test_any_text_of_yaml_characters_is_read_alike_or_left_to_the_strict_reader(text):
    check(("a: 1\n" + text).encode())
    check(text.encode())


# --- real files, mutated -------------------------------------------------------------------------------

REAL = [
    path.read_bytes() for folder in ("examples", "tests/cases") for path in sorted((ROOT / folder).glob("*.yaml"))
] + [
    b"framework: pemdi-2026\ninstitution: Kab. Uji\nyear: 2026\nlevels:\n"
    + b"".join(f"  I{n}: {n % 4 + 1}.{n:02d}\n".encode() for n in range(1, 21)),
    b"framework: spbe-2020\ninstitution: Kota Uji\nyear: 2024\nlevels:\n"
    + b"".join(
        f'  {n}: {{level: {n % 5 + 1}, target: 5, pic: "Diskominfo", note: catatan}}\n'.encode() for n in range(1, 48)
    ),
]
PIECES = st.sampled_from(
    [
        " ", "  ", "\t", "\n", "\r\n", "\r", ":", ": ", "-", "- ", "#", " #", ",", ", ", "[", "]", "{", "}", "'", '"',
        "&a ", "*a", "!!str ", "!x ", "? ", "|", ">", "%", "@", "`", "~", "0", "00", "1", "9", ".", "_", "e", "x",
        "yes", "No", "null", "on", "---\n", "...\n", "\\", "é", "\xa0", "\x85", "\u2028", "\ufeff", "\x00", "\x07",
    ]
)  # fmt: skip


@st.composite
def mutated(draw):
    data = bytearray(draw(st.sampled_from(REAL)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "insert", "delete", "replace", "swap lines", "indent"]))
        if action == "insert":
            data[where:where] = draw(PIECES).encode()
        elif action == "delete":
            del data[where : where + draw(st.integers(1, 4))]
        elif action == "replace" and where < len(data):
            data[where : where + 1] = draw(PIECES).encode()
        elif action == "swap lines":
            lines = bytes(data).split(b"\n")
            first, second = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[first], lines[second] = lines[second], lines[first]
            data = bytearray(b"\n".join(lines))
        else:
            start = data.rfind(b"\n", 0, where) + 1
            data[start:start] = draw(st.sampled_from([b" ", b"  ", b"\t"]))
    return bytes(data)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_real_files_mutated_are_read_alike_or_left_to_the_strict_reader(data):
    check(data)


def test_real_files_are_read_quickly():
    # The examples of every framework: evidence lists, flow mappings, quotes, comments. A file with
    # stage values or a fraction (7/6) may be left to the strict reader; most are read quickly.
    quick = [check(data) for data in REAL]
    assert sum(quick) >= len(quick) - 3, quick


# --- every text literal of the test suite: its hostile cases among them --------------------------------


def _literals() -> list[bytes]:
    """Every string and bytes constant in the tests (YAML-looking or not), once."""
    found: set[bytes] = set()
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, (str, bytes)) and node.value:
                value = node.value if isinstance(node.value, bytes) else node.value.encode("utf-8", "surrogatepass")
                if len(value) <= 200_000:
                    found.add(value)
    return sorted(found)


LITERALS = _literals()


def test_the_test_suites_texts_are_read_alike_or_left_to_the_strict_reader():
    assert len(LITERALS) > 1000  # the harvest found the suite
    read = sum(check(data) for data in LITERALS)
    assert read > 50  # and some of them are plain documents the quick reader reads


@pytest.mark.parametrize(
    "data",
    [
        b"a: 1\nlevels:\n  12: 1\n  13: 2\n  12: 3\n",  # duplicate keys
        b'levels:\n  12: 1\n  "12": 2\n',  # keys equal as text
        b"levels:\n  1: 1\n  01: 2\n",
        b"levels:\n  yes: 1\n  on: 2\n  1.0: 3\n  ~: 4\n",
        b"a: 1\n---\nb: 2\n",
        b"a: !!python/object/apply:os.system ['true']\n",
        b"a: !include other.yaml\n",
        b"a: &a [x, x]\nb: [*a, *a]\n",
        b"[" * 100 + b"]" * 100,
        b"a:\n" + b"".join(b"  " * i + b"- \n" for i in range(1, 100)),
        b"name: Caf\xe9\n",
        b"a: 1\r\nb: 2\rc: 3\n",
        b"a: [1, 2\n",
        b"a: *nothing\n",
        b"? [a, b]\n: 1\n",
        b"levels:\n  12: {level: 3,5}\n",
        b"year: 0x7E8\n",
        b"year: 33:44\n",
        b"year: 010\n",
        b"a:\n\tb: 1\n",
        b"a: 1\n" + b"b" * 2000 + b": 2\n",
        b"a: " + b"9" * 5000 + b"\n",
        b"levels:\n" + b"".join(f"  k{n}: [{', '.join(['1'] * 9)}]\n".encode() for n in range(6000)),
    ],
)
def test_hostile_cases_are_left_to_the_strict_reader(data):
    check(data)
    try:
        text = decode(data, "p.yaml")
    except InvalidInput:
        return
    assert read_plain(text) is None


def test_the_characters_left_to_the_strict_reader_are_every_one_outside_what_yaml_prints():
    # OUTSIDE names what is refused (a class that excludes Unicode ranges is slow to compile): it must
    # be exactly the complement of \n, printable ASCII and the printable Unicode YAML allows, less the
    # line breaks YAML counts beyond \n and the byte-order mark; and ASCII text is checked alike.
    allowed = re.compile("[\n\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
    every = "".join(map(chr, range(0x110000)))
    refused = {m.start() for m in re.finditer(OUTSIDE, every)}
    assert refused == {n for n in range(0x110000) if not allowed.fullmatch(every[n])}
    assert {m.start() for m in re.finditer(OUTSIDE_ASCII, every[:128])} == {n for n in refused if n < 128}
    assert read_plain("a: b\x85c\n") is None and read_plain("a: b\u2028c\n") is None
    assert read_plain("a: Café\n") == {"a": "Café"} and read_plain("a: b\x7f\n") is None
