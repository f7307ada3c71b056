"""The workspace `spbe serve` shows: the assessment files of one folder, each known by an id.

The files stay the only truth: they are listed and read again whenever they change (a read is kept
while the file's size, time and inode stay the same), so a file edited in Excel, by `spbe import` or by
git between two page loads is shown as it is now. A page names a file by its id from this listing,
never by a path a client sends: an id that is not in the listing is no file at all. Files outside the
folder (a link pointing elsewhere) and hidden folders (`.git`, spbe's own `.spbe`) are not listed.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from ..core.assessment import Assessment
from ..i18n import M, Phrase
from ..loading.catalog import Catalog
from ..problems import InvalidInput, Place, Problem

# What the listing holds: assessment files (YAML), workbooks and CSV sheets.
SUFFIXES = (".yaml", ".yml", ".xlsx", ".csv")
YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILES = 2000  # a folder of more is listed only this far (the page says so)


@dataclass(frozen=True)
class WorkspaceFile:
    """One file of the workspace: its id (from its name), its name relative to the workspace (shown,
    and used to locate its problems) and its real path."""

    id: str
    name: str
    path: str

    @property
    def yaml(self) -> bool:
        return self.name.lower().endswith(YAML_SUFFIXES)


@dataclass(frozen=True, eq=False)
class Reading:
    """One file as read now: an assessment (located), or the problems that stop it being one; or YAML
    that is no assessment (`other`: a costs file, notes). Each read is its own (compared by identity)."""

    file: WorkspaceFile
    sha256: str
    assessment: Assessment | None = None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[Problem, ...] = ()
    other: bool = False


def file_id(name: str) -> str:
    """A file's id: the first 12 hex digits of the SHA-256 of its name in the workspace."""
    return hashlib.sha256(name.encode("utf-8", "surrogateescape")).hexdigest()[:12]


@dataclass
class Workspace:
    """The folder served, its frameworks, and the reads of its files kept while they do not change."""

    root: str
    catalog: Catalog
    encoding: str | None = None
    on_bug: Callable[[str, Exception], None] = lambda name, error: None
    _reads: dict[str, tuple[tuple[int, int, int], Reading]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self.root = os.path.realpath(self.root)

    def files(self) -> list[WorkspaceFile]:
        """The workspace's files in name order, at most MAX_FILES."""
        found: list[WorkspaceFile] = []
        for folder, folders, names in os.walk(self.root):
            folders[:] = sorted(name for name in folders if not name.startswith("."))
            for name in sorted(names):
                if len(found) >= MAX_FILES:
                    return found
                if name.startswith((".", "~$")) or not name.lower().endswith(SUFFIXES):
                    continue
                path = os.path.join(folder, name)
                real = os.path.realpath(path)
                if not self.inside(real) or not os.path.isfile(real):
                    continue  # a link out of the workspace, a FIFO: never served
                relative = os.path.relpath(path, self.root).replace(os.sep, "/")
                found.append(WorkspaceFile(file_id(relative), relative, real))
        return found

    def inside(self, path: str) -> bool:
        return os.path.commonpath([self.root, path]) == self.root and path != self.root

    def find(self, identifier: str) -> WorkspaceFile | None:
        """The file with this id in the listing now, or None."""
        return next((found for found in self.files() if found.id == identifier), None)

    def readings(self) -> list[Reading]:
        return [self.read(found) for found in self.files()]

    def read(self, found: WorkspaceFile) -> Reading:
        """The file read now (or as read before, when it has not changed since)."""
        try:
            status = os.stat(found.path)
            key = (status.st_mtime_ns, status.st_size, status.st_ino)
        except OSError:
            key = (0, 0, 0)
        with self._lock:
            kept = self._reads.get(found.path)
        if kept is not None and kept[0] == key and key != (0, 0, 0):
            return kept[1]
        reading = self._read(found)
        with self._lock:
            self._reads[found.path] = (key, reading)
        return reading

    def _read(self, found: WorkspaceFile) -> Reading:
        from ..loading.loader import other_yaml, parse_any, read_bytes

        warnings: list[Problem] = []
        try:
            data = read_bytes(found.path)
        except InvalidInput as error:
            return Reading(found, "", problems=tuple(_named(error.problems, found)))
        digest = hashlib.sha256(data).hexdigest()
        if found.yaml and other_yaml(data):
            return Reading(found, digest, other=True)
        try:
            assessment = parse_any(
                data, found.name, self.catalog, locate=True, warn=warnings.append, encoding=self.encoding
            )
        except InvalidInput as error:
            return Reading(found, digest, problems=tuple(error.problems), warnings=tuple(warnings))
        except Exception as error:  # a bug of spbe: said on standard error, never a reason to stop the page
            self.on_bug(found.name, error)
            bug = Problem.at(Place(found.name), Phrase(M.web_internal_file, error=type(error).__name__), "file")
            return Reading(found, digest, problems=(bug,))
        return Reading(found, digest, assessment=assessment, warnings=tuple(warnings))


def _named(problems: list[Problem], found: WorkspaceFile) -> list[Problem]:
    """Problems of a file read by its real path, named by its name in the workspace."""
    return [
        Problem(place._replace(path=found.name), p.message, values=p.values, kind=p.kind)
        for p in problems
        for place in [p.place]
    ]
