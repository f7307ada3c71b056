"""`spbe report`."""

from __future__ import annotations

import datetime
import os
import re
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, shared_options
from ..session import Session, at_stage, start, write_chunk

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.scoring import ScoreResult
    from ...formats.html import InputFile, Letterhead, Signatory
    from ...loading.catalog import Catalog
    from ..output import Sink


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
CostsOption = Annotated[str | None, typer.Option("--costs", help=help_text(M.help_report_costs), metavar="FILE")]
KopOption = Annotated[str | None, typer.Option("--kop", help=help_text(M.help_report_kop), metavar="IMAGE")]
SignedByOption = Annotated[
    list[str] | None, typer.Option("--signed-by", help=help_text(M.help_report_signed_by), metavar="TEXT")
]
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
    costs: CostsOption = None,
    kop: KopOption = None,
    signed_by: SignedByOption = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(file, previous, costs, kop))
    asked = Asked(
        file,
        previous or [],
        session.stage(stage),
        session.decimal(target, "--target"),
        target,
        _date(date, session),
        costs,
        kop,
        tuple(_signatory(text, session) for text in signed_by or ()),
    )
    program = _browser(pdf, browser, session)
    sources = [file, *(previous or []), *([costs] if costs else []), *([kop] if kop else [])]
    page, printed = _sinks(pdf, sources, session)  # every output checked before any work
    try:
        html = _page(asked, session)
        if page is not None:
            session.finish(page, lambda: write_chunk(page, html))
        if printed is not None and program is not None:
            from ..pdf import BrowserError, print_pdf

            try:
                session.finish(printed, lambda: write_chunk(printed, print_pdf(program, html)))
            except BrowserError as error:
                session.error(M.err_pdf_failed, path=pdf, reason=error)
                raise typer.Exit(ExitCode.USAGE) from None
    finally:  # a run that stops early (exit 3, an interruption) leaves no temporary file open
        for sink in (page, printed):
            if sink is not None:
                sink.discard()
    raise typer.Exit(ExitCode.OK)


class Asked(NamedTuple):
    """What the page is asked for, its options checked."""

    file: str
    previous: list[str]
    stage: str | None
    ring: Decimal | None  # --target as a number
    target: str | None  # --target as given, for its message
    day: datetime.date | None
    costs: str | None
    kop: str | None
    signatories: tuple[Signatory, ...]


def _page(asked: Asked, session: Session) -> str:
    """The report page's HTML; exit 3 (after reporting) for input that cannot be used or planned."""
    catalog = session.catalog()
    from ...core.planning import PlanTooLarge
    from ...formats.html import InputFile
    from ..workflows import report_page

    assessment, digest = _load(asked.file, catalog, session, asked.stage)
    framework = catalog.get(assessment.framework)
    ring = asked.ring
    if ring is not None and not framework.min_value <= ring <= framework.max_value:
        low, high = framework.min_value, framework.max_value
        raise session.bad_option("--target", M.err_target_range, target=asked.target, low=low, high=high)
    priced, costs_data = session.costs(asked.costs, framework)
    letterhead = _letterhead(asked.kop, session)
    earlier, inputs = _earlier(asked.file, digest, asked.previous, catalog, session)
    if asked.costs:  # the plan's prices are an input of the page too
        import hashlib

        inputs += (InputFile(os.path.basename(asked.costs), hashlib.sha256(costs_data).hexdigest()),)
    try:
        return report_page(
            assessment,
            framework,
            inputs,
            session.options("html"),
            earlier=earlier,
            ring=ring,
            costs=priced,
            day=asked.day,
            letterhead=letterhead,
            signatories=asked.signatories,
        )
    except PlanTooLarge as error:  # as `spbe plan` says it: refused with the reason, never attempted
        session.error(error.message, **error.values)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None


def _sinks(pdf: str | None, sources: list[str], session: Session) -> tuple[Sink | None, Sink | None]:
    """Where the page goes (--output, or standard output unless only a PDF is asked for) and the PDF
    (--pdf), both refused before any work when they cannot be written or name one file."""
    to_page = session.output is not None or pdf is None
    if pdf is not None and to_page and _same_file(session.output or "-", pdf):
        raise session.bad_option(("--output", "--pdf"), M.out_same_file, path=pdf)
    page = session.open_sink(inputs=sources) if to_page else None
    printed = session.open_sink(inputs=sources, to=pdf, option="--pdf") if pdf is not None else None
    return page, printed


def _same_file(first: str, second: str) -> bool:
    if first == "-" or second == "-":
        return first == second
    if os.path.abspath(first) == os.path.abspath(second):
        return True
    try:
        return os.path.samefile(first, second)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(first) == os.path.realpath(second)


def _date(date: str | None, session: Session) -> datetime.date | None:
    """--date as YYYY-MM-DD, or exit 2."""
    if date is None:
        return None
    try:
        return datetime.date.fromisoformat(date.strip())
    except ValueError:
        raise session.bad_option("--date", M.err_bad_date, value=date) from None


# An academic degree written after a name: "S.Kom.", "M.T.", "M.Si", "Ph.D.", "MM", "MAP".
_DEGREE = re.compile(r"(?:[A-Z][A-Za-z]{0,3}\.)+(?:[A-Za-z]{1,4}\.?)?|[A-Z]{2,4}")


def _signatory(text: str, session: Session) -> Signatory:
    """--signed-by "NAME, TITLE": the name with the degrees that follow it, then the title (which may
    itself hold commas); exit 2 when no name is given."""
    from ...formats.html import Signatory

    parts = text.split(",")
    taken = 1
    while taken < len(parts) and _DEGREE.fullmatch(parts[taken].strip()):
        taken += 1
    name = ",".join(parts[:taken]).strip()
    title = ",".join(parts[taken:]).strip()
    if not name:
        raise session.bad_option("--signed-by", M.err_signed_by_empty)
    return Signatory(name, title or None)


def _letterhead(path: str | None, session: Session) -> Letterhead | None:
    """--kop read and made safe to embed, or exit 3 after reporting why it cannot be."""
    if path is None:
        return None
    from ...formats.html import Letterhead
    from ...loading.letterhead import read_letterhead
    from ...loading.loader import read_bytes
    from ...problems import InvalidInput

    try:
        mime, data = read_letterhead(read_bytes(path), path, session.warn)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    return Letterhead(mime, data)


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
