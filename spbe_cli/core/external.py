"""Values taken from another agency's index: the source number in, an exact value and its certainty out.

A conversion is piecewise linear over bands given as data (indicators.yaml). Each band says whether
its mapping is published ("confirmed") or not; the straight line inside the bands has a status of its
own. A converted value is "confirmed" only where nothing estimated went into it: a confirmed band and
either a confirmed line or a worked example seen in published material.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from .framework import ExternalSource

PENDING = "pending"
CONFIRMED = "confirmed"
ESTIMATE = "estimate"


@dataclass(frozen=True)
class ExternalValue:
    """Where an indicator's value came from: the source index's own number, or pending."""

    source: ExternalSource
    number: Fraction | None  # the source index's number; None while it is pending
    value: Fraction  # the indicator value it gives
    status: str  # "confirmed", "estimate" or "pending"
    band_status: str | None = None  # status of the band the number falls in (None while pending)

    @property
    def pending(self) -> bool:
        return self.number is None


class ConversionError(ValueError):
    """The number cannot be converted: `reason` is "no_conversion" or "out_of_scale"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def pending(source: ExternalSource) -> ExternalValue:
    return ExternalValue(source, None, source.pending, PENDING)


def convert(source: ExternalSource, number: Fraction) -> ExternalValue:
    """The value a source index number gives, exactly. Raises ConversionError."""
    if not source.bands:
        raise ConversionError("no_conversion")
    low, high = source.bands[0].low, source.bands[-1].high
    if not low <= number <= high:
        raise ConversionError("out_of_scale")
    band = next(
        (b for b in source.bands if b.low <= number < b.high),
        source.bands[-1],  # the top edge belongs to the last band
    )
    value = band.value_low + (number - band.low) * (band.value_high - band.value_low) / (band.high - band.low)
    seen = any(example == number and result == value for example, result in source.examples)
    exact_line = source.within_band == CONFIRMED or seen
    status = CONFIRMED if band.status == CONFIRMED and exact_line else ESTIMATE
    return ExternalValue(source, number, value, status, band.status)
