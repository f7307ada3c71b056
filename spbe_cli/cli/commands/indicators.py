"""`spbe indicators`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from .. import completion
from ..app import app
from ..options import ColorOption, DebugOption, FrameworksOption, LangOption, format_option
from ..session import framework_named, load_catalog_or_exit, start


@app.command()
def indicators(
    framework: Annotated[
        str | None,
        typer.Argument(
            help="A framework id (default: every framework).",
            show_default=False,
            metavar="FRAMEWORK",
            autocompletion=completion.framework_ids,
        ),
    ] = None,
    fmt: Annotated[str, format_option("indicators")] = "table",
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """List a framework's domains, aspects and indicators with their weights."""
    session = start(lang, color, fmt=fmt, renders="indicators")
    catalog = load_catalog_or_exit(frameworks, session)
    chosen = [framework_named(catalog, framework, session, "FRAMEWORK")] if framework else list(catalog)
    from ...formats import load as load_format

    sys.stdout.write(load_format(fmt).indicators(chosen, session.options(fmt)))
    raise typer.Exit(ExitCode.OK)
