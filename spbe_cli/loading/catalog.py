"""Loading a frameworks file (indicators.yaml or a user's file of the same schema) as a Catalog.

The checks and the models that validate a frameworks file live in `frameworks_file.py`, imported only
when a file must be parsed: the bundled indicators.yaml, once checked, comes from the cache
(`catalog_cache.py`).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from ..core.framework import Framework
from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem, os_reason
from . import catalog_cache
from .yamlread import read_capped


def default_path() -> Path:
    """indicators.yaml inside the installed package, or at the repository root in a source tree."""
    here = Path(__file__).resolve().parent
    packaged = here.parent / "indicators.yaml"
    return packaged if packaged.is_file() else here.parent.parent / "indicators.yaml"


class Catalog:
    """The frameworks of one file, by id, in file order."""

    def __init__(self, frameworks: list[Framework]) -> None:
        self.frameworks = {framework.id: framework for framework in frameworks}

    def __iter__(self) -> Iterator[Framework]:
        return iter(self.frameworks.values())

    def __contains__(self, framework_id: object) -> bool:
        return framework_id in self.frameworks

    def get(self, framework_id: str) -> Framework:
        return self.frameworks[framework_id]

    @property
    def ids(self) -> list[str]:
        return list(self.frameworks)


def load_catalog(path: str | None = None) -> Catalog:
    """Read, validate and build a frameworks file (the bundled one without `path`). Raises InvalidInput.

    The file is read every time and parsed once per content: a file edited in place between two
    calls gives its new frameworks, and reading the same file again costs no second parse.
    """
    file = Path(path) if path else default_path()
    shown = path or str(file)
    try:
        data = read_capped(str(file))  # capped like an assessment: /dev/zero or a FIFO cannot fill memory
    except OSError as error:
        raise InvalidInput(
            [Problem.at(Place(shown), Phrase(M.fw_unreadable, reason=os_reason(error)), "file")]
        ) from None
    return parse_catalog(data, shown) if path else _bundled(data, shown)


@lru_cache(maxsize=8)
def parse_catalog(data: bytes, path: str) -> Catalog:
    """The frameworks of a frameworks file's bytes (cached by content and shown path)."""
    from .frameworks_file import build_frameworks

    return Catalog(build_frameworks(data, path))


@lru_cache(maxsize=2)
def _bundled(data: bytes, path: str) -> Catalog:
    """The bundled frameworks: from the cache when these bytes were checked before, else parsed and kept."""
    cached = catalog_cache.read(data)
    if cached is not None:
        return Catalog(cached)
    catalog = parse_catalog(data, path)
    catalog_cache.write(data, list(catalog))
    return catalog
