"""`spbe init`."""

from __future__ import annotations

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
    from ...formats.writers.assessment_sheet import SheetKind
    from ...loading.catalog import Catalog


@app.command("init", help=help_text(M.help_init))
@shared_options("output", "force", "frameworks", "lang", "encoding", force=M.help_init_force)
def init_command(
    framework: Annotated[str | None, framework_option(M.help_init_framework)] = None,
    from_file: Annotated[
        str | None,
        typer.Option("--from", help=help_text(M.help_init_from), metavar="FILE"),
    ] = None,
    institution: Annotated[
        str | None, typer.Option("--institution", help=help_text(M.help_init_institution), metavar="NAME")
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help=help_text(M.help_init_year), min=2000, max=2100, metavar="YEAR")
    ] = None,
    pic: Annotated[
        str | None,
        typer.Option("--pic", help=help_text(M.help_init_pic), metavar="OPD"),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help=help_text(M.help_init_stage), metavar="STAGE"),
    ] = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(from_file,))
    kind = None
    if session.output is not None and session.output.lower().endswith((".xlsx", ".csv")):
        from .export import sheet_kind

        kind = sheet_kind(session.output, session)
    elif pic is not None:
        raise session.bad_option("--pic", M.err_pic_needs_sheet)
    elif stage is not None:
        raise session.bad_option("--stage", M.err_sheet_option_needs_sheet, option="--stage")
    if framework is None and from_file is None:
        raise session.bad_option(("--framework", "--from"), M.err_one_of_init)
    if institution is not None and _blank(institution):  # spaces or invisible characters only: as empty as ""
        raise session.bad_option("--institution", M.err_empty)
    from .export import chosen_kind

    sheet = chosen_kind(stage, False, pic, True, session)
    catalog = session.catalog()
    if from_file is None:
        assert framework is not None  # one of --framework and --from, checked above
        chosen = session.framework(catalog, framework, "--framework")
        text = _new_template(chosen, institution, year, session)
    else:
        chosen, text, offices = _from_previous(from_file, framework, institution, year, catalog, session)
        from dataclasses import replace

        sheet = replace(sheet, offices=tuple(offices))
    _write(text, chosen, catalog, kind, sheet, session, [from_file] if from_file else [])


def _new_template(chosen: Framework, institution: str | None, year: int | None, session: Session) -> str:
    """A template of `chosen`, every indicator empty, for `year` (default: this year, within the framework's)."""
    from ...core.readiness import PLACEHOLDER_INSTITUTION
    from ...formats.writers.template import render_template

    if year is None:
        import datetime

        year = min(max(datetime.date.today().year, chosen.first_year), chosen.last_year or 2100)
    from ...loading.criteria import criteria_for

    named = institution or PLACEHOLDER_INSTITUTION
    return render_template(chosen, named, year, messages=session.messages, criteria=criteria_for(chosen))


def _from_previous(
    from_file: str,
    framework: str | None,
    institution: str | None,
    year: int | None,
    catalog: Catalog,
    session: Session,
) -> tuple[Framework, str, list[str]]:
    """Next year's file from `from_file`: its values (an unfilled value stays unfilled), or, moving to
    another framework (2025 SPBE -> 2026 Pemdi), its institution, year and offices only; and the offices
    it names (a workbook offers them to pick from)."""
    from ...formats.writers.assessment_sheet import offices_of
    from ...formats.writers.template import render_move, render_template
    from ...loading.criteria import criteria_for

    previous = session.load_one(from_file, catalog, filled=False)
    chosen = catalog.get(previous.framework)
    if framework is not None:
        chosen = session.framework(catalog, framework, "--framework")
    new_year = year if year is not None else _next_year(previous, from_file, session)
    session.note_years(from_file, chosen, new_year)
    name = institution or previous.institution
    criteria = criteria_for(chosen)
    if chosen.id != previous.framework:
        text = render_move(chosen, name, new_year, previous, from_file, session.messages, criteria)
        return chosen, text, offices_of(previous)
    return chosen, render_template(chosen, name, new_year, previous, session.messages, criteria), offices_of(previous)


def _blank(text: str) -> bool:
    import unicodedata

    return not any(c.isprintable() and not c.isspace() and unicodedata.category(c) != "Cf" for c in text)


def _next_year(previous: Assessment, from_file: str, session: Session) -> int:
    """The year after `previous`'s, or exit 2 when that is past what an assessment file may say (2100)."""
    from ...loading.keys import YEAR_MAX

    if previous.year + 1 > YEAR_MAX:
        raise session.bad_option(
            "--year", M.err_init_year, path=from_file, year=previous.year, next=previous.year + 1, last=YEAR_MAX
        )
    return previous.year + 1


def _write(
    text: str,
    chosen: Framework,
    catalog: Catalog,
    kind: str | None,
    sheet: SheetKind,
    session: Session,
    inputs: list[str],
) -> None:
    """The YAML template, or (kind xlsx/csv) the same assessment as a workbook; exit 0.

    What is written must validate: read back first, a file that would not is never written (exit 70)."""
    from ...loading.loader import parse_assessment
    from ...problems import InvalidInput

    try:
        assessment = parse_assessment(text.encode("utf-8"), session.output or "-", catalog)
    except InvalidInput as error:
        session.report(error.problems)
        session.error(M.err_template_invalid)
        raise typer.Exit(ExitCode.INTERNAL) from None
    if kind is not None:
        # The workbook holds exactly what the YAML template holds: the template read back, written as a sheet.
        from .export import sheet_bytes

        session.write(sheet_bytes(assessment, chosen, kind, sheet, session), inputs=inputs, exclusive=True)
    else:
        session.write(text, inputs=inputs, exclusive=True)
    raise typer.Exit(ExitCode.OK)
