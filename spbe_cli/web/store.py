"""What `spbe serve` adds to a workspace, all of it under `.spbe/`: each uploaded file kept as received
(`.spbe/uploads/`, named by the time it came, its hash and a safe form of its name) and the log of what
the pages wrote (`.spbe/log.jsonl`, one JSON object a line: who, when, which file, what changed).

An upload is named later (to confirm it) by its kept name, which is checked against the folder's own
listing: a name a client makes up, or one with a path in it, names nothing.
"""

from __future__ import annotations

import datetime
import hashlib
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..cli.locks import locked

FOLDER = ".spbe"
UPLOADS = "uploads"
LOG = "log.jsonl"
MAX_NAME = 80  # characters of a safe name kept after the time and hash
# 20261205T101500123456Z-0123456789abcdef-bappeda.xlsx
KEPT_NAME = re.compile(r"\A\d{8}T\d{12}Z-[0-9a-f]{16}-[A-Za-z0-9][A-Za-z0-9._-]{0,79}\Z")


@dataclass(frozen=True)
class Kept:
    """An uploaded file as kept: its name under `.spbe/uploads/`, path, SHA-256 and the time it came."""

    name: str
    path: str
    sha256: str
    received: str  # ISO 8601, UTC

    @property
    def size(self) -> int:
        try:
            return os.path.getsize(self.path)
        except OSError:
            return 0

    @property
    def label(self) -> str:
        """The name its problems are located in: the safe form of the name it was sent with."""
        return self.name.split("-", 2)[2]

    def read(self) -> bytes:
        with open(self.path, "rb") as handle:
            return handle.read()


def safe_name(given: str) -> str:
    """A file name a browser sent, as a name safe in any file system and message: its last part only,
    letters, digits, dots, hyphens and underscores (others become `_`), no leading dot, at most
    MAX_NAME characters with its extension kept (the reader tells a CSV sheet by it)."""
    base = re.split(r"[/\\]", given)[-1]
    ascii_name = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).strip("._-")
    stem, dot, suffix = cleaned.rpartition(".")
    if not dot:
        stem, suffix = cleaned, ""
    suffix = suffix[:10].lower()
    stem = stem[: MAX_NAME - len(suffix) - 1].strip("._-") or "sheet"
    return f"{stem}.{suffix}" if suffix else stem


class Store:
    """The `.spbe/` folder of one workspace."""

    def __init__(self, workspace: str):
        self.folder = os.path.join(workspace, FOLDER)
        self.uploads = os.path.join(self.folder, UPLOADS)
        self.log_path = os.path.join(self.folder, LOG)

    def keep(self, data: bytes, given_name: str, now: datetime.datetime | None = None) -> Kept:
        """The upload written under its new name, exclusively (an upload is never replaced)."""
        now = now or datetime.datetime.now(datetime.timezone.utc)
        digest = hashlib.sha256(data).hexdigest()
        name = f"{now:%Y%m%dT%H%M%S%f}Z-{digest[:16]}-{safe_name(given_name)}"
        os.makedirs(self.uploads, exist_ok=True)
        path = os.path.join(self.uploads, name)
        try:
            with open(path, "xb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except FileExistsError:  # the same bytes under the same name in the same microsecond: kept already
            pass
        return Kept(name, path, digest, _iso(now))

    def find(self, name: str) -> Kept | None:
        """The kept upload of this name, or None (a name not of the form, not in the folder)."""
        if not KEPT_NAME.match(name):
            return None
        try:
            present = name in os.listdir(self.uploads)
        except OSError:
            return None
        path = os.path.join(self.uploads, name)
        if not present or not os.path.isfile(path) or os.path.islink(path):
            return None
        with open(path, "rb") as handle:
            digest = hashlib.sha256(handle.read()).hexdigest()
        if not digest.startswith(name.split("-", 2)[1]):
            return None  # changed since it was kept: not what was uploaded
        stamp = datetime.datetime.strptime(name[:22], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=datetime.timezone.utc)
        return Kept(name, path, digest, _iso(stamp))

    def log(self, record: dict[str, Any]) -> None:
        """One line appended to the log, whole (the log's lock is held while it is written)."""
        os.makedirs(self.folder, exist_ok=True)
        line = json.dumps(record, ensure_ascii=False, sort_keys=False, default=str) + "\n"
        with locked(self.log_path):
            with open(self.log_path, "a", encoding="utf-8") as handle:
                handle.write(line)
                handle.flush()
                os.fsync(handle.fileno())

    def entries(self) -> list[dict[str, Any]]:
        """The log's entries, oldest first (a line that is not JSON is left out)."""
        try:
            with open(self.log_path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
        except OSError:
            return []
        found = []
        for line in lines:
            try:
                entry = json.loads(line)
            except ValueError:
                continue
            if isinstance(entry, dict):
                found.append(entry)
        return found


def _iso(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
