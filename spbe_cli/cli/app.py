"""The Typer application and its root options."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__
from ..exitcodes import ExitCode

app = typer.Typer(
    name="spbe",
    help="Compute Indeks SPBE and Indeks Pemerintah Digital (Pemdi) from assessment files.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def version_callback(value: bool) -> None:
    if value:
        print(f"spbe {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", "-V", callback=version_callback, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Compute Indeks SPBE and Indeks Pemerintah Digital (Pemdi) from assessment files.

    Exit codes: 0 ok, 1 a gate failed, 2 usage error, 3 invalid input, 70 internal error.
    """
