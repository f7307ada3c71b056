"""`spbe validate`."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from ...exitcodes import ExitCode
from ...formats.escaping import terminal_line
from ...i18n import M, Phrase
from ..app import app
from ..help import help_text
from ..options import Shared, shared_options
from ..session import Session, expand_paths, start

if TYPE_CHECKING:
    from ...core.assessment import Assessment
    from ...problems import Problem


@app.command(help=help_text(M.help_validate))
@shared_options("frameworks", "lang", "encoding")
def validate(
    files: Annotated[
        list[str], typer.Argument(help=help_text(M.help_files_to_check), show_default=False, metavar="FILE")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=help_text(M.help_validate_format),
        ),
    ] = None,  # fmt: skip
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=help_text(M.help_validate_quiet))] = False,
    skip_other_yaml: Annotated[
        bool, typer.Option("--skip-other-yaml", help=help_text(M.help_validate_skip_other_yaml))
    ] = False,
    *,
    shared: Shared,
) -> None:
    from ...loading.loader import other_yaml, parse_any, read_bytes
    from ...problems import InvalidInput

    session = start(shared, inputs=(files,), fmt=fmt, formats=("text", "github"))
    as_text = session.format == "text"  # else github annotations, on standard output at the end
    catalog = session.catalog()
    problems: list[Problem] = []
    unreadable: list[tuple[str, Phrase | str]] = []
    looked_at = 0  # files read, valid or not, or skipped as other YAML
    for path in expand_paths(files, unreadable):
        looked_at += 1
        try:
            data = read_bytes(path)
            if skip_other_yaml and not path.lower().endswith((".xlsx", ".csv")) and other_yaml(data):
                continue
            assessment = parse_any(data, path, catalog, warn=session.warn, encoding=session.encoding)
        except InvalidInput as error:
            session.failed.append(path)
            _report(error.problems, session, problems if not as_text else None)  # text: file by file
            continue
        except Exception as error:  # a bug met on one file: said, and the other files still checked
            session.bug_in(path, error)
            continue
        session.note_years(path, catalog.get(assessment.framework), assessment.year)
        if not quiet:
            print(terminal_line(_valid(path, assessment, session)))
    _report(session.unreadable_folders(unreadable), session, problems if not as_text else None)
    if problems:
        from ...formats import github

        sys.stdout.write(github.problems(problems, session.messages))
    if not looked_at and not unreadable:  # an empty folder, a folder named x.yaml: nothing was checked
        session.error(M.err_no_files, paths=", ".join(files))
        raise typer.Exit(ExitCode.INVALID_INPUT)
    raise typer.Exit(session.exit_code())


def _valid(path: str, assessment: Assessment, session: Session) -> str:
    """`a.yaml: valid (spbe-2020, 47 indicators)`, and how many are not filled yet."""
    count, unfilled = len(assessment.entries), len(assessment.unfilled)
    if unfilled:
        return session.messages(
            M.msg_valid_unfilled, path=path, framework=assessment.framework, count=count, unfilled=unfilled
        )
    return session.messages(M.msg_valid, path=path, framework=assessment.framework, count=count)


def _report(found: list[Problem], session: Session, annotations: list[Problem] | None) -> None:
    """Problems to standard error now, or kept for the annotations printed at the end."""
    if annotations is None:
        session.report(found)
    else:
        annotations.extend(found)
