"""The pure ranking core: many scored assessments in, rankings per framework (and year) out.

Each result is reduced to a small row as soon as it is scored, so ranking thousands of files keeps
only rows, never documents or indicator lists. Equal shown indices share a rank (1, 2, 2, 4), as in
published rankings.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from .figures import category_from_name
from .framework import Framework
from .scoring import ScoreResult

if TYPE_CHECKING:
    from .figures import Position, PublishedAverage, Standing


@dataclass(frozen=True)
class RankRow:
    institution: str
    year: int
    framework: Framework
    index: Fraction
    shown: Decimal
    predikat: str
    groups: tuple[tuple[int, str, Fraction], ...]  # (number, name, index) of domains, or aspects where none
    source: str | None
    rank: int = 0
    position: Position | None = field(default=None, compare=False)  # beside the published figures, when asked

    @property
    def kind(self) -> str | None:
        """'kabupaten' or 'kota': as its published identity says (the file's `category:`, its published
        row), else as its name says; None for any other institution."""
        identity = self.position.identity if self.position is not None else None
        found = identity.kind if identity is not None and identity.kind else category_from_name(self.institution)
        return found if found in ("kabupaten", "kota") else None

    def standing(self, scope: str) -> Standing | None:
        """Its rank among the published results of its category or province ("category", "province")."""
        found = [s for s in self.position.standings if s.scope == scope] if self.position is not None else []
        return found[0] if found else None


@dataclass(frozen=True)
class Reference:
    """A published average to read a ranking against: national or a category's, of one year, for the
    index and each of the ranking's domain (or aspect) columns (None where none is published)."""

    label: str  # "Nasional", or the category as the source names it
    year: int
    index: PublishedAverage | None
    groups: tuple[PublishedAverage | None, ...]


@dataclass(frozen=True)
class Summary:
    count: int
    mean: Fraction
    median: Fraction
    min: Fraction
    max: Fraction
    per_predikat: tuple[tuple[str, int], ...]  # every band, highest first


@dataclass(frozen=True)
class RankGroup:
    framework: Framework
    year: int | None  # set when ranking --by year
    rows: tuple[RankRow, ...]
    summary: Summary
    kind: str | None = None  # "kabupaten", "kota" or "lainnya" where a ranking keeps them apart

    @property
    def repeated_institutions(self) -> tuple[str, ...]:
        """Institutions ranked more than once here (e.g. two years of one institution), in rank order."""
        seen: dict[str, int] = {}
        for item in self.rows:
            key = " ".join(item.institution.split()).casefold()
            seen[key] = seen.get(key, 0) + 1
        names: dict[str, str] = {}
        for item in self.rows:
            key = " ".join(item.institution.split()).casefold()
            if seen[key] > 1:
                names.setdefault(key, item.institution)
        return tuple(names.values())

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(sorted({item.year for item in self.rows}))

    @property
    def references(self) -> tuple[Reference, ...]:
        """The national and category averages of the rows' years, each once, national first."""
        found: dict[tuple[int, str], Reference] = {}
        numbers = [number for number, _, _ in self.rows[0].groups] if self.rows else []
        for item in self.rows:
            position = item.position
            if position is None or position.averages_year is None or not position.comparisons:
                continue
            for national in (True, False):
                label = "Nasional" if national else position.category_name
                if label is None or (position.averages_year, label) in found:
                    continue
                by_group = {
                    c.number: (c.national if national else c.category)
                    for c in position.comparisons
                    if c.kind == self.group_kind
                }
                index = position.comparisons[0].national if national else position.comparisons[0].category
                groups = tuple(by_group.get(number) for number in numbers)
                found[(position.averages_year, label)] = Reference(label, position.averages_year, index, groups)
        return tuple(sorted(found.values(), key=lambda r: (r.year, r.label != "Nasional", r.label)))

    @property
    def unpublished(self) -> bool:
        """Whether nothing has been published under the ranking's framework to read it against (Pemdi)."""
        return any(item.position is not None and item.position.reason == "framework" for item in self.rows)

    @property
    def with_standings(self) -> bool:
        """Whether any row has a rank among the published results."""
        return any(item.position is not None and item.position.standings for item in self.rows)

    @property
    def group_kind(self) -> str:
        """What the per-group columns hold: 'domain', or 'aspect' for frameworks without domains."""
        return "domain" if self.framework.domains else "aspect"


@dataclass(frozen=True)
class RankResult:
    groups: tuple[RankGroup, ...]
    failed: tuple[str, ...]  # files that could not be scored
    by_year: bool

    @property
    def scored(self) -> int:
        return sum(group.summary.count for group in self.groups)


def row(result: ScoreResult) -> RankRow:
    """The part of a result a ranking needs."""
    groups = result.domains or result.aspects
    return RankRow(
        institution=result.institution,
        year=result.year,
        framework=result.framework,
        index=result.index,
        shown=result.shown,
        predikat=result.predikat,
        groups=tuple((g.number, g.name, g.exact) for g in groups),
        source=result.source,
        position=result.position,
    )


# The kinds a ranking keeps apart when both kabupaten and kota are present, in their display order.
KINDS = ("kabupaten", "kota", "lainnya")


def rank(
    rows: Iterable[RankRow],
    *,
    by_year: bool = False,
    failed: Iterable[str] = (),
    order: Iterable[str] = (),
    by_kind: bool = False,
) -> RankResult:
    """Rank rows within their framework (and year); `order` lists framework ids in display order. With
    `by_kind`, a framework's (and year's) rows that hold both kabupaten and kota are ranked apart:
    kabupaten, kota, then any other institution (the official reports average them apart)."""
    buckets: dict[tuple[str, int | None], list[RankRow]] = {}
    frameworks: dict[str, Framework] = {}
    for item in rows:
        frameworks[item.framework.id] = item.framework
        buckets.setdefault((item.framework.id, item.year if by_year else None), []).append(item)
    position = {framework_id: n for n, framework_id in enumerate(order)}
    keys = sorted(buckets, key=lambda k: (position.get(k[0], len(position)), k[0], k[1] or 0))
    groups: list[RankGroup] = []
    for key in keys:
        kinds = {item.kind for item in buckets[key]}
        if not (by_kind and {"kabupaten", "kota"} <= kinds):
            groups.append(_group(frameworks[key[0]], key[1], buckets[key]))
            continue
        for kind in KINDS:
            members = [item for item in buckets[key] if (item.kind or "lainnya") == kind]
            if members:
                groups.append(replace(_group(frameworks[key[0]], key[1], members), kind=kind))
    return RankResult(tuple(groups), tuple(failed), by_year)


def _group(framework: Framework, year: int | None, rows: list[RankRow]) -> RankGroup:
    rows.sort(key=lambda r: (-r.index, r.institution.casefold(), r.year, r.source or ""))
    ranked: list[RankRow] = []
    for position, item in enumerate(rows, start=1):
        shares = ranked and ranked[-1].shown == item.shown
        ranked.append(replace(item, rank=ranked[-1].rank if shares else position))
    indices = [r.index for r in ranked]
    counts = {band.name: 0 for band in framework.bands}
    for item in ranked:
        counts[item.predikat] += 1
    summary = Summary(
        count=len(ranked),
        mean=sum(indices, Fraction(0)) / len(indices),
        median=Fraction(statistics.median(indices)),
        min=min(indices),
        max=max(indices),
        per_predikat=tuple(counts.items()),
    )
    return RankGroup(framework, year, tuple(ranked), summary)
