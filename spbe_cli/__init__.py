"""spbe: compute Indonesia's Indeks SPBE and Indeks Pemerintah Digital from assessment files.

Library use:

    import spbe_cli
    assessment = spbe_cli.load_assessment("assessment.yaml")
    result = spbe_cli.score(assessment)
    print(result.shown, result.predikat)

Importing this package is cheap: the API below is loaded on first use.
"""

from __future__ import annotations

__version__ = "0.1.0"

_API = {
    "load_frameworks": "spbe_cli.api",
    "load_assessment": "spbe_cli.api",
    "parse_assessment": "spbe_cli.api",
    "validate_data": "spbe_cli.api",
    "score": "spbe_cli.api",
    "published_years": "spbe_cli.api",
    "published_results": "spbe_cli.api",
    "find_published": "spbe_cli.api",
    "reconcile_published": "spbe_cli.api",
    "published_position": "spbe_cli.api",
    "Assessment": "spbe_cli.core.assessment",
    "Entry": "spbe_cli.core.assessment",
    "ScoreResult": "spbe_cli.core.scoring",
    "InvalidInput": "spbe_cli.problems",
    "Problem": "spbe_cli.problems",
    "ExitCode": "spbe_cli.exitcodes",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> object:
    if name in _API:
        import importlib

        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'spbe_cli' has no attribute {name!r}")
