"""`spbe import`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Any

import typer

from ...exitcodes import ExitCode
from ...formats.escaping import terminal_line
from ...i18n import M
from .. import completion
from ..app import app
from ..help import help_text
from ..options import DebugOption, EncodingOption, FrameworksOption, LangOption, Shared
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.framework import Framework
    from ...i18n import Phrase
    from ...loading.catalog import Catalog


# --force matters only with -o, a new file a person will edit; --into fills its file by design.
ForceOption = Annotated[bool, typer.Option("--force", help=help_text(M.help_import_force))]


@app.command("import", help=help_text(M.help_import))
def import_command(
    sheets: Annotated[
        list[str],
        typer.Argument(help=help_text(M.help_import_sheets), show_default=False, metavar="SHEET"),
    ],
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help=help_text(M.help_import_output), metavar="PATH"),
    ] = None,
    into: Annotated[
        str | None,
        typer.Option("--into", help=help_text(M.help_import_into), metavar="FILE"),
    ] = None,
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help=help_text(M.help_import_framework),
            metavar="ID",
            autocompletion=completion.framework_ids,
        ),
    ] = None,
    institution: Annotated[
        str | None,
        typer.Option("--institution", help=help_text(M.help_import_institution), metavar="NAME"),
    ] = None,
    year: Annotated[
        int | None,
        typer.Option("--year", help=help_text(M.help_import_year), min=2000, max=2100, metavar="YEAR"),
    ] = None,
    stage: Annotated[str | None, typer.Option("--stage", help=help_text(M.help_import_stage), metavar="STAGE")] = None,
    encoding: EncodingOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    session = start(Shared(output=output or into, force=force, frameworks=frameworks, lang=lang, encoding=encoding))
    if (output is None) == (into is None):
        raise typer.BadParameter(session.messages(M.err_one_of_import), param_hint="'--output' / '--into'")
    catalog = session.catalog()
    from ...core.assessment import Assessment, Entry
    from ...core.merging import merge
    from ...formats.writers.assessment_yaml import assessment_yaml
    from ...loading.assessment_sheet import SheetOptions, located, sheet_document
    from ...loading.loader import parse_assessment, read_bytes, validate_document
    from ...loading.sheetformat import is_sheet
    from ...problems import InvalidInput

    options = SheetOptions(framework, institution, year, stage, encoding, partial=True)
    read = []
    for path in sheets:
        try:
            data = read_bytes(path)
            if is_sheet(path, data) is None:
                session.error(M.err_not_a_sheet, path=path)
                raise typer.Exit(ExitCode.INVALID_INPUT)
            document = sheet_document(data, path, catalog, options, session.warn)
            read.append((located(validate_document(document, catalog), document), document))
        except InvalidInput as error:
            session.report(error.problems)
            session.failed.append(path)
    if session.failed:
        raise typer.Exit(ExitCode.INVALID_INPUT)

    if into is not None:
        base = session.load_one(into, catalog, filled=False)
    else:
        first = read[0][0]
        empty = {i.id: Entry(values=None) for i in catalog.get(first.framework).indicators}
        base = Assessment(first.framework, first.institution, first.year, empty)
    for sheet, document in read:
        for name in ("framework", "year", "institution"):
            if getattr(sheet, name) != getattr(base, name):
                problem = document.problem(
                    (name,), _differs(name, getattr(sheet, name), getattr(base, name), into or read[0][1].path)
                )
                session.report([problem])
                session.failed.append(document.path)
    if session.failed:
        raise typer.Exit(ExitCode.INVALID_INPUT)

    def where_in(document: Any) -> Callable[[str, str], str]:
        def where(indicator_id: str, field: str) -> str:
            path = ("levels", indicator_id, field)
            found = document.locate(path)
            if isinstance(found, tuple):
                table, row, col, _ = found
                return f"{document.path}:{table.cell(row, col)}"
            return str(document.path)

        return where

    merged = merge(base, [(sheet, where_in(document)) for sheet, document in read])
    if merged.conflicts:
        for conflict in merged.conflicts:
            field = conflict.field if conflict.field != "level" else "nilai"
            print(
                terminal_line(
                    f"{conflict.second}: "
                    + session.messages(
                        M.err_merge_conflict, id=conflict.indicator_id, field=field, first=conflict.first
                    )
                ),
                file=sys.stderr,
            )
        raise typer.Exit(ExitCode.INVALID_INPUT)
    framework_of = catalog.get(merged.assessment.framework)
    target = into or output
    assert target is not None
    kept = _kept_file(into, base, merged.assessment, framework_of, catalog, session) if into is not None else None
    if kept is not None:
        session.write(kept, to=target, force=True)  # filling the file is the point of --into: replaced atomically
    elif into is not None:
        text = assessment_yaml(merged.assessment, framework_of)  # --into a workbook: written as YAML, as before
        parse_assessment(text.encode("utf-8"), target, catalog)  # what is written must read back (a bug otherwise)
        session.write(text, to=into, force=True)
    else:
        text = assessment_yaml(merged.assessment, framework_of)
        parse_assessment(text.encode("utf-8"), target, catalog)  # what is written must read back (a bug otherwise)
        session.write(text, to=target, force=force, inputs=sheets, exclusive=True)
    print(
        terminal_line(session.messages(M.msg_imported, count=merged.filled, sheets=len(read), path=target)),
        file=sys.stderr,
    )
    raise typer.Exit(ExitCode.OK)


def _differs(name: str, given: object, expected: object, where: str) -> Phrase:
    from ...i18n import M, Phrase

    return Phrase(M.err_sheet_differs, field=name, given=given, expected=expected, where=where)


def _kept_file(
    into: str, base: Assessment, merged: Assessment, framework: Framework, catalog: Catalog, session: Session
) -> bytes | None:
    """The file at `into` with only what the merge changed edited (its comments and layout kept), read
    back and checked to be exactly the merge; None for a workbook. Exits 70 rather than write a file
    that would not read back as the merge."""
    from ...formats.writers.assessment_yaml_edit import comparable, edit_assessment_yaml
    from ...loading.loader import parse_assessment, read_bytes
    from ...loading.sheetformat import is_sheet
    from ...loading.yamlread import decode, read_yaml
    from ...problems import InvalidInput

    data = read_bytes(into)
    if is_sheet(into, data) is not None:
        return None
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    try:
        text = decode(data, into)
        edited = bom + edit_assessment_yaml(text, read_yaml(data, into), base, merged, framework)
        written = edited.encode("utf-8")
        reason = "" if comparable(parse_assessment(written, into, catalog)) == comparable(merged) else "differs"
    except InvalidInput as error:
        first = error.problems[0]
        reason = f"{first.location}: {session.messages(first.message, **first.values)}"
    except (ValueError, KeyError, IndexError) as error:
        reason = type(error).__name__ + (f": {error}" if str(error) else "")
    if reason:
        session.error(M.err_import_not_kept, path=into, reason=reason)
        raise typer.Exit(ExitCode.INTERNAL)
    return written
