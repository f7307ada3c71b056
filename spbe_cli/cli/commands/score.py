"""`spbe score`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import DetailOption, Shared, format_option, shared_options
from ..session import Session, start, write_chunk

if TYPE_CHECKING:
    from ...core.gates import GateFailure, ScoreGates, UnknownPredikat
    from ...core.scoring import ScoreResult


FailUnderOption = Annotated[
    str | None, typer.Option("--fail-under", help=help_text(M.help_score_fail_under), metavar="X")
]
MinPredikatOption = Annotated[
    str | None,
    typer.Option("--min-predikat", help=help_text(M.help_score_min_predikat), metavar="P"),
]
StageOption = Annotated[
    str | None,
    typer.Option(
        "--stage",
        help=help_text(M.help_score_stage),
        metavar="STAGE",
    ),
]


@app.command(help=help_text(M.help_score))
@shared_options("output", "force", "frameworks", "lang", "color", "encoding")
def score(
    files: Annotated[
        list[str],
        typer.Argument(help=help_text(M.help_files), show_default=False, metavar="FILE"),
    ],
    fmt: Annotated[str, format_option("score")] = "table",
    detail: DetailOption = False,
    fail_under: FailUnderOption = None,
    min_predikat: MinPredikatOption = None,
    stage: StageOption = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(files,), fmt=fmt, renders="score")
    chosen_stage = session.stage(stage, allow_all=True)
    threshold = session.decimal(fail_under, "--fail-under")
    catalog = session.catalog()
    from ...core.gates import ScoreGates, UnknownPredikat

    gates = ScoreGates(threshold, fail_under, min_predikat)
    try:
        gates.check_names(catalog)
    except UnknownPredikat as error:
        raise unknown_predikat(error, session) from None
    from ...formats import load as load_format

    paths = session.assessment_paths(files)
    renderer = load_format(fmt)
    sink = session.open_sink(inputs=paths)
    checks = _Checks(gates, session, all_stages=chosen_stage == "all", detail=detail)
    options = session.options(
        fmt, detail=detail, many=len(files) > 1 or any(f != "-" and os.path.isdir(f) for f in files)
    )

    def produce() -> None:
        scored = session.score_files(paths, catalog, None if checks.all_stages else chosen_stage)
        rendered = renderer.score(checks.checked(session.compared(scored, position=detail)), options)
        for chunk in [rendered] if isinstance(rendered, bytes) else rendered:  # a workbook comes whole
            write_chunk(sink, chunk)

    try:
        # a failed run leaves an existing --output file untouched
        session.finish(sink, produce, keep=lambda: not session.failed)
    except UnknownPredikat as error:  # a file's framework has no band of that name: the gate means nothing
        sink.discard()
        raise unknown_predikat(error, session) from None
    session.write_summary(checks.summary)
    for failure in checks.failures:
        session.error(failure.message, **failure.values)
    raise typer.Exit(session.exit_code(ExitCode.GATE_FAILED if checks.failures else ExitCode.OK))


class _Checks:
    """What `score` does with each result on its way to the renderer: its scores per stage (--stage all),
    its section of the GitHub step summary, and the gates it fails (said once the output is written)."""

    def __init__(self, gates: ScoreGates, session: Session, *, all_stages: bool, detail: bool):
        self.gates, self.all_stages = gates, all_stages
        self.summary = session.step_summary()
        self.summary_options = session.options("markdown", detail=detail)
        self.failures: list[GateFailure] = []

    def checked(self, results: Iterable[ScoreResult]) -> Iterator[ScoreResult]:
        for result in results:
            if self.all_stages and result.assessment is not None:
                from dataclasses import replace

                from ...core.scoring import score_by_stage

                result = replace(result, by_stage=score_by_stage(result.assessment, result.framework))
            if self.summary is not None and not self.summary.full:
                from ...formats import markdown

                self.summary.add(markdown.score_section(result, self.summary_options) + "\n")
            self.failures.extend(self.gates.failures(result))
            yield result


def unknown_predikat(error: UnknownPredikat, session: Session) -> typer.BadParameter:
    return session.bad_option(
        "--min-predikat", M.err_unknown_predikat, name=error.name, choices=", ".join(error.choices)
    )
