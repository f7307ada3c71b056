"""Exact arithmetic helpers: indices stay Fractions until they are shown."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache


def round_half_up(value: Fraction | int, places: int = 2) -> Decimal:
    """Round to `places` decimals, ties away from zero (2.125 -> 2.13, -0.125 -> -0.13).

    Python's round() is half-even on binary floats and gets published figures wrong.
    """
    if isinstance(value, int):
        numerator, denominator = value, 1
    else:
        numerator, denominator = value.numerator, value.denominator
    # floor(|n/d| x 10^places + 1/2), in integers: (2 |n| 10^places + d) // 2d
    units = (2 * abs(numerator) * 10**places + denominator) // (2 * denominator)
    if numerator < 0:
        units = -units
    return Decimal(units).scaleb(-places)


def display(value: Fraction | int, places: int = 2) -> str:
    """The text users see: half-up rounded with a fixed number of decimals."""
    return f"{round_half_up(value, places):.{places}f}"


@lru_cache(maxsize=4096)  # weights and common values repeat across thousands of files
def exact_text(value: Fraction | int) -> str:
    """An exact decimal string when the value terminates, else 'numerator/denominator'."""
    if isinstance(value, int):
        return str(value)
    value = Fraction(value)
    denominator = value.denominator
    twos = fives = 0
    while denominator % 2 == 0:
        denominator //= 2
        twos += 1
    while denominator % 5 == 0:
        denominator //= 5
        fives += 1
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    text = f"{Decimal(value.numerator * 10**places // value.denominator).scaleb(-places):f}"
    return text


@lru_cache(maxsize=4096)
def plain_number(value: Fraction | int, max_places: int = 6) -> str:
    """A short decimal for weights and values: exact when it terminates within max_places."""
    if isinstance(value, int):
        return str(value)
    text = exact_text(value)
    if "/" in text or ("." in text and len(text.split(".")[1]) > max_places):
        text = f"{round_half_up(value, max_places):f}".rstrip("0").rstrip(".")
    return text


def signed(value: Fraction | Decimal | int, places: int = 2) -> str:
    """A change as shown to users: +0.23, -0.05, 0.00 (half-up)."""
    shown = round_half_up(Fraction(value), places)
    text = f"{shown:.{places}f}"
    if shown > 0:
        return "+" + text
    return text.replace("-0." + "0" * places, "0." + "0" * places)
