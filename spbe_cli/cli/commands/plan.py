"""`spbe plan`."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from .. import completion
from ..app import app
from ..options import (
    ColorOption,
    DebugOption,
    EncodingOption,
    ForceOption,
    FrameworksOption,
    LangOption,
    OutputOption,
    format_option,
)
from ..session import (
    choice,
    decimal_option,
    load_catalog_or_exit,
    load_one,
    stage_option,
    start,
    write_output,
)


@app.command("plan")
def plan_command(
    file: Annotated[str, typer.Argument(help="The assessment to improve.", show_default=False, metavar="FILE")],
    target: Annotated[
        str, typer.Option("--target", "-t", help='A shown index (3.00) or a predikat ("Sangat Baik").', metavar="T")
    ],
    costs: Annotated[
        str | None,
        typer.Option(
            "--costs",
            help="YAML: `default`, `indicators: {1-10: 15, 42: 5}`, `aspects: {5: 3}`, `levels: {5: 3}` (step costs).",
            metavar="FILE",
        ),
    ] = None,
    lock: Annotated[
        list[str] | None,
        typer.Option("--lock", help="Indicators to keep where they are: 12,13 (repeatable).", metavar="ID,..."),
    ] = None,
    max_level: Annotated[
        int | None, typer.Option("--max-level", help="No step goes above this level.", metavar="N")
    ] = None,
    ignore_targets: Annotated[
        bool,
        typer.Option("--ignore-targets", help="Plan past the per-indicator targets in the file (caps by default)."),
    ] = False,
    max_raise: Annotated[
        int | None, typer.Option("--max-raise", help="Raise one indicator by at most N levels.", metavar="N")
    ] = None,
    margin: Annotated[
        str | None,
        typer.Option("--margin", help="Plan to reach the target plus this margin (e.g. 0.05).", metavar="X"),
    ] = None,
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="Group the steps per office: pic.", metavar="pic", autocompletion=completion.groupings("pic")
        ),
    ] = None,
    unlock_external: Annotated[
        bool,
        typer.Option(
            "--unlock-external",
            help="Also raise indicators valued from other agencies' indices (I5, I6, I7, I18); locked by default.",
        ),
    ] = False,
    stage: Annotated[
        str | None,
        typer.Option("--stage", help="Plan from the values at this stage (default: the file's own).", metavar="STAGE"),
    ] = None,
    fmt: Annotated[str, format_option("plan")] = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """The cheapest set of level raises that reaches a target index or predikat."""
    session = start(
        lang,
        color,
        output,
        inputs=(
            file,
            costs,
            frameworks,
        ),
        fmt=fmt,
        renders="plan",
        encoding=encoding,
    )
    if by is not None:
        choice(by, ("pic",), session, "--by")
    if max_raise is not None and max_raise < 1:
        raise typer.BadParameter(session.messages(M.err_max_raise), param_hint="'--max-raise'")
    extra = decimal_option(margin, "--margin", session) or Decimal(0)
    from ...core.numbers import decimal_places
    from ...core.planning import SHOWN_PLACES

    if decimal_places(extra) > SHOWN_PLACES:
        message = session.messages(M.err_places_option, option="--margin", value=margin, places=SHOWN_PLACES)
        raise typer.BadParameter(message, param_hint="'--margin'")
    if extra < 0:
        raise typer.BadParameter(session.messages(M.err_margin), param_hint="'--margin'")
    read_at = stage_option(stage, session)
    catalog = load_catalog_or_exit(frameworks, session)
    assessment = load_one(file, catalog, session, read_at)
    from ...core.planning import PlanTooLarge, TargetError, Unreachable, plan, target_from_text
    from ...loading.costs import parse_costs
    from ...loading.loader import read_bytes
    from ...problems import InvalidInput

    framework = catalog.get(assessment.framework)
    try:
        wanted, predikat = target_from_text(target, framework)
    except TargetError as error:
        raise typer.BadParameter(session.messages(error.message, **error.values), param_hint="'--target'") from None
    locked = frozenset(part.strip() for item in lock or [] for part in item.split(",") if part.strip())
    unknown = sorted(locked - set(framework.by_id))
    if unknown:
        from ...core.suggest import suggest_indicator

        guesses = [suggest_indicator(item, framework.by_id) for item in unknown]
        message = session.messages(M.err_unknown_ids, framework=framework.id, ids=", ".join(unknown))
        if all(guesses):
            message += session.messages(M.hint_did_you_mean_ids, ids=", ".join(g for g in guesses if g))
        raise typer.BadParameter(message, param_hint="'--lock'")
    if max_level is not None and not framework.min_value <= max_level <= framework.max_value:
        raise typer.BadParameter(
            session.messages(M.err_max_level, low=framework.min_value, high=framework.max_value),
            param_hint="'--max-level'",
        )
    try:
        cost_table = parse_costs(read_bytes(costs), costs, framework) if costs else None
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    try:
        result = plan(
            assessment,
            framework,
            wanted,
            costs=cost_table,
            locked=locked,
            max_level=max_level,
            target_predikat=predikat,
            unlock_external=unlock_external,
            ignore_targets=ignore_targets,
            max_raise=max_raise,
            margin=extra,
        )
    except PlanTooLarge as error:  # refused with the reason, never attempted for hours
        session.error(error.message, **error.values)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    except Unreachable as error:
        session.error(M.err_unreachable, target=target, best=error.best.shown, predikat=error.best.predikat)
        if error.capped_by_targets:
            session.error(M.plan_targets_capped)
        raise typer.Exit(ExitCode.GATE_FAILED) from None
    if result.thin:
        numbers = session.options("table").numbers
        session.error(
            M.plan_thin_margin,
            reached=numbers.number(result.reached.index, 4),
            slack=numbers.number(result.slack, 4),
            target=numbers.index(result.target),
            step=numbers.number(result.smallest_step or 0, 4),
        )
    from ...formats import load as load_format

    inputs = [file, *([costs] if costs else []), *([frameworks] if frameworks else [])]
    options = replace(session.options(fmt), group_by=by)
    write_output(load_format(fmt).plan(result, options), output, force, session, inputs=inputs)
    raise typer.Exit(ExitCode.OK)
