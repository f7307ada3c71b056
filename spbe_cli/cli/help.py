"""Help pages in the reader's language, without Python types.

Every help text is a message (`i18n/help.py`). Typer takes help as a string, so a command declares
`help_text(M.help_x)`: the English, which this module remembers with the message it came from. A
help page is worded when it is shown, in the run's language (--lang, else SPBE_LANG, else LANG), with
its frame (Usage, Arguments, Options, Commands, [default: x], [required]). The language is read from
the arguments before they are parsed: Click prints help as soon as it meets --help, before it has
read what follows, so `spbe score --help --lang id` is worded in Indonesian too.

Typer also shows each argument with its Python type in help (`FILE <list[str]>`) and wraps a required
argument in braces on the usage line (`Usage: spbe score [OPTIONS] {FILE}...`). Neither means anything
to the people spbe is for, and Typer offers no setting for either: each argument object is given a
subclass that leaves the type out and writes the usage line as Click does (`FILE...`, `[NEW]`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import typer.core

from ..i18n import M, Message, Messages, default_language

LANGUAGE_KEY = "spbe.language"  # in the Click context's meta: the language of this run's help and usage errors
# English help text -> its message, or how to word it in any language. Every command module fills
# this at import, so it stays cheap: a plain message is kept as it is, not wrapped in a function.
_WORDINGS: dict[str, Message | Callable[[Messages], str]] = {}


def help_text(message: Message) -> str:
    """`message` in English, for Typer's `help=`; a help page words it in the run's language."""
    english = message.texts["en"].replace("{{", "{").replace("}}", "}")  # a help text has no placeholder
    _WORDINGS[english] = message
    return english


def worded_help(words: Callable[[Messages], str]) -> str:
    """The English of a help text composed of several messages (`--format`'s list of formats)."""
    english = words(Messages("en"))
    _WORDINGS[english] = words
    return english


def translated(text: str | None, t: Messages) -> str:
    """A help text in the language of `t` (a text of unknown origin as it is)."""
    words = _WORDINGS.get(text or "")
    if words is None:
        return text or ""
    return t(words) if isinstance(words, Message) else words(t)


def is_worded(text: str) -> bool:
    """Whether a help text has a wording in every language (the tests hold every help text to it)."""
    return text in _WORDINGS


# Click's help of --help and Typer's of its completion options, in their English, word for word.
for _own in (
    M.help_help,
    M.help_install_completion,
    M.help_show_completion,
    M.help_install_completion_shell,
    M.help_show_completion_shell,
):
    help_text(_own)


class PlainArgument(typer.core.TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def display_type(self, ctx: Any) -> str:
        return ""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


class LocalizedCommand(typer.core.TyperCommand):
    """A command whose help page, and the help shell completion shows beside its options, are worded in
    the run's language."""

    def format_help(self, ctx: Any, formatter: Any) -> None:
        write_help(self, ctx, formatter)

    def shell_complete(self, ctx: Any, incomplete: str) -> Any:
        return worded_completions(self, ctx, super().shell_complete(ctx, incomplete))


def plain_help(command: Any) -> Any:
    """`command` (and every command under it) with PlainArgument arguments and help in the run's language."""
    for sub in getattr(command, "commands", {}).values():
        plain_help(sub)
        if type(sub) is typer.core.TyperCommand:
            sub.__class__ = LocalizedCommand  # the same object, its help worded (module docstring)
    for param in command.params:
        if isinstance(param, typer.core.TyperArgument):
            param.__class__ = PlainArgument  # the same object, shown without its type (module docstring)
    return command


def usage_line(ctx: Any, t: Messages) -> str:
    """`Usage: spbe score [OPTIONS] FILE...`, its frame words in the language of `t`."""
    command = ctx.command
    shown = {command.options_metavar: t(M.usage_options)}
    if getattr(command, "subcommand_metavar", None):
        shown[command.subcommand_metavar] = t(M.usage_command)
    pieces = [shown.get(piece, piece) for piece in command.collect_usage_pieces(ctx)]
    formatter = ctx.make_formatter()
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=t(M.usage_prefix) + " ")
    return str(formatter.getvalue()).rstrip("\n")


def help_messages(ctx: Any) -> Messages:
    """The messages of the run's language, as the command group read it from the arguments."""
    return Messages(ctx.meta.get(LANGUAGE_KEY) or default_language())


def write_help(command: Any, ctx: Any, formatter: Any) -> None:
    """A help page, as Click lays it out: usage, help text, arguments, options, then commands."""
    t = help_messages(ctx)
    formatter.write(usage_line(ctx, t) + "\n")
    text = translated(command.help, t).partition("\f")[0]
    if text:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)
    rows: dict[str, list[tuple[str, str]]] = {"argument": [], "option": []}
    for param in command.get_params(ctx):
        record = _record(param, ctx, t)
        if record is not None and param.param_type_name in rows:
            rows[param.param_type_name].append(record)
    for title, found in ((M.help_arguments, rows["argument"]), (M.help_options, rows["option"])):
        if found:
            with formatter.section(t(title)):
                formatter.write_dl(found)
    if isinstance(command, typer.core.TyperGroup):
        _write_commands(command, ctx, formatter, t)
    _write_documentation(formatter, t)


def _write_documentation(formatter: Any, t: Messages) -> None:
    """The last line: where the documentation is (cli/docs.py), unwrapped so that it stays one address."""
    from . import docs

    found = docs.address(t.language)
    if found is not None:
        formatter.write("\n" + t(M.help_documentation, address=found) + "\n")


def worded_completions(command: Any, ctx: Any, items: list[Any]) -> list[Any]:
    """Shell completion's items (a command, an option) with their help in the run's language."""
    t = help_messages(ctx)
    commands = getattr(command, "commands", {})
    for item in items:
        if item.value in commands:
            item.help = _short_help(commands[item.value], t)
        elif item.help:
            item.help = translated(item.help, t)
    return items


def _short_help(command: Any, t: Messages, limit: int = 45) -> str:
    """The first sentence of a command's help in the language of `t`, as Click shortens it."""
    worded = copy.copy(command)  # Click shortens a command's own help: give it the worded one
    worded.help = translated(command.help, t)
    return str(worded.get_short_help_str(limit))


def _record(param: Any, ctx: Any, t: Messages) -> tuple[str, str] | None:
    """Typer's help line of a parameter, its help and what Typer adds after it (`[default: x]`) worded."""
    record = param.get_help_record(ctx)
    if record is None:
        return None
    names, text = record
    own = param.help or ""
    if not text.startswith(own):  # not Typer's layout: shown as Typer made it
        return names, text
    return names, translated(own, t) + _extras(text[len(own) :], t)


def _extras(text: str, t: Messages) -> str:
    """`  [default: auto]`, `[required]`, `  [2000<=x<=2100]` in the language of `t`."""
    inner = text.strip()
    if not (inner.startswith("[") and inner.endswith("]")):
        return text
    parts = []
    for part in inner[1:-1].split("; "):
        if part == "required":
            part = t(M.help_required)
        elif part.startswith("default: "):
            part = t(M.help_default, value=part.removeprefix("default: "))
        parts.append(part)  # a range (2000<=x<=2100) reads the same in every language
    return text[: len(text) - len(text.lstrip())] + "[" + "; ".join(parts) + "]"


def _write_commands(group: typer.core.TyperGroup, ctx: Any, formatter: Any, t: Messages) -> None:
    """The commands and the first sentence of each one's help, as Click shortens it."""
    commands = [(name, group.get_command(ctx, name)) for name in group.list_commands(ctx)]
    shown = [(name, command) for name, command in commands if command is not None and not command.hidden]
    if not shown:
        return
    limit = formatter.width - 6 - max(len(name) for name, _ in shown)
    rows = [(name, _short_help(command, t, limit)) for name, command in shown]
    with formatter.section(t(M.help_commands)):
        formatter.write_dl(rows)
