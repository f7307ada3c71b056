"""Wording shared by the renderers: headings, summary sentences, notes. Imported by renderers only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.numbers import NumberStyle, display, round_half_up
from ..i18n import M, Message, Messages
from . import RenderOptions

if TYPE_CHECKING:
    from ..core.assessment import Evidence, Values
    from ..core.criteria import LevelCriteria
    from ..core.diffing import DiffResult, IndicatorChange
    from ..core.evidence import EvidenceResult, IndicatorEvidence, QueueEntry
    from ..core.external import ExternalValue
    from ..core.framework import Framework, Indicator
    from ..core.planning import PlanResult, PlanStep
    from ..core.ranking import RankGroup
    from ..core.readiness import CheckedFile, CheckResult, Finding
    from ..core.scoring import ScoreResult


def cross_lines(result: DiffResult, t: Messages, numbers: NumberStyle) -> list[str]:
    """A comparison across frameworks, in order: title, the different-instruments statement, each
    index with its own predikat and place in its band, and what (if anything) matches by name."""
    old, new = result.old, result.new
    lines = [
        t(
            M.diff_cross_heading,
            old_index=old.framework.index_name,
            old_year=old.year,
            new_index=new.framework.index_name,
            new_year=new.year,
            institution=new.institution,
        ),
        t(M.diff_cross_framework, old=old.framework.id, new=new.framework.id),
    ]
    for side in (old, new):
        predikat, following, share = side.framework.band_position(side.shown)
        values = {"index_name": side.framework.index_name, "year": side.year, "predikat": predikat}
        values["index"] = numbers.index(side.index)
        if following is None or share is None:  # the top band: no band above it
            lines.append(t(M.diff_cross_side_top, **values))
        else:
            lines.append(t(M.diff_cross_side, **values, next=following, share=display(share * 100, 0)))
    lines.append(t(M.diff_cross_names if result.domains or result.aspects else M.diff_cross_no_names))
    return lines


def diff_heading(result: DiffResult, t: Messages) -> str:
    """A comparison within one framework: the index compared, and who and which year either side."""
    old, new = result.old, result.new
    return t(
        M.diff_heading,
        index_name=new.framework.index_name,
        old_institution=old.institution,
        old_year=old.year,
        new_institution=new.institution,
        new_year=new.year,
    )


def overall_line(result: DiffResult, t: Messages, numbers: NumberStyle) -> str:
    """The index and predikat either side and the change: "Index: 3.19 (Baik) -> 3.45 (Baik), change +0.26"."""
    old, new = result.old, result.new
    return t(
        M.diff_overall,
        old=numbers.index(old.index),
        old_predikat=old.predikat,
        new=numbers.index(new.index),
        new_predikat=new.predikat,
        delta=numbers.change(result.delta),
    )


def predikat_line(result: DiffResult, t: Messages) -> str:
    """How the predikat moved between the two sides of a diff, in words."""
    old, new = result.old.predikat, result.new.predikat
    if result.predikat_change == "up":
        return t(M.diff_predikat_up, old=old, new=new)
    if result.predikat_change == "down":
        return t(M.diff_predikat_down, old=old, new=new)
    return t(M.diff_predikat_same, predikat=new)


def external_note(external: ExternalValue, t: Messages, numbers: NumberStyle) -> str:
    """Where a value came from: "from the SDI index 58.30; estimated conversion", or pending."""
    source, number = external.source, external.number
    if number is None:  # pending: the other index is not published yet
        return t(M.ext_pending, index=source.short_name, value=numbers.index(external.value))
    status = t(M.ext_confirmed if external.status == "confirmed" else M.ext_estimate)
    return t(M.ext_from, index=source.short_name, number=numbers.index(number), status=status)


def change_source(change: IndicatorChange, t: Messages, numbers: NumberStyle) -> str:
    """Where the values of a changed indicator came from, when another agency's index set either side
    ("SDI index 25.00 -> 58.30; estimated conversion"); empty otherwise."""
    old, new = change.old_external, change.new_external
    if new is not None and old is not None:

        def side(external: ExternalValue) -> str:
            return t(M.ext_pending_word) if external.number is None else numbers.index(external.number)

        if new.pending:
            status = t(M.ext_until_published, value=numbers.index(new.value))
        else:
            status = t(M.ext_confirmed if new.status == "confirmed" else M.ext_estimate)
        return t(M.diff_ext_both, index=new.source.short_name, old=side(old), new=side(new), status=status)
    if new is not None:
        return external_note(new, t, numbers)
    if old is not None:
        return t(M.diff_ext_before, note=external_note(old, t, numbers))
    return ""


def external_lines(result: ScoreResult, t: Messages, numbers: NumberStyle) -> list[tuple[str, str, str, str]]:
    """(id, name, shown value, provenance) of every indicator scored from another index."""
    return [
        (i.id, i.name, numbers.index(i.value), external_note(i.external, t, numbers))
        for i in result.indicators
        if i.external is not None
    ]


def shown_values(values: Values | None, numbers: NumberStyle, whole: bool) -> str:
    """An indicator's value as shown: one value, or one per service ("3 / 4"); empty when not recorded."""
    return " / ".join(numbers.value(v, whole) for v in values) if values else ""


def marked_change(text: str) -> str:
    """A formatted signed change with its direction: ▲ +0.23, ▼ -0.05, = 0.00."""
    return f"▲ {text}" if text.startswith("+") else f"▼ {text}" if text.startswith("-") else f"= {text}"


def target_text(result: PlanResult, numbers: NumberStyle) -> str:
    shown = numbers.number(result.target, 6)
    if result.target == round(result.target, 2):
        shown = numbers.index(result.target)
    return f"{result.target_predikat} ({shown})" if result.target_predikat else shown


def plan_lines(result: PlanResult, t: Messages, numbers: NumberStyle) -> list[str]:
    """The plan's summary sentences, shared by the table and markdown renderers."""
    current, reached = result.current, result.reached
    lines = [
        _with_stage(
            t(
                M.plan_heading,
                institution=current.institution,
                for_year=current.year + 1,
                year=current.year,
                target=target_text(result, numbers),
            ),
            current.stage,
            t,
        ),
        t(M.plan_current, index=numbers.index(current.index), predikat=current.predikat),
    ]
    if result.steps:
        lines.append(
            t(
                M.plan_reached,
                index=numbers.index(reached.index),
                predikat=reached.predikat,
                cost=numbers.number(result.cost),
            )
        )
    else:
        lines.append(t(M.plan_nothing))
    if result.locked_external:
        lines.append(t(M.plan_external_locked, ids=", ".join(result.locked_external)))
    return lines


def score_heading(result: ScoreResult, t: Messages) -> str:
    """A score's heading, naming the file: two files of one institution and year stay apart."""
    heading = t(
        M.score_heading, index_name=result.framework.index_name, year=result.year, institution=result.institution
    )
    return _with_file(_with_stage(heading, result.stage, t), result.source, t)


def _with_stage(heading: str, stage: str | None, t: Messages) -> str:
    return heading if stage is None else t(M.heading_with_stage, heading=heading, stage=t(stage_label(stage)))


def _with_file(heading: str, source: str | None, t: Messages) -> str:
    """The heading naming its file (not standard input, "-"): two files of one institution stay apart."""
    return t(M.heading_with_file, heading=heading, path=source) if source and source != "-" else heading


def group_kind_label(kind: str) -> Message:
    """ "Domain" or "Aspect": what a domain's or an aspect's number is called."""
    return {"domain": M.domain, "aspect": M.aspect}[kind]


def stage_label(stage: str) -> Message:
    from ..core.stages import LABELS

    return LABELS[stage]


def plan_groups(result: PlanResult, options: RenderOptions) -> list[tuple[str | None, list[PlanStep]]]:
    """The plan's steps, in one group, or per office with --by pic (offices in alphabetical order)."""
    if options.group_by != "pic":
        return [(None, list(result.steps))]
    groups: dict[str, list[PlanStep]] = {}
    for step in result.steps:
        groups.setdefault(office_text(step), []).append(step)
    unnamed = groups.pop("", None)
    ordered: list[tuple[str | None, list[PlanStep]]] = [
        (name, groups[name]) for name in sorted(groups, key=str.casefold)
    ]
    if unnamed:
        ordered.append((options.messages(M.plan_no_office), unnamed))
    return ordered


def office_text(step: PlanStep) -> str:
    """A step's offices as one text: "Diskominfo, Bappeda"."""
    return ", ".join(step.pic)


def step_name(step: PlanStep, t: Messages) -> str:
    return f"{step.name} ({t(M.service_n, n=step.service)})" if step.service else step.name


def rank_heading(group: RankGroup, t: Messages) -> str:
    title = f"{group.framework.title} ({group.framework.id})"
    return (
        t(M.rank_group_heading, framework=title, year=group.year)
        if group.year is not None
        else t(M.rank_heading, framework=title)
    )


def group_columns(group: RankGroup, t: Messages) -> list[str]:
    """Short headers for a ranking's per-domain (or per-aspect) columns: D1, D2 ... or A1, A2 ..."""
    letter = t(group_kind_label(group.group_kind))[0].upper()
    return [f"{letter}{number}" for number, _, _ in (group.rows[0].groups if group.rows else ())]


def group_legend(group: RankGroup, t: Messages) -> str:
    """What the short column headers stand for: "D1 Kebijakan Internal SPBE · D2 Tata Kelola SPBE ..."."""
    columns = group_columns(group, t)
    names = [name for _, name, _ in (group.rows[0].groups if group.rows else ())]
    return " · ".join(f"{column} {name}" for column, name in zip(columns, names, strict=True))


def summary_figures(group: RankGroup, t: Messages, numbers: NumberStyle) -> list[tuple[str, str]]:
    """A ranking's count, mean, median, min and max, each with its label."""
    s = group.summary
    return [
        (t(M.count), str(s.count)),
        (t(M.mean), numbers.index(s.mean)),
        (t(M.median), numbers.index(s.median)),
        (t(M.min), numbers.index(s.min)),
        (t(M.max), numbers.index(s.max)),
    ]


def summary_rows(group: RankGroup, t: Messages, numbers: NumberStyle) -> list[tuple[str, str]]:
    """The summary figures, then how many institutions each predikat holds."""
    return summary_figures(group, t, numbers) + [(name, str(count)) for name, count in group.summary.per_predikat]


def diff_stage_lines(result: DiffResult, t: Messages, numbers: NumberStyle) -> list[str]:
    """What a diff compares when stages are involved: both stages, a warning when they differ, and
    last year's cut from self-assessment to final result where the old file records both.

    The stages are named only when both files record one: a file of plain values has no stage to
    name, and "Final -> -" would read as if a stage were missing from it."""
    old, new = result.old, result.new
    lines: list[str] = []
    if old.stage is not None and new.stage is not None:
        old_label, new_label = t(stage_label(old.stage)), t(stage_label(new.stage))
        lines.append(t(M.diff_stages_line, old=old_label, new=new_label))
        if old.stage != new.stage and old.source != new.source:
            lines.append(t(M.diff_stages_differ, old=old_label, new=new_label))
    by_stage = old.by_stage
    if old.source != new.source and "mandiri" in by_stage and "akhir" in by_stage:
        cut = round_half_up(by_stage["mandiri"]) - round_half_up(by_stage["akhir"])
        if cut > 0:
            lines.append(t(M.diff_last_year_cut, cut=numbers.index(cut)))
    return lines


def assessor_note(result: DiffResult, indicator_id: str) -> str:
    """The assessors' note of an indicator in the newer result (empty when none)."""
    assessment = result.new.assessment
    entry = assessment.entries.get(indicator_id) if assessment is not None else None
    return (entry.assessor_note or "") if entry is not None else ""


def evidence_heading(result: EvidenceResult, t: Messages) -> str:
    """The evidence listing's heading, naming the stage and the file like a score's heading."""
    heading = t(M.ev_heading, institution=result.institution, index_name=result.framework.index_name, year=result.year)
    return _with_file(_with_stage(heading, result.stage, t), result.source, t)


def evidence_notes(result: EvidenceResult, t: Messages) -> list[str]:
    """What the listing can and cannot say: codes missing, items without codes, the unpublished rule."""
    if not result.with_items:
        return [t(M.ev_no_items)]
    notes: list[str] = []
    if not result.levels_derivable:
        notes.append(t(M.ev_no_level_codes))
    elif result.uncoded_items:
        notes.append(t(M.ev_uncoded, count=result.uncoded_items))
    if result.without_items:
        notes.append(t(M.ev_without_items, ids=", ".join(result.without_items)))
    notes.append(t(M.ev_rule_unpublished))
    return notes


def items_by_level(indicator: IndicatorEvidence) -> list[tuple[int | None, Evidence]]:
    """Every item of an indicator with the level its code names, lowest first; items without a level
    code last, with None."""
    coded = [(level.level, item) for level in indicator.levels for item in level.items]
    return coded + [(None, item) for item in indicator.uncoded]


def evidence_item_label(item: Evidence) -> str:
    """An item named in a line: its code and its title (else its link)."""
    return " ".join(part for part in (item.code, item.title or item.link) if part)


def evidence_item_text(item: Evidence) -> str:
    """One item in a line: its code, its title (else its link), its status in brackets."""
    text = evidence_item_label(item)
    return f"{text} ({item.status})" if item.status else text


def queue_items(entry: QueueEntry, t: Messages) -> list[str]:
    """The items blocking a queue entry's next level, or the note that none is recorded yet."""
    blocking = entry.indicator.blocking
    if not blocking:
        return [t(M.ev_none_recorded, level=entry.next_level)]
    return [evidence_item_text(item) for item in blocking]


def queue_effect(entry: QueueEntry, result: EvidenceResult, t: Messages, numbers: NumberStyle) -> str:
    """A queue entry's effect on the index (+0.1200), or why it has none to show; and, for a value above
    what its accepted items secure, the index points at stake."""
    if entry.effect is not None:
        shown = numbers.change(entry.effect, 4)
        if entry.at_risk:
            value = entry.indicator.value
            risk = t(
                M.ev_at_risk,
                stake=numbers.change(-entry.at_stake, 4),
                value=numbers.number(value, 2) if value is not None else "-",
                secured=max(entry.next_level - 1, result.framework.min_value),
            )
            shown = f"{shown}; {risk}"
        return shown
    source = result.framework.by_id[entry.indicator.id].external
    if entry.reason == "external" and source is not None:
        return t(M.ev_effect_external, index=source.short_name)
    return t(M.ev_effect_unfilled)


def secured_text(indicator: IndicatorEvidence) -> str:
    return "-" if indicator.secured is None else str(indicator.secured)


def finding_text(finding: Finding, t: Messages, numbers: NumberStyle) -> str:
    """A readiness finding worded in the reader's language, its numbers in the reader's style."""
    from fractions import Fraction

    values = {
        name: numbers.number(value) if isinstance(value, (int, Fraction)) and not isinstance(value, bool) else value
        for name, value in finding.values.items()
    }
    return t(finding.message, **values)


def severity_word(severity: str, t: Messages) -> str:
    return t(M.chk_error if severity == "error" else M.chk_warning)


def check_summary(result: CheckResult, t: Messages) -> str:
    """The counts; and, when some files could not be read, how many (their problems are listed above)."""
    summary = t(M.chk_summary, errors=result.count("error"), warnings=result.count("warning"), files=len(result.files))
    if result.failed:
        summary += t(M.chk_summary_failed, count=len(result.failed))
    return summary


def office_sheet_note(checked: CheckedFile, t: Messages) -> str | None:
    """`opd-Bappeda.xlsx: the sheet of Bappeda: its 6 indicators checked`, for a sheet made for one office."""
    if checked.office is None:
        return None
    return t(M.chk_office_sheet, path=checked.source, office=checked.office, count=checked.checked or 0)


def office_name(office: str | None, t: Messages) -> str:
    return office if office is not None else t(M.chk_no_office)


def criteria_lines(framework: Framework, indicator: Indicator, criteria: LevelCriteria | None) -> list[str]:
    """`3 Terdefinisi: ...` for each level of an indicator's criteria (none without criteria)."""
    if criteria is None:
        return []
    names = framework.level_names.get(indicator.id, {})
    return [
        f"{level} {names[level]}: {' '.join(text.split())}" if level in names else f"{level}: {' '.join(text.split())}"
        for level, text in sorted(criteria.of(indicator.id).items())
    ]


def criteria_heading(criteria: LevelCriteria, t: Messages) -> str:
    """What the criteria text is: the regulation's own words, or a third-party extraction (said so)."""
    if criteria.official:
        return t(M.criteria_official, regulation=criteria.regulation, location=criteria.location)
    return t(M.criteria_extraction, regulation=criteria.regulation, url=criteria.url)
