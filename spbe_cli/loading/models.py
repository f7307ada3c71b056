"""Pydantic models of assessment files, one model per framework (built on first use).

Each framework's `levels` mapping is a model with one field per indicator, so Pydantic itself
reports missing and unknown indicators, and the JSON Schema of a framework's files falls out of it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any, Literal, Union, cast

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Strict,
    StringConstraints,
    Tag,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic_core import PydanticCustomError

from ..core.assessment import EVIDENCE_STATUSES, Assessment, Entry, Evidence
from ..core.categories import CATEGORY_KEYS
from ..core.external import PENDING, ConversionError, convert, pending
from ..core.framework import ExternalSource, Framework
from ..core.stages import STAGES, ordered
from .keys import (  # noqa: F401  (DISCRIMINATOR_TAGS, TEXT_KEYS, ...: the file's keys, named here too)
    DISCRIMINATOR_TAGS,
    ENTRY_KEYS,
    ENTRY_TAG,
    EVIDENCE_KEYS,
    EXTERNAL_KEY,
    LIST_TAG,
    MAX_DECIMAL_PLACES,
    PLAIN_ENTRIES,
    TEXT_KEYS,
    TEXT_TAG,
    TOP_KEYS,
    VALUE_TAG,
    YEAR_MAX,
    YEAR_MIN,
)

FRACTION = re.compile(r"\s*([0-9]{1,6})\s*/\s*([0-9]{1,6})\s*")  # an exact value from items: 7/6


def _visible_text(value: str) -> str:
    # A name of only zero-width or other invisible characters is as empty as "".
    if not any(char.isprintable() and not char.isspace() and unicodedata.category(char) != "Cf" for char in value):
        raise PydanticCustomError("string_too_short", "must not be empty", {"min_length": 1})
    return value


def _places_capped(value: Decimal) -> Decimal:
    _, digits, exponent = value.as_tuple()  # not normalize(): it rounds to 28 digits
    if not isinstance(exponent, int):
        return value
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    if exponent + min(trailing_zeros, -exponent if exponent < 0 else 0) < -MAX_DECIMAL_PLACES:
        raise PydanticCustomError("decimal_max_places", "too many decimal places")
    return value


Text = Annotated[str, Strict(), StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_visible_text)]
Year = Annotated[int, Strict(), Field(ge=YEAR_MIN, le=YEAR_MAX)]

StrictText = Annotated[str, Strict()]


def _number(value: Any) -> Fraction:
    """A number as an exact Fraction; a bool, text or a non-finite number is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float, Decimal, Fraction)):
        raise PydanticCustomError("decimal_type", "must be a number")
    if isinstance(value, (float, Decimal)) and not Decimal(value).is_finite():
        raise PydanticCustomError("decimal_type", "must be a number")
    return Fraction(Decimal(str(value))) if isinstance(value, float) else Fraction(value)


def _decimal_value(low: int, high: int) -> Callable[[Any], Fraction]:
    """A check for pemdi-style values: a number, or an exact fraction written `7/6`, within range."""

    def check(value: Any) -> Fraction:
        if isinstance(value, str) and (match := FRACTION.fullmatch(value)) and int(match.group(2)):
            exact = Fraction(int(match.group(1)), int(match.group(2)))
        else:
            if isinstance(value, Decimal):
                _places_capped(value)
            exact = _number(value)
        if not low <= exact <= high:
            raise PydanticCustomError("value_range", "must be from {low} to {high}", {"low": low, "high": high})
        return exact

    return check


def value_type(framework: Framework) -> Any:
    low, high = framework.min_value, framework.max_value
    names = _official_names(framework)
    if framework.integer_values:
        whole = Annotated[int, Strict(), Field(ge=low, le=high)]
        if not names:
            return whole
        integer = {"type": "integer", "minimum": low, "maximum": high}
        return Annotated[whole, WithJsonSchema({"anyOf": [integer, names]})]
    number = {"type": "number", "minimum": low, "maximum": high}
    fraction = {
        "type": "string",
        "pattern": "^\\s*[0-9]{1,6}\\s*/\\s*[0-9]{1,6}\\s*$",
        "description": "an exact fraction, e.g. 7/6",
    }
    choices = [number, fraction, names] if names else [number, fraction]
    return Annotated[Any, PlainValidator(_decimal_value(low, high)), WithJsonSchema({"anyOf": choices})]


def _official_names(framework: Framework) -> dict[str, Any] | None:
    """The schema of a level written by its official name (`Rintisan`), for editors: read as its
    number before validation (loading/levelnames.py), on the indicator's own scale only."""
    names: list[str] = []
    for scale in framework.official_level_names:
        for label in framework.level_scales.get(scale, {}).values():
            head, bracket, rest = label.partition("(")
            forms = [label, head.strip(), rest.rstrip().removesuffix(")").strip()] if bracket else [label]
            names += [form for form in forms if form and form not in names]
    return {"enum": names, "description": "a level's official name, for its number"} if names else None


def _external_value(source: ExternalSource) -> Callable[[Any], Any]:
    """A check for `external:`: the source index's own number, or `pending`."""

    def check(value: Any) -> Any:
        if value == PENDING:
            return PENDING
        if isinstance(value, Decimal):
            _places_capped(value)  # as for values: more places are refused, never rounded
        try:
            number = _number(value)
        except PydanticCustomError:
            raise PydanticCustomError("external_type", "must be the source index's number or pending") from None
        try:
            convert(source, number)
        except ConversionError as error:
            raise PydanticCustomError("external_" + error.reason, "cannot be converted") from None
        return number

    return check


class _ExternalEntry(BaseModel):
    """An entry of an indicator scored from another index: `external`, or a value (`level` or stages)."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="after")
    def _one_source(self) -> Any:
        if getattr(self, EXTERNAL_KEY) is not None and ({"level", *STAGES} & self.model_fields_set):
            raise PydanticCustomError("external_and_level", "give level or external, not both")
        return self


def _picker(choices: dict[str, Any], otherwise: str) -> Callable[[Any], str]:
    """The tag of a value by its shape: a mapping's, a list's (where `choices` has them), else `otherwise`."""
    mapping = ENTRY_TAG if ENTRY_TAG in choices else otherwise
    listed = LIST_TAG if LIST_TAG in choices else otherwise

    def pick(value: Any) -> str:  # called for every indicator of every file: kept to two checks
        return mapping if isinstance(value, dict) else listed if isinstance(value, list) else otherwise

    return pick


def _tagged(choices: dict[str, Any]) -> Any:
    # A value that is neither a mapping nor (where allowed) a list is checked as a level.
    return _by_shape(choices, VALUE_TAG)


def _by_shape(choices: dict[str, Any], otherwise: str) -> Any:
    """A union picked by the shape of the value (mapping, list, else `otherwise`): one clear error each."""
    members = tuple(Annotated[kind, Tag(tag)] for tag, kind in choices.items())
    return Annotated[Union[members], Discriminator(_picker(choices, otherwise))]  # noqa: UP007  (Union of a runtime tuple)


def _status(value: Any) -> Any:
    """A status in any case or surrounding spaces (`Diterima`) as the portal's word; anything else as given."""
    if isinstance(value, str) and value.strip().casefold() in EVIDENCE_STATUSES:
        return value.strip().casefold()
    return value


class EvidenceItem(BaseModel):
    """One evidence item written as a mapping."""

    model_config = ConfigDict(extra="forbid")
    code: StrictText | None = Field(default=None, description="the portal's code, e.g. I4-L2-01")
    link: StrictText | None = Field(default=None, description="where the document is")
    title: StrictText | None = Field(default=None, description="what the document is")
    status: Annotated[Literal[EVIDENCE_STATUSES], BeforeValidator(_status)] | None = Field(  # type: ignore[valid-type]
        default=None, description="draf, diunggah, diterima, revisi or ditolak"
    )
    note: StrictText | None = Field(default=None, description="a remark on this item")


_EvidenceItemField: Any = _by_shape({VALUE_TAG: StrictText, ENTRY_TAG: EvidenceItem}, VALUE_TAG)
EvidenceField = _by_shape(
    {
        VALUE_TAG: StrictText,
        LIST_TAG: list[_EvidenceItemField],
    },
    VALUE_TAG,
)
Offices = _by_shape({VALUE_TAG: StrictText, LIST_TAG: list[StrictText]}, VALUE_TAG)


def _field_name(indicator_id: str) -> str:
    return "i_" + indicator_id.lower()


_STRICT = ConfigDict(extra="forbid")


def assessment_model(framework: Framework) -> type[BaseModel]:
    """The Pydantic model of an assessment file of `framework` (cached per framework)."""
    cached: type[BaseModel] | None = framework.derived.get("assessment_model")
    if cached is not None:
        return cached
    model = create_model(
        f"Assessment_{framework.id}".replace("-", "_"),
        __config__=_STRICT,
        framework=(str, Field(description="framework id")),
        institution=(Text, Field(description="institution name")),
        year=(Year, Field(description="evaluation year")),
        stage=(
            # built from the STAGES tuple, so a static checker cannot read it as a type (cast keeps
            # mypy quiet with every pydantic release's stubs)
            cast(Any, Literal[STAGES] | None),
            Field(default=None, description="how far the evaluation has got: " + ", ".join(STAGES)),
        ),
        category=(
            cast(Any, Literal[CATEGORY_KEYS] | None),
            Field(
                default=None,
                description="the institution's category, for comparing with published averages: "
                + ", ".join(CATEGORY_KEYS)
                + " (default: read from the institution's name)",
            ),
        ),
        levels=(_levels_model(framework), Field(description="every indicator of the framework")),
    )
    framework.derived["assessment_model"] = model
    return model


def _levels_model(framework: Framework) -> type[BaseModel]:
    """`levels`: one field per indicator, named by its id; a value, a list of values (an indicator
    assessed per service), an entry mapping, or nothing yet (`7:` is not filled yet)."""
    value = value_type(framework)
    values = Annotated[list[value], Field(min_length=1, max_length=50)]  # type: ignore[valid-type]
    single_entry = _entry_model(framework, value, value, "", StrictText)
    multi_entry = _entry_model(framework, value, _tagged({VALUE_TAG: value, LIST_TAG: values}), "_multi", Offices)
    # One type object shared by every field: Pydantic builds its schema about twice as fast.
    single_kind = _tagged({VALUE_TAG: value, ENTRY_TAG: single_entry}) | None
    multi_kind = _tagged({VALUE_TAG: value, LIST_TAG: values, ENTRY_TAG: multi_entry}) | None
    fields: dict[str, Any] = {
        _field_name(i.id): (multi_kind if i.multiple else single_kind, Field(alias=i.id, description=i.name))
        for i in framework.indicators
    }
    for i in framework.indicators:
        if i.external is not None and not i.multiple:
            entry = _entry_model(framework, value, value, f"_{i.id}", StrictText, i.external)
            fields[_field_name(i.id)] = (
                _tagged({VALUE_TAG: value, ENTRY_TAG: entry}) | None,
                Field(alias=i.id, description=i.name),
            )
    return create_model(f"Levels_{framework.id}".replace("-", "_"), __config__=_STRICT, **fields)


def _entry_model(
    framework: Framework,
    value: Any,
    level_type: Any,
    suffix: str,
    service_type: Any,
    source: ExternalSource | None = None,
) -> type[BaseModel]:
    """An indicator's entry mapping: its value (`level`, or one per stage, of `level_type`), target (a
    `value`), note, evidence, offices, service, the assessors' note and recommendation; `external` for
    an indicator valued from a `source` index."""
    stage_fields: dict[str, Any] = {
        stage: (level_type | None, Field(default=None, description=f"the value at stage {stage}")) for stage in STAGES
    }
    more: dict[str, Any] = {"__config__": _STRICT}
    if source is not None:
        described = f"the {source.short_name} number ({source.index}, {source.agency}), or pending"
        external = Annotated[
            Any,
            PlainValidator(_external_value(source)),
            WithJsonSchema({"anyOf": [{"type": "number"}, {"const": PENDING}]}),
        ]
        more = {"__base__": _ExternalEntry, EXTERNAL_KEY: (external, Field(default=None, description=described))}
    return create_model(
        f"Entry_{framework.id}{suffix}".replace("-", "_"),
        **more,
        level=(level_type | None, Field(default=None, description="the value at every stage (empty: not filled yet)")),
        **stage_fields,
        target=(value | None, Field(default=None, description="the value aimed for")),
        note=(StrictText | None, Field(default=None, description="justification (penjelasan)")),
        evidence=(
            EvidenceField | None,
            Field(default=None, description="evidence (bukti dukung): a link or reference, or a list of items"),
        ),
        pic=(Offices | None, Field(default=None, description="responsible office(s) (OPD / PIC)")),
        service=(service_type | None, Field(default=None, description="the public service / sector covered")),
        assessor_note=(StrictText | None, Field(default=None, description="the assessors' note (catatan asesor)")),
        recommendation=(StrictText | None, Field(default=None, description="the assessors' recommendation")),
    )


def _exact(value: Any) -> Any:
    return value if isinstance(value, (int, Fraction)) or value is None else Fraction(value)


def _values(raw: Any) -> tuple[Any, ...] | None:
    if raw is None:
        return None
    return tuple(map(_exact, raw)) if isinstance(raw, list) else (_exact(raw),)


def _texts(raw: Any) -> tuple[str, ...]:
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    return tuple(text.strip() for text in items if text.strip())


def _evidence(raw: Any) -> tuple[Evidence, ...]:
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    return tuple(Evidence.from_text(item) if isinstance(item, str) else Evidence(**item.model_dump()) for item in items)


def recorded_stages(raw: BaseModel) -> list[str]:
    """The stage keys written in one indicator's mapping."""
    return [stage for stage in STAGES if stage in raw.model_fields_set]


def to_entry(raw: Any, source: ExternalSource | None = None) -> Entry:
    """One validated indicator (a value, a list of values, None or an entry model) as a core Entry."""
    if type(raw) is int:
        return PLAIN_ENTRIES.get(raw) or Entry(values=(raw,))
    if not isinstance(raw, BaseModel):
        return Entry(values=_values(raw))
    stages = recorded_stages(raw)
    fields: Any = raw
    external = None
    if source is not None and getattr(fields, EXTERNAL_KEY, None) is not None:
        given = getattr(fields, EXTERNAL_KEY)
        external = pending(source) if given == PENDING else convert(source, given)
    return Entry(
        values=(external.value,) if external else None if stages else _values(fields.level),
        external=external,
        target=_exact(fields.target),
        note=fields.note,
        evidence=_evidence(fields.evidence),
        pic=_texts(fields.pic),
        service=_texts(fields.service),
        assessor_note=fields.assessor_note,
        recommendation=fields.recommendation,
        stage_values={stage: _values(getattr(fields, stage)) for stage in stages},
    )


def to_assessment(model: BaseModel, framework: Framework, source: str | None = None) -> Assessment:
    """Turn a validated model into the core's plain Assessment, read at its default stage."""
    fields = framework.derived.get("model_fields")
    if fields is None:  # per framework: each indicator's id, field name and source index
        fields = [(i.id, _field_name(i.id), i.external) for i in framework.indicators]
        framework.derived["model_fields"] = fields
    levels = model.levels.__dict__  # type: ignore[attr-defined]
    entries = {indicator_id: to_entry(levels[name], external) for indicator_id, name, external in fields}
    stages = ordered(stage for entry in entries.values() if entry.stage_values for stage in entry.stage_values)
    declared = model.stage  # type: ignore[attr-defined]
    default = declared or (stages[-1] if stages else None)
    if stages:
        entries = {key: entry.at(default) for key, entry in entries.items()}
    return Assessment(
        framework=framework.id,
        institution=model.institution,  # type: ignore[attr-defined]
        year=model.year,  # type: ignore[attr-defined]
        entries=entries,
        source=source,
        stage=default,
        stages=stages,
        declared_stage=declared,
        category=model.category,  # type: ignore[attr-defined]
    )
