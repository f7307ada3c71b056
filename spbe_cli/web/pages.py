"""The pages of `spbe serve` that read: the overview, one assessment, what it offers to download, and
the language switch. The guard (security.py) has let the request in; each page names a workspace file
by its id only, reads it as the commands read it and calls the same core. These pages are plain
functions, run in a worker thread (reading and scoring block).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..i18n import LANGUAGES, M
from ..problems import InvalidInput
from .base import XLSX, Handlers, download, guarded, local
from .site import LANGUAGE_COOKIE
from .store import safe_name
from .views import Summary, owed, summarize
from .workspace import MAX_FILES

if TYPE_CHECKING:
    from starlette.requests import Request

    from ..formats.writers.assessment_sheet import SheetKind


class Pages(Handlers):
    """The reading pages of one running server."""

    def routes(self) -> list[Route]:
        return [
            Route("/", self.overview),
            Route("/a/{id}", self.assessment),
            Route("/a/{id}/report", self.report),
            Route("/a/{id}/report.pdf", self.pdf),
            Route("/a/{id}/results.xlsx", self.results),
            Route("/a/{id}/assessment.xlsx", self.master),
            Route("/a/{id}/office.xlsx", self.office),
            Route("/lang/{code}", self.switch_language),
        ]

    # --- the overview and one assessment -------------------------------------------------------

    @guarded
    def overview(self, request: Request) -> Response:
        files = self.workspace.files()
        readings = [self.workspace.read(found) for found in files]
        summaries = [summarize(r, self.catalog) for r in readings if r.assessment is not None]
        return self.site.page(
            request,
            "overview.html.j2",
            summaries=summaries,
            owed=owed(summaries),
            unreadable=[r for r in readings if r.problems],
            others=[r for r in readings if r.other],
            recent=list(reversed(self.site.store.entries()[-20:])),
            too_many=MAX_FILES if len(files) >= MAX_FILES else None,
        )

    @guarded
    def assessment(self, request: Request) -> Response:
        from ..formats.writers.assessment_sheet import offices_of

        summary = self.summary(request.path_params["id"])
        written = request.query_params.get("written")
        entry = next((e for e in self.site.store.entries() if written and e.get("file", "").endswith(written)), None)
        return self.site.page(
            request,
            "assessment.html.j2",
            s=summary,
            offices=offices_of(summary.assessment),
            owed=owed([summary]),
            browser=self.site.settings.browser is not None,
            written=entry,
        )

    # --- what an assessment offers to download -------------------------------------------------

    def report_html(self, request: Request, summary: Summary) -> str | Response:
        """The report page of `spbe report FILE [--stage S]`, or a page of the problems stopping it."""
        from ..cli.workflows import report_page
        from ..core.planning import PlanTooLarge
        from ..formats import RenderOptions
        from ..formats.html import InputFile
        from .views import at_stage

        t = self.t(request)
        stage = self.stage(request.query_params.get("stage"))
        try:
            assessment = at_stage(summary, stage)
        except InvalidInput as error:
            return self.site.page(request, "problems.html.j2", status=422, s=summary, problems=error.problems)
        inputs = (InputFile(summary.reading.file.name.rsplit("/", 1)[-1], summary.reading.sha256),)
        try:
            return report_page(assessment, summary.framework, inputs, RenderOptions(messages=t))
        except PlanTooLarge as error:
            return self.site.message_page(request, 422, error.message, **error.values)

    @guarded
    def report(self, request: Request) -> Response:
        from starlette.responses import HTMLResponse

        page = self.report_html(request, self.summary(request.path_params["id"]))
        return page if isinstance(page, Response) else HTMLResponse(page)

    @guarded
    def pdf(self, request: Request) -> Response:
        from ..cli.pdf import BrowserError, print_pdf

        summary = self.summary(request.path_params["id"])
        browser = self.site.settings.browser
        if browser is None:
            return self.site.message_page(request, 404, M.web_no_browser)
        page = self.report_html(request, summary)
        if isinstance(page, Response):
            return page
        try:
            printed = print_pdf(browser, page)
        except BrowserError as error:
            return self.site.message_page(request, 502, M.err_pdf_failed, path="PDF", reason=str(error))
        return download(printed, "application/pdf", summary.reading.file, "laporan.pdf")

    @guarded
    def results(self, request: Request) -> Response:
        from ..formats import RenderOptions
        from ..formats.xlsx_ import score as workbook
        from .views import scored

        summary = self.summary(request.path_params["id"])
        try:
            result = scored(summary, None)
        except InvalidInput as error:
            return self.site.page(request, "problems.html.j2", status=422, s=summary, problems=error.problems)
        from ..cli.session import beside_published

        data = workbook(beside_published([result]), RenderOptions(messages=self.t(request)))
        return download(data, XLSX, summary.reading.file, "hasil.xlsx")

    @guarded
    def master(self, request: Request) -> Response:
        from ..formats.writers.assessment_sheet import SheetKind

        summary = self.summary(request.path_params["id"])
        return self.sheet(request, summary, SheetKind(), "penilaian.xlsx")

    @guarded
    def office(self, request: Request) -> Response:
        from ..core.stages import FIRST
        from ..formats.writers.assessment_sheet import SheetKind, offices_of

        summary = self.summary(request.path_params["id"])
        asked = request.query_params.get("office", "")
        office = next((o for o in offices_of(summary.assessment) if o.casefold() == asked.strip().casefold()), None)
        if office is None:
            raise HTTPException(404)
        # as `spbe export --pic OPD` writes it: the office fills its self-assessment
        return self.sheet(request, summary, SheetKind(stage=FIRST, office=office), f"opd-{safe_name(office)}.xlsx")

    def sheet(self, request: Request, summary: Summary, kind: SheetKind, suffix: str) -> Response:
        """The assessment workbook as `spbe export` writes it (`kind`: the file as it is, one office's)."""
        from ..cli.workflows import assessment_workbook
        from ..formats.writers.sheetwriter import CellTooLong

        try:
            data = assessment_workbook(summary.assessment, summary.framework, kind, self.t(request))
        except CellTooLong as long:
            from ..cli.commands.export import too_long

            problems = [too_long(summary.assessment, long)]
            return self.site.page(request, "problems.html.j2", status=422, s=summary, problems=problems)
        return download(data, XLSX, summary.reading.file, suffix)

    # --- the language switch -------------------------------------------------------------------

    @guarded
    def switch_language(self, request: Request) -> Response:
        code = request.path_params["code"]
        if code not in LANGUAGES:
            raise HTTPException(404)
        response = RedirectResponse(local(request.query_params.get("next")), status_code=303)
        response.set_cookie(LANGUAGE_COOKIE, code, httponly=True, samesite="strict", max_age=365 * 24 * 3600)
        return response
