"""`spbe frameworks`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ..app import app
from ..options import ColorOption, DebugOption, FrameworksOption, LangOption, format_option
from ..session import load_catalog_or_exit, start


@app.command("frameworks")
def list_frameworks(
    fmt: Annotated[str, format_option("frameworks")] = "table",
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """List the frameworks: id, regulation, years, values and number of indicators."""
    session = start(lang, color, fmt=fmt, renders="frameworks")
    catalog = load_catalog_or_exit(frameworks, session)
    from ...formats import load as load_format

    sys.stdout.write(load_format(fmt).frameworks(list(catalog), session.options(fmt)))
    raise typer.Exit(ExitCode.OK)
