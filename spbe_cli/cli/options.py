"""Options shared by several commands, declared once."""

from __future__ import annotations

from typing import Annotated

import typer

FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output format: table, json, csv or markdown.", metavar="FORMAT")
]
ResultFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Output format: table, json, csv, markdown, or xlsx (a workbook; needs --output).",
        metavar="FORMAT",
    ),
]
RankFormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        help="Output format: table, json, csv, markdown, xlsx (a workbook; needs --output) or html (a page).",
        metavar="FORMAT",
    ),
]
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
        "--lang", help="Language of labels and messages: id or en (default: SPBE_LANG, LANG).", metavar="LANG"
    ),
]
ColorOption = Annotated[
    str, typer.Option("--color", help="Colour: auto, always or never (NO_COLOR is honoured).", metavar="WHEN")
]
DetailOption = Annotated[
    bool, typer.Option("--detail", "-d", help="Show every indicator, not only domains and aspects.")
]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show a traceback on internal errors.")]
