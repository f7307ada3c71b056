"""The frameworks as plain, immutable data: what the pure core computes with.

Built from indicators.yaml by spbe_cli.loading.catalog; nothing here reads files or imports pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .numbers import round_half_up


@dataclass(frozen=True)
class Band:
    """A predikat band: from `min` (inclusive) up to the next band's min (exclusive)."""

    name: str
    min: Decimal


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None


@dataclass(frozen=True)
class Guideline:
    """The technical guideline (Pedoman) an evaluation year followed, with the sources that name it."""

    year: int
    title: str
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class PredikatExample:
    """A published result the predikat rule must be able to give: its printed figure and predikat."""

    institution: str
    year: int
    shown: Decimal
    predikat: str


@dataclass(frozen=True)
class PredikatRule:
    """How the predikat is decided, and the evidence for it (indicators.yaml `predikat_rule`).

    decided_on: "exact" (the exact index; round only for display) or "shown" (the 2-decimal figure);
    status: "confirmed" by published results, "assumed", or "unstated" where a frameworks file is silent
    (the exact index is then used)."""

    decided_on: str = "exact"
    status: str = "unstated"
    evidence: str = ""
    examples: tuple[PredikatExample, ...] = ()
    sources: tuple[Source, ...] = ()


@dataclass(frozen=True)
class ConversionBand:
    """One piece of a piecewise-linear conversion: source [low, high) onto value [value_low, value_high]."""

    low: Fraction
    high: Fraction
    value_low: Fraction
    value_high: Fraction
    status: str  # "confirmed" or "estimate": is this band's mapping published?


@dataclass(frozen=True)
class ExternalSource:
    """Another agency's index an indicator takes its value from, and how that index becomes a value."""

    agency: str
    index: str
    short_name: str
    pending: Fraction  # the value while the source index is not yet published
    scale_min: Fraction | None = None  # None: the scale is not published
    scale_max: Fraction | None = None
    bands: tuple[ConversionBand, ...] = ()  # empty: no conversion is published
    within_band: str = "estimate"  # status of the straight line inside each band
    examples: tuple[tuple[Fraction, Fraction], ...] = ()  # worked examples seen: (source value, value)
    sources: tuple[Source, ...] = ()

    @property
    def convertible(self) -> bool:
        return bool(self.bands)

    @property
    def title(self) -> str:
        return f"{self.index} ({self.short_name}), {self.agency}"


@dataclass(frozen=True)
class Indicator:
    id: str  # "12" for SPBE, "I12" for Pemdi
    name: str
    weight: Fraction  # percent of the whole index
    units: int  # weight in the framework's integer weight units (weight * unit_scale)
    aspect: int
    domain: int | None
    scale: str  # which level-name scale applies
    multiple: bool = False  # may hold one value per assessed service (spbe-2018 indicator 35)
    derived_from: str | None = None  # another agency's index the value comes from, in words
    external: ExternalSource | None = None  # that index, with its conversion, where known


@dataclass(frozen=True)
class Group:
    """A domain or an aspect. Its weight is the sum of its indicators' weights."""

    kind: str  # "domain" or "aspect"
    number: int
    name: str
    weight: Fraction
    units: int
    indicators: tuple[str, ...]
    domain: int | None = None  # for aspects under a domain


@dataclass(frozen=True)
class Framework:
    id: str
    title: str
    index_name: str
    regulation: str
    first_year: int
    last_year: int | None
    value_type: str  # "integer" or "decimal"
    min_value: int
    max_value: int
    level_scales: dict[str, dict[int, str]]
    bands: tuple[Band, ...]  # highest first
    domains: tuple[Group, ...]  # empty where the framework has no domain level
    aspects: tuple[Group, ...]
    indicators: tuple[Indicator, ...]
    unit_scale: int  # weight units per percent
    sources: tuple[Source, ...] = ()
    verified: str = ""
    guidelines: tuple[Guideline, ...] = ()  # per evaluation year, where a source names the year's Pedoman
    level_target: int | None = None  # the minimum level the official report measures every indicator against
    official_level_names: tuple[str, ...] = ()  # scales whose names a file may write for the number
    predikat_rule: PredikatRule = PredikatRule()
    by_id: dict[str, Indicator] = field(default_factory=dict, compare=False, repr=False)
    level_names: dict[str, dict[int, str]] = field(default_factory=dict, compare=False, repr=False)  # per indicator
    # What other layers derive from a framework (its Pydantic model, JSON templates), kept on the
    # framework itself so it lives and dies with it: a cache keyed by id() would hand a new framework
    # at a reused address the artefacts of a dead one.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id.update({indicator.id: indicator for indicator in self.indicators})
        self.level_names.update({i.id: self.level_scales.get(i.scale, {}) for i in self.indicators})

    @property
    def total_units(self) -> int:
        return sum(indicator.units for indicator in self.indicators)

    @property
    def integer_values(self) -> bool:
        return self.value_type == "integer"

    def predikat(self, index: Fraction | Decimal | int) -> str:
        """The predikat of an index, decided as the framework's rule says: on the exact index (never on its
        rounded figure: an exact 2.5995, shown 2.60, is Cukup; every published result of 2023 and 2024
        agrees), or on the shown figure where a frameworks file declares `decided_on: shown`."""
        value = round_half_up(Fraction(index)) if self.predikat_rule.decided_on == "shown" else index
        for band in self.bands:
            if value >= band.min:
                return band.name
        return self.bands[-1].name

    def under_edge(self, index: Fraction | Decimal | int) -> Band | None:
        """The band whose lower edge the shown (half-up, 2-decimal) figure reaches while the predikat stays
        below it (2.5995 is shown 2.60, the edge of Baik, and is Cukup); None where the shown figure and
        the predikat agree."""
        if self.predikat_rule.decided_on == "shown":
            return None
        shown = round_half_up(Fraction(index))
        return next((band for band in self.bands if index < band.min <= shown), None)

    def can_print(self, shown: Decimal, predikat: str) -> bool:
        """Whether a result printed as `shown` (2 decimals) can carry `predikat` under the rule: on the
        exact index, when some index shown as that figure lies in the band."""
        if self.predikat_rule.decided_on == "shown":
            return self.predikat(shown) == predikat
        low, high = Fraction(shown) - Fraction(1, 200), Fraction(shown) + Fraction(1, 200)
        names = {self.predikat(low)} | {band.name for band in self.bands if low <= band.min < high}
        return predikat in names

    def band(self, name: str) -> Band | None:
        """A band by name, case- and space-insensitive ("sangat baik" finds "Sangat Baik")."""
        wanted = " ".join(name.split()).casefold()
        for band in self.bands:
            if band.name.casefold() == wanted:
                return band
        return None

    def band_position(self, index: Fraction | Decimal | int) -> tuple[str, str | None, Fraction | None]:
        """Where an exact index stands in its band: (predikat, next band up, share of the way to it).

        The top band has no next band: (predikat, None, None).
        """
        name = self.predikat(index)
        position = [band.name for band in self.bands].index(name)
        if position == 0:
            return name, None, None
        band, above = self.bands[position], self.bands[position - 1]
        lowest = min(band.min, Decimal(self.min_value)) if position == len(self.bands) - 1 else band.min
        return name, above.name, (Fraction(index) - Fraction(lowest)) / Fraction(above.min - lowest)

    def band_rank(self, name: str) -> int:
        """0 for the lowest band, higher is better."""
        names = [band.name for band in reversed(self.bands)]
        return names.index(name)

    def guideline(self, year: int) -> Guideline | None:
        """The Pedoman of evaluation year `year`, where a source names it."""
        return next((g for g in self.guidelines if g.year == year), None)

    def level_named(self, indicator_id: str, written: str) -> int | None:
        """The level an official name stands for on an indicator's own scale (`Rintisan` is 1), or
        None: the framework's names for that scale are not official, or none of them is `written`."""
        indicator = self.by_id.get(indicator_id)
        if indicator is None or indicator.scale not in self.official_level_names:
            return None
        return levels_by_name(self.level_scales.get(indicator.scale, {})).get(folded(written))

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)


def folded(name: str) -> str:
    """A level name as compared: case and spacing ignored ("terpadu  dan terukur")."""
    return " ".join(name.split()).casefold()


def name_forms(label: str) -> set[str]:
    """How a level's name may be written, folded: "Merintis (Initiate)" also as Merintis or Initiate."""
    forms = {folded(label)}
    head, bracket, rest = label.partition("(")
    if bracket and rest.rstrip().endswith(")"):
        forms |= {folded(head), folded(rest.rstrip()[:-1])}
    return {form for form in forms if form}


def levels_by_name(levels: dict[int, str]) -> dict[str, int]:
    """Each way of writing a level name, to its level; a form two levels share names neither."""
    found: dict[str, int] = {}
    shared: set[str] = set()
    for level, label in levels.items():
        for form in name_forms(label):
            if form in found and found[form] != level:
                shared.add(form)
            found[form] = level
    return {form: level for form, level in found.items() if form not in shared}
