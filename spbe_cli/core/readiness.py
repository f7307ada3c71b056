"""Readiness before submission (`spbe check`): what an assessment still lacks, as findings.

Pure: an Assessment in, findings out. Each finding names its severity, the indicator and offices it
concerns, a message id with its values (worded where it is shown) and the key path it is about
(located by the loading layer: a line and column in YAML, a cell in a workbook).

Errors (what the portal or the assessors will refuse): an indicator not filled yet; a value of 2 or
more with no evidence; an evidence item rejected (`ditolak`).
Warnings (what weakens a submission): no note (penjelasan) for a value of 2 or more; no office (pic);
an evidence item sent back for revision (`revisi`); a stage value above the previous stage's (assessors
rarely raise a self-assessment); the placeholder institution name that `spbe init` writes.

Values taken from another agency's index (pemdi-2026 I5, I6, I7, I18) are not the institution's to
prove: only a missing value is reported for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from ..i18n import M, Message, Phrase
from ..problems import KeyPath, Place
from .assessment import Assessment, Entry, Values

SEVERITIES: tuple[str, ...] = ("warning", "error")  # least severe first
ERROR, WARNING = "error", "warning"
EVIDENCE_NEEDED_FROM = 2  # a value of 2 or more is a claim the assessors ask evidence for
PLACEHOLDER_INSTITUTION = "Nama Instansi"  # what `spbe init` writes until the user names the institution


class Finding(NamedTuple):
    """One thing an assessment lacks before submission."""

    severity: str  # "error" or "warning"
    code: str  # unfilled, no_evidence, rejected, no_note, no_pic, revision, raised, placeholder
    message: Message
    values: Mapping[str, object]  # the message's values; numbers stay numbers (worded where shown)
    path: KeyPath  # the key path it is about: ("levels", "12", "evidence", 0, "status")
    key: bool = False  # locate at the key (the indicator's line) rather than at the value
    indicator: str | None = None
    offices: tuple[str, ...] = ()  # the indicator's offices (pic), for --by pic

    def at_least(self, threshold: str) -> bool:
        return SEVERITIES.index(self.severity) >= SEVERITIES.index(threshold)


def _where(indicator_id: str, rest: str = "") -> Phrase:
    return Phrase(M.where_indicator, id=indicator_id, rest=rest)


def _mean(values: Values) -> Fraction:
    return Fraction(sum(values), len(values))


def _shown(values: Values) -> int | Fraction:
    """One value as it stands, or the mean of several services."""
    return values[0] if len(values) == 1 else _mean(values)


def findings(assessment: Assessment, stage: str | None = None) -> Iterator[Finding]:
    """Every finding of one assessment at `stage` (default: its own), indicator by indicator."""
    stage = assessment.stage if stage is None else stage
    if " ".join(assessment.institution.split()).casefold() == PLACEHOLDER_INSTITUTION.casefold():
        yield Finding(WARNING, "placeholder", M.chk_placeholder, {"name": assessment.institution}, ("institution",))
    unfilled = set(assessment.unfilled)
    gaps = {gap.indicator_id: gap for gap in assessment.gaps(stage)}
    for indicator_id, entry in assessment.entries.items():
        yield from _entry_findings(indicator_id, entry, stage, gaps.get(indicator_id), indicator_id in unfilled)


def _entry_findings(indicator_id: str, entry: Entry, stage: str | None, gap, unfilled: bool) -> Iterator[Finding]:
    here = ("levels", indicator_id)
    offices = entry.pic

    def finding(severity: str, code: str, message: Message, path: KeyPath, key: bool = False, **values) -> Finding:
        return Finding(
            severity, code, message, {"where": _where(indicator_id), **values}, path, key, indicator_id, offices
        )

    if gap is not None and gap.reason == "no_stage":
        recorded = ", ".join(entry.stage_values)
        yield finding(ERROR, "unfilled", M.val_no_stage_value, here, True, stage=stage, recorded=recorded)
    elif gap is not None or unfilled:
        empty = [recorded for recorded, values in entry.stage_values.items() if values is None]
        if not entry.stage_values:
            yield finding(ERROR, "unfilled", M.val_not_filled, here, True)
            return  # `7:` is all there is: the one thing to say is that it needs filling
        for recorded in empty:
            yield finding(ERROR, "unfilled", M.val_not_filled_at, here + (recorded,), True, stage=recorded)
    if entry.external is not None:
        return  # another agency's index: nothing for the institution to prove
    recorded_stage = entry.recorded_stage_at(stage)
    values = entry.values_at(stage)
    at_value = here + (recorded_stage,) if recorded_stage is not None else here
    if values is not None and max(values) >= EVIDENCE_NEEDED_FROM:
        shown = _shown(values)
        if not entry.evidence:
            yield finding(ERROR, "no_evidence", M.chk_no_evidence, at_value, recorded_stage is None, value=shown)
        if entry.note is None:
            yield finding(WARNING, "no_note", M.chk_no_note, at_value, recorded_stage is None, value=shown)
    if not entry.pic:
        yield finding(WARNING, "no_pic", M.chk_no_pic, here, True)
    for number, item in enumerate(entry.evidence):
        path = here + ("evidence", number, "status")
        what = item.code or item.title or item.link or ""
        if item.status == "ditolak":
            yield finding(ERROR, "rejected", M.chk_rejected, path, n=number + 1, item=what)
        elif item.status == "revisi":
            yield finding(WARNING, "revision", M.chk_revision, path, n=number + 1, item=what)
    before = None  # (stage, values) of the previous recorded stage with a value
    for recorded, recorded_values in entry.stage_values.items():
        if recorded_values is None:
            continue
        if before is not None and _mean(recorded_values) > _mean(before[1]):
            yield finding(
                WARNING,
                "raised",
                M.chk_raised,
                here + (recorded,),
                old=_shown(before[1]),
                old_stage=before[0],
                new=_shown(recorded_values),
                stage=recorded,
            )
        before = (recorded, recorded_values)


@dataclass(frozen=True)
class CheckedFile:
    """One file's findings, each with where it stands."""

    source: str
    institution: str
    framework: str
    stage: str | None
    findings: tuple[Finding, ...]
    places: tuple[Place, ...]  # one per finding


@dataclass(frozen=True)
class CheckResult:
    """Every file checked: what the renderers lay out and the exit code is decided on."""

    files: tuple[CheckedFile, ...]
    failed: tuple[str, ...]  # files that could not be read (exit 3)
    fail_on: str = ERROR
    by_pic: bool = False

    def items(self) -> Iterator[tuple[CheckedFile, Finding, Place]]:
        for checked in self.files:
            yield from ((checked, f, place) for f, place in zip(checked.findings, checked.places, strict=True))

    def count(self, severity: str) -> int:
        return sum(1 for _, finding, _ in self.items() if finding.severity == severity)

    @property
    def failing(self) -> bool:
        """Whether anything at or above `fail_on` was found."""
        return any(finding.at_least(self.fail_on) for _, finding, _ in self.items())

    def by_office(self) -> list[tuple[str | None, list[tuple[CheckedFile, Finding, Place]]]]:
        """Findings per office, offices in alphabetical order; None (last) holds those with no office.

        A finding on an indicator shared by two offices appears under both: each has it to do."""
        groups: dict[str | None, list[tuple[CheckedFile, Finding, Place]]] = {}
        for item in self.items():
            for office in item[1].offices or (None,):
                groups.setdefault(office, []).append(item)
        offices = sorted((office for office in groups if office is not None), key=str.casefold)
        ordered: list[tuple[str | None, list[tuple[CheckedFile, Finding, Place]]]] = [(o, groups[o]) for o in offices]
        if None in groups:
            ordered.append((None, groups[None]))
        return ordered
