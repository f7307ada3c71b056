"""`spbe schema`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ..app import app
from ..options import Shared, framework_option, shared_options
from ..session import start


@app.command("schema")
@shared_options("output", "force", "frameworks", "lang")
def schema_command(
    framework: Annotated[str | None, framework_option("Only this framework's files (default: any framework).")] = None,
    *,
    shared: Shared,
) -> None:
    """Print a JSON Schema of assessment files, for editors (yaml-language-server) and other tools."""
    import json

    session = start(shared)
    catalog = session.catalog()
    chosen = [session.framework(catalog, framework, "--framework")] if framework else list(catalog)
    from ...loading.schema import assessment_schema

    session.write(json.dumps(assessment_schema(chosen), ensure_ascii=False, indent=2) + "\n")
    raise typer.Exit(ExitCode.OK)
