"""CI gates: when a score or a change fails `--fail-under`, `--min-predikat`, `--fail-on-drop` or
`--fail-on-predikat-drop`. Pure rules on results; the command line words and reports the failures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..i18n import M, Message
from .framework import Framework
from .predikat import under_edge_values
from .scoring import ScoreResult


@dataclass(frozen=True)
class GateFailure:
    """One failed gate: a message id and its values, worded by the caller."""

    message: Message
    values: dict[str, Any] = field(default_factory=dict)


class UnknownPredikat(ValueError):
    """`--min-predikat` names a band a framework does not have: a usage error, not a pass."""

    def __init__(self, name: str, frameworks: Iterable[Framework]):
        self.name = name
        self.choices = sorted({band.name for framework in frameworks for band in framework.bands})
        super().__init__(name)


@dataclass(frozen=True)
class ScoreGates:
    """The gates of `spbe score`: a shown index at least `fail_under`, a predikat (decided on the exact
    index) at least `min_predikat`."""

    fail_under: Decimal | None = None
    fail_under_text: str | None = None  # the threshold as the user wrote it, for the message
    min_predikat: str | None = None

    def check_names(self, frameworks: Iterable[Framework]) -> None:
        """Refuse a --min-predikat that no framework has, before any file is read. Raises UnknownPredikat."""
        chosen = list(frameworks)
        if self.min_predikat is not None and not any(f.band(self.min_predikat) for f in chosen):
            raise UnknownPredikat(self.min_predikat, chosen)

    def failures(self, result: ScoreResult) -> list[GateFailure]:
        """The gates `result` fails. Raises UnknownPredikat if its framework has no band of that name."""
        found = []
        where = result.source or "-"
        if self.fail_under is not None and result.shown < self.fail_under:
            shown_threshold = self.fail_under_text if self.fail_under_text is not None else str(self.fail_under)
            found.append(
                GateFailure(M.err_gate_fail_under, {"path": where, "index": result.shown, "threshold": shown_threshold})
            )
        if self.min_predikat is not None and below_predikat(result, self.min_predikat):
            wanted = result.framework.band(self.min_predikat)
            assert wanted is not None  # below_predikat raised otherwise
            values: dict[str, Any] = {"path": where, "predikat": result.predikat, "wanted": wanted.name}
            why = under_edge_values(result.framework, result.index)
            if why is None:
                found.append(GateFailure(M.err_gate_min_predikat, values))
            else:  # shown on the edge of the band asked for, or above it: say why it does not count
                found.append(GateFailure(M.err_gate_min_predikat_edge, {**values, **why, "shown": result.shown}))
        return found


def below_predikat(result: ScoreResult, name: str) -> bool:
    """Whether the result's predikat ranks below band `name` of its framework. Raises UnknownPredikat."""
    framework = result.framework
    band = framework.band(name)
    if band is None:
        raise UnknownPredikat(name, [framework])
    return framework.band_rank(result.predikat) < framework.band_rank(band.name)


def diff_failures(result: Any, *, fail_on_drop: bool, fail_on_predikat_drop: bool) -> list[GateFailure]:
    """The gates of `spbe diff`: the shown index fell, the predikat fell. A lower figure on another
    instrument is not a drop, so across frameworks no gate fails."""
    found: list[GateFailure] = []
    if not result.comparable:
        return found
    if fail_on_drop and result.dropped:
        found.append(GateFailure(M.err_gate_drop, {"old": result.old.shown, "new": result.new.shown}))
    if fail_on_predikat_drop and result.predikat_change == "down":
        found.append(GateFailure(M.err_gate_predikat_drop, {"old": result.old.predikat, "new": result.new.predikat}))
    return found
