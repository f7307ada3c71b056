"""Wording shared by the renderers: headings, summary sentences, notes. Imported by renderers only."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from ..core.numbers import NumberStyle, display, round_half_up
from ..core.predikat import explained
from ..i18n import M, Message, Messages, Phrase
from . import RenderOptions

if TYPE_CHECKING:
    from ..core.assessment import Evidence, Values
    from ..core.criteria import LevelCriteria
    from ..core.diffing import DiffResult, IndicatorChange
    from ..core.evidence import EvidenceResult, IndicatorEvidence, QueueEntry
    from ..core.external import ExternalValue
    from ..core.figures import Position, PrintedEdge, PublishedResult, Reconciliation, Standing
    from ..core.framework import Framework, Indicator
    from ..core.planning import PlanResult, PlanStep
    from ..core.published import Listing, PlacedGroup, PlacedRow, Placement
    from ..core.ranking import RankGroup, Reference
    from ..core.readiness import CheckedFile, CheckResult, Finding
    from ..core.scoring import ScoreResult


def predikat_text(framework: Framework, index: Fraction | int, t: Messages) -> str:
    """The predikat of an exact index, as shown beside its figure: "Cukup", or where the shown figure
    sits on a higher band's edge, "Cukup: exactly 2.5995, under the 2.60 edge of Baik"."""
    said = explained(framework, index)
    return t.phrase(said) if isinstance(said, Phrase) else said


def edge_text(framework: Framework, index: Fraction | int, t: Messages) -> str:
    """Why the predikat is below the band the shown figure sits on the edge of; empty where it is not."""
    return predikat_text(framework, index, t) if framework.under_edge(index) is not None else ""


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
    lines += cross_sides(result, t, numbers)
    lines.append(t(M.diff_cross_names if result.domains or result.aspects else M.diff_cross_no_names))
    return lines


def cross_sides(result: DiffResult, t: Messages, numbers: NumberStyle) -> list[str]:
    """Each side of a comparison across frameworks in its own bands: "Indeks SPBE 2025: 2,53 Cukup, 91 %
    menuju Baik" (never a change between the two)."""
    lines = []
    for side in (result.old, result.new):
        _, following, share = side.framework.band_position(side.index)
        predikat = explained(side.framework, side.index)
        values = {"index_name": side.framework.index_name, "year": side.year, "predikat": predikat}
        values["index"] = numbers.index(side.index)
        if following is None or share is None:  # the top band: no band above it
            lines.append(t(M.diff_cross_side_top, **values))
        else:
            lines.append(t(M.diff_cross_side, **values, next=following, share=display(share * 100, 0)))
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
        old_predikat=explained(old.framework, old.index),
        new=numbers.index(new.index),
        new_predikat=explained(new.framework, new.index),
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
        t(M.plan_current, index=numbers.index(current.index), predikat=explained(current.framework, current.index)),
    ]
    if result.steps:
        lines.append(
            t(
                M.plan_reached,
                index=numbers.index(reached.index),
                predikat=explained(reached.framework, reached.index),
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


# --- published results ----------------------------------------------------------------------------


def category_label(category: str) -> Message:
    """A category's name: the reports' own terms (Kabupaten, LPNK, ...), or a central institution."""
    return {
        "kabupaten": M.cat_kabupaten,
        "kota": M.cat_kota,
        "provinsi": M.cat_provinsi,
        "kementerian": M.cat_kementerian,
        "lpnk": M.cat_lpnk,
        "lns": M.cat_lns,
        "lainnya": M.cat_lainnya,
    }.get(category, M.cat_pusat)


def published_heading(listing: Listing, t: Messages) -> str:
    return t(M.pub_heading_query, query=listing.query) if listing.query else t(M.pub_heading)


def published_notes(listing: Listing, t: Messages, numbers: NumberStyle) -> list[tuple[PublishedResult, str]]:
    """Per row that needs one, what a reader must know: a printed figure on an edge with the lower
    predikat, a damaged source cell."""
    notes = []
    for row, edge in zip(listing.rows, listing.edges, strict=True):
        for note in (_edge_text(row, edge, t, numbers) if edge is not None else None, _flag_text(row.flag, t)):
            if note:
                notes.append((row, note))
    return notes


def _edge_text(row: PublishedResult, edge: PrintedEdge, t: Messages, numbers: NumberStyle) -> str:
    values = {"index": numbers.index(row.shown), "predikat": row.predikat, "edge": numbers.index(edge.edge)}
    if edge.from_domains is None:
        return t(M.pub_edge_no_domains, **values, band=edge.band)
    return t(M.pub_edge, **values, band=edge.band, exact=numbers.number(edge.from_domains, 4))


def _flag_text(flag: str | None, t: Messages) -> str | None:
    if flag is None:
        return None
    return t(M.pub_damaged) if flag == "damaged cell in the source" else flag


def published_source_lines(result: Listing | Placement) -> list[str]:
    """Each source in full: its title and where it can be read."""
    return [f"{s.key}: {s.title}" + (f" <{s.url}>" if s.url else "") for s in result.sources]


# --- a scored file beside the published figures --------------------------------------------------


def reconciliation_line(reconciled: Reconciliation, t: Messages, numbers: NumberStyle) -> str:
    """Whether the file reproduces its institution's published result, and where it does not."""
    row = reconciled.row
    values = {"year": row.year, "index": numbers.index(row.shown), "predikat": row.predikat, "source": row.source}
    if reconciled.reproduces:
        return t(M.rec_reproduces, **values)
    details = [
        t(M.rec_domain, number=d.number, shown=numbers.index(d.shown), published=numbers.index(d.published))
        for d in reconciled.domains
    ]
    if reconciled.predikat != row.predikat:
        details.append(t(M.rec_predikat, predikat=reconciled.predikat, published=row.predikat))
    return t(M.rec_differs, **values, delta=numbers.change(reconciled.delta), details="; ".join(details) or "-")


def position_notes(position: Position, framework_name: str, t: Messages) -> list[str]:
    """What the position section says before its table: why nothing is compared, the year shown, the
    category and where it came from."""
    if position.reason == "framework":
        return [t(M.pos_framework, index_name=framework_name)]
    if position.averages_year is None:
        return [t(M.pos_no_year, framework=position.framework_id)]
    notes = [t(M.pos_latest, year=position.year, latest=position.averages_year)] if position.latest else []
    identity = position.identity
    if position.category_name is None:
        notes.append(t(M.pos_no_category))
    else:
        how = {"declared": M.pos_how_declared, "published": M.pos_how_published}.get(identity.how or "", M.pos_how_name)
        notes.append(t(M.pos_category, category=position.category_name, how=t(how)))
    return notes


def position_rows(position: Position, t: Messages, numbers: NumberStyle) -> list[list[str]]:
    """Per figure: its name, the file's value, the national average and the difference, the category's."""
    rows = []
    for c in position.comparisons:
        name = c.name if c.kind == "index" else f"{t(group_kind_label(c.kind))} {c.number}. {c.name}"
        cells = [name, numbers.index(c.value)]
        for average in (c.national, c.category):
            difference = c.beside(average)
            cells += (
                ["-", ""]
                if average is None or difference is None
                else [
                    numbers.index(average.value),
                    numbers.change(difference),
                ]
            )
        rows.append(cells)
    return rows


def position_heading(position: Position, t: Messages) -> str:
    """The position section's heading, naming the year whose averages it shows."""
    year = position.averages_year
    return t(M.pos_heading) if year is None else t(M.pos_heading_year, year=year)


def position_header(position: Position, t: Messages) -> list[str]:
    """The position table's header: the category named as the source names it."""
    return ["", t(M.value), t(M.pos_national), t(M.pos_versus), position.category_name or "-", t(M.pos_versus)]


def standing_lines(position: Position, t: Messages) -> list[str]:
    """The rank within the category and within the province among the published results."""
    lines = []
    for s in position.standings:
        if s.scope == "category":
            lines.append(
                t(M.pos_rank_category, rank=s.rank, count=s.total, category=t(category_label(s.name)), year=s.year)
            )
        else:
            lines.append(t(M.pos_rank_province, rank=s.rank, count=s.total, province=s.name, year=s.year))
    if lines and position.identity.row is not None:
        lines[-1] += " " + t(M.pos_rank_note)
    return lines


def position_sources(position: Position, t: Messages) -> str:
    """The sources of the figures shown: the averages' tables, and the result tables ranks count in."""
    tables = [t(M.pos_result_tables, source=position.rows_source)] if position.rows_source else []
    sources = [*position.sources, *tables]
    return t(M.pos_sources, sources="; ".join(sources)) if sources else ""


def standing_text(standing: Standing | None) -> str:
    """A rank among the published results as a cell: "270/392" (empty where there is none)."""
    return f"{standing.rank}/{standing.total}" if standing is not None else ""


def reference_label(reference: Reference, t: Messages) -> str:
    """A published average's row in a ranking: "National 2024", "Kabupaten 2024"."""
    label = t(M.pos_national) if reference.label == "Nasional" else reference.label
    return f"{label} {reference.year}"


def reference_cells(reference: Reference, numbers: NumberStyle) -> list[str]:
    """The index and each domain (or aspect) column of a published average ("-" where none is published)."""
    figures = [reference.index, *reference.groups]
    return [numbers.index(a.value) if a is not None else "-" for a in figures]


def reference_sources(group: RankGroup, t: Messages) -> str:
    """Where a ranking's published averages come from."""
    found = sorted({a.source for r in group.references for a in (r.index, *r.groups) if a is not None})
    return t(M.pos_sources, sources="; ".join(found)) if found else ""


def placement_heading(group: PlacedGroup, t: Messages) -> str:
    if group.scope == "category":
        return t(M.among_heading, category=t(category_label(group.name)), year=group.year)
    return t(M.among_heading_province, province=group.name, year=group.year)


def placement_averages(group: PlacedGroup, t: Messages, numbers: NumberStyle) -> str:
    """The national and category index published for the year, with their source ("" where none)."""
    if not group.averages:
        return ""
    named = [
        f"{t(M.pos_national) if a.category == 'Nasional' else a.category} {numbers.index(a.value)}"
        for a in group.averages
    ]
    sources = sorted({a.source for a in group.averages})
    return t(M.among_averages, year=group.year, averages=", ".join(named)) + f" ({'; '.join(sources)})"


def placed_predikat(row: PlacedRow, t: Messages) -> str:
    """A placed row's predikat: a file's with why where it sits on a band edge, a published one as printed."""
    if not row.said:
        return row.predikat
    return t.phrase(row.said) if isinstance(row.said, Phrase) else row.said
