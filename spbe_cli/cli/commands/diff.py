"""`spbe diff`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, format_option, shared_options
from ..session import Session, start

if TYPE_CHECKING:
    from ...core.diffing import DiffResult
    from ...core.scoring import ScoreResult
    from ...loading.catalog import Catalog


@app.command("diff", help=help_text(M.help_diff))
@shared_options("output", "force", "frameworks", "lang", "color", "encoding")
def diff_command(
    old: Annotated[
        str,
        typer.Argument(help=help_text(M.help_diff_old), show_default=False, metavar="OLD"),
    ],
    new: Annotated[
        str | None,
        typer.Argument(help=help_text(M.help_diff_new), show_default=False, metavar="NEW"),
    ] = None,
    fmt: Annotated[str, format_option("diff")] = "table",
    fail_on_drop: Annotated[bool, typer.Option("--fail-on-drop", help=help_text(M.help_diff_fail_on_drop))] = False,
    fail_on_predikat_drop: Annotated[
        bool, typer.Option("--fail-on-predikat-drop", help=help_text(M.help_diff_fail_on_predikat_drop))
    ] = False,
    stages: Annotated[
        tuple[str, str] | None,
        typer.Option("--stages", help=help_text(M.help_diff_stages), metavar="OLD NEW"),
    ] = None,
    old_stage: Annotated[
        str | None, typer.Option("--old-stage", help=help_text(M.help_diff_old_stage), metavar="STAGE")
    ] = None,
    new_stage: Annotated[
        str | None, typer.Option("--new-stage", help=help_text(M.help_diff_new_stage), metavar="STAGE")
    ] = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(old, new), fmt=fmt, renders="diff")
    new, first, second = _sides(old, new, stages, old_stage, new_stage, session)
    result = _compare(old, new, first, second, by_stage=stages is None, catalog=session.catalog(), session=session)
    from ...formats import load as load_format

    session.write(load_format(fmt).diff(result, session.options(fmt)), inputs=[old, new])
    summary = session.step_summary()
    if summary is not None:
        from ...formats import markdown

        summary.add(markdown.diff(result, session.options("markdown")) + "\n")
        session.write_summary(summary)
    from ...core.gates import diff_failures

    if not result.comparable:  # the gates never fail across frameworks: say so for each one asked for
        for gate, asked in (("--fail-on-drop", fail_on_drop), ("--fail-on-predikat-drop", fail_on_predikat_drop)):
            if asked:
                frameworks = {"old": result.old.framework.id, "new": result.new.framework.id}
                session.error(M.diff_gate_not_comparable, gate=gate, **frameworks)
    gates = diff_failures(result, fail_on_drop=fail_on_drop, fail_on_predikat_drop=fail_on_predikat_drop)
    for failure in gates:
        session.error(failure.message, **failure.values)
    raise typer.Exit(ExitCode.GATE_FAILED if gates else ExitCode.OK)


def _sides(
    old: str,
    new: str | None,
    stages: tuple[str, str] | None,
    old_stage: str | None,
    new_stage: str | None,
    session: Session,
) -> tuple[str, str | None, str | None]:
    """The file to compare OLD with and the stage each is read at: NEW, or OLD again with --stages."""
    first = session.stage(old_stage, "--old-stage")
    second = session.stage(new_stage, "--new-stage")
    if stages is not None:
        if new is not None or first or second:
            raise session.bad_option("--stages", M.err_stages_one_file)
        first, second = (session.stage(stage, "--stages") for stage in stages)
        return old, first, second
    if new is None:
        raise session.bad_option("NEW", M.err_stages_one_file)
    return new, first, second


def _compare(
    old: str, new: str, first: str | None, second: str | None, *, by_stage: bool, catalog: Catalog, session: Session
) -> DiffResult:
    """Both files scored (exit 3 if either cannot be), then compared; `by_stage` adds OLD's stages."""
    results: list[ScoreResult] = list(session.score_files([old, new], catalog, [first, second]))
    if session.failed:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    from ..workflows import compare

    return compare(results[0], results[1], by_stage=by_stage)
