from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spbe_cli.core.numbers import display, exact_text, plain_number, round_half_up, rounded_float


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (Fraction(2125, 1000), "2.13"),  # a tie: half-up, where round-half-even gives 2.12
        (Fraction(2594, 1000), "2.59"),
        (Fraction(2595, 1000), "2.60"),
        (Fraction(17, 8), "2.13"),
        (Fraction(3), "3.00"),
        (Fraction(1, 3), "0.33"),
        (Fraction(2, 3), "0.67"),
        (Fraction(-2125, 1000), "-2.13"),  # deltas: ties away from zero
        (Fraction(5), "5.00"),
        (0, "0.00"),
    ],
)
def test_display_rounds_half_up(value, shown):
    assert display(value) == shown
    assert round_half_up(value) == Decimal(shown)


def test_float_rounding_would_be_wrong_here():
    # The reason for the exact path: Python rounds 2.675 to 2.67 (binary float, half-even).
    assert round(2.675, 2) == 2.67
    assert display(Fraction("2.675")) == "2.68"


@pytest.mark.parametrize(
    ("value", "text"),
    [(Fraction(1277, 400), "3.1925"), (Fraction(24, 11), "24/11"), (Fraction(3), "3"), (Fraction(-1, 8), "-0.125")],
)
def test_exact_text(value, text):
    assert exact_text(value) == text


def test_plain_number_keeps_short_exact_values_and_rounds_long_ones():
    assert plain_number(Fraction("1.3")) == "1.3"
    assert plain_number(Fraction(20, 6), 4) == "3.3333"
    assert plain_number(Fraction(7, 3), 2) == "2.33"
    assert plain_number(Fraction(45, 10)) == "4.5"


@given(st.fractions(), st.integers(0, 8))
def test_a_rounded_float_is_the_float_of_the_rounded_decimal(value, places):
    # JSON numbers skip the Decimal: both conversions give the double nearest to the rounded figure.
    assert rounded_float(value, places) == float(round_half_up(value, places))
    assert rounded_float(value.numerator, places) == float(round_half_up(value.numerator, places))


@given(st.fractions())
def test_exact_text_is_the_value_exactly(value):
    text = exact_text(value)
    assert Fraction(text) == value
    assert exact_text(value) == text  # kept, and the same
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    assert ("/" in text) == (rest != 1)  # a fraction exactly where the decimal would not end
