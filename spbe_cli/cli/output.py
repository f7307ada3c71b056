"""Where results go: standard output, or a file written atomically, and what may be replaced.

A file is written to a temporary sibling and renamed into place only when the run succeeds, so a
failed, interrupted or terminated run leaves an existing file untouched and never leaves a partial
one (nor the temporary file: see `remove_temporary_files`).

Two kinds of output file (README, "Output files"):
- generated outputs (score, diff, plan, rank, schema, exports) replace their file without --force;
- files a person edits (`exclusive=True`: init, imported YAML) are never replaced without --force, and
  are created exclusively, so of two runs writing the same new file exactly one wins.
Either way: only regular files are written (a symlink is followed and its regular target replaced,
keeping the target's permissions); an output that is one of the inputs is refused.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from typing import IO, Any

from ..exitcodes import ExitCode
from ..i18n import M, Message, Phrase
from ..problems import os_reason

_TEMPORARY_FILES: set[str] = set()  # written but not yet renamed into place


class OutputError(Exception):
    """The output cannot be written: a bad --output or an I/O failure such as a full disk (exit 2)."""

    def __init__(self, code: ExitCode, message: Message, **values: Any):
        super().__init__(message.id)
        self.code = code
        self.message = message
        self.values = values


def _usage(message: Message, **values: Any) -> OutputError:
    return OutputError(ExitCode.USAGE, message, **values)


def _reason(error: OSError) -> Phrase | str:
    return os_reason(error)


class Sink:
    def __init__(
        self,
        path: str | None = None,
        *,
        force: bool = False,
        exclusive: bool = False,
        inputs: Iterable[str] = (),
        option: str = "--output",
    ):
        self.path = path
        self.option = option  # how a refusal names the file: --output, or --pdf
        self.exclusive = exclusive and not force
        self._temp: str | None = None
        self._handle: IO[str]
        if path is None or path == "-":
            self.path = None
            self._handle = sys.stdout
            return
        if path == "":
            raise _usage(M.out_empty, option=option)
        if path.endswith(("/", os.sep)) or os.path.isdir(path):
            raise _usage(M.out_folder, path=path, option=option)
        self._target, self._mode = self._check_target(path, inputs)
        directory = os.path.dirname(os.path.abspath(self._target))
        name_max = _name_max(directory)
        if len(os.fsencode(os.path.basename(self._target))) > name_max:
            raise _usage(M.err_cannot_write, path=path, reason=os_reason(errno.ENAMETOOLONG))
        try:
            fd, temp = tempfile.mkstemp(prefix=".spbe-", suffix=".tmp", dir=directory)
        except OSError as error:  # a missing folder, no permission, a read-only file system
            raise _usage(M.err_cannot_write, path=path, reason=_reason(error)) from None
        self._temp = temp
        _TEMPORARY_FILES.add(temp)
        # Text is escaped before it gets here; a stray undecodable character must not crash a write.
        self._handle = os.fdopen(fd, "w", encoding="utf-8", newline="", errors="backslashreplace")

    def _check_target(self, path: str, inputs: Iterable[str]) -> tuple[str, int]:
        """The file to replace (a symlink's target) and the mode to give it."""
        try:
            existing = os.stat(path)  # follows symlinks
        except FileNotFoundError:
            if os.path.lexists(path):  # a symlink to nothing: refused rather than guessed at
                raise _usage(M.out_not_regular, path=path, option=self.option) from None
            return path, 0o666 & ~_umask()
        except OSError as error:  # a name too long, a file used as a folder, no permission
            raise _usage(M.err_cannot_write, path=path, reason=_reason(error)) from None
        if not stat.S_ISREG(existing.st_mode):
            raise _usage(M.out_not_regular, path=path, option=self.option)
        for given in inputs:
            if given == "-":
                continue
            try:
                other = os.stat(given)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (existing.st_dev, existing.st_ino):
                raise _usage(M.out_is_input, path=path, option=self.option)
        if self.exclusive:
            raise _usage(M.err_exists, path=path)
        return os.path.realpath(path), stat.S_IMODE(existing.st_mode)

    def write(self, text: str) -> None:
        try:
            self._handle.write(text)
            if self.path is None:
                self._handle.flush()
        except OSError as error:
            self.discard()
            if isinstance(error, BrokenPipeError):
                raise
            where = self.path if self.path is not None else "-"
            raise OutputError(ExitCode.USAGE, M.err_cannot_write, path=where, reason=_reason(error)) from None

    def write_bytes(self, data: bytes) -> None:
        """Bytes (a workbook) into the temporary file, beside any text already written."""
        try:
            self._handle.flush()
            self._handle.buffer.write(data)  # type: ignore[attr-defined]
        except OSError as error:
            self.discard()
            where = self.path if self.path is not None else "-"
            raise OutputError(ExitCode.USAGE, M.err_cannot_write, path=where, reason=_reason(error)) from None

    def commit(self) -> None:
        """Put the written file in place (no-op for standard output)."""
        temp = self._temp
        if temp is None:
            return
        try:
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.chmod(temp, self._mode)
            if self.exclusive:
                _create_exclusively(temp, self._target)
            else:
                os.replace(temp, self._target)
        except FileExistsError:
            self.discard()
            raise _usage(M.err_exists, path=self.path) from None
        except OSError as error:
            self.discard()
            raise OutputError(ExitCode.USAGE, M.err_cannot_write, path=self.path, reason=_reason(error)) from None
        _TEMPORARY_FILES.discard(temp)
        self._temp = None

    def discard(self) -> None:
        if self._temp is None:
            return
        try:
            self._handle.close()
        except OSError:
            pass
        _remove(self._temp)
        self._temp = None

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, traceback: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


def _create_exclusively(temp: str, target: str) -> None:
    """Give the written file its final name only if no file has that name (FileExistsError if one has)."""
    try:
        os.link(temp, target)  # atomic and exclusive: of two writers exactly one succeeds
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links: create the name exclusively and copy
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out, open(temp, "rb") as source:
            out.write(source.read())
        os.chmod(target, stat.S_IMODE(os.stat(temp).st_mode))
    _remove(temp)


def _remove(path: str) -> None:
    _TEMPORARY_FILES.discard(path)
    try:
        os.unlink(path)
    except OSError:
        pass


def remove_temporary_files() -> None:
    """Remove what an interrupted run left (called when the command ends, however it ends)."""
    for path in list(_TEMPORARY_FILES):
        _remove(path)


def _name_max(directory: str) -> int:
    try:
        return os.pathconf(directory, "PC_NAME_MAX")
    except (OSError, ValueError, AttributeError):
        return 255


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


class GuardedStream:
    """Standard output or error whose reader may go away (`spbe ... | head`): writing then does nothing,
    so the run finishes with the exit code it would have had. A stream closed before the start (None)
    raises EBADF on output, and swallows errors (`closed_ok`, for standard error)."""

    def __init__(self, stream: IO[str] | None, *, closed_ok: bool = False):
        self._stream = stream
        self.broken = stream is None and closed_ok
        self._closed = stream is None

    def write(self, text: str) -> int:
        if self._closed and not self.broken:
            raise OSError(errno.EBADF, "standard output is closed")
        if not self.broken:
            try:
                return self._stream.write(text)  # type: ignore[union-attr]
            except BrokenPipeError:
                self._silence()
        return len(text)

    def flush(self) -> None:
        if not self.broken and not self._closed:
            try:
                self._stream.flush()  # type: ignore[union-attr]
            except BrokenPipeError:
                self._silence()

    def isatty(self) -> bool:
        return not self._closed and self._stream.isatty()  # type: ignore[union-attr]

    def _silence(self) -> None:
        self.broken = True
        try:  # the interpreter flushes at exit: point the descriptor somewhere that accepts it
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self._stream.fileno())  # type: ignore[union-attr]
            os.close(devnull)
        except (OSError, ValueError):
            pass

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


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
