"""JSON output: stable keys (see README, "JSON output"), numbers rounded as published."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from .. import __version__
from ..core.assessment import Entry
from ..core.numbers import exact_text, plain_number, rounded_float
from ..core.scoring import GroupScore, IndicatorScore, ScoreResult
from . import RenderOptions
from .escaping import json_text

if TYPE_CHECKING:
    from ..core.assessment import Evidence, Values
    from ..core.diffing import DiffResult, GroupChange
    from ..core.evidence import EvidenceResult, IndicatorEvidence
    from ..core.external import ExternalValue
    from ..core.figures import PrintedEdge, PublishedAverage, PublishedResult, Reconciliation, Standing
    from ..core.framework import Framework
    from ..core.planning import PlanResult
    from ..core.published import Listing, Placement
    from ..core.ranking import RankResult, Summary
    from ..core.readiness import CheckedFile, CheckResult, Finding
    from ..problems import Place

# A JSON object as json.dumps takes it: text keys, values of any JSON type.
Json = dict[str, object]


def _path(path: str | None) -> str | None:
    """A file name as JSON can carry it: bytes that are not UTF-8 shown as \\xNN."""
    return None if path is None else json_text(path)


SCHEMA_VERSION = 1


class _AboutOneFile(Protocol):
    """A result about one assessment file: a score, or an evidence listing."""

    @property
    def source(self) -> str | None: ...
    @property
    def framework(self) -> Framework: ...
    @property
    def institution(self) -> str: ...
    @property
    def year(self) -> int: ...


def _envelope(about: _AboutOneFile | None = None) -> Json:
    """What every JSON document starts with: the schema and tool versions, then the file it is about."""
    head: Json = {"schema_version": SCHEMA_VERSION, "tool_version": __version__}
    return head if about is None else {**head, **_identity(about)}


def _identity(about: _AboutOneFile) -> Json:
    """The file a result is about: its name, framework, institution and year."""
    return {
        "source": _path(about.source),
        "framework": _framework(about.framework),
        "institution": about.institution,
        "year": about.year,
    }


def _framework(framework: Framework) -> Json:
    """A framework as every result names it: its id and title."""
    return {"id": framework.id, "title": framework.title}


def number(value: Fraction | int | Decimal | None, places: int | None = 2) -> float | int | None:
    """A JSON number: half-up to `places` decimals, or as short as exact (places=None)."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        value = Fraction(value)
    if places is None:
        return value if type(value) is int else _short(value)
    return rounded_float(value, places)


# Weights and values repeat across files; keyed by numerator and denominator (hashing a Fraction costs
# more than the number). At most 4096 kept.
_SHORT: dict[tuple[int, int], float | int] = {}


def _short(value: Fraction | int) -> float | int:
    if value.denominator == 1:
        return int(value.numerator)
    key = (value.numerator, value.denominator)
    found = _SHORT.get(key)
    if found is None:
        text = plain_number(value)
        found = int(text) if "." not in text else float(text)
        if len(_SHORT) < 4096:
            _SHORT[key] = found
    return found


def dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def dumps_line(data: object) -> str:
    """One line, through the C encoder (indent forces Python's slow one): for streams of results."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _group(group: GroupScore) -> Json:
    item: Json = {
        "number": group.number,
        "name": group.name,
        "weight": number(group.weight, None),
        "index": number(group.exact),
        "index_exact": exact_text(group.exact),
    }
    if group.kind == "aspect":
        item["domain"] = group.domain
    return item


def score_data(result: ScoreResult) -> Json:
    templates = _indicator_templates(result.framework)
    return {
        **_score_head(result),
        "indicators": [_with_record(_indicator(i, *templates[i.id]), result, i) for i in result.indicators],
        **_score_tail(result),
    }


def _score_head(result: ScoreResult) -> Json:
    """A result's JSON up to its indicators."""
    return {
        **_envelope(result),
        "stage": result.stage,
        "stages": list(result.stages),
        "index": number(result.index),
        "index_exact": exact_text(result.index),
        "predikat": result.predikat,
        "domains": [_group(d) for d in result.domains],
        "aspects": [_group(a) for a in result.aspects],
    }


def _score_tail(result: ScoreResult) -> Json:
    """A result's JSON after its indicators."""
    return {
        "by_stage": {stage: number(index) for stage, index in result.by_stage.items()},
        "published": reconciliation_data(result.published),
    }


def score_line(result: ScoreResult) -> str:
    """`dumps_line(score_data(result))`, the same text, made faster for a batch: an indicator that is
    only its value (no target, record, stages, services or source index, as most of a batch is) has
    the same JSON text wherever it has the same value, so that text is encoded once per framework,
    indicator and value and reused. The object is spliced together from the encoded pieces, as the
    encoder would write it (tests/formats/test_json_lines.py holds the two equal)."""
    head, tail = dumps_line(_score_head(result)), dumps_line(_score_tail(result))
    return head[:-1] + ',"indicators":[' + ",".join(_indicator_texts(result)) + "]," + tail[1:]


# Per framework, at most this many indicator texts are kept (values with many decimal places could
# otherwise grow the cache with every file of a long batch).
_TEXTS_KEPT = 4096
# An entry that is only its value: no note, evidence, offices, service, assessors' words (fields 2-7).
_BARE_RECORD = (None, (), (), (), None, None)


def _indicator_texts(result: ScoreResult) -> Iterator[str]:
    framework = result.framework
    templates = _indicator_templates(framework)
    texts: dict[tuple[object, ...], str] = framework.derived.setdefault("json_indicator_texts", {})
    entries = result.assessment.entries if result.assessment is not None else {}
    for i in result.indicators:
        template, declared = templates[i.id]
        entry = entries.get(i.id)
        bare = (
            entry is not None
            and i.weight is declared
            and i.target is None
            and i.external is None
            and len(i.values) == 1
            and entry[2:8] == _BARE_RECORD
            and not entry.stage_values
        )
        if not bare:
            yield dumps_line(_with_record(_indicator(i, template, declared), result, i))
            continue
        value = i.value  # an int on an integer scale (named levels), else an exact Fraction
        key = (i.id, value) if type(value) is int else (i.id, value.numerator, value.denominator)
        text = texts.get(key)
        if text is None:
            text = dumps_line(_with_record(_indicator(i, template, declared), result, i))
            if len(texts) < _TEXTS_KEPT:
                texts[key] = text
        yield text


def reconciliation_data(reconciled: Reconciliation | None) -> Json | None:
    """The file against its institution's published result of the year: null where there is none."""
    if reconciled is None:
        return None
    return {
        **published_row(reconciled.row),
        "reproduces": reconciled.reproduces,
        "delta": float(reconciled.delta),
        "differences": [
            {"domain": d.number, "name": d.name, "file": float(d.shown), "published": float(d.published)}
            for d in reconciled.domains
        ],
    }


def record_data(entry: Entry | None) -> Json:
    """An indicator's record around its value: every key present, null or empty where absent."""
    if entry is None:
        entry = Entry(values=None)
    return {
        "pic": list(entry.pic),
        "service": list(entry.service) if len(entry.service) > 1 else (entry.service[0] if entry.service else None),
        "note": entry.note,
        "evidence": [item.as_dict() for item in entry.evidence],
        "assessor_note": entry.assessor_note,
        "recommendation": entry.recommendation,
        "stage_values": {
            stage: None if values is None else _values(values) for stage, values in entry.stage_values.items()
        },
    }


def _values(values: Values) -> float | int | None | list[float | int | None]:
    return number(values[0], None) if len(values) == 1 else [number(v, None) for v in values]


def _with_record(item: Json, result: ScoreResult, i: IndicatorScore) -> Json:
    entry = result.assessment.entries.get(i.id) if result.assessment is not None else None
    item["gap"] = None if i.target is None else number(max(Fraction(0), Fraction(i.target) - i.value), None)
    item.update(record_data(entry))
    return item


def _indicator_templates(framework: Framework) -> dict[str, tuple[Json, Fraction]]:
    """Per framework, the parts of each indicator's JSON that do not change from file to file."""
    templates: dict[str, tuple[Json, Fraction]] | None = framework.derived.get("json_indicators")
    if templates is None:
        templates = framework.derived["json_indicators"] = {
            i.id: (
                {
                    "id": i.id,
                    "name": i.name,
                    "weight": number(i.weight, None),
                    "value": None,
                    "value_exact": None,
                    "values": None,
                    "level_name": None,
                    "target": None,
                    "external": None,
                    "aspect": i.aspect,
                    "domain": i.domain,
                },
                i.weight,
            )  # fmt: skip
            for i in framework.indicators
        }
    return templates


def _indicator(i: IndicatorScore, template: Json, declared: Fraction) -> Json:
    return {
        **template,
        # scoring hands on the declared weight object unless services re-weighted the aspect
        "weight": template["weight"] if i.weight is declared else number(i.weight, None),
        "value": number(i.value, None),
        "value_exact": exact_text(i.value),
        "values": [number(v, None) for v in i.values],
        "level_name": i.level_name,
        "target": number(i.target, None),
        "external": external_data(i.external),
    }


def external_data(external: ExternalValue | None) -> Json | None:
    """Where a value came from another index: {source, value, conversion_status, ...}; None otherwise."""
    if external is None:
        return None
    return {
        "source": external.source.title,
        "index": external.source.short_name,
        "agency": external.source.agency,
        "value": number(external.number, None),
        "conversion_status": external.status,
        "band_status": external.band_status,
    }


def score(results: Iterable[ScoreResult], options: RenderOptions) -> Iterator[str]:
    if not options.many:
        for result in results:
            yield dumps(score_data(result)) + "\n"
        return
    # An array, written item by item (one line each) so memory stays flat over thousands of files.
    first = True
    for result in results:
        yield ("[\n" if first else ",\n") + score_line(result)
        first = False
    yield "[]\n" if first else "\n]\n"


def framework_summary(framework: Framework) -> Json:
    return {
        "id": framework.id,
        "title": framework.title,
        "index_name": framework.index_name,
        "regulation": framework.regulation,
        "years": {"first": framework.first_year, "last": framework.last_year},
        "values": {"type": framework.value_type, "min": framework.min_value, "max": framework.max_value},
        "predikat": [{"name": band.name, "min": float(band.min)} for band in framework.bands],
        "domains": len(framework.domains),
        "aspects": len(framework.aspects),
        "indicators": len(framework.indicators),
        "sources": [{"title": s.title, "url": s.url} for s in framework.sources],
        "verified": framework.verified,
    }


def frameworks(items: Sequence[Framework], options: RenderOptions) -> str:
    return dumps([framework_summary(f) for f in items]) + "\n"


def framework_tree(framework: Framework) -> Json:
    return {
        "id": framework.id,
        "title": framework.title,
        "level_scales": {
            name: {str(k): v for k, v in levels.items()} for name, levels in framework.level_scales.items()
        },
        "domains": [{"number": d.number, "name": d.name, "weight": number(d.weight, None)} for d in framework.domains],
        "aspects": [
            {"number": a.number, "name": a.name, "weight": number(a.weight, None), "domain": a.domain}
            for a in framework.aspects
        ],
        "indicators": [
            {
                "id": i.id,
                "name": i.name,
                "weight": number(i.weight, None),
                "aspect": i.aspect,
                "domain": i.domain,
                "multiple": i.multiple,
                "derived_from": i.derived_from,
            }
            for i in framework.indicators
        ],
    }


def indicators(items: Sequence[Framework], options: RenderOptions) -> str:
    trees = []
    for f in items:
        tree = framework_tree(f)
        found = (options.criteria or {}).get(f.id)
        if found is not None:  # --criteria: the text as its source words it, and what the source is
            tree["criteria"] = {
                "regulation_text": found.official,
                "regulation": found.regulation,
                "location": found.location or None,
                "source": found.url,
                "levels": {i.id: {str(k): v for k, v in sorted(found.of(i.id).items())} for i in f.indicators},
            }
        trees.append(tree)
    return dumps(trees) + "\n"


def _side(result: ScoreResult) -> Json:
    return {
        **_identity(result),
        "stage": result.stage,
        "index": number(result.index),
        "index_exact": exact_text(result.index),
        "predikat": result.predikat,
        "band": _band(result),
    }


def _band(result: ScoreResult) -> Json:
    """Where the shown index stands in its predikat band: the next band up and the share of the way."""
    predikat, following, share = result.framework.band_position(
        result.index
    )  # the band of the exact index, as the predikat
    return {"predikat": predikat, "next": following, "share": number(share, 4) if share is not None else None}


def diff_data(result: DiffResult) -> Json:
    def group(change: GroupChange) -> Json:
        return {
            "number": change.number,
            "old_number": change.old_number,
            "name": change.name,
            "old": number(change.old),
            "new": number(change.new),
            "delta": float(change.delta),
        }

    return {
        **_envelope(),
        "old": _side(result.old),
        "new": _side(result.new),
        "delta": float(result.delta),
        "delta_exact": exact_text(result.delta_exact),
        "predikat_change": result.predikat_change if result.comparable else None,
        "comparable": result.comparable,
        "same_framework": result.same_framework,
        "same_institution": result.same_institution,
        "domains": [group(d) for d in result.domains],
        "aspects": [group(a) for a in result.aspects],
        "indicators": [
            {
                "id": i.id,
                "name": i.name,
                "aspect": i.aspect,
                "old": number(i.old, None),
                "new": number(i.new, None),
                "old_values": [number(v, None) for v in i.old_values],
                "new_values": [number(v, None) for v in i.new_values],
                "delta": number(i.delta, None),
                "effect": number(i.effect, 6),
                "effect_exact": exact_text(i.effect),
                "old_external": external_data(i.old_external),
                "new_external": external_data(i.new_external),
            }
            for i in result.indicators
        ],
    }


def diff(result: DiffResult, options: RenderOptions) -> str:
    return dumps(diff_data(result)) + "\n"


def plan_data(result: PlanResult) -> Json:
    def state(scored: ScoreResult) -> Json:
        return {"index": number(scored.index), "index_exact": exact_text(scored.index), "predikat": scored.predikat}

    current = result.current
    return {
        **_envelope(current),
        "for_year": current.year + 1,  # the plan is for next year's evaluation
        "current": state(current),
        "target": float(result.target),
        "margin": float(result.margin),
        "target_predikat": result.target_predikat,
        "reached": state(result.reached),
        "cost": number(result.cost, None),
        "locked_external": list(result.locked_external),
        "steps": [
            {
                "id": s.id,
                "name": s.name,
                "aspect": s.aspect,
                "service": s.service,
                "from": number(s.start, None),
                "to": number(s.end, None),
                "steps": s.steps,
                "cost": number(s.cost, None),
                "effect": number(s.effect, 6),
                "effect_exact": exact_text(s.effect),
                "pic": list(s.pic),
            }
            for s in result.steps
        ],
    }


def plan(result: PlanResult, options: RenderOptions) -> str:
    return dumps(plan_data(result)) + "\n"


def rank_data(result: RankResult) -> Json:
    def summary(s: Summary) -> Json:
        return {
            "count": s.count,
            "mean": number(s.mean),
            "median": number(s.median),
            "min": number(s.min),
            "max": number(s.max),
            "per_predikat": dict(s.per_predikat),
        }

    return {
        **_envelope(),
        "by": "year" if result.by_year else None,
        "files": {"total": result.scored + len(result.failed), "scored": result.scored, "failed": len(result.failed)},
        "failed": [json_text(path) for path in result.failed],
        "groups": [
            {
                "framework": _framework(g.framework),
                "year": g.year,
                "group_kind": g.group_kind,
                "summary": summary(g.summary),
                "ranking": [
                    {
                        "rank": r.rank,
                        "institution": r.institution,
                        "year": r.year,
                        "index": number(r.index),
                        "index_exact": exact_text(r.index),
                        "predikat": r.predikat,
                        "source": _path(r.source),
                        "groups": [{"number": n, "name": name, "index": number(value)} for n, name, value in r.groups],
                        "published_rank": {scope: _standing(r.standing(scope)) for scope in ("category", "province")},
                    }
                    for r in g.rows
                ],
                "published_averages": [
                    {
                        "category": reference.label,
                        "year": reference.year,
                        "index": None if reference.index is None else published_average(reference.index),
                        "groups": [None if a is None else published_average(a) for a in reference.groups],
                    }
                    for reference in g.references
                ],
            }
            for g in result.groups
        ],
    }


def _standing(standing: Standing | None) -> Json | None:
    """A rank among the published results: {name, rank, count, year}, or null where there is none."""
    if standing is None:
        return None
    return {"name": standing.name, "rank": standing.rank, "count": standing.total, "year": standing.year}


def rank(result: RankResult, options: RenderOptions) -> str:
    return dumps(rank_data(result)) + "\n"


def evidence_data(result: EvidenceResult) -> Json:
    def item(evidence: Evidence, level: int | None) -> Json:
        return {"level": level, **evidence.as_dict()}

    def indicator(i: IndicatorEvidence) -> Json:
        return {
            "id": i.id,
            "name": i.name,
            "aspect": i.aspect,
            "pic": list(i.pic),
            "value": number(i.value, None),
            "external": i.external,
            "secured_level": i.secured,
            "next_level": i.next_level,
            "accepted": i.accepted,
            "items_total": len(i.items),
            "levels": [
                {"level": level.level, "complete": level.complete, "items": [item(e, level.level) for e in level.items]}
                for level in i.levels
            ],
            "uncoded_items": [item(e, None) for e in i.uncoded],
        }

    return {
        **_envelope(result),
        "stage": result.stage,
        "levels_derivable": result.levels_derivable,
        "value_rule_published": False,  # no official rule turns item statuses into a value
        "queue": [
            {
                "rank": rank,
                "id": entry.indicator.id,
                "name": entry.indicator.name,
                "pic": list(entry.indicator.pic),
                "value": number(entry.indicator.value, None),
                "secured_level": entry.indicator.secured,
                "next_level": entry.next_level,
                "effect": number(entry.effect, 6),
                "effect_exact": None if entry.effect is None else exact_text(entry.effect),
                "effect_unknown": entry.reason,
                "at_risk": entry.at_risk,
                "at_stake": number(entry.at_stake, 6),
                "at_stake_exact": exact_text(entry.at_stake),
                "blocking": [item(e, entry.next_level) for e in entry.indicator.blocking],
            }
            for rank, entry in enumerate(result.queue, start=1)
        ],
        "indicators": [indicator(i) for i in result.indicators],
        "without_items": list(result.without_items),
    }


def evidence(result: EvidenceResult, options: RenderOptions) -> str:
    return dumps(evidence_data(result)) + "\n"


def check_data(result: CheckResult, options: RenderOptions) -> Json:
    from ..core.numbers import NumberStyle
    from .wording import finding_text

    t, points = options.messages, NumberStyle()

    def item(checked: CheckedFile, finding: Finding, place: Place) -> Json:
        return {
            "file": _path(checked.source),
            "location": _path(str(place)),
            "line": place.line,
            "column": place.col,
            "cell": place.cell,
            "severity": finding.severity,
            "code": finding.code,
            "indicator": finding.indicator,
            "offices": list(finding.offices),
            "message": finding_text(finding, t, points),
        }

    return {
        **_envelope(),
        "fail_on": result.fail_on,
        "failing": result.failing,
        "errors": result.count("error"),
        "warnings": result.count("warning"),
        "files": [
            {
                "path": _path(checked.source),
                "institution": checked.institution,
                "framework": checked.framework,
                "stage": checked.stage,
                "errors": sum(1 for f in checked.findings if f.severity == "error"),
                "warnings": sum(1 for f in checked.findings if f.severity == "warning"),
                "office": checked.office,
                "indicators_checked": checked.checked,
            }
            for checked in result.files
        ],
        "failed": [_path(path) for path in result.failed],
        "findings": [item(*found) for found in result.items()],
        "by_pic": [
            {"office": office, "count": len(items), "findings": [item(*found) for found in items]}
            for office, items in result.by_office()
        ]
        if result.by_pic
        else None,
    }


def check(result: CheckResult, options: RenderOptions) -> str:
    return dumps(check_data(result, options)) + "\n"


def published_row(row: PublishedResult) -> Json:
    """One published result, figures as printed (null for a damaged cell), with its source."""
    return {
        "year": row.year,
        "institution": row.institution,
        "kind": row.kind,
        "category": row.category,
        "province": row.province,
        "group": row.group,
        "domains": [None if value is None else float(value) for value in row.domains],
        "index": float(row.shown),
        "predikat": row.predikat,
        "flag": row.flag,
        "source": row.source,
    }


def published_average(average: PublishedAverage) -> Json:
    return {
        "year": average.year,
        "category": average.category,
        "measure": average.measure,
        "value": float(average.value),
        "source": average.source,
    }


def published_data(result: Listing) -> Json:
    def edge(found: PrintedEdge | None) -> Json | None:
        if found is None:
            return None
        exact = found.from_domains
        return {"band": found.band, "edge": float(found.edge), "from_domains": number(exact, 4)}

    return {
        **_envelope(),
        "query": result.query,
        "matched": list(result.matched),
        "filters": {"year": result.year, "kind": result.kind, "province": result.province},
        "results": [
            {**published_row(row), "edge": edge(found)} for row, found in zip(result.rows, result.edges, strict=True)
        ],
        "averages": [published_average(average) for average in result.averages],
        "sources": [{"key": s.key, "title": s.title, "url": s.url} for s in result.sources],
    }


def published(result: Listing, options: RenderOptions) -> str:
    return dumps(published_data(result)) + "\n"


def placement_data(result: Placement) -> Json:
    return {
        **_envelope(),
        "among_published": result.year,
        "by": result.by,
        "groups": [
            {
                "scope": g.scope,
                "name": g.name,
                "year": g.year,
                "averages": [published_average(a) for a in g.averages],
                "ranking": [
                    {
                        "rank": r.rank,
                        "institution": r.institution,
                        "index": float(r.shown),
                        "predikat": r.predikat,
                        "domains": [None if v is None else float(v) for v in r.domains],
                        "source": _path(r.source) if r.mine else r.source,
                        "mine": r.mine,
                    }
                    for r in g.rows
                ],
            }
            for g in result.groups
        ],
        "unplaced": [{"file": _path(where), "reason": reason} for where, reason in result.unplaced],
        "sources": [{"key": s.key, "title": s.title, "url": s.url} for s in result.sources],
    }


def placement(result: Placement, options: RenderOptions) -> str:
    return dumps(placement_data(result)) + "\n"
