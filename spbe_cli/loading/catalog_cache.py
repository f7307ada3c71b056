"""The bundled indicators.yaml, once checked, kept between runs in the user's cache folder.

Reading, validating and building the frameworks (and importing the Pydantic models that check them)
is most of what a one-file `spbe score` spends beyond the assessment itself. So after indicators.yaml
passes every check, its frameworks are kept next to a key: spbe's version, the Python version, the
size and modification time of the modules that build and check frameworks, and indicators.yaml's exact
bytes. A run reuses the entry only when every part of the key matches byte for byte; anything else
(another version, an edited indicators.yaml or build module, a truncated or foreign file, a file not the
user's own or writable by others) is ignored and the file is parsed and checked as without a cache.

An entry holds plain data (marshal: numbers, texts, tuples; no code, no class named by the file): each
framework type is one of a fixed list, rebuilt from its fields; Fractions as two integers, Decimals as
their text; the whole under a CRC-32, so a damaged copy is refused, not read (pickle would do the same
work, but costs more to import than it saves). Entries are written to a temporary file and renamed
into place, so a reader never sees half an entry. `SPBE_CACHE_DIR` sets the folder; `SPBE_NO_CACHE=1`
turns the cache off.
"""

from __future__ import annotations

import marshal
import os
import sys
import zlib
from dataclasses import fields
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from .. import __version__
from ..core.framework import (
    Band,
    ConversionBand,
    ExternalSource,
    Framework,
    Group,
    Guideline,
    Indicator,
    PredikatExample,
    PredikatRule,
    Source,
)

MAGIC = b"spbe frameworks cache 3\n"
LIMIT = 4 * 1024 * 1024  # an entry is about 40 kB; anything far larger is not ours
# The modules whose code decides what a checked frameworks file builds into (a source tree edited
# without a new version must not reuse what the old code built).
BUILDERS = ("loading/frameworks_file.py", "loading/catalog_cache.py", "core/framework.py", "core/external.py")
PACKAGE = Path(__file__).resolve().parent.parent
# The only types an entry can hold, by position; a Framework's lookups are rebuilt, `derived` starts empty.
TYPES: tuple[type, ...] = (
    Band,
    ConversionBand,
    ExternalSource,
    Framework,
    Group,
    Guideline,
    Indicator,
    PredikatExample,
    PredikatRule,
    Source,
)
REBUILT = ("by_id", "level_names", "derived")
FIELDS = {kind: tuple(f.name for f in fields(kind) if f.name not in REBUILT) for kind in TYPES}
NUMBER = {kind: number for number, kind in enumerate(TYPES)}
# Tags of what is not a number, text, bool or None (those stand for themselves).
OBJECT, FRACTION, DECIMAL, TUPLE, MAPPING = range(5)


def folder() -> Path | None:
    """Where entries live: $SPBE_CACHE_DIR, else the platform's user cache folder; None when turned off."""
    if os.environ.get("SPBE_NO_CACHE"):
        return None
    configured = os.environ.get("SPBE_CACHE_DIR")
    if configured:
        return Path(configured)
    try:
        if sys.platform == "win32":
            base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        elif sys.platform == "darwin":
            base = Path.home() / "Library" / "Caches"
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except RuntimeError:  # no home folder to be found
        return None
    return base / "spbe"


KEPT = 4  # entries kept in the folder: two installs of one version (a venv, pipx) each keep their own


def entry_path(place: Path, own: bytes | None = None) -> Path:
    """The entry of this spbe (version and build modules): installs that differ never share one."""
    return place / f"frameworks-{__version__}-{zlib.crc32(key() if own is None else own):08x}.cache"


def key() -> bytes:
    """What an entry must have been written under to be used."""
    stamps = []
    for name in BUILDERS:
        info = os.stat(PACKAGE / name)
        stamps.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join([__version__, sys.version, *stamps]).encode()


def header(data: bytes, own: bytes) -> bytes:
    """The bytes an entry for the frameworks file `data`, written under key `own`, starts with."""
    return b"".join([MAGIC, len(own).to_bytes(8, "big"), own, len(data).to_bytes(8, "big"), data])


def encoded(value: Any) -> Any:
    """A frameworks value as plain data marshal can hold; TypeError for anything else."""
    kind = type(value)
    if value is None or kind in (str, int, bool):
        return value
    if kind is Fraction:
        return (FRACTION, value.numerator, value.denominator)
    if kind is Decimal:
        return (DECIMAL, str(value))
    if kind is tuple:
        return (TUPLE, tuple(map(encoded, value)))
    if kind is dict:
        return (MAPPING, tuple((encoded(k), encoded(v)) for k, v in value.items()))
    if kind in NUMBER:
        return (OBJECT, NUMBER[kind], tuple(encoded(getattr(value, name)) for name in FIELDS[kind]))
    raise TypeError(f"{kind.__name__} is not a frameworks type")


def decoded(value: Any) -> Any:
    """The frameworks value `encoded` gave; an unknown tag or type number raises."""
    if type(value) is not tuple:
        return value
    tag = value[0]
    if tag == OBJECT:
        kind = TYPES[value[1]]
        made: Any = object.__new__(kind)
        # frozen dataclasses: their fields set as unpickling would, without __init__'s checks per field
        made.__dict__.update(zip(FIELDS[kind], map(decoded, value[2]), strict=True))
        if kind is Framework:
            made.__dict__.update(by_id={}, level_names={}, derived={})
            made.__post_init__()
        return made
    if tag == FRACTION:
        return Fraction(value[1], value[2])
    if tag == DECIMAL:
        return Decimal(value[1])
    if tag == TUPLE:
        return tuple(map(decoded, value[1]))
    if tag == MAPPING:
        return {decoded(k): decoded(v) for k, v in value[1]}
    raise ValueError(f"unknown tag {tag!r}")


def read(data: bytes) -> list[Framework] | None:
    """The frameworks checked earlier for the frameworks file `data`, or None (no usable entry)."""
    place = folder()
    if place is None:
        return None
    try:
        own = key()
        content = _own_file(entry_path(place, own))
        if content is None:
            return None
        start = header(data, own)
        if not content.startswith(start):
            return None
        checksum, payload = content[len(start) : len(start) + 4], content[len(start) + 4 :]
        if zlib.crc32(payload).to_bytes(4, "big") != checksum:  # a damaged disk or copy: not ours to trust
            return None
        frameworks = [decoded(item) for item in marshal.loads(payload)]
    except Exception:  # any unreadable, foreign or damaged entry is only a missed cache
        return None
    if not all(type(f) is Framework for f in frameworks):
        return None
    return frameworks


def _own_file(path: Path) -> bytes | None:
    """The file's bytes if it is a regular file of this user's that nobody else may write, else None."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return None
    with open(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not _trusted(info) or info.st_size > LIMIT:
            return None
        return handle.read(LIMIT + 1)


def _trusted(info: os.stat_result) -> bool:
    import stat

    if not stat.S_ISREG(info.st_mode):
        return False
    if hasattr(os, "geteuid") and (info.st_uid != os.geteuid() or info.st_mode & 0o022):
        return False
    return True


def write(data: bytes, frameworks: list[Framework]) -> None:
    """Keep the checked frameworks of `data` for later runs; silently nothing when that cannot be done."""
    place = folder()
    if place is None or any(f.derived for f in frameworks):  # derived: other layers' artefacts, not data
        return
    import tempfile

    temporary = None
    try:
        payload = marshal.dumps(tuple(encoded(f) for f in frameworks))
        own = key()
        content = header(data, own) + zlib.crc32(payload).to_bytes(4, "big") + payload
        place.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".frameworks-", suffix=".tmp", dir=place)
        with open(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, entry_path(place, own))
        temporary = None
        _prune(place)
    except Exception:  # a read-only or full disk, a folder that is a file: the next run parses again
        pass
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _prune(place: Path) -> None:
    """Remove all but the KEPT most recently written entries (a source tree edited often makes many)."""
    entries = sorted(place.glob("frameworks-*.cache"), key=lambda path: path.stat().st_mtime_ns, reverse=True)
    for old in entries[KEPT:]:
        old.unlink(missing_ok=True)
