"""The `spbe` command line: arguments, lazy imports and exit codes. The work happens elsewhere.

Importing this module must stay cheap: pydantic, yaml and rich are imported inside the commands
that need them (a test checks this in a fresh interpreter).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from . import __version__
from .exitcodes import ExitCode
from .formats import FORMATS
from .i18n import LANGUAGES, Messages, default_language

if TYPE_CHECKING:
    from .catalog import Catalog
    from .formats import RenderOptions
    from .output import Sink
    from .problems import Problem
    from .scoring import ScoreResult

app = typer.Typer(
    name="spbe",
    help="Compute Indeks SPBE and Indeks Pemerintah Digital (Pemdi) from assessment files.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

# Options shared by several commands.
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, json, csv or markdown.", metavar="FORMAT")
]
OutputOption = Annotated[
    Optional[str], typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.", metavar="PATH")
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing --output file.")]
FrameworksOption = Annotated[
    Optional[str],
    typer.Option("--frameworks", help="Use this frameworks file instead of the bundled indicators.yaml.", metavar="FILE"),
]
LangOption = Annotated[
    Optional[str], typer.Option("--lang", help="Language of labels and messages: id or en (default: SPBE_LANG, LANG).", metavar="LANG")
]
ColorOption = Annotated[str, typer.Option("--color", help="Colour: auto, always or never (NO_COLOR is honoured).", metavar="WHEN")]
DetailOption = Annotated[bool, typer.Option("--detail", "-d", help="Show every indicator, not only domains and aspects.")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]


class Session:
    """What every command sets up: language, colour, and how to report problems."""

    def __init__(self, lang: str | None, color: str = "auto", output: str | None = None):
        if lang is not None and lang not in LANGUAGES:
            raise typer.BadParameter(f"choose one of: {', '.join(LANGUAGES)}", param_hint="'--lang'")
        if color not in ("auto", "always", "never"):
            raise typer.BadParameter("choose one of: auto, always, never", param_hint="'--color'")
        self.messages = Messages(lang or default_language())
        self.color = _use_color(color, to_file=output not in (None, "-"))
        self.failed: list[str] = []  # input files that could not be used

    @property
    def failed_files(self) -> int:
        return len(self.failed)

    def report(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            print(str(problem), file=sys.stderr)

    def error(self, key: str, **values: Any) -> None:
        print(f"spbe: {self.messages(key, **values)}", file=sys.stderr)

    def note_years(self, path: str, assessment, catalog: Catalog) -> None:
        """A file dated outside its framework's years is scored, with a note (e.g. 2026 under spbe-2020)."""
        framework = catalog.get(assessment.framework)
        if not framework.applies_to(assessment.year):
            years = f"{framework.first_year}-{framework.last_year or ''}"
            message = self.messages("msg_outside_years", path=path, year=assessment.year, framework=framework.id, years=years)
            print(message, file=sys.stderr)

    def options(self, fmt: str, *, detail: bool = False, many: bool = False) -> RenderOptions:
        from .formats import RenderOptions

        return RenderOptions(detail=detail, many=many, color=self.color and fmt == "table", width=_width(), messages=self.messages)


def _use_color(choice: str, *, to_file: bool) -> bool:
    if choice == "always":
        return True
    if choice == "never" or to_file or "NO_COLOR" in os.environ or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _width() -> int:
    try:
        return max(60, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return max(60, os.get_terminal_size().columns) if sys.stdout.isatty() else 100


def _choice(value: str, allowed: tuple[str, ...], session: Session, option: str = "--format") -> str:
    if value not in allowed:
        raise typer.BadParameter(session.messages("err_not_one_of", value=value, choices=", ".join(allowed)), param_hint=f"'{option}'")
    return value


def _decimal_option(value: str | None, name: str, session: Session) -> Decimal | None:
    if value is None:
        return None
    try:
        number = Decimal(value.strip().replace(",", "."))  # 2,60 is how many Indonesians write 2.60
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        raise typer.BadParameter(session.messages("err_bad_number", value=value), param_hint=f"'{name}'")
    return number


def _catalog(path: str | None, session: Session) -> Catalog:
    from .catalog import load_catalog
    from .problems import InvalidInput

    try:
        return load_catalog(path, session.messages.language)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None


def _open_sink(output: str | None, force: bool, session: Session) -> Sink:
    from .output import OutputExists, Sink

    try:
        return Sink(output, force=force)
    except OutputExists:
        session.error("err_exists", path=output)
        raise typer.Exit(ExitCode.USAGE) from None
    except OSError as error:  # a folder, a missing folder, no permission: the --output value is unusable
        session.error("err_cannot_write", path=output, reason=error.strerror or error)
        raise typer.Exit(ExitCode.USAGE) from None


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files as given; folders searched recursively for *.yaml and *.yml, in a stable order."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                dirs.sort()
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in sorted(files):
                    if name.endswith((".yaml", ".yml")) and not name.startswith("."):
                        yield os.path.join(root, name)
        else:
            yield path


def scored(paths: Iterable[str], catalog: Catalog, session: Session) -> Iterator[ScoreResult]:
    """Load and score files one at a time; problems go to stderr and are counted."""
    from .loader import load_file
    from .problems import InvalidInput
    from .scoring import score

    for path in paths:
        try:
            assessment = load_file(path, catalog, session.messages)
        except InvalidInput as error:
            session.report(error.problems)
            session.failed.append(path)
            continue
        session.note_years(path, assessment, catalog)
        yield score(assessment, catalog.get(assessment.framework))


def _write_output(text: str, output: str | None, force: bool, session: Session) -> None:
    """All of a command's output at once: to standard output, or atomically to --output."""
    sink = _open_sink(output, force, session)
    sink.write(text)
    sink.commit()


def _framework_named(catalog: Catalog, framework_id: str, session: Session, option: str):
    if framework_id not in catalog:
        message = session.messages("err_unknown_framework", id=framework_id, choices=", ".join(catalog.ids))
        raise typer.BadParameter(message, param_hint=f"'{option}'")
    return catalog.get(framework_id)


def _load_one(path: str, catalog: Catalog, session: Session):
    """One assessment, or exit 3 after reporting its problems."""
    from .loader import load_file
    from .problems import InvalidInput

    try:
        assessment = load_file(path, catalog, session.messages)
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    session.note_years(path, assessment, catalog)
    return assessment


def _step_summary(session: Session):
    """The GitHub Actions step summary to append to, when $GITHUB_STEP_SUMMARY is set."""
    from .output import StepSummary

    return StepSummary.from_environment(session.messages("summary_truncated"))


def _write_summary(summary, session: Session) -> None:
    if summary is None:
        return
    try:
        summary.write()
    except OSError as error:  # the report itself succeeded; a summary that cannot be written is a note
        session.error("err_cannot_write", path=summary.path, reason=error.strerror or error)


def version_callback(value: bool) -> None:
    if value:
        print(f"spbe {__version__}")
        raise typer.Exit(ExitCode.OK)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=version_callback, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Compute Indeks SPBE and Indeks Pemerintah Digital (Pemdi) from assessment files.

    Exit codes: 0 ok, 1 a gate failed, 2 usage error, 3 invalid input, 70 internal error.
    """


@app.command()
def score(
    files: Annotated[list[str], typer.Argument(help="Assessment files or folders (- for standard input).", show_default=False, metavar="FILE")],
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    detail: DetailOption = False,
    fail_under: Annotated[
        Optional[str], typer.Option("--fail-under", help="Exit 1 when a displayed index is below this number.", metavar="X")
    ] = None,
    min_predikat: Annotated[
        Optional[str], typer.Option("--min-predikat", help='Exit 1 when a predikat is below this one, e.g. "Baik".', metavar="P")
    ] = None,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """Score assessment files: the index, predikat, domains and aspects (--detail: indicators)."""
    session = Session(lang, color, output)
    _choice(fmt, FORMATS, session)
    threshold = _decimal_option(fail_under, "--fail-under", session)
    catalog = _catalog(frameworks, session)
    if min_predikat is not None and not any(f.band(min_predikat) for f in catalog):
        names = sorted({band.name for f in catalog for band in f.bands})
        raise typer.BadParameter(session.messages("err_unknown_predikat", name=min_predikat, choices=", ".join(names)), param_hint="'--min-predikat'")
    from .formats import load as load_format

    paths = list(expand_paths(files))
    if not paths:
        session.error("err_no_files")
        raise typer.Exit(ExitCode.INVALID_INPUT)
    renderer = load_format(fmt)
    sink = _open_sink(output, force, session)
    gate_failures: list[str] = []
    summary = _step_summary(session)
    if summary is not None:
        from .formats import markdown

        summary_options = session.options("markdown", detail=detail)

    def checked(results: Iterable[ScoreResult]) -> Iterator[ScoreResult]:
        for result in results:
            if summary is not None and not summary.full:
                summary.add(markdown.score_section(result, summary_options) + "\n")
            where = result.source or "-"
            if threshold is not None and result.shown < threshold:
                gate_failures.append(session.messages("err_gate_fail_under", path=where, index=result.shown, threshold=fail_under))
            if min_predikat is not None:
                band = result.framework.band(min_predikat)
                if band is not None and result.framework.band_rank(result.predikat) < result.framework.band_rank(band.name):
                    gate_failures.append(session.messages("err_gate_min_predikat", path=where, predikat=result.predikat, wanted=band.name))
            yield result

    try:
        options = session.options(fmt, detail=detail, many=len(paths) > 1)
        for chunk in renderer.score(checked(scored(paths, catalog, session)), options):
            sink.write(chunk)
    except BaseException:
        sink.discard()
        raise
    if session.failed:
        sink.discard()  # a failed run leaves an existing --output file untouched
    else:
        sink.commit()
    _write_summary(summary, session)
    for message in gate_failures:
        print(f"spbe: {message}", file=sys.stderr)
    if session.failed_files:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    raise typer.Exit(ExitCode.GATE_FAILED if gate_failures else ExitCode.OK)


@app.command("diff")
def diff_command(
    old: Annotated[str, typer.Argument(help="The earlier assessment (or the self-assessment).", show_default=False)],
    new: Annotated[str, typer.Argument(help="The later assessment (or the assessors' final levels).", show_default=False)],
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    fail_on_drop: Annotated[
        bool, typer.Option("--fail-on-drop", help="Exit 1 when the new shown index is below the old one.")
    ] = False,
    fail_on_predikat_drop: Annotated[
        bool, typer.Option("--fail-on-predikat-drop", help="Exit 1 when the predikat falls.")
    ] = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """Explain what changed between two assessments: index, predikat, domains, aspects, indicators."""
    session = Session(lang, color, output)
    _choice(fmt, FORMATS, session)
    catalog = _catalog(frameworks, session)
    results = list(scored([old, new], catalog, session))
    if session.failed_files:
        raise typer.Exit(ExitCode.INVALID_INPUT)
    from .diffing import diff
    from .formats import load as load_format

    result = diff(results[0], results[1])
    _write_output(load_format(fmt).diff(result, session.options(fmt)), output, force, session)
    summary = _step_summary(session)
    if summary is not None:
        summary.add(load_format("markdown").diff(result, session.options("markdown")) + "\n")
        _write_summary(summary, session)
    failures = []
    if fail_on_drop and result.dropped:
        failures.append(session.messages("err_gate_drop", old=result.old.shown, new=result.new.shown))
    if fail_on_predikat_drop and result.predikat_change == "down":
        failures.append(session.messages("err_gate_predikat_drop", old=result.old.predikat, new=result.new.predikat))
    for message in failures:
        print(f"spbe: {message}", file=sys.stderr)
    raise typer.Exit(ExitCode.GATE_FAILED if failures else ExitCode.OK)


@app.command("plan")
def plan_command(
    file: Annotated[str, typer.Argument(help="The assessment to improve.", show_default=False, metavar="FILE")],
    target: Annotated[
        str, typer.Option("--target", "-t", help='A shown index (3.00) or a predikat ("Sangat Baik").', metavar="T")
    ],
    costs: Annotated[
        Optional[str], typer.Option("--costs", help="YAML: `default: 1` and `indicators: {42: 5}` (cost of one step).", metavar="FILE")
    ] = None,
    lock: Annotated[
        Optional[list[str]], typer.Option("--lock", help="Indicators to keep where they are: 12,13 (repeatable).", metavar="ID,...")
    ] = None,
    max_level: Annotated[
        Optional[int], typer.Option("--max-level", help="No step goes above this level.", metavar="N")
    ] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """The cheapest set of level raises that reaches a target index or predikat."""
    session = Session(lang, color, output)
    _choice(fmt, FORMATS, session)
    catalog = _catalog(frameworks, session)
    assessment = _load_one(file, catalog, session)
    from .loader import parse_costs, read_bytes
    from .planning import TargetError, Unreachable, plan, target_from_text
    from .problems import InvalidInput

    framework = catalog.get(assessment.framework)
    try:
        wanted, predikat = target_from_text(target, framework)
    except TargetError as error:
        raise typer.BadParameter(session.messages(error.name, **error.values), param_hint="'--target'") from None
    locked = frozenset(part.strip() for item in lock or [] for part in item.split(",") if part.strip())
    unknown = sorted(locked - set(framework.by_id))
    if unknown:
        raise typer.BadParameter(session.messages("err_unknown_ids", framework=framework.id, ids=", ".join(unknown)), param_hint="'--lock'")
    if max_level is not None and not framework.min_value <= max_level <= framework.max_value:
        raise typer.BadParameter(session.messages("err_max_level", low=framework.min_value, high=framework.max_value), param_hint="'--max-level'")
    try:
        cost_table = parse_costs(read_bytes(costs, session.messages), costs, framework, session.messages) if costs else None
    except InvalidInput as error:
        session.report(error.problems)
        raise typer.Exit(ExitCode.INVALID_INPUT) from None
    try:
        result = plan(assessment, framework, wanted, costs=cost_table, locked=locked, max_level=max_level, target_predikat=predikat)
    except Unreachable as error:
        session.error("err_unreachable", target=target, best=error.best.shown, predikat=error.best.predikat)
        raise typer.Exit(ExitCode.GATE_FAILED) from None
    from .formats import load as load_format

    _write_output(load_format(fmt).plan(result, session.options(fmt)), output, force, session)
    raise typer.Exit(ExitCode.OK)


@app.command("init")
def init_command(
    framework: Annotated[
        Optional[str], typer.Option("--framework", help="The framework of the new file (e.g. pemdi-2026).", metavar="ID")
    ] = None,
    from_file: Annotated[
        Optional[str], typer.Option("--from", help="Start next year's file from this one: same levels, year + 1.", metavar="FILE")
    ] = None,
    institution: Annotated[Optional[str], typer.Option("--institution", help="The institution's name.", metavar="NAME")] = None,
    year: Annotated[Optional[int], typer.Option("--year", help="The evaluation year.", min=2000, max=2100, metavar="YEAR")] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write a complete assessment template (every indicator, named) or next year's file."""
    session = Session(lang, "never", output)
    if (framework is None) == (from_file is None):
        raise typer.BadParameter(session.messages("err_one_of_init"), param_hint="'--framework' / '--from'")
    catalog = _catalog(frameworks, session)
    from .template import render_template

    if from_file is not None:
        previous = _load_one(from_file, catalog, session)
        chosen = catalog.get(previous.framework)
        new_year = year if year is not None else previous.year + 1
        if not chosen.applies_to(new_year):
            years = f"{chosen.first_year}-{chosen.last_year or ''}"
            print(session.messages("msg_outside_years", path=from_file, year=new_year, framework=chosen.id, years=years), file=sys.stderr)
        text = render_template(chosen, institution or previous.institution, new_year, previous)
    else:
        chosen = _framework_named(catalog, framework, session, "--framework")
        if year is None:
            import datetime

            year = min(max(datetime.date.today().year, chosen.first_year), chosen.last_year or 2100)
        if institution is not None and not institution.strip():
            raise typer.BadParameter(session.messages("err_empty"), param_hint="'--institution'")
        text = render_template(chosen, institution or "Nama Instansi", year)
    _write_output(text, output, force, session)
    raise typer.Exit(ExitCode.OK)


@app.command("rank")
def rank_command(
    paths: Annotated[list[str], typer.Argument(help="Assessment files or folders (searched recursively).", show_default=False, metavar="PATH")],
    by: Annotated[Optional[str], typer.Option("--by", help="Group the ranking: year.", metavar="year")] = None,
    fmt: FormatOption = "table",
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """Rank many institutions: per framework (and --by year), with a summary per group."""
    session = Session(lang, color, output)
    _choice(fmt, FORMATS, session)
    if by is not None:
        _choice(by, ("year",), session, "--by")
    catalog = _catalog(frameworks, session)
    from .ranking import rank, row

    rows = [row(result) for result in scored(expand_paths(paths), catalog, session)]  # rows only: memory stays flat
    if not rows and not session.failed:
        session.error("err_no_files")
        raise typer.Exit(ExitCode.INVALID_INPUT)
    result = rank(rows, by_year=by == "year", failed=session.failed, order=catalog.ids)
    from .formats import load as load_format

    _write_output(load_format(fmt).rank(result, session.options(fmt)), output, force, session)
    raise typer.Exit(ExitCode.INVALID_INPUT if session.failed else ExitCode.OK)


@app.command("schema")
def schema_command(
    framework: Annotated[
        Optional[str], typer.Option("--framework", help="Only this framework's files (default: any framework).", metavar="ID")
    ] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Print a JSON Schema of assessment files, for editors (yaml-language-server) and other tools."""
    import json

    session = Session(lang, "never", output)
    catalog = _catalog(frameworks, session)
    chosen = [_framework_named(catalog, framework, session, "--framework")] if framework else list(catalog)
    from .schema import assessment_schema

    _write_output(json.dumps(assessment_schema(chosen), ensure_ascii=False, indent=2) + "\n", output, force, session)
    raise typer.Exit(ExitCode.OK)


@app.command()
def validate(
    files: Annotated[list[str], typer.Argument(help="Assessment files or folders to check.", show_default=False, metavar="FILE")],
    fmt: Annotated[
        Optional[str],
        typer.Option(
            "--format", "-f", metavar="FORMAT",
            help="text (PATH:LINE:COL: message) or github (workflow annotations; the default under GitHub Actions).",
        ),
    ] = None,  # fmt: skip
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing for valid files.")] = False,
    skip_other_yaml: Annotated[
        bool, typer.Option("--skip-other-yaml", help="Skip YAML files with no top-level `framework:` (for hooks).")
    ] = False,
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Check assessment files without scoring them; report every problem of every file."""
    from .loader import parse_assessment, read_bytes
    from .problems import InvalidInput

    session = Session(lang, "never")
    if fmt is None:
        under_actions = os.environ.get("GITHUB_ACTIONS") == "true" and not sys.stdout.isatty()
        fmt = "github" if under_actions else "text"
    _choice(fmt, ("text", "github"), session)
    catalog = _catalog(frameworks, session)
    problems = []
    for path in expand_paths(files):
        try:
            data = read_bytes(path, session.messages)
            if skip_other_yaml and not _declares_framework(data):
                continue
            assessment = parse_assessment(data, path, catalog, session.messages)
        except InvalidInput as error:
            session.failed.append(path)
            if fmt == "text":
                session.report(error.problems)  # as found, file by file
            else:
                problems.extend(error.problems)
            continue
        session.note_years(path, assessment, catalog)
        if not quiet:
            print(session.messages("msg_valid", path=path, framework=assessment.framework, count=len(assessment.entries)))
    if problems:
        from .formats import github

        sys.stdout.write(github.problems(problems))
    raise typer.Exit(ExitCode.INVALID_INPUT if session.failed_files else ExitCode.OK)


def _declares_framework(data: bytes) -> bool:
    """Whether a YAML file looks like an assessment: a top-level `framework:` key (quoted or not)."""
    import re

    return re.search(rb"""(?m)^(?:\xef\xbb\xbf)?["']?framework["']?[ \t]*:""", data) is not None


@app.command("frameworks")
def list_frameworks(
    fmt: FormatOption = "table",
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """List the frameworks: id, regulation, years, values and number of indicators."""
    session = Session(lang, color)
    _choice(fmt, FORMATS, session)
    catalog = _catalog(frameworks, session)
    from .formats import load as load_format

    sys.stdout.write(load_format(fmt).frameworks(list(catalog), session.options(fmt)))
    raise typer.Exit(ExitCode.OK)


@app.command()
def indicators(
    framework: Annotated[
        Optional[str], typer.Argument(help="A framework id (default: every framework).", show_default=False)
    ] = None,
    fmt: FormatOption = "table",
    frameworks: FrameworksOption = None,
    lang: LangOption = None,
    color: ColorOption = "auto",
    debug: DebugOption = False,
) -> None:
    """List a framework's domains, aspects and indicators with their weights."""
    session = Session(lang, color)
    _choice(fmt, FORMATS, session)
    catalog = _catalog(frameworks, session)
    chosen = [_framework_named(catalog, framework, session, "FRAMEWORK")] if framework else list(catalog)
    from .formats import load as load_format

    sys.stdout.write(load_format(fmt).indicators(chosen, session.options(fmt)))
    raise typer.Exit(ExitCode.OK)


def main(argv: list[str] | None = None) -> int:
    """Run `spbe` and return its exit code; never a traceback for a user's mistake."""
    args = sys.argv[1:] if argv is None else argv
    command = typer.main.get_command(app)
    try:
        code = command.main(args=args, prog_name="spbe", standalone_mode=False)
    except typer.TyperException as error:  # usage errors: bad option, bad value, missing argument
        show = getattr(error, "show", None)
        if show is not None:
            show()
        else:
            print(f"spbe: {error.format_message()}", file=sys.stderr)
        return ExitCode.USAGE
    except typer.Abort:
        print(f"spbe: {Messages(default_language())('err_aborted')}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (e.g. `spbe score ... | head`); not an error of ours.
        _silence_stdout()
        return ExitCode.OK
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug: keep the message short unless asked
        if "--debug" in args or os.environ.get("SPBE_DEBUG"):
            import traceback

            traceback.print_exc()
        print(Messages(default_language())("err_internal", error=f"{type(error).__name__}: {error}"), file=sys.stderr)
        return ExitCode.INTERNAL
    return int(code or 0)


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
