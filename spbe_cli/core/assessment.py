"""An institution's assessment as plain, immutable data: what scoring, diff and planning take."""

from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from typing import NamedTuple

Value = int | Fraction  # an indicator value: an integer level, or an exact decimal (pemdi-2026)


class Entry(NamedTuple):
    """One indicator's record. `values` has one item, or one per service for a `multiple` indicator.

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
    framework: str
    institution: str
    year: int
    entries: dict[str, Entry]  # every indicator of the framework, in framework order
    source: str | None = field(default=None, compare=False)  # the file it came from, for messages

    def levels(self) -> dict[str, tuple[Value, ...]]:
        return {indicator_id: entry.values for indicator_id, entry in self.entries.items()}
