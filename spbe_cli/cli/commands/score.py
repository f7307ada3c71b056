"""`spbe score`."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...formats.escaping import terminal_line
from ...i18n import M
from ..app import app
from ..options import (
    ColorOption,
    DebugOption,
    DetailOption,
    EncodingOption,
    ForceOption,
    FrameworksOption,
    LangOption,
    OutputOption,
    format_option,
)
from ..session import (
    Session,
    assessment_paths,
    decimal_option,
    finish,
    load_catalog_or_exit,
    open_sink,
    scored,
    stage_option,
    start,
    step_summary,
    write_chunk,
    write_summary,
)

if TYPE_CHECKING:
    from ...core.scoring import ScoreResult


@app.command()
def score(
    files: Annotated[
        list[str],
        typer.Argument(help="Assessment files or folders (- for standard input).", show_default=False, metavar="FILE"),
    ],
    fmt: Annotated[str, format_option("score")] = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    detail: DetailOption = False,
    fail_under: Annotated[
        str | None,
        typer.Option("--fail-under", help="Exit 1 when a displayed index is below this number.", metavar="X"),
    ] = None,
    min_predikat: Annotated[
        str | None,
        typer.Option("--min-predikat", help='Exit 1 when a predikat is below this one, e.g. "Baik".', metavar="P"),
    ] = None,
    stage: Annotated[
        str | None,
        typer.Option(
            "--stage",
            help="Score at this stage: mandiri, dokumen, interviu, visitasi, akhir, or all (each recorded stage;"
            " --detail shows a column per stage). Default: the file's own stage.",
            metavar="STAGE",
        ),
    ] = None,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Score assessment files: the index, predikat, domains and aspects (--detail: indicators)."""
    session = start(
        lang,
        color,
        output,
        inputs=(
            files,
            frameworks,
        ),
        fmt=fmt,
        renders="score",
        encoding=encoding,
    )
    chosen_stage = stage_option(stage, session, allow_all=True)
    all_stages = chosen_stage == "all"
    threshold = decimal_option(fail_under, "--fail-under", session)
    catalog = load_catalog_or_exit(frameworks, session)
    from ...core.gates import ScoreGates, UnknownPredikat

    gates = ScoreGates(threshold, fail_under, min_predikat)
    try:
        gates.check_names(catalog)
    except UnknownPredikat as error:
        raise unknown_predikat(error, session) from None
    from ...formats import load as load_format

    paths = assessment_paths(files, session)
    renderer = load_format(fmt)
    sink = open_sink(output, force, session, inputs=[*paths, *([frameworks] if frameworks else [])])
    gate_failures: list[str] = []
    summary = step_summary(session)
    if summary is not None:
        from ...formats import markdown

        summary_options = session.options("markdown", detail=detail)

    def checked(results: Iterable[ScoreResult]) -> Iterator[ScoreResult]:
        for result in results:
            if all_stages and result.assessment is not None:
                from dataclasses import replace

                from ...core.scoring import score_by_stage

                result = replace(result, by_stage=score_by_stage(result.assessment, result.framework))
            if summary is not None and not summary.full:
                summary.add(markdown.score_section(result, summary_options) + "\n")
            gate_failures.extend(session.messages(f.message, **f.values) for f in gates.failures(result))
            yield result

    options = session.options(
        fmt, detail=detail, many=len(files) > 1 or any(f != "-" and os.path.isdir(f) for f in files)
    )

    def produce() -> None:
        rendered = renderer.score(
            checked(scored(paths, catalog, session, None if all_stages else chosen_stage)), options
        )
        for chunk in [rendered] if isinstance(rendered, bytes) else rendered:  # a workbook comes whole
            write_chunk(sink, chunk)

    try:
        # a failed run leaves an existing --output file untouched
        finish(sink, session, produce, keep=lambda: not session.failed)
    except UnknownPredikat as error:  # a file's framework has no band of that name: the gate means nothing
        sink.discard()
        raise unknown_predikat(error, session) from None
    write_summary(summary, session)
    for message in gate_failures:
        print(terminal_line(f"spbe: {message}"), file=sys.stderr)
    if session.failed_files:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    raise typer.Exit(ExitCode.GATE_FAILED if gate_failures else ExitCode.OK)


def unknown_predikat(error, session: Session) -> typer.BadParameter:
    message = session.messages(M.err_unknown_predikat, name=error.name, choices=", ".join(error.choices))
    return typer.BadParameter(message, param_hint="'--min-predikat'")
