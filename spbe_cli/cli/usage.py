"""Usage errors in the user's language, Typer's own included.

Typer (and the Click it vendors) words its usage errors in English only: "No such option", "Missing
argument", "Invalid value for '--format': ...". Each error carries what it is about (the option, the
parameter, the value, a pydantic error as its cause), so it is worded again here, in the language the
run asked for. What Typer says only in a message (`ctx.fail` texts: extra arguments, an unknown
command) is read back from its English; anything not recognised keeps Typer's English rather than
being lost. Typer keeps Click's exception classes private (`typer._click`): they are recognised by
name, which also holds for the Click that older Typer versions used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer

from ..i18n import LANGUAGES, M, Message, Messages, default_language
from .help import usage_line
from .session import Voice


def requested_language(args: Sequence[str]) -> str:
    """The language the arguments ask for with --lang (read before parsing: a usage error can come
    first), else SPBE_LANG or LANG. An unknown --lang value is itself a usage error, worded in the latter."""
    chosen = None
    for position, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and position + 1 < len(args):
            chosen = args[position + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    return chosen if chosen in LANGUAGES else default_language()


class LocalizedUsageError(typer.BadParameter):
    """A usage error worded in one language; shown as Click shows one (usage, hint, error), exit 2."""

    def __init__(self, original: Any, messages: Messages):
        super().__init__(reason(original, messages), original.ctx)
        self.messages = messages

    def format_message(self) -> str:
        return self.message

    def show(self, file: object = None) -> None:
        """Written through spbe's voice on standard error (`file` is Click's, and ignored)."""
        voice, t, ctx = Voice(self.messages), self.messages, self.ctx
        if ctx is not None:
            for line in usage_line(ctx, t).splitlines():
                voice.line(line)
            if ctx.command.get_help_option(ctx) is not None:
                voice.say(M.usage_try_help, command=ctx.command_path, option=ctx.help_option_names[0])
            voice.line("")
        voice.say(M.usage_error, reason=self.message)


def _is_usage_error(error: BaseException) -> bool:
    names = _class_names(error)
    return "UsageError" in names and "NoArgsIsHelpError" not in names and "LocalizedUsageError" not in names


@contextmanager
def localized_usage_errors(language: str) -> Iterator[None]:
    """Re-raise a usage error from inside as a LocalizedUsageError (help pages pass): in the language
    of the command's parsed --lang once it has one, so that the whole error speaks as the session
    would; else in `language`, what the raw arguments asked for."""
    try:
        yield
    except typer.TyperException as error:
        if not _is_usage_error(error):
            raise
        parsed = getattr(getattr(error, "ctx", None), "params", None) or {}
        if "lang" in parsed:
            language = parsed["lang"] if parsed["lang"] in LANGUAGES else default_language()
        raise LocalizedUsageError(error, Messages(language)) from None


def reason(error: Any, t: Messages) -> str:
    """What is wrong, the line after "Error:", in the language of `t`."""
    names = _class_names(error)
    if "MissingParameter" in names:
        return _missing(error, t)
    if "BadParameter" in names:
        hint = _hint(error)
        why = _cause(error, t) or error.message
        return t(M.usage_invalid_value, option=hint, reason=why) if hint else t(M.usage_invalid, reason=why)
    if "NoSuchOption" in names:
        option = error.message.removeprefix("No such option: ")
        if option == error.message:  # a message of its own: keep it
            return str(error.format_message())
        choices = sorted(set(error.possibilities or ()) - _hidden_options(error.ctx))
        if choices:
            return t(M.usage_no_such_option_close, option=option, choices=", ".join(choices))
        return t(M.usage_no_such_option, option=option)
    return _from_english(error.message, t) or str(error.format_message())


def _hidden_options(ctx: Any) -> set[str]:
    """Options a command accepts without offering them (--force where it does nothing): never suggested."""
    params = ctx.command.params if ctx is not None else []
    return {name for param in params if getattr(param, "hidden", False) for name in param.opts}


def _missing(error: Any, t: Messages) -> str:
    kind = error.param_type or (error.param.param_type_name if error.param is not None else None)
    extra = error.param.get_missing_message(ctx=error.ctx) if error.param is not None else ""
    hint = _hint(error)
    if error.message or extra or not hint or kind not in ("argument", "option"):
        return str(error.format_message())  # not a case spbe's options have: Typer's words
    return t(M.usage_missing_argument if kind == "argument" else M.usage_missing_option, name=hint)


def _hint(error: Any) -> str | None:
    """The parameter an error is about as Typer names it: '--year', 'FILE', '--target' / '-t'."""
    hint = error.param_hint
    if hint is None and error.param is not None:
        hint = error.param.get_error_hint()
    if hint is not None and not isinstance(hint, str):
        hint = " / ".join(repr(part) for part in hint)
    return None if hint is None else str(hint)


def _cause(error: Any, t: Messages) -> str | None:
    """A bad value that Typer's pydantic conversion refused (`--year abc`, `--year 3000`), worded."""
    errors = getattr(error.__cause__, "errors", None)
    found = errors() if callable(errors) else []
    if not found:
        return None
    kind, context = found[0].get("type"), found[0].get("ctx") or {}
    if kind == "int_parsing":
        return t(M.usage_not_integer)
    if kind == "greater_than_equal":
        return t(M.usage_at_least, limit=context.get("ge"))
    if kind == "less_than_equal":
        return t(M.usage_at_most, limit=context.get("le"))
    return None


# Typer's English for the errors that carry nothing but their message, and the message wording each
# (compiled when first needed, by `re`'s cache: start-up does not pay for them).
_ENGLISH: tuple[tuple[str, Message], ...] = (
    (r"Got unexpected extra argument\(s\) \((?P<arguments>.*)\)", M.usage_extra_arguments),
    (r"No such command (?P<name>.+?)\. Did you mean (?P<choices>.+)\?", M.usage_no_such_command_close),
    (r"No such command (?P<name>.+?)\.", M.usage_no_such_command),
    (r"Missing command\.", M.usage_missing_command),
    (r"Option (?P<option>.+) requires an argument\.", M.usage_needs_value),
    (r"Option (?P<option>.+) requires (?P<count>\d+) arguments\.", M.usage_needs_values),
    (r"Option (?P<option>.+) does not take a value\.", M.usage_takes_no_value),
)


# Command names a coordinator may type in Bahasa Indonesia, and the command each means.
INDONESIAN_COMMANDS = {
    "laporan": "report", "lapor": "report", "rapor": "report", "nilai": "score", "skor": "score",
    "hitung": "score", "indeks": "score", "periksa": "check", "cek": "check", "kesiapan": "check",
    "rencana": "plan", "rencanakan": "plan", "bukti": "evidence", "peringkat": "rank", "ranking": "rank",
    "impor": "import", "ekspor": "export", "banding": "diff", "bandingkan": "diff", "selisih": "diff",
    "beda": "diff", "validasi": "validate", "kerangka": "frameworks", "indikator": "indicators",
    "skema": "schema", "mulai": "init", "buat": "init", "templat": "init",
}  # fmt: skip


def _meant(name: str) -> str | None:
    """The command an Indonesian name (or a near miss of one: `lapran`) stands for."""
    import difflib

    folded = name.strip().casefold()
    close = difflib.get_close_matches(folded, INDONESIAN_COMMANDS, n=1, cutoff=0.8)
    return INDONESIAN_COMMANDS[close[0]] if close else None


def _from_english(message: str, t: Messages) -> str | None:
    unknown = re.fullmatch(r"No such command '(?P<name>[^']*)'\.(?: Did you mean (?P<choices>.+)\?)?", message)
    meant = _meant(unknown["name"]) if unknown else None
    if unknown and meant:
        others = [choice for choice in (unknown["choices"] or "").split(", ") if choice and choice != f"'{meant}'"]
        choices = ", ".join([f"'{meant}'", *others])
        return t(M.usage_no_such_command_close, name=f"'{unknown['name']}'", choices=choices)
    for pattern, wording in _ENGLISH:
        found = re.fullmatch(pattern, message)
        if found:
            return t(wording, **found.groupdict())
    return None


def _class_names(error: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(error).__mro__}
