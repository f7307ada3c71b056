"""One running `spbe serve`: its settings, its workspace, the pages' templates and their language.

Pages are rendered on the server from Jinja2 templates with autoescape on, with the report's
stylesheet; they work as plain forms, without any script. Every user text passes the report's filters
(`u`: one line, invisible characters shown, escaped).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import quote

import jinja2

from .. import __version__
from ..formats.html import TEMPLATES as REPORT_TEMPLATES
from ..formats.html import template_environment
from ..i18n import LANGUAGES, M, Message, Messages, default_language
from .security import Policy, Refusal, Scope
from .store import Store
from .workspace import Workspace

if TYPE_CHECKING:
    from starlette.requests import Request
    from starlette.responses import HTMLResponse

    from ..loading.catalog import Catalog

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGUAGE_COOKIE = "spbe-lang"


class Voice(Protocol):
    """Where the server speaks on standard error: the command's one voice (cli/session.py)."""

    def say(self, message: Message, /, **values: object) -> None: ...
    def line(self, text: str) -> None: ...


@dataclass(frozen=True)
class Settings:
    """What `spbe serve` was started with.

    workspace: the folder served; language: --lang (None: the browser's); policy: the guard's;
    catalog and encoding: how files are read, as every command reads them; voice: the command's voice
    on standard error; debug: tracebacks of bugs on standard error; browser:
    the Chromium-family program that prints PDFs, or None."""

    workspace: str
    language: str | None
    policy: Policy
    catalog: Catalog
    encoding: str | None
    voice: Voice
    debug: bool = False
    browser: str | None = None


def environment() -> jinja2.Environment:
    return template_environment(TEMPLATES, REPORT_TEMPLATES)


def accepted_language(header: str | None) -> str | None:
    """The language of ours an Accept-Language header prefers most (`in`: Indonesian's old code)."""
    best: tuple[float, str] | None = None
    for part in (header or "").split(","):
        tag, _, parameters = part.strip().partition(";")
        primary = tag.strip().lower().split("-")[0]
        primary = "id" if primary == "in" else primary
        if primary not in LANGUAGES:
            continue
        quality = 1.0
        for parameter in parameters.split(";"):
            name, _, value = parameter.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and (best is None or quality > best[0]):
            best = (quality, primary)
    return best[1] if best else None


class Site:
    """One running `spbe serve`: its settings, workspace, `.spbe/` store and templates."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.workspace = Workspace(settings.workspace, settings.catalog, settings.encoding, on_bug=self.bug_in_file)
        self.store = Store(self.workspace.root)
        self.templates = environment()
        self.folder_name = os.path.basename(self.workspace.root) or self.workspace.root

    def language(self, cookies: dict[str, str], accept: str | None) -> str:
        """The switch on the pages (a cookie), else --lang, else the browser's Accept-Language."""
        chosen = cookies.get(LANGUAGE_COOKIE)
        if chosen in LANGUAGES:
            return chosen
        if self.settings.language in LANGUAGES:
            return str(self.settings.language)
        return accepted_language(accept) or default_language()

    def messages(self, request: Request) -> Messages:
        return Messages(self.language(dict(request.cookies), request.headers.get("accept-language")))

    def html(self, template: str, t: Messages, **context: Any) -> str:
        """A page in the reader's language, with what every template may use."""
        from ..core.stages import LABELS
        from ..formats.charts import band_colours
        from ..formats.wording import finding_text

        return self.templates.get_template(template).render(
            t=t,
            M=M,
            n=t.numbers,
            lang=t.language,
            version=__version__,
            folder=self.folder_name,
            stage_labels=LABELS,
            colour=lambda predikat: band_colours(predikat)[0],
            finding_text=lambda finding: finding_text(finding, t, t.numbers),
            **context,
        )

    def page(self, request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        from starlette.responses import HTMLResponse

        t = self.messages(request)
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        switch = {language: f"/lang/{language}?next={quote(here, safe='')}" for language in LANGUAGES}
        body = self.html(template, t, here=here, switch=switch, **context)
        return HTMLResponse(body, status_code=status, headers={"content-language": t.language})

    def message_page(self, request: Request, status: int, message: Message, **values: object) -> HTMLResponse:
        return self.page(request, "message.html.j2", status=status, message=message, values=values)

    def refused_page(self, scope: Scope, refusal: Refusal) -> tuple[bytes, str]:
        """The page of a refused request: why, in the reader's language, and nothing of the workspace."""
        from starlette.requests import Request

        request = Request(scope)
        try:
            cookies = dict(request.cookies)
        except Exception:  # a cookie header that does not parse: no switch chosen
            cookies = {}
        t = Messages(self.language(cookies, request.headers.get("accept-language")))
        message = REFUSALS[refusal.reason]
        values = {"limit": self.settings.policy.max_body // (1024 * 1024)}
        body = self.html("refused.html.j2", t, message=message, values=values, status=refusal.status)
        return body.encode("utf-8"), t.language

    def bug(self, where: str, error: BaseException) -> None:
        """A bug of spbe met on a page: said on standard error (its traceback with --debug)."""
        if self.settings.debug:
            import traceback

            for line in traceback.format_exception(type(error), error, error.__traceback__):
                for text in line.rstrip("\n").splitlines():
                    self.settings.voice.line(text)
        self.settings.voice.say(M.web_bug, page=where, error=f"{type(error).__name__}: {error}")

    def bug_in_file(self, name: str, error: Exception) -> None:
        self.bug(name, error)


REFUSALS: dict[str, Message] = {
    "host": M.web_refused_host,
    "method": M.web_refused_method,
    "no_token": M.web_refused_no_token,
    "token": M.web_refused_token,
    "cookie": M.web_refused_cookie,
    "origin": M.web_refused_origin,
    "too_large": M.web_refused_too_large,
}
