"""Costs files for `spbe plan`: bytes to a validated Costs, or every located problem.

    default: 1                 # the cost of one step where nothing else says
    indicators: {1-10: 15, 42: 5}   # per indicator; a range covers the indicators between, in order
    aspects: {5: 3}            # per aspect, for its indicators that have no cost of their own
    levels: {4: 2, 5: 3}       # reaching level 4 costs twice the base, level 5 three times

An indicator's own cost wins over a range, a range over its aspect's, an aspect's over `default`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..core.framework import Framework
from ..core.numbers import decimal_places
from ..core.planning import Costs
from ..core.suggest import suggest_indicator, suggest_key
from ..i18n import M, Phrase
from ..problems import InvalidInput, KeyPath, Problem
from .yamlread import YamlDocument, describe, key_text, read_yaml

KEYS = ("default", "indicators", "aspects", "levels")
MAX_COST_PLACES = 6  # as for Pemdi values: more decimal places are refused, not rounded


def parse_costs(data: bytes, path: str, framework: Framework) -> Costs:
    """A costs file's bytes as Costs for `framework`. Raises InvalidInput with every problem."""
    return _CostsReader(read_yaml(data, path), framework).costs()


class _CostsReader:
    def __init__(self, document: YamlDocument, framework: Framework):
        self.document = document
        self.framework = framework
        self.problems: list[Problem] = []

    def costs(self) -> Costs:
        data = self.document.data
        if not isinstance(data, dict):
            raise InvalidInput([self.document.problem((), Phrase(M.val_costs_not_mapping), kind="structure")])
        for key in data:
            if key_text(key) not in KEYS:
                guess = suggest_key(key_text(key), KEYS, {key_text(k) for k in data})
                hint = Phrase(M.val_did_you_mean, suggestion=guess) if guess else ""
                self.refuse((key_text(key),), Phrase(M.val_unknown_key, key=key_text(key), hint=hint), key=True)
        default = self.amount(("default",), data.get("default", 1))
        indicators = self.indicators(data.get("indicators"))
        aspects = self.numbered(("aspects",), data.get("aspects"), [a.number for a in self.framework.aspects])
        levels = self.numbered(
            ("levels",), data.get("levels"), range(self.framework.min_value, self.framework.max_value + 1)
        )
        if self.problems:
            raise InvalidInput(self.problems)
        return Costs(default or Fraction(1), indicators, aspects, levels)

    def refuse(self, path: KeyPath, phrase: Phrase, *, key: bool = False) -> None:
        self.problems.append(self.document.problem(path, phrase, key=key, kind="structure" if key else "value"))

    def amount(self, path: KeyPath, value: Any) -> Fraction | None:
        where = ".".join(map(str, path))
        if (
            isinstance(value, (int, Decimal))
            and not isinstance(value, bool)
            and Decimal(value).is_finite()
            and value > 0
        ):
            if isinstance(value, Decimal) and decimal_places(value) > MAX_COST_PLACES:
                # 0.0000000001 would be shown as 0: refused, never rounded
                self.refuse(path, Phrase(M.val_places, where=where, given=f"{value:f}", places=MAX_COST_PLACES))
                return None
            return Fraction(value)
        self.refuse(path, Phrase(M.val_positive, where=where, given=describe(value)))
        return None

    def mapping(self, path: KeyPath, value: Any) -> dict[Any, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.refuse(path, Phrase(M.val_costs_section, key=path[-1], given=describe(value)))
            return {}
        return value

    def indicators(self, value: Any) -> dict[str, Fraction]:
        ids = [i.id for i in self.framework.indicators]
        singles: dict[str, Fraction] = {}
        ranged: dict[str, Fraction] = {}
        written = self.mapping(("indicators",), value)
        for key, amount in written.items():
            text = key_text(key)
            path = ("indicators", text)
            cost = self.amount(path, amount)
            span = self.span(text, ids)
            if span is None:
                guess = suggest_indicator(text, ids, {key_text(k) for k in written})
                hint: Phrase | str = (
                    Phrase(M.val_did_you_mean, suggestion=guess)
                    if guess
                    else Phrase(M.val_indicator_range, framework=self.framework.id, first=ids[0], last=ids[-1])
                )
                self.refuse(path, Phrase(M.val_unknown_indicator, key=text, hint=hint), key=True)
            elif cost is not None:
                for indicator_id in span:
                    (singles if len(span) == 1 and text == indicator_id else ranged)[indicator_id] = cost
        return {**ranged, **singles}  # an indicator's own cost wins over a range

    def span(self, text: str, ids: list[str]) -> list[str] | None:
        """The ids `text` names: one id, or a range `1-10` / `I1-I10` / `I1-10` in framework order."""
        if text in ids:
            return [text]
        first, dash, last = text.partition("-")
        if not dash:
            return None
        start = first.strip() if first.strip() in ids else suggest_indicator(first, ids)
        end = last.strip() if last.strip() in ids else suggest_indicator(last, ids)
        if start is None or end is None or ids.index(start) > ids.index(end):
            return None
        return ids[ids.index(start) : ids.index(end) + 1]

    def numbered(self, path: KeyPath, value: Any, allowed: Sequence[int]) -> dict[int, Fraction]:
        found: dict[int, Fraction] = {}
        for key, amount in self.mapping(path, value).items():
            text = key_text(key)
            cost = self.amount(path + (text,), amount)
            if not (text.isascii() and text.isdigit() and len(text) <= 9) or int(text) not in allowed:
                choices = f"{allowed[0]}-{allowed[-1]}"
                self.refuse(
                    path + (text,), Phrase(M.val_costs_number, key=text, section=path[-1], choices=choices), key=True
                )
            elif cost is not None:
                found[int(text)] = cost
        return found
