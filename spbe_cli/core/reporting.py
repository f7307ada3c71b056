"""The evaluation report as a composition of core results: score, diff and plan, never a second scoring path.

`build_report` takes an institution's assessment (and earlier years' results) and gathers what the
official "Laporan Hasil Evaluasi" shows: the result, per-aspect strengths and weaknesses, every
indicator against its target, the cheapest plan to the next predikat and, with earlier years, the
trend and the drivers of the last change. Renderers only lay this out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from fractions import Fraction

from .assessment import Assessment, Entry, Value, Values
from .diffing import DiffResult, diff
from .figures import Published
from .framework import Framework
from .planning import PlanResult, Unreachable, plan
from .scoring import GroupScore, IndicatorScore, ScoreResult, score
from .stages import FINAL, FIRST, ordered, position

# The official reports measure every indicator against "target minimal 3".
LEVEL_TARGET = 3
STRENGTH_FROM = 4  # levels 4-5 are listed as Kekuatan
WEAKNESS_UP_TO = 2  # levels 1-2 (0-2 in spbe-2018) are listed as Kelemahan
BAIK = "Baik"  # the predikat whose lower edge is the radar's default target ring


@dataclass(frozen=True)
class IndicatorRow:
    """One row of "Perolehan Nilai Tingkat Kematangan Indikator"."""

    score: IndicatorScore
    target: Value  # the file's own target, else the official minimum 3
    gap: Fraction  # how far below the target (0 when met)
    offices: tuple[str, ...]
    evidence: int  # number of evidence items recorded
    note: str | None
    previous: Value | None  # the same indicator in the latest earlier year of the same framework
    stage_values: tuple[Values | None, ...] = ()  # the value at each of Report.stages (a plain value at all)
    assessor_note: str | None = None  # catatan asesor
    recommendation: str | None = None  # rekomendasi


@dataclass(frozen=True)
class AspectFindings:
    aspect: GroupScore
    strengths: tuple[IndicatorScore, ...]  # levels 4-5, highest first
    weaknesses: tuple[IndicatorScore, ...]  # levels 1-2, lowest first


@dataclass(frozen=True)
class Report:
    assessment: Assessment
    result: ScoreResult
    target_index: Decimal  # the radar's target ring
    findings: tuple[AspectFindings, ...]
    rows: tuple[IndicatorRow, ...]
    plan: PlanResult | None  # the cheapest way to the next predikat; None at the top band or out of reach
    next_predikat: str | None
    previous: tuple[ScoreResult, ...]  # earlier years, oldest first
    change: DiffResult | None  # the latest earlier year against this one
    stage: str | None = None  # the stage the report is at (None: the file records no stage)
    stages: tuple[str, ...] = ()  # the stages the file records up to `stage`: the indicator table's columns
    self_assessment: ScoreResult | None = None  # the file's penilaian mandiri, when the report is at a later stage
    best_reachable: ScoreResult | None = None  # when the next predikat is out of the institution's own reach

    @property
    def official(self) -> bool:
        """Whether the page shows a final result (stage `akhir`) rather than a simulation."""
        return self.stage == FINAL

    @property
    def framework(self) -> Framework:
        return self.result.framework

    @property
    def history(self) -> tuple[ScoreResult, ...]:
        """Earlier years and this one, oldest first: the trend chart's points."""
        return (*self.previous, self.result)

    @property
    def comparable(self) -> tuple[ScoreResult, ...]:
        """Earlier years of the same framework: their aspects can share the radar and the trend."""
        return tuple(p for p in self.previous if p.framework.id == self.framework.id)


def default_target_index(framework: Framework) -> Decimal:
    """The lower edge of Baik: the line the official reports draw on the radar (2.60 SPBE, 2.50 Pemdi)."""
    band = framework.band(BAIK)
    return band.min if band is not None else framework.bands[len(framework.bands) // 2].min


def next_band(framework: Framework, predikat: str) -> str | None:
    rank = framework.band_rank(predikat)
    above = [band.name for band in reversed(framework.bands)]
    return above[rank + 1] if rank + 1 < len(above) else None


def build_report(
    assessment: Assessment,
    framework: Framework,
    previous: Sequence[ScoreResult] = (),
    *,
    target_index: Decimal | None = None,
    published: Published | None = None,
) -> Report:
    """Everything the report shows, computed by the core's score, diff and plan, and with `published`
    (KemenPANRB's figures) its reconciliation and position by core/published.py.

    `assessment` is read at the report's stage with every value filled (`Assessment.at`).
    """
    result = score(assessment, framework)
    if published is not None:
        from .published import position as placed
        from .published import reconcile

        result = replace(result, published=reconcile(result, published), position=placed(result, published))
    stage = assessment.stage
    stages = ordered(s for s in assessment.stages if stage is not None and position(s) <= position(stage))
    self_assessment = None
    if stage is not None and stage != FIRST and FIRST in stages and not assessment.gaps(FIRST):
        self_assessment = score(assessment.at(FIRST), framework)
    earlier = tuple(sorted(previous, key=lambda r: (r.year, r.framework.id, r.source or "")))
    same = [p for p in earlier if p.framework.id == framework.id]
    last_same = {i.id: i.value for i in same[-1].indicators} if same else {}
    rows = [
        _row(indicator, assessment.entries[indicator.id], last_same.get(indicator.id), stages)
        for indicator in result.indicators
    ]
    findings = tuple(_findings(aspect, result) for aspect in result.aspects)
    upper = next_band(framework, result.predikat)
    planned, best_reachable = _plan_to(upper, assessment, framework)
    return Report(
        assessment=assessment,
        result=result,
        target_index=default_target_index(framework) if target_index is None else target_index,
        findings=findings,
        rows=tuple(rows),
        plan=planned,
        next_predikat=upper,
        previous=earlier,
        change=diff(earlier[-1], result) if earlier else None,
        stage=stage,
        stages=stages,
        self_assessment=self_assessment,
        best_reachable=best_reachable,
    )


def _row(indicator: IndicatorScore, entry: Entry, previous: Value | None, stages: tuple[str, ...]) -> IndicatorRow:
    """One indicator's row: its target (the file's, else LEVEL_TARGET) and gap, its work and history."""
    wanted: Value = entry.target if entry.target is not None else LEVEL_TARGET
    return IndicatorRow(
        score=indicator,
        target=wanted,
        gap=max(Fraction(0), Fraction(wanted) - Fraction(indicator.value)),
        offices=tuple(entry.pic),
        evidence=len(entry.evidence),
        note=entry.note,
        previous=previous,
        stage_values=tuple(entry.values_at(s) for s in stages),
        assessor_note=entry.assessor_note,
        recommendation=entry.recommendation,
    )


def _plan_to(
    upper: str | None, assessment: Assessment, framework: Framework
) -> tuple[PlanResult | None, ScoreResult | None]:
    """The plan to the next predikat `upper` (none above the top one), or the best index reachable when
    no plan reaches it (indicators another agency's index sets are locked, and may not suffice)."""
    if upper is None:
        return None, None
    band = framework.band(upper)
    assert band is not None
    try:
        return plan(assessment, framework, band.min, target_predikat=upper), None
    except Unreachable as error:
        return None, error.best


def _findings(aspect: GroupScore, result: ScoreResult) -> AspectFindings:
    members = [i for i in result.indicators if i.aspect == aspect.number]
    order = {i.id: n for n, i in enumerate(members)}
    strengths = sorted((i for i in members if i.value >= STRENGTH_FROM), key=lambda i: (-i.value, order[i.id]))
    weaknesses = sorted((i for i in members if i.value <= WEAKNESS_UP_TO), key=lambda i: (i.value, order[i.id]))
    return AspectFindings(aspect, tuple(strengths), tuple(weaknesses))
