"""`spbe published`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M, Phrase
from ..app import app
from ..help import help_text
from ..options import Shared, format_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.figures import PublishedResult
    from ...core.framework import Framework
    from ...loading.catalog import Catalog

KindOption = Annotated[str | None, typer.Option("--kind", help=help_text(M.help_published_kind), metavar="KIND")]


@app.command("published", help=help_text(M.help_published))
@shared_options("output", "force", "frameworks", "lang", "color")
def published_command(
    name: Annotated[
        str | None,
        typer.Argument(
            help=help_text(M.help_published_name),
            show_default=False,
            metavar="NAME",
        ),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=help_text(M.help_published_year), metavar="YEAR")] = None,
    kind: KindOption = None,
    province: Annotated[
        str | None, typer.Option("--province", help=help_text(M.help_published_province), metavar="PROVINCE")
    ] = None,
    fmt: Annotated[str, format_option("published")] = "table",
    *,
    shared: Shared,
) -> None:
    from ...core import published as figures
    from ...loading.published import packaged

    session = start(shared, fmt=fmt, renders="published")
    if kind is not None:
        from ...core.categories import KINDS

        session.choice(kind, KINDS, "--kind")
    data = packaged()
    years = data.result_years()
    if year is not None and year not in years:
        raise session.bad_option("--year", M.err_pub_year, year=year, years=", ".join(map(str, years)))
    rows: tuple[PublishedResult, ...] = tuple(
        row for y in (years if year is None else (year,)) for row in data.results(y)
    )
    chosen = _province(province, rows, session)
    rows = figures.select(rows, kind=kind, province=chosen)
    matched: tuple[str, ...] = ()
    if name is not None:
        found = figures.lookup(name, rows)
        if not found.found:
            hint = Phrase(M.hint_did_you_mean_names, names=", ".join(found.suggestions)) if found.suggestions else ""
            raise session.bad_option("NAME", M.err_pub_not_found, query=name, hint=hint)
        if found.ambiguous:
            names = "; ".join(found.institutions)
            session.error(M.pub_ambiguous, count=len(found.institutions), query=name, names=names)
        rows, matched = found.rows, found.institutions
    frameworks = _frameworks(session.catalog(), years)
    listing = figures.listing(
        rows, data, frameworks, query=name, matched=matched, year=year, kind=kind, province=chosen
    )
    from ...formats import load as load_format

    session.write(load_format(fmt).published(listing, session.options(fmt)))
    raise typer.Exit(ExitCode.OK)


def _province(text: str | None, rows: tuple[PublishedResult, ...], session: Session) -> str | None:
    """The province --province names, or a usage error listing the provinces (exit 2)."""
    if text is None:
        return None
    from ...core.published import find_province, provinces

    known = provinces(rows)
    found = find_province(text, known)
    if not found:
        raise session.bad_option("--province", M.err_pub_province, name=text, choices=", ".join(known))
    if len(found) > 1:
        raise session.bad_option("--province", M.err_pub_province_several, name=text, names=", ".join(found))
    return found[0]


def _frameworks(catalog: Catalog, years: tuple[int, ...]) -> dict[int, Framework]:
    """The framework each published year was evaluated under, where the frameworks file has it."""
    from ...core.figures import EVALUATED_UNDER

    return {
        year: catalog.get(framework_id)
        for year in years
        for framework_id, span in EVALUATED_UNDER.items()
        if year in span and framework_id in catalog
    }
