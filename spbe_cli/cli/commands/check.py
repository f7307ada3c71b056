"""`spbe check`."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...i18n import M
from ..app import app
from ..help import help_text
from ..options import Shared, by_option, format_option, shared_options
from ..session import FoundInFolder, Session, expand_paths, is_results_workbook, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...core.readiness import CheckedFile, CheckResult
    from ...loading.catalog import Catalog

FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        help=help_text(M.help_check_fail_on),
        metavar="SEVERITY",
    ),
]
EXTENSIONS = {"markdown": ".md", "xlsx": ".xlsx", "json": ".json", "text": ".txt", "github": ".txt"}


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
    folder = _per_office_folder(shared.output) if by == "pic" else None
    session = start(shared, inputs=(files,), fmt=fmt, renders="check")
    fmt = session.format or "text"
    if folder is not None:
        fmt = "markdown" if fmt in ("text", "github") else fmt
    session.choice(fail_on, ("error", "warning"), "--fail-on")
    if by is not None:
        session.choice(by, ("pic",), "--by")
    wanted = session.stage(stage)
    catalog = session.catalog()
    from ...core.readiness import CheckResult

    checked = []
    for path in expand_paths(files):
        if isinstance(path, FoundInFolder) and is_results_workbook(path):
            continue  # spbe's own results workbook, found in a folder: not an assessment
        found = _check_one(path, catalog, wanted, session)
        if found is not None:
            checked.append(found)
    result = CheckResult(tuple(checked), tuple(session.failed), fail_on, by == "pic")
    if folder is not None:
        _write_per_office(result, folder, fmt, files, session)
    else:
        from typing import cast

        from ...formats import Linter
        from ...formats import load as load_format

        session.write(cast(Linter, load_format(fmt)).check(result, session.options(fmt)), inputs=files)
    raise typer.Exit(session.exit_code(ExitCode.GATE_FAILED if result.failing else ExitCode.OK))


def _check_one(path: str, catalog: Catalog, stage: str | None, session: Session) -> CheckedFile | None:
    """One file's findings, each located; an office's sheet only for the indicators it holds. None when
    the file cannot be read (its problems reported, the file counted as failed)."""
    from ...core.readiness import CheckedFile, findings, held_only, place_of
    from ...loading.loader import load_located, office_scope

    def read() -> Assessment:
        return load_located(path, catalog, warn=session.warn, encoding=session.encoding, office_partial=True)

    assessment = session.read_each(path, read)
    if assessment is None:
        return None
    found = list(findings(assessment, stage))
    scope = office_scope(assessment)
    if scope is not None:
        found = held_only(found, scope[1])
    return CheckedFile(
        source=path,
        institution=assessment.institution,
        framework=assessment.framework,
        stage=stage or assessment.stage,
        findings=tuple(found),
        places=tuple(place_of(finding, assessment) for finding in found),
        office=scope[0] if scope else None,
        checked=len(scope[1]) if scope else None,
    )


def _per_office_folder(output: str | None) -> str | None:
    """With --by pic, `-o DIR` (an existing folder, or a name ending in a slash) asks for a file per office."""
    if output is None or output == "-":
        return None
    if os.path.isdir(output) or output.endswith(("/", os.sep)):
        return output
    return None


def _write_per_office(result: CheckResult, folder: str, fmt: str, inputs: list[str], session: Session) -> None:
    """`check-OFFICE.md` (or .xlsx, .json, .txt) for each office with findings: its own list to send it."""
    from dataclasses import replace
    from typing import cast

    from ...formats import Linter
    from ...formats import load as load_format
    from ...formats.escaping import safe_file_names
    from ...formats.wording import office_name

    groups = result.by_office()
    offices = [office_name(office, session.messages) for office, _ in groups]
    names = safe_file_names(offices, prefix="check-", suffix=EXTENSIONS[fmt])
    os.makedirs(folder, exist_ok=True)
    renderer = cast(Linter, load_format(fmt))
    for (_, items), shown in zip(groups, offices, strict=True):
        mine = {id(finding) for _, finding, _ in items}
        files = tuple(
            replace(
                checked,
                findings=tuple(f for f in checked.findings if id(f) in mine),
                places=tuple(p for f, p in zip(checked.findings, checked.places, strict=True) if id(f) in mine),
            )
            for checked in result.files
        )
        own = replace(result, files=files, by_pic=False, failed=())
        path = os.path.join(folder, names[shown])
        session.write(renderer.check(own, session.options(fmt)), to=path, inputs=inputs, force=True)
    session.say(M.msg_check_per_office, count=len(groups), folder=folder)
