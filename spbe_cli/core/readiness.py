"""Readiness before submission (`spbe check`): what an assessment still lacks, as findings.

Pure: an Assessment in, findings out. Each finding names its severity, the indicator and offices it
concerns, a message id with its values (worded where it is shown) and the key path it is about
(located by the loading layer: a line and column in YAML, a cell in a workbook).

Errors (what the portal or the assessors will refuse): an indicator not filled yet; a value of 2 or
more with no evidence (an item with no visible code, link or title is none); an evidence item
rejected (`ditolak`).
Warnings (what weakens a submission): no note (penjelasan) for a value of 2 or more; no office (pic);
an evidence item sent back for revision (`revisi`); a stage value above the previous stage's (assessors
rarely raise a self-assessment); the placeholder institution name that `spbe init` writes.

Values taken from another agency's index (pemdi-2026 I5, I6, I7, I18) are not the institution's to
prove: only a missing value is reported for them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from ..i18n import M, Message, Phrase
from ..problems import KeyPath, Place, Problem
from .assessment import Assessment, Entry, Evidence, Gap, Values

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


def _visible(text: str | None) -> bool:
    """Whether text shows anything: not empty, not spaces, not only zero-width or other invisible characters."""
    return text is not None and any(
        char.isprintable() and not char.isspace() and unicodedata.category(char) != "Cf" for char in text
    )


def _is_evidence(item: Evidence) -> bool:
    """Whether an evidence item names a document: a code, link or title that shows something (`''`,
    `' '`, `{}` or a zero-width space name nothing)."""
    return _visible(item.code) or _visible(item.link) or _visible(item.title)


def findings(assessment: Assessment, stage: str | None = None) -> Iterator[Finding]:
    """Every finding of one assessment at `stage` (default: its own), indicator by indicator."""
    stage = assessment.stage if stage is None else stage
    if " ".join(assessment.institution.split()).casefold() == PLACEHOLDER_INSTITUTION.casefold():
        yield Finding(WARNING, "placeholder", M.chk_placeholder, {"name": assessment.institution}, ("institution",))
    unfilled = set(assessment.unfilled)
    gaps = {gap.indicator_id: gap for gap in assessment.gaps(stage)}
    for indicator_id, entry in assessment.entries.items():
        about = _Indicator(indicator_id, entry)
        empty = list(about.unfilled_anywhere(gaps.get(indicator_id), indicator_id in unfilled))
        yield from empty
        # Nothing more to say of `7:` than that it needs filling; nor of a value from another agency's index.
        if entry.external is None and (entry.stage_values or not empty):
            yield from about.claims(stage)
            yield from about.evidence_sent_back()
            yield from about.raised()


def not_filled(assessment: Assessment, stage: str | None = None) -> Iterator[Finding]:
    """Every indicator without a value at `stage` (default: the assessment's own): what reading the
    assessment at that stage refuses, one error each, in framework order."""
    for gap in assessment.gaps(stage):
        about = _Indicator(gap.indicator_id, assessment.entries[gap.indicator_id])
        if gap.reason == "no_stage":
            yield about.no_stage_value(gap.stage)
        else:
            recorded = about.entry.recorded_stage_at(gap.stage) if gap.stage is not None else None
            yield about.empty(recorded, gap.stage)


class _Indicator(NamedTuple):
    """One indicator's entry, and the findings about it: its messages name it first (`where`)."""

    id: str
    entry: Entry

    @property
    def here(self) -> KeyPath:
        return ("levels", self.id)

    def finding(
        self, severity: str, code: str, message: Message, path: KeyPath, *, key: bool = False, **values: object
    ) -> Finding:
        phrased = {"where": _where(self.id), **values}
        return Finding(severity, code, message, phrased, path, key, self.id, self.entry.pic)

    def no_stage_value(self, stage: str | None) -> Finding:
        """Values per stage, none recorded up to `stage`."""
        recorded = ", ".join(self.entry.stage_values)
        return self.finding(
            ERROR, "unfilled", M.val_no_stage_value, self.here, key=True, stage=stage, recorded=recorded
        )

    def empty(self, recorded: str | None, stage: str | None) -> Finding:
        """A value left empty: at the stage `recorded` (None: the plain value, `level`), named as at `stage`.

        Located at the key of the empty value (its stage or `level:` key, else the indicator's own key,
        after which the value is written) in YAML; at its cell in a sheet."""
        path = (*self.here, recorded or "level")
        if stage is None:
            return self.finding(ERROR, "unfilled", M.val_not_filled, path, key=True)
        return self.finding(ERROR, "unfilled", M.val_not_filled_at, path, key=True, stage=stage)

    def unfilled_anywhere(self, gap: Gap | None, unfilled: bool) -> Iterator[Finding]:
        """What `spbe check` says of an indicator without a value at the stage checked (`gap`), or left
        empty at any stage it records (`unfilled`): every empty stage, by name."""
        if gap is not None and gap.reason == "no_stage":
            yield self.no_stage_value(gap.stage)
        elif gap is not None or unfilled:
            if not self.entry.stage_values:
                yield self.empty(None, None)
            for recorded, values in self.entry.stage_values.items():
                if values is None:
                    yield self.empty(recorded, recorded)

    def claims(self, stage: str | None) -> Iterator[Finding]:
        """A value of 2 or more without evidence or note; an indicator without an office."""
        recorded = self.entry.recorded_stage_at(stage)
        values = self.entry.values_at(stage)
        if values is not None and max(values) >= EVIDENCE_NEEDED_FROM:
            # a stage's value at its stage key; a plain value at the indicator's key
            at_value, plain = ((*self.here, recorded), False) if recorded is not None else (self.here, True)
            if not any(_is_evidence(item) for item in self.entry.evidence):
                yield self.finding(ERROR, "no_evidence", M.chk_no_evidence, at_value, key=plain, value=_shown(values))
            if self.entry.note is None:
                yield self.finding(WARNING, "no_note", M.chk_no_note, at_value, key=plain, value=_shown(values))
        if not self.entry.pic:
            yield self.finding(WARNING, "no_pic", M.chk_no_pic, self.here, key=True)

    def evidence_sent_back(self) -> Iterator[Finding]:
        """Evidence items the portal rejected (`ditolak`) or sent back for revision (`revisi`)."""
        for number, item in enumerate(self.entry.evidence):
            path = (*self.here, "evidence", number, "status")
            what = item.code or item.title or item.link or ""
            if item.status == "ditolak":
                yield self.finding(ERROR, "rejected", M.chk_rejected, path, n=number + 1, item=what)
            elif item.status == "revisi":
                yield self.finding(WARNING, "revision", M.chk_revision, path, n=number + 1, item=what)

    def raised(self) -> Iterator[Finding]:
        """A stage value above the previous recorded stage's: assessors rarely raise a value."""
        before: tuple[str, Values] | None = None  # the previous recorded stage with a value
        for recorded, values in self.entry.stage_values.items():
            if values is None:
                continue
            if before is not None and _mean(values) > _mean(before[1]):
                old_stage, old = before
                path = (*self.here, recorded)
                old_value, new_value = _shown(old), _shown(values)
                yield self.finding(
                    WARNING,
                    "raised",
                    M.chk_raised,
                    path,
                    old=old_value,
                    old_stage=old_stage,
                    new=new_value,
                    stage=recorded,
                )
            before = (recorded, values)


def held_only(found: Iterable[Finding], held: frozenset[str]) -> list[Finding]:
    """The findings about the file or about the indicators in `held` (an office's sheet holds only its own)."""
    return [finding for finding in found if finding.indicator is None or finding.indicator in held]


def place_of(finding: Finding, assessment: Assessment) -> Place:
    """Where a finding stands in the file the assessment was read from (the file itself when it was
    read without places): one answer for `spbe check` and for every command that refuses an
    unfilled value."""
    if assessment.places is None:
        return Place(assessment.source or "-")
    return assessment.places.place(finding.path, key=finding.key)


def located_problems(found: Iterable[Finding], assessment: Assessment) -> list[Problem]:
    """Findings as located problems, worded where they are shown (empty when nothing was found)."""
    return [Problem.at(place_of(f, assessment), Phrase(f.message, **f.values)) for f in found]


@dataclass(frozen=True)
class CheckedFile:
    """One file's findings, each with where it stands."""

    source: str
    institution: str
    framework: str
    stage: str | None
    findings: tuple[Finding, ...]
    places: tuple[Place, ...]  # one per finding
    office: str | None = None  # a sheet made for one office: only its indicators were checked
    checked: int | None = None  # how many indicators that sheet holds (None: the whole framework)


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
