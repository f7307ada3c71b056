"""Assessment templates for `spbe init`: every indicator, named in comments, ready to fill in."""

from __future__ import annotations

import json
from fractions import Fraction

from .core.assessment import Assessment, Value
from .core.framework import Framework
from .core.numbers import exact_text, plain_number


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _text(value: str) -> str:
    # A JSON string is a valid YAML double-quoted scalar: safe for any user text.
    return json.dumps(value, ensure_ascii=False)


def _value(value: Value | Fraction, framework: Framework) -> str:
    """1 for level scales; 1.00, 2.50, 1.125 for decimal values (at least two decimals, exact)."""
    if framework.integer_values:
        return str(int(value))
    if "/" in exact_text(Fraction(value)):
        return exact_text(Fraction(value))  # an exact fraction such as 7/6 stays exact
    whole, _, decimals = plain_number(Fraction(value)).partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def render_template(framework: Framework, institution: str, year: int, previous: Assessment | None = None) -> str:
    """YAML text of a complete assessment. With `previous`, its levels, targets and PICs carry over."""
    lines = [
        f"# {_one_line(framework.title)}: assessment file for spbe",
        f"# {_one_line(framework.regulation)}",
        f"# Values: {'whole numbers' if framework.integer_values else 'decimals'} from {framework.min_value} to {framework.max_value}."
        " Predikat: " + ", ".join(f"{band.name} >= {band.min}" for band in framework.bands) + ".",
        '# An indicator may also be written {level: 3, target: 4, note: "...", evidence: ["..."], pic: "..."}.',
        f"framework: {framework.id}",
        f"institution: {_text(institution)}",
        f"year: {year}",
        "levels:",
    ]
    domains = {d.number: d for d in framework.domains}
    current_domain = None
    for aspect in framework.aspects:
        if aspect.domain is not None and aspect.domain != current_domain:
            current_domain = aspect.domain
            domain = domains[aspect.domain]
            lines.append(f"  # Domain {domain.number}. {_one_line(domain.name)} ({plain_number(domain.weight)} %)")
        lines.append(f"  # Aspek {aspect.number}. {_one_line(aspect.name)} ({plain_number(aspect.weight)} %)")
        for indicator_id in aspect.indicators:
            indicator = framework.by_id[indicator_id]
            lines.append(_entry_line(framework, indicator, previous))
    return "\n".join(lines) + "\n"


def render_move(framework: Framework, institution: str, year: int, previous: Assessment, path: str) -> str:
    """A new framework's template started from a file of another framework (2025 SPBE -> 2026 Pemdi).

    Nothing is carried from indicator to indicator: there is no official concordance between the
    frameworks. The old file's offices are listed in a comment so the coordinator can assign them.
    """
    offices: list[str] = []
    for entry in previous.entries.values():
        offices += [office for office in entry.pic if office not in offices]
    block = [
        f"# Started from {_one_line(path)} ({previous.framework}, {previous.year}). No indicator is carried over:",
        f"# there is no official concordance between {previous.framework} and {framework.id}.",
    ]
    if offices:
        block.append(f"# Offices (PIC) named in {_one_line(path)}, to assign to the indicators below:")
        block += [f"#   - {_one_line(office)}" for office in offices]
    lines = render_template(framework, institution, year).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("framework:"))
    return "\n".join(lines[:at] + block + lines[at:]) + "\n"


def _entry_line(framework: Framework, indicator, previous: Assessment | None) -> str:
    comment = f"  # {_one_line(indicator.name)} ({plain_number(indicator.weight)} %)"
    if indicator.multiple:
        comment += "; one value per public service: [3, 2, 2]"
    if indicator.external is not None:
        how = "its number, or pending" if indicator.external.convertible else "pending, or the value as level"
        comment += f"; from the {_one_line(indicator.external.title)}: {how}"
    elif indicator.derived_from:
        comment += f"; from {_one_line(indicator.derived_from)}"
    key = indicator.id
    if indicator.external is not None:
        # A new year's index of another agency is not published yet: pending until it is.
        return f"  {key}: {{external: pending}}{comment}"
    if previous is None:
        return f"  {key}: {_value(framework.min_value, framework)}{comment}"
    entry = previous.entries[indicator.id]
    level = (
        _value(entry.filled_values[0], framework)
        if len(entry.filled_values) == 1
        else "[" + ", ".join(_value(v, framework) for v in entry.filled_values) + "]"
    )
    extras = []
    if entry.target is not None:
        extras.append(f"target: {_value(entry.target, framework)}")
    if entry.pic:
        extras.append(
            f"pic: {_text(entry.pic[0])}" if len(entry.pic) == 1 else f"pic: [{', '.join(map(_text, entry.pic))}]"
        )
    if extras:
        return f"  {key}: {{level: {level}, {', '.join(extras)}}}{comment}"
    return f"  {key}: {level}{comment}"
