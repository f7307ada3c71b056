"""Bad input never crashes: whatever the bytes, the loader returns an assessment or located problems."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.loading.costs import parse_costs
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.problems import InvalidInput

from .test_properties import CATALOG

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
