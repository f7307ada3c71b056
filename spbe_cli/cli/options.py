"""Options shared by several commands, declared once, and the decorator that adds them to a command."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Annotated, Any

import typer

from . import completion


def format_option(output: str) -> Any:
    """`--format` of a command rendering `output` ("score", "frameworks", ...): help from the registry."""
    from ..formats import help_text

    return typer.Option(
        "--format", "-f", help=help_text(output), metavar="FORMAT", autocompletion=completion.formats_of(output)
    )


def by_option(help: str, *choices: str) -> Any:
    """`--by`: how a command groups its output; the choices are offered to shell completion."""
    return typer.Option("--by", help=help, metavar="|".join(choices), autocompletion=completion.groupings(*choices))


def framework_option(help: str) -> Any:
    """`--framework ID`: a framework of the frameworks file in use, offered to shell completion."""
    return typer.Option("--framework", help=help, metavar="ID", autocompletion=completion.framework_ids)


OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of standard output.", metavar="PATH"),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Let init replace an existing file (generated outputs are always replaced).")
]
FrameworksOption = Annotated[
    str | None,
    typer.Option(
        "--frameworks", help="Use this frameworks file instead of the bundled indicators.yaml.", metavar="FILE"
    ),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        help="Language of labels and messages: id or en (default: SPBE_LANG, LANG).",
        metavar="LANG",
        autocompletion=completion.languages,
    ),
]
ColorOption = Annotated[
    str,
    typer.Option(
        "--color",
        help="Colour: auto, always or never (NO_COLOR is honoured).",
        metavar="WHEN",
        autocompletion=completion.colors,
    ),
]
DetailOption = Annotated[
    bool, typer.Option("--detail", "-d", help="Show every indicator, not only domains and aspects.")
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="The encoding of CSV sheets not saved as UTF-8 (e.g. cp1252).", metavar="NAME"),
]


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
        help="Show a traceback on internal errors.",
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


# Each shared option: how Typer declares it, and its default when given.
SHARED_OPTIONS: dict[str, tuple[Any, object]] = {
    "output": (OutputOption, None),
    "force": (ForceOption, False),
    "frameworks": (FrameworksOption, None),
    "lang": (LangOption, None),
    "color": (ColorOption, "auto"),
    "encoding": (EncodingOption, None),
}


def shared_options(*names: str) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Give a command the shared options `names` (keys of SHARED_OPTIONS) and --debug, after its own.

    The command declares its own options and one parameter `shared: Shared` that receives the shared
    ones, so the dozen lines every command would repeat are written once (as sqlite-utils'
    `output_options` does for Click). Typer reads a command's options from its signature: the
    decorated command shows Typer its own parameters followed by the shared ones.
    """
    unknown = set(names) - set(SHARED_OPTIONS)
    if unknown:
        raise ValueError(f"not shared options: {sorted(unknown)}")

    def decorate(command: Callable[..., None]) -> Callable[..., None]:
        return _WithSharedOptions(command, names)

    return decorate


class _WithSharedOptions:
    """A command as Typer sees it once the shared options are added (see `shared_options`).

    Its signature is worked out when Typer first asks for it, which is when it builds that command: a
    run builds only its own command, and evaluating every command's annotations at import would slow
    every start-up."""

    def __init__(self, command: Callable[..., None], names: tuple[str, ...]):
        functools.update_wrapper(self, command)
        self.__annotations__: dict[str, object] = {}  # the signature below carries the evaluated ones
        self.command, self.names = command, names

    @functools.cached_property
    def __signature__(self) -> inspect.Signature:
        own = [p for p in inspect.signature(self.command, eval_str=True).parameters.values() if p.name != "shared"]
        added = [_keyword(name, *SHARED_OPTIONS[name]) for name in self.names]
        return inspect.Signature([*own, *added, _keyword("debug", DebugOption, False)])

    def __call__(self, **values: Any) -> None:
        values.pop("debug", None)  # Typer passes the declared default; the callback has read the option
        shared = Shared(**{name: values.pop(name) for name in self.names})
        self.command(**values, shared=shared)


def _keyword(name: str, annotation: Any, default: object) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation, default=default)
