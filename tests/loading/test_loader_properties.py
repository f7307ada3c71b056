"""Bad input never crashes: whatever the bytes, the loader returns an assessment or located problems; huge
numbers, long decimals and keys that collide with an indicator are located, never a crash and never a second
indicator."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.loading.costs import parse_costs
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.problems import InvalidInput

from ..helpers import CASES, CATALOG

YAML_PIECES = st.sampled_from(
    [
        "framework: spbe-2020\n", "framework: pemdi-2026\n", "framework: spbe-2018\n", "institution: X\n",
        "year: 2024\n", "levels:\n", "  1: 3\n", "  I1: 1.25\n", "  35: [1, 2]\n", "  12: {level: 3, pic: x}\n",
        "&a ", "*a", "<<: ", "!!str ", "!tag ", "? ", "- ", "[", "]", "{", "}", ",", ":", "'", '"', "#", "\n",
        "  ", "\t", "---\n", "...\n", "%YAML 1.1\n", "~", "true", ".nan", "-.inf", "0x1F", "1_000", "2024-01-01",
        "\ufeff", "\r\n", "é", "\x85", "|\n  text\n", ">-\n  folded\n",
    ]
)  # fmt: skip


def _outcome(data: bytes) -> None:
    try:
        parse_assessment(data, "fuzz.yaml", CATALOG)
    except InvalidInput as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == "fuzz.yaml" and problem.message
            assert problem.line is None or problem.line >= 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(YAML_PIECES, max_size=40).map("".join))
def test_yaml_shaped_text_never_crashes(text):
    _outcome(text.encode("utf-8"))


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_never_crash(data):
    _outcome(data)


@settings(max_examples=150, deadline=None)
@given(st.lists(YAML_PIECES, max_size=25).map("".join))
def test_costs_files_never_crash(text):
    try:
        parse_costs(text.encode("utf-8"), "costs.yaml", CATALOG.get("spbe-2020"))
    except InvalidInput as error:
        assert error.problems


DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")

HUGE_NUMBERS = st.one_of(
    st.integers(40, 6000).map(lambda n: "9" * n),
    st.integers(1, 4000).map(lambda n: "0x" + "f" * n),
    st.integers(1, 400).map(lambda n: f"1e{'9' * n}"),
    st.integers(1, 400).map(lambda n: f"-{'9' * n}.5"),
)

LONG_DECIMALS = st.builds(
    lambda whole, zeros, tail: f"{whole}.{'0' * zeros}{tail}",
    st.integers(1, 5),
    st.integers(0, 3000),
    st.sampled_from(["", "1", "9", "5" * 50]),
)

# Keys that equal indicator 1 in some reading (Python, YAML 1.1, text): never a second indicator 1.
COLLIDING_KEYS = st.sampled_from(
    ["1", "'1'", '"1"', "01", "001", "1.0", "1e0", "0x1", "0o1", "0b1", "+1", "1_", "yes", "true", "on", "True", "~", "null", "1:0"]
)  # fmt: skip


def located_or_valid(data: bytes, path: str = "fuzz.yaml"):
    try:
        return parse_assessment(data, path, CATALOG)
    except InvalidInput as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path == path and (problem.line is None or problem.line >= 1)
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(number=st.one_of(HUGE_NUMBERS, LONG_DECIMALS), where=st.sampled_from(["year", "level", "pemdi", "costs"]))
def test_huge_numbers_and_long_decimals_are_located_never_a_crash(number, where):
    if where == "costs":
        try:
            parse_costs(f"default: {number}\n".encode(), "costs.yaml", CATALOG.get("spbe-2020"))
        except InvalidInput as error:
            assert all(p.line == 1 for p in error.problems)
        return
    if where == "year":
        text = DENPASAR.replace("year: 2021", f"year: {number}")
    elif where == "level":
        text = DENPASAR.replace("  1: 4\n", f"  1: {number}\n")
    else:
        text = "framework: pemdi-2026\ninstitution: X\nyear: 2026\nlevels:\n" + "".join(
            f"  I{n}: {number if n == 1 else '1.00'}\n" for n in range(1, 21)
        )
    located_or_valid(text.encode())


@settings(max_examples=80, deadline=None)
@given(key=COLLIDING_KEYS, value=st.integers(1, 5), before=st.booleans())
def test_keys_that_collide_with_an_indicator_never_replace_it(key, value, before):
    extra = f"  {key}: {value}\n"
    text = DENPASAR.replace("  1: 4\n", extra + "  1: 4\n" if before else "  1: 4\n" + extra)
    assessment = located_or_valid(text.encode())
    assert assessment is None  # a second indicator 1, under any spelling, is refused with its line
