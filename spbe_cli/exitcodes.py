"""The scripting contract: exit codes of every `spbe` command. Stable across releases."""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0  # success
    GATE_FAILED = 1  # a gate failed: --fail-under, --min-predikat, --fail-on-drop, unreachable plan target
    USAGE = 2  # bad option or option value; an output that cannot be written (bad path, disk full)
    INVALID_INPUT = 3  # unreadable file, YAML error, validation error
    INTERNAL = 70  # a bug in spbe (EX_SOFTWARE); --debug shows the traceback
