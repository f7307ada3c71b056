"""What every command sets up and shares: the one voice on standard error, and the session of a run.

`Voice` is the only writer of standard error: every line spbe says there goes through it, escaped
for the terminal. `Session` is a voice that also knows the run (language, colour, the shared options,
the files that failed) and does what every command does: check options, read inputs, write outputs.
Helpers that need neither live beside it as functions (`use_color`, `at_stage`, `expand_paths`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

from ..exitcodes import ExitCode
from ..formats.escaping import terminal_line
from ..i18n import LANGUAGES, M, Message, Messages, Phrase, default_language
from ..problems import os_reason
from .options import Shared

if TYPE_CHECKING:
    from ..core.assessment import Assessment
    from ..core.framework import Framework
    from ..core.planning import Costs
    from ..core.scoring import ScoreResult
    from ..formats import RenderOptions
    from ..loading.catalog import Catalog
    from ..problems import Problem
    from .output import OutputError, Sink, StepSummary

COLORS = ("auto", "always", "never")
READ_AHEAD = 16 * 1024 * 1024  # bytes of assessments kept between finding and reading them
T = TypeVar("T")


class Voice:
    """spbe's one voice on standard error, in one language: each line escaped for the terminal."""

    def __init__(self, messages: Messages):
        self.messages = messages

    def line(self, text: str) -> None:
        print(terminal_line(text), file=sys.stderr)

    def say(self, message: Message, /, **values: object) -> None:
        """A message that names its own subject (`a.yaml: note: ...`)."""
        self.line(self.messages(message, **values))

    def error(self, message: Message, /, **values: object) -> None:
        """`spbe: message`: an error, a gate failure or a note about the run as a whole."""
        self.line(f"spbe: {self.messages(message, **values)}")

    def error_at(self, where: str, message: Message, /, **values: object) -> None:
        """`WHERE: message`, WHERE a file or a place in it (`a.xlsx:Penilaian!F14`)."""
        self.line(f"{where}: {self.messages(message, **values)}")

    def report(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.line(problem.render(self.messages))

    def warn(self, problem: Problem) -> None:
        """A warning about an input (a spreadsheet's unused column, a formula's saved value): printed, not fatal."""
        self.report([problem])

    def traceback(self) -> None:
        """The traceback of the exception being handled (--debug)."""
        import traceback

        for text in traceback.format_exc().splitlines():
            self.line(text)

    def bad_option(self, option: str | tuple[str, ...], message: Message, /, **values: object) -> typer.BadParameter:
        """A usage error (exit 2) about `option` ("--format", "FILE", or two that go together), worded: raise it."""
        return typer.BadParameter(
            self.messages(message, **values), param_hint=f"'{option}'" if isinstance(option, str) else option
        )


class Session(Voice):
    """A run of one command: its language, colour and shared options, its voice, and the input files
    that could not be used (`failed`: they make the exit code 3)."""

    def __init__(self, shared: Shared):
        if shared.lang is not None and shared.lang not in LANGUAGES:
            raise Voice(Messages(default_language())).bad_option(
                "--lang", M.err_choose_one_of, choices=", ".join(LANGUAGES)
            )
        super().__init__(Messages(shared.lang or default_language()))
        if shared.color not in COLORS:
            raise self.bad_option("--color", M.err_choose_one_of, choices=", ".join(COLORS))
        self.output, self.force, self.frameworks = shared.output, shared.force, shared.frameworks
        self.encoding = shared.encoding  # of CSV assessment sheets not saved as UTF-8 (--encoding)
        self.color = use_color(shared.color, to_file=shared.output not in (None, "-"))
        self.failed: list[str] = []  # input files that could not be used
        # Bytes of files found in folders, read once to skip other YAML and kept for reading them as
        # assessments (`score_files` takes them out), while they fit READ_AHEAD: a file is read once.
        self.read_ahead: dict[str, bytes] = {}
        self.read_ahead_size = 0
        self.broken = False  # a bug of spbe met while reading one of them: the run ends with exit 70
        self.format: str | None = None  # --format, or the default start() chose

    def options(self, fmt: str, *, detail: bool = False, many: bool = False) -> RenderOptions:
        from ..formats import RenderOptions

        return RenderOptions(
            detail=detail,
            many=many,
            color=self.color and fmt == "table",
            width=terminal_width(),
            messages=self.messages,
        )

    # --- options -------------------------------------------------------------------------------

    def choice(self, value: str, allowed: tuple[str, ...], option: str = "--format") -> str:
        if value not in allowed:
            raise self.bad_option(option, M.err_not_one_of, value=value, choices=", ".join(allowed))
        return value

    def decimal(self, value: str | None, option: str) -> Decimal | None:
        if value is None:
            return None
        try:
            number = Decimal(value.strip().replace(",", "."))  # 2,60 is how many Indonesians write 2.60
        except InvalidOperation:
            number = Decimal("NaN")
        if not number.is_finite():
            raise self.bad_option(option, M.err_bad_number, value=value)
        return number

    def stage(self, value: str | None, option: str = "--stage", *, allow_all: bool = False) -> str | None:
        from ..core.stages import STAGES

        if value is None:
            return None
        return self.choice(value, (*STAGES, "all") if allow_all else STAGES, option)

    def framework(self, catalog: Catalog, framework_id: str, option: str) -> Framework:
        if framework_id not in catalog:
            raise self.bad_option(option, M.err_unknown_framework, id=framework_id, choices=", ".join(catalog.ids))
        return catalog.get(framework_id)

    def check_format(self, fmt: str, allowed: tuple[str, ...]) -> None:
        """`fmt` is one of `allowed`; a binary format (xlsx) needs --output FILE (exit 2 otherwise)."""
        from ..formats import REGISTRY

        self.choice(fmt, allowed)
        if fmt in REGISTRY and REGISTRY[fmt].binary and self.output in (None, "-"):
            raise self.bad_option("--output", M.err_xlsx_needs_output)

    def stdin_once(self, *paths: str | Iterable[str] | None) -> None:
        """Refuse `-` (standard input) named more than once: the second read would find it empty (exit 2)."""
        named = [p for group in paths if group for p in ([group] if isinstance(group, str) else group)]
        if named.count("-") > 1:
            raise self.bad_option("-", M.err_stdin_twice)

    # --- inputs --------------------------------------------------------------------------------

    def catalog(self) -> Catalog:
        """The frameworks (--frameworks, else the bundled ones), or exit 3 after reporting their problems."""
        from ..loading.catalog import load_catalog
        from ..problems import InvalidInput

        try:
            return load_catalog(self.frameworks)
        except InvalidInput as error:
            self.report(error.problems)
            raise typer.Exit(ExitCode.INVALID_INPUT) from None

    def unreadable_folders(self, unreadable: list[tuple[str, Phrase | str]]) -> list[Problem]:
        """Each folder that could not be listed, as a problem of its own, counted as failed (exit 3)."""
        from ..problems import Place, Problem

        self.failed.extend(folder for folder, _ in unreadable)
        return [
            Problem.at(Place(folder), Phrase(M.folder_unreadable, reason=reason), "file")
            for folder, reason in unreadable
        ]

    def assessment_paths(self, paths: Sequence[str]) -> list[str]:
        """The files to score: every file named, and from folders the files that are assessments.

        Other YAML in a folder (it parses, with no top-level `framework` key: a costs file, notes) is
        skipped with one note saying how many, never fatal; a file named explicitly is never skipped.
        A folder that cannot be listed is reported. No file at all: exit 3, naming what was given.
        """
        found: list[str] = []
        skipped = results = 0
        unreadable: list[tuple[str, Phrase | str]] = []
        for path in expand_paths(paths, unreadable):
            if isinstance(path, FoundInFolder) and self._other_yaml(path):
                skipped += 1
                continue
            if isinstance(path, FoundInFolder) and is_results_workbook(path):
                results += 1  # `rank . -f xlsx -o peringkat.xlsx` must not break the next run
                continue
            found.append(str(path))
        self.report(self.unreadable_folders(unreadable))
        if skipped:
            self.error(M.msg_skipped_other_yaml, count=skipped)
        if results:
            self.error(M.msg_skipped_results, count=results)
        if not found:
            self.error(M.err_no_files, paths=", ".join(paths))
            raise typer.Exit(ExitCode.INVALID_INPUT)
        return found

    def _other_yaml(self, path: str) -> bool:
        """Whether a file found in a folder is YAML that is not an assessment (skipped); an assessment's
        bytes are kept in `read_ahead` while they fit."""
        if path.lower().endswith((".xlsx", ".ods")):
            return False  # a workbook in a folder is an assessment sheet: reading it says if it is not
        from ..loading.loader import other_yaml
        from ..loading.yamlread import MAX_BYTES, read_capped

        try:
            data = read_capped(path)
        except OSError:
            return False  # unreadable: let loading report it, located
        if other_yaml(data):
            return True
        if len(data) <= MAX_BYTES and self.read_ahead_size + len(data) <= READ_AHEAD:  # whole, and room
            self.read_ahead[path] = data
            self.read_ahead_size += len(data)
        return False

    def note_years(self, path: str, framework: Framework, year: int) -> None:
        """A file dated outside its framework's years is used, with a note (e.g. 2026 under spbe-2020)."""
        if not framework.applies_to(year):
            years = f"{framework.first_year}-{framework.last_year or ''}"
            self.say(M.msg_outside_years, path=path, year=year, framework=framework.id, years=years)

    def load_one(self, path: str, catalog: Catalog, stage: str | None = None, *, filled: bool = True) -> Assessment:
        """One assessment read at `stage` (None: its own), or exit 3 after reporting its problems.

        With `filled` (the default), a value missing at that stage is one of those problems."""
        from ..loading.loader import load_file
        from ..problems import InvalidInput

        try:
            assessment = load_file(path, catalog, warn=self.warn, encoding=self.encoding)
            assessment = at_stage(assessment, stage) if filled else assessment.resolved(stage or assessment.stage)
        except InvalidInput as error:
            self.report(error.problems)
            raise typer.Exit(ExitCode.INVALID_INPUT) from None
        self.note_years(path, catalog.get(assessment.framework), assessment.year)
        return assessment

    def costs(self, path: str | None, framework: Framework) -> tuple[Costs | None, bytes]:
        """The --costs file read for `framework` and its bytes (None and no bytes without one), or exit 3
        after reporting its problems."""
        if not path:
            return None, b""
        from ..loading.costs import parse_costs
        from ..loading.loader import read_bytes
        from ..problems import InvalidInput

        try:
            data = read_bytes(path)
            return parse_costs(data, path, framework), data
        except InvalidInput as error:
            self.report(error.problems)
            raise typer.Exit(ExitCode.INVALID_INPUT) from None

    def read_each(self, path: str, read: Callable[[], T]) -> T | None:
        """`read()` of one file of many: its problems reported and the file counted as failed (None), so
        one file never costs the others their results. A bug met on it is said as one, naming the file,
        and the run goes on to end with exit 70 (`broken`)."""
        from ..problems import InvalidInput

        try:
            return read()
        except InvalidInput as error:
            self.report(error.problems)
            self.failed.append(path)
        except Exception as error:  # a bug: reported, never a reason to lose the other files
            self.bug_in(path, error)
        return None

    def bug_in(self, path: str, error: Exception) -> None:
        """Say that reading `path` met a bug of spbe (with its traceback under --debug); count it failed."""
        from .options import DebugSwitch

        if DebugSwitch.requested or os.environ.get("SPBE_DEBUG"):
            self.traceback()
        self.say(M.err_internal_file, path=path, error=f"{type(error).__name__}: {error}")
        self.broken = True
        self.failed.append(path)

    def exit_code(self, otherwise: int = 0) -> int:
        """The exit code of a run over many files: 70 after a bug, 3 after a file that could not be
        used, else `otherwise` (a gate's verdict)."""
        if self.broken:
            return ExitCode.INTERNAL
        return ExitCode.INVALID_INPUT if self.failed else otherwise

    def score_files(
        self, paths: Iterable[str], catalog: Catalog, stages: Iterable[str | None] | str | None = None
    ) -> Iterator[ScoreResult]:
        """Load and score files one at a time, each at `stages` (one for all, or one per file; None: the
        file's own stage); problems go to standard error and the file to `failed`."""
        import itertools

        from ..core.scoring import score
        from ..loading.loader import load_file, parse_any

        per_file = itertools.repeat(stages) if stages is None or isinstance(stages, str) else iter(stages)
        for path, stage in zip(paths, per_file, strict=False):

            def read(path: str = path, stage: str | None = stage) -> Assessment:
                data = self.read_ahead.pop(path, None)  # read already, when found in a folder
                if data is None:
                    assessment = load_file(path, catalog, warn=self.warn, encoding=self.encoding)
                else:
                    assessment = parse_any(data, path, catalog, warn=self.warn, encoding=self.encoding)
                return at_stage(assessment, stage)

            assessment = self.read_each(path, read)
            if assessment is None:
                continue
            self.note_years(path, catalog.get(assessment.framework), assessment.year)
            yield score(assessment, catalog.get(assessment.framework))

    def compared(self, results: Iterable[ScoreResult], *, position: bool = False) -> Iterator[ScoreResult]:
        """Each result beside KemenPANRB's published figures (`beside_published`)."""
        return beside_published(results, position=position)

    # --- outputs -------------------------------------------------------------------------------

    def open_sink(
        self,
        *,
        inputs: Iterable[str] = (),
        exclusive: bool = False,
        to: str | None = None,
        force: bool | None = None,
        option: str = "--output",
    ) -> Sink:
        """Standard output, or --output (or the file `to`, named `option` in refusals) written atomically.
        Generated outputs replace their file; a file a person edits (exclusive=True) is not replaced
        without --force. No input (nor the frameworks file) may be overwritten."""
        from .output import OutputError, Sink

        try:
            return Sink(
                self.output if to is None else to,
                force=self.force if force is None else force,
                exclusive=exclusive,
                inputs=[*inputs, *([self.frameworks] if self.frameworks else [])],
                option=option,
            )
        except OutputError as error:
            self._output_failed(error)

    def write(
        self,
        data: str | bytes,
        *,
        inputs: Iterable[str] = (),
        exclusive: bool = False,
        to: str | None = None,
        force: bool | None = None,
    ) -> None:
        """All of a command's output at once, where `open_sink` says. Bytes (a workbook) go to a file only
        (`check_format` refused standard output before any work)."""
        sink = self.open_sink(inputs=inputs, exclusive=exclusive, to=to, force=force)
        self.finish(sink, lambda: write_chunk(sink, data))

    def finish(self, sink: Sink, produce: Callable[[], None], *, keep: Callable[[], bool] = lambda: True) -> None:
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
            self._output_failed(error)
        except BaseException:
            sink.discard()
            raise

    def step_summary(self) -> StepSummary | None:
        """The GitHub Actions step summary to append to, when $GITHUB_STEP_SUMMARY is set."""
        from .output import StepSummary

        return StepSummary.from_environment(self.messages(M.summary_truncated))

    def write_summary(self, summary: StepSummary | None) -> None:
        if summary is None:
            return
        try:
            summary.write()
        except OSError as error:  # the report itself succeeded; a summary that cannot be written is a note
            self.error(M.err_cannot_write, path=summary.path, reason=os_reason(error))

    def _output_failed(self, error: OutputError) -> NoReturn:
        self.error(error.message, **error.values)
        raise typer.Exit(error.code) from None


def start(
    shared: Shared,
    *,
    inputs: tuple[str | Iterable[str] | None, ...] = (),
    fmt: str | None = None,
    renders: str | None = None,
    formats: tuple[str, ...] | None = None,
) -> Session:
    """What every command does first with the shared options: the language and colour checked, standard
    input named at most once among `inputs`, and `--format` checked against the formats rendering
    `renders` (a binary one only with --output), or against `formats`. Usage errors exit 2 before any
    file is read. The format chosen is `session.format`: `fmt`, or where a command reporting problems
    leaves it out (fmt None with `renders` or `formats`), github annotations when run by GitHub Actions
    with standard output not a terminal, text otherwise."""
    session = Session(shared)
    session.stdin_once(*inputs, shared.frameworks)
    if renders is not None or formats is not None:
        if fmt is None:
            under_actions = os.environ.get("GITHUB_ACTIONS") == "true" and not sys.stdout.isatty()
            fmt = "github" if under_actions else "text"
        if formats is None:
            from ..formats import names

            formats = names(renders or "")
        session.check_format(fmt, formats)
    session.format = fmt
    return session


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


class FoundInFolder(str):
    """A file found by searching a folder, as opposed to one the user named."""

    __slots__ = ()


def expand_paths(paths: Iterable[str], unreadable: list[tuple[str, Phrase | str]] | None = None) -> Iterator[str]:
    """Files as given; folders searched recursively for *.yaml, *.yml, *.xlsx and *.ods, in a stable order.

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
            unreadable.append((str(error.filename), os_reason(error)))

    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path, onerror=listing_failed):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    found = os.path.join(root, name)
                    # *.YAML and *.Yml too, and workbooks (not ~$name.xlsx, the lock file Excel keeps beside an
                    # open one); only regular files: a FIFO named x.yaml would hang the run
                    wanted = name.lower().endswith((".yaml", ".yml", ".xlsx", ".ods"))
                    wanted = wanted and not name.startswith((".", "~$", ".~lock."))
                    if wanted and os.path.isfile(found) and first_time(found):
                        yield FoundInFolder(found)
        elif path == "-" or first_time(path):
            yield path


def beside_published(results: Iterable[ScoreResult], *, position: bool = False) -> Iterator[ScoreResult]:
    """Each result beside KemenPANRB's published figures: reconciled with its institution's published
    result where its year has published rows (else nothing is read: the years come from a folder
    listing), and with `position` its place against the averages and among the results."""
    from dataclasses import replace

    from ..loading.published import packaged

    data = packaged()
    years = data.result_years()
    for result in results:
        reconciled = None
        if result.year in years:
            from ..core.published import reconcile

            reconciled = reconcile(result, data)
        placed = None
        if position:
            from ..core.published import position as place

            placed = place(result, data)
        if reconciled is not None or placed is not None:
            result = replace(result, published=reconciled, position=placed)
        yield result


def is_results_workbook(path: str) -> bool:
    """Whether a file found in a folder is one of spbe's own results workbooks (skipped, not an assessment)."""
    if not path.lower().endswith(".xlsx"):
        return False
    try:
        from ..loading.loader import results_workbook
        from ..loading.yamlread import read_capped

        return results_workbook(read_capped(path))
    except OSError:
        return False  # unreadable: let loading report it, located


def at_stage(assessment: Assessment, stage: str | None) -> Assessment:
    """The assessment read at `stage` (None: its own), or InvalidInput locating every missing value."""
    stage = stage or assessment.stage
    if assessment.gaps(stage):  # the findings' wording loads only for an assessment with gaps
        from ..core.readiness import located_problems, not_filled
        from ..problems import InvalidInput

        refused = located_problems(not_filled(assessment, stage), assessment)
        if refused:
            raise InvalidInput(refused)
    return assessment.resolved(stage)


def write_chunk(sink: Sink, chunk: str | bytes) -> None:
    if isinstance(chunk, bytes):
        sink.write_bytes(chunk)  # a workbook
    else:
        sink.write(chunk)
