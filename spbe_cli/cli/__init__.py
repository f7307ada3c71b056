"""The `spbe` command line: arguments, lazy imports and exit codes. The work happens elsewhere.

Importing this package must stay cheap: pydantic, yaml and rich are imported inside the commands
that need them (a test checks this in a fresh interpreter).
"""

from __future__ import annotations

import copy
import importlib
import os
import sys
from collections.abc import Sequence

import typer
import typer.core

from ..exitcodes import ExitCode
from ..i18n import M, Messages
from ..problems import os_reason
from .app import app
from .options import DebugSwitch
from .session import Voice

# The commands, in the order --help lists them; importing a module registers its command.
COMMANDS = (
    "score",
    "diff",
    "plan",
    "evidence",
    "report",
    "check",
    "init",
    "rank",
    "published",
    "schema",
    "validate",
    "import_",
    "export",
    "frameworks",
    "indicators",
    "serve",
)
for _command in COMMANDS:
    importlib.import_module(f"{__name__}.commands.{_command}")

__all__ = ["app", "main"]


def click_command(args: Sequence[str] = ()) -> typer.core.TyperGroup:
    """The Click command behind `spbe`, as the shell runs it.

    When `args` start with a command's name, only that command is built: Typer inspects every
    command's signature to build it, which would cost a one-file run more than the run itself.
    Help, completion and unknown commands get every command.
    """
    chosen = [info for info in app.registered_commands if args and _command_name(info) == args[0]]
    if not chosen:
        return _group(app)
    lone = copy.copy(app)  # the same root callback and settings, one command
    lone.registered_commands = chosen
    return _group(lone)


def _group(application: typer.Typer) -> typer.core.TyperGroup:
    group = typer.main.get_command(application)
    assert isinstance(group, typer.core.TyperGroup)  # app has commands: Typer builds a group
    return group


def _command_name(info: typer.models.CommandInfo) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__ if info.callback else "")


def main(argv: list[str] | None = None) -> int:
    """Run `spbe` and return its exit code; never a traceback for a user's mistake."""
    from .output import GuardedStream, remove_temporary_files

    args = command_line(sys.argv[1:], windows=os.name == "nt") if argv is None else argv
    DebugSwitch.requested = False
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = GuardedStream(sys.stdout), GuardedStream(sys.stderr, closed_ok=True)
    previous = _handle_termination()
    try:
        return _run(args)
    finally:
        remove_temporary_files()
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):  # reported already, or nothing more can be said
                pass
        sys.stdout, sys.stderr = streams
        _restore(previous)


def command_line(args: list[str], *, windows: bool) -> list[str]:
    """The arguments as a shell would give them. On Windows no shell expands wildcards: PowerShell and
    cmd pass `kembali/*.xlsx` as written. Click expands them for a program it starts itself, but not when
    given the arguments, as spbe gives them; so spbe does, as Click would: each pattern becomes the files
    it matches, in order, and a pattern matching nothing stays as written (to be reported as not found)."""
    if not windows:
        return args
    import glob

    expanded: list[str] = []
    for arg in args:
        matches = sorted(glob.glob(arg)) if any(mark in arg for mark in "*?[") else []
        expanded.extend(matches or [arg])
    return expanded


class Terminated(BaseException):
    """SIGTERM or SIGHUP (CI cancellation, `docker stop`, a closed terminal): stop like Ctrl-C does."""

    def __init__(self, signal_number: int):
        super().__init__(signal_number)
        self.signal_number = signal_number


def _terminate(signal_number: int, frame: object) -> None:
    raise Terminated(signal_number)


def _handle_termination() -> dict[int, object]:
    import signal

    previous: dict[int, object] = {}
    for name in ("SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        try:
            previous[number] = signal.signal(number, _terminate)
        except ValueError:  # not the main thread: leave signals alone
            pass
    return previous


def _restore(previous: dict[int, object]) -> None:
    import signal

    for number, handler in previous.items():
        signal.signal(number, handler)  # type: ignore[arg-type]


def _run(args: list[str]) -> int:
    from .usage import requested_language

    command = click_command(args)
    voice = Voice(Messages(requested_language(args)))
    try:
        code = command.main(args=args, prog_name="spbe", standalone_mode=False)
        sys.stdout.flush()  # a full disk shows here for buffered output, and must change the exit code
    except typer.TyperException as error:  # usage errors: bad option, bad value, missing argument
        show = getattr(error, "show", None)
        if show is not None:
            show()  # a usage error, worded in the run's language by the group (cli/usage.py)
        else:
            voice.line(f"spbe: {error.format_message()}")
        return ExitCode.USAGE
    except typer.Abort:
        voice.error(M.err_aborted)
        return 130
    except KeyboardInterrupt:
        return 130
    except Terminated as stop:
        return 128 + stop.signal_number
    except OSError as error:  # the output cannot be written (disk full, a closed stream): not a bug of spbe
        reason = os_reason(error)
        if error.filename is not None:
            voice.error(M.err_io_path, path=os.fsdecode(error.filename), reason=reason)
        else:
            voice.error(M.err_io, reason=reason)
        return ExitCode.USAGE
    except Exception as error:  # a bug: keep the message short unless asked
        if DebugSwitch.requested or os.environ.get("SPBE_DEBUG"):
            voice.traceback()
        voice.say(M.err_internal, error=f"{type(error).__name__}: {error}")
        return ExitCode.INTERNAL
    return int(code or 0)
