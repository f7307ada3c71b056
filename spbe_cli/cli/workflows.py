"""What a command does that the pages of `spbe serve` do too, written once for both front ends.

Each function takes what is already read and checked and returns a result or raises; neither prints,
parses options nor picks an exit code (the command and the page each say it in their own way).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

    from ..core.assessment import Assessment
    from ..core.diffing import DiffResult
    from ..core.framework import Framework
    from ..core.planning import Costs
    from ..core.scoring import ScoreResult
    from ..formats import RenderOptions
    from ..formats.html import InputFile, Letterhead, Signatory
    from ..formats.writers.assessment_sheet import SheetKind
    from ..i18n import Messages


def report_page(
    assessment: Assessment,
    framework: Framework,
    inputs: tuple[InputFile, ...],
    options: RenderOptions,
    *,
    earlier: Sequence[ScoreResult] = (),
    ring: Decimal | None = None,
    costs: Costs | None = None,
    day: datetime.date | None = None,
    letterhead: Letterhead | None = None,
    signatories: tuple[Signatory, ...] = (),
) -> str:
    """The report page of `spbe report` (an assessment read at its stage, every value filled), beside
    KemenPANRB's published figures. Raises PlanTooLarge for a plan too large to compute."""
    from .. import __version__
    from ..core.reporting import build_report
    from ..formats.html import PageInfo
    from ..formats.html import report as render
    from ..loading.published import packaged

    data = build_report(assessment, framework, earlier, target_index=ring, costs=costs, published=packaged())
    return render(data, options, PageInfo(__version__, inputs, day, letterhead, signatories))


def compare(old: ScoreResult, new: ScoreResult, *, by_stage: bool) -> DiffResult:
    """`spbe diff` of two scored assessments; `by_stage` gives OLD its scores per stage (for the line
    on last year's self-assessment against its final result)."""
    from dataclasses import replace

    from ..core.diffing import diff
    from ..core.scoring import score_by_stage

    if old.assessment is not None and by_stage:
        old = replace(old, by_stage=score_by_stage(old.assessment, old.framework))
    return diff(old, new)


def assessment_workbook(assessment: Assessment, framework: Framework, sheet: SheetKind, messages: Messages) -> bytes:
    """The assessment workbook `spbe export -o NAME.xlsx` writes: the file as it is, a stage's sheet, the
    assessors', or one office's (`sheet`), with the framework's criteria. Raises CellTooLong."""
    from ..formats.writers.assessment_sheet import assessment_xlsx
    from ..loading.criteria import criteria_for

    return assessment_xlsx(assessment, framework, kind=sheet, messages=messages, criteria=criteria_for(framework))
