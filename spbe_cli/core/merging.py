"""Merging the sheets that offices (OPD) filled into one assessment: only what each sheet gives.

A sheet gives an indicator's field when it holds something there (a value, a stage's value, a target,
offices, a note, evidence ...). What no sheet gives stays as it was. Two sheets giving different things
for the same field (for values: the same indicator and stage) is a conflict: nothing is merged, and
both places are named.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from .assessment import Assessment, Entry
from .stages import STAGES as _STAGES

# An entry's fields a sheet can give, besides its values.
_FIELDS = ("target", "note", "evidence", "pic", "service", "assessor_note", "recommendation")


@dataclass(frozen=True)
class Conflict:
    indicator_id: str
    field: str  # "level", a stage id, or one of _FIELDS
    first: str  # where the first value came from (e.g. "a.xlsx:Penilaian!F14")
    second: str


@dataclass(frozen=True)
class Merged:
    assessment: Assessment
    conflicts: tuple[Conflict, ...]
    filled: int  # how many fields the sheets gave


Where = Callable[[str, str], str]  # (indicator id, field) -> where a sheet holds it


def _given(value: Any) -> bool:
    return value is not None and value != () and value != {}


def merge(base: Assessment, sheets: Sequence[tuple[Assessment, Where]]) -> Merged:
    """`base` with every field the sheets give; conflicts between sheets are listed, not resolved."""
    entries = dict(base.entries)
    origin: dict[tuple[str, str], tuple[Any, str]] = {}
    conflicts: list[Conflict] = []
    filled = 0
    declared = base.declared_stage
    for sheet, where in sheets:
        for indicator_id, given in sheet.entries.items():
            current = entries.get(indicator_id, Entry(values=None))
            changes: dict[str, Any] = {}
            stage_values = dict(getattr(given, "stage_values", None) or {})
            pairs: list[tuple[str, Any]] = [(stage, v) for stage, v in stage_values.items() if v is not None]
            if given.external is not None:
                pairs.append(("external", given.external))
            elif not stage_values and given.values is not None:
                pairs.append(("level", given.values))
            pairs += [(name, getattr(given, name, None)) for name in _FIELDS]
            for name, value in pairs:
                if not _given(value):
                    continue
                key = (indicator_id, name)
                if key in origin and origin[key][0] != value:
                    conflicts.append(Conflict(indicator_id, name, origin[key][1], where(indicator_id, name)))
                    continue
                origin[key] = (value, where(indicator_id, name))
                filled += 1
                if name == "external":
                    changes.update(external=value, values=given.values, stage_values={})
                elif name == "level":
                    changes["values"] = value
                    changes["external"] = None
                    if getattr(current, "stage_values", None):
                        changes["stage_values"] = {}
                elif name in _FIELDS:
                    changes[name] = value
                else:
                    stages = dict(changes.get("stage_values", getattr(current, "stage_values", None) or {}))
                    stages[name] = value
                    changes["stage_values"] = stages
            if "stage_values" in changes and changes["stage_values"]:
                stages = changes["stage_values"]
                changes["stage_values"] = {stage: stages[stage] for stage in _STAGES if stage in stages}
                changes["values"] = None  # staged now: the value at a stage comes from stage_values
            if changes:
                entries[indicator_id] = current._replace(**changes)
        stage = sheet.declared_stage
        if stage is not None:
            later = declared is None or _STAGES.index(stage) > _STAGES.index(declared)
            declared = stage if later else declared
    merged = replace(base, entries=entries, declared_stage=declared)
    return Merged(merged, tuple(conflicts), filled)
