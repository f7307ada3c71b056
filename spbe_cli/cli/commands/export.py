"""`spbe export`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..options import DebugOption, EncodingOption, ForceOption, FrameworksOption, LangOption
from ..session import Session, load_catalog_or_exit, load_one, start, write_output

PicOption = Annotated[
    str | None,
    typer.Option("--pic", help="Only the indicators of this office (OPD): the sheet to send it.", metavar="OPD"),
]


def sheet_kind(output: str, session: Session, option: str = "--output") -> str:
    """'xlsx' or 'csv', from the output file's name (exit 2 for anything else)."""
    lower = output.lower()
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith(".csv"):
        return "csv"
    raise typer.BadParameter(session.messages(M.err_sheet_output, path=output), param_hint=f"'{option}'")


def sheet_bytes(assessment, framework, kind: str, office: str | None, session: Session) -> str | bytes:
    """The assessment workbook (or CSV sheet); with an office, only its rows (exit 2 when it has none)."""
    from ...formats.writers.assessment_sheet import assessment_csv, assessment_xlsx, offices_of

    if office is not None:
        known = offices_of(assessment)
        if office.strip().casefold() not in {name.casefold() for name in known}:
            message = session.messages(M.err_unknown_office, office=office, offices=", ".join(known) or "-")
            raise typer.BadParameter(message, param_hint="'--pic'")
    if kind == "xlsx":
        return assessment_xlsx(assessment, framework, office=office)
    return assessment_csv(assessment, framework, office=office, decimal_comma=session.messages.language == "id")


@app.command("export")
def export_command(
    file: Annotated[str, typer.Argument(help="The assessment file (YAML, XLSX or CSV).", metavar="FILE")],
    output: Annotated[
        str,
        typer.Option("--output", "-o", help="The workbook to write: NAME.xlsx or NAME.csv.", metavar="PATH"),
    ],
    pic: PicOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Write an assessment as the assessment workbook (Penilaian, Bukti, Info) or as a CSV sheet."""
    session = start(lang, "never", output, encoding=encoding)
    kind = sheet_kind(output, session)
    catalog = load_catalog_or_exit(frameworks, session)
    assessment = load_one(file, catalog, session, filled=False)
    data = sheet_bytes(assessment, catalog.get(assessment.framework), kind, pic, session)
    inputs = [file, *([frameworks] if frameworks else [])]
    write_output(data, output, force, session, inputs=inputs)  # a generated output: replaced atomically
    raise typer.Exit(ExitCode.OK)
