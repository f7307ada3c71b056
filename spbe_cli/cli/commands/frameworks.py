"""`spbe frameworks`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, format_option, shared_options
from ..session import start


@app.command("frameworks", help=help_text(M.help_frameworks_command))
@shared_options("frameworks", "lang", "color")
def list_frameworks(fmt: Annotated[str, format_option("frameworks")] = "table", *, shared: Shared) -> None:
    session = start(shared, fmt=fmt, renders="frameworks")
    catalog = session.catalog()
    from ...formats import load as load_format

    sys.stdout.write(load_format(fmt).frameworks(list(catalog), session.options(fmt)))
    raise typer.Exit(ExitCode.OK)
