"""`spbe schema`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from .. import completion
from ..app import app
from ..options import DebugOption, ForceOption, FrameworksOption, LangOption, OutputOption
from ..session import framework_named, load_catalog_or_exit, start, write_output


@app.command("schema")
def schema_command(
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="Only this framework's files (default: any framework).",
            metavar="ID",
            autocompletion=completion.framework_ids,
        ),
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Print a JSON Schema of assessment files, for editors (yaml-language-server) and other tools."""
    import json

    session = start(lang, "never", output)
    catalog = load_catalog_or_exit(frameworks, session)
    chosen = [framework_named(catalog, framework, session, "--framework")] if framework else list(catalog)
    from ...loading.schema import assessment_schema

    text = json.dumps(assessment_schema(chosen), ensure_ascii=False, indent=2) + "\n"
    write_output(text, output, force, session, inputs=[*([frameworks] if frameworks else [])])
    raise typer.Exit(ExitCode.OK)
