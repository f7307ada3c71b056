"""The `spbe` command line: arguments, lazy imports and exit codes. The work happens elsewhere.

Importing this package must stay cheap: pydantic, yaml and rich are imported inside the commands
that need them (a test checks this in a fresh interpreter).
"""

from __future__ import annotations

import os
import sys

import typer

from ..exitcodes import ExitCode
from ..i18n import M, Messages, default_language
from .app import app

# Imported in the order --help lists them; importing a module registers its command.
from .commands import score, diff, plan, init, rank, schema, validate, frameworks, indicators  # noqa: F401  # isort: skip

__all__ = ["app", "main"]


def main(argv: list[str] | None = None) -> int:
    """Run `spbe` and return its exit code; never a traceback for a user's mistake."""
    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="spbe", standalone_mode=False)
    except typer.TyperException as error:  # usage errors: bad option, bad value, missing argument
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            print(f"spbe: {error.format_message()}", file=sys.stderr)
        return ExitCode.USAGE
    except typer.Abort:
        print(f"spbe: {Messages(default_language())(M.err_aborted)}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `spbe score ... | head`); not an error of ours.
        _silence_stdout()
        return ExitCode.OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: keep the message short unless asked
        if "--debug" in args or os.environ.get("SPBE_DEBUG"):
            import traceback

            traceback.print_exc()
        print(Messages(default_language())(M.err_internal, error=f"{type(error).__name__}: {error}"), file=sys.stderr)
        return ExitCode.INTERNAL
    return int(code or 0)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
