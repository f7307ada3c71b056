"""How numbers are written for people: half-up rounding for display, and the decimal comma of
Bahasa Indonesia. On the ground floor, so that `Messages` words every number in its own language.

Indices stay exact Fractions in `core` until they are shown; `core.numbers` re-exports these.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from numbers import Rational


def _half_up_units(numerator: int, denominator: int, places: int) -> int:
    """numerator/denominator in units of 10^-places, half-up (ties away from zero), in integers:
    floor(|n/d| x 10^places + 1/2) = (2 |n| 10^places + d) // 2d, signed as n."""
    scale: int = 10**places
    units = (2 * abs(numerator) * scale + denominator) // (2 * denominator)
    return -units if numerator < 0 else units


def round_half_up(value: Fraction | int, places: int = 2) -> Decimal:
    """Round to `places` decimals, ties away from zero (2.125 -> 2.13, -0.125 -> -0.13).

    Python's round() is half-even on binary floats and gets published figures wrong.
    """
    return Decimal(_half_up_units(value.numerator, value.denominator, places)).scaleb(-places)


def rounded_float(value: Fraction | int, places: int = 2) -> float:
    """`float(round_half_up(value, places))`, without the Decimal: int / int is correctly rounded, as
    float(Decimal) is, so both give the double nearest to the rounded figure."""
    scale: int = 10**places
    return _half_up_units(value.numerator, value.denominator, places) / scale


def display(value: Fraction | int, places: int = 2) -> str:
    """The text users see: half-up rounded with a fixed number of decimals."""
    return f"{round_half_up(value, places):.{places}f}"


# Weights and common values repeat across thousands of files. Keyed by numerator and denominator:
# hashing a Fraction costs more than the text. At most _KEPT texts are kept.
_EXACT_TEXTS: dict[tuple[int, int], str] = {}
_KEPT = 4096


def exact_text(value: Fraction | int) -> str:
    """An exact decimal string when the value terminates, else 'numerator/denominator'."""
    if type(value) is int:
        return str(value)
    key = (value.numerator, value.denominator)
    text = _EXACT_TEXTS.get(key)
    if text is None:
        text = _exact_text(*key)
        if len(_EXACT_TEXTS) < _KEPT:
            _EXACT_TEXTS[key] = text
    return text


def _exact_text(numerator: int, denominator: int) -> str:
    if denominator == 1:
        return str(numerator)
    rest = denominator
    twos = fives = 0
    while rest % 2 == 0:
        rest //= 2
        twos += 1
    while rest % 5 == 0:
        rest //= 5
        fives += 1
    if rest != 1:
        return f"{numerator}/{denominator}"
    places = max(twos, fives)
    # Digits worked out as integers: Decimal arithmetic would round past its 28 digits of precision.
    scaled = abs(numerator) * 10**places // denominator
    digits = str(scaled).rjust(places + 1, "0")
    sign = "-" if numerator < 0 else ""
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


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


class NumberStyle:
    """How human formats (table, Markdown, HTML) write numbers: one place for every renderer.

    - Bahasa Indonesia writes a decimal comma ("2,48"), as the official reports do; JSON and CSV
      never use this class and keep points.
    - Indices (overall, domain, aspect) always show 2 decimals, half-up, as published.
    - Indicator values and their changes follow the framework's own precision: whole levels for
      SPBE (a mean of several services keeps up to 2 decimals), 2 decimals for Pemdi.
    """

    __slots__ = ("decimal_comma",)

    def __init__(self, decimal_comma: bool = False) -> None:
        self.decimal_comma = decimal_comma

    @classmethod
    def for_language(cls, language: str) -> NumberStyle:
        return cls(decimal_comma=language == "id")

    def localize(self, text: str) -> str:
        """A point-decimal number as this style writes it (no thousands separators are ever used)."""
        return text.replace(".", ",") if self.decimal_comma else text

    def index(self, value: Fraction | Decimal | int) -> str:
        """An index as published: 2 decimals, half-up (2.48 / 2,48)."""
        return self.localize(display(Fraction(value)))

    def value(self, value: Fraction | int, integer_values: bool) -> str:
        """An indicator value in its framework's precision: 3 (SPBE), 3.5 (SPBE mean), 2.50 (Pemdi)."""
        if integer_values:
            return self.localize(plain_number(value, 2))
        return self.localize(display(value))

    def change(self, delta: Fraction | Decimal | int, places: int = 2) -> str:
        """A signed change: +0.23, -0.05, 0.00."""
        return self.localize(signed(delta, places))

    def value_change(self, delta: Fraction | int, integer_values: bool) -> str:
        """A change of an indicator value: +1 for whole SPBE levels, +0.25 for Pemdi."""
        whole = integer_values and Fraction(delta).denominator == 1
        return self.localize(signed(delta, 0 if whole else 2))

    def worded(self, value: Decimal | Rational) -> str:
        """A number worded into a message: a Decimal as given (3.19 -> 3,19), a Fraction as short as exact."""
        if isinstance(value, Decimal):
            return self.localize(str(value))
        return self.number(Fraction(value))

    def number(self, value: Fraction | int | Decimal, max_places: int = 6) -> str:
        """A weight, cost or target: as short as exact, up to max_places decimals (1.7, 12.5, 3)."""
        if isinstance(value, Decimal):
            value = Fraction(value)
        return self.localize(plain_number(value, max_places))
