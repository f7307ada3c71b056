"""The evaluation report as a composition of core results: score, diff and plan, never a second scoring path.

`build_report` takes an institution's assessment (and earlier years' results) and gathers what the
official "Laporan Hasil Evaluasi" shows: the result, per-aspect strengths and weaknesses, every
indicator against its target, the cheapest plan to the next predikat and, with earlier years, the
trend and the drivers of the last change. Renderers only lay this out.

Comparisons are `diff`'s: an earlier year on another framework is compared the way `diff` compares
two instruments (each index in its own bands, no change), and an earlier year is read at the
report's stage where its file records that stage, so a self-assessment meets last year's
self-assessment rather than last year's final result.
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
from .planning import Costs, PlanResult, Unreachable, plan
from .scoring import GroupScore, IndicatorScore, ScoreResult, score, score_by_stage
from .stages import FINAL, FIRST, ordered, position

STRENGTH_FROM = 4  # levels 4-5 are listed as Kekuatan
WEAKNESS_UP_TO = 2  # levels 1-2 (0-2 in spbe-2018) are listed as Kelemahan
BAIK = "Baik"  # the predikat whose lower edge is the radar's default target ring
SUMMARY_STEPS = 5  # the plan's steps the first page names; section 5 lists them all


@dataclass(frozen=True)
class IndicatorRow:
    """One row of "Perolehan Nilai Tingkat Kematangan Indikator"."""

    score: IndicatorScore
    target: Value | None  # the file's own target, else the framework's official minimum (none in pemdi-2026)
    gap: Fraction  # how far below the target (0 when met or without a target)
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
    highest: Value  # the aspect's highest indicator value: what the page says when nothing is a strength


@dataclass(frozen=True)
class PlanOutcome:
    """The plan to the next predikat, and why it may be missing or planned past the file's targets.

    plan: the cheapest plan (None at the top band or when out of reach);
    capped: the best result within the file's per-indicator targets when they held the plan below
        the next predikat, in which case `plan` is planned without them (as `plan --ignore-targets`);
    out_of_reach: the best result reachable at all when no plan reaches it (indicators another
        agency's index sets stay locked);
    costs: whether a costs file priced the steps."""

    plan: PlanResult | None = None
    capped: ScoreResult | None = None
    out_of_reach: ScoreResult | None = None
    costs: bool = False


@dataclass(frozen=True)
class Report:
    assessment: Assessment
    result: ScoreResult
    target_index: Decimal  # the radar's target ring, and the target the first page measures against
    findings: tuple[AspectFindings, ...]
    rows: tuple[IndicatorRow, ...]
    next_predikat: str | None
    previous: tuple[ScoreResult, ...]  # earlier years, oldest first, each at the report's stage where recorded
    change: DiffResult | None  # the latest earlier year against this one (its by_stage filled)
    stage: str | None = None  # the stage the report is at (None: the file records no stage)
    stages: tuple[str, ...] = ()  # the stages the file records up to `stage`: the indicator table's columns
    self_assessment: ScoreResult | None = None  # the file's penilaian mandiri, when the report is at a later stage
    outcome: PlanOutcome = PlanOutcome()

    @property
    def plan(self) -> PlanResult | None:
        return self.outcome.plan

    @property
    def official(self) -> bool:
        """Whether the page shows a final result (stage `akhir`) rather than a simulation."""
        return self.stage == FINAL

    @property
    def framework(self) -> Framework:
        return self.result.framework

    @property
    def comparable(self) -> tuple[ScoreResult, ...]:
        """Earlier years of the same framework: their aspects and index share the trend chart."""
        return tuple(p for p in self.previous if p.framework.id == self.framework.id)

    @property
    def other_frameworks(self) -> tuple[ScoreResult, ...]:
        """Earlier years on another framework: never drawn in this framework's bands."""
        return tuple(p for p in self.previous if p.framework.id != self.framework.id)

    @property
    def history(self) -> tuple[ScoreResult, ...]:
        """Earlier years of the same framework and this one, oldest first: the trend chart's points."""
        return (*self.comparable, self.result)

    @property
    def to_next(self) -> Fraction | None:
        """How far the exact index lies below the next predikat's lower edge (None at the top band)."""
        band = self.framework.band(self.next_predikat) if self.next_predikat else None
        return None if band is None else Fraction(band.min) - self.result.index

    @property
    def to_target(self) -> Fraction:
        """How far the exact index lies below the target (0 or less: reached)."""
        return Fraction(self.target_index) - self.result.index

    @property
    def strongest(self) -> tuple[GroupScore, ...]:
        """The aspect (or aspects, when tied) with the highest index."""
        top = max(a.exact for a in self.result.aspects)
        return tuple(a for a in self.result.aspects if a.exact == top)

    @property
    def weakest(self) -> tuple[GroupScore, ...]:
        """The aspect (or aspects, when tied) with the lowest index."""
        bottom = min(a.exact for a in self.result.aspects)
        return tuple(a for a in self.result.aspects if a.exact == bottom)


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
    costs: Costs | None = None,
    published: Published | None = None,
) -> Report:
    """Everything the report shows, computed by the core's score, diff and plan, and with `published`
    (KemenPANRB's figures) its reconciliation and position by core/published.py.

    `assessment` is read at the report's stage with every value filled (`Assessment.at`); `costs`
    prices the plan's steps as `spbe plan --costs` does.
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
    ordered_years = sorted(previous, key=lambda r: (r.year, r.framework.id, r.source or ""))
    earlier = tuple(at_stage_where_recorded(p, stage) for p in ordered_years)
    same = [p for p in earlier if p.framework.id == framework.id]
    last_same = {i.id: i.value for i in same[-1].indicators} if same else {}
    rows = [
        _row(indicator, assessment.entries[indicator.id], last_same.get(indicator.id), stages, framework)
        for indicator in result.indicators
    ]
    findings = tuple(_findings(aspect, result) for aspect in result.aspects)
    upper = next_band(framework, result.predikat)
    return Report(
        assessment=assessment,
        result=result,
        target_index=default_target_index(framework) if target_index is None else target_index,
        findings=findings,
        rows=tuple(rows),
        next_predikat=upper,
        previous=earlier,
        change=diff(_with_stages(earlier[-1]), result) if earlier else None,
        stage=stage,
        stages=stages,
        self_assessment=self_assessment,
        outcome=_plan_to(upper, assessment, framework, costs),
    )


def at_stage_where_recorded(earlier: ScoreResult, stage: str | None) -> ScoreResult:
    """An earlier year read at `stage` where its file records every indicator at that stage (like with
    like); otherwise as it was scored, at its own stage, which the page then names."""
    old = earlier.assessment
    if stage is None or old is None or earlier.stage == stage:
        return earlier
    if stage not in old.stages or old.gaps(stage):
        return earlier
    return score(old.at(stage), earlier.framework)


def _with_stages(earlier: ScoreResult) -> ScoreResult:
    """The result with the index at each stage its file records: diff's "last year's cut" needs them."""
    if earlier.assessment is None or earlier.by_stage:
        return earlier
    return replace(earlier, by_stage=score_by_stage(earlier.assessment, earlier.framework))


def _row(
    indicator: IndicatorScore, entry: Entry, previous: Value | None, stages: tuple[str, ...], framework: Framework
) -> IndicatorRow:
    """One indicator's row: its target (the file's, else the framework's official minimum) and gap, its
    work and history."""
    wanted: Value | None = entry.target if entry.target is not None else framework.level_target
    gap = max(Fraction(0), Fraction(wanted) - Fraction(indicator.value)) if wanted is not None else Fraction(0)
    return IndicatorRow(
        score=indicator,
        target=wanted,
        gap=gap,
        offices=tuple(entry.pic),
        evidence=len(entry.evidence),
        note=entry.note,
        previous=previous,
        stage_values=tuple(entry.values_at(s) for s in stages),
        assessor_note=entry.assessor_note,
        recommendation=entry.recommendation,
    )


def _plan_to(upper: str | None, assessment: Assessment, framework: Framework, costs: Costs | None) -> PlanOutcome:
    """The plan to the next predikat `upper` (none above the top one). Where the file's own targets
    hold it below `upper`, the plan without them, and the best result within them; where no plan
    reaches `upper` at all, the best result reachable (another agency's indices stay locked)."""
    priced = costs is not None
    if upper is None:
        return PlanOutcome(costs=priced)
    band = framework.band(upper)
    assert band is not None

    def planned(ignore_targets: bool) -> PlanResult:
        return plan(assessment, framework, band.min, target_predikat=upper, costs=costs, ignore_targets=ignore_targets)

    try:
        return PlanOutcome(plan=planned(False), costs=priced)
    except Unreachable as error:
        if not error.capped_by_targets:
            return PlanOutcome(out_of_reach=error.best, costs=priced)
        capped = error.best
    try:
        return PlanOutcome(plan=planned(True), capped=capped, costs=priced)
    except Unreachable as error:
        return PlanOutcome(capped=capped, out_of_reach=error.best, costs=priced)


def _findings(aspect: GroupScore, result: ScoreResult) -> AspectFindings:
    members = [i for i in result.indicators if i.aspect == aspect.number]
    order = {i.id: n for n, i in enumerate(members)}
    strengths = sorted((i for i in members if i.value >= STRENGTH_FROM), key=lambda i: (-i.value, order[i.id]))
    weaknesses = sorted((i for i in members if i.value <= WEAKNESS_UP_TO), key=lambda i: (i.value, order[i.id]))
    return AspectFindings(aspect, tuple(strengths), tuple(weaknesses), max(i.value for i in members))
