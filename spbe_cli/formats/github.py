"""GitHub Actions workflow commands: `::error file=...,line=...,col=...::message` annotations."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..i18n import Messages
from ..problems import Problem
from . import RenderOptions
from .escaping import annotation_data as escape_data
from .escaping import annotation_property as escape_property

if TYPE_CHECKING:
    from ..core.readiness import CheckResult


def annotation(problem: Problem, messages: Messages) -> str:
    properties = [f"file={escape_property(problem.path)}"]
    if problem.line is not None:
        properties += [f"line={problem.line}", f"col={problem.col or 1}"]
    properties.append("title=spbe")
    return f"::error {','.join(properties)}::{escape_data(problem.text(messages))}\n"


def problems(items: Iterable[Problem], messages: Messages) -> str:
    """Most important first (GitHub shows only a few annotations per step): unreadable files, then
    YAML syntax, then structure (missing or unknown keys), then values; within that, file order."""
    ordered = sorted(items, key=lambda p: (p.importance, p.path, p.line or 0, p.col or 0))
    return "".join(annotation(p, messages) for p in ordered)


def check(result: CheckResult, options: RenderOptions) -> str:
    """Readiness findings as `::error` / `::warning` annotations on the file, line and column."""
    from .wording import finding_text

    t, n = options.messages, options.numbers
    lines: list[str] = []
    for _, finding, place in result.items():
        properties = [f"file={escape_property(place.path)}"]
        if place.line is not None:
            properties += [f"line={place.line}", f"col={place.col or 1}"]
        properties.append("title=spbe check")
        text = finding_text(finding, t, n)
        if place.cell is not None:  # a workbook cell has no line: name it in the message
            text = f"{place.cell}: {text}"
        lines.append(f"::{finding.severity} {','.join(properties)}::{escape_data(text)}\n")
    return "".join(lines)
