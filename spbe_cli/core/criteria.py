"""Level criteria per indicator (kriteria tingkat): what each level of an indicator asks for, in words.

Plain data, read from the package's `criteria/` folder by `spbe_cli.loading.criteria`. Where the text
is the regulation's own (spbe-2020: PermenPANRB 59/2020, Lampiran Bab II huruf E, kolom Kriteria) it is
marked `official`; otherwise (pemdi-2026) it is a third-party extraction of the indicator modules, and
every place that shows it says so. The text is shown as it is, never shortened or reworded.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class LevelCriteria:
    """One framework's level criteria.

    framework: its id; official: whether the text is the regulation's own; regulation: the regulation
    as cited ("PermenPANRB 59/2020"); location: where in it the text stands (official text only);
    url: the source the text was taken from; levels: indicator id -> level -> text.
    """

    framework: str
    official: bool
    regulation: str
    location: str
    url: str
    levels: Mapping[str, Mapping[int, str]]

    def of(self, indicator_id: str) -> Mapping[int, str]:
        """An indicator's criteria, level by level (empty where the source has none)."""
        return self.levels.get(indicator_id, {})
