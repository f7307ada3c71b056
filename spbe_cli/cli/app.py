"""The Typer application, its root options and the command group behind it."""

from __future__ import annotations

from typing import Annotated, Any

import typer
import typer.core

from .. import __version__
from ..exitcodes import ExitCode
from ..i18n import M
from .help import LANGUAGE_KEY, help_text, plain_help, worded_completions, write_help
from .usage import language_after_command, localized_usage_errors, requested_language


class SpbeGroup(typer.core.TyperGroup):
    """The `spbe` command group, however it is run (`main`, or a test's CliRunner): help without Python
    types, and help and every usage error in the language the run asked for."""

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**attrs)
        plain_help(self)

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        with localized_usage_errors(requested_language(args)):
            return super().make_context(info_name, args, parent, **extra)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Before parsing: --help prints its page while the arguments are parsed. Every command's
        # context shares this one's meta, so each help page and usage error finds the language here.
        ctx.meta[LANGUAGE_KEY] = requested_language(args)
        return super().parse_args(ctx, language_after_command(args))

    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_help(self, ctx, formatter)

    def shell_complete(self, ctx: Any, incomplete: str) -> Any:
        return worded_completions(self, ctx, super().shell_complete(ctx, incomplete))

    def invoke(self, ctx: Any) -> Any:
        with localized_usage_errors(ctx.meta[LANGUAGE_KEY]):
            return super().invoke(ctx)


app = typer.Typer(
    name="spbe",
    cls=SpbeGroup,
    help=help_text(M.help_app),
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
        typer.Option("--version", "-V", callback=version_callback, is_eager=True, help=help_text(M.help_version)),
    ] = False,
) -> None:
    """Compute Indeks SPBE and Indeks Pemerintah Digital (Pemdi) from assessment files.

    Exit codes: 0 ok, 1 a gate failed, 2 usage error, 3 invalid input, 70 internal error.
    (`spbe --help` shows M.help_app, in the reader's language.)
    """
