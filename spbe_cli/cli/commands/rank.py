"""`spbe rank`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, by_option, format_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.ranking import RankResult


@app.command("rank", help=help_text(M.help_rank))
@shared_options("output", "force", "frameworks", "lang", "color", "encoding")
def rank_command(
    paths: Annotated[
        list[str],
        typer.Argument(help=help_text(M.help_rank_paths), show_default=False, metavar="PATH"),
    ],
    by: Annotated[str | None, by_option(M.help_rank_by, "year")] = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help=help_text(M.help_rank_stage), metavar="STAGE"),
    ] = None,
    fmt: Annotated[str, format_option("rank")] = "table",
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(paths,), fmt=fmt, renders="rank")
    if by is not None:
        session.choice(by, ("year",), "--by")
    at = session.stage(stage)
    catalog = session.catalog()
    from ...core.ranking import rank, row

    files = session.assessment_paths(paths)
    stages: set[str | None] = set()
    rows = []  # rows only: memory stays flat
    for scored in session.score_files(files, catalog, at):
        stages.add(scored.stage)
        rows.append(row(scored))
    if len(stages) > 1:  # a self-assessment ranked beside a final result is no fair comparison
        session.error(M.rank_mixed_stages, stages=", ".join(sorted(s or "-" for s in stages)))
    if not rows and not session.failed:
        session.error(M.err_no_files, paths=", ".join(paths))
        raise typer.Exit(ExitCode.INVALID_INPUT)
    result = rank(rows, by_year=by == "year", failed=session.failed, order=catalog.ids)
    _warn_about_groups(result, session)
    from ...formats import load as load_format

    session.write(load_format(fmt).rank(result, session.options(fmt)), inputs=files)
    raise typer.Exit(ExitCode.INVALID_INPUT if session.failed else ExitCode.OK)


def _warn_about_groups(result: RankResult, session: Session) -> None:
    """A ranking read at a glance can mislead: say so on standard error."""
    for group in result.groups:
        if group.repeated_institutions:
            names = ", ".join(group.repeated_institutions)
            session.error(M.rank_repeated, framework=group.framework.id, names=names)
        if group.year is None and len(group.years) > 1:
            years = ", ".join(map(str, group.years))
            session.error(M.rank_mixed_years, framework=group.framework.id, years=years)
