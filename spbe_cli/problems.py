"""Located problems: what the loader reports instead of raising tracebacks at users.

A problem carries a message id and its values, not text: it is worded where it is shown, in the
reader's language (`problem.render(messages)`); `str(problem)` words it in English.
"""

from __future__ import annotations

import errno
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from .i18n import M, Message, Messages, Phrase

# How much a problem blocks, most first: a file that cannot be read hides everything else in it.
KINDS = ("file", "syntax", "structure", "value")
# At most this many problems are reported per file, then one "and N more" line: a file of 190,000
# unknown keys would otherwise print (or annotate) 190,000 lines.
MAX_PROBLEMS_PER_FILE = 100
MORE = "more"  # the kind of the "and N more" line: after every other kind

# Where a value stands in a file's data: its keys and list positions from the top,
# ("levels", "12", "evidence", 0, "status"). Keys are text (`key_text`): 12 and "12" are one key.
KeyPath = tuple[str | int, ...]


class Place(NamedTuple):
    """Where something stands in an input file: a line and column (1-based), a spreadsheet cell
    ("Penilaian!F14", or "14:nilai_akhir" in a CSV file), or just the file."""

    path: str
    line: int | None = None
    col: int | None = None
    cell: str | None = None

    def __str__(self) -> str:
        """`PATH`, `PATH:LINE:COL` (as editors and terminals link them) or `PATH:Sheet!B14`."""
        if self.cell is not None:
            return f"{self.path}:{self.cell}"
        if self.line is None:
            return self.path
        return f"{self.path}:{self.line}:{self.col or 1}"


class Locator(Protocol):
    """What knows where the values of one read file stand: a YAML document, a sheet document."""

    def place(self, path: KeyPath, *, key: bool = False) -> Place:
        """Where `path` stands, or its nearest located ancestor (`key`: the key's own place rather
        than its value's, where it has one)."""
        ...


@dataclass(frozen=True)
class Problem:
    """One error (or warning) in one input file, at its place."""

    place: Place
    message: Message
    values: Mapping[str, Any] = field(default_factory=dict, hash=False, kw_only=True)
    kind: str = field(default="value", kw_only=True)  # one of KINDS, or "warning"

    @classmethod
    def at(cls, place: Place, phrase: Phrase, kind: str = "value") -> Problem:
        return cls(place, phrase.message, values=phrase.values, kind=kind)

    @property
    def path(self) -> str:
        return self.place.path

    @property
    def line(self) -> int | None:
        return self.place.line

    @property
    def col(self) -> int | None:
        return self.place.col

    @property
    def cell(self) -> str | None:
        return self.place.cell

    @property
    def importance(self) -> int:
        return KINDS.index(self.kind) if self.kind in KINDS else len(KINDS)

    def text(self, messages: Messages | None = None) -> str:
        """The message alone, worded in the language of `messages` (English by default)."""
        return (messages or Messages())(self.message, **self.values)

    def render(self, messages: Messages | None = None) -> str:
        """`PATH:LINE:COL: message`, worded in the language of `messages` (English by default)."""
        return f"{self.place}: {self.text(messages)}"

    def __str__(self) -> str:
        return self.render()


class InvalidInput(Exception):
    """The input cannot be used; carries every problem found, in file order.

    `str(error)` words the problems in `error.language` (English unless the caller chose another).
    """

    def __init__(self, problems: Iterable[Problem], language: str = "en") -> None:
        ordered = sorted(problems, key=lambda p: (p.path, p.kind == MORE, p.line or 0, p.col or 0))
        self.problems = capped(ordered)
        self.language = language
        super().__init__(*self.problems)

    def render(self, messages: Messages | None = None) -> str:
        return "\n".join(problem.render(messages) for problem in self.problems)

    def __str__(self) -> str:
        return self.render(Messages(self.language))


def capped_warnings(warnings: list[Problem], limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """The first `limit` warnings of each file, then one "and N more warnings" per file: a sheet of 5,000
    unknown columns would otherwise print 5,000 lines."""
    kept: list[Problem] = []
    shown: dict[str, int] = {}
    hidden: dict[str, int] = {}
    for warning in warnings:
        if shown.get(warning.path, 0) < limit:
            shown[warning.path] = shown.get(warning.path, 0) + 1
            kept.append(warning)
        else:
            hidden[warning.path] = hidden.get(warning.path, 0) + 1
    for path, count in hidden.items():
        kept.append(Problem.at(Place(path), Phrase(M.more_warnings, count=count, shown=limit), "warning"))
    return kept


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """The first `limit` problems of each file (in the order given), then one "and N more" per file."""
    kept: list[Problem] = []
    hidden: dict[str, int] = {}
    shown: dict[str, int] = {}
    for problem in problems:
        if problem.kind == MORE:  # capped before: count what it stood for
            hidden[problem.path] = hidden.get(problem.path, 0) + int(problem.values.get("count", 0))
        elif shown.get(problem.path, 0) < limit:
            shown[problem.path] = shown.get(problem.path, 0) + 1
            kept.append(problem)
        else:
            hidden[problem.path] = hidden.get(problem.path, 0) + 1
    for path, count in hidden.items():
        more = Problem.at(Place(path), Phrase(M.more_problems, count=count, shown=shown.get(path, 0)), MORE)
        position = max((n for n, p in enumerate(kept) if p.path == path), default=len(kept) - 1)
        kept.insert(position + 1, more)
    return kept


_OS_REASONS = {
    errno.ENOENT: M.os_missing,
    errno.EACCES: M.os_denied,
    errno.EPERM: M.os_denied,
    errno.EISDIR: M.os_is_folder,
    errno.ENOTDIR: M.os_not_folder,
    errno.ENOSPC: M.os_disk_full,
    errno.EROFS: M.os_read_only,
    errno.ENAMETOOLONG: M.os_name_too_long,
    errno.EEXIST: M.os_exists,
    errno.EBUSY: M.os_busy,
    errno.ELOOP: M.os_too_many_links,
}


def os_reason(error: OSError | int) -> Phrase | str:
    """Why the system refused a file (an OSError, or its errno), in the reader's language for the
    common reasons; the system's own words (English on most systems) for the rest."""
    number = error if isinstance(error, int) else error.errno
    message = _OS_REASONS.get(number) if number is not None else None
    if message is not None:
        return Phrase(message)
    return str(error) if isinstance(error, int) else error.strerror or str(error)
