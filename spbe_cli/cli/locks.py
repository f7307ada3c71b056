"""An OS lock held around a read-modify-write of one file: `spbe import --into`, and later uploads into a
master by `spbe serve`. Two runs filling one assessment file at once each read it, merge and replace it:
without the lock the second replacement drops what the first wrote.

The lock is taken on a lock file beside the target (`NAME.lock`), not on the target itself: the target
is replaced by a rename, so a lock on it would stay on the old file, and on Windows a file held open
cannot be replaced. The lock file is removed when the lock is released; a run that was waiting on a
lock file that is gone (or replaced) takes the new one. Standard library only: `fcntl.flock` on Linux
and macOS, `msvcrt.locking` on Windows. The lock is released when the process ends, however it ends.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager

WAIT = 120.0  # seconds to wait for another run to finish with the file
POLL = 0.05


class LockTimeout(Exception):
    """Another run kept the file locked for longer than the wait."""

    def __init__(self, path: str, lock_path: str) -> None:
        super().__init__(lock_path)
        self.path, self.lock_path = path, lock_path


def lock_path_of(path: str) -> str:
    return os.path.join(os.path.dirname(os.path.abspath(path)), os.path.basename(path) + ".lock")


@contextmanager
def locked(path: str, *, wait: float = WAIT) -> Iterator[None]:
    """Hold the lock of `path` for the body of the `with`. Raises LockTimeout after `wait` seconds, and
    OSError when the lock file cannot be created (the folder is not writable: nor is the target)."""
    lock_path = lock_path_of(path)
    descriptor = _acquire(path, lock_path, time.monotonic() + wait)
    try:
        yield
    finally:
        _release(descriptor, lock_path)


def _acquire(path: str, lock_path: str, deadline: float) -> int:
    while True:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
        if _try_lock(descriptor):
            if _same_file(descriptor, lock_path):
                return descriptor
            _unlock(descriptor)  # the holder removed it while this run waited: take the one there now
        os.close(descriptor)
        if time.monotonic() > deadline:
            raise LockTimeout(path, lock_path)
        time.sleep(POLL)


def _same_file(descriptor: int, lock_path: str) -> bool:
    try:
        named = os.stat(lock_path)
    except FileNotFoundError:
        return False
    held = os.fstat(descriptor)
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _release(descriptor: int, lock_path: str) -> None:
    try:
        os.unlink(lock_path)  # before unlocking: a waiter then finds it gone and takes a new one
    except OSError:
        pass  # Windows keeps an open file; the next run simply locks it again
    try:
        _unlock(descriptor)
    finally:
        os.close(descriptor)


if sys.platform == "win32":
    import msvcrt

    def _try_lock(descriptor: int) -> bool:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(descriptor: int) -> None:
        os.lseek(descriptor, 0, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass

else:
    import fcntl

    def _try_lock(descriptor: int) -> bool:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # BlockingIOError: another run holds it
            return False
        return True

    def _unlock(descriptor: int) -> None:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
