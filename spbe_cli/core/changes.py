"""What a merge changed, field by field: every value (plain, per stage, or from another agency's index)
and every other field of an indicator that the merged assessment holds differently from the one it was
merged into. Pure: two assessments in, the changes out, in framework order. This only compares; the
merge itself is core/merging.py's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

from .assessment import Assessment, Entry
from .stages import STAGES

# An entry's fields besides its values, in the order a sheet's columns give them.
FIELDS = ("target", "note", "evidence", "pic", "service", "assessor_note", "recommendation")
LEVEL, EXTERNAL = "level", "external"


class FieldChange(NamedTuple):
    """One field of one indicator, before and after (None: not held)."""

    indicator_id: str
    field: str  # "level" (a value for every stage), a stage id, "external", or one of FIELDS
    before: Any
    after: Any

    @property
    def added(self) -> bool:
        """Given where nothing was held before."""
        return not _held(self.before)


def _held(value: Any) -> bool:
    return value is not None and value != () and value != {}


def value_record(entry: Entry) -> dict[str, Any]:
    """An entry's value as the file records it: per stage, from another agency's index, or plain."""
    if entry.external is not None:
        return {EXTERNAL: entry.external}
    if entry.stage_values:
        return dict(entry.stage_values)
    return {LEVEL: entry.values}


def _order(field: str) -> int:
    return {LEVEL: -1, EXTERNAL: len(STAGES)}.get(field, STAGES.index(field) if field in STAGES else len(STAGES))


def entry_changes(indicator_id: str, before: Entry, after: Entry) -> Iterator[FieldChange]:
    """The fields of one indicator that differ."""
    old, new = value_record(before), value_record(after)
    for field in sorted(set(old) | set(new), key=_order):
        was, now = old.get(field), new.get(field)
        if was != now and (_held(was) or _held(now)):
            yield FieldChange(indicator_id, field, was, now)
    for field in FIELDS:
        was, now = getattr(before, field), getattr(after, field)
        if was != now and (_held(was) or _held(now)):
            yield FieldChange(indicator_id, field, was, now)


def changes(base: Assessment, merged: Assessment) -> list[FieldChange]:
    """Every field `merged` holds differently from `base`, indicator by indicator."""
    found: list[FieldChange] = []
    for indicator_id, after in merged.entries.items():
        before = base.entries.get(indicator_id, Entry(values=None))
        if after is not before and after != before:
            found.extend(entry_changes(indicator_id, before, after))
    return found
