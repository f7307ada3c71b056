"""Pydantic models of assessment files, one model per framework (built on first use).

Each framework's `levels` mapping is a model with one field per indicator, so Pydantic itself
reports missing and unknown indicators, and the JSON Schema of a framework's files falls out of it.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    Strict,
    StringConstraints,
    Tag,
    WithJsonSchema,
    create_model,
)
from pydantic_core import PydanticCustomError

from ..core.assessment import Assessment, Entry
from ..core.framework import Framework

YEAR_MIN, YEAR_MAX = 2000, 2100
TOP_KEYS = ("framework", "institution", "year", "levels")
ENTRY_KEYS = ("level", "target", "note", "evidence", "pic")

Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1)]
Year = Annotated[int, Strict(), Field(ge=YEAR_MIN, le=YEAR_MAX)]

# Discriminator tags appear in error locations; their angle brackets let the loader drop them.
VALUE_TAG, LIST_TAG, ENTRY_TAG = "<value>", "<list>", "<entry>"


def _no_bool_or_text(value: Any) -> Any:
    # Decimal() would accept "3.5" and True; a level must be written as a number.
    if isinstance(value, (bool, str)) or value is None:
        raise PydanticCustomError("decimal_type", "must be a number")
    return value


def value_type(framework: Framework) -> Any:
    low, high = framework.min_value, framework.max_value
    if framework.integer_values:
        return Annotated[int, Strict(), Field(ge=low, le=high)]
    # The schema says "number": Pydantic would also allow numeric strings, which the validator refuses.
    return Annotated[
        Decimal,
        BeforeValidator(_no_bool_or_text),
        Field(ge=low, le=high, allow_inf_nan=False),
        WithJsonSchema({"type": "number", "minimum": low, "maximum": high}),
    ]


def _pick(value: Any) -> str:
    if isinstance(value, dict):
        return ENTRY_TAG
    if isinstance(value, list):
        return LIST_TAG
    return VALUE_TAG


def _tagged(choices: dict[str, Any]) -> Any:
    # A value that is neither a mapping nor (where allowed) a list is checked as a level.
    members = tuple(Annotated[kind, Tag(tag)] for tag, kind in choices.items())
    return Annotated[Union[members], Discriminator(lambda v: _pick(v) if _pick(v) in choices else VALUE_TAG)]  # noqa: UP007  (Union of a runtime tuple)


def _field_name(indicator_id: str) -> str:
    return "i_" + indicator_id.lower()


_cache: dict[str, type[BaseModel]] = {}


def assessment_model(framework: Framework) -> type[BaseModel]:
    """The Pydantic model of an assessment file of `framework` (cached per framework)."""
    key = f"{framework.id}:{id(framework)}"
    if key in _cache:
        return _cache[key]
    value = value_type(framework)
    values = Annotated[list[value], Field(min_length=1, max_length=50)]  # type: ignore[valid-type]
    strict = ConfigDict(extra="forbid")

    def entry_model(level_type: Any, suffix: str) -> type[BaseModel]:
        return create_model(
            f"Entry_{framework.id}{suffix}".replace("-", "_"),
            __config__=strict,
            level=(level_type, Field(description="the value for this indicator")),
            target=(value | None, Field(default=None, description="the value aimed for")),
            note=(str | None, Field(default=None, description="justification or remark")),
            evidence=(
                list[Annotated[str, Strict()]],
                Field(default_factory=list, description="evidence (bukti dukung) links or references"),
            ),
            pic=(str | None, Field(default=None, description="responsible office (OPD / PIC)")),
        )

    single_entry = entry_model(value, "")
    multi_entry = entry_model(_tagged({VALUE_TAG: value, LIST_TAG: values}), "_multi")
    # One type object shared by every field: Pydantic builds its schema about twice as fast.
    single_kind = _tagged({VALUE_TAG: value, ENTRY_TAG: single_entry})
    multi_kind = _tagged({VALUE_TAG: value, LIST_TAG: values, ENTRY_TAG: multi_entry})
    fields: dict[str, Any] = {
        _field_name(i.id): (multi_kind if i.multiple else single_kind, Field(alias=i.id, description=i.name))
        for i in framework.indicators
    }
    levels = create_model(f"Levels_{framework.id}".replace("-", "_"), __config__=strict, **fields)
    model = create_model(
        f"Assessment_{framework.id}".replace("-", "_"),
        __config__=strict,
        framework=(str, Field(description="framework id")),
        institution=(Text, Field(description="institution name")),
        year=(Year, Field(description="evaluation year")),
        levels=(levels, Field(description="every indicator of the framework")),
    )
    _cache[key] = model
    return model


def _exact(value: Any) -> Any:
    return value if isinstance(value, int) or value is None else Fraction(value)


def to_assessment(model: BaseModel, framework: Framework, source: str | None = None) -> Assessment:
    """Turn a validated model into the core's plain Assessment."""
    levels = model.levels  # type: ignore[attr-defined]
    entries: dict[str, Entry] = {}
    for indicator in framework.indicators:
        raw = getattr(levels, _field_name(indicator.id))
        if isinstance(raw, BaseModel):
            level = raw.level  # type: ignore[attr-defined]
            values = tuple(map(_exact, level)) if isinstance(level, list) else (_exact(level),)
            entries[indicator.id] = Entry(
                values=values,
                target=_exact(raw.target),  # type: ignore[attr-defined]
                note=raw.note,  # type: ignore[attr-defined]
                evidence=tuple(raw.evidence),  # type: ignore[attr-defined]
                pic=raw.pic,  # type: ignore[attr-defined]
            )
        elif isinstance(raw, list):
            entries[indicator.id] = Entry(values=tuple(map(_exact, raw)))
        else:
            entries[indicator.id] = Entry(values=(_exact(raw),))
    return Assessment(
        framework=framework.id,
        institution=model.institution,  # type: ignore[attr-defined]
        year=model.year,  # type: ignore[attr-defined]
        entries=entries,
        source=source,
    )
