"""JSON Schema of assessment files, for editors (YAML language server) and other tools.

Generated from the same Pydantic models that validate files, then enriched from the framework:
each indicator id is a property with its name, aspect and weight as description, and the value
range of the framework.
"""

from __future__ import annotations

from typing import Any

from ..core.framework import Framework
from ..core.numbers import plain_number
from .models import assessment_model

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def framework_schema(framework: Framework) -> dict[str, Any]:
    """The schema of one framework's assessment files (with its own $defs)."""
    schema = assessment_model(framework).model_json_schema(by_alias=True, ref_template="#/$defs/{model}")
    schema["title"] = f"{framework.title}: assessment file"
    schema["description"] = (
        f"{framework.regulation}. Values: {framework.value_type} {framework.min_value}-{framework.max_value}."
    )
    schema["properties"]["framework"] = {"const": framework.id, "description": framework.title}
    levels_name = schema["properties"]["levels"]["$ref"].rsplit("/", 1)[-1]
    levels = schema["$defs"][levels_name]
    aspects = {aspect.number: aspect.name for aspect in framework.aspects}
    for indicator in framework.indicators:
        described = f"{indicator.name} (aspek {indicator.aspect} {aspects[indicator.aspect]}, bobot {plain_number(indicator.weight)} %)"
        if indicator.multiple:
            described += "; one value per public service, e.g. [3, 2, 2]"
        levels["properties"][indicator.id]["description"] = described
        levels["properties"][indicator.id]["title"] = indicator.id
    return schema


def assessment_schema(frameworks: list[Framework]) -> dict[str, Any]:
    """One framework's schema, or one that accepts a file of any of the frameworks (by `framework`)."""
    if len(frameworks) == 1:
        return {"$schema": DRAFT, **framework_schema(frameworks[0])}
    definitions: dict[str, Any] = {}
    choices = []
    for framework in frameworks:
        schema = framework_schema(framework)
        definitions.update(schema.pop("$defs", {}))  # model names carry the framework id: no clashes
        choices.append(schema)
    return {
        "$schema": DRAFT,
        "title": "spbe assessment file",
        "description": "An assessment under one of: " + ", ".join(f.id for f in frameworks),
        "type": "object",
        "required": ["framework"],
        "properties": {"framework": {"enum": [f.id for f in frameworks]}},
        "oneOf": choices,
        "$defs": definitions,
    }
