"""An institution's assessment as plain, immutable data: what scoring, diff and planning take."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

Value = int | Fraction  # an indicator value: an integer level, or an exact decimal (pemdi-2026)


class Entry(NamedTuple):
    """One indicator's record, as the assessment file gives it.

    values: one value, or one per assessed service for a `multiple` indicator (spbe-2018 35);
        an int for SPBE levels, an exact Fraction for Pemdi decimals.
    value: their mean (a property).
    target: the level the institution aims for, or None.
    note: free text, or None.
    evidence: texts naming the documents that support the value.
    pic: the responsible office (OPD / PIC), or None.

    A NamedTuple rather than a frozen dataclass: thousands of files make millions of these.
    """

    values: tuple[Value, ...]
    target: Value | None = None
    note: str | None = None
    evidence: tuple[str, ...] = ()
    pic: str | None = None  # the responsible office (OPD / PIC)

    @property
    def value(self) -> Value:
        """The indicator's value: the mean of its services where it has several."""
        if len(self.values) == 1:
            return self.values[0]
        return Fraction(sum(self.values), len(self.values))


@dataclass(frozen=True)
class Assessment:
    """One institution's assessment for one year, validated against its framework.

    framework: the framework id ("spbe-2018", "spbe-2020", "pemdi-2026").
    institution: the institution's name, as written in the file.
    year: the assessment year.
    entries: indicator id ("12", "I12") -> Entry, for every indicator of the framework, in its order.
    source: the file it came from (for messages), or None.
    """

    framework: str
    institution: str
    year: int
    entries: dict[str, Entry]  # every indicator of the framework, in framework order
    source: str | None = field(default=None, compare=False)  # the file it came from, for messages

    def levels(self) -> dict[str, tuple[Value, ...]]:
        return {indicator_id: entry.values for indicator_id, entry in self.entries.items()}
