"""`spbe validate`."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ...exitcodes import ExitCode
from ...formats.escaping import terminal_line
from ...i18n import M
from ..app import app
from ..options import DebugOption, EncodingOption, FrameworksOption, LangOption
from ..session import expand_paths, load_catalog_or_exit, start, unreadable_folders


@app.command()
def validate(
    files: Annotated[
        list[str], typer.Argument(help="Assessment files or folders to check.", show_default=False, metavar="FILE")
    ],
    fmt: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="text (PATH:LINE:COL: message) or github (workflow annotations; the default under GitHub Actions).",
        ),
    ] = None,  # fmt: skip
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing for valid files.")] = False,
    skip_other_yaml: Annotated[
        bool, typer.Option("--skip-other-yaml", help="Skip YAML files with no top-level `framework:` (for hooks).")
    ] = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    encoding: EncodingOption = None,
    debug: DebugOption = False,
) -> None:
    """Check assessment files without scoring them; report every problem of every file."""
    from ...loading.loader import other_yaml, parse_any, read_bytes
    from ...problems import InvalidInput

    session = start(
        lang,
        "never",
        inputs=(
            files,
            frameworks,
        ),
        fmt=fmt,
        formats=("text", "github"),
        encoding=encoding,
    )
    fmt = session.format or "text"
    catalog = load_catalog_or_exit(frameworks, session)
    problems = []
    unreadable: list[tuple[str, str]] = []
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
            if fmt == "text":
                session.report(error.problems)  # as found, file by file
            else:
                problems.extend(error.problems)
            continue
        session.note_years(path, catalog.get(assessment.framework), assessment.year)
        if not quiet:
            count, unfilled = len(assessment.entries), len(assessment.unfilled)
            if unfilled:
                message = session.messages(
                    M.msg_valid_unfilled, path=path, framework=assessment.framework, count=count, unfilled=unfilled
                )
            else:
                message = session.messages(M.msg_valid, path=path, framework=assessment.framework, count=count)
            print(terminal_line(message))
    if fmt == "text":
        session.report(unreadable_folders(unreadable, session))
    else:
        problems.extend(unreadable_folders(unreadable, session))
    if problems:
        from ...formats import github

        sys.stdout.write(github.problems(problems, session.messages))
    if not looked_at and not unreadable:  # an empty folder, a folder named x.yaml: nothing was checked
        session.error(M.err_no_files, paths=", ".join(files))
        raise typer.Exit(ExitCode.INVALID_INPUT)
    raise typer.Exit(ExitCode.INVALID_INPUT if session.failed_files else ExitCode.OK)
