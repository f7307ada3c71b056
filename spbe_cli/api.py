"""The library API: the same steps the command line takes, without any printing."""

from __future__ import annotations

from typing import Any

from .core.assessment import Assessment
from .core.scoring import ScoreResult
from .core.scoring import score as _score
from .loading.catalog import Catalog, load_catalog
from .loading.loader import load_file
from .loading.loader import parse_assessment as _parse
from .loading.loader import validate_data as _validate


def load_frameworks(path: str | None = None) -> Catalog:
    """The frameworks of indicators.yaml (or of the file at path). Raises InvalidInput."""
    return load_catalog(path)


def load_assessment(path: str, frameworks: Catalog | None = None) -> Assessment:
    """Read and validate an assessment file. Raises InvalidInput with every located problem."""
    return load_file(path, frameworks or load_catalog())


def parse_assessment(data: bytes, path: str = "<bytes>", frameworks: Catalog | None = None) -> Assessment:
    return _parse(data, path, frameworks or load_catalog())


def validate_data(data: dict[str, Any], frameworks: Catalog | None = None) -> Assessment:
    """Validate an assessment given as a dict (e.g. built in a notebook)."""
    return _validate(data, frameworks or load_catalog())


def score(assessment: Assessment, frameworks: Catalog | None = None) -> ScoreResult:
    catalog = frameworks or load_catalog()
    return _score(assessment, catalog.get(assessment.framework))
