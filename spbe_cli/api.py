"""The library API: the same steps the command line takes, without any printing.

Every function that reads input raises InvalidInput with every located problem; `language`
("en" or "id") is the language `str(error)` words them in. Each problem can also be worded in
any language later: `problem.render(Messages("id"))`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from .core.assessment import Assessment
from .core.figures import Position, PublishedResult, Reconciliation
from .core.scoring import ScoreResult
from .core.scoring import score as _score
from .loading.catalog import Catalog, load_catalog
from .loading.checker import validate_data as _validate
from .loading.loader import load_file
from .loading.loader import parse_assessment as _parse
from .problems import InvalidInput

if TYPE_CHECKING:
    from .core.published import Lookup

T = TypeVar("T")


def _catalog(frameworks: Catalog | None, language: str) -> Catalog:
    return frameworks if frameworks is not None else load_frameworks(language=language)


def _run(step: Callable[[], T], language: str) -> T:
    try:
        return step()
    except InvalidInput as error:
        error.language = language
        raise


def load_frameworks(path: str | None = None, language: str = "en") -> Catalog:
    """The frameworks of indicators.yaml (or of the file at path). Raises InvalidInput."""
    return _run(lambda: load_catalog(path), language)


def load_assessment(path: str, frameworks: Catalog | None = None, language: str = "en") -> Assessment:
    """Read and validate an assessment file. Raises InvalidInput with every located problem."""
    catalog = _catalog(frameworks, language)
    return _run(lambda: load_file(path, catalog), language)


def parse_assessment(
    data: bytes, path: str = "<bytes>", frameworks: Catalog | None = None, language: str = "en"
) -> Assessment:
    """Validate an assessment file's bytes. Raises InvalidInput with every located problem."""
    catalog = _catalog(frameworks, language)
    return _run(lambda: _parse(data, path, catalog), language)


def validate_data(data: dict[str, Any], frameworks: Catalog | None = None, language: str = "en") -> Assessment:
    """Validate an assessment given as a dict (e.g. built in a notebook). Raises InvalidInput."""
    catalog = _catalog(frameworks, language)
    return _run(lambda: _validate(data, catalog), language)


def score(assessment: Assessment, frameworks: Catalog | None = None, language: str = "en") -> ScoreResult:
    """Score a validated assessment with its framework."""
    catalog = _catalog(frameworks, language)
    return _score(assessment, catalog.get(assessment.framework))


# --- KemenPANRB's published results (packaged with spbe; see `spbe published`) ---------------------


def published_years() -> tuple[int, ...]:
    """The years whose per-institution results are packaged."""
    from .loading.published import packaged

    return packaged().result_years()


def published_results(year: int, kind: str | None = None) -> tuple[PublishedResult, ...]:
    """One year's published results as printed (`kind`: "provinsi", "kabupaten", "kota", or a central
    kind), in the report's table order; empty for a year without packaged results."""
    from .core.published import select
    from .loading.published import packaged

    return select(packaged().results(year), kind=kind)


def find_published(name: str, year: int | None = None) -> Lookup:
    """The institutions `name` names among the published results (of `year`, else of every packaged
    year), matched as `spbe published NAME` matches: leniently, never guessing between several."""
    from .core.published import lookup
    from .loading.published import packaged

    figures = packaged()
    years = (year,) if year is not None else figures.result_years()
    return lookup(name, [row for y in years for row in figures.results(y)])


def reconcile_published(result: ScoreResult) -> Reconciliation | None:
    """A scored file against its own published row (same institution, year and framework): the
    published figures and every domain that differs; None when nothing was published for it."""
    from .core.published import reconcile
    from .loading.published import packaged

    return reconcile(result, packaged())


def published_position(result: ScoreResult) -> Position:
    """Where a scored file stands: beside the published national and category averages of its year
    (or the latest comparable one) and its rank among that year's published results."""
    from .core.published import position
    from .loading.published import packaged

    return position(result, packaged())
