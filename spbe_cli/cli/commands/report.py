"""`spbe report`."""

from __future__ import annotations

import datetime
import os
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..options import DebugOption, EncodingOption, ForceOption, FrameworksOption, LangOption, OutputOption
from ..session import Session, at_stage, choice, decimal_option, load_catalog_or_exit, start, write_output

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...loading.catalog import Catalog


@app.command("report")
def report_command(
    file: Annotated[str, typer.Argument(help="The assessment to report on.", show_default=False, metavar="FILE")],
    previous: Annotated[
        list[str] | None,
        typer.Option(
            "--previous",
            help="An earlier year's assessment, for the trend and the last change (repeatable).",
            metavar="FILE",
        ),
    ] = None,  # fmt: skip
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            help="The stage to report: mandiri, dokumen, interviu, visitasi or akhir (default: the file's).",
            metavar="S",
        ),
    ] = None,
    target: Annotated[
        str | None,
        typer.Option("--target", help="The radar's target ring (default: the lower edge of Baik).", metavar="T"),
    ] = None,
    date: Annotated[
        str | None, typer.Option("--date", help="The report date to print (YYYY-MM-DD); none by default.", metavar="D")
    ] = None,
    output: OutputOption = None,
    pdf: Annotated[
        str | None,
        typer.Option("--pdf", help="Also print the page to this PDF with a headless browser.", metavar="PATH"),
    ] = None,
    browser: Annotated[
        str | None,
        typer.Option(
            "--browser", help="The Chromium, Chrome or Edge program for --pdf (default: found).", metavar="PATH"
        ),
    ] = None,
    force: ForceOption = False,  # accepted for symmetry: a generated page replaces its file anyway
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """The evaluation report as one self-contained HTML page (and a PDF with --pdf)."""
    session = start(
        lang,
        "never",
        output,
        inputs=(
            file,
            previous,
            frameworks,
        ),
        encoding=encoding,
    )
    from ...core.stages import STAGES

    if stage is not None:
        choice(stage, STAGES, session, "--stage")
    ring = decimal_option(target, "--target", session)
    if date is not None:
        try:
            date = datetime.date.fromisoformat(date.strip()).isoformat()
        except ValueError:
            raise typer.BadParameter(session.messages(M.err_bad_date, value=date), param_hint="'--date'") from None
    program = _browser(pdf, browser, session)
    catalog = load_catalog_or_exit(frameworks, session)
    from ... import __version__
    from ...core.reporting import build_report
    from ...core.scoring import score
    from ...formats.html import InputFile, PageInfo
    from ...formats.html import report as render

    assessment, digest = _load(file, catalog, session, stage)
    framework = catalog.get(assessment.framework)
    if ring is not None and not framework.min_value <= ring <= framework.max_value:
        raise typer.BadParameter(
            session.messages(M.err_target_range, target=target, low=framework.min_value, high=framework.max_value),
            param_hint="'--target'",
        )
    inputs = [InputFile(os.path.basename(file) if file != "-" else "-", digest)]
    earlier = []
    for path in previous or []:
        older, older_digest = _load(path, catalog, session, None)  # an earlier year at its own stage
        earlier.append(score(older, catalog.get(older.framework)))
        inputs.append(InputFile(os.path.basename(path), older_digest))
    data = build_report(assessment, framework, earlier, target_index=ring)
    html = render(data, session.options("html"), PageInfo(__version__, tuple(inputs), date))
    sources = [file, *(previous or []), *([frameworks] if frameworks else [])]
    if output is not None or pdf is None:
        write_output(html, output, force, session, inputs=sources)
    if pdf is not None and program is not None:
        from ..pdf import BrowserError, print_pdf

        try:
            document = print_pdf(program, html)
        except BrowserError as error:
            session.error(M.err_pdf_failed, path=pdf, reason=error)
            raise typer.Exit(ExitCode.USAGE) from None
        write_output(document, pdf, force, session, inputs=sources)
    raise typer.Exit(ExitCode.OK)


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


def _load(path: str, catalog: Catalog, session: Session, stage: str | None) -> tuple[Assessment, str]:
    """One assessment (YAML, XLSX or CSV) read at `stage` (None: its own) and the SHA-256 of its bytes, or exit 3 after
    reporting its problems (every value missing at that stage among them)."""
    from ...loading.loader import parse_any, read_bytes
    from ...problems import InvalidInput

    try:
        data = read_bytes(path)
        assessment = at_stage(
            parse_any(data, path, catalog, warn=session.warn, encoding=session.encoding), stage, session
        )
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    session.note_years(path, catalog.get(assessment.framework), assessment.year)
    import hashlib  # loads OpenSSL: only for a report's inputs

    return assessment, hashlib.sha256(data).hexdigest()
