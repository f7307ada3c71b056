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
    from ...core.assessment import Assessment, Value
    from ...core.framework import Framework
    from ...core.planning import Costs, OptionProblem, PlanRequest, PlanResult
    from ...loading.catalog import Catalog


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
WriteTargetsOption = Annotated[
    str | None,
    typer.Option("--write-targets", help=help_text(M.help_plan_write_targets), metavar="FILE"),
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
    write_targets: WriteTargetsOption = None,
    fmt: Annotated[str, format_option("plan")] = "table",
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(file, costs, write_targets), fmt=fmt, renders="plan")
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
    if write_targets is not None:
        _write_targets(result, write_targets, catalog, session)
    raise typer.Exit(ExitCode.OK)


def _write_targets(result: PlanResult, path: str, catalog: Catalog, session: Session) -> None:
    """The plan's levels as `target:` in the assessment file at `path`, only those keys edited (its
    comments and layout kept), read back and checked before it replaces the file."""
    from ...core.merging import shown
    from ...formats.writers.assessment_yaml_edit import comparable, edit_assessment_yaml
    from ...loading.loader import parse_assessment
    from ...loading.sheetformat import is_sheet
    from ...loading.yamlread import decode, read_yaml
    from ...problems import InvalidInput

    data = read_bytes_or_exit(path, session)
    if is_sheet(path, data) is not None:
        raise session.bad_option("--write-targets", M.err_targets_yaml, path=path)
    base = session.load_one(path, catalog, filled=False)
    framework = result.current.framework
    if base.framework != framework.id:
        raise session.bad_option(
            "--write-targets", M.err_targets_framework, path=path, other=base.framework, framework=framework.id
        )
    targets: dict[str, Value] = {}
    for step in result.steps:  # a multi-service indicator: its highest planned level
        targets[step.id] = max(step.end, targets.get(step.id, step.end))
    entries = dict(base.entries)
    changed = []
    for indicator_id, target in targets.items():
        entry = entries[indicator_id]
        if entry.target != target:
            changed.append((indicator_id, entry.target, target))
            entries[indicator_id] = entry._replace(target=target)
    from dataclasses import replace as with_fields

    planned = with_fields(base, entries=entries)
    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    try:
        text = decode(data, path)
        edited = (bom + edit_assessment_yaml(text, read_yaml(data, path), base, planned, framework)).encode("utf-8")
        same = comparable(parse_assessment(edited, path, catalog)) == comparable(planned)
    except (InvalidInput, ValueError, KeyError, IndexError):
        same = False
    if not same:
        session.error(M.err_import_not_kept, path=path, reason="targets")
        raise typer.Exit(ExitCode.INTERNAL)
    session.write(edited, to=path, force=True)
    for indicator_id, before, after in changed:
        session.say(M.msg_import_field_change, id=indicator_id, field="target", before=shown(before), after=after)
    session.say(M.plan_targets_written, path=path, count=len(changed))


def read_bytes_or_exit(path: str, session: Session) -> bytes:
    from ...loading.loader import read_bytes
    from ...problems import InvalidInput

    try:
        return read_bytes(path)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None


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
