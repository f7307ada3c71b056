"""What the pages show, computed by the core as the commands compute it: a file's score per stage and
its `check` findings, what each office owes, a comparison, a plan, a ranking. Pure apart from reading
the workspace's files: the pages lay the results out.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from ..core.assessment import Assessment, Entry
from ..core.framework import Framework
from ..core.readiness import ERROR, WARNING, CheckedFile, CheckResult, Finding, findings, place_of
from ..core.scoring import ScoreResult, score, score_by_stage
from ..i18n import Messages
from ..problems import Place
from .workspace import Reading

if TYPE_CHECKING:
    from ..cli.filling import Filling
    from ..core.diffing import DiffResult
    from ..core.merging import FieldChange
    from ..core.planning import PlanResult
    from ..loading.catalog import Catalog


@dataclass(frozen=True, eq=False)
class Summary:
    """One assessment as the pages show it: scored at its own stage where every value is filled there
    (`result`), at each recorded stage that is complete (`by_stage`), and checked (`checked`)."""

    reading: Reading
    assessment: Assessment
    framework: Framework
    result: ScoreResult | None
    by_stage: dict[str, Fraction]
    checked: CheckedFile
    missing: int  # values missing at its own stage

    @property
    def errors(self) -> int:
        return sum(1 for f in self.checked.findings if f.severity == ERROR)

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.checked.findings if f.severity == WARNING)

    @property
    def unfilled(self) -> int:
        return sum(1 for f in self.checked.findings if f.code == "unfilled")

    def stage_rows(self) -> list[tuple[str, Fraction | None, int]]:
        """Each recorded stage: its index where complete, and how many values it misses."""
        return [(stage, self.by_stage.get(stage), len(self.assessment.gaps(stage))) for stage in self.assessment.stages]


@functools.lru_cache(maxsize=512)
def summarize(reading: Reading, catalog: Catalog) -> Summary:
    """A readable assessment's summary (kept while its reading is: the file has not changed)."""
    assessment = reading.assessment
    assert assessment is not None
    framework = catalog.get(assessment.framework)
    gaps = assessment.gaps(assessment.stage)
    result = None if gaps else score(assessment.resolved(assessment.stage), framework)
    if result is not None:
        from ..cli.session import beside_published

        result = next(beside_published([result]))
    found = tuple(findings(assessment))
    checked = CheckedFile(
        source=reading.file.name,
        institution=assessment.institution,
        framework=assessment.framework,
        stage=assessment.stage,
        findings=found,
        places=tuple(place_of(finding, assessment) for finding in found),
    )
    return Summary(reading, assessment, framework, result, score_by_stage(assessment, framework), checked, len(gaps))


@dataclass(frozen=True)
class Owed:
    """What one office still owes in one file: its findings there, counted."""

    office: str | None
    summary: Summary
    errors: int
    warnings: int
    unfilled: int
    items: tuple[tuple[Finding, Place], ...]


def owed(summaries: list[Summary]) -> list[Owed]:
    """Per office (alphabetical, offices not named last) and file, what `check --by pic` finds."""
    by_file = {id(s.checked): s for s in summaries}
    result = CheckResult(tuple(s.checked for s in summaries), (), by_pic=True)
    rows = []
    for office, items in result.by_office():
        files: dict[int, list[tuple[Finding, Place]]] = {}
        for checked, finding, place in items:
            files.setdefault(id(checked), []).append((finding, place))
        for key, found in files.items():
            rows.append(
                Owed(
                    office,
                    by_file[key],
                    sum(1 for f, _ in found if f.severity == ERROR),
                    sum(1 for f, _ in found if f.severity == WARNING),
                    sum(1 for f, _ in found if f.code == "unfilled"),
                    tuple(found),
                )
            )
    return rows


def at_stage(summary: Summary, stage: str | None) -> Assessment:
    """The assessment read at `stage` (None: its own), every value filled; InvalidInput locating each
    missing one otherwise (as every command refuses it)."""
    from ..cli.session import at_stage as read_at

    return read_at(summary.assessment, stage)


def scored(summary: Summary, stage: str | None) -> ScoreResult:
    """The assessment scored at `stage`; InvalidInput locating each value missing there."""
    return score(at_stage(summary, stage), summary.framework)


# --- an upload's changes ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChangeRow:
    """One changed cell as the upload page shows it."""

    cell: str  # where the sheet gives it: bappeda.xlsx:Penilaian!J3
    offices: str
    indicator: str
    name: str
    column: str  # the sheet's column: nilai_akhir, penjelasan ...
    before: str
    after: str


@dataclass(frozen=True)
class FillingView:
    """What an upload would do to its master: the changed cells, the index before and after at the
    master's stage (None where not every value is filled there), what is still missing for the
    sheet's indicators, and the digest the confirmation carries."""

    rows: tuple[ChangeRow, ...]
    stage: str | None
    index_before: Fraction | None
    index_after: Fraction | None
    missing: tuple[tuple[str, str, str], ...]  # place, severity, finding worded
    digest: str
    notes: tuple[str, ...] = ()  # what `spbe import` says of the merge besides each change


def column_of(field: str) -> str:
    """A field as the sheet's column names it (`nilai_akhir`, `penjelasan`, `eksternal`)."""
    from ..loading.sheetformat import COLUMN_OF_KEY, EXTERNAL_COLUMN

    return COLUMN_OF_KEY.get(field, EXTERNAL_COLUMN if field == "external" else field)


def shown_value(value: object, t: Messages, whole: bool) -> str:
    """A field's value on one line: values (`3`, `3 / 2` for services), an external number or
    `pending`, evidence items by link or title, offices and services joined, text as written."""
    from ..core.assessment import Evidence
    from ..core.external import ExternalValue

    n = t.numbers
    if value is None or value == () or value == "":
        return "–"
    if isinstance(value, ExternalValue):
        return "pending" if value.number is None else n.number(value.number)
    if isinstance(value, tuple) and all(isinstance(item, Evidence) for item in value):
        return "; ".join(item.link or item.title or item.code or "?" for item in value if isinstance(item, Evidence))
    if isinstance(value, tuple) and all(isinstance(item, (int, Fraction)) for item in value):
        return " / ".join(n.value(item, whole) for item in value)
    if isinstance(value, (int, Fraction)):
        return n.value(value, whole)
    if isinstance(value, tuple):
        return "; ".join(str(item) for item in value)
    return str(value)


def _changes(filling: Filling) -> list[FieldChange]:
    from ..core.merging import field_changes

    return field_changes(filling.base, filling.merged.assessment)


def changes_digest(filling: Filling) -> str:
    """What the upload changes, as a digest: the confirmation writes only these changes."""
    import hashlib

    text = "\n".join(repr(tuple(change)) for change in _changes(filling))
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:32]


def _cell(sheet: Assessment, change: FieldChange) -> str:
    if sheet.places is None:
        return sheet.source or "-"
    return str(sheet.places.place(("levels", change.indicator_id, change.field)))


def change_rows(filling: Filling, sheet: Assessment, framework: Framework, t: Messages) -> list[ChangeRow]:
    """Every changed cell: where the sheet gives it, its indicator's offices, before and after."""
    names = {indicator.id: indicator.name for indicator in framework.indicators}
    entries = filling.merged.assessment.entries
    rows = []
    for change in _changes(filling):
        rows.append(
            ChangeRow(
                _cell(sheet, change),
                "; ".join(entries[change.indicator_id].pic),
                change.indicator_id,
                names.get(change.indicator_id, ""),
                column_of(change.field),
                shown_value(change.before, t, framework.integer_values),
                shown_value(change.after, t, framework.integer_values),
            )
        )
    return rows


def _place(sheet: Assessment, finding: Finding, written: Assessment) -> str:
    """Where a finding about the filled file is for the sender to see: its cell in the sheet, else its
    indicator's row there, else its place in the file as it would be written."""
    if sheet.places is not None and finding.indicator is not None:
        row = ("levels", finding.indicator)
        for place in (sheet.places.place(finding.path, key=finding.key), sheet.places.place(row, key=True)):
            if place.cell is not None and ("!" in place.cell or ":" in place.cell):  # Penilaian!F5, 14:nilai
                return str(place)
    return str(place_of(finding, written))


def _index(assessment: Assessment | None, framework: Framework) -> Fraction | None:
    if assessment is None or assessment.gaps(assessment.stage):
        return None
    return score(assessment.at(assessment.stage), framework).index


def written_assessment(filling: Filling, catalog: Catalog) -> Assessment | None:
    """The file as it would be written (its new text read back), or None when nothing would be."""
    from ..loading.loader import parse_assessment

    return None if filling.text is None else parse_assessment(filling.text, filling.path, catalog, locate=True)


def filling_view(filling: Filling, sheet: Assessment, catalog: Catalog, t: Messages) -> FillingView:
    """The upload page's view of a filling (nothing is written): the index before and after is the
    file's own, now and as its new text would read."""
    from ..formats.wording import finding_text

    framework = catalog.get(filling.base.framework)
    after = written_assessment(filling, catalog)
    given = {key for key, entry in sheet.entries.items() if entry != Entry(values=None)}  # the sheet's rows
    checked = after or filling.merged.assessment
    missing = tuple(
        (_place(sheet, f, checked), f.severity, finding_text(f, t, t.numbers))
        for f in findings(checked)
        if f.indicator in given
    )
    from ..cli.filling import what_changed

    notes = tuple(t.phrase(line) for line in what_changed(filling.merged, filling.path, 1, each=False))
    return FillingView(
        tuple(change_rows(filling, sheet, framework, t)),
        (after or filling.base).stage,
        _index(filling.base, framework),
        _index(after, framework),
        missing,
        changes_digest(filling),
        notes,
    )


def logged_changes(filling: Filling, sheet: Assessment, framework: Framework) -> list[dict[str, str]]:
    """The changes as the log records them: numbers with a decimal point, whatever the page's language."""
    return [
        {
            "indicator": row.indicator,
            "column": row.column,
            "cell": row.cell,
            "offices": row.offices,
            "before": row.before,
            "after": row.after,
        }
        for row in change_rows(filling, sheet, framework, Messages("en"))
    ]


# --- a comparison and a plan, as the pages lay them out ------------------------------------------


def diff_view(result: DiffResult, t: Messages) -> dict[str, object]:
    """`spbe diff` laid out: the same sentences as the other formats, then its tables."""
    from ..formats.wording import (
        change_source,
        cross_lines,
        diff_heading,
        diff_stage_lines,
        marked_change,
        overall_line,
        predikat_line,
        shown_values,
    )
    from ..i18n import M

    n = t.numbers
    if result.same_framework:
        heading, lines = diff_heading(result, t), [overall_line(result, t, n), predikat_line(result, t)]
    else:
        heading, *lines = cross_lines(result, t, n)
    lines += diff_stage_lines(result, t, n)
    if not result.same_institution:
        lines.append(t(M.diff_other_institution, old=result.old.institution, new=result.new.institution))
    groups = [
        (
            t(title),
            [(c.number, c.name, n.index(c.old), n.index(c.new), marked_change(n.change(c.delta))) for c in changes],
        )
        for title, changes in ((M.domains, result.domains), (M.aspects, result.aspects))
        if changes
    ]
    whole = result.new.framework.integer_values
    indicators = [
        (
            i.id,
            i.name,
            shown_values(i.old_values, n, whole),
            shown_values(i.new_values, n, whole),
            marked_change(n.value_change(i.delta, whole)),
            n.change(i.effect, 4),
            change_source(i, t, n) if i.external else "",
        )
        for i in result.indicators
    ]
    return {
        "heading": heading,
        "lines": lines,
        "groups": groups,
        "indicators": indicators,
        "same": result.same_framework,
    }


def plan_view(result: PlanResult, t: Messages) -> dict[str, object]:
    """`spbe plan` laid out: its sentences, then its steps (offices beside each)."""
    from ..formats.wording import office_text, plan_lines, step_name

    n = t.numbers
    whole = result.current.framework.integer_values
    heading, current, reached, *notes = plan_lines(result, t, n)
    steps = [
        (
            s.id,
            step_name(s, t),
            s.aspect,
            n.value(s.start, whole),
            n.value(s.end, whole),
            n.number(s.cost),
            n.change(s.effect, 4),
            office_text(s),
        )
        for s in result.steps
    ]
    return {"heading": heading, "lines": [current, reached, *notes], "steps": steps}
