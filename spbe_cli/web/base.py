"""What every page of `spbe serve` stands on: finding the file a request names (by its id, never by a
path), answering a bug of spbe with a page that says so (and a line on standard error, never a
traceback in the browser), and handing a file to save.
"""

from __future__ import annotations

import functools
import inspect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response

from ..i18n import M, Messages
from .security import BodyTooLarge
from .site import Site
from .store import safe_name
from .views import Summary, summarize
from .workspace import WorkspaceFile

if TYPE_CHECKING:
    from starlette.requests import Request

ID = re.compile(r"\A[0-9a-f]{12}\Z")
Handler = Callable[..., Any]


def guarded(handler: Handler) -> Handler:
    """A page whose bugs are said on standard error and answered with a 500 page, never a traceback."""
    if inspect.iscoroutinefunction(handler):

        @functools.wraps(handler)
        async def awaited(self: Handlers, request: Request) -> Response:
            try:
                return await handler(self, request)  # type: ignore[no-any-return]
            except HTTPException:
                raise
            except BodyTooLarge:  # the form streamed past the cap: Starlette would answer 500
                limit = self.site.settings.policy.max_body // (1024 * 1024)
                return self.site.message_page(request, 413, M.web_refused_too_large, limit=limit)
            except Exception as error:
                return self.failed(request, error)

        return awaited

    @functools.wraps(handler)
    def called(self: Handlers, request: Request) -> Response:
        try:
            return handler(self, request)  # type: ignore[no-any-return]
        except HTTPException:
            raise
        except Exception as error:
            return self.failed(request, error)

    return called


class Handlers:
    """What the pages of one running server share: the site, and finding what a request names."""

    def __init__(self, site: Site):
        self.site = site
        self.workspace = site.workspace
        self.catalog = site.settings.catalog

    def failed(self, request: Request, error: Exception) -> Response:
        self.site.bug(request.url.path, error)
        return self.site.message_page(request, 500, M.web_internal)

    def file(self, identifier: str | None) -> WorkspaceFile:
        """The workspace file of this id, or 404."""
        found = self.workspace.find(identifier) if identifier and ID.match(identifier) else None
        if found is None:
            raise HTTPException(404)
        return found

    def summary(self, identifier: str | None) -> Summary:
        """The assessment of this id, read and checked, or 404 (no such file, or not an assessment)."""
        reading = self.workspace.read(self.file(identifier))
        if reading.assessment is None:
            raise HTTPException(404)
        return summarize(reading, self.catalog)

    def summaries(self) -> list[Summary]:
        return [summarize(r, self.catalog) for r in self.workspace.readings() if r.assessment is not None]

    def t(self, request: Request) -> Messages:
        return self.site.messages(request)

    def stage(self, given: str | None) -> str | None:
        """A stage a request names (None: the file's own), or 404 for a name that is no stage."""
        from ..core.stages import STAGES

        if not given:
            return None
        if given not in STAGES:
            raise HTTPException(404)
        return given


def exception_handlers(site: Site) -> dict[Any, Callable[..., Any]]:
    """Starlette's own refusals (no such page, a method a page does not take, a form that does not
    parse) as pages in the reader's language."""

    async def http_error(request: Request, error: Exception) -> Response:
        status = error.status_code if isinstance(error, HTTPException) else 500
        if status == 400:
            detail = error.detail if isinstance(error, HTTPException) else ""
            return site.message_page(request, 400, M.web_bad_form, reason=detail)
        if status == 405:
            return site.message_page(request, 405, M.web_refused_method)
        return site.message_page(request, status, M.web_not_found)

    return {HTTPException: http_error}


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def local(target: str | None) -> str:
    """A path on this server to go back to, or the overview: never another site (`//host`, `\\\\host`)."""
    if not target:
        return "/"
    decoded = unquote(target)
    if not decoded.startswith("/") or decoded.startswith("//") or "\\" in decoded:
        return "/"
    return quote(decoded, safe="/?=&%-._~")


def download(data: bytes, media_type: str, source: WorkspaceFile, suffix: str) -> Response:
    """A file to save, named after its assessment file (`kota-2025-laporan.pdf`), in ASCII only."""
    stem = safe_name(source.name.rsplit("/", 1)[-1]).rsplit(".", 1)[0]
    name = f"{stem}-{suffix}"
    return Response(data, media_type=media_type, headers={"content-disposition": f'attachment; filename="{name}"'})


async def threaded(function: Callable[..., Response], *args: Any, **values: Any) -> Response:
    """A page's blocking work (reading, scoring, writing) in a worker thread."""
    return await run_in_threadpool(function, *args, **values)
