"""The library API: the same steps the command line takes, without any printing.

Every function that reads input raises InvalidInput with every located problem; `language`
("en" or "id") is the language `str(error)` words them in. Each problem can also be worded in
any language later: `problem.render(Messages("id"))`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from .core.assessment import Assessment
from .core.scoring import ScoreResult
from .core.scoring import score as _score
from .loading.catalog import Catalog, load_catalog
from .loading.checker import validate_data as _validate
from .loading.loader import load_file
from .loading.loader import parse_assessment as _parse
from .problems import InvalidInput

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
