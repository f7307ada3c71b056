"""`spbe plan`: options in, a PlanRequest checked by the core, the plan rendered."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, by_option, format_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.framework import Framework
    from ...core.planning import Costs, OptionProblem, PlanRequest, PlanResult


TargetOption = Annotated[str, typer.Option("--target", "-t", help=help_text(M.help_plan_target), metavar="T")]
CostsOption = Annotated[
    str | None,
    typer.Option(
        "--costs",
        help=help_text(M.help_plan_costs),
        metavar="FILE",
    ),
]
LockOption = Annotated[
    list[str] | None,
    typer.Option("--lock", help=help_text(M.help_plan_lock), metavar="ID,..."),
]
MaxLevelOption = Annotated[int | None, typer.Option("--max-level", help=help_text(M.help_plan_max_level), metavar="N")]
IgnoreTargetsOption = Annotated[bool, typer.Option("--ignore-targets", help=help_text(M.help_plan_ignore_targets))]
MaxRaiseOption = Annotated[int | None, typer.Option("--max-raise", help=help_text(M.help_plan_max_raise), metavar="N")]
MarginOption = Annotated[str | None, typer.Option("--margin", help=help_text(M.help_plan_margin), metavar="X")]
UnlockExternalOption = Annotated[
    bool,
    typer.Option(
        "--unlock-external",
        help=help_text(M.help_plan_unlock_external),
    ),
]
StageOption = Annotated[
    str | None,
    typer.Option("--stage", help=help_text(M.help_plan_stage), metavar="STAGE"),
]


@app.command("plan", help=help_text(M.help_plan))
@shared_options("output", "force", "frameworks", "lang", "color", "encoding")
def plan_command(
    file: Annotated[str, typer.Argument(help=help_text(M.help_plan_file), show_default=False, metavar="FILE")],
    target: TargetOption,
    costs: CostsOption = None,
    lock: LockOption = None,
    max_level: MaxLevelOption = None,
    ignore_targets: IgnoreTargetsOption = False,
    max_raise: MaxRaiseOption = None,
    margin: MarginOption = None,
    by: Annotated[str | None, by_option(M.help_plan_by, "pic")] = None,
    unlock_external: UnlockExternalOption = False,
    stage: StageOption = None,
    fmt: Annotated[str, format_option("plan")] = "table",
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(file, costs), fmt=fmt, renders="plan")
    if by is not None:
        session.choice(by, ("pic",), "--by")
    from ...core.planning import PlanRequest

    request = PlanRequest(
        target,
        margin=session.decimal(margin, "--margin") or Decimal(0),
        lock=tuple(lock or ()),
        max_level=max_level,
        max_raise=max_raise,
        ignore_targets=ignore_targets,
        unlock_external=unlock_external,
    )
    _refuse(request.problems(), session)
    read_at = session.stage(stage)
    catalog = session.catalog()
    assessment = session.load_one(file, catalog, read_at)
    framework = catalog.get(assessment.framework)
    _refuse(request.problems_with(framework), session)
    result = _plan(request, assessment, framework, session.costs(costs, framework)[0], session)
    from ...formats import load as load_format

    options = replace(session.options(fmt), group_by=by)
    session.write(load_format(fmt).plan(result, options), inputs=[file, *([costs] if costs else [])])
    raise typer.Exit(ExitCode.OK)


def _refuse(problems: list[OptionProblem], session: Session) -> None:
    """The first problem of the request as a usage error (exit 2), if there is one."""
    if problems:
        first, t = problems[0], session.messages
        text = t.phrase(first.phrase) + (t.phrase(first.hint) if first.hint is not None else "")
        raise typer.BadParameter(text, param_hint=f"'{first.option}'")


def _plan(
    request: PlanRequest, assessment: Assessment, framework: Framework, costs: Costs | None, session: Session
) -> PlanResult:
    """The plan, with a warning when it is thin; exit 3 when too large to compute, 1 when unreachable."""
    from ...core.planning import PlanTooLarge, Unreachable

    try:
        result = request.plan(assessment, framework, costs)
    except PlanTooLarge as error:  # refused with the reason, never attempted for hours
        session.error(error.message, **error.values)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except Unreachable as error:
        from ...core.predikat import explained

        best = error.best
        session.error(
            M.err_unreachable, target=request.target, best=best.shown, predikat=explained(best.framework, best.index)
        )
        if error.capped_by_targets:
            session.error(M.plan_targets_capped)
        raise typer.Exit(ExitCode.GATE_FAILED) from None
    if result.thin:
        numbers = session.messages.numbers
        session.error(
            M.plan_thin_margin,
            reached=numbers.number(result.reached.index, 4),
            slack=numbers.number(result.slack, 4),
            target=numbers.index(result.target),
            step=numbers.number(result.smallest_step or 0, 4),
        )
    return result
