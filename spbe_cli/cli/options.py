"""Options shared by several commands, declared once, and the decorator that adds them to a command."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from ..i18n import M, Message
from . import completion
from .help import help_text, worded_help


def format_option(output: str) -> Any:
    """`--format` of a command rendering `output` ("score", "frameworks", ...): help from the registry."""
    from ..formats import format_help

    return typer.Option(
        "--format",
        "-f",
        help=worded_help(lambda t: format_help(output, t)),
        metavar="FORMAT",
        autocompletion=completion.formats_of(output),
    )


def by_option(help: Message, *choices: str) -> Any:
    """`--by`: how a command groups its output; the choices are offered to shell completion."""
    return typer.Option(
        "--by", help=help_text(help), metavar="|".join(choices), autocompletion=completion.groupings(*choices)
    )


def framework_option(help: Message) -> Any:
    """`--framework ID`: a framework of the frameworks file in use, offered to shell completion."""
    return typer.Option("--framework", help=help_text(help), metavar="ID", autocompletion=completion.framework_ids)


def force_option(help: Message | None) -> Any:
    """`--force`, as `help` says what it does for one command. A command whose outputs are always
    replaced has nothing to force: there it is hidden from help, and still accepted, so that a script
    written for an earlier spbe, which offered it everywhere, keeps working."""
    if help is None:
        return Annotated[bool, typer.Option("--force", hidden=True)]
    return Annotated[bool, typer.Option("--force", help=help_text(help))]


OutputOption = Annotated[str | None, typer.Option("--output", "-o", help=help_text(M.help_output), metavar="PATH")]
FrameworksOption = Annotated[
    str | None, typer.Option("--frameworks", help=help_text(M.help_frameworks), metavar="FILE")
]
LangOption = Annotated[
    str | None,
    typer.Option("--lang", help=help_text(M.help_lang), metavar="LANG", autocompletion=completion.languages),
]
ColorOption = Annotated[
    str, typer.Option("--color", help=help_text(M.help_color), metavar="WHEN", autocompletion=completion.colors)
]
DetailOption = Annotated[bool, typer.Option("--detail", "-d", help=help_text(M.help_detail))]
EncodingOption = Annotated[str | None, typer.Option("--encoding", help=help_text(M.help_encoding), metavar="NAME")]


class DebugSwitch:
    """Whether this run asked for tracebacks. Set by the --debug option's callback, so only the parsed
    option counts: `spbe score -- --debug` names a file called --debug and turns nothing on."""

    requested = False


def _record_debug(value: bool) -> None:
    if value:
        DebugSwitch.requested = True


# Read by its callback alone: no command receives it (expose_value=False).
DebugOption = Annotated[
    bool,
    typer.Option(
        "--debug",
        help=help_text(M.help_debug),
        callback=_record_debug,
        is_eager=True,
        expose_value=False,
    ),
]


class Shared:
    """The shared options of one run, as given (the session checks them). A command that does not
    offer one of them gets its default here: no colour, the bundled frameworks, standard output.
    (A plain class: creating a dataclass would cost every start-up most of a millisecond.)"""

    __slots__ = ("output", "force", "frameworks", "lang", "color", "encoding")

    def __init__(
        self,
        *,
        output: str | None = None,
        force: bool = False,
        frameworks: str | None = None,
        lang: str | None = None,
        color: str = "never",
        encoding: str | None = None,
    ) -> None:
        self.output, self.force, self.frameworks = output, force, frameworks
        self.lang, self.color, self.encoding = lang, color, encoding

    def with_output(self, output: str | None) -> Shared:
        """The same options writing to `output` (a command whose --output is its own)."""
        return Shared(
            output=output,
            force=self.force,
            frameworks=self.frameworks,
            lang=self.lang,
            color=self.color,
            encoding=self.encoding,
        )


# Each shared option: how Typer declares it, and its default when given. --force is declared per
# command (`shared_options(force=...)`): what it does differs.
SHARED_OPTIONS: dict[str, tuple[Any, object]] = {
    "output": (OutputOption, None),
    "force": (force_option(None), False),
    "frameworks": (FrameworksOption, None),
    "lang": (LangOption, None),
    "color": (ColorOption, "auto"),
    "encoding": (EncodingOption, None),
}


def shared_options(*names: str, force: Message | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared options `names` (keys of SHARED_OPTIONS) and --debug, after its own;
    `force` is the help of its --force, for a command where --force does something (else it is hidden).

    The command declares its own options and one parameter `shared: Shared` that receives the shared
    ones, so the dozen lines every command would repeat are written once (as sqlite-utils'
    `output_options` does for Click). Typer reads a command's options from its signature: the
    decorated command shows Typer its own parameters followed by the shared ones.
    """
    unknown = set(names) - set(SHARED_OPTIONS)
    if unknown:
        raise ValueError(f"not shared options: {sorted(unknown)}")

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        return _WithSharedOptions(command, names, force)

    return decorate


class _WithSharedOptions:
    """A command as Typer sees it once the shared options are added (see `shared_options`).

    Its signature is worked out when Typer first asks for it, which is when it builds that command: a
    run builds only its own command, and evaluating every command's annotations at import would slow
    every start-up."""

    def __init__(self, command: Callable[..., None], names: tuple[str, ...], force: Message | None):
        functools.update_wrapper(self, command)
        self.__annotations__: dict[str, object] = {}  # the signature below carries the evaluated ones
        self.command, self.names, self.force = command, names, force

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        own = [p for p in inspect.signature(self.command, eval_str=True).parameters.values() if p.name != "shared"]
        declared = {**SHARED_OPTIONS, "force": (force_option(self.force), False)}
        added = [_keyword(name, *declared[name]) for name in self.names]
        return inspect.Signature([*own, *added, _keyword("debug", DebugOption, False)])

    def __call__(self, **values: Any) -> None:
        values.pop("debug", None)  # Typer passes the declared default; the callback has read the option
        shared = Shared(**{name: values.pop(name) for name in self.names})
        self.command(**values, shared=shared)


def _keyword(name: str, annotation: Any, default: object) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
