"""The commonest valid assessment, checked without Pydantic: a quick path that gives exactly what the
framework's model gives, or gives up.

Most files of an integer framework (SPBE) are four keys and, per indicator, one whole number or a
small mapping (`{level: 3, target: 4, pic: Diskominfo, note: ...}`). For such a file the Pydantic
model (`models.py`) accepts exactly when every indicator is there and no other key, each value is a
whole number (not a bool) in the framework's range, each text is text, the year is a whole number in
its range, and the institution's name is text that stripping leaves as it is, with something visible
in it. Building that model and importing Pydantic cost a one-file run more than reading and scoring
the file, so a file of that shape is checked here and anything else (another key, a list, evidence,
stages, a service, a decimal framework, an indicator valued per service or from another index, a name
with spaces around it or outside ASCII, any problem at all) returns None and goes to the model, which
locates every problem. A property test holds both paths to the same result.
"""

from __future__ import annotations

from typing import Any

from ..core.assessment import Assessment, Entry
from ..core.framework import Framework
from .keys import PLAIN_ENTRIES, YEAR_MAX, YEAR_MIN

PLAIN_TOP_KEYS = frozenset(("framework", "institution", "year", "levels"))


def plain_assessment(data: Any, framework: Framework, source: str | None) -> Assessment | None:
    """The assessment `data` (its keys already text) holds, if it is plain and valid; else None."""
    if not framework.integer_values or type(data) is not dict or data.keys() != PLAIN_TOP_KEYS:
        return None
    institution, year, levels = data["institution"], data["year"], data["levels"]
    if type(data["framework"]) is not str or not _plain_name(institution):
        return None
    if type(year) is not int or not YEAR_MIN <= year <= YEAR_MAX or type(levels) is not dict:
        return None
    if len(levels) != len(framework.indicators) or levels.keys() != framework.by_id.keys():
        return None
    low, high = framework.min_value, framework.max_value
    entries: dict[str, Entry] = {}
    for indicator in framework.indicators:
        value = levels[indicator.id]
        if type(value) is int and low <= value <= high:
            entries[indicator.id] = PLAIN_ENTRIES.get(value) or Entry(values=(value,))
        elif type(value) is dict and not indicator.multiple and indicator.external is None:
            entry = _plain_entry(value, low, high)
            if entry is None:
                return None
            entries[indicator.id] = entry
        else:
            return None
    return Assessment(
        framework=framework.id, institution=institution, year=year, entries=entries, source=source, stage=None
    )


def _plain_entry(raw: dict[str, Any], low: int, high: int) -> Entry | None:
    """An indicator's mapping of a whole-number level, a target, offices as one text and notes, as the
    model reads it (`models.to_entry`); None for any other mapping."""
    if not raw.keys() <= ENTRY_TEXTS.keys() | {"level", "target"}:
        return None
    level, target = raw.get("level"), raw.get("target")
    if type(level) is not int or not low <= level <= high:
        return None
    if target is not None and (type(target) is not int or not low <= target <= high):
        return None
    if "target" in raw and target is None:
        return None
    texts = {key: raw.get(key) for key in ENTRY_TEXTS}
    if any(text is not None and type(text) is not str for text in texts.values()):
        return None
    pic = texts["pic"]
    return Entry(
        values=(level,),
        target=target,
        note=texts["note"],
        pic=(pic.strip(),) if pic is not None and pic.strip() else (),
        assessor_note=texts["assessor_note"],
        recommendation=texts["recommendation"],
        stage_values={},
    )


# The texts of an entry mapping the quick path reads: each given as text (never stripped, as the model)
ENTRY_TEXTS = dict.fromkeys(("note", "pic", "assessor_note", "recommendation"))


def _plain_name(name: Any) -> bool:
    # ASCII only: Python's and Pydantic's whitespace agree there, and no format character is visible-less
    return (
        type(name) is str
        and name.isascii()
        and name.strip() == name
        and any(char.isprintable() and not char.isspace() for char in name)
    )
