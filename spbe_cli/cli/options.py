"""Options shared by several commands, declared once."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from . import completion


def format_option(output: str) -> Any:
    """`--format` of a command rendering `output` ("score", "frameworks", ...): help from the registry."""
    from ..formats import help_text

    return typer.Option(
        "--format", "-f", help=help_text(output), metavar="FORMAT", autocompletion=completion.formats_of(output)
    )


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


class DebugSwitch:
    """Whether this run asked for tracebacks. Set by the --debug option's callback, so only the parsed
    option counts: `spbe score -- --debug` names a file called --debug and turns nothing on."""

    requested = False


def _record_debug(value: bool) -> bool:
    if value:
        DebugSwitch.requested = True
    return value


DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show a traceback on internal errors.", callback=_record_debug, is_eager=True)
]
EncodingOption = Annotated[
    str | None,
    typer.Option("--encoding", help="The encoding of CSV sheets not saved as UTF-8 (e.g. cp1252).", metavar="NAME"),
]
