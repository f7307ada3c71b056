"""Output formats: one module per format, each a set of pure renderers, imported only when asked for.

This package holds only the registry and `RenderOptions`, so `--format` help costs nothing at start-up;
the wording the renderers share lives in `formats.wording`, imported by the renderers alone.

`REGISTRY` names every format, the module that renders it and what it renders; the `--format`
choices, their help text and shell completion all come from it, so a new format is one entry here
plus its module. A renderer takes a result and `RenderOptions` and returns text (or bytes, for a
binary format); `score` takes an iterable and may yield chunks, so thousands of files stream with
flat memory.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, cast

from ..i18n import M, Message, Messages

if TYPE_CHECKING:
    from decimal import Decimal

    from ..core.criteria import LevelCriteria
    from ..core.diffing import DiffResult
    from ..core.evidence import EvidenceResult
    from ..core.framework import Framework
    from ..core.numbers import NumberStyle
    from ..core.planning import PlanResult
    from ..core.published import Listing, Placement
    from ..core.ranking import RankResult
    from ..core.readiness import CheckResult
    from ..core.scoring import ScoreResult


class Renderer(Protocol):
    """What a format module renders. A format offers the outputs its registry entry lists."""

    def score(self, results: Iterable[ScoreResult], options: RenderOptions) -> Iterable[str] | bytes: ...
    def diff(self, result: DiffResult, options: RenderOptions) -> str | bytes: ...
    def plan(self, result: PlanResult, options: RenderOptions) -> str | bytes: ...
    def rank(self, result: RankResult, options: RenderOptions) -> str | bytes: ...
    def frameworks(self, items: Sequence[Framework], options: RenderOptions) -> str: ...
    def indicators(self, items: Sequence[Framework], options: RenderOptions) -> str: ...
    def evidence(self, result: EvidenceResult, options: RenderOptions) -> str | bytes: ...
    def published(self, result: Listing, options: RenderOptions) -> str | bytes: ...
    def placement(self, result: Placement, options: RenderOptions) -> str | bytes: ...


class Linter(Protocol):
    """What a format module offers to render `spbe check` findings."""

    def check(self, result: CheckResult, options: RenderOptions) -> str | bytes: ...


# The outputs a renderer can offer: one per command that renders a result.
RESULTS = frozenset({"score", "diff", "plan", "rank"})
EVERYTHING = RESULTS | {"frameworks", "indicators", "evidence", "published", "placement"}
LINT = frozenset({"check"})  # readiness findings: a Linter


@dataclass(frozen=True)
class Format:
    module: str  # under spbe_cli.formats
    outputs: frozenset[str]  # which renderers the module offers
    note: Message | None = None  # said after the name in --help
    binary: bool = False  # renders bytes, written to --output only


REGISTRY: dict[str, Format] = {
    "text": Format("plain", LINT, note=M.help_format_text),
    "table": Format("table", EVERYTHING),
    "json": Format("json_", EVERYTHING | LINT),
    "csv": Format("csv_", EVERYTHING),
    "markdown": Format("markdown", EVERYTHING | LINT),
    "xlsx": Format(
        "xlsx_", RESULTS | {"evidence", "published", "placement"} | LINT, note=M.help_format_xlsx, binary=True
    ),
    "html": Format("html", frozenset({"rank", "placement"}), note=M.help_format_html),
    "github": Format("github", LINT, note=M.help_format_github),
}


def names(output: str) -> tuple[str, ...]:
    """The formats that render one output ("score", "frameworks", ...), in registry order."""
    return tuple(name for name, entry in REGISTRY.items() if output in entry.outputs)


def format_help(output: str, t: Messages) -> str:
    """`--format` help for a command: "Output format: table, json, csv or markdown." """
    shown = []
    for name in names(output):
        note = REGISTRY[name].note
        shown.append(f"{name} ({t(note)})" if note is not None else name)
    listed = t(M.help_format_or, items=", ".join(shown[:-1]), last=shown[-1]) if len(shown) > 1 else "".join(shown)
    return t(M.help_format, formats=listed)


@dataclass(frozen=True)
class ReferenceLine:
    """An index to read a ranking against (an average the user gives): a line on the chart, and how
    many institutions reach it."""

    value: Decimal
    label: str | None = None  # what it is, as the user words it ("Rata-rata nasional 2024")


@dataclass(frozen=True)
class RenderOptions:
    detail: bool = False  # include every indicator in table and markdown
    many: bool = False  # JSON: an array of results rather than one object
    color: bool = False
    width: int = 100
    messages: Messages = field(default_factory=Messages)
    group_by: str | None = None  # plan: "pic" groups the steps per office
    criteria: Mapping[str, LevelCriteria] | None = None  # indicators --criteria: level criteria per framework id
    title: str | None = None  # rank (html): the page's title, as the user gives it
    reference: ReferenceLine | None = None  # rank (html): an average to draw a line at

    @property
    def numbers(self) -> NumberStyle:
        """How human formats write numbers in this language (decimal comma in Bahasa Indonesia)."""
        return self.messages.numbers


def load(name: str) -> Renderer:
    """The renderers of one format, imported on demand (table pulls in Rich, xlsx openpyxl)."""
    if name not in REGISTRY:
        raise ValueError(f"unknown format {name!r}")
    # A module offers only the outputs its entry lists; the registry test checks each one.
    return cast(Renderer, importlib.import_module(f"{__name__}.{REGISTRY[name].module}"))


if TYPE_CHECKING:  # mypy checks that each format rendering everything has every renderer, rightly typed
    from . import csv_, json_, markdown, table

    _RENDER_EVERYTHING: tuple[Renderer, ...] = (table, json_, csv_, markdown)
    from . import github, plain, xlsx_

    _LINTERS: tuple[Linter, ...] = (plain, json_, markdown, github, xlsx_)
