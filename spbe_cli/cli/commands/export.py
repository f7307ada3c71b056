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
    from ...formats.writers.assessment_sheet import SheetKind
    from ...formats.writers.sheetwriter import CellTooLong
    from ...problems import Problem

PicOption = Annotated[
    str | None,
    typer.Option("--pic", help=help_text(M.help_export_pic), metavar="OPD"),
]
EachPicOption = Annotated[str | None, typer.Option("--each-pic", help=help_text(M.help_export_each_pic), metavar="DIR")]
SheetStageOption = Annotated[str | None, typer.Option("--stage", help=help_text(M.help_export_stage), metavar="STAGE")]
AssessorOption = Annotated[bool, typer.Option("--assessor", help=help_text(M.help_export_assessor))]


def sheet_kind(output: str, session: Session, option: str = "--output") -> str:
    """'xlsx' or 'csv', from the output file's name (exit 2 for anything else)."""
    lower = output.lower()
    if lower.endswith(".xlsx"):
        return "xlsx"
    if lower.endswith(".csv"):
        return "csv"
    raise session.bad_option(option, M.err_sheet_output, path=output)


def chosen_kind(
    stage: str | None, assessor: bool, office: str | None, for_offices: bool, session: Session
) -> SheetKind:
    """The sheet asked for: `--stage`, `--assessor`, or for offices (`for_offices`) the self-assessment;
    else the file as it is. Exit 2 for both options at once."""
    from ...core.stages import FIRST
    from ...formats.writers.assessment_sheet import SheetKind

    if stage is not None and assessor:
        raise session.bad_option(("--stage", "--assessor"), M.err_stage_or_assessor)
    stage = session.stage(stage)
    if stage is None and not assessor and for_offices:
        stage = FIRST  # an office fills its self-assessment
    return SheetKind(stage=stage, assessor=assessor, office=office)


def sheet_bytes(
    assessment: Assessment, framework: Framework, kind: str, sheet: SheetKind, session: Session
) -> str | bytes:
    """The assessment workbook (or CSV sheet); with an office, only its rows (exit 2 when it has none)."""
    from ...formats.writers.assessment_sheet import assessment_csv, offices_of

    if sheet.office is not None:
        known = offices_of(assessment)
        if sheet.office.strip().casefold() not in {name.casefold() for name in known}:
            raise session.bad_option(
                "--pic", M.err_unknown_office, office=sheet.office, offices=", ".join(known) or "-"
            )
    if kind == "xlsx":
        from ...formats.writers.sheetwriter import CellTooLong
        from ..workflows import assessment_workbook

        try:
            return assessment_workbook(assessment, framework, sheet, session.messages)
        except CellTooLong as long:
            session.report([too_long(assessment, long)])
            raise typer.Exit(ExitCode.INVALID_INPUT) from None
    decimal_comma = session.messages.language == "id"
    return assessment_csv(assessment, framework, kind=sheet, decimal_comma=decimal_comma)


def too_long(assessment: Assessment, long: CellTooLong) -> Problem:
    """Text longer than a workbook cell holds, at the place it comes from (the indicator's key, or the file)."""
    from ...formats.writers.sheetwriter import MAX_CELL_TEXT
    from ...loading.sheetformat import ENTRY_COLUMNS
    from ...problems import Place, Problem

    column = long.column.strip("()")  # a column shown for reading only is named (penjelasan)
    key = ENTRY_COLUMNS.get(column, "evidence" if long.sheet != "Info" else column)
    path = ("levels", str(long.first), key) if long.sheet != "Info" else (column,)
    place = assessment.places.place(path) if assessment.places is not None else Place(assessment.source or "-")
    what = Phrase(M.where_indicator, id=str(long.first), rest=f" {key}") if long.sheet != "Info" else column
    if long.character is not None:
        code = f"U+{ord(long.character):04X}"
        return Problem.at(place, Phrase(M.err_cell_character, what=what, character=code))
    return Problem.at(place, Phrase(M.err_cell_too_long, what=what, length=long.length, limit=MAX_CELL_TEXT))


@app.command("export", help=help_text(M.help_export))
@shared_options("force", "frameworks", "lang", "encoding", force=M.help_export_force)
def export_command(
    file: Annotated[str, typer.Argument(help=help_text(M.help_export_file), metavar="FILE")],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help=help_text(M.help_export_output), metavar="PATH"),
    ] = None,
    pic: PicOption = None,
    each_pic: EachPicOption = None,
    stage: SheetStageOption = None,
    assessor: AssessorOption = False,
    *,
    shared: Shared,
) -> None:
    session = start(shared.with_output(output))
    if (output is None) == (each_pic is None):
        raise session.bad_option(("--output", "--each-pic"), M.err_one_of_export)
    if each_pic is not None and pic is not None:
        raise session.bad_option(("--pic", "--each-pic"), M.err_pic_or_each_pic)
    sheet = chosen_kind(stage, assessor, pic, pic is not None or each_pic is not None, session)
    kind = sheet_kind(output, session) if output is not None else "xlsx"
    catalog = session.catalog()
    assessment = session.load_one(file, catalog, filled=False)
    framework = catalog.get(assessment.framework)
    if each_pic is not None:
        _each_office(assessment, framework, sheet, each_pic, file, session)
    else:
        data = sheet_bytes(assessment, framework, kind, sheet, session)
        session.write(data, inputs=[file])  # a generated output: replaced atomically
    raise typer.Exit(ExitCode.OK)


def _each_office(
    assessment: Assessment, framework: Framework, sheet: SheetKind, folder: str, file: str, session: Session
) -> None:
    """One workbook per office into `folder`: `opd-NAME.xlsx`, a name any system can hold. A workbook
    already there is an office's work: refused without --force, before anything is written."""
    import os
    from dataclasses import replace

    from ...formats.escaping import safe_file_names
    from ...formats.writers.assessment_sheet import offices_of

    offices = offices_of(assessment)
    if not offices:
        raise session.bad_option("--each-pic", M.err_no_offices, path=file)
    names = safe_file_names(offices, prefix="opd-", suffix=".xlsx")
    paths = {office: os.path.join(folder, names[office]) for office in offices}
    if os.path.exists(folder) and not os.path.isdir(folder):
        raise session.bad_option("--each-pic", M.err_not_a_folder, path=folder)
    present = [path for path in paths.values() if os.path.exists(path)]
    if present and not session.force:
        raise session.bad_option("--each-pic", M.err_exists, path=present[0])
    os.makedirs(folder, exist_ok=True)
    for office, path in paths.items():
        data = sheet_bytes(assessment, framework, "xlsx", replace(sheet, office=office), session)
        session.write(data, to=path, inputs=[file], force=True)
    session.say(M.msg_each_pic, count=len(paths), folder=folder)
