"""`spbe init`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ...text import safe_line
from ..app import app
from ..options import DebugOption, ForceOption, FrameworksOption, LangOption, OutputOption
from ..session import Session, framework_named, load_catalog_or_exit, load_one, write_output


@app.command("init")
def init_command(
    framework: Annotated[
        str | None,
        typer.Option(
            "--framework",
            help="The framework of the new file (e.g. pemdi-2026); with --from, move to it.",
            metavar="ID",
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
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write a complete assessment template (every indicator, named) or next year's file."""
    session = Session(lang, "never", output)
    if framework is None and from_file is None:
        raise typer.BadParameter(session.messages(M.err_one_of_init), param_hint="'--framework' / '--from'")
    catalog = load_catalog_or_exit(frameworks, session)
    from ...template import render_move, render_template

    if from_file is not None and framework is not None:
        # --from a file of another framework (2025 SPBE -> 2026 Pemdi): institution, year and offices only.
        previous = load_one(from_file, catalog, session)
        chosen = framework_named(catalog, framework, session, "--framework")
        if chosen.id != previous.framework:
            new_year = year if year is not None else previous.year + 1
            if institution is not None and not institution.strip():
                raise typer.BadParameter(session.messages(M.err_empty), param_hint="'--institution'")
            if not chosen.applies_to(new_year):
                years = f"{chosen.first_year}-{chosen.last_year or ''}"
                message = session.messages(
                    M.msg_outside_years, path=from_file, year=new_year, framework=chosen.id, years=years
                )
                print(safe_line(message), file=sys.stderr)
            text = render_move(chosen, institution or previous.institution, new_year, previous, from_file)
            write_output(text, output, force, session, inputs=[from_file], exclusive=True)
            raise typer.Exit(ExitCode.OK)
    if from_file is not None:
        previous = load_one(from_file, catalog, session)
        chosen = catalog.get(previous.framework)
        new_year = year if year is not None else previous.year + 1
        if not chosen.applies_to(new_year):
            years = f"{chosen.first_year}-{chosen.last_year or ''}"
            message = session.messages(
                M.msg_outside_years, path=from_file, year=new_year, framework=chosen.id, years=years
            )
            print(safe_line(message), file=sys.stderr)
        text = render_template(chosen, institution or previous.institution, new_year, previous)
    else:
        assert framework is not None  # one of --framework and --from, checked above
        chosen = framework_named(catalog, framework, session, "--framework")
        if year is None:
            import datetime

            year = min(max(datetime.date.today().year, chosen.first_year), chosen.last_year or 2100)
        if institution is not None and not institution.strip():
            raise typer.BadParameter(session.messages(M.err_empty), param_hint="'--institution'")
        text = render_template(chosen, institution or "Nama Instansi", year)
    write_output(
        text,
        output,
        force,
        session,
        inputs=[*([from_file] if from_file else []), *([frameworks] if frameworks else [])],
        exclusive=True,
    )
    raise typer.Exit(ExitCode.OK)
