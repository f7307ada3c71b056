"""Comparing with KemenPANRB's published results: looking names up, listing results, and where a scored
file stands (its reconciliation with its own published row, its position against the averages and
among the published results). The figures themselves, as data, are in core/figures.py.
"""

# Annotations are evaluated when the module is imported (no `from __future__ import annotations`): a
# NamedTuple would otherwise compile each field's annotation text, most of this module's import time.

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from ..i18n import Phrase
from .categories import REGIONAL, kind_of
from .figures import (
    AVERAGE_CATEGORIES,
    EVALUATED_UNDER,
    NATIONAL,
    Compared,
    DomainDifference,
    Identity,
    Position,
    PrintedEdge,
    Published,
    PublishedAverage,
    PublishedResult,
    PublishedSource,
    Reconciliation,
    Standing,
    category_from_name,
    comparable_year,
    kind_from_name,
    name_key,
)
from .framework import Framework
from .predikat import explained
from .scoring import ScoreResult

# --- looking a name up ---------------------------------------------------------------------------


class Lookup(NamedTuple):
    """What a name found among the published rows.

    rows: every row of the institutions found, in year and table order; institutions: their names
    (the latest spelling of each), one when the name is unambiguous; suggestions: close names, when
    nothing was found."""

    query: str
    rows: tuple[PublishedResult, ...]
    institutions: tuple[str, ...]
    suggestions: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return len(self.institutions) > 1

    @property
    def found(self) -> bool:
        return bool(self.rows)


def select(
    rows: Iterable[PublishedResult], *, kind: str | None = None, province: str | None = None
) -> tuple[PublishedResult, ...]:
    """The rows of one kind and/or one province (`province` as `province_name` gives it)."""
    wanted = name_key(province) if province is not None else None
    return tuple(
        row
        for row in rows
        if (kind is None or row.kind == kind) and (wanted is None or name_key(row.province or "") == wanted)
    )


def provinces(rows: Iterable[PublishedResult]) -> tuple[str, ...]:
    """The provinces of the rows, each once, in alphabetical order."""
    return tuple(sorted({row.province for row in rows if row.province is not None}, key=str.casefold))


def find_province(text: str, known: Sequence[str]) -> tuple[str, ...]:
    """The provinces `text` names: the one whose name it is (with or without "Provinsi"), else every
    one whose name holds all its words."""
    key = name_key(text).removeprefix("provinsi ")
    exact = [p for p in known if name_key(p) == key]
    if exact:
        return tuple(exact)
    words = key.split()
    return tuple(p for p in known if words and all(w in name_key(p).split() for w in words))


def lookup(query: str, rows: Sequence[PublishedResult]) -> Lookup:
    """The institutions `query` names among `rows`, matched leniently and in this order: the same
    name (`name_key`, then also ignoring spaces); the same name once "Kabupaten", "Kota" or
    "Provinsi" is left out; every name holding all the query's words. The first step that finds
    anything decides; several institutions found there are listed, never guessed between."""
    key = name_key(query)
    compact = key.replace(" ", "")
    steps = (
        lambda row: row.key == key,
        lambda row: row.key.replace(" ", "") == compact,
        lambda row: _without_kind(row.key) == _without_kind(key),
        lambda row: bool(key) and all(word in row.key.split() for word in key.split()),
    )
    for matches in steps:
        found = tuple(row for row in rows if matches(row))
        if found:
            return Lookup(query, found, _institutions(found))
    import difflib  # only when nothing matched

    names = {row.key: row.institution for row in rows}
    close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.75)
    return Lookup(query, (), (), tuple(names[name] for name in close))


def _without_kind(key: str) -> str:
    first, _, rest = key.partition(" ")
    return rest if first in REGIONAL and rest else key


def _institutions(rows: Iterable[PublishedResult]) -> tuple[str, ...]:
    latest: dict[str, PublishedResult] = {}
    for row in rows:
        if row.key not in latest or row.year >= latest[row.key].year:
            latest[row.key] = row
    return tuple(row.institution for row in latest.values())


def own_row(institution: str, rows: Sequence[PublishedResult]) -> PublishedResult | None:
    """The row of exactly this institution (the same `name_key`, or the same ignoring spaces), if one."""
    key = name_key(institution)
    found = [row for row in rows if row.key == key] or [
        row for row in rows if row.key.replace(" ", "") == key.replace(" ", "")
    ]
    return found[0] if len(found) == 1 else None


# --- reconciling a scored file with its published result -----------------------------------------


def reconcile(result: ScoreResult, published: Published) -> Reconciliation | None:
    """The file against its published result, when its institution has one for its year under its
    framework; None otherwise. Reads nothing when its year has no published rows."""
    if result.year not in published.result_years() or not comparable_year(result.framework.id, result.year):
        return None
    row = own_row(result.institution, published.results(result.year))
    if row is None:
        return None
    differences = tuple(
        DomainDifference(domain.number, domain.name, domain.shown, printed)
        for domain, printed in zip(result.domains, row.domains, strict=False)
        if printed is not None and domain.shown != printed
    )
    return Reconciliation(row, result.shown, result.predikat, differences)


# --- where an institution stands --------------------------------------------------------------------


def identify(institution: str, year: int, published: Published, declared: str | None = None) -> Identity:
    """The institution's kind, category and province: from the file's `category:` (declared), its
    published row (of the year, else of the latest published year), its name."""
    years = published.result_years()
    row = own_row(institution, published.results(year)) if year in years else None
    reference = row
    if reference is None and years and (declared is None or declared in REGIONAL):
        reference = own_row(institution, published.results(years[-1]))
    category: str | None = declared
    how: str | None = "declared"
    if category is None and reference is not None:
        category, how = reference.category, "published"
    elif category is None:
        category = category_from_name(institution)
        how = "name" if category is not None else None
    kind = kind_of(category) if category is not None else kind_from_name(institution)
    province = reference.province if reference is not None and reference.kind == kind else None
    if province is None and kind == "provinsi" and years:
        named = find_province(institution, provinces(published.results(years[-1])))
        province = named[0] if len(named) == 1 else None
    return Identity(kind, category, province, row, how)


def position(result: ScoreResult, published: Published, declared: str | None = None) -> Position:
    """Where `result` stands: its index, domains and aspects beside the national and category averages
    of its year (or the latest comparable year), and its rank among that year's published results.
    `declared` is the file's `category:` (default: read from the result's assessment). Under a framework
    nothing was published for (Pemdi), nothing is read and the position says so."""
    framework_id = result.framework.id
    if declared is None and result.assessment is not None:
        declared = result.assessment.category
    if framework_id not in EVALUATED_UNDER:
        identity = _named_identity(result.institution, declared)
        return Position(result.year, framework_id, identity, None, None, (), (), (), (), reason="framework")
    identity = identify(result.institution, result.year, published, declared)
    years = sorted({a.year for a in published.averages() if comparable_year(framework_id, a.year)})
    if not years:
        return Position(result.year, framework_id, identity, None, None, (), (), (), (), reason="year")
    chosen = result.year if result.year in years else max((y for y in years if y <= result.year), default=years[-1])
    averages = [a for a in published.averages() if a.year == chosen]
    category_name = _category_name(identity.category, averages)
    comparisons = tuple(_compared(result, averages, category_name))
    standings: tuple[Standing, ...] = ()
    distribution: tuple[Decimal, ...] = ()
    rows_source = None
    if result.year in published.result_years() and comparable_year(framework_id, result.year):
        rows = published.results(result.year)
        standings, distribution = _standings(result, identity, rows)
        rows_source = rows[0].source.partition(" ")[0] if standings and rows else None
    used = tuple(sorted({a.source for c in comparisons for a in (c.national, c.category) if a is not None}))
    return Position(
        result.year, framework_id, identity, chosen, category_name, comparisons, standings, distribution, used,
        rows_source=rows_source, value=result.shown,
    )  # fmt: skip


def _named_identity(institution: str, declared: str | None) -> Identity:
    """The kind and category a file declares or its name says, without any published row."""
    category = declared or category_from_name(institution)
    how = "declared" if declared else "name" if category is not None else None
    kind = kind_of(category) if category is not None else kind_from_name(institution)
    return Identity(kind, category, None, None, how)


def _category_name(category: str | None, averages: Sequence[PublishedAverage]) -> str | None:
    named = {a.category for a in averages}
    return next((name for name in AVERAGE_CATEGORIES.get(category or "", ()) if name in named), None)


def _compared(result: ScoreResult, averages: Sequence[PublishedAverage], category: str | None) -> Iterable[Compared]:
    by_target: dict[tuple[str, tuple[str, int | None]], PublishedAverage] = {
        (a.category, a.target): a for a in averages
    }

    def pair(target: tuple[str, int | None]) -> tuple[PublishedAverage | None, PublishedAverage | None]:
        return by_target.get((NATIONAL, target)), by_target.get((category or "", target))

    yield Compared("index", None, result.framework.index_name, result.index, *pair(("index", None)))
    for group in (*result.domains, *result.aspects):
        national, own = pair((group.kind, group.number))
        if national is not None or own is not None:
            yield Compared(group.kind, group.number, group.name, group.exact, national, own)


def _standings(
    result: ScoreResult, identity: Identity, rows: Sequence[PublishedResult]
) -> tuple[tuple[Standing, ...], tuple[Decimal, ...]]:
    """The rank within the category and within the province, the file standing in for its own row."""
    others = [row for row in rows if row != identity.row]
    shown = result.shown
    found: list[Standing] = []
    distribution: tuple[Decimal, ...] = ()
    if identity.category is not None:
        peers = [row for row in others if row.category == identity.category]
        if peers:
            found.append(_standing("category", identity.category, shown, peers, result.year))
            distribution = tuple(sorted(row.shown for row in peers))
    if identity.province is not None and identity.kind in REGIONAL:
        key = name_key(identity.province)
        peers = [row for row in others if row.province is not None and name_key(row.province) == key]
        if peers:
            found.append(_standing("province", identity.province, shown, peers, result.year))
    return tuple(found), distribution


def _standing(scope: str, name: str, shown: Decimal, peers: Sequence[PublishedResult], year: int) -> Standing:
    return Standing(scope, name, 1 + sum(1 for row in peers if row.shown > shown), len(peers) + 1, year)


# --- listing published results (`spbe published`) -------------------------------------------------


class Listing(NamedTuple):
    """Published results chosen by year, kind, province and name, with what a reader needs beside them.

    averages: for one institution, the national and its category's published index of each year
    listed; edges: parallel to `rows`, why a printed figure on an edge carries the lower predikat."""

    rows: tuple[PublishedResult, ...]
    query: str | None
    matched: tuple[str, ...]  # the institutions the query found (empty without a query)
    year: int | None
    kind: str | None
    province: str | None
    averages: tuple[PublishedAverage, ...]
    edges: tuple[PrintedEdge | None, ...]
    sources: tuple[PublishedSource, ...]

    @property
    def ambiguous(self) -> bool:
        return len(self.matched) > 1


def listing(
    rows: Sequence[PublishedResult],
    published: Published,
    frameworks: Mapping[int, Framework],
    *,
    query: str | None = None,
    matched: Sequence[str] = (),
    year: int | None = None,
    kind: str | None = None,
    province: str | None = None,
) -> Listing:
    """The listing of `rows` (already chosen), with averages for one institution and edge notes.
    `frameworks` gives the framework each year was evaluated under, for the predikat bands."""
    averages: tuple[PublishedAverage, ...] = ()
    if len({row.key for row in rows}) == 1:
        wanted = {
            (row.year, name)
            for row in rows
            for name in (NATIONAL, _category_name(row.category, _of(published, row.year)))
        }
        averages = tuple(a for a in published.averages() if a.measure == "index" and (a.year, a.category) in wanted)
    edges = tuple(printed_edge(row, frameworks.get(row.year)) for row in rows)
    keys = {row.source.partition(" ")[0] for row in rows} | {a.source.partition(" ")[0] for a in averages}
    known = published.sources()
    sources = tuple(known[key] for key in sorted(keys) if key in known)
    return Listing(tuple(rows), query, tuple(matched), year, kind, province, averages, edges, sources)


def _of(published: Published, year: int) -> list[PublishedAverage]:
    return [a for a in published.averages() if a.year == year]


def printed_edge(row: PublishedResult, framework: Framework | None) -> PrintedEdge | None:
    """Why a printed index carries a lower predikat than its figure's band, or None where it does not."""
    if framework is None or framework.predikat(row.shown) == row.predikat:
        return None
    band = framework.band(framework.predikat(row.shown))
    if band is None:
        return None
    return PrintedEdge(band.name, band.min, domains_index(row, framework))


def domains_index(row: PublishedResult, framework: Framework) -> Fraction | None:
    """The index the printed domains give under the framework's domain weights (None: a damaged cell)."""
    if len(row.domains) != len(framework.domains) or any(value is None for value in row.domains):
        return None
    total = sum(
        (
            Fraction(value) * domain.weight
            for value, domain in zip(row.domains, framework.domains, strict=True)
            if value is not None
        ),
        Fraction(0),
    )
    return total / sum((domain.weight for domain in framework.domains), Fraction(0))


# --- files ranked among a year's published results (`spbe rank --among-published`) ------------------


class PlacedRow(NamedTuple):
    """One row of a ranking among the published results: a published one, or one of the user's files
    (`mine`; its source is the file, its figures the file's, shown as published)."""

    rank: int
    institution: str
    shown: Decimal
    predikat: str
    domains: tuple[Decimal | None, ...]
    source: str
    mine: bool = False
    said: str | Phrase = ""  # a file's predikat as shown beside its figure (with why, on a band edge)


class PlacedGroup(NamedTuple):
    """A category (or a province) of one year's published results, with the user's files in it."""

    scope: str  # "category" or "province"
    name: str  # the category ("kabupaten") or the province
    year: int
    rows: tuple[PlacedRow, ...]
    averages: tuple[PublishedAverage, ...]  # the national and the category's published index of the year


class Placement(NamedTuple):
    """The user's files ranked inside one year's published results of their category or province.

    unplaced: (file, reason) of each file that could not be placed: "framework" (another instrument
    than that year's), "category" (its category is not known), "province" (no province: a central
    institution, or one not in the published list)."""

    year: int
    by: str  # "category" or "province"
    groups: tuple[PlacedGroup, ...]
    unplaced: tuple[tuple[str, str], ...]
    sources: tuple[PublishedSource, ...]


def place_among(results: Iterable[ScoreResult], published: Published, year: int, by: str = "category") -> Placement:
    """Rank each file inside `year`'s published results of its category (or province), standing in for its
    own institution's row. Equal shown indices share a rank, as in published rankings."""
    rows = published.results(year)
    groups: dict[tuple[str, str], list[PlacedRow]] = {}
    replaced: set[PublishedResult] = set()
    unplaced: list[tuple[str, str]] = []
    for result in results:
        where = result.source or result.institution
        if not comparable_year(result.framework.id, year):
            unplaced.append((where, "framework"))
            continue
        declared = result.assessment.category if result.assessment is not None else None
        identity = identify(result.institution, year, published, declared)
        name = identity.category if by == "category" else identity.province if identity.kind in REGIONAL else None
        if name is None:
            unplaced.append((where, by))
            continue
        if identity.row is not None:
            replaced.add(identity.row)
        domains = tuple(d.shown for d in result.domains)
        said = explained(result.framework, result.index)
        mine = PlacedRow(0, result.institution, result.shown, result.predikat, domains, where, True, said)
        groups.setdefault((by, name), []).append(mine)
    placed = tuple(
        _placed_group(scope, name, year, mine, rows, replaced, published) for (scope, name), mine in groups.items()
    )
    keys = {row.source.partition(" ")[0] for row in rows[:1]}
    keys |= {a.source.partition(" ")[0] for group in placed for a in group.averages}
    known = published.sources()
    return Placement(year, by, placed, tuple(unplaced), tuple(known[k] for k in sorted(keys) if k in known))


def _placed_group(
    scope: str,
    name: str,
    year: int,
    mine: list[PlacedRow],
    rows: Sequence[PublishedResult],
    replaced: set[PublishedResult],
    published: Published,
) -> PlacedGroup:
    key = name_key(name)
    peers = [
        PlacedRow(0, row.institution, row.shown, row.predikat, row.domains, row.source)
        for row in rows
        if row not in replaced
        and (
            row.category == name if scope == "category" else row.province is not None and name_key(row.province) == key
        )
    ]
    ordered = sorted([*peers, *mine], key=lambda r: (-r.shown, not r.mine, name_key(r.institution)))
    ranked: list[PlacedRow] = []
    for position, row in enumerate(ordered, start=1):
        shares = ranked and ranked[-1].shown == row.shown
        ranked.append(row._replace(rank=ranked[-1].rank if shares else position))
    averages: tuple[PublishedAverage, ...] = ()
    if scope == "category":
        of_year = [a for a in published.averages() if a.year == year and a.measure == "index"]
        wanted = {NATIONAL, _category_name(name, of_year)}
        averages = tuple(a for a in of_year if a.category in wanted)
    return PlacedGroup(scope, name, year, tuple(ranked), averages)
