"""`spbe report`."""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, shared_options
from ..session import Session, at_stage, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.scoring import ScoreResult
    from ...formats.html import InputFile
    from ...loading.catalog import Catalog


PreviousOption = Annotated[
    list[str] | None,
    typer.Option(
        "--previous",
        help=help_text(M.help_report_previous),
        metavar="FILE",
    ),
]
StageOption = Annotated[
    str | None,
    typer.Option(
        "--stage",
        help=help_text(M.help_report_stage),
        metavar="S",
    ),
]
TargetOption = Annotated[
    str | None,
    typer.Option("--target", help=help_text(M.help_report_target), metavar="T"),
]
DateOption = Annotated[str | None, typer.Option("--date", help=help_text(M.help_report_date), metavar="D")]
PdfOption = Annotated[str | None, typer.Option("--pdf", help=help_text(M.help_report_pdf), metavar="PATH")]
BrowserOption = Annotated[
    str | None,
    typer.Option("--browser", help=help_text(M.help_report_browser), metavar="PATH"),
]


@app.command("report", help=help_text(M.help_report))
@shared_options("output", "force", "frameworks", "lang", "encoding")  # a page is always replaced: --force hidden
def report_command(
    file: Annotated[str, typer.Argument(help=help_text(M.help_report_file), show_default=False, metavar="FILE")],
    previous: PreviousOption = None,
    stage: StageOption = None,
    target: TargetOption = None,
    date: DateOption = None,
    pdf: PdfOption = None,
    browser: BrowserOption = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(file, previous))
    stage = session.stage(stage)
    ring = session.decimal(target, "--target")
    day = _date(date, session)
    program = _browser(pdf, browser, session)
    catalog = session.catalog()
    from ... import __version__
    from ...formats.html import PageInfo
    from ...formats.html import report as render

    assessment, digest = _load(file, catalog, session, stage)
    framework = catalog.get(assessment.framework)
    if ring is not None and not framework.min_value <= ring <= framework.max_value:
        low, high = framework.min_value, framework.max_value
        raise session.bad_option("--target", M.err_target_range, target=target, low=low, high=high)
    earlier, inputs = _earlier(file, digest, previous or [], catalog, session)
    from ...core.reporting import build_report

    data = build_report(assessment, framework, earlier, target_index=ring)
    html = render(data, session.options("html"), PageInfo(__version__, inputs, day))
    sources = [file, *(previous or [])]
    if session.output is not None or pdf is None:
        session.write(html, inputs=sources)
    if pdf is not None and program is not None:
        from ..pdf import BrowserError, print_pdf

        try:
            document = print_pdf(program, html)
        except BrowserError as error:
            session.error(M.err_pdf_failed, path=pdf, reason=error)
            raise typer.Exit(ExitCode.USAGE) from None
        session.write(document, inputs=sources, to=pdf)
    raise typer.Exit(ExitCode.OK)


def _date(date: str | None, session: Session) -> str | None:
    """--date as YYYY-MM-DD, or exit 2."""
    if date is None:
        return None
    try:
        return datetime.date.fromisoformat(date.strip()).isoformat()
    except ValueError:
        raise session.bad_option("--date", M.err_bad_date, value=date) from None


def _browser(pdf: str | None, browser: str | None, session: Session) -> str | None:
    """The browser --pdf will use, checked before any work is done; exit 2 with what to install if none."""
    if pdf is None:
        return None
    from ..pdf import find_browser, usable

    if browser is not None:
        found = usable(browser)
        if found is None:
            session.error(M.err_browser_missing, path=browser)
            raise typer.Exit(ExitCode.USAGE)
        return found
    found = find_browser()
    if found is None:
        session.error(M.err_no_browser)
        raise typer.Exit(ExitCode.USAGE)
    return found


def _earlier(
    file: str, digest: str, previous: list[str], catalog: Catalog, session: Session
) -> tuple[list[ScoreResult], tuple[InputFile, ...]]:
    """The earlier years scored (each at its own stage), and every input file with its SHA-256."""
    from ...core.scoring import score
    from ...formats.html import InputFile

    inputs = [InputFile(os.path.basename(file) if file != "-" else "-", digest)]
    earlier = []
    for path in previous:
        older, older_digest = _load(path, catalog, session, None)
        earlier.append(score(older, catalog.get(older.framework)))
        inputs.append(InputFile(os.path.basename(path), older_digest))
    return earlier, tuple(inputs)


def _load(path: str, catalog: Catalog, session: Session, stage: str | None) -> tuple[Assessment, str]:
    """One assessment (YAML, XLSX or CSV) read at `stage` (None: its own) and the SHA-256 of its bytes, or exit 3 after
    reporting its problems (every value missing at that stage among them)."""
    from ...loading.loader import parse_any, read_bytes
    from ...problems import InvalidInput

    try:
        data = read_bytes(path)
        assessment = at_stage(parse_any(data, path, catalog, warn=session.warn, encoding=session.encoding), stage)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    session.note_years(path, catalog.get(assessment.framework), assessment.year)
    import hashlib  # loads OpenSSL: only for a report's inputs

    return assessment, hashlib.sha256(data).hexdigest()
