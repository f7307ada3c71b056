"""`spbe indicators`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from .. import completion
from ..app import app
from ..help import help_text
from ..options import Shared, format_option, shared_options
from ..session import start


@app.command(help=help_text(M.help_indicators))
@shared_options("frameworks", "lang", "color")
def indicators(
    framework: Annotated[
        str | None,
        typer.Argument(
            help=help_text(M.help_indicators_framework),
            show_default=False,
            metavar="FRAMEWORK",
            autocompletion=completion.framework_ids,
        ),
    ] = None,
    fmt: Annotated[str, format_option("indicators")] = "table",
    *,
    shared: Shared,
) -> None:
    session = start(shared, fmt=fmt, renders="indicators")
    catalog = session.catalog()
    chosen = [session.framework(catalog, framework, "FRAMEWORK")] if framework else list(catalog)
    from ...formats import load as load_format

    sys.stdout.write(load_format(fmt).indicators(chosen, session.options(fmt)))
    raise typer.Exit(ExitCode.OK)
