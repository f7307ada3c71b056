"""Merging the sheets that offices (OPD) and assessors filled into one assessment: only what each gives.

A sheet gives an indicator's field when it holds something there (a value, a stage's value, a target,
offices, a note, evidence ...). What no sheet gives stays as it was. Nothing a person wrote is ever
dropped without a word:

- Two sheets giving different things for the same field (for values: the same indicator and stage)
  is a conflict; so is one sheet giving a value for every stage (`nilai`) and another a value per
  stage or from another agency's index for the same indicator. Both places and both values are named.
- A value per stage given for an indicator the assessment holds as a plain value (`12: 3`, a value for
  every stage) keeps that plain value as the stage it belongs to: the assessment's own stage, or the
  self-assessment (`mandiri`) when it declares none. The other way round, a plain value given for an
  indicator recorded per stage, or a value given where another agency's index sets it (and the other
  way), is refused (`Refusal`): the sheet does not say which of the two is meant.
- When the sheets record a stage after the one the assessment declares, the declared stage moves on to it.
- What changed, field by field, is listed (`Merged.changes`), with counts of what was added.

Nothing is merged while any conflict or refusal stands: the caller writes nothing. Sheets of another
framework, year or institution than the assessment they fill do not belong to it (`strangers`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Any, NamedTuple

from ..i18n import M, Phrase
from ..i18n.numbers import plain_number
from ..problems import Place, Problem
from .assessment import Assessment, Entry, Evidence
from .external import ExternalValue
from .framework import Framework
from .stages import FIRST, STAGES, ordered, position

# An entry's fields a sheet can give, besides its values.
_FIELDS = ("target", "note", "evidence", "pic", "service", "assessor_note", "recommendation")
# What must be the same in every sheet and the assessment they fill.
BELONGING = ("framework", "year", "institution")
LEVEL, EXTERNAL = "level", "external"  # a plain value's field, and a value from another agency's index


def _kind(field: str) -> str | None:
    """How a field gives the value: "level" (every stage), "stages", "external"; None: not a value."""
    if field in STAGES:
        return "stages"
    return field if field in (LEVEL, EXTERNAL) else None


def shown(value: object) -> object:
    """A given value as a message shows it: a number, `3 / 2` for several services, a count of
    evidence items, offices joined, a long text cut short, `-` for nothing."""
    if value is None or value == ():
        return "-"
    if isinstance(value, ExternalValue):
        return "pending" if value.number is None else value.number
    if isinstance(value, tuple) and value and all(isinstance(item, Evidence) for item in value):
        return Phrase(M.merge_items, count=len(value))
    if isinstance(value, tuple) and value and all(isinstance(item, (int, Fraction)) for item in value):
        return value[0] if len(value) == 1 else " / ".join(plain_number(item) for item in value)
    if isinstance(value, tuple):
        return "; ".join(str(item) for item in value)
    if isinstance(value, str):
        text = " ".join(value.split())
        return repr(text if len(text) <= 40 else text[:39] + "…")
    return value


def _column(field: str, columns: Mapping[str, str] | None) -> str:
    """A field as the sheet names it (`columns`), else as its value kind is called in a sheet."""
    return (columns or {LEVEL: "nilai", EXTERNAL: "eksternal"}).get(field, field)


@dataclass(frozen=True)
class Conflict:
    """Two sheets giving one indicator's field (or its value, in two ways) differently."""

    indicator_id: str
    field: str  # the second sheet's field: "level", a stage id, "external", or one of _FIELDS
    first: Place  # where the first value came from (e.g. a.xlsx:Penilaian!F14)
    second: Place
    first_value: object = None
    second_value: object = None
    first_field: str | None = None  # the first sheet's field, where the value came in another way

    def problem(self, columns: Mapping[str, str] | None = None) -> Problem:
        """The conflict at its second place, naming the first place and both values; `columns` names
        each field as the sheet's column (`nilai_mandiri`)."""
        values = {
            "id": self.indicator_id,
            "field": _column(self.field, columns),
            "value": shown(self.second_value),
            "first_value": shown(self.first_value),
            "first": str(self.first),
        }
        if self.first_field is not None and self.first_field != self.field:
            return Problem.at(
                self.second, Phrase(M.err_merge_kinds, first_field=_column(self.first_field, columns), **values)
            )
        return Problem.at(self.second, Phrase(M.err_merge_conflict, **values))


@dataclass(frozen=True)
class Refusal:
    """A value a sheet gives that the assessment holds in another way, where taking it would drop one.

    reason: "plain_into_stages" (a value for every stage, the file records values per stage),
    "value_into_external" (the file takes the value from another agency's index), "external_into_value"
    (the sheet gives the other index's number, the file records the value itself)."""

    indicator_id: str
    field: str
    place: Place
    given: object
    reason: str
    held: str  # what the assessment holds, described (`mandiri 3, dokumen 2`)

    def problem(self, named: str, columns: Mapping[str, str] | None = None) -> Problem:
        message = {
            "plain_into_stages": M.err_merge_plain_into_stages,
            "value_into_external": M.err_merge_value_into_external,
            "external_into_value": M.err_merge_external_into_value,
        }[self.reason]
        phrase = Phrase(
            message,
            id=self.indicator_id,
            field=_column(self.field, columns),
            value=shown(self.given),
            held=self.held,
            path=named,
        )
        return Problem.at(self.place, phrase)


class Change(NamedTuple):
    """Something the assessment held that the merge replaced: an indicator's value record (`value`:
    every stage it records, before and after) or one of its other fields."""

    indicator_id: str
    field: str  # "value", or one of _FIELDS
    before: object
    after: object


@dataclass(frozen=True)
class Merged:
    """The merge and what it did. `assessment` is only to be written when `accepted`."""

    assessment: Assessment
    conflicts: tuple[Conflict, ...]
    filled: int  # how many fields the sheets gave
    refusals: tuple[Refusal, ...] = ()
    changes: tuple[Change, ...] = ()  # what the assessment held and the sheets replaced
    added: int = 0  # values given where the assessment held none
    fields_added: int = 0  # other fields given where the assessment held none
    unchanged: int = 0  # fields given exactly as the assessment held them
    kept: tuple[str, ...] = ()  # indicators whose plain value is kept as `kept_stage`
    kept_stage: str = FIRST
    stage_moved: tuple[str | None, str] | None = None  # the declared stage, before and after

    @property
    def accepted(self) -> bool:
        return not self.conflicts and not self.refusals


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
        yield EXTERNAL, given.external
    elif not given.stage_values and given.values is not None:
        yield LEVEL, given.values
    yield from ((name, getattr(given, name)) for name in _FIELDS)


def record(entry: Entry, plain_as: str | None = None) -> dict[str, Any]:
    """An entry's value as recorded: `{"level": values}`, its stage values, or `{"external": value}`;
    a plain value read as stage `plain_as` when given."""
    if entry.external is not None:
        return {EXTERNAL: entry.external}
    if entry.stage_values:
        return dict(entry.stage_values)
    return {plain_as or LEVEL: entry.values}


def _holds_value(entry: Entry) -> bool:
    return any(values is not None for values in record(entry).values())


def _refused(indicator_id: str, field: str, value: Any, place: Place, held: Entry | None) -> Refusal | None:
    """Whether taking this value would drop one the assessment holds in another way."""
    kind = _kind(field)
    if held is None or kind is None:  # a note, offices, a target ... sit beside a value of any kind
        return None
    described = record(held)
    if kind == LEVEL and held.stage_values:
        return Refusal(indicator_id, field, place, value, "plain_into_stages", _described(described))
    if kind != EXTERNAL and held.external is not None and held.external.number is not None:
        return Refusal(indicator_id, field, place, value, "value_into_external", _described(described))
    if kind == EXTERNAL and held.external is None and _holds_value(held):
        return Refusal(indicator_id, field, place, value, "external_into_value", _described(described))
    return None


def _described(recorded: Mapping[str, Any]) -> str:
    """A value record as a message shows it: `mandiri 3, dokumen 2`, `nilai 3`, `eksternal 58.3`."""
    names = {LEVEL: "nilai", EXTERNAL: "eksternal"}
    parts = [f"{names.get(key, key)} {_plain(shown(values))}" for key, values in recorded.items()]
    return ", ".join(parts) or "-"


def _plain(value: object) -> str:
    if isinstance(value, (int, Fraction)):
        return plain_number(Fraction(value))
    return str(value)


def _changed(current: Entry, name: str, value: Any, plain_stage: str) -> tuple[Entry, bool]:
    """`current` with field `name` set to `value`; and whether its plain value became stage `plain_stage`."""
    if name == EXTERNAL:
        external: ExternalValue = value
        return current._replace(external=external, values=(external.value,), stage_values={}), False
    if name == LEVEL:
        return current._replace(values=value, external=None, stage_values={}), False
    if name in _FIELDS:
        return current._replace(**{name: value}), False
    # A stage's value: the entry is staged now; a plain value it held is kept as the stage it belongs to.
    stages = dict(current.stage_values)
    converted = not stages and current.external is None and current.values is not None
    if converted:
        stages[plain_stage] = current.values
    stages[name] = value
    staged = {stage: stages[stage] for stage in STAGES if stage in stages}
    return current._replace(stage_values=staged, values=None, external=None), converted


def merge(base: Assessment, sheets: Sequence[Assessment]) -> Merged:
    """`base` with every field the sheets give; conflicts and refusals are listed, never resolved.

    Each sheet names where it holds a field through its `places` (a sheet read without places is named
    by its file)."""
    entries = dict(base.entries)
    plain_stage = base.declared_stage or FIRST
    origin: dict[tuple[str, str], tuple[Any, Place]] = {}  # (indicator, field) -> the value and its place
    kinds: dict[str, tuple[str, str, Any, Place]] = {}  # indicator -> how the first sheet gave its value
    conflicts: list[Conflict] = []
    refusals: list[Refusal] = []
    kept: list[str] = []
    filled = unchanged = 0
    for sheet in sheets:
        for indicator_id, given in sheet.entries.items():
            current = entries.get(indicator_id, Entry(values=None))
            for name, value in _fields(given):
                if not _given(value):
                    continue
                place = _place(sheet, ("levels", indicator_id, name))
                kind = _kind(name)
                if kind is not None:
                    first = kinds.setdefault(indicator_id, (kind, name, value, place))
                    if first[0] != kind:
                        conflicts.append(Conflict(indicator_id, name, first[3], place, first[2], value, first[1]))
                        continue
                before = origin.get((indicator_id, name))
                if before is not None and before[0] != value:
                    conflicts.append(Conflict(indicator_id, name, before[1], place, before[0], value))
                    continue
                origin[(indicator_id, name)] = (value, place)  # a conflict names the last sheet that agreed
                refusal = _refused(indicator_id, name, value, place, base.entries.get(indicator_id))
                if refusal is not None:
                    refusals.append(refusal)
                    continue
                filled += 1
                unchanged += _same(current, name, value, plain_stage)
                current, converted = _changed(current, name, value, plain_stage)
                if converted:
                    kept.append(indicator_id)
            entries[indicator_id] = current
    declared = _declared(base.declared_stage, sheets, entries)
    merged = replace(base, entries=entries, declared_stage=declared)
    moved = (base.declared_stage, declared) if declared is not None and declared != base.declared_stage else None
    tally = _tally(base, merged, set(kept), plain_stage)
    return Merged(
        merged,
        tuple(conflicts),
        filled,
        tuple(refusals),
        changes=tally.changes,
        added=tally.added,
        fields_added=tally.fields_added,
        unchanged=unchanged,
        kept=tuple(kept),
        kept_stage=plain_stage,
        stage_moved=moved,
    )


class _Tally(NamedTuple):
    changes: tuple[Change, ...]
    added: int
    fields_added: int


def _same(current: Entry, name: str, value: Any, plain_stage: str) -> bool:
    """Whether the entry holds this field's value already (a plain value counting as its stage)."""
    if name in _FIELDS:
        return bool(getattr(current, name) == value)
    if name == EXTERNAL:
        return bool(current.external == value)
    if name == LEVEL:
        return not current.stage_values and current.external is None and bool(current.values == value)
    return bool(record(current, plain_stage).get(name) == value)


def _tally(base: Assessment, merged: Assessment, kept: set[str], plain_stage: str) -> _Tally:
    """What the merge replaced and added, indicator by indicator (a plain value kept as a stage counts
    as that stage's value)."""
    changes: list[Change] = []
    added = fields_added = 0
    for indicator_id, after in merged.entries.items():
        before = base.entries.get(indicator_id, Entry(values=None))
        if after is before:
            continue
        old = record(before, plain_stage if indicator_id in kept else None)
        new = record(after)
        held = {key: values for key, values in old.items() if values is not None}
        if any(new.get(key) != values for key, values in held.items()):
            changes.append(Change(indicator_id, "value", _described(held), _described(new)))
        else:
            added += sum(1 for key, values in new.items() if values is not None and key not in held)
        for name in _FIELDS:
            was, now = getattr(before, name), getattr(after, name)
            if was == now:
                continue
            if _given(was):
                changes.append(Change(indicator_id, name, was, now))
            else:
                fields_added += 1
    return _Tally(tuple(changes), added, fields_added)


class FieldChange(NamedTuple):
    """One field of one indicator that a merge changed, before and after (None or empty: not held)."""

    indicator_id: str
    field: str  # "level" (a value for every stage), a stage id, "external", or one of _FIELDS
    before: Any
    after: Any


def field_changes(base: Assessment, merged: Assessment) -> list[FieldChange]:
    """Every field `merged` holds differently from `base`, cell by cell, in framework order: each
    value as recorded (`record`: plain, per stage, or from another agency's index) and each other field.
    Where `Merged.changes` counts what was replaced, this lists every cell a page shows, added ones too."""
    found: list[FieldChange] = []
    for indicator_id, after in merged.entries.items():
        before = base.entries.get(indicator_id, Entry(values=None))
        if after == before:
            continue
        old, new = record(before), record(after)
        for field in sorted(set(old) | set(new), key=_field_order):
            was, now = old.get(field), new.get(field)
            if was != now and (_given(was) or _given(now)):
                found.append(FieldChange(indicator_id, field, was, now))
        for field in _FIELDS:
            was, now = getattr(before, field), getattr(after, field)
            if was != now and (_given(was) or _given(now)):
                found.append(FieldChange(indicator_id, field, was, now))
    return found


def _field_order(field: str) -> int:
    """A plain value first, then the stages in their order, then a value from another agency's index."""
    return -1 if field == LEVEL else position(field) if field in STAGES else len(STAGES)


def _declared(declared: str | None, sheets: Sequence[Assessment], entries: dict[str, Entry]) -> str | None:
    """The merged file's stage: the latest one it or a sheet declares, moved on to the latest stage its
    entries record when that is later (the evaluation has got as far as the sheets say); None stays None."""
    declared = _latest(declared, sheets)
    recorded = ordered(stage for entry in entries.values() for stage in entry.stage_values)
    if declared is not None and recorded and position(recorded[-1]) > position(declared):
        return recorded[-1]
    return declared


def _latest(declared: str | None, sheets: Sequence[Assessment]) -> str | None:
    """The latest stage that the base or any sheet declares."""
    for sheet in sheets:
        stage = sheet.declared_stage
        if stage is not None and (declared is None or STAGES.index(stage) > STAGES.index(declared)):
            declared = stage
    return declared
