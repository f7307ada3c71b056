"""`spbe import`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ...problems import os_reason
from ..app import app
from ..help import help_text
from ..options import Shared, framework_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.merging import Merged
    from ...loading.assessment_sheet import SheetOptions
    from ...loading.catalog import Catalog


SheetsArgument = Annotated[
    list[str],
    typer.Argument(help=help_text(M.help_import_sheets), show_default=False, metavar="SHEET"),
]
NewFileOption = Annotated[
    str | None, typer.Option("--output", "-o", help=help_text(M.help_import_output), metavar="PATH")
]
IntoOption = Annotated[
    str | None,
    typer.Option("--into", help=help_text(M.help_import_into), metavar="FILE"),
]
SheetFrameworkOption = Annotated[str | None, framework_option(M.help_import_framework)]
InstitutionOption = Annotated[
    str | None,
    typer.Option("--institution", help=help_text(M.help_import_institution), metavar="NAME"),
]
YearOption = Annotated[
    int | None,
    typer.Option("--year", help=help_text(M.help_import_year), min=2000, max=2100, metavar="YEAR"),
]
SheetStageOption = Annotated[str | None, typer.Option("--stage", help=help_text(M.help_import_stage), metavar="STAGE")]


# --force matters only with -o, a new file a person will edit; --into fills its file by design.
@app.command("import", help=help_text(M.help_import))
@shared_options("encoding", "force", "frameworks", "lang", force=M.help_import_force)
def import_command(
    sheets: SheetsArgument,
    output: NewFileOption = None,
    into: IntoOption = None,
    framework: SheetFrameworkOption = None,
    institution: InstitutionOption = None,
    year: YearOption = None,
    stage: SheetStageOption = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared.with_output(output or into))
    if (output is None) == (into is None):
        raise typer.BadParameter(session.messages(M.err_one_of_import), param_hint="'--output' / '--into'")
    stage = session.stage(stage)
    if into is not None:
        _assessment_file(into, session)
    catalog = session.catalog()
    from ...loading.assessment_sheet import SheetOptions

    options = SheetOptions(framework, institution, year, stage, shared.encoding, partial=True)
    if into is not None:  # a sheet that does not say its assessment (no Info sheet) is the master's
        from ..filling import master_says

        options.fallback = master_says(into, catalog)
    read = _read_sheets(sheets, catalog, options, session)
    if into is None:
        assert output is not None
        _merge_into_new(read, output, catalog, session, sheets)
    else:
        _fill(read, into, catalog, session)
    raise typer.Exit(ExitCode.OK)


def _assessment_file(into: str, session: Session) -> None:
    """--into names an assessment file (YAML): a workbook or CSV sheet is refused before anything is
    read (it would be replaced by YAML text under its own name), and so is standard input."""
    from ...loading.sheetformat import is_sheet

    head = b""
    if into != "-" and os.path.isfile(into):
        with open(into, "rb") as handle:
            head = handle.read(4)
    lowered = into.lower()
    if into == "-" or is_sheet(into, head) is not None or lowered.endswith((".ods", ".xls", ".xlsb")):
        raise session.bad_option("--into", M.err_into_not_yaml, path=into)


def _merge_into_new(read: list[Assessment], output: str, catalog: Catalog, session: Session, sheets: list[str]) -> None:
    """The sheets merged into a new assessment written to `output` (-o); exit 3 after reporting sheets of
    another assessment or conflicts between sheets, with nothing written."""
    from ...core.merging import empty_like, merge, strangers
    from ...formats.writers.assessment_yaml import assessment_yaml
    from ...loading.loader import parse_assessment
    from ...loading.sheetformat import COLUMN_OF_KEY

    base = empty_like(read[0], catalog.get(read[0].framework))
    refused = strangers(base, read, named=sheets[0])  # sheets of another assessment
    merged = merge(base, read)
    refused = refused or [conflict.problem(COLUMN_OF_KEY) for conflict in merged.conflicts]
    refused = refused or [refusal.problem(output, COLUMN_OF_KEY) for refusal in merged.refusals]
    if refused:
        session.report(refused)
        raise typer.Exit(ExitCode.INVALID_INPUT)
    text = assessment_yaml(merged.assessment, catalog.get(merged.assessment.framework))
    parse_assessment(text.encode("utf-8"), output, catalog)  # what is written must read back
    session.write(text, to=output, force=session.force, inputs=sheets, exclusive=True)
    _say_what_changed(merged, output, len(read), session)


def _fill(read: list[Assessment], into: str, catalog: Catalog, session: Session) -> None:
    """The sheets merged into the file `into`, written as cli/filling.py fills a file (locked, atomic,
    comments kept, read back). Exit 3 after reporting what stops it (nothing written), 2 when the file
    cannot be written or stays locked, 70 rather than write a file that would not read back as the merge."""
    from ...problems import InvalidInput
    from ..filling import CannotEdit, NotKept, fill
    from ..locks import LockTimeout
    from ..output import OutputError

    try:
        filling, _ = fill(into, read, catalog, warn=session.warn, encoding=session.encoding)
    except (InvalidInput, CannotEdit) as error:  # the file cannot be read, or cannot take the edit
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except NotKept as bug:
        reason = bug.reason if isinstance(bug.reason, str) else bug.reason.render(session.messages)
        session.error(M.err_import_not_kept, path=into, reason=reason)
        raise typer.Exit(ExitCode.INTERNAL) from None
    except LockTimeout as busy:
        session.error(M.err_file_busy, path=busy.path, lock=busy.lock_path)
        raise typer.Exit(ExitCode.USAGE) from None
    except OutputError as error:
        session.error(error.message, **error.values)
        raise typer.Exit(error.code) from None
    except OSError as error:  # the lock file cannot be created: nor could the file be replaced
        session.error(M.err_cannot_write, path=into, reason=os_reason(error))
        raise typer.Exit(ExitCode.USAGE) from None
    if not filling.accepted:
        session.report(filling.refused)
        raise typer.Exit(ExitCode.INVALID_INPUT)
    session.note_years(into, catalog.get(filling.base.framework), filling.base.year)
    _say_what_changed(filling.merged, into, len(read), session)


def _say_what_changed(merged: Merged, target: str, sheets: int, session: Session) -> None:
    """Every value or field the file held that the sheets replaced, one a line, then the counts."""
    from ..filling import what_changed

    for line in what_changed(merged, target, sheets):
        session.say(line.message, **line.values)


def _read_sheets(paths: list[str], catalog: Catalog, options: SheetOptions, session: Session) -> list[Assessment]:
    """Every sheet read and checked, located by cell; exit 3 after reporting the problems of any."""
    from ...loading.loader import parse_sheet, read_bytes
    from ...loading.sheetformat import is_sheet
    from ...problems import InvalidInput

    read = []
    for path in paths:
        try:
            data = read_bytes(path)
            if is_sheet(path, data) is None:
                session.error(M.err_not_a_sheet, path=path)
                raise typer.Exit(ExitCode.INVALID_INPUT)
            read.append(parse_sheet(data, path, catalog, options, session.warn))
        except InvalidInput as error:
            session.report(error.problems)
            session.failed.append(path)
    if session.failed:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    return read
