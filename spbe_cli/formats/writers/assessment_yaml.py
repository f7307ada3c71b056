"""An assessment written back as an assessment file (YAML), everything it holds, nothing added.

Used by `spbe import`. Text is written as JSON strings, which are valid YAML double-quoted scalars, so
any user text (quotes, colons, `#`, line breaks, a leading `=`) reads back exactly.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from fractions import Fraction

from ...core.assessment import Assessment, Entry, Evidence, Values
from ...core.framework import Framework
from ...core.numbers import plain_number

# What YAML does not take raw in a double-quoted scalar, or reads as a line break (NEL, U+2028, U+2029
# would read back as a space): escaped, as JSON escapes C0 controls itself.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")


def _text(value: str) -> str:
    return _YAML_UNSAFE.sub(lambda found: f"\\u{ord(found.group()):04x}", json.dumps(value, ensure_ascii=False))


def _number(value: int | Fraction) -> str:
    if isinstance(value, int) or (isinstance(value, Fraction) and value.denominator == 1):
        return str(int(value))
    text = plain_number(value, max_places=28)
    # A value with no finite decimal form (7/6, pemdi-2026) is written as the fraction it is.
    return text if Fraction(text) == value else f"{value.numerator}/{value.denominator}"


def _values(values: Values | None) -> str:
    if values is None:
        return "null"
    if len(values) == 1:
        return _number(values[0])
    return "[" + ", ".join(_number(v) for v in values) + "]"


def _item(item: Evidence) -> str:
    fields = {name: text for name, text in item.as_dict().items() if text is not None}
    text = fields.get("link") or fields.get("title")
    if len(fields) == 1 and text is not None:
        as_link = text.lower().startswith(("http://", "https://", "www."))
        if ("link" in fields) == as_link:
            return _text(text)  # a bare string reads back as this very item
    return "{" + ", ".join(f"{name}: {_text(value)}" for name, value in fields.items()) + "}"


def _texts(items: tuple[str, ...]) -> str | None:
    if not items:
        return None
    return _text(items[0]) if len(items) == 1 else "[" + ", ".join(_text(v) for v in items) + "]"


def entry_parts(entry: Entry) -> list[tuple[str, str]]:
    """An entry's keys and their values as one-line YAML, in the order assessment_yaml writes them
    (evidence, which it writes as a block list, last)."""
    stages = entry.stage_values
    parts: list[tuple[str, str]] = []
    external = entry.external
    if external is not None:
        parts.append(("external", "pending" if external.number is None else _number(external.number)))
    elif stages:
        parts += [(stage, _values(values)) for stage, values in stages.items()]
    if entry.target is not None:
        parts.append(("target", _number(entry.target)))
    if entry.note is not None:
        parts.append(("note", _text(entry.note)))
    pic = _texts(entry.pic)
    service = _texts(entry.service)
    if pic is not None:
        parts.append(("pic", pic))
    if service is not None:
        parts.append(("service", service))
    for name, value in (("assessor_note", entry.assessor_note), ("recommendation", entry.recommendation)):
        if value is not None:
            parts.append((name, _text(value)))
    if not stages and external is None and (parts or entry.evidence):
        parts.insert(0, ("level", _values(entry.values)))
    if entry.evidence:
        parts.append(("evidence", evidence_text(entry.evidence)))
    return parts


def evidence_text(evidence: Iterable[Evidence]) -> str:
    """Evidence items as one flow list."""
    return "[" + ", ".join(_item(item) for item in evidence) + "]"


def values_text(values: Values | None) -> str:
    return _values(values)


def entry_lines(key: str, entry: Entry | None, indent: str) -> list[str]:
    """One indicator's entry in block style: `key:` at `indent`, its keys two spaces further in."""
    if entry is None:
        return [f"{indent}{key}:"]
    parts = entry_parts(entry)
    if not parts:
        return [f"{indent}{key}:" if entry.values is None else f"{indent}{key}: {_values(entry.values)}"]
    lines = [f"{indent}{key}:"]
    for name, value in parts:
        if name == "evidence":
            lines.append(f"{indent}  evidence:")
            lines += [f"{indent}    - {_item(item)}" for item in entry.evidence]
        else:
            lines.append(f"{indent}  {name}: {value}")
    return lines


def assessment_yaml(assessment: Assessment, framework: Framework) -> str:
    lines = [
        f"framework: {assessment.framework}",
        f"institution: {_text(assessment.institution)}",
        f"year: {assessment.year}",
    ]
    if assessment.declared_stage:
        lines.append(f"stage: {assessment.declared_stage}")
    if assessment.category:
        lines.append(f"category: {assessment.category}")
    lines.append("levels:")
    for indicator in framework.indicators:
        lines += entry_lines(indicator.id, assessment.entries.get(indicator.id), "  ")
    return "\n".join(lines) + "\n"
