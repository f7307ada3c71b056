"""The pure comparison core: two scored assessments in, what changed and why out.

Within one framework every changed indicator gets its exact effect on the overall index, and the
effects add up to the exact index change. Across frameworks only the overall index, the predikat
and the domains and aspects that both frameworks name alike are compared.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from .assessment import Value
from .external import ExternalValue
from .numbers import round_half_up
from .scoring import GroupScore, ScoreResult


@dataclass(frozen=True)
class GroupChange:
    kind: str  # "domain" or "aspect"
    number: int  # in the new framework
    old_number: int  # in the old framework (the same within one framework)
    name: str
    old: Fraction
    new: Fraction

    @property
    def delta(self) -> Decimal:
        """The change of the shown (2-decimal) values, as a reader of both reports computes it."""
        return round_half_up(self.new) - round_half_up(self.old)


@dataclass(frozen=True)
class IndicatorChange:
    id: str
    name: str
    aspect: int
    old: Value
    new: Value
    old_values: tuple[Value, ...]
    new_values: tuple[Value, ...]
    effect: Fraction  # exact change of the overall index caused by this indicator
    old_external: ExternalValue | None = None  # where a side's value came from another agency's index
    new_external: ExternalValue | None = None

    @property
    def external(self) -> bool:
        """Whether either side's value came from another agency's index."""
        return self.old_external is not None or self.new_external is not None

    @property
    def delta(self) -> Fraction:
        return Fraction(self.new) - self.old


@dataclass(frozen=True)
class DiffResult:
    old: ScoreResult
    new: ScoreResult
    domains: tuple[GroupChange, ...]
    aspects: tuple[GroupChange, ...]
    indicators: tuple[IndicatorChange, ...]  # changed ones only, largest effect first

    @property
    def same_framework(self) -> bool:
        return self.old.framework.id == self.new.framework.id

    @property
    def comparable(self) -> bool:
        """Whether the two indices are on one instrument: only then is a change or a drop meaningful."""
        return self.same_framework

    @property
    def same_institution(self) -> bool:
        return _name_key(self.old.institution) == _name_key(self.new.institution)

    @property
    def delta(self) -> Decimal:
        """New shown index minus old shown index."""
        return self.new.shown - self.old.shown

    @property
    def delta_exact(self) -> Fraction:
        return self.new.index - self.old.index

    @property
    def predikat_change(self) -> str:
        """'up', 'down' or 'same', by band order (comparable across frameworks: bands share names)."""
        old_rank = self.old.framework.band_rank(self.old.predikat)
        new_rank = self.new.framework.band_rank(self.new.predikat)
        return "up" if new_rank > old_rank else "down" if new_rank < old_rank else "same"

    @property
    def dropped(self) -> bool:
        return self.delta < 0


def diff(old: ScoreResult, new: ScoreResult) -> DiffResult:
    """Compare two results (same or different framework, same or different institution)."""
    if old.framework.id == new.framework.id:
        domains = tuple(_pair(a, b) for a, b in zip(old.domains, new.domains, strict=True))
        aspects = tuple(_pair(a, b) for a, b in zip(old.aspects, new.aspects, strict=True))
        indicators = _indicator_changes(old, new)
    else:
        domains = _matched(old.domains, new.domains)
        aspects = _matched(old.aspects, new.aspects)
        indicators = ()
    return DiffResult(old, new, domains, aspects, indicators)


def _pair(old: GroupScore, new: GroupScore) -> GroupChange:
    return GroupChange(new.kind, new.number, old.number, new.name, old.exact, new.exact)


def _matched(old: tuple[GroupScore, ...], new: tuple[GroupScore, ...]) -> tuple[GroupChange, ...]:
    by_name = {_name_key(group.name): group for group in old}
    return tuple(_pair(by_name[_name_key(group.name)], group) for group in new if _name_key(group.name) in by_name)


def _indicator_changes(old: ScoreResult, new: ScoreResult) -> tuple[IndicatorChange, ...]:
    # Effect = the change of the indicator's contribution (effective weight x value / 100). Where a
    # multi-service indicator changed its number of services, the other entries of its aspect change
    # weight too; that part of the change is caused by the services and is credited to them, so the
    # effects of the changed indicators always add up to the exact index change.
    effects: dict[str, Fraction] = {}
    changed: set[str] = set()
    aspect_of: dict[str, int] = {}
    for before, after in zip(old.indicators, new.indicators, strict=True):
        effects[after.id] = (after.weight * after.value - before.weight * before.value) / 100
        aspect_of[after.id] = after.aspect
        if before.values != after.values:
            changed.add(after.id)
    for indicator_id, effect in list(effects.items()):
        if indicator_id in changed or effect == 0:
            continue
        owner = next(
            i
            for i in new.framework.indicators
            if i.multiple and i.aspect == aspect_of[indicator_id] and i.id in changed
        )
        effects[owner.id] += effect
        effects[indicator_id] = Fraction(0)
    order = {indicator.id: position for position, indicator in enumerate(new.framework.indicators)}
    changes = [
        IndicatorChange(
            id=after.id,
            name=after.name,
            aspect=after.aspect,
            old=before.value,
            new=after.value,
            old_values=before.values,
            new_values=after.values,
            effect=effects[after.id],
            old_external=before.external,
            new_external=after.external,
        )
        for before, after in zip(old.indicators, new.indicators, strict=True)
        if after.id in changed
    ]
    changes.sort(key=lambda change: (-abs(change.effect), order[change.id]))
    return tuple(changes)


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()
