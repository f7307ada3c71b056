"""`spbe evidence`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ..app import app
from ..options import Shared, format_option, shared_options
from ..session import start


@app.command("evidence")
@shared_options("output", "frameworks", "lang", "color", "encoding")
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
    *,
    shared: Shared,
) -> None:
    """Evidence items per indicator and level: the level secured and, as a work queue, what blocks the next one."""
    session = start(shared, fmt=fmt, renders="evidence")
    stage = session.stage(stage)
    catalog = session.catalog()
    assessment = session.load_one(file, catalog, stage, filled=False)
    from ...core.evidence import evidence
    from ...formats import load as load_format

    result = evidence(assessment, catalog.get(assessment.framework))
    session.write(load_format(fmt).evidence(result, session.options(fmt)), inputs=[file])
    raise typer.Exit(ExitCode.OK)
