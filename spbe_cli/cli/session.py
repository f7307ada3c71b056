"""What every command sets up and shares: language, colour, catalog, inputs, output."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

import typer

from ..exitcodes import ExitCode
from ..formats.escaping import terminal_line
from ..i18n import LANGUAGES, M, Message, Messages, default_language

if TYPE_CHECKING:
    from ..core.framework import Framework
    from ..core.scoring import ScoreResult
    from ..formats import RenderOptions
    from ..loading.catalog import Catalog
    from ..problems import Problem
    from .output import Sink


class Session:
    """What every command sets up: language, colour, and how to report problems."""

    def __init__(
        self, lang: str | None, color: str = "auto", output: str | None = None, *, encoding: str | None = None
    ):
        if lang is not None and lang not in LANGUAGES:
            raise typer.BadParameter(f"choose one of: {', '.join(LANGUAGES)}", param_hint="'--lang'")
        if color not in ("auto", "always", "never"):
            raise typer.BadParameter("choose one of: auto, always, never", param_hint="'--color'")
        self.messages = Messages(lang or default_language())
        self.color = use_color(color, to_file=output not in (None, "-"))
        self.failed: list[str] = []  # input files that could not be used
        self.encoding = encoding  # of CSV assessment sheets not saved as UTF-8 (--encoding)
        self.format: str | None = None  # --format, or the default start() chose

    @property
    def failed_files(self) -> int:
        return len(self.failed)

    def report(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            print(terminal_line(problem.render(self.messages)), file=sys.stderr)

    def warn(self, problem: Problem) -> None:
        """A warning about an input (a spreadsheet's unused column, a formula's saved value): printed, not fatal."""
        self.report([problem])

    def error(self, message: Message, **values: Any) -> None:
        print(terminal_line(f"spbe: {self.messages(message, **values)}"), file=sys.stderr)

    def note_years(self, path: str, framework: Framework, year: int) -> None:
        """A file dated outside its framework's years is used, with a note (e.g. 2026 under spbe-2020)."""
        if not framework.applies_to(year):
            years = f"{framework.first_year}-{framework.last_year or ''}"
            message = self.messages(M.msg_outside_years, path=path, year=year, framework=framework.id, years=years)
            print(terminal_line(message), file=sys.stderr)

    def options(self, fmt: str, *, detail: bool = False, many: bool = False) -> RenderOptions:
        from ..formats import RenderOptions

        return RenderOptions(
            detail=detail,
            many=many,
            color=self.color and fmt == "table",
            width=terminal_width(),
            messages=self.messages,
        )


def use_color(choice: str, *, to_file: bool) -> bool:
    if choice == "always":
        return True
    # no-color.org: NO_COLOR disables colour only when set to a non-empty value
    if choice == "never" or to_file or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def terminal_width() -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return max(60, os.get_terminal_size().columns) if sys.stdout.isatty() else 100


def choice(value: str, allowed: tuple[str, ...], session: Session, option: str = "--format") -> str:
    if value not in allowed:
        raise typer.BadParameter(
            session.messages(M.err_not_one_of, value=value, choices=", ".join(allowed)), param_hint=f"'{option}'"
        )
    return value


def decimal_option(value: str | None, name: str, session: Session) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value.strip().replace(",", "."))  # 2,60 is how many Indonesians write 2.60
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise typer.BadParameter(session.messages(M.err_bad_number, value=value), param_hint=f"'{name}'")
    return number


def start(
    lang: str | None,
    color: str = "never",
    output: str | None = None,
    *,
    inputs: tuple[str | Iterable[str] | None, ...] = (),
    fmt: str | None = None,
    renders: str | None = None,
    formats: tuple[str, ...] | None = None,
    encoding: str | None = None,
) -> Session:
    """What every command does first with the shared options: the language and colour checked, standard
    input named at most once among `inputs`, and `--format` checked against the formats rendering
    `renders` (a binary one only with --output), or against `formats`. Usage errors exit 2 before any
    file is read. The format chosen is `session.format`: `fmt`, or where a command reporting problems
    leaves it out (fmt None with `renders` or `formats`), github annotations when run by GitHub Actions
    with standard output not a terminal, text otherwise."""
    session = Session(lang, color, output, encoding=encoding)
    stdin_once(session, *inputs)
    if renders is not None or formats is not None:
        if fmt is None:
            under_actions = os.environ.get("GITHUB_ACTIONS") == "true" and not sys.stdout.isatty()
            fmt = "github" if under_actions else "text"
        if formats is None:
            from ..formats import names

            formats = names(renders or "")
        choice(fmt, formats, session)
        needs_file(fmt, output, session)
    session.format = fmt
    return session


def stdin_once(session: Session, *paths: str | Iterable[str] | None) -> None:
    """Refuse `-` (standard input) named more than once: the second read would find it empty (exit 2)."""
    named = [p for group in paths if group for p in ([group] if isinstance(group, str) else group)]
    if named.count("-") > 1:
        raise typer.BadParameter(session.messages(M.err_stdin_twice), param_hint="'-'")


def load_catalog_or_exit(path: str | None, session: Session) -> Catalog:
    from ..loading.catalog import load_catalog
    from ..problems import InvalidInput

    try:
        return load_catalog(path)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None


def open_sink(
    output: str | None, force: bool, session: Session, *, inputs: Iterable[str] = (), exclusive: bool = False
) -> Sink:
    """Standard output, or a file written atomically. Generated outputs replace their file; a file a
    person edits (exclusive=True) is not replaced without --force. `inputs` may not be overwritten."""
    from .output import OutputError, Sink

    try:
        return Sink(output, force=force, exclusive=exclusive, inputs=inputs)
    except OutputError as error:
        session.error(error.message, **error.values)
        raise typer.Exit(error.code) from None


class _FoundInFolder(str):
    """A file found by searching a folder, as opposed to one the user named."""

    __slots__ = ()


def expand_paths(paths: Iterable[str], unreadable: list[tuple[str, str]] | None = None) -> Iterator[str]:
    """Files as given; folders searched recursively for *.yaml, *.yml and *.xlsx, in a stable order.

    Each file comes once, however it is named (directly and inside a folder, through a link). Folders
    that cannot be listed are added to `unreadable` as (folder, reason). Links to folders inside a
    searched folder are not followed (README, "Folders").
    """
    seen: set[object] = set()

    def first_time(path: str) -> bool:
        try:
            status = os.stat(path)
            key: object = (status.st_dev, status.st_ino)
        except OSError:
            key = os.path.normpath(path)
        if key in seen:
            return False
        seen.add(key)
        return True

    def listing_failed(error: OSError) -> None:
        if unreadable is not None:
            unreadable.append((str(error.filename), error.strerror or str(error)))

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=listing_failed):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    found = os.path.join(root, name)
                    # *.YAML and *.Yml too, and workbooks (not ~$name.xlsx, the lock file Excel keeps beside an
                    # open one); only regular files: a FIFO named x.yaml would hang the run
                    wanted = name.lower().endswith((".yaml", ".yml", ".xlsx")) and not name.startswith((".", "~$"))
                    if wanted and os.path.isfile(found) and first_time(found):
                        yield _FoundInFolder(found)
        elif path == "-" or first_time(path):
            yield path


def unreadable_folders(unreadable: list[tuple[str, str]], session: Session) -> list[Problem]:
    """Each folder that could not be listed, as a problem of its own, counted as failed (exit 3)."""
    from ..i18n import Phrase
    from ..problems import Problem

    session.failed.extend(folder for folder, _ in unreadable)
    return [
        Problem.at(folder, None, None, Phrase(M.folder_unreadable, reason=reason), "file")
        for folder, reason in unreadable
    ]


def assessment_paths(paths: Sequence[str], session: Session) -> list[str]:
    """The files to score: every file named, and from folders the files that are assessments.

    Other YAML in a folder (it parses, with no top-level `framework` key: a costs file, notes) is
    skipped with one note saying how many, never fatal; a file named explicitly is never skipped.
    A folder that cannot be listed is reported. No file at all: exit 3, naming what was given.
    """
    from ..loading.loader import other_yaml

    found: list[str] = []
    skipped = 0
    unreadable: list[tuple[str, str]] = []
    for path in expand_paths(paths, unreadable):
        if isinstance(path, _FoundInFolder) and _is_other_yaml(path, other_yaml):
            skipped += 1
            continue
        found.append(str(path))
    session.report(unreadable_folders(unreadable, session))
    if skipped:
        print(terminal_line(f"spbe: {session.messages(M.msg_skipped_other_yaml, count=skipped)}"), file=sys.stderr)
    if not found:
        session.error(M.err_no_files, paths=", ".join(paths))
        raise typer.Exit(ExitCode.INVALID_INPUT)
    return found


def _is_other_yaml(path: str, other_yaml) -> bool:
    if path.lower().endswith(".xlsx"):
        return False  # a workbook in a folder is an assessment sheet: reading it says if it is not
    try:
        from ..loading.yamlread import read_capped

        return other_yaml(read_capped(path))
    except OSError:
        return False  # unreadable: let loading report it, located


def stage_option(
    value: str | None, session: Session, option: str = "--stage", *, allow_all: bool = False
) -> str | None:
    from ..core.stages import STAGES

    if value is None:
        return None
    return choice(value, (*STAGES, "all") if allow_all else STAGES, session, option)


def at_stage(assessment, stage: str | None, session: Session):
    """The assessment read at `stage` (None: its own), or InvalidInput locating every missing value."""
    from ..loading.loader import not_filled_problems
    from ..problems import InvalidInput

    stage = stage or assessment.stage
    problems = not_filled_problems(assessment, stage)
    if problems:
        raise InvalidInput(problems)
    return assessment.resolved(stage)


def scored(
    paths: Iterable[str], catalog: Catalog, session: Session, stages: Iterable[str | None] | str | None = None
) -> Iterator[ScoreResult]:
    """Load and score files one at a time, each at `stages` (one for all, or one per file; None: the
    file's own stage); problems go to stderr and are counted."""
    import itertools

    from ..core.scoring import score
    from ..loading.loader import load_file
    from ..problems import InvalidInput

    per_file = itertools.repeat(stages) if stages is None or isinstance(stages, str) else iter(stages)
    for path, stage in zip(paths, per_file, strict=False):
        try:
            assessment = at_stage(
                load_file(path, catalog, warn=session.warn, encoding=session.encoding), stage, session
            )
        except InvalidInput as error:
            session.report(error.problems)
            session.failed.append(path)
            continue
        session.note_years(path, catalog.get(assessment.framework), assessment.year)
        yield score(assessment, catalog.get(assessment.framework))


def write_output(
    text: str | bytes,
    output: str | None,
    force: bool,
    session: Session,
    *,
    inputs: Iterable[str] = (),
    exclusive: bool = False,
) -> None:
    """All of a command's output at once: to standard output, or atomically to --output.

    Bytes (a workbook) go to --output only (`needs_file` refused standard output before any work).
    """
    sink = open_sink(output, force, session, inputs=inputs, exclusive=exclusive)
    finish(sink, session, lambda: write_chunk(sink, text))


def finish(
    sink: Sink, session: Session, produce: Callable[[], None], *, keep: Callable[[], bool] = lambda: True
) -> None:
    """Run `produce` (which writes to the sink), then put the file in place when `keep()` says so; on
    any failure or interruption the temporary file is removed. I/O failures exit 2 with one line."""
    from .output import OutputError

    try:
        produce()
        if keep():
            sink.commit()
        else:
            sink.discard()
    except OutputError as error:
        session.error(error.message, **error.values)
        raise typer.Exit(error.code) from None
    except BaseException:
        sink.discard()
        raise


def write_chunk(sink: Sink, chunk: str | bytes) -> None:
    if isinstance(chunk, bytes):
        sink.write_bytes(chunk)  # a workbook
    else:
        sink.write(chunk)


def needs_file(fmt: str, output: str | None, session: Session) -> None:
    """A workbook is not text: a binary format (xlsx) needs --output FILE (exit 2 otherwise)."""
    from ..formats import REGISTRY

    if fmt in REGISTRY and REGISTRY[fmt].binary and output in (None, "-"):
        raise typer.BadParameter(session.messages(M.err_xlsx_needs_output), param_hint="'--output'")


def framework_named(catalog: Catalog, framework_id: str, session: Session, option: str):
    if framework_id not in catalog:
        message = session.messages(M.err_unknown_framework, id=framework_id, choices=", ".join(catalog.ids))
        raise typer.BadParameter(message, param_hint=f"'{option}'")
    return catalog.get(framework_id)


def load_one(path: str, catalog: Catalog, session: Session, stage: str | None = None, *, filled: bool = True):
    """One assessment read at `stage` (None: its own), or exit 3 after reporting its problems.

    With `filled` (the default), a value missing at that stage is one of those problems."""
    from ..loading.loader import load_file
    from ..problems import InvalidInput

    try:
        assessment = load_file(path, catalog, warn=session.warn, encoding=session.encoding)
        assessment = at_stage(assessment, stage, session) if filled else assessment.resolved(stage or assessment.stage)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    session.note_years(path, catalog.get(assessment.framework), assessment.year)
    return assessment


def step_summary(session: Session):
    """The GitHub Actions step summary to append to, when $GITHUB_STEP_SUMMARY is set."""
    from .output import StepSummary

    return StepSummary.from_environment(session.messages(M.summary_truncated))


def write_summary(summary, session: Session) -> None:
    if summary is None:
        return
    try:
        summary.write()
    except OSError as error:  # the report itself succeeded; a summary that cannot be written is a note
        session.error(M.err_cannot_write, path=summary.path, reason=error.strerror or error)
