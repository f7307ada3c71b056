"""Finding the files a command is given: files as named, folders searched."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator


class FoundInFolder(str):
    """A file found by searching a folder, as opposed to one the user named."""

    __slots__ = ()


def expand_paths(paths: Iterable[str], unreadable: list[tuple[str, str]] | None = None) -> Iterator[str]:
    """Files as given; folders searched recursively for *.yaml, *.yml and *.xlsx, in a stable order.

    Each file comes once, however it is named (directly and inside a folder, through a link). Folders
    that cannot be listed are added to `unreadable` as (folder, reason). Links to folders inside a
    searched folder are not followed (README, "Folders").
    """
    seen: set[object] = set()

    def first_time(path: str) -> bool:
        try:
            status = os.stat(path)
            key: object = (status.st_dev, status.st_ino)
        except OSError:
            key = os.path.normpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    def listing_failed(error: OSError) -> None:
        if unreadable is not None:
            unreadable.append((str(error.filename), error.strerror or str(error)))

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=listing_failed):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    found = os.path.join(root, name)
                    # *.YAML and *.Yml too, and workbooks (not ~$name.xlsx, the lock file Excel keeps beside an
                    # open one); only regular files: a FIFO named x.yaml would hang the run
                    wanted = name.lower().endswith((".yaml", ".yml", ".xlsx")) and not name.startswith((".", "~$"))
                    if wanted and os.path.isfile(found) and first_time(found):
                        yield FoundInFolder(found)
        elif path == "-" or first_time(path):
            yield path
