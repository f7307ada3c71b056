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
    criteria: Annotated[
        bool,
        typer.Option("--criteria", help=help_text(M.help_indicators_criteria)),
    ] = False,
    fmt: Annotated[str, format_option("indicators")] = "table",
    *,
    shared: Shared,
) -> None:
    session = start(shared, fmt=fmt, renders="indicators")
    catalog = session.catalog()
    chosen = [session.framework(catalog, framework, "FRAMEWORK")] if framework else list(catalog)
    from dataclasses import replace

    from ...formats import load as load_format

    options = session.options(fmt)
    if criteria:
        from ...loading.criteria import criteria_for

        found = {f.id: c for f in chosen if (c := criteria_for(f)) is not None}
        options = replace(options, criteria=found)
    sys.stdout.write(load_format(fmt).indicators(chosen, options))
    raise typer.Exit(ExitCode.OK)
