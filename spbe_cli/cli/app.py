"""The Typer application, its root options and the command group behind it."""

from __future__ import annotations

from typing import Annotated, Any

import typer
import typer.core

from .. import __version__
from ..exitcodes import ExitCode
from .help import plain_arguments
from .usage import LANGUAGE_KEY, localized_usage_errors, requested_language


class SpbeGroup(typer.core.TyperGroup):
    """The `spbe` command group, however it is run (`main`, or a test's CliRunner): help without Python
    types, and every usage error in the language the run asked for."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        plain_arguments(self)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        language = requested_language(args)
        with localized_usage_errors(language):
            ctx = super().make_context(info_name, args, parent, **extra)
        ctx.meta[LANGUAGE_KEY] = language
        return ctx

    def invoke(self, ctx: Any) -> Any:
        with localized_usage_errors(ctx.meta[LANGUAGE_KEY]):
            return super().invoke(ctx)


app = typer.Typer(
    name="spbe",
    cls=SpbeGroup,
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
