"""Uploading an office's sheet into a master assessment file: check first, write only when confirmed.

1. The form sends the sheet, the master's id and the sender's name. The sheet is kept as received
   under `.spbe/uploads/`, read and checked as `spbe import` reads a sheet, and merged into the master
   without writing (cli/filling.py's `prepare`). The page shows every located problem, the conflicts,
   and what would change, cell by cell, with the office and the values before and after.
2. The confirmation names the kept upload, the master, the name, and a digest of the changes shown.
   The master is filled as `spbe import --into` fills it (cli/filling.py's `fill`: under its lock,
   atomic, comments kept, read back); only if the changes are still exactly those shown, else the new
   changes are shown to confirm again (another upload was written meanwhile). The log records the write.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from ..i18n import M
from ..problems import InvalidInput, Problem
from .base import Handlers, guarded, threaded
from .store import Kept
from .views import Summary

if TYPE_CHECKING:
    from starlette.requests import Request

    from ..cli.filling import Filling
    from ..core.assessment import Assessment

MAX_WHO = 120  # characters of the name typed in the form
FORM_FIELDS = 8
FIELD_BYTES = 16 * 1024  # a form field other than the file


class Uploads(Handlers):
    """The upload form, its check and its confirmation."""

    def routes(self) -> list[Route]:
        return [
            Route("/upload", self.form, methods=["GET"]),
            Route("/upload", self.check, methods=["POST"]),
            Route("/upload/confirm", self.confirm, methods=["POST"]),
        ]

    def masters(self) -> list[Summary]:
        """The assessments a sheet can fill: YAML files (a sheet is never filled by another)."""
        return [s for s in self.summaries() if s.reading.file.yaml]

    def form_page(self, request: Request, status: int = 200, **context: Any) -> Response:
        context.setdefault("problem", None)
        context.setdefault("chosen", request.query_params.get("into"))
        context.setdefault("who", "")
        return self.site.page(request, "upload.html.j2", status=status, masters=self.masters(), **context)

    @guarded
    def form(self, request: Request) -> Response:
        return self.form_page(request)

    async def fields(self, request: Request) -> tuple[dict[str, str], tuple[str, bytes] | None]:
        """The form's text fields, and its file (name and bytes) if it has one; the form is closed (its
        spooled file removed) before the page does anything with them."""
        from starlette.datastructures import UploadFile

        async with request.form(max_files=1, max_fields=FORM_FIELDS, max_part_size=FIELD_BYTES) as form:
            texts = {name: _text(value) for name, value in form.items() if isinstance(value, str)}
            sheet = form.get("sheet")
            if isinstance(sheet, UploadFile) and sheet.filename:
                return texts, (sheet.filename, await sheet.read())
            return texts, None

    @guarded
    async def check(self, request: Request) -> Response:
        fields, sheet = await self.fields(request)
        into, who = fields.get("into", ""), _who(fields.get("who"))
        if sheet is None:
            return await threaded(self.form_page, request, 400, problem=M.web_need_file, chosen=into, who=who)
        if not who:
            return await threaded(self.form_page, request, 400, problem=M.web_need_name, chosen=into, who=who)
        return await threaded(self.received, request, into, who, sheet[1], sheet[0])

    def received(self, request: Request, into: str, who: str, data: bytes, filename: str) -> Response:
        target = self.master(into)
        try:
            kept = self.site.store.keep(data, filename)
        except OSError as error:
            return self.site.message_page(request, 507, M.web_not_kept, reason=error.strerror or str(error))
        return self.preview(request, target, kept, who)

    def master(self, identifier: str) -> Summary:
        summary = self.summary(identifier)
        if not summary.reading.file.yaml:
            raise HTTPException(404)
        return summary

    def preview(self, request: Request, target: Summary, kept: Kept, who: str, *, meanwhile: bool = False) -> Response:
        """What the upload would change in the master, or why it cannot be written; nothing written."""
        from ..cli.filling import CannotEdit, prepare

        warnings: list[Problem] = []
        context = self.context(target, kept, who, meanwhile)
        try:
            sheet = self.sheet(kept, target.reading.file.path, warnings)
            filling = prepare(target.reading.file.path, [sheet], self.catalog, name=target.reading.file.name)
        except (InvalidInput, CannotEdit) as error:
            return self.site.page(
                request, "preview.html.j2", 422, problems=error.problems, warnings=warnings, **context
            )
        return self.shown(request, filling, sheet, warnings, context)

    def context(self, target: Summary, kept: Kept, who: str, meanwhile: bool) -> dict[str, Any]:
        return {"target": target, "kept": kept, "kept_size": kept.size, "who": who, "meanwhile": meanwhile}

    def shown(
        self, request: Request, filling: Filling, sheet: Assessment, warnings: list[Problem], context: dict[str, Any]
    ) -> Response:
        from .views import filling_view

        view = filling_view(filling, sheet, self.catalog, self.site.messages(request))
        status = 409 if context["meanwhile"] else 200 if filling.accepted else 422
        return self.site.page(
            request, "preview.html.j2", status, problems=list(filling.refused), warnings=warnings, view=view, **context
        )

    def sheet(self, kept: Kept, into: str, warnings: list[Problem]) -> Assessment:
        """The upload read as `spbe import SHEET --into FILE` reads it: one office's rows, and what the
        sheet does not say (no Info sheet) taken from the file it fills."""
        from ..cli.filling import master_says, read_sheet
        from ..loading.assessment_sheet import SheetOptions

        options = SheetOptions(
            encoding=self.site.settings.encoding, partial=True, fallback=master_says(into, self.catalog)
        )
        return read_sheet(kept.read(), kept.label, self.catalog, options, warnings.append)

    @guarded
    async def confirm(self, request: Request) -> Response:
        texts, _ = await self.fields(request)
        fields = {name: texts.get(name, "") for name in ("into", "upload", "expect")}
        return await threaded(self.write, request, fields, _who(texts.get("who")))

    def write(self, request: Request, fields: dict[str, str], who: str) -> Response:
        """The master filled with the upload, if its changes are still the ones confirmed."""
        from ..cli.filling import CannotEdit, fill
        from ..cli.locks import LockTimeout
        from ..cli.output import OutputError
        from .views import changes_digest

        target = self.master(fields["into"])
        kept = self.site.store.find(fields["upload"])
        if kept is None:
            return self.site.message_page(request, 404, M.web_unknown_upload)
        if not who:
            return self.site.message_page(request, 400, M.web_need_name)
        warnings: list[Problem] = []
        file = target.reading.file
        try:
            sheet = self.sheet(kept, file.path, warnings)
            filling, done = fill(
                file.path,
                [sheet],
                self.catalog,
                name=file.name,
                accept=lambda filling: changes_digest(filling) == fields["expect"],
                written=lambda filling: self.log(filling, sheet, kept, who),
            )
        except (InvalidInput, CannotEdit) as error:
            context = self.context(target, kept, who, False)
            return self.site.page(
                request, "preview.html.j2", 422, problems=error.problems, warnings=warnings, **context
            )
        except LockTimeout:
            return self.site.message_page(request, 503, M.err_file_busy, path=file.name, lock=f"{file.name}.lock")
        except OutputError as error:
            return self.site.message_page(request, 500, error.message, **error.values)
        except OSError as error:
            return self.site.message_page(request, 500, M.err_cannot_write, path=file.name, reason=error.strerror)
        if not done:
            context = self.context(target, kept, who, filling.accepted)
            return self.shown(request, filling, sheet, warnings, context)
        return RedirectResponse(f"/a/{file.id}?written={kept.name}", status_code=303)

    def log(self, filling: Filling, sheet: Assessment, kept: Kept, who: str) -> None:
        """The write recorded in `.spbe/log.jsonl` and said on standard error."""
        from .views import logged_changes

        changes = logged_changes(filling, sheet, self.catalog.get(filling.base.framework))
        record = {
            "time": _now(),
            "who": who,
            "file": f".spbe/uploads/{kept.name}",
            "sha256": kept.sha256,
            "into": filling.path,
            "changes": changes,
        }
        self.site.store.log(record)
        self.site.settings.voice.say(
            M.web_logged, path=filling.path, who=who, file=kept.label, changes=len(changes), log=".spbe/log.jsonl"
        )


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _who(value: object) -> str:
    """The name typed in the form, on one line, at most MAX_WHO characters."""
    return " ".join(_text(value).split())[:MAX_WHO]


def _now() -> str:
    return datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")
