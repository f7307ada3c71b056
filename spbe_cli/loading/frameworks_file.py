"""Checking a frameworks file (indicators.yaml or a user's file of the same schema) and building its frameworks.

Imported only when a frameworks file must be parsed: `catalog.py` loads a checked indicators.yaml from
its cache without it (see `catalog_cache.py`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from ..core.external import ConversionError, convert
from ..core.framework import (
    Band,
    ConversionBand,
    ExternalSource,
    Framework,
    Group,
    Guideline,
    Indicator,
    PredikatExample,
    PredikatRule,
    Source,
    name_forms,
)
from ..i18n import M, Phrase
from ..problems import InvalidInput, KeyPath
from .yamlread import read_yaml

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Weight = Annotated[Decimal, Field(gt=0, le=100, allow_inf_nan=False)]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScaleSpec(_Spec):
    min: Annotated[Decimal, Field(allow_inf_nan=False)]
    max: Annotated[Decimal, Field(allow_inf_nan=False)]


Status = Literal["confirmed", "estimate"]


class ConversionBandSpec(_Spec):
    from_: Annotated[Decimal, Field(alias="from", allow_inf_nan=False)]
    to: Annotated[Decimal, Field(allow_inf_nan=False)]
    value_from: Annotated[Decimal, Field(allow_inf_nan=False)]
    value_to: Annotated[Decimal, Field(allow_inf_nan=False)]
    status: Status


class ExampleSpec(_Spec):
    source: Annotated[Decimal, Field(allow_inf_nan=False)]
    value: Annotated[Decimal, Field(allow_inf_nan=False)]


class SourceSpec(_Spec):
    title: Text
    url: str | None = None


class ExternalSpec(_Spec):
    agency: Text
    index: Text
    short_name: Text
    pending: Annotated[Decimal, Field(allow_inf_nan=False)]
    scale: ScaleSpec | None = None
    within_band: Status = "estimate"
    bands: list[ConversionBandSpec] = []
    examples: list[ExampleSpec] = []
    sources: list[SourceSpec] = Field(min_length=1)


class IndicatorSpec(_Spec):
    id: Annotated[str | int, Field(union_mode="left_to_right")]
    name: Text
    weight: Weight
    multiple: bool = False
    derived_from: Text | None = None
    external: ExternalSpec | None = None


class AspectSpec(_Spec):
    number: int
    name: Text
    weight: Weight | None = None
    scale: str | None = None
    indicators: list[IndicatorSpec] = Field(min_length=1)


class DomainSpec(_Spec):
    number: int
    name: Text
    weight: Weight | None = None
    scale: str | None = None
    aspects: list[AspectSpec] = Field(min_length=1)


class YearsSpec(_Spec):
    first: int
    last: int | None = None


class ValuesSpec(_Spec):
    type: Literal["integer", "decimal"]
    min: int
    max: int


class BandSpec(_Spec):
    name: Text
    min: Annotated[Decimal, Field(allow_inf_nan=False)]


class GuidelineSpec(_Spec):
    year: int
    title: Text
    sources: list[SourceSpec] = Field(min_length=1)


class PredikatExampleSpec(_Spec):
    institution: Text
    year: int
    shown: Annotated[Decimal, Field(allow_inf_nan=False)]
    predikat: Text


class PredikatRuleSpec(_Spec):
    decided_on: Literal["exact", "shown"]
    status: Literal["confirmed", "assumed"]
    evidence: Text
    examples: list[PredikatExampleSpec] = []
    sources: list[SourceSpec] = []


class FrameworkSpec(_Spec):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$")]
    title: Text
    index_name: Text
    regulation: Text
    years: YearsSpec
    guidelines: list[GuidelineSpec] = []
    level_target: int | None = None
    values: ValuesSpec
    level_scales: dict[str, dict[int, Text]] = {}
    official_level_names: list[str] = []  # scales whose names a file may write instead of the number
    scale: str | None = None
    predikat: list[BandSpec] = Field(min_length=1)
    predikat_rule: PredikatRuleSpec | None = None  # absent: the exact index, status "unstated"
    domains: list[DomainSpec] | None = None
    aspects: list[AspectSpec] | None = None
    sources: list[SourceSpec] = Field(min_length=1)
    verified: Text

    @model_validator(mode="after")
    def _one_tree(self) -> FrameworkSpec:
        if (self.domains is None) == (self.aspects is None):
            raise ValueError("give either `domains` (with aspects inside) or `aspects`, not both or neither")
        return self


class CatalogSpec(_Spec):
    schema_version: Literal[1]
    frameworks: list[FrameworkSpec] = Field(min_length=1)


def build_frameworks(data: bytes, path: str) -> list[Framework]:
    """The frameworks of a frameworks file's bytes, read, validated, built and checked. Raises InvalidInput."""
    document = read_yaml(data, path)
    try:
        spec = CatalogSpec.model_validate(document.data)
    except ValidationError as error:
        raise InvalidInput(
            [
                document.problem(
                    tuple(item["loc"]),
                    Phrase(M.fw_schema, where=".".join(map(str, item["loc"])), detail=item["msg"]),
                    key=item["type"] == "extra_forbidden",
                    kind="structure",
                )
                for item in error.errors(include_url=False)
            ]
        ) from None
    problems = [document.problem(where, phrase, kind="structure") for phrase, where in _framework_ids(spec)]
    frameworks = []
    for index, framework_spec in enumerate(spec.frameworks):
        draft = _build(framework_spec)
        found = [(phrase, ("frameworks", index, *where)) for phrase, where in _checked(draft)]
        problems += [document.problem(where, phrase, kind="structure") for phrase, where in found]
        if not found:
            frameworks.append(draft.framework)
    if problems:
        raise InvalidInput(problems)
    return frameworks


# A check yields each problem with the key path where it stands (below the framework's entry, for a
# framework's checks), as read_yaml locates it.
Finding = tuple[Phrase, KeyPath]


@dataclass(frozen=True)
class Draft:
    """A framework's tree built from its validated spec, not yet checked, with where each part stands.

    `aspects` and `indicators` run parallel to the framework's own tuples; `domains` too, where the
    framework has domains. Each holds the part's spec and its position below the framework's entry."""

    spec: FrameworkSpec
    framework: Framework
    domains: tuple[tuple[DomainSpec, KeyPath], ...]
    aspects: tuple[tuple[AspectSpec, str | None, KeyPath], ...]  # with its level scale: own, domain's or framework's
    indicators: tuple[tuple[IndicatorSpec, KeyPath], ...]


def _build(spec: FrameworkSpec) -> Draft:
    """The tree of one framework, as written: no check here (see CHECKS)."""
    has_domains = spec.domains is not None
    # a framework without domains is built as one unnamed domain, not shown: its aspects stand at the top
    domain_specs = (
        spec.domains if spec.domains is not None else [DomainSpec(number=0, name="-", aspects=spec.aspects or [])]
    )
    weights = [i.weight for d in domain_specs for a in d.aspects for i in a.indicators]
    scale = math.lcm(*(Fraction(w).denominator for w in weights))

    indicators: list[Indicator] = []
    aspects: list[Group] = []
    domains: list[Group] = []
    placed_domains: list[tuple[DomainSpec, KeyPath]] = []
    placed_aspects: list[tuple[AspectSpec, str | None, KeyPath]] = []
    placed_indicators: list[tuple[IndicatorSpec, KeyPath]] = []
    for d_index, d_spec in enumerate(domain_specs):
        d_where: KeyPath = ("domains", d_index) if has_domains else ()
        domain = d_spec.number if has_domains else None
        d_ids: list[str] = []
        for a_index, a_spec in enumerate(d_spec.aspects):
            a_where = (*d_where, "aspects", a_index)
            a_scale = a_spec.scale or d_spec.scale or spec.scale
            a_ids = []
            for i_index, i_spec in enumerate(a_spec.indicators):
                indicators.append(_indicator(i_spec, a_spec.number, domain, a_scale or "", scale))
                placed_indicators.append((i_spec, (*a_where, "indicators", i_index)))
                a_ids.append(str(i_spec.id))
            a_weight = sum((Fraction(i.weight) for i in a_spec.indicators), Fraction(0))
            aspects.append(
                Group("aspect", a_spec.number, a_spec.name, a_weight, int(a_weight * scale), tuple(a_ids), domain)
            )
            placed_aspects.append((a_spec, a_scale, a_where))
            d_ids.extend(a_ids)
        if has_domains:
            d_weight = sum((g.weight for g in aspects if g.domain == d_spec.number), Fraction(0))
            domains.append(Group("domain", d_spec.number, d_spec.name, d_weight, int(d_weight * scale), tuple(d_ids)))
            placed_domains.append((d_spec, d_where))
    framework = _framework(spec, tuple(domains), tuple(aspects), tuple(indicators), scale)
    return Draft(spec, framework, tuple(placed_domains), tuple(placed_aspects), tuple(placed_indicators))


def _indicator(spec: IndicatorSpec, aspect: int, domain: int | None, level_scale: str, unit_scale: int) -> Indicator:
    external = _external(spec.external) if spec.external is not None else None
    return Indicator(
        id=str(spec.id),
        name=spec.name,
        weight=Fraction(spec.weight),
        units=int(Fraction(spec.weight) * unit_scale),
        aspect=aspect,
        domain=domain,
        scale=level_scale,
        multiple=spec.multiple,
        derived_from=spec.derived_from or (external.title if external else None),
        external=external,
    )


def _framework(
    spec: FrameworkSpec,
    domains: tuple[Group, ...],
    aspects: tuple[Group, ...],
    indicators: tuple[Indicator, ...],
    unit_scale: int,
) -> Framework:
    values = spec.values
    return Framework(
        id=spec.id,
        title=spec.title,
        index_name=spec.index_name,
        regulation=spec.regulation,
        first_year=spec.years.first,
        last_year=spec.years.last,
        value_type=values.type,
        min_value=values.min,
        max_value=values.max,
        level_scales={name: dict(levels) for name, levels in spec.level_scales.items()},
        official_level_names=tuple(spec.official_level_names),
        bands=tuple(Band(b.name, b.min) for b in sorted(spec.predikat, key=lambda band: band.min, reverse=True)),
        domains=domains,
        aspects=aspects,
        indicators=indicators,
        unit_scale=unit_scale,
        sources=tuple(Source(s.title, s.url) for s in spec.sources),
        verified=spec.verified,
        guidelines=tuple(
            Guideline(g.year, g.title, tuple(Source(s.title, s.url) for s in g.sources)) for g in spec.guidelines
        ),
        level_target=spec.level_target,
        predikat_rule=_predikat_rule(spec.predikat_rule),
    )


def _predikat_rule(spec: PredikatRuleSpec | None) -> PredikatRule:
    if spec is None:
        return PredikatRule()
    return PredikatRule(
        decided_on=spec.decided_on,
        status=spec.status,
        evidence=spec.evidence,
        examples=tuple(PredikatExample(e.institution, e.year, e.shown, e.predikat) for e in spec.examples),
        sources=tuple(Source(s.title, s.url) for s in spec.sources),
    )


def _external(spec: ExternalSpec) -> ExternalSource:
    return ExternalSource(
        agency=spec.agency,
        index=spec.index,
        short_name=spec.short_name,
        pending=Fraction(spec.pending),
        scale_min=Fraction(spec.scale.min) if spec.scale else None,
        scale_max=Fraction(spec.scale.max) if spec.scale else None,
        bands=tuple(
            ConversionBand(Fraction(b.from_), Fraction(b.to), Fraction(b.value_from), Fraction(b.value_to), b.status)
            for b in spec.bands
        ),
        within_band=spec.within_band,
        examples=tuple((Fraction(e.source), Fraction(e.value)) for e in spec.examples),
        sources=tuple(Source(s.title, s.url) for s in spec.sources),
    )


# --- the checks: each yields its problems; _framework_ids over the whole file, CHECKS per framework


def _framework_ids(spec: CatalogSpec) -> Iterator[Finding]:
    """No two frameworks of a file share an id."""
    seen: set[str] = set()
    for index, framework in enumerate(spec.frameworks):
        if framework.id in seen:
            yield Phrase(M.fw_duplicate_framework, id=framework.id), ("frameworks", index, "id")
        seen.add(framework.id)


def _value_range(draft: Draft) -> Iterator[Finding]:
    """The value range is a range: its minimum below its maximum (checked first, alone)."""
    if draft.spec.values.min >= draft.spec.values.max:
        yield Phrase(M.fw_value_range), ("values",)


def _groups(draft: Draft) -> Iterator[tuple[Group, AspectSpec | DomainSpec, KeyPath]]:
    """The aspects, then the domains, each built group with its spec and where it stands."""
    for group, (aspect_spec, _, where) in zip(draft.framework.aspects, draft.aspects, strict=True):
        yield group, aspect_spec, where
    for group, (domain_spec, where) in zip(draft.framework.domains, draft.domains, strict=True):
        yield group, domain_spec, where


def _group_numbers(draft: Draft) -> Iterator[Finding]:
    """Aspect numbers are unique across the framework, domain numbers too."""
    message = {"aspect": M.fw_duplicate_aspect, "domain": M.fw_duplicate_domain}
    seen: set[tuple[str, int]] = set()
    for group, _, where in _groups(draft):
        if (group.kind, group.number) in seen:
            yield Phrase(message[group.kind], number=group.number), (*where, "number")
        seen.add((group.kind, group.number))


def _indicator_ids(draft: Draft) -> Iterator[Finding]:
    """Indicator ids are unique, also ignoring case: I1 and i1 would be one key of an assessment's model."""
    ids: set[str] = set()
    folded: dict[str, str] = {}  # lower-case id -> the id as first written
    for indicator, (_, where) in zip(draft.framework.indicators, draft.indicators, strict=True):
        if indicator.id in ids:
            yield Phrase(M.fw_duplicate_indicator, id=indicator.id), (*where, "id")
        elif indicator.id.lower() in folded:
            other = folded[indicator.id.lower()]
            yield Phrase(M.fw_indicator_case, id=indicator.id, other=other), (*where, "id")
        ids.add(indicator.id)
        folded.setdefault(indicator.id.lower(), indicator.id)


def _scales_defined(draft: Draft) -> Iterator[Finding]:
    """Every aspect's level scale is defined in level_scales."""
    for aspect_spec, scale, where in draft.aspects:
        if scale is None or scale not in draft.spec.level_scales:
            yield Phrase(M.fw_undefined_scale, number=aspect_spec.number, scale=scale), where


def _group_weights(draft: Draft) -> Iterator[Finding]:
    """A declared aspect or domain weight equals the sum of its indicators' weights."""
    for group, group_spec, where in _groups(draft):
        if group_spec.weight is not None and Fraction(group_spec.weight) != group.weight:
            declared, actual = group_spec.weight, f"{float(group.weight):g}"
            phrase = Phrase(M.fw_group_weight, kind=group.kind, number=group.number, declared=declared, actual=actual)
            yield phrase, (*where, "weight")


def _multiple_weights(draft: Draft) -> Iterator[Finding]:
    """An aspect holding a `multiple` indicator shares its weight equally: its indicators weigh the same."""
    for aspect_spec, _, where in draft.aspects:
        indicators = aspect_spec.indicators
        if any(i.multiple for i in indicators) and len({i.weight for i in indicators}) > 1:
            yield Phrase(M.fw_multiple_weights, number=aspect_spec.number), where


def _total(draft: Draft) -> Iterator[Finding]:
    """The indicators' weights add up to 100."""
    total = sum((i.weight for i in draft.framework.indicators), Fraction(0))
    if total != 100:
        yield Phrase(M.fw_total, total=f"{float(total):g}"), ()


def _conversions(draft: Draft) -> Iterator[Finding]:
    """Each external source's conversion: contiguous rising bands giving values in range and covering the
    source's scale, a pending value in range, and (when all that holds) its worked examples reproduced."""
    low, high = draft.framework.min_value, draft.framework.max_value
    for indicator, (i_spec, where) in zip(draft.framework.indicators, draft.indicators, strict=True):
        source, written = indicator.external, i_spec.external
        if source is None or written is None:
            continue
        at = (*where, "external")
        found = list(_conversion_bands(source, low, high, at))
        yield from found
        if found:
            continue  # examples measure working bands
        for position, (number, expected) in enumerate(source.examples):
            try:
                reproduced = convert(source, number).value == expected
            except ConversionError:
                reproduced = False
            if not reproduced:
                figure = written.examples[position].source  # as written in the file: 68.75, not 275/4
                yield Phrase(M.fw_conversion_example, source=figure), (*at, "examples", position)


def _conversion_bands(source: ExternalSource, low: int, high: int, at: KeyPath) -> Iterator[Finding]:
    bands = source.bands
    for position, band in enumerate(bands):
        follows = position == 0 or bands[position - 1].high == band.low
        rises = band.low < band.high and band.value_low <= band.value_high
        inside = low <= band.value_low and band.value_high <= high
        if not (follows and rises and inside):
            yield Phrase(M.fw_conversion_band, low=low, high=high), (*at, "bands", position)
    if (
        bands
        and source.scale_min is not None
        and (bands[0].low, bands[-1].high) != (source.scale_min, source.scale_max)
    ):
        yield Phrase(M.fw_conversion_scale), (*at, "bands")
    if not low <= source.pending <= high:
        yield Phrase(M.fw_conversion_band, low=low, high=high), (*at, "pending")


def _scale_levels(draft: Draft) -> Iterator[Finding]:
    """Every level a scale names lies within the framework's value range."""
    values = draft.spec.values
    for name, levels in draft.spec.level_scales.items():
        outside = [level for level in levels if not values.min <= level <= values.max]
        if outside:
            phrase = Phrase(M.fw_scale_levels, name=name, low=values.min, high=values.max, levels=outside)
            yield phrase, ("level_scales", name)


def _official_names(draft: Draft) -> Iterator[Finding]:
    """A scale named in official_level_names is defined, and none of its names is another level's too:
    a name written in a file stands for one level or is refused."""
    scales = draft.spec.level_scales
    for position, name in enumerate(draft.spec.official_level_names):
        if name not in scales:
            yield Phrase(M.fw_official_scale, scale=name), ("official_level_names", position)
            continue
        written = [form for label in scales[name].values() for form in name_forms(label)]
        shared = sorted({form for form in written if written.count(form) > 1})
        if shared:
            yield Phrase(M.fw_shared_level_name, scale=name, names=", ".join(shared)), ("level_scales", name)


def _bands(draft: Draft) -> Iterator[Finding]:
    """Predikat bands: highest first, distinct, covering the value range from its minimum, none above it."""
    spec = draft.spec
    values = spec.values
    bands = sorted(spec.predikat, key=lambda band: band.min, reverse=True)
    if [b.min for b in bands] != [b.min for b in spec.predikat]:
        yield Phrase(M.fw_band_order), ("predikat",)
    if len({b.min for b in bands}) != len(bands) or len({b.name.casefold() for b in bands}) != len(bands):
        yield Phrase(M.fw_band_distinct), ("predikat",)
    if bands[-1].min > values.min:
        yield Phrase(M.fw_band_gap, low=values.min, edge=bands[-1].min), ("predikat",)
    if bands[0].min > values.max:
        yield Phrase(M.fw_band_high, name=bands[0].name, high=values.max), ("predikat",)


def _predikat_rule_evidence(draft: Draft) -> Iterator[Finding]:
    """A predikat rule gives every published example its predikat (names a band, and some index printed
    as its figure has that predikat under the rule), and one called confirmed shows its evidence."""
    spec = draft.spec.predikat_rule
    if spec is None:
        return
    framework = draft.framework
    for position, example in enumerate(spec.examples):
        where = ("predikat_rule", "examples", position)
        if framework.band(example.predikat) is None:
            choices = ", ".join(band.name for band in framework.bands)
            yield Phrase(M.fw_predikat_example_band, predikat=example.predikat, choices=choices), where
        elif not framework.can_print(example.shown, example.predikat):
            message = M.fw_predikat_example_exact if spec.decided_on == "exact" else M.fw_predikat_example_shown
            values = {"institution": example.institution, "year": example.year, "shown": example.shown}
            yield Phrase(message, **values, predikat=example.predikat), where
    if spec.status == "confirmed" and not spec.examples:
        yield Phrase(M.fw_predikat_confirmed), ("predikat_rule", "status")


def _years(draft: Draft) -> Iterator[Finding]:
    """A framework's last year, when it has one, is not before its first."""
    spec = draft.spec
    if spec.years.last is not None and spec.years.last < spec.years.first:
        yield Phrase(M.fw_years), ("years",)


def _guidelines(draft: Draft) -> Iterator[Finding]:
    """A guideline names one evaluation year of the framework, once; the level target is on its scale."""
    spec, framework = draft.spec, draft.framework
    seen: set[int] = set()
    for position, guideline in enumerate(spec.guidelines):
        if guideline.year in seen or not framework.applies_to(guideline.year):
            yield Phrase(M.fw_guideline_year, year=guideline.year), ("guidelines", position, "year")
        seen.add(guideline.year)
    target = spec.level_target
    if target is not None and not spec.values.min <= target <= spec.values.max:
        yield Phrase(M.fw_level_target, low=spec.values.min, high=spec.values.max), ("level_target",)


# Every check of one framework, in the order its problems are listed where two share a position.
CHECKS = (
    _group_numbers,
    _indicator_ids,
    _scales_defined,
    _group_weights,
    _multiple_weights,
    _total,
    _conversions,
    _scale_levels,
    _official_names,
    _bands,
    _predikat_rule_evidence,
    _years,
    _guidelines,
)


def _checked(draft: Draft) -> list[Finding]:
    """Every problem of one framework, all at once. A broken value range is reported alone: the other
    checks measure levels, bands and conversions against that range."""
    return list(_value_range(draft)) or [finding for check in CHECKS for finding in check(draft)]
