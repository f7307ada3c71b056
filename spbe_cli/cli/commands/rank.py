"""`spbe rank`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, by_option, format_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.ranking import RankResult
    from ...formats import ReferenceLine


@app.command("rank", help=help_text(M.help_rank))
@shared_options("output", "force", "frameworks", "lang", "color", "encoding")
def rank_command(
    paths: Annotated[
        list[str],
        typer.Argument(help=help_text(M.help_rank_paths), show_default=False, metavar="PATH"),
    ],
    by: Annotated[str | None, by_option(M.help_rank_by, "year", "category", "province")] = None,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help=help_text(M.help_rank_stage), metavar="STAGE"),
    ] = None,
    among_published: Annotated[
        int | None,
        typer.Option("--among-published", help=help_text(M.help_rank_among_published), metavar="YEAR"),
    ] = None,
    fmt: Annotated[str, format_option("rank")] = "table",
    title: Annotated[str | None, typer.Option("--title", help=help_text(M.help_rank_title), metavar="TEXT")] = None,
    reference: Annotated[
        str | None, typer.Option("--reference", help=help_text(M.help_rank_reference), metavar="INDEX")
    ] = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(paths,), fmt=fmt, renders="rank")
    for option, given in (("--title", title), ("--reference", reference)):
        if given is not None and fmt != "html":
            raise session.bad_option((option, "--format"), M.err_html_only, option=option)
    if among_published is not None:
        if reference is not None:
            raise session.bad_option(("--reference", "--among-published"), M.err_reference_among)
        _among_published(paths, among_published, by, stage, fmt, title, session)
    if by is not None:
        session.choice(by, ("year",), "--by")
    line = _reference(reference, session)
    at = session.stage(stage)
    catalog = session.catalog()
    from ...core.ranking import rank, row

    files = session.assessment_paths(paths)
    stages: set[str | None] = set()
    rows = []  # rows only: memory stays flat
    for scored in session.compared(session.score_files(files, catalog, at), position=True):
        stages.add(scored.stage)
        rows.append(row(scored))
    if len(stages) > 1:  # a self-assessment ranked beside a final result is no fair comparison
        session.error(M.rank_mixed_stages, stages=", ".join(sorted(s or "-" for s in stages)))
    if not rows and not session.failed:
        session.error(M.err_no_files, paths=", ".join(paths))
        raise typer.Exit(ExitCode.INVALID_INPUT)
    # The page keeps kabupaten and kota apart, as the official reports average them apart.
    result = rank(rows, by_year=by == "year", failed=session.failed, order=catalog.ids, by_kind=fmt == "html")
    _warn_about_groups(result, session)
    frameworks = sorted({group.framework.id for group in result.groups})
    if line is not None and len(frameworks) > 1:  # one average cannot be read on two instruments' scales
        raise session.bad_option("--reference", M.err_reference_frameworks, frameworks=", ".join(frameworks))
    from dataclasses import replace

    from ...formats import load as load_format

    options = replace(session.options(fmt), title=title, reference=line)
    session.write(load_format(fmt).rank(result, options), inputs=files)
    raise typer.Exit(session.exit_code())


def _reference(text: str | None, session: Session) -> ReferenceLine | None:
    """--reference "3.12" or "3,12 Rata-rata nasional 2024": an index, then what it is (optional)."""
    if text is None:
        return None
    from ...formats import ReferenceLine

    number, _, label = text.strip().partition(" ")
    value = session.decimal(number, "--reference")
    assert value is not None
    if not 0 <= value <= 5:
        raise session.bad_option("--reference", M.err_reference_range, value=text)
    return ReferenceLine(value, " ".join(label.split()) or None)


def _among_published(
    paths: list[str], year: int, by: str | None, stage: str | None, fmt: str, title: str | None, session: Session
) -> NoReturn:
    """`--among-published YEAR`: the files ranked inside that year's published results of their category
    or province, each marked; a file that cannot be placed is said on standard error (exit 3)."""
    from ...core.published import place_among
    from ...loading.published import packaged

    scope = session.choice(by or "category", ("category", "province"), "--by")
    data = packaged()
    if year not in data.result_years():
        years = ", ".join(map(str, data.result_years()))
        raise session.bad_option("--among-published", M.err_pub_year, year=year, years=years)
    at = session.stage(stage)
    catalog = session.catalog()
    files = session.assessment_paths(paths)
    placement = place_among(session.score_files(files, catalog, at), data, year, scope)
    for where, reason in placement.unplaced:
        session.error_at(where, UNPLACED[reason], year=year)
    from dataclasses import replace

    from ...formats import load as load_format

    options = replace(session.options(fmt), title=title)
    session.write(load_format(fmt).placement(placement, options), inputs=files)
    failed = session.failed or placement.unplaced
    raise typer.Exit(ExitCode.INVALID_INPUT if failed else ExitCode.OK)


# Why a file is not placed among the published results, by the reason core/published.py gives.
UNPLACED = {
    "framework": M.err_among_framework,
    "category": M.err_among_category,
    "province": M.err_among_province,
}


def _warn_about_groups(result: RankResult, session: Session) -> None:
    """A ranking read at a glance can mislead: say so on standard error."""
    for group in result.groups:
        if group.repeated_institutions:
            names = ", ".join(group.repeated_institutions)
            session.error(M.rank_repeated, framework=group.framework.id, names=names)
        if group.year is None and len(group.years) > 1:
            years = ", ".join(map(str, group.years))
            session.error(M.rank_mixed_years, framework=group.framework.id, years=years)
