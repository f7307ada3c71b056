"""Where a value of a read file stands: one walk from a key path to its nearest located ancestor.

A YAML document records the line and column of each value and key; a sheet document the cell each
value came from. Both answer `Locator.place` (problems.py) the same way: the key path itself, else its
parent, and so on up to the top of the file. A value without a place of its own (merged in by a YAML
alias, or a key the check expected but the file lacks) stands where its nearest ancestor does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, TypeVar

from ..i18n import M, Phrase
from ..problems import KeyPath, Locator, Problem

T = TypeVar("T")


def nearest(path: KeyPath, tables: Sequence[Mapping[KeyPath, T]]) -> T | None:
    """What the first of `tables` holds for `path`, else for its nearest ancestor that one of them
    holds; None when none holds even the top `()`. At each step the tables are asked in order (a
    key's place before its value's)."""
    while True:
        for table in tables:
            found = table.get(path)
            if found is not None:
                return found
        if not path:
            return None
        path = path[:-1]


class Document(Locator, Protocol):
    """A read file as the checks see it: its data as YAML gives it, and where each value stands.

    Implemented by the YAML document and the sheet document; the checks report every problem at a
    `place` and never ask which of the two they hold."""

    path: str
    data: Any

    def where(self, path: KeyPath) -> Phrase | None:
        """How a message names the place of a value where the file has words of its own (a sheet:
        row and column); None: the message names it by its key path."""
        return None

    def shown(self, value: Any) -> Phrase | str | None:
        """How a message shows a value this file gave where its kind of file words it its own way (a
        sheet's 1E+308 is a number cell, not YAML's !!float); None: as YAML describes it."""
        return None

    def no_framework(self, known: str) -> Phrase:
        """What to say when the file names no framework, in the words of its kind of file."""
        return Phrase(M.val_no_framework, known=known)

    def problem(self, path: KeyPath, phrase: Phrase, *, key: bool = False, kind: str = "value") -> Problem:
        """A problem at where `path` stands (`key`: at the key's own place, where it has one)."""
        return Problem.at(self.place(path, key=key), phrase, kind)
