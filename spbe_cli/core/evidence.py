"""Evidence items per indicator and level: what is secured, what blocks the next level, and what
reaching it is worth.

The official portal codes each Pemdi evidence item `I<n>-L<level>-<nn>` and gives it an assessor
status. From the codes and statuses this module derives, per indicator:

- the *level secured*: the highest level with recorded items such that every item recorded at it and
  below it is accepted (`diterima`). Levels without recorded items are not checked: the file does not
  say whether the portal asks for any there.
- the *next level*: the lowest level holding an item not yet accepted; when every recorded item is
  accepted, the level above the secured one (with no item recorded for it yet).
- the items *blocking* the next level: its items not yet accepted.

The work queue lists the blocked next levels with the exact change of the overall index if the
indicator's value reached that level (values already at or above it gain nothing), and, for a value
above what its accepted items secure (the level below the next one), the index points *at stake*: what
the index would lose if the value fell to that level. It is ordered by the two together, largest first:
what finishing the indicator's items is worth, kept or gained. Both are computed by scoring with
`score`, never by a formula of their own. The official rule that turns
item statuses into a decimal value is not published, so no value is derived from statuses here.

Items without a level code (every SPBE item, and Pemdi items written without a code) are listed per
indicator; no level can be derived from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from .assessment import Assessment, Evidence, Value
from .framework import Framework
from .scoring import score

ACCEPTED = "diterima"
# The portal's code: indicator, level, item number, in ASCII digits (I4-L٢-01 is not level 2).
LEVEL_CODE = re.compile(r"I([0-9]{1,9})-L([0-9]{1,9})-([0-9]{1,9})")

# Why a queue entry has no effect: its value is not filled at the stage read, or another agency's
# index sets it (evidence does not change it).
UNFILLED = "unfilled"
EXTERNAL = "external"


def item_level(item: Evidence) -> int | None:
    """The level an item's portal code names (I4-L2-01 -> 2), or None without such a code."""
    match = LEVEL_CODE.fullmatch((item.code or "").strip())
    return int(match[2]) if match else None


@dataclass(frozen=True)
class LevelItems:
    """The items recorded at one level of one indicator."""

    level: int
    items: tuple[Evidence, ...]

    @property
    def accepted(self) -> int:
        return sum(1 for item in self.items if item.status == ACCEPTED)

    @property
    def complete(self) -> bool:
        return self.accepted == len(self.items)


@dataclass(frozen=True)
class IndicatorEvidence:
    """One indicator's items, by level, and what they secure.

    value: the indicator's value at the stage read (None: not filled there); external: whether another
    agency's index sets the value. secured and next_level are None where no level can be derived
    (no coded items) or, for next_level, where the top level is secured.
    """

    id: str
    name: str
    aspect: int
    pic: tuple[str, ...]
    value: Value | None
    external: bool
    levels: tuple[LevelItems, ...]  # levels with recorded items, lowest first
    uncoded: tuple[Evidence, ...]  # items without a level code
    secured: int | None
    next_level: int | None
    blocking: tuple[Evidence, ...]  # the next level's items not yet accepted (empty: none recorded)

    @property
    def items(self) -> tuple[Evidence, ...]:
        return tuple(item for level in self.levels for item in level.items) + self.uncoded

    @property
    def accepted(self) -> int:
        return sum(1 for item in self.items if item.status == ACCEPTED)

    @property
    def coded(self) -> bool:
        return bool(self.levels)


@dataclass(frozen=True)
class QueueEntry:
    """One indicator's next level to secure, with the items that block it.

    effect: the exact change of the overall index if the value reached `next_level` (0 where it is
    there already); None with `reason` UNFILLED or EXTERNAL where it cannot be said.
    at_stake: what the index would lose if the value fell to the level its accepted items secure (the
    level below `next_level`): 0 where the value is not above it.
    """

    indicator: IndicatorEvidence
    effect: Fraction | None
    reason: str | None = None
    at_stake: Fraction = Fraction(0)

    @property
    def at_risk(self) -> bool:
        """Whether the value stands above what the accepted items secure."""
        return self.at_stake > 0

    @property
    def worth(self) -> Fraction:
        """What finishing the next level's items is worth to the index: kept, or gained."""
        return self.at_stake + (self.effect or 0)

    @property
    def next_level(self) -> int:
        assert self.indicator.next_level is not None
        return self.indicator.next_level


@dataclass(frozen=True)
class EvidenceResult:
    """Every indicator's evidence, and the work queue (largest known effect first)."""

    framework: Framework
    institution: str
    year: int
    source: str | None
    stage: str | None
    indicators: tuple[IndicatorEvidence, ...]  # every indicator, framework order
    queue: tuple[QueueEntry, ...]

    @property
    def with_items(self) -> tuple[IndicatorEvidence, ...]:
        return tuple(i for i in self.indicators if i.items)

    @property
    def without_items(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators if not i.items)

    @property
    def uncoded_items(self) -> int:
        return sum(len(i.uncoded) for i in self.indicators)

    @property
    def levels_derivable(self) -> bool:
        """Whether any item carries a level code (Pemdi portal codes)."""
        return any(i.coded for i in self.indicators)


def evidence(assessment: Assessment, framework: Framework) -> EvidenceResult:
    """Every indicator's items by level, the level secured, and the work queue.

    `assessment` is read at its own stage (`resolved`); unfilled values are allowed.
    """
    if assessment.framework != framework.id:
        raise ValueError(f"assessment is for {assessment.framework}, not {framework.id}")
    indicators = []
    for indicator in framework.indicators:
        entry = assessment.entries[indicator.id]
        by_level: dict[int, list[Evidence]] = {}
        uncoded = []
        for item in entry.evidence:
            level = item_level(item)
            if level is None:
                uncoded.append(item)
            else:
                by_level.setdefault(level, []).append(item)
        levels = tuple(LevelItems(level, tuple(by_level[level])) for level in sorted(by_level))
        secured, next_level, blocking = _progress(levels, framework.max_value)
        values = entry.values
        indicators.append(
            IndicatorEvidence(
                id=indicator.id,
                name=indicator.name,
                aspect=indicator.aspect,
                pic=entry.pic,
                value=None if values is None else entry.value,
                external=indicator.external is not None,
                levels=levels,
                uncoded=tuple(uncoded),
                secured=secured,
                next_level=next_level,
                blocking=blocking,
            )
        )
    queue = _queue(assessment, framework, indicators)
    return EvidenceResult(
        framework=framework,
        institution=assessment.institution,
        year=assessment.year,
        source=assessment.source,
        stage=assessment.stage,
        indicators=tuple(indicators),
        queue=queue,
    )


def _progress(levels: tuple[LevelItems, ...], top: int) -> tuple[int | None, int | None, tuple[Evidence, ...]]:
    """(level secured, next level, its items not yet accepted) from the coded items."""
    if not levels:
        return None, None, ()
    secured = None
    for level in levels:
        if not level.complete:
            return secured, level.level, tuple(item for item in level.items if item.status != ACCEPTED)
        secured = level.level
    assert secured is not None
    return secured, (secured + 1 if secured < top else None), ()


def _queue(assessment: Assessment, framework: Framework, indicators: list[IndicatorEvidence]) -> tuple[QueueEntry, ...]:
    open_levels = [i for i in indicators if i.next_level is not None]
    if not open_levels:
        return ()
    # Values not filled at this stage are set to the lowest value for scoring only: each effect is the
    # change from one indicator, which does not depend on the other indicators' values.
    filler = (Fraction(framework.min_value),)
    base_entries = {
        key: entry if entry.values is not None else entry._replace(values=filler)
        for key, entry in assessment.entries.items()
    }

    def index_with(indicator_id: str, values: tuple[Value, ...] | None = None) -> Fraction:
        """The overall index, one indicator's values replaced (none: as they are)."""
        entries = dict(base_entries)
        if values is not None:
            entries[indicator_id] = entries[indicator_id]._replace(values=values)
        return score(replace(assessment, entries=entries), framework).index

    base_index = index_with("")
    entries = []
    for indicator in open_levels:
        entry = assessment.entries[indicator.id]
        if indicator.external:
            entries.append(QueueEntry(indicator, None, EXTERNAL))
            continue
        if entry.values is None:
            entries.append(QueueEntry(indicator, None, UNFILLED))
            continue
        level = indicator.next_level
        assert level is not None
        effect = index_with(indicator.id, tuple(max(value, level) for value in entry.values)) - base_index
        secured = max(level - 1, framework.min_value)  # the level below the blocked one is what is secured
        lowered = tuple(min(value, secured) for value in entry.values)
        stake = base_index - index_with(indicator.id, lowered) if lowered != entry.values else Fraction(0)
        entries.append(QueueEntry(indicator, effect, at_stake=stake))
    order = {indicator.id: position for position, indicator in enumerate(framework.indicators)}
    entries.sort(key=lambda e: (e.effect is None, -e.worth, order[e.indicator.id]))
    return tuple(entries)
