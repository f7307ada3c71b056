"""`spbe init`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from .. import completion
from ..app import app
from ..options import DebugOption, EncodingOption, ForceOption, FrameworksOption, LangOption, OutputOption
from ..session import framework_named, load_catalog_or_exit, load_one, start, write_output


@app.command("init")
def init_command(
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="The framework of the new file (e.g. pemdi-2026); with --from, move to it.",
            metavar="ID",
            autocompletion=completion.framework_ids,
        ),
    ] = None,
    from_file: Annotated[
        str | None,
        typer.Option("--from", help="Start next year's file from this one: same levels, year + 1.", metavar="FILE"),
    ] = None,
    institution: Annotated[
        str | None, typer.Option("--institution", help="The institution's name.", metavar="NAME")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The evaluation year.", min=2000, max=2100, metavar="YEAR")
    ] = None,
    output: OutputOption = None,
    pic: Annotated[
        str | None,
        typer.Option(
            "--pic", help="With -o NAME.xlsx: only this office's indicators (the sheet to send it).", metavar="OPD"
        ),
    ] = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Write a complete assessment template (every indicator, named) or next year's file.

    With -o NAME.xlsx (or NAME.csv) it is the assessment workbook, ready to fill in Excel.
    """
    session = start(
        lang,
        "never",
        output,
        inputs=(
            from_file,
            frameworks,
        ),
        encoding=encoding,
    )
    kind = None
    if output is not None and output.lower().endswith((".xlsx", ".csv")):
        from .export import sheet_kind

        kind = sheet_kind(output, session)
    elif pic is not None:
        raise typer.BadParameter(session.messages(M.err_pic_needs_sheet), param_hint="'--pic'")
    if framework is None and from_file is None:
        raise typer.BadParameter(session.messages(M.err_one_of_init), param_hint="'--framework' / '--from'")
    if institution is not None and _blank(institution):  # spaces or invisible characters only: as empty as ""
        raise typer.BadParameter(session.messages(M.err_empty), param_hint="'--institution'")
    catalog = load_catalog_or_exit(frameworks, session)
    from ...formats.writers.template import render_move, render_template

    if from_file is not None and framework is not None:
        # --from a file of another framework (2025 SPBE -> 2026 Pemdi): institution, year and offices only.
        previous = load_one(from_file, catalog, session, filled=False)
        chosen = framework_named(catalog, framework, session, "--framework")
        if chosen.id != previous.framework:
            new_year = year if year is not None else _next_year(previous, from_file, session)
            session.note_years(from_file, chosen, new_year)
            text = render_move(
                chosen, institution or previous.institution, new_year, previous, from_file, session.messages
            )
            _write(text, chosen, catalog, kind, pic, output, force, session, [from_file])
    if from_file is not None:
        previous = load_one(from_file, catalog, session, filled=False)  # an unfilled value stays unfilled
        chosen = catalog.get(previous.framework)
        new_year = year if year is not None else _next_year(previous, from_file, session)
        session.note_years(from_file, chosen, new_year)
        text = render_template(chosen, institution or previous.institution, new_year, previous, session.messages)
    else:
        assert framework is not None  # one of --framework and --from, checked above
        chosen = framework_named(catalog, framework, session, "--framework")
        if year is None:
            import datetime

            year = min(max(datetime.date.today().year, chosen.first_year), chosen.last_year or 2100)
        from ...core.readiness import PLACEHOLDER_INSTITUTION

        text = render_template(chosen, institution or PLACEHOLDER_INSTITUTION, year, messages=session.messages)
    inputs = [*([from_file] if from_file else []), *([frameworks] if frameworks else [])]
    _write(text, chosen, catalog, kind, pic, output, force, session, inputs)


def _blank(text: str) -> bool:
    import unicodedata

    return not any(c.isprintable() and not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _next_year(previous, from_file: str, session) -> int:
    """The year after `previous`'s, or exit 2 when that is past what an assessment file may say (2100)."""
    from ...loading.models import YEAR_MAX

    if previous.year + 1 > YEAR_MAX:
        message = session.messages(
            M.err_init_year, path=from_file, year=previous.year, next=previous.year + 1, last=YEAR_MAX
        )
        raise typer.BadParameter(message, param_hint="'--year'")
    return previous.year + 1


def _write(text: str, chosen, catalog, kind: str | None, pic: str | None, output, force: bool, session, inputs) -> None:
    """The YAML template, or (kind xlsx/csv) the same assessment as a workbook; exit 0.

    What is written must validate: read back first, a file that would not is never written (exit 70)."""
    from ...loading.loader import parse_assessment
    from ...problems import InvalidInput

    try:
        assessment = parse_assessment(text.encode("utf-8"), output or "-", catalog)
    except InvalidInput as error:
        session.report(error.problems)
        session.error(M.err_template_invalid)
        raise typer.Exit(ExitCode.INTERNAL) from None
    if kind is not None:
        # The workbook holds exactly what the YAML template holds: the template read back, written as a sheet.
        from .export import sheet_bytes

        data = sheet_bytes(assessment, chosen, kind, pic, session)
        write_output(data, output, force, session, inputs=inputs, exclusive=True)
        raise typer.Exit(ExitCode.OK)
    write_output(text, output, force, session, inputs=inputs, exclusive=True)
    raise typer.Exit(ExitCode.OK)
