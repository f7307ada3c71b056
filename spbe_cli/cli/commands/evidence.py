"""`spbe evidence`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, format_option, shared_options
from ..session import start


@app.command("evidence", help=help_text(M.help_evidence))
@shared_options("output", "frameworks", "lang", "color", "encoding")
def evidence_command(
    file: Annotated[str, typer.Argument(help=help_text(M.help_evidence_file), show_default=False, metavar="FILE")],
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            help=help_text(M.help_evidence_stage),
            metavar="STAGE",
        ),
    ] = None,
    fmt: Annotated[str, format_option("evidence")] = "table",
    *,
    shared: Shared,
) -> None:
    session = start(shared, fmt=fmt, renders="evidence")
    stage = session.stage(stage)
    catalog = session.catalog()
    assessment = session.load_one(file, catalog, stage, filled=False)
    from ...core.evidence import evidence
    from ...formats import load as load_format

    result = evidence(assessment, catalog.get(assessment.framework))
    session.write(load_format(fmt).evidence(result, session.options(fmt)), inputs=[file])
    raise typer.Exit(ExitCode.OK)
