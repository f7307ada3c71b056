"""Where results go: standard output, or a file written atomically.

A file is written to a temporary sibling and renamed into place only when the run succeeds, so a
failed run leaves an existing file untouched and never leaves a partial one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from typing import IO


class OutputExists(Exception):
    """The output file exists and --force was not given."""


class Sink:
    def __init__(self, path: str | None = None, *, force: bool = False):
        self.path = path
        self._temp: str | None = None
        self._handle: IO[str]
        if path is None or path == "-":
            self.path = None
            self._handle = sys.stdout
            return
        if os.path.isdir(path):
            raise IsADirectoryError(21, "is a folder", path)
        if os.path.exists(path) and not force:
            raise OutputExists(path)
        directory = os.path.dirname(os.path.abspath(path))
        fd, self._temp = tempfile.mkstemp(prefix=".spbe-", suffix=".tmp", dir=directory)
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="")

    def write(self, text: str) -> None:
        self._handle.write(text)
        if self.path is None:
            self._handle.flush()

    def commit(self) -> None:
        """Put the written file in place (no-op for standard output)."""
        if self._temp is None:
            return
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._handle.close()
        os.chmod(self._temp, 0o666 & ~_umask())
        os.replace(self._temp, self.path)  # type: ignore[arg-type]
        self._temp = None

    def discard(self) -> None:
        if self._temp is None:
            return
        self._handle.close()
        try:
            os.unlink(self._temp)
        except OSError:
            pass
        self._temp = None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


STEP_SUMMARY_LIMIT = 1024 * 1024  # GitHub refuses a step summary over 1 MiB


class StepSummary:
    """Markdown appended to $GITHUB_STEP_SUMMARY, kept under GitHub's limit (never overwritten)."""

    def __init__(self, path: str, note: str):
        self.path = path
        self.note = "\n" + note + "\n"
        try:
            existing = os.path.getsize(path)
        except OSError:
            existing = 0
        self.budget = STEP_SUMMARY_LIMIT - existing - len(self.note.encode("utf-8"))
        self.parts: list[str] = []
        self.size = 0
        self.full = self.budget <= 0

    @classmethod
    def from_environment(cls, note: str) -> StepSummary | None:
        path = os.environ.get("GITHUB_STEP_SUMMARY")
        return cls(path, note) if path else None

    def add(self, text: str) -> None:
        """Keep text while it fits; after the first piece that does not, keep nothing more."""
        if self.full:
            return
        size = len(text.encode("utf-8"))
        if self.size + size > self.budget:
            self.full = True
            return
        self.parts.append(text)
        self.size += size

    def write(self) -> None:
        if not self.parts and not self.full:
            return
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write("".join(self.parts))
            if self.full and self.budget > 0:
                handle.write(self.note)
