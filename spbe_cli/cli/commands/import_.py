"""`spbe import`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, framework_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.framework import Framework
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
    read = _read_sheets(sheets, catalog, options, session)
    if into is None:
        assert output is not None
        _merge_and_write(read, None, output, catalog, session, sheets)
    else:
        from ..locks import LockTimeout, locked

        try:
            with locked(into):  # the read, merge and write of one master: never two runs at once
                _merge_and_write(read, into, into, catalog, session, sheets)
        except LockTimeout as busy:
            session.error(M.err_file_busy, path=busy.path, lock=busy.lock_path)
            raise typer.Exit(ExitCode.USAGE) from None
        except OSError as error:  # the lock file cannot be created: nor could the file be replaced
            session.error(M.err_cannot_write, path=into, reason=error.strerror or error)
            raise typer.Exit(ExitCode.USAGE) from None
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


def _merge_and_write(
    read: list[Assessment], into: str | None, target: str, catalog: Catalog, session: Session, sheets: list[str]
) -> None:
    """The sheets merged into the file `into` (or into a new assessment) and written to `target`; exit 3
    after reporting sheets of another assessment or conflicts between sheets, with nothing written."""
    from ...core.merging import empty_like, merge, strangers
    from ...loading.sheetformat import COLUMN_OF_KEY

    if into is not None:
        base = session.load_one(into, catalog, filled=False)
    else:
        base = empty_like(read[0], catalog.get(read[0].framework))
    refused = strangers(base, read, named=into or sheets[0])  # sheets of another assessment
    merged = merge(base, read)
    refused = refused or [conflict.problem(COLUMN_OF_KEY) for conflict in merged.conflicts]
    refused = refused or [refusal.problem(target, COLUMN_OF_KEY) for refusal in merged.refusals]
    if refused:
        session.report(refused)
        raise typer.Exit(ExitCode.INVALID_INPUT)
    _write(merged.assessment, base, target, into is not None, session.force, catalog, session, sheets)
    _say_what_changed(merged, target, len(read), session)


def _say_what_changed(merged: Merged, target: str, sheets: int, session: Session) -> None:
    """Every value or field the file held that the sheets replaced, one a line, then the counts."""
    from ...core.merging import shown
    from ...loading.sheetformat import COLUMN_OF_KEY

    if merged.kept:
        session.say(M.msg_import_kept, path=target, ids=", ".join(merged.kept), stage=merged.kept_stage)
    if merged.stage_moved is not None:
        old, new = merged.stage_moved
        session.say(M.msg_import_stage, path=target, old=old or "-", new=new)
    for change in merged.changes:
        if change.field == "value":
            session.say(M.msg_import_change, id=change.indicator_id, before=change.before, after=change.after)
        else:
            field = COLUMN_OF_KEY.get(change.field, change.field)
            before, after = shown(change.before), shown(change.after)
            session.say(M.msg_import_field_change, id=change.indicator_id, field=field, before=before, after=after)
    session.say(
        M.msg_imported,
        path=target,
        sheets=sheets,
        added=merged.added,
        changed=len(merged.changes),
        fields=merged.fields_added,
        same=merged.unchanged,
    )


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


def _write(
    merged: Assessment,
    base: Assessment,
    target: str,
    filling: bool,
    force: bool,
    catalog: Catalog,
    session: Session,
    sheets: list[str],
) -> None:
    """The merge written to `target`: the file filled (`filling`, its layout kept), or a new YAML file.
    What is written must read back as the merge (a bug otherwise)."""
    from ...formats.writers.assessment_yaml import assessment_yaml
    from ...loading.loader import parse_assessment

    framework = catalog.get(merged.framework)
    if filling:  # filling the file is the point of --into: replaced atomically
        session.write(_kept_file(target, base, merged, framework, catalog, session), to=target, force=True)
        return
    text = assessment_yaml(merged, framework)
    parse_assessment(text.encode("utf-8"), target, catalog)
    session.write(text, to=target, force=force, inputs=sheets, exclusive=True)


def _kept_file(
    into: str, base: Assessment, merged: Assessment, framework: Framework, catalog: Catalog, session: Session
) -> bytes:
    """The file at `into` with only what the merge changed edited (its comments and layout kept), read
    back and checked to be exactly the merge. Exits 3 with what to do for a file whose text cannot take
    the edit, and 70 rather than write a file that would not read back as the merge."""
    from ...formats.writers.assessment_yaml_edit import NotEditable, comparable, edit_assessment_yaml
    from ...loading.loader import parse_assessment, read_bytes
    from ...loading.yamlread import decode, read_yaml
    from ...problems import InvalidInput, Problem

    data = read_bytes(into)
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    document = read_yaml(data, into)
    try:
        text = decode(data, into)
        edited = bom + edit_assessment_yaml(text, document, base, merged, framework)
        written = edited.encode("utf-8")
        reason = "" if comparable(parse_assessment(written, into, catalog)) == comparable(merged) else "differs"
    except NotEditable as refused:  # a file the edit cannot change as asked: the user is told what to do
        session.report([Problem.at(document.place(refused.path), refused.phrase)])
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except InvalidInput as error:
        first = error.problems[0]
        reason = f"{first.place}: {session.messages(first.message, **first.values)}"
    except (ValueError, KeyError, IndexError) as error:
        reason = type(error).__name__ + (f": {error}" if str(error) else "")
    if reason:
        session.error(M.err_import_not_kept, path=into, reason=reason)
        raise typer.Exit(ExitCode.INTERNAL)
    return written
