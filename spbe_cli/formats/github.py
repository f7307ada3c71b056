"""GitHub Actions workflow commands: `::error file=...,line=...,col=...::message` annotations."""

from __future__ import annotations

from collections.abc import Iterable

from ..problems import Problem


def escape_data(text: str) -> str:
    """A message as GitHub reads it: %, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file=, title=): additionally ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem) -> str:
    properties = [f"file={escape_property(problem.path)}"]
    if problem.line is not None:
        properties += [f"line={problem.line}", f"col={problem.col or 1}"]
    properties.append("title=spbe")
    return f"::error {','.join(properties)}::{escape_data(problem.message)}\n"


def problems(items: Iterable[Problem]) -> str:
    """Most important first (GitHub shows only a few annotations per step): unreadable files, then
    YAML syntax, then structure (missing or unknown keys), then values; within that, file order."""
    ordered = sorted(items, key=lambda p: (p.importance, p.path, p.line or 0, p.col or 0))
    return "".join(annotation(p) for p in ordered)
