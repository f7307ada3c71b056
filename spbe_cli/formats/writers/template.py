"""Assessment templates for `spbe init`: every indicator empty, named in comments, ready to fill in."""

from __future__ import annotations

import json
from fractions import Fraction

from ...core.assessment import Assessment, Entry, Value
from ...core.categories import CATEGORY_KEYS
from ...core.criteria import LevelCriteria
from ...core.framework import Framework, Indicator
from ...core.numbers import exact_text, plain_number
from ...core.stages import FINAL
from ...i18n import M, Messages


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


def render_template(
    framework: Framework,
    institution: str,
    year: int,
    previous: Assessment | None = None,
    messages: Messages | None = None,
    criteria: LevelCriteria | None = None,
) -> str:
    """YAML text of a complete assessment, commented in the language of `messages`, each indicator's
    level `criteria` (where given) in comments below it, as the source words them.

    Without `previous` every indicator is left empty (not filled yet), so an untouched template can
    never be scored as if it were real. With `previous` (last year's file), its final values (`akhir`,
    else its latest stage) carry over as plain values, with targets, offices and services; stage values,
    notes, evidence, assessors' notes and recommendations stay with the year they belong to.
    """
    t = messages or Messages()
    kind = M.tpl_values_whole if framework.integer_values else M.tpl_values_decimal
    # Weights and band edges are read, not typed: written the reader's way (2,60 in Bahasa Indonesia).
    # What is typed into the file (the examples of a value) keeps YAML's decimal point.
    bands = ", ".join(f"{band.name} >= {t.numbers.index(band.min)}" for band in framework.bands)
    lines = [
        "# " + t(M.tpl_title, title=_one_line(framework.title)),
        f"# {_one_line(framework.regulation)}",
        "# " + t(kind, low=framework.min_value, high=framework.max_value, bands=bands),
    ]
    for name, levels in framework.level_scales.items():
        if levels and any(i.scale == name for i in framework.indicators):
            named = ", ".join(f"{level} {_one_line(label)}" for level, label in sorted(levels.items()))
            lines.append("# " + t(M.tpl_scale, name=name, levels=named))
    if previous is None:
        sample = "3" if framework.integer_values else "2.50"
        lines.append("# " + t(M.tpl_empty_hint, example=f"{framework.indicators[0].id}: {sample}"))
    else:
        lines.append("# " + t(M.tpl_from_hint))
    lines.append(
        "# " + t(M.tpl_entry_hint, example='{level: 3, target: 4, note: "...", evidence: ["..."], pic: "..."}')
    )
    lines += _criteria_heading(criteria, t)
    lines += [f"framework: {framework.id}", f"institution: {_text(institution)}", f"year: {year}"]
    if previous is not None and previous.category:
        lines.append(f"category: {previous.category}")
    else:
        lines.append("# " + t(M.tpl_category, categories=", ".join(CATEGORY_KEYS)))
    lines.append("levels:")
    final = None
    if previous is not None and previous.stages:
        final = FINAL if FINAL in previous.stages else previous.stages[-1]
    domains = {d.number: d for d in framework.domains}
    current_domain = None
    for aspect in framework.aspects:
        if aspect.domain is not None and aspect.domain != current_domain:
            current_domain = aspect.domain
            domain = domains[aspect.domain]
            lines.append(
                "  # " + t(M.tpl_domain, number=domain.number, name=_one_line(domain.name), weight=domain.weight)
            )
        lines.append("  # " + t(M.tpl_aspect, number=aspect.number, name=_one_line(aspect.name), weight=aspect.weight))
        for indicator_id in aspect.indicators:
            indicator = framework.by_id[indicator_id]
            entry = previous.entries[indicator_id].at(final) if previous is not None else None
            lines.append(_entry_line(framework, indicator, entry, t))
            if criteria is not None:
                lines += _criteria_lines(framework, indicator, criteria)
    return "\n".join(lines) + "\n"


def _criteria_heading(criteria: LevelCriteria | None, t: Messages) -> list[str]:
    """What the criteria below each indicator are, and their source (nothing without criteria)."""
    if criteria is None:
        return []
    from ..wording import criteria_heading

    return ["# " + criteria_heading(criteria, t), "# " + t(M.criteria_source, url=criteria.url)]


def _criteria_lines(framework: Framework, indicator: Indicator, criteria: LevelCriteria) -> list[str]:
    """`    # 3 Terdefinisi: ...` for each level, wrapped, continued lines indented under the first."""
    import textwrap

    names = framework.level_names.get(indicator.id, {})
    lines = []
    for level, text in sorted(criteria.of(indicator.id).items()):
        named = f"{level} {names[level]}" if level in names else str(level)
        for number, part in enumerate(text.splitlines() or [""]):
            first = f"{named}: {part}" if number == 0 else f"  {part}"
            wrapped = textwrap.wrap(first, width=104, subsequent_indent="    ", break_on_hyphens=False) or [first]
            lines += [f"    # {line}".rstrip() for line in wrapped]
    return lines


def render_move(
    framework: Framework,
    institution: str,
    year: int,
    previous: Assessment,
    path: str,
    messages: Messages | None = None,
    criteria: LevelCriteria | None = None,
) -> str:
    """A new framework's template started from a file of another framework (2025 SPBE -> 2026 Pemdi).

    Nothing is carried from indicator to indicator: there is no official concordance between the
    frameworks. The old file's offices are listed in a comment so the coordinator can assign them.
    """
    t = messages or Messages()
    offices: list[str] = []
    for entry in previous.entries.values():
        offices += [office for office in entry.pic if office not in offices]
    where = _one_line(path)
    block = [
        "# " + t(M.tpl_move_started, path=where, framework=previous.framework, year=previous.year),
        "# " + t(M.tpl_move_no_concordance, old=previous.framework, new=framework.id),
    ]
    if offices:
        block.append("# " + t(M.tpl_move_offices, path=where))
        block += [f"#   - {_one_line(office)}" for office in offices]
    lines = render_template(framework, institution, year, messages=t, criteria=criteria).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("framework:"))
    return "\n".join(lines[:at] + block + lines[at:]) + "\n"


def _entry_line(framework: Framework, indicator: Indicator, entry: Entry | None, t: Messages) -> str:
    described = t(
        M.tpl_indicator,
        name=_one_line(indicator.name),
        weight=indicator.weight,
        low=framework.min_value,
        high=framework.max_value,
    )
    comment = f"  # {described}"
    if indicator.multiple:
        comment += "; " + t(M.tpl_multiple)
    if indicator.external is not None:
        how = M.tpl_external_number if indicator.external.convertible else M.tpl_external_pending
        comment += "; " + t(how, title=_one_line(indicator.external.title))
    elif indicator.derived_from:
        comment += "; " + t(M.tpl_derived, source=_one_line(indicator.derived_from))
    key = indicator.id
    if indicator.external is not None:
        # A new year's index of another agency is not published yet: pending until it is.
        return f"  {key}: {{external: pending}}{comment}"
    if entry is None:
        return f"  {key}:{comment}"
    values = entry.values
    extras = []
    if entry.target is not None:
        extras.append(f"target: {_value(entry.target, framework)}")
    if entry.pic:
        extras.append(_texts("pic", entry.pic, indicator.multiple))
    if entry.service:
        extras.append(_texts("service", entry.service, indicator.multiple))
    if values is None:
        level = "null"  # not filled last year either
    elif len(values) == 1:
        level = _value(values[0], framework)
    else:
        level = "[" + ", ".join(_value(v, framework) for v in values) + "]"
    if extras:
        return f"  {key}: {{level: {level}, {', '.join(extras)}}}{comment}"
    return f"  {key}:{comment}" if values is None else f"  {key}: {level}{comment}"


def _texts(key: str, items: tuple[str, ...], as_list: bool) -> str:
    """`pic: "Bappeda"` or `pic: ["Bappeda", "BPKAD"]` (a multi-service indicator's services: always a list)."""
    if len(items) == 1 and not (as_list and key == "service"):
        return f"{key}: {_text(items[0])}"
    return f"{key}: [{', '.join(map(_text, items))}]"
