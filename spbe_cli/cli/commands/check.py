"""`spbe check`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, by_option, format_option, shared_options
from ..session import expand_paths, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment

FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        help=help_text(M.help_check_fail_on),
        metavar="SEVERITY",
    ),
]


@app.command("check", help=help_text(M.help_check))
@shared_options("output", "force", "frameworks", "lang", "encoding")
def check_command(
    files: Annotated[
        list[str], typer.Argument(help=help_text(M.help_files_to_check), show_default=False, metavar="FILE")
    ],
    by: Annotated[str | None, by_option(M.help_check_by, "pic")] = None,
    fail_on: FailOnOption = "error",
    stage: Annotated[
        str | None,
        typer.Option("--stage", help=help_text(M.help_check_stage), metavar="STAGE"),
    ] = None,
    fmt: Annotated[str | None, format_option("check")] = None,
    *,
    shared: Shared,
) -> None:
    session = start(shared, inputs=(files,), fmt=fmt, renders="check")
    fmt = session.format or "text"
    session.choice(fail_on, ("error", "warning"), "--fail-on")
    if by is not None:
        session.choice(by, ("pic",), "--by")
    wanted = session.stage(stage)
    catalog = session.catalog()
    from ...core.readiness import CheckedFile, CheckResult, findings, place_of
    from ...loading.loader import load_located

    checked = []
    for path in expand_paths(files):

        def read(path: str = path) -> Assessment:
            return load_located(path, catalog, warn=session.warn, encoding=session.encoding)

        assessment = session.read_each(path, read)
        if assessment is None:
            continue
        found = tuple(findings(assessment, wanted))
        checked.append(
            CheckedFile(
                source=path,
                institution=assessment.institution,
                framework=assessment.framework,
                stage=wanted or assessment.stage,
                findings=found,
                places=tuple(place_of(finding, assessment) for finding in found),
            )
        )
    result = CheckResult(tuple(checked), tuple(session.failed), fail_on, by == "pic")
    from typing import cast

    from ...formats import Linter
    from ...formats import load as load_format

    session.write(cast(Linter, load_format(fmt)).check(result, session.options(fmt)), inputs=files)
    raise typer.Exit(session.exit_code(ExitCode.GATE_FAILED if result.failing else ExitCode.OK))
