"""`spbe rank`."""

from __future__ import annotations

from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from .. import completion
from ..app import app
from ..options import (
    ColorOption,
    DebugOption,
    EncodingOption,
    ForceOption,
    FrameworksOption,
    LangOption,
    OutputOption,
    format_option,
)
from ..session import (
    assessment_paths,
    choice,
    load_catalog_or_exit,
    scored,
    stage_option,
    start,
    write_output,
)


@app.command("rank")
def rank_command(
    paths: Annotated[
        list[str],
        typer.Argument(help="Assessment files or folders (searched recursively).", show_default=False, metavar="PATH"),
    ],
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="Group the ranking: year.", metavar="year", autocompletion=completion.groupings("year")
        ),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help="Rank every file at this stage (default: each file's own).", metavar="STAGE"),
    ] = None,
    fmt: Annotated[str, format_option("rank")] = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Rank many institutions: per framework (and --by year), with a summary per group."""
    session = start(
        lang,
        color,
        output,
        inputs=(
            paths,
            frameworks,
        ),
        fmt=fmt,
        renders="rank",
        encoding=encoding,
    )
    if by is not None:
        choice(by, ("year",), session, "--by")
    catalog = load_catalog_or_exit(frameworks, session)
    from ...core.ranking import rank, row

    files = assessment_paths(paths, session)
    stages: set[str | None] = set()

    def noted(result):
        stages.add(result.stage)
        return result

    at = stage_option(stage, session)
    rows = [row(noted(result)) for result in scored(files, catalog, session, at)]  # rows only: memory stays flat
    if len(stages) > 1:  # a self-assessment ranked beside a final result is no fair comparison
        named = ", ".join(sorted(s or "-" for s in stages))
        session.error(M.rank_mixed_stages, stages=named)
    if not rows and not session.failed:
        session.error(M.err_no_files, paths=", ".join(paths))
        raise typer.Exit(ExitCode.INVALID_INPUT)
    result = rank(rows, by_year=by == "year", failed=session.failed, order=catalog.ids)
    for group in result.groups:  # a ranking read at a glance can mislead: say so on standard error
        if group.repeated_institutions:
            names = ", ".join(group.repeated_institutions)
            session.error(M.rank_repeated, framework=group.framework.id, names=names)
        if group.year is None and len(group.years) > 1:
            years = ", ".join(map(str, group.years))
            session.error(M.rank_mixed_years, framework=group.framework.id, years=years)
    from ...formats import load as load_format

    inputs = [*files, *([frameworks] if frameworks else [])]
    write_output(load_format(fmt).rank(result, session.options(fmt)), output, force, session, inputs=inputs)
    raise typer.Exit(ExitCode.INVALID_INPUT if session.failed else ExitCode.OK)
