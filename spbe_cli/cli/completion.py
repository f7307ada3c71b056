"""Shell completion of option values and the FRAMEWORK argument, with help in the user's language.

Typer calls these with the Click context while completing; they read --lang and --frameworks from
what is already typed, so `spbe indicators --frameworks mine.yaml <TAB>` offers mine.yaml's ids.
"""

from __future__ import annotations

from typing import Any

import typer

from ..i18n import LANGUAGES, M, Message, Messages, default_language

FORMAT_HELP: dict[str, Message] = {
    "table": M.complete_table,
    "json": M.complete_json,
    "csv": M.complete_csv,
    "markdown": M.complete_markdown,
    "xlsx": M.complete_xlsx,
    "html": M.complete_html,
}
COLOR_HELP = {"auto": M.complete_color_auto, "always": M.complete_color_always, "never": M.complete_color_never}
BY_HELP = {
    "year": M.complete_by_year,
    "pic": M.complete_by_pic,
    "category": M.complete_by_category,
    "province": M.complete_by_province,
}
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def _messages(ctx: typer.Context) -> Messages:
    chosen = ctx.params.get("lang")
    return Messages(chosen if chosen in LANGUAGES else default_language())


def _offer(incomplete: str, items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(value, help) for value, help in items if value.startswith(incomplete)]


def formats_of(output: str) -> Any:
    """Completion of --format for a command rendering `output` ("score", "rank", ...)."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        from ..formats import names

        t = _messages(ctx)
        return _offer(incomplete, [(n, t(FORMAT_HELP[n]) if n in FORMAT_HELP else "") for n in names(output)])

    return complete


def colors(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    t = _messages(ctx)
    return _offer(incomplete, [(name, t(message)) for name, message in COLOR_HELP.items()])


def languages(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    return _offer(incomplete, [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES])


def groupings(*choices: str) -> Any:
    """Completion of --by: the groupings one command offers."""

    def complete(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
        t = _messages(ctx)
        return _offer(incomplete, [(name, t(BY_HELP[name])) for name in choices])

    return complete


def framework_ids(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """The ids of the frameworks file in use (--frameworks, else the bundled one), with their titles."""
    from ..loading.catalog import load_catalog
    from ..problems import InvalidInput

    try:
        catalog = load_catalog(ctx.params.get("frameworks"))
    except InvalidInput:  # a broken frameworks file: nothing to offer, and no traceback mid-completion
        return []
    return _offer(incomplete, [(framework.id, framework.title) for framework in catalog])
