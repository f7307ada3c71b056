"""The batch baseline: the same work as `spbe score FOLDER -f json -o OUT`, written the plain way.

    python benchmarks/floor.py FOLDER OUT

For every *.yaml file under FOLDER (sorted): PyYAML's CSafeLoader reads it, one Pydantic model
validates it, the index, its domains and aspects are summed exactly (Fractions), and one JSON object
per file goes to OUT, in an array, one line each, with every field spbe's JSON output has per file
and per indicator (README, "JSON output"). What it leaves out is what spbe exists for: strictness
(duplicate keys, tags, aliases, size caps), located errors, official level names, stages, published
results, and the rule that shares an aspect's weight among assessed services.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict

FRAMEWORKS = Path(__file__).resolve().parent.parent / "indicators.yaml"
Number = int | float  # a YAML decimal, read by CSafeLoader as a float, is made exact from its repr


class Entry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    level: Number | list[Number]
    target: Number | None = None
    note: str | None = None
    evidence: list[str] = []
    pic: str | list[str] | None = None
    service: str | list[str] | None = None
    assessor_note: str | None = None
    recommendation: str | None = None


class Assessment(BaseModel):
    model_config = ConfigDict(extra="forbid")
    framework: str
    institution: str
    year: int
    levels: dict[str, Number | list[Number] | Entry]


def exact(value: int | float | Decimal) -> int | Decimal:
    """A value as written: 2.05 is Decimal('2.05'), never the binary float nearest to it."""
    return Decimal(repr(value)) if type(value) is float else value


def short(value: int | Decimal | Fraction) -> int | float:
    """As a JSON number: a whole number as an integer."""
    return int(value) if value == int(value) else float(value)


def shown(value: Fraction) -> float:
    """Half-up to 2 decimals, as published (integer arithmetic: exact)."""
    return ((value.numerator * 200 + value.denominator) // (2 * value.denominator)) / 100


def exact_text(value: int | Decimal | Fraction) -> str:
    """A finite decimal as a decimal (3.466), anything else as a fraction (37/11)."""
    if type(value) is int:
        return str(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    denominator = value.denominator
    while denominator % 2 == 0:
        denominator //= 2
    while denominator % 5 == 0:
        denominator //= 5
    if denominator != 1:
        return f"{value.numerator}/{value.denominator}"
    return format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")


def frameworks() -> dict[str, dict[str, Any]]:
    """Each framework with its indicators, aspects and domains flattened; weights exact."""
    with open(FRAMEWORKS, "rb") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    found = {}
    for framework in data["frameworks"]:
        domains = framework.get("domains") or [{"number": None, "aspects": framework["aspects"]}]
        indicators, aspects = [], []
        for domain in domains:
            scale = framework["level_scales"].get(domain.get("scale") or framework.get("scale"), {})
            for aspect in domain["aspects"]:
                weight = sum(exact(i["weight"]) for i in aspect["indicators"])
                aspects.append({**aspect, "domain": domain["number"], "weight": weight})
                for indicator in aspect["indicators"]:
                    weight = exact(indicator["weight"])
                    indicators.append(
                        {**indicator, "id": str(indicator["id"]), "weight": weight, "shown_weight": short(weight)}
                    )
                    indicators[-1].update(aspect=aspect["number"], domain=domain["number"], scale=scale)
        framework.update(indicators=indicators, aspect_list=aspects, domain_list=framework.get("domains") or [])
        framework["bands"] = [(exact(band["min"]), band["name"]) for band in framework["predikat"]]
        found[framework["id"]] = framework
    return found


def group(number: int, name: str, weighted: int | Decimal | Fraction, weight: int | Decimal) -> dict[str, Any]:
    index = Fraction(weighted) / Fraction(weight)
    return {
        "number": number,
        "name": name,
        "weight": short(weight),
        "index": shown(index),
        "index_exact": exact_text(index),
    }


def score(path: Path, framework_data: dict[str, dict[str, Any]]) -> dict[str, Any]:
    with open(path, "rb") as handle:
        data = yaml.load(handle, Loader=yaml.CSafeLoader)
    data["levels"] = {str(key): value for key, value in data["levels"].items()}
    assessment = Assessment.model_validate(data)
    framework = framework_data[assessment.framework]
    whole = framework["values"]["type"] == "integer"
    records, by_aspect = [], {}
    for indicator in framework["indicators"]:
        given = assessment.levels[indicator["id"]]
        entry = given if isinstance(given, Entry) else None
        level = given if entry is None else entry.level
        values = [exact(v) for v in level] if isinstance(level, list) else [exact(level)]
        value = values[0] if len(values) == 1 else Fraction(sum(values)) / len(values)
        number = indicator["aspect"]
        by_aspect[number] = by_aspect.get(number, 0) + indicator["weight"] * value
        target = None if entry is None or entry.target is None else exact(entry.target)
        records.append(
            {
                "id": indicator["id"],
                "name": indicator["name"],
                "weight": indicator["shown_weight"],
                "value": short(value),
                "value_exact": exact_text(value),
                "values": [short(v) for v in values],
                "level_name": indicator["scale"].get(value) if whole and len(values) == 1 else None,
                "target": None if target is None else short(target),
                "external": None,
                "aspect": number,
                "domain": indicator["domain"],
                "gap": None if target is None else short(max(0, target - value)),
                "pic": ([entry.pic] if isinstance(entry.pic, str) else entry.pic or []) if entry else [],
                "service": entry and entry.service,
                "note": entry and entry.note,
                "evidence": [{"link": item} for item in entry.evidence] if entry else [],
                "assessor_note": entry and entry.assessor_note,
                "recommendation": entry and entry.recommendation,
                "stage_values": {},
            }
        )
    aspects = [
        {**group(a["number"], a["name"], by_aspect[a["number"]], a["weight"]), "domain": a["domain"]}
        for a in framework["aspect_list"]
    ]
    domains = []
    for domain in framework["domain_list"]:
        numbers = [a["number"] for a in domain["aspects"]]
        weight = sum(a["weight"] for a in framework["aspect_list"] if a["number"] in numbers)
        domains.append(group(domain["number"], domain["name"], sum(by_aspect[n] for n in numbers), weight))
    index = Fraction(sum(by_aspect.values())) / Fraction(sum(a["weight"] for a in framework["aspect_list"]))
    return {
        "schema_version": 1,
        "tool_version": "0.0.0",
        "source": str(path),
        "framework": {"id": framework["id"], "title": framework["title"]},
        "institution": assessment.institution,
        "year": assessment.year,
        "stage": None,
        "stages": [],
        "index": shown(index),
        "index_exact": exact_text(index),
        "predikat": next(name for low, name in framework["bands"] if index >= low),
        "domains": domains,
        "aspects": aspects,
        "indicators": records,
        "by_stage": {},
        "published": None,
    }


def main() -> None:
    framework_data = frameworks()
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        separator = "[\n"
        for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
            out.write(separator + json.dumps(score(path, framework_data), ensure_ascii=False, separators=(",", ":")))
            separator = ",\n"
        out.write("\n]\n" if separator != "[\n" else "[]\n")


if __name__ == "__main__":
    main()
