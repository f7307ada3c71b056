"""KemenPANRB's published results and averages, shipped as CSV in spbe_cli/data/published/.

Each file is read when first asked for and kept for the rest of the run: `spbe score` of a file
whose year has no published rows reads none of them (the years are known from the file names).
The data is the project's own, checked by its tests: a malformed file is a bug (ValueError), not a
user's mistake.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # imported where a file is read: asking which years exist costs a folder listing only
    from decimal import Decimal

    from ..core.figures import PublishedAverage, PublishedResult, PublishedSource

FOLDER = Path(__file__).resolve().parent.parent / "data" / "published"
RESULTS_PREFIX = "results-"
RESULT_COLUMNS = [
    "year",
    "table",
    "group",
    "no",
    "institution",
    "kind",
    "d1",
    "d2",
    "d3",
    "d4",
    "index",
    "predikat",
    "flag",
]
AVERAGE_COLUMNS = ["year", "category", "measure", "value", "source"]
SOURCE_COLUMNS = ["key", "title", "url"]


class PackagedFigures:
    """The packaged figures (a `core.published.Published`), read lazily, file by file."""

    def __init__(self, folder: Path = FOLDER):
        self.folder = folder

    def result_years(self) -> tuple[int, ...]:
        return _result_years(str(self.folder))

    def results(self, year: int) -> tuple[PublishedResult, ...]:
        if year not in self.result_years():
            return ()
        return _results(str(self.folder / f"{RESULTS_PREFIX}{year}.csv"))

    def averages(self) -> tuple[PublishedAverage, ...]:
        return _averages(str(self.folder / "averages.csv"))

    def sources(self) -> dict[str, PublishedSource]:
        return dict(_sources(str(self.folder / "sources.csv")))


def packaged() -> PackagedFigures:
    return PackagedFigures()


@lru_cache(maxsize=4)
def _result_years(folder: str) -> tuple[int, ...]:
    names = os.listdir(folder)
    years = [name[len(RESULTS_PREFIX) : -len(".csv")] for name in names if name.startswith(RESULTS_PREFIX)]
    return tuple(sorted(int(year) for year in years if year.isdigit()))


def _rows(path: str, columns: list[str]) -> list[list[str]]:
    import csv
    import io

    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(io.StringIO(handle.read())))
    if not rows or rows[0] != columns or any(len(row) != len(columns) for row in rows):
        raise ValueError(f"{path}: expected {len(columns)} columns {columns} in every row")
    return rows[1:]


def _decimal(text: str) -> Decimal | None:
    from decimal import Decimal

    return Decimal(text) if text else None


@lru_cache(maxsize=8)
def _results(path: str) -> tuple[PublishedResult, ...]:
    from decimal import Decimal

    from ..core.categories import KINDS
    from ..core.figures import PublishedResult

    found = []
    for year, table, group, number, institution, kind, d1, d2, d3, d4, index, predikat, flag in _rows(
        path, RESULT_COLUMNS
    ):
        if kind not in KINDS:
            raise ValueError(f"{path}: {institution}: unknown kind {kind!r}")
        found.append(
            PublishedResult(
                int(year),
                int(table),
                group,
                int(number),
                institution,
                kind,
                (_decimal(d1), _decimal(d2), _decimal(d3), _decimal(d4)),
                Decimal(index),
                predikat,
                flag or None,
                f"LPE-{year} Tabel {table}",  # the report of the year itself (the data's README)
            )
        )
    return tuple(found)


@lru_cache(maxsize=4)
def _averages(path: str) -> tuple[PublishedAverage, ...]:
    from decimal import Decimal

    from ..core.figures import PublishedAverage

    return tuple(
        PublishedAverage(int(year), category, measure, Decimal(value), source)
        for year, category, measure, value, source in _rows(path, AVERAGE_COLUMNS)
    )


@lru_cache(maxsize=4)
def _sources(path: str) -> tuple[tuple[str, PublishedSource], ...]:
    from ..core.figures import PublishedSource

    return tuple((key, PublishedSource(key, title, url or None)) for key, title, url in _rows(path, SOURCE_COLUMNS))
