"""The pure scoring core: an Assessment and its Framework in, an exact result tree out.

Every index is sum(value x weight) / sum(weight) over indicator values, in exact arithmetic
(integer weight units and Fractions), aggregated from the indicators and never from rounded
intermediates. Rounding (half-up, 2 decimals) happens only when a figure is shown; the predikat is
decided on the exact index.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, NamedTuple

from .assessment import Assessment, Entry, NotFilled, Value
from .external import ExternalValue
from .framework import Framework, Group
from .numbers import round_half_up

if TYPE_CHECKING:
    from .figures import Position, Reconciliation


class IndicatorScore(NamedTuple):  # NamedTuples: cheap to make, one per indicator per file
    """One indicator's part in a result.

    id, name, aspect, domain (None in pemdi-2026): from the framework.
    weight: its effective percent of the whole index; value: its value (the mean of `values`);
    values: one per assessed service; level_name: the name of a whole level on a named scale, else None;
    target: from the file, or None; external: where the value came from another agency's index, or None.
    """

    id: str
    name: str
    aspect: int
    domain: int | None
    weight: Fraction  # effective percent of the whole index (shared out where services vary)
    value: Value  # an int or exact Fraction; the mean where several services were assessed
    values: tuple[Value, ...]
    level_name: str | None  # for whole-number values of a named scale
    target: Value | None = None
    external: ExternalValue | None = None  # where the value came from another agency's index


class GroupScore(NamedTuple):
    """A domain's or an aspect's index.

    kind: "domain" or "aspect"; number and name: from the framework; weight: percent of the whole index;
    exact: the group index as an exact Fraction; shown: half-up to 2 decimals (a property);
    domain: the domain an aspect belongs to (None for domains and for pemdi-2026 aspects).
    """

    kind: str  # "domain" or "aspect"
    number: int
    name: str
    weight: Fraction
    exact: Fraction  # the group index, unrounded
    domain: int | None = None

    @property
    def shown(self) -> Decimal:
        return round_half_up(self.exact)


@dataclass(frozen=True)
class ScoreResult:
    """The result of scoring one assessment.

    framework: the Framework scored against; institution, year, source: from the assessment.
    index: the overall index, exact (a Fraction); shown: as published (Decimal, half-up, 2 decimals);
    predikat: decided on `index`, the exact one.
    domains: GroupScore per domain (empty for pemdi-2026); aspects: GroupScore per aspect;
    indicators: IndicatorScore per indicator, in framework order.
    """

    framework: Framework
    institution: str
    year: int
    index: Fraction
    domains: tuple[GroupScore, ...]
    aspects: tuple[GroupScore, ...]
    indicators: tuple[IndicatorScore, ...]
    source: str | None = None
    stage: str | None = None  # the stage scored at (None: the file records no stage)
    stages: tuple[str, ...] = ()  # the stages the file records
    assessment: Assessment | None = field(default=None, compare=False, repr=False)  # what was scored
    by_stage: dict[str, Fraction] = field(default_factory=dict)  # the index at each recorded stage, when asked
    # Beside KemenPANRB's published figures, when asked (core/published.py): the file against its own
    # published result of the year, and its position against the averages and among the results.
    published: Reconciliation | None = field(default=None, compare=False)
    position: Position | None = field(default=None, compare=False)

    @property
    def shown(self) -> Decimal:
        """The index as published: half-up to 2 decimals."""
        return round_half_up(self.index)

    @property
    def predikat(self) -> str:
        """Decided on the exact index: an exact 2.5995, shown 2.60, is Cukup."""
        return self.framework.predikat(self.index)


def score(assessment: Assessment, framework: Framework) -> ScoreResult:
    """Compute the index, domains, aspects and per-indicator contributions of one assessment."""
    if assessment.framework != framework.id:
        raise ValueError(f"assessment is for {assessment.framework}, not {framework.id}")
    entries = assessment.entries
    if any(entry.values is None for entry in entries.values()):
        raise NotFilled(assessment.gaps())
    # Per aspect: sum of weight_units x value, and each indicator's effective weight units.
    aspect_sums: dict[int, Fraction | int] = {}
    weights: dict[str, Fraction | int] = {}
    for aspect in framework.aspects:
        aspect_sums[aspect.number] = _aspect_sum(aspect, framework, entries, weights)
    aspects = tuple(_group(a, aspect_sums[a.number]) for a in framework.aspects)
    domains = tuple(
        _group(d, sum(aspect_sums[a.number] for a in framework.aspects if a.domain == d.number))
        for d in framework.domains
    )
    return ScoreResult(
        framework=framework,
        institution=assessment.institution,
        year=assessment.year,
        index=_ratio(sum(aspect_sums.values()), framework.total_units),
        domains=domains,
        aspects=aspects,
        indicators=_indicator_scores(framework, entries, weights),
        source=assessment.source,
        stage=assessment.stage,
        stages=assessment.stages,
        assessment=assessment,
    )


_KEPT = 4096  # indicator scores kept per framework (values with many decimal places are many)


def _indicator_scores(
    framework: Framework, entries: Mapping[str, Entry], weights: Mapping[str, Fraction | int]
) -> tuple[IndicatorScore, ...]:
    """Each indicator's part, in framework order. An indicator that is only its value at its declared
    weight has the same (immutable) IndicatorScore in every file where it has that value: made once
    per framework and shared, as most indicators of a batch are."""
    kept: dict[tuple[object, ...], IndicatorScore] = framework.derived.setdefault("indicator_scores", {})
    level_names = framework.level_names
    scores = []
    for indicator in framework.indicators:
        entry = entries[indicator.id]
        values = entry.filled_values
        units = weights[indicator.id]
        key: tuple[object, ...] | None = None
        if len(values) == 1 and units == indicator.units and entry.target is None and entry.external is None:
            value = values[0]
            if type(value) is int:
                key = (indicator.id, value)
            elif type(value) is Fraction:
                key = (indicator.id, value.numerator, value.denominator)
            found = kept.get(key) if key is not None else None
            if found is not None:
                scores.append(found)
                continue
        single = values[0] if len(values) == 1 else None
        made = IndicatorScore(
            indicator.id,
            indicator.name,
            indicator.aspect,
            indicator.domain,
            # the declared weight unless services re-weighted the aspect (avoids Fraction work per file)
            indicator.weight if units == indicator.units else Fraction(units) / framework.unit_scale,
            entry.value,
            values,
            level_names[indicator.id].get(single) if type(single) is int else None,
            entry.target,
            entry.external,
        )
        if key is not None and len(kept) < _KEPT:
            kept[key] = made
        scores.append(made)
    return tuple(scores)


def _aspect_sum(
    aspect: Group, framework: Framework, entries: Mapping[str, Entry], weights: dict[str, Fraction | int]
) -> Fraction | int:
    """sum(weight_units x value) over an aspect, recording each indicator's effective weight units."""
    counts = [len(entries[i].filled_values) for i in aspect.indicators]
    if all(count == 1 for count in counts):
        total: Fraction | int = 0
        for indicator_id in aspect.indicators:
            units = framework.by_id[indicator_id].units
            weights[indicator_id] = units
            total += units * entries[indicator_id].filled_values[0]
        return total
    # Several services of one indicator: every entry (each plain indicator and each service)
    # takes an equal share of the aspect's weight. Published 2018-2020 results confirm this rule.
    share = Fraction(aspect.units, sum(counts))
    total = Fraction(0)
    for indicator_id, count in zip(aspect.indicators, counts, strict=True):
        weights[indicator_id] = share * count
        total += share * sum(entries[indicator_id].filled_values)
    return total


def _ratio(weighted_sum: Fraction | int, units: int) -> Fraction:
    """weighted_sum / units, exactly: one Fraction made where the sum is a whole number."""
    return Fraction(weighted_sum, units) if isinstance(weighted_sum, int) else weighted_sum / units


def _group(group: Group, weighted_sum: Fraction | int) -> GroupScore:
    return GroupScore(
        kind=group.kind,
        number=group.number,
        name=group.name,
        weight=group.weight,
        exact=_ratio(weighted_sum, group.units),
        domain=group.domain,
    )


def score_by_stage(assessment: Assessment, framework: Framework) -> dict[str, Fraction]:
    """The exact index at each recorded stage where every indicator has a value (each scored the one
    way: `at(stage)`)."""
    return {
        stage: score(assessment.at(stage), framework).index for stage in assessment.stages if not assessment.gaps(stage)
    }
