"""Exact arithmetic helpers: indices stay Fractions until they are shown.

How a number is written (half-up rounding, the decimal comma) lives on the ground floor, in
`spbe_cli.i18n.numbers`, so that messages word numbers too; it is re-exported here for the layers
that compute with numbers.
"""

from __future__ import annotations

from decimal import Decimal

from ..i18n.numbers import NumberStyle, display, exact_text, plain_number, round_half_up, rounded_float, signed

__all__ = [
    "NumberStyle",
    "decimal_places",
    "display",
    "exact_text",
    "plain_number",
    "round_half_up",
    "rounded_float",
    "signed",
]


def decimal_places(value: Decimal) -> int:
    """How many decimal places a finite Decimal needs, trailing zeros dropped (2.500 -> 1, 3 -> 0).

    Works on the digits, never by rounding (Decimal.normalize() would round to 28 digits)."""
    _, digits, exponent = value.as_tuple()
    if not isinstance(exponent, int) or exponent >= 0:
        return 0
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing_zeros) if any(digits) else 0
