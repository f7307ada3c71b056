"""`spbe schema`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, framework_option, shared_options
from ..session import start


@app.command("schema", help=help_text(M.help_schema))
@shared_options("output", "force", "frameworks", "lang")
def schema_command(
    framework: Annotated[str | None, framework_option(M.help_schema_framework)] = None,
    *,
    shared: Shared,
) -> None:
    import json

    session = start(shared)
    catalog = session.catalog()
    chosen = [session.framework(catalog, framework, "--framework")] if framework else list(catalog)
    from ...loading.schema import assessment_schema

    session.write(json.dumps(assessment_schema(chosen), ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(ExitCode.OK)
