"""KemenPANRB's published results and averages as data, and a scored file's standing among them as
data: what the scoring core may carry without importing the work of comparing (core/published.py).

Pure: the figures come in through `Published` (spbe_cli.loading.published reads the packaged CSVs,
each year only when asked for); nothing here reads a file. Figures are quoted as published, never
recomputed: the reports' averages are not the plain means of their rows (2024: 3.12 published,
3.17 as the mean of the 615 rows).

Names vary between years and between people ("Kab." and "Kabupaten", "Pemerintah" or not, line
breaks): `name_key` is the one place that normalises them.
"""

# Annotations are evaluated when the module is imported (no `from __future__ import annotations`): a
# NamedTuple would otherwise compile each field's annotation text, most of this module's import time.

import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from typing import NamedTuple, Protocol

from .categories import REGIONAL, kind_of
from .numbers import round_half_up

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


class PublishedSource(NamedTuple):
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


class PublishedData(NamedTuple):
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


class DomainDifference(NamedTuple):
    number: int
    name: str
    shown: Decimal  # the file's
    published: Decimal


class Reconciliation(NamedTuple):
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


class Identity(NamedTuple):
    """What kind of institution a file is about, and where it is.

    how: where the category came from: "declared" (the file's `category:`), "published" (its row
    in a published year), "name", or None when unknown."""

    kind: str | None
    category: str | None
    province: str | None
    row: PublishedResult | None  # its published row of the file's year
    how: str | None


class Compared(NamedTuple):
    """One figure of the institution beside the national and its category's average of a year."""

    kind: str  # "index", "domain" or "aspect"
    number: int | None
    name: str
    value: Fraction  # the institution's own, exact
    national: PublishedAverage | None
    category: PublishedAverage | None

    @property
    def shown(self) -> Decimal:
        return round_half_up(self.value)

    def beside(self, average: PublishedAverage | None) -> Decimal | None:
        """The shown figure less a published average (None where none is published): how far above it."""
        return None if average is None else self.shown - average.value


class Standing(NamedTuple):
    """The rank of the institution's shown index among a year's published results of a scope."""

    scope: str  # "category" or "province"
    name: str  # the category ("kabupaten", "lns") or the province
    rank: int  # equal shown indices share a rank
    total: int  # the institutions ranked, the file's included
    year: int


class Position(NamedTuple):
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
    reason: str | None = None  # why nothing is compared: "framework" (none published under it) or "year"
    value: Decimal | None = None  # the file's shown index, marked among the distribution

    @property
    def latest(self) -> bool:
        return self.averages_year is not None and self.averages_year != self.year


class PrintedEdge(NamedTuple):
    """A published index printed on a band's lower edge with the band below it: the exact index,
    which the report does not print, lay under the edge. `from_domains` is the index the printed
    (rounded) domains give, within about 0.01 of the exact one; None where a domain cell is damaged."""

    band: str  # the band whose edge the printed figure sits on
    edge: Decimal
    from_domains: Fraction | None
