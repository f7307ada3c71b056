"""`spbe diff`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...formats.escaping import terminal_line
from ...i18n import M
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
    load_catalog_or_exit,
    scored,
    stage_option,
    start,
    step_summary,
    write_output,
    write_summary,
)


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="The earlier assessment (or the self-assessment).", show_default=False)],
    new: Annotated[
        str | None,
        typer.Argument(help="The later assessment (omit it with --stages).", show_default=False),
    ] = None,
    fmt: Annotated[str, format_option("diff")] = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    fail_on_drop: Annotated[
        bool, typer.Option("--fail-on-drop", help="Exit 1 when the new shown index is below the old one.")
    ] = False,
    fail_on_predikat_drop: Annotated[
        bool, typer.Option("--fail-on-predikat-drop", help="Exit 1 when the predikat falls.")
    ] = False,
    stages: Annotated[
        tuple[str, str] | None,
        typer.Option(
            "--stages", help="Compare two stages of one file, e.g. --stages mandiri akhir.", metavar="OLD NEW"
        ),
    ] = None,
    old_stage: Annotated[
        str | None, typer.Option("--old-stage", help="Read OLD at this stage (default: its own).", metavar="STAGE")
    ] = None,
    new_stage: Annotated[
        str | None, typer.Option("--new-stage", help="Read NEW at this stage (default: its own).", metavar="STAGE")
    ] = None,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Explain what changed between two assessments: index, predikat, domains, aspects, indicators."""
    session = start(
        lang,
        color,
        output,
        inputs=(
            old,
            new,
            frameworks,
        ),
        fmt=fmt,
        renders="diff",
        encoding=encoding,
    )
    first = stage_option(old_stage, session, "--old-stage")
    second = stage_option(new_stage, session, "--new-stage")
    if stages is not None:
        if new is not None or first or second:
            raise typer.BadParameter(session.messages(M.err_stages_one_file), param_hint="'--stages'")
        first, second = (stage_option(stage, session, "--stages") for stage in stages)
        new = old
    elif new is None:
        raise typer.BadParameter(session.messages(M.err_stages_one_file), param_hint="'NEW'")
    catalog = load_catalog_or_exit(frameworks, session)
    results = list(scored([old, new], catalog, session, [first, second]))
    if session.failed_files:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    from dataclasses import replace

    from ...core.diffing import diff
    from ...core.scoring import score_by_stage

    if results[0].assessment is not None and stages is None:  # for last year's mandiri -> akhir context line
        results[0] = replace(results[0], by_stage=score_by_stage(results[0].assessment, results[0].framework))
    from ...formats import load as load_format

    result = diff(results[0], results[1])
    write_output(
        load_format(fmt).diff(result, session.options(fmt)),
        output,
        force,
        session,
        inputs=[old, new, *([frameworks] if frameworks else [])],
    )
    summary = step_summary(session)
    if summary is not None:
        from ...formats import markdown

        summary.add(markdown.diff(result, session.options("markdown")) + "\n")
        write_summary(summary, session)
    from ...core.gates import diff_failures

    if not result.comparable:  # the gates never fail across frameworks: say so for each one asked for
        for gate, asked in (("--fail-on-drop", fail_on_drop), ("--fail-on-predikat-drop", fail_on_predikat_drop)):
            if asked:
                note = session.messages(
                    M.diff_gate_not_comparable, gate=gate, old=result.old.framework.id, new=result.new.framework.id
                )
                print(terminal_line(f"spbe: {note}"), file=sys.stderr)
    gates = diff_failures(result, fail_on_drop=fail_on_drop, fail_on_predikat_drop=fail_on_predikat_drop)
    failures = [session.messages(failure.message, **failure.values) for failure in gates]
    for message in failures:
        print(terminal_line(f"spbe: {message}"), file=sys.stderr)
    raise typer.Exit(ExitCode.GATE_FAILED if failures else ExitCode.OK)
