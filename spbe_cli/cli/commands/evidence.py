"""`spbe evidence`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ..app import app
from ..options import (
    ColorOption,
    DebugOption,
    EncodingOption,
    FrameworksOption,
    LangOption,
    OutputOption,
    format_option,
)
from ..session import load_catalog_or_exit, load_one, stage_option, start, write_output


@app.command("evidence")
def evidence_command(
    file: Annotated[
        str, typer.Argument(help="The assessment file (- for standard input).", show_default=False, metavar="FILE")
    ],
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            help="Read values at this stage (mandiri, dokumen, interviu, visitasi, akhir) for the effects."
            " Default: the file's own stage.",
            metavar="STAGE",
        ),
    ] = None,
    fmt: Annotated[str, format_option("evidence")] = "table",
    output: OutputOption = None,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Evidence items per indicator and level: the level secured and, as a work queue, what blocks the next one."""
    session = start(lang, color, output, fmt=fmt, renders="evidence", encoding=encoding)
    stage = stage_option(stage, session)
    catalog = load_catalog_or_exit(frameworks, session)
    assessment = load_one(file, catalog, session, stage, filled=False)
    from ...core.evidence import evidence
    from ...formats import load as load_format

    result = evidence(assessment, catalog.get(assessment.framework))
    inputs = [file, *([frameworks] if frameworks else [])]
    write_output(load_format(fmt).evidence(result, session.options(fmt)), output, False, session, inputs=inputs)
    raise typer.Exit(ExitCode.OK)
