"""Merging the sheets that offices (OPD) filled into one assessment: only what each sheet gives.

A sheet gives an indicator's field when it holds something there (a value, a stage's value, a target,
offices, a note, evidence ...). What no sheet gives stays as it was. Two sheets giving different things
for the same field (for values: the same indicator and stage) is a conflict: nothing is merged, and
both places are named. Sheets of another framework, year or institution than the assessment they fill
do not belong to it: each is refused where it says so.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..i18n import M, Phrase
from ..problems import Place, Problem
from .assessment import Assessment, Entry
from .framework import Framework
from .stages import STAGES

# An entry's fields a sheet can give, besides its values.
_FIELDS = ("target", "note", "evidence", "pic", "service", "assessor_note", "recommendation")
# What must be the same in every sheet and the assessment they fill.
BELONGING = ("framework", "year", "institution")


@dataclass(frozen=True)
class Conflict:
    indicator_id: str
    field: str  # "level", a stage id, "external", or one of _FIELDS
    first: Place  # where the first value came from (e.g. a.xlsx:Penilaian!F14)
    second: Place

    def problem(self) -> Problem:
        """The conflict at its second place, naming the first."""
        field = "nilai" if self.field == "level" else self.field  # the sheet's name for a plain value
        conflict = Phrase(M.err_merge_conflict, id=self.indicator_id, field=field, first=str(self.first))
        return Problem.at(self.second, conflict)


@dataclass(frozen=True)
class Merged:
    assessment: Assessment
    conflicts: tuple[Conflict, ...]
    filled: int  # how many fields the sheets gave


def empty_like(first: Assessment, framework: Framework) -> Assessment:
    """A new assessment of `first`'s framework, institution and year, every indicator not filled yet."""
    entries = {indicator.id: Entry(values=None) for indicator in framework.indicators}
    return Assessment(first.framework, first.institution, first.year, entries, category=first.category)


def strangers(base: Assessment, sheets: Sequence[Assessment], named: str) -> list[Problem]:
    """A problem for each sheet's framework, year or institution that is not the one of `base` (the file
    `named`), at the sheet's own place for it; none when every sheet belongs."""
    found = []
    for sheet in sheets:
        for field in BELONGING:
            given, expected = getattr(sheet, field), getattr(base, field)
            if given != expected:
                differs = Phrase(M.err_sheet_differs, field=field, given=given, expected=expected, where=named)
                found.append(Problem.at(_place(sheet, (field,)), differs))
    return found


def _place(sheet: Assessment, path: tuple[str, ...]) -> Place:
    return sheet.places.place(path) if sheet.places is not None else Place(sheet.source or "-")


def _given(value: Any) -> bool:
    return value is not None and value != () and value != {}


def _fields(given: Entry) -> Iterator[tuple[str, Any]]:
    """What an entry of a sheet gives, field by field: its values (plain, per stage or from another
    agency's index), then its other fields; empty ones too (the caller skips them)."""
    yield from ((stage, values) for stage, values in given.stage_values.items() if values is not None)
    if given.external is not None:
        yield "external", given.external
    elif not given.stage_values and given.values is not None:
        yield "level", given.values
    yield from ((name, getattr(given, name)) for name in _FIELDS)


def _changed(current: Entry, given: Entry, changes: dict[str, Any], name: str, value: Any) -> None:
    """Record in `changes` that field `name` of `current` becomes `value` (from the sheet's `given`)."""
    if name == "external":
        changes.update(external=value, values=given.values, stage_values={})
    elif name == "level":
        changes["values"] = value
        changes["external"] = None
        if current.stage_values:
            changes["stage_values"] = {}
    elif name in _FIELDS:
        changes[name] = value
    else:  # a stage's value: the entry is staged now, its value at a stage comes from stage_values
        stages = dict(changes.get("stage_values", current.stage_values))
        stages[name] = value
        changes["stage_values"] = {stage: stages[stage] for stage in STAGES if stage in stages}
        changes["values"] = None


def merge(base: Assessment, sheets: Sequence[Assessment]) -> Merged:
    """`base` with every field the sheets give; conflicts between sheets are listed, not resolved.

    Each sheet names where it holds a field through its `places` (a sheet read without places is named
    by its file)."""
    entries = dict(base.entries)
    origin: dict[tuple[str, str], tuple[Any, Place]] = {}  # (indicator, field) -> the value and its place
    conflicts: list[Conflict] = []
    filled = 0
    for sheet in sheets:
        for indicator_id, given in sheet.entries.items():
            current = entries.get(indicator_id, Entry(values=None))
            changes: dict[str, Any] = {}
            for name, value in _fields(given):
                if not _given(value):
                    continue
                place = _place(sheet, ("levels", indicator_id, name))
                before = origin.get((indicator_id, name))
                if before is not None and before[0] != value:
                    conflicts.append(Conflict(indicator_id, name, before[1], place))
                    continue
                origin[(indicator_id, name)] = (value, place)  # a conflict names the last sheet that agreed
                filled += 1
                _changed(current, given, changes, name, value)
            if changes:
                entries[indicator_id] = current._replace(**changes)
    merged = replace(base, entries=entries, declared_stage=_latest(base.declared_stage, sheets))
    return Merged(merged, tuple(conflicts), filled)


def _latest(declared: str | None, sheets: Sequence[Assessment]) -> str | None:
    """The latest stage that the base or any sheet declares."""
    for sheet in sheets:
        stage = sheet.declared_stage
        if stage is not None and (declared is None or STAGES.index(stage) > STAGES.index(declared)):
            declared = stage
    return declared
