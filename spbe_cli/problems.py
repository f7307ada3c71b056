"""Located problems: what the loader reports instead of raising tracebacks at users."""

from __future__ import annotations

from dataclasses import dataclass

# How much a problem blocks, most first: a file that cannot be read hides everything else in it.
KINDS = ("file", "syntax", "structure", "value")


@dataclass(frozen=True, order=True)
class Problem:
    """One error in one input file. line and col are 1-based; None where no position exists."""

    path: str
    line: int | None
    col: int | None
    message: str
    kind: str = "value"  # one of KINDS
    cell: str | None = None  # a spreadsheet location, "Penilaian!F14" (XLSX) or "14:nilai_akhir" (CSV)

    @property
    def importance(self) -> int:
        return KINDS.index(self.kind) if self.kind in KINDS else len(KINDS)

    def __str__(self) -> str:
        if self.cell is not None:
            return f"{self.path}:{self.cell}: {self.message}"
        if self.line is None:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.col or 1}: {self.message}"


class InvalidInput(Exception):
    """The input cannot be used; carries every problem found, in file order."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = sorted(problems, key=lambda p: (p.path, p.line or 0, p.col or 0))
