"""`spbe export`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M, Phrase
from ..app import app
from ..help import help_text
from ..options import Shared, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.framework import Framework
    from ...formats.writers.sheetwriter import CellTooLong
    from ...problems import Problem

PicOption = Annotated[
    str | None,
    typer.Option("--pic", help=help_text(M.help_export_pic), metavar="OPD"),
]


def sheet_kind(output: str, session: Session, option: str = "--output") -> str:
    """'xlsx' or 'csv', from the output file's name (exit 2 for anything else)."""
    lower = output.lower()
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith(".csv"):
        return "csv"
    raise session.bad_option(option, M.err_sheet_output, path=output)


def sheet_bytes(
    assessment: Assessment, framework: Framework, kind: str, office: str | None, session: Session
) -> str | bytes:
    """The assessment workbook (or CSV sheet); with an office, only its rows (exit 2 when it has none)."""
    from ...formats.writers.assessment_sheet import assessment_csv, assessment_xlsx, offices_of

    if office is not None:
        known = offices_of(assessment)
        if office.strip().casefold() not in {name.casefold() for name in known}:
            raise session.bad_option("--pic", M.err_unknown_office, office=office, offices=", ".join(known) or "-")
    if kind == "xlsx":
        from ...formats.writers.sheetwriter import CellTooLong

        try:
            return assessment_xlsx(assessment, framework, office=office)
        except CellTooLong as long:
            session.report([_too_long(assessment, long)])
            raise typer.Exit(ExitCode.INVALID_INPUT) from None
    return assessment_csv(assessment, framework, office=office, decimal_comma=session.messages.language == "id")


def _too_long(assessment: Assessment, long: CellTooLong) -> Problem:
    """Text longer than a workbook cell holds, at the place it comes from (the indicator's key, or the file)."""
    from ...formats.writers.sheetwriter import MAX_CELL_TEXT
    from ...loading.sheetformat import ENTRY_COLUMNS
    from ...problems import Place, Problem

    key = ENTRY_COLUMNS.get(long.column, "evidence" if long.sheet != "Info" else long.column)
    path = ("levels", str(long.first), key) if long.sheet != "Info" else (long.column,)
    place = assessment.places.place(path) if assessment.places is not None else Place(assessment.source or "-")
    what = Phrase(M.where_indicator, id=str(long.first), rest=f" {key}") if long.sheet != "Info" else long.column
    if long.character is not None:
        code = f"U+{ord(long.character):04X}"
        return Problem.at(place, Phrase(M.err_cell_character, what=what, character=code))
    return Problem.at(place, Phrase(M.err_cell_too_long, what=what, length=long.length, limit=MAX_CELL_TEXT))


@app.command("export", help=help_text(M.help_export))
@shared_options("force", "frameworks", "lang", "encoding")
def export_command(
    file: Annotated[str, typer.Argument(help=help_text(M.help_export_file), metavar="FILE")],
    output: Annotated[
        str,
        typer.Option("--output", "-o", help=help_text(M.help_export_output), metavar="PATH"),
    ],
    pic: PicOption = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared.with_output(output))
    kind = sheet_kind(output, session)
    catalog = session.catalog()
    assessment = session.load_one(file, catalog, filled=False)
    data = sheet_bytes(assessment, catalog.get(assessment.framework), kind, pic, session)
    session.write(data, inputs=[file])  # a generated output: replaced atomically
    raise typer.Exit(ExitCode.OK)
