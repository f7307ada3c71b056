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


def _command(kind: str, path: str, line: int | None, col: int | None, title: str, text: str) -> str:
    """One workflow command: `::error file=...,line=...,col=...,title=...::text`, the line and column
    only where the place has a line."""
    properties = [f"file={escape_property(path)}"]
    if line is not None:
        properties += [f"line={line}", f"col={col or 1}"]
    properties.append(f"title={title}")
    return f"::{kind} {','.join(properties)}::{escape_data(text)}\n"


def annotation(problem: Problem, messages: Messages) -> str:
    return _command("error", problem.path, problem.line, problem.col, "spbe", problem.text(messages))


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
        text = finding_text(finding, t, n)
        if place.cell is not None:  # a workbook cell has no line: name it in the message
            text = f"{place.cell}: {text}"
        lines.append(_command(finding.severity, place.path, place.line, place.col, "spbe check", text))
    return "".join(lines)
