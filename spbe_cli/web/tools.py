"""The pages that work on the workspace's assessments as `spbe diff`, `spbe plan` and `spbe rank` do:
a plain form (files chosen by id from the listing, stages and a target typed or chosen), and the result
under it, computed by the same core as the command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from starlette.responses import HTMLResponse, Response
from starlette.routing import Route

from ..i18n import M, Messages, Phrase
from ..problems import InvalidInput, Problem
from .base import Handlers, guarded

if TYPE_CHECKING:
    from collections.abc import Mapping

    from starlette.requests import Request

    from ..core.diffing import DiffResult
    from ..core.planning import Costs, PlanResult
    from ..core.ranking import RankResult
    from .views import Summary


class Tools(Handlers):
    """Compare, plan and rank."""

    def routes(self) -> list[Route]:
        return [
            Route("/compare", self.compare),
            Route("/plan", self.plan),
            Route("/rank", self.rank),
            Route("/rank/page", self.rank_page),
        ]

    # --- compare -------------------------------------------------------------------------------

    @guarded
    def compare(self, request: Request) -> Response:
        from .views import diff_view

        asked = dict(request.query_params)
        context: dict[str, Any] = {"asked": asked, "view": None, "problems": [], "summaries": self.summaries()}
        status = 200
        if asked.get("mode") in ("files", "stages"):
            try:
                context["view"] = diff_view(self.compared(asked), self.t(request))
            except InvalidInput as error:
                context["problems"], status = error.problems, 422
        return self.site.page(request, "compare.html.j2", status=status, **context)

    def compared(self, asked: Mapping[str, str]) -> DiffResult:
        """Two files, each at a stage (or its own), or one file at two stages; as `spbe diff` compares."""
        from ..cli.workflows import compare
        from .views import scored

        if asked["mode"] == "stages":
            summary = self.summary(asked.get("file"))
            old = scored(summary, self.stage(asked.get("from")))
            new = scored(summary, self.stage(asked.get("to")))
            return compare(old, new, by_stage=False)
        first, second = self.summary(asked.get("old")), self.summary(asked.get("new"))
        problems: list[Problem] = []
        results = []
        for summary, stage in ((first, asked.get("old_stage")), (second, asked.get("new_stage"))):
            try:
                results.append(scored(summary, self.stage(stage)))
            except InvalidInput as error:
                problems += error.problems
        if problems:
            raise InvalidInput(problems)
        return compare(results[0], results[1], by_stage=True)

    # --- plan ----------------------------------------------------------------------------------

    @guarded
    def plan(self, request: Request) -> Response:
        from ..core.planning import PlanTooLarge

        asked = dict(request.query_params)
        t = self.t(request)
        context: dict[str, Any] = {"asked": asked, "view": None, "problems": [], "notes": []}
        context["summaries"] = self.summaries()
        context["others"] = [r for r in self.workspace.readings() if r.other]
        status = 200
        if asked.get("file"):
            try:
                context.update(self.planned(asked, t))
                status = 200 if context["view"] else 422  # no plan: refused, with the reason
            except InvalidInput as error:
                context["problems"], status = error.problems, 422
            except PlanTooLarge as error:
                context["notes"], status = [t(error.message, **error.values)], 422
        return self.site.page(request, "plan.html.j2", status=status, **context)

    def planned(self, asked: Mapping[str, str], t: Messages) -> dict[str, Any]:
        """The plan `spbe plan FILE --target T [--costs C] [--stage S]` makes, or why there is none."""
        from ..core.planning import PlanRequest, Unreachable
        from ..core.predikat import explained
        from .views import at_stage, plan_view

        summary = self.summary(asked.get("file"))
        request = PlanRequest(asked.get("target", "").strip())
        refused = request.problems() or request.problems_with(summary.framework)
        if refused:
            first = refused[0]
            return {"notes": [t.phrase(first.phrase) + (t.phrase(first.hint) if first.hint is not None else "")]}
        assessment = at_stage(summary, self.stage(asked.get("stage")))
        try:
            result = request.plan(assessment, summary.framework, self.costs(asked.get("costs"), summary))
        except Unreachable as error:
            best = error.best
            notes = [
                t(
                    M.err_unreachable,
                    target=request.target,
                    best=best.shown,
                    predikat=explained(best.framework, best.index),
                )
            ]
            return {"notes": notes + ([t(M.plan_targets_capped)] if error.capped_by_targets else [])}
        return {"view": plan_view(result, t), "notes": self.thin(result, t)}

    def costs(self, identifier: str | None, summary: Summary) -> Costs | None:
        """The costs file chosen (a YAML file of the workspace), read for the assessment's framework."""
        if not identifier:
            return None
        from ..loading.costs import parse_costs
        from ..loading.loader import read_bytes

        found = self.file(identifier)
        return parse_costs(read_bytes(found.path), found.name, summary.framework)

    def thin(self, result: PlanResult, t: Messages) -> list[str]:
        """The warning `spbe plan` gives when one level less anywhere would lose the target."""
        if not result.thin:
            return []
        n = t.numbers
        return [
            t(
                M.plan_thin_margin,
                reached=n.number(result.reached.index, 4),
                slack=n.number(result.slack, 4),
                target=n.index(result.target),
                step=n.number(result.smallest_step or 0, 4),
            )
        ]

    # --- rank ----------------------------------------------------------------------------------

    def ranked(self) -> tuple[RankResult | None, list[Summary], set[str | None]]:
        """The workspace's complete assessments ranked as `spbe rank FOLDER -f html` ranks them; the
        ones left out (a value missing at their stage); the stages ranked."""
        from ..cli.session import beside_published
        from ..core.ranking import rank, row

        summaries = self.summaries()
        complete = [s.result for s in summaries if s.result is not None]
        left_out = [s for s in summaries if s.result is None]
        if not complete:
            return None, left_out, set()
        rows = [row(scored) for scored in beside_published(complete, position=True)]
        stages = {r.stage for r in complete}
        return rank(rows, order=self.catalog.ids, by_kind=True), left_out, stages

    @guarded
    def rank(self, request: Request) -> Response:
        t = self.t(request)
        result, left_out, stages = self.ranked()
        notes = []
        if len(stages) > 1:
            notes.append(t(M.rank_mixed_stages, stages=", ".join(sorted(s or "-" for s in stages))))
        for group in result.groups if result is not None else ():
            if group.repeated_institutions:
                notes.append(
                    t(M.rank_repeated, framework=group.framework.id, names=", ".join(group.repeated_institutions))
                )
            if group.year is None and len(group.years) > 1:
                notes.append(
                    t(M.rank_mixed_years, framework=group.framework.id, years=", ".join(map(str, group.years)))
                )
        left = ", ".join(s.reading.file.name for s in left_out)
        return self.site.page(request, "ranking.html.j2", ranked=result is not None, notes=notes, left_out=left)

    @guarded
    def rank_page(self, request: Request) -> Response:
        from ..formats import RenderOptions
        from ..formats.html import rank as render

        result, _, _ = self.ranked()
        t = self.t(request)
        if result is None:
            return self.site.message_page(request, 404, M.web_rank_none)
        return HTMLResponse(render(result, RenderOptions(messages=t)), headers={"content-language": t.language})


def worded(phrase: Phrase, t: Messages) -> str:
    return t.phrase(phrase)
