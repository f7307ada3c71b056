"""KemenPANRB's published results and averages, and where an institution stands among them.

Pure: the figures come in through `Published` (spbe_cli.loading.published reads the packaged CSVs,
each year only when asked for); nothing here reads a file. Figures are quoted as published, never
recomputed: the reports' averages are not the plain means of their rows (2024: 3.12 published,
3.17 as the mean of the 615 rows).

Names vary between years and between people ("Kab." and "Kabupaten", "Pemerintah" or not, line
breaks): `name_key` is the one place that normalises them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple, Protocol

from .categories import REGIONAL, kind_of
from .framework import Framework
from .scoring import ScoreResult

# The framework each published year was evaluated under (frameworks.md: PermenPANRB 5/2018 for
# 2018-2020, 59/2020 for 2021-2025). Only a file on the same framework is compared with a year.
EVALUATED_UNDER = {"spbe-2018": range(2018, 2021), "spbe-2020": range(2021, 2026)}

# The averages' category names for each category, in order of preference: the reports of 2020-2022
# print "Lembaga lain" and LPE-2024 "LNS dan Instansi Lainnya" where LPE-2023 prints LNS and
# Instansi Lainnya apart. Which central groups each of these covers is not printed: we take LNS as
# LNS and every other central group (Alat Negara, Sekretariat Kabinet, ...) as Instansi Lainnya.
AVERAGE_CATEGORIES = {
    "kabupaten": ("Kabupaten",),
    "kota": ("Kota",),
    "provinsi": ("Provinsi",),
    "kementerian": ("Kementerian",),
    "lpnk": ("LPNK",),
    "lns": ("LNS", "LNS dan Instansi Lainnya", "Lembaga lain"),
    "lainnya": ("Instansi Lainnya", "LNS dan Instansi Lainnya", "Lembaga lain"),
}
NATIONAL = "Nasional"

# The central groups of the reports' result tables, by their category.
_CENTRAL_GROUPS = {
    "kementerian": "kementerian",
    "lembaga pemerintah non kementerian lpnk": "lpnk",
    "lembaga non struktural lns": "lns",
}
# spbe-2018 years: LPE-2024 Tabel 4 labels the three domains by a short name.
_SPBE_2018_DOMAINS = {"domain Kebijakan": 1, "domain Tata Kelola": 2, "domain Layanan": 3}

# Words written short, expanded before names are compared.
_SHORT_WORDS = {
    "kab": "kabupaten",
    "prov": "provinsi",
    "propinsi": "provinsi",
    "ntb": "nusa tenggara barat",
    "ntt": "nusa tenggara timur",
    "diy": "di yogyakarta",
}
_LEADING = ("pemerintah", "pemerintahan", "pemkab", "pemkot", "pemprov")
_LEADING_KIND = {"pemkab": "kabupaten", "pemkot": "kota", "pemprov": "provinsi"}
# Province names printed two ways in the reports' group column (one of them a typo).
_PROVINCE_SPELLINGS = {
    "nusa tenggara tlmur": "Nusa Tenggara Timur",
    "bangka belitung": "Kepulauan Bangka Belitung",
}
# Provincial governments whose name carries no "Provinsi".
_PROVINCES_BY_NAME = ("aceh", "di yogyakarta")
# First words of central institutions' names (from the reports' tables).
_CENTRAL_WORDS = frozenset(
    "badan sekretariat lembaga komisi dewan arsip perpustakaan kejaksaan markas mahkamah televisi radio "
    "pusat kantor majelis ombudsman konsil kepolisian tentara".split()
)


@lru_cache(maxsize=8192)  # every row's name is compared many times in one lookup
def name_key(name: str) -> str:
    """A name as compared: case, accents, punctuation, spacing and "Kab."/"Kabupaten" set aside, a
    leading "Pemerintah" left out ("Pemerintah Kab. Luwu", "kabupaten  LUWU" -> "kabupaten luwu")."""
    text = unicodedata.normalize("NFKC", name).casefold().replace("-", "")
    words: list[str] = []
    letters = False  # the last word was a run of single letters: "D.I." reads "di", "R.I." "ri"
    for word in re.split(r"[\s.,;:()/'\"’]+", text):
        if len(word) == 1 and letters:
            words[-1] += word
        elif word:
            words.extend(_SHORT_WORDS.get(word, word).split())
        letters = len(word) == 1 or (letters and not word)
    if words and words[0] in _LEADING:
        words[:1] = [_LEADING_KIND[words[0]]] if words[0] in _LEADING_KIND else []
    if words[:2] == ["daerah", "istimewa"]:
        words[:2] = ["di"]
    return " ".join(words)


def province_name(printed: str) -> str:
    """A province as named in one place: the reports' two spellings of two provinces joined."""
    return _PROVINCE_SPELLINGS.get(name_key(printed), " ".join(printed.split()))


def category_from_name(name: str) -> str | None:
    """The category a name says ("Pemerintah Kabupaten ..." -> kabupaten, "Kementerian ..." ->
    kementerian), or None where the name does not say it (a central agency's category)."""
    key = name_key(name)
    first = key.split(" ", 1)[0]
    if first in ("kabupaten", "kota", "provinsi", "kementerian"):
        return first
    return "provinsi" if key in _PROVINCES_BY_NAME else None


def kind_from_name(name: str) -> str | None:
    """kabupaten, kota, provinsi or pusat as the name says it, or None."""
    category = category_from_name(name)
    if category is not None:
        return kind_of(category)
    return "pusat" if name_key(name).split(" ", 1)[0] in _CENTRAL_WORDS else None


@dataclass(frozen=True)
class PublishedSource:
    key: str  # "LPE-2024"
    title: str
    url: str | None = None


class PublishedResult(NamedTuple):  # NamedTuples: a year's 600 rows are read in about 2 ms
    """One institution's result as a national report printed it.

    group: the report's grouping as printed (a central group, or the province of a regional
    government); domains: D1-D4, None where the source cell is damaged (`flag` says so)."""

    year: int
    table: int
    group: str
    number: int  # the row's number in its table
    institution: str
    kind: str
    domains: tuple[Decimal | None, ...]
    shown: Decimal  # the index as printed
    predikat: str
    flag: str | None
    source: str  # "LPE-2024 Tabel 9"

    @property
    def key(self) -> str:
        return name_key(self.institution)

    @property
    def category(self) -> str:
        if self.kind != "pusat":
            return self.kind
        return _CENTRAL_GROUPS.get(name_key(self.group), "lainnya")

    @property
    def province(self) -> str | None:
        """The province of a regional government; None for a central institution."""
        return province_name(self.group) if self.kind in REGIONAL else None


class PublishedAverage(NamedTuple):
    """A national or category average as published: `measure` is index, D1-D4, A1-A8 or "domain <name>"."""

    year: int
    category: str  # as the source names it: "Nasional", "Kabupaten", "LNS dan Instansi Lainnya"
    measure: str
    value: Decimal
    source: str  # "LPE-2024 Tabel 8"

    @property
    def target(self) -> tuple[str, int | None]:
        """What the figure measures: ("index", None), ("domain", 2) or ("aspect", 5)."""
        if self.measure == "index":
            return "index", None
        if self.measure in _SPBE_2018_DOMAINS:
            return "domain", _SPBE_2018_DOMAINS[self.measure]
        kind = {"D": "domain", "A": "aspect"}[self.measure[0]]
        return kind, int(self.measure[1:])


class Published(Protocol):
    """Where the published figures come from: each year's rows only when that year is asked for."""

    def result_years(self) -> tuple[int, ...]:
        """The years with per-institution results (known without reading them)."""
        ...

    def results(self, year: int) -> tuple[PublishedResult, ...]: ...

    def averages(self) -> tuple[PublishedAverage, ...]: ...

    def sources(self) -> dict[str, PublishedSource]: ...


@dataclass(frozen=True)
class PublishedData:
    """Published figures held in memory (tests, a library user's own figures)."""

    rows: tuple[PublishedResult, ...] = ()
    average_rows: tuple[PublishedAverage, ...] = ()
    source_list: tuple[PublishedSource, ...] = ()

    def result_years(self) -> tuple[int, ...]:
        return tuple(sorted({row.year for row in self.rows}))

    def results(self, year: int) -> tuple[PublishedResult, ...]:
        return tuple(row for row in self.rows if row.year == year)

    def averages(self) -> tuple[PublishedAverage, ...]:
        return self.average_rows

    def sources(self) -> dict[str, PublishedSource]:
        return {source.key: source for source in self.source_list}


def cited(source: str, sources: dict[str, PublishedSource]) -> str:
    """A figure's source in full: "LPE-2024 Tabel 8" -> "KemenPANRB, Laporan ... 2024, Tabel 8"."""
    key, _, rest = source.partition(" ")
    found = sources.get(key)
    return f"{found.title}, {rest}" if found is not None and rest else found.title if found else source


# --- looking a name up ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Lookup:
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


@dataclass(frozen=True)
class DomainDifference:
    number: int
    name: str
    shown: Decimal  # the file's
    published: Decimal


@dataclass(frozen=True)
class Reconciliation:
    """A scored file against its institution's published result of the same year."""

    row: PublishedResult
    shown: Decimal  # the file's index, as shown
    predikat: str  # the file's predikat
    domains: tuple[DomainDifference, ...]  # the domains whose shown value differs (damaged cells skipped)

    @property
    def delta(self) -> Decimal:
        return self.shown - self.row.shown

    @property
    def reproduces(self) -> bool:
        return self.delta == 0 and self.predikat == self.row.predikat and not self.domains


def comparable_year(framework_id: str, year: int) -> bool:
    """Whether a year's published figures were evaluated under this framework."""
    return year in EVALUATED_UNDER.get(framework_id, ())


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


@dataclass(frozen=True)
class Identity:
    """What kind of institution a file is about, and where it is.

    how: where the category came from: "declared" (the file's `category:`), "published" (its row
    in a published year), "name", or None when unknown."""

    kind: str | None
    category: str | None
    province: str | None
    row: PublishedResult | None  # its published row of the file's year
    how: str | None


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


@dataclass(frozen=True)
class Compared:
    """One figure of the institution beside the national and its category's average of a year."""

    kind: str  # "index", "domain" or "aspect"
    number: int | None
    name: str
    value: Fraction  # the institution's own, exact
    national: PublishedAverage | None
    category: PublishedAverage | None


@dataclass(frozen=True)
class Standing:
    """The rank of the institution's shown index among a year's published results of a scope."""

    scope: str  # "category" or "province"
    name: str  # the category ("kabupaten", "lns") or the province
    rank: int  # equal shown indices share a rank
    count: int  # the institutions ranked, the file's included
    year: int


@dataclass(frozen=True)
class Position:
    """Where a scored file stands against what KemenPANRB published.

    averages_year: the year whose averages are shown: the file's own, else the latest published year
    of the same framework (`latest`), None when none is comparable (`reason` says why: "framework"
    when nothing was published under the file's framework, e.g. Pemdi). standings and distribution
    (the category's published indices, the file's own row left out) are for a year with published
    rows only."""

    year: int
    framework_id: str
    identity: Identity
    averages_year: int | None
    category_name: str | None  # the averages' category as the source names it
    comparisons: tuple[Compared, ...]
    standings: tuple[Standing, ...]
    distribution: tuple[Decimal, ...]
    sources: tuple[str, ...]  # the averages' sources, as given in the data ("LPE-2024 Tabel 8")
    rows_source: str | None = None  # the report whose result tables the ranks count ("LPE-2024")
    reason: str | None = None
    value: Decimal | None = None  # the file's shown index, marked among the distribution

    @property
    def latest(self) -> bool:
        return self.averages_year is not None and self.averages_year != self.year


def position(result: ScoreResult, published: Published, declared: str | None = None) -> Position:
    """Where `result` stands: its index, domains and aspects beside the national and category averages
    of its year (or the latest comparable year), and its rank among that year's published results."""
    framework_id = result.framework.id
    identity = identify(result.institution, result.year, published, declared)
    years = sorted({a.year for a in published.averages() if comparable_year(framework_id, a.year)})
    if not years:
        return Position(
            result.year, framework_id, identity, None, None, (), (), (), (), None, "framework", result.shown
        )
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
    used = sorted({a.source for c in comparisons for a in (c.national, c.category) if a is not None})
    return Position(
        result.year,
        framework_id,
        identity,
        chosen,
        category_name,
        comparisons,
        standings,
        distribution,
        tuple(used),
        rows_source,
        None,
        result.shown,
    )


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


@dataclass(frozen=True)
class PrintedEdge:
    """A published index printed on a band's lower edge with the band below it: the exact index,
    which the report does not print, lay under the edge. `from_domains` is the index the printed
    (rounded) domains give, within about 0.01 of the exact one; None where a domain cell is damaged."""

    band: str  # the band whose edge the printed figure sits on
    edge: Decimal
    from_domains: Fraction | None


@dataclass(frozen=True)
class Listing:
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
