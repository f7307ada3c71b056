"""Loading and checking a frameworks file (indicators.yaml or a user's file of the same schema)."""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError, model_validator

from ..core.external import ConversionError, convert
from ..core.framework import Band, ConversionBand, ExternalSource, Framework, Group, Indicator, Source
from ..i18n import M, Phrase
from ..problems import InvalidInput, Problem
from .yamlread import read_capped, read_yaml

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


class FrameworkSpec(_Spec):
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9.-]*$")]
    title: Text
    index_name: Text
    regulation: Text
    years: YearsSpec
    values: ValuesSpec
    level_scales: dict[str, dict[int, Text]] = {}
    scale: str | None = None
    predikat: list[BandSpec] = Field(min_length=1)
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


def default_path() -> Path:
    """indicators.yaml inside the installed package, or at the repository root in a source tree."""
    here = Path(__file__).resolve().parent
    packaged = here.parent / "indicators.yaml"
    return packaged if packaged.is_file() else here.parent.parent / "indicators.yaml"


class Catalog:
    """The frameworks of one file, by id, in file order."""

    def __init__(self, frameworks: list[Framework], path: str):
        self.path = path
        self.frameworks = {framework.id: framework for framework in frameworks}

    def __iter__(self) -> Iterator[Framework]:
        return iter(self.frameworks.values())

    def __contains__(self, framework_id: object) -> bool:
        return framework_id in self.frameworks

    def get(self, framework_id: str) -> Framework:
        return self.frameworks[framework_id]

    @property
    def ids(self) -> list[str]:
        return list(self.frameworks)


def load_catalog(path: str | None = None) -> Catalog:
    """Read, validate and build a frameworks file. Raises InvalidInput.

    The file is read every time and parsed once per content: a file edited in place between two
    calls gives its new frameworks, and reading the same file again costs no second parse.
    """
    file = Path(path) if path else default_path()
    shown = path or str(file)
    try:
        data = read_capped(str(file))  # capped like an assessment: /dev/zero or a FIFO cannot fill memory
    except OSError as error:
        raise InvalidInput(
            [Problem.at(shown, None, None, Phrase(M.fw_unreadable, reason=error.strerror or str(error)), "file")]
        ) from None
    return parse_catalog(data, shown)


@lru_cache(maxsize=8)
def parse_catalog(data: bytes, path: str) -> Catalog:
    """The frameworks of a frameworks file's bytes (cached by content and shown path)."""
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
    problems: list[Problem] = []
    frameworks = []
    seen: set[str] = set()
    for index, framework_spec in enumerate(spec.frameworks):
        where = ("frameworks", index)

        def report(message: Phrase, *more: str | int, where: tuple = where) -> None:
            problems.append(document.problem(where + more, message, kind="structure"))

        if framework_spec.id in seen:
            report(Phrase(M.fw_duplicate_framework, id=framework_spec.id), "id")
        seen.add(framework_spec.id)
        framework = _build(framework_spec, report)
        if framework is not None:
            frameworks.append(framework)
    if problems:
        raise InvalidInput(problems)
    return Catalog(frameworks, path)


def _external(spec: ExternalSpec, values: ValuesSpec, report) -> ExternalSource | None:
    """Check one external source's conversion (contiguous bands inside the scale, values in range,
    worked examples reproduced) and build it; report() each problem found."""
    ok = True
    bands = tuple(
        ConversionBand(Fraction(b.from_), Fraction(b.to), Fraction(b.value_from), Fraction(b.value_to), b.status)
        for b in spec.bands
    )
    for position, band in enumerate(bands):
        follows = position == 0 or bands[position - 1].high == band.low
        rises = band.low < band.high and band.value_low <= band.value_high
        inside = values.min <= band.value_low and band.value_high <= values.max
        if not (follows and rises and inside):
            report(Phrase(M.fw_conversion_band, low=values.min, high=values.max), "bands", position)
            ok = False
    if bands and spec.scale is not None and (bands[0].low, bands[-1].high) != (spec.scale.min, spec.scale.max):
        report(Phrase(M.fw_conversion_scale), "bands")
        ok = False
    if not values.min <= spec.pending <= values.max:
        report(Phrase(M.fw_conversion_band, low=values.min, high=values.max), "pending")
        ok = False
    source = ExternalSource(
        agency=spec.agency,
        index=spec.index,
        short_name=spec.short_name,
        pending=Fraction(spec.pending),
        scale_min=Fraction(spec.scale.min) if spec.scale else None,
        scale_max=Fraction(spec.scale.max) if spec.scale else None,
        bands=bands,
        within_band=spec.within_band,
        examples=tuple((Fraction(e.source), Fraction(e.value)) for e in spec.examples),
        sources=tuple(Source(s.title, s.url) for s in spec.sources),
    )
    if ok:
        for position, (number, expected) in enumerate(source.examples):
            try:
                reproduced = convert(source, number).value == expected
            except ConversionError:
                reproduced = False
            if not reproduced:
                report(Phrase(M.fw_conversion_example, source=spec.examples[position].source), "examples", position)
                ok = False
    return source if ok else None


# A check of a whole framework yields each problem with where it stands below the framework's entry.
Finding = tuple[Phrase, tuple[str | int, ...]]


def _scale_levels(spec: FrameworkSpec) -> Iterator[Finding]:
    """Every level a scale names lies within the framework's value range."""
    values = spec.values
    for name, levels in spec.level_scales.items():
        outside = [level for level in levels if not values.min <= level <= values.max]
        if outside:
            yield (
                Phrase(M.fw_scale_levels, name=name, low=values.min, high=values.max, levels=outside),
                (
                    "level_scales",
                    name,
                ),
            )


def _bands(spec: FrameworkSpec) -> Iterator[Finding]:
    """Predikat bands: highest first, distinct, covering the value range from its minimum, none above it."""
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


def _years(spec: FrameworkSpec) -> Iterator[Finding]:
    if spec.years.last is not None and spec.years.last < spec.years.first:
        yield Phrase(M.fw_years), ("years",)


FRAMEWORK_CHECKS = (_scale_levels, _bands, _years)


def _build(spec: FrameworkSpec, report) -> Framework | None:  # noqa: C901 - the tree, checked as it is built
    """Build one framework's tree, checking it as it goes (numbers, ids, scales, weights), then run the
    checks of the whole framework (FRAMEWORK_CHECKS); report() each problem found."""
    ok = True
    values = spec.values
    if values.min >= values.max:
        report(Phrase(M.fw_value_range), "values")
        return None
    domain_specs = (
        spec.domains if spec.domains is not None else [DomainSpec(number=0, name="-", aspects=spec.aspects or [])]
    )
    has_domains = spec.domains is not None

    all_weights = [ind.weight for d in domain_specs for a in d.aspects for ind in a.indicators]
    scale = math.lcm(*(Fraction(w).denominator for w in all_weights))

    indicators: list[Indicator] = []
    domains: list[Group] = []
    aspects: list[Group] = []
    ids: set[str] = set()
    folded: dict[str, str] = {}  # lower-case id -> the id as first written
    aspect_numbers: set[int] = set()
    for d_index, d_spec in enumerate(domain_specs):
        d_where = ("domains", d_index) if has_domains else ()
        d_ids: list[str] = []
        for a_index, a_spec in enumerate(d_spec.aspects):
            a_where = d_where + ("aspects", a_index)
            if a_spec.number in aspect_numbers:
                report(Phrase(M.fw_duplicate_aspect, number=a_spec.number), *a_where, "number")
                ok = False
            aspect_numbers.add(a_spec.number)
            a_scale = a_spec.scale or d_spec.scale or spec.scale
            if a_scale is None or a_scale not in spec.level_scales:
                report(Phrase(M.fw_undefined_scale, number=a_spec.number, scale=a_scale), *a_where)
                ok = False
            a_ids = []
            for i_index, i_spec in enumerate(a_spec.indicators):
                indicator_id = str(i_spec.id)
                if indicator_id in ids:
                    report(Phrase(M.fw_duplicate_indicator, id=indicator_id), *a_where, "indicators", i_index, "id")
                    ok = False
                elif indicator_id.lower() in folded:  # I1 and i1 would be one key of an assessment's model
                    other = folded[indicator_id.lower()]
                    message = Phrase(M.fw_indicator_case, id=indicator_id, other=other)
                    report(message, *a_where, "indicators", i_index, "id")
                    ok = False
                ids.add(indicator_id)
                folded.setdefault(indicator_id.lower(), indicator_id)
                a_ids.append(indicator_id)
                external = None
                if i_spec.external is not None:
                    i_where = (*a_where, "indicators", i_index, "external")
                    external = _external(i_spec.external, values, lambda m, *more, w=i_where: report(m, *w, *more))
                    ok = ok and external is not None
                indicators.append(
                    Indicator(
                        id=indicator_id,
                        name=i_spec.name,
                        weight=Fraction(i_spec.weight),
                        units=int(Fraction(i_spec.weight) * scale),
                        aspect=a_spec.number,
                        domain=d_spec.number if has_domains else None,
                        scale=a_scale or "",
                        multiple=i_spec.multiple,
                        derived_from=i_spec.derived_from or (external.title if external else None),
                        external=external,
                    )
                )
            a_weight = sum((Fraction(i.weight) for i in a_spec.indicators), Fraction(0))
            if a_spec.weight is not None and Fraction(a_spec.weight) != a_weight:
                actual = f"{float(a_weight):g}"
                report(
                    Phrase(
                        M.fw_group_weight, kind="aspect", number=a_spec.number, declared=a_spec.weight, actual=actual
                    ),
                    *a_where,
                    "weight",
                )
                ok = False
            if any(i.multiple for i in a_spec.indicators) and len({i.weight for i in a_spec.indicators}) > 1:
                report(Phrase(M.fw_multiple_weights, number=a_spec.number), *a_where)
                ok = False
            aspects.append(
                Group(
                    "aspect",
                    a_spec.number,
                    a_spec.name,
                    a_weight,
                    int(a_weight * scale),
                    tuple(a_ids),
                    d_spec.number if has_domains else None,
                )
            )
            d_ids.extend(a_ids)
        if has_domains:
            d_weight = sum((g.weight for g in aspects if g.domain == d_spec.number), Fraction(0))
            if d_spec.weight is not None and Fraction(d_spec.weight) != d_weight:
                actual = f"{float(d_weight):g}"
                report(
                    Phrase(
                        M.fw_group_weight, kind="domain", number=d_spec.number, declared=d_spec.weight, actual=actual
                    ),
                    *d_where,
                    "weight",
                )
                ok = False
            if any(g.number == d_spec.number for g in domains):
                report(Phrase(M.fw_duplicate_domain, number=d_spec.number), *d_where, "number")
                ok = False
            domains.append(Group("domain", d_spec.number, d_spec.name, d_weight, int(d_weight * scale), tuple(d_ids)))

    total = sum((i.weight for i in indicators), Fraction(0))
    if total != 100:
        report(Phrase(M.fw_total, total=f"{float(total):g}"))
        ok = False

    for check in FRAMEWORK_CHECKS:
        for phrase, where in check(spec):
            report(phrase, *where)
            ok = False
    bands = sorted(spec.predikat, key=lambda band: band.min, reverse=True)
    if not ok:
        return None
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
        bands=tuple(Band(b.name, b.min) for b in bands),
        domains=tuple(domains),
        aspects=tuple(aspects),
        indicators=tuple(indicators),
        unit_scale=scale,
        sources=tuple(Source(s.title, s.url) for s in spec.sources),
        verified=spec.verified,
    )
