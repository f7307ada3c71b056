"""The level criteria shipped with spbe (`spbe_cli/criteria/*.yaml`, their sources in its README.md).

Package data, read only when a command shows criteria (a sheet, a template, `indicators --criteria`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..core.criteria import LevelCriteria
from ..core.framework import Framework

_REGULATION = re.compile(r"Nomor (\d+) Tahun (\d{4})")


def criteria_for(framework: Framework) -> LevelCriteria | None:
    """The level criteria of `framework` (by its id), for its indicators only; None where spbe ships none."""
    found = _shipped(framework.id)
    if found is None:
        return None
    known = {indicator.id for indicator in framework.indicators}
    levels = {key: value for key, value in found.levels.items() if key in known}
    if not levels:
        return None  # a frameworks file of its own that reuses the id for other indicators
    return LevelCriteria(found.framework, found.official, found.regulation, found.location, found.url, levels)


@lru_cache(maxsize=4)
def _shipped(framework_id: str) -> LevelCriteria | None:
    import yaml

    folder = resources.files("spbe_cli") / "criteria"
    source = folder / f"{framework_id}.yaml"
    if not source.is_file():
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=loader)  # package data, read safely
    cited = _REGULATION.search(str(data.get("regulation", "")))
    regulation = f"PermenPANRB {cited[1]}/{cited[2]}" if cited else str(data.get("regulation", ""))
    sources = data.get("sources", {})
    primary: dict[str, object] = next(iter(sources.values()), {}) if isinstance(sources, dict) else {}
    levels = {
        str(indicator_id): {int(level): str(text).strip() for level, text in (entry.get("levels") or {}).items()}
        for indicator_id, entry in (data.get("indicators") or {}).items()
    }
    return LevelCriteria(
        framework=str(data.get("framework", framework_id)),
        official="text_status" not in data,
        regulation=regulation,
        location=str(data.get("text_location", "")),
        url=str(primary.get("url", "")),
        levels=levels,
    )
