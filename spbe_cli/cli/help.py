"""Help pages and usage lines without Python types.

Typer shows each argument with its Python type in help (`FILE <list[str]>`) and wraps a required
argument in braces on the usage line (`Usage: spbe score [OPTIONS] {FILE}...`). Neither means anything
to the people spbe is for, and Typer offers no setting for either: each argument object is given a
subclass that leaves the type out and writes the usage line as Click does (`FILE...`, `[NEW]`).
"""

from __future__ import annotations

from typing import Any

import typer.core


class PlainArgument(typer.core.TyperArgument):
    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def display_type(self, ctx: Any) -> str:
        return ""

    def _usage_display_name(self) -> str:
        name = self.display_name_raw if self.required else f"[{self.display_name_raw}]"
        return name + ("..." if self.nargs != 1 else "")


def plain_arguments(command: Any) -> Any:
    """`command` (and every command under it) with PlainArgument arguments."""
    for sub in getattr(command, "commands", {}).values():
        plain_arguments(sub)
    for param in command.params:
        if isinstance(param, typer.core.TyperArgument):
            param.__class__ = PlainArgument  # the same object, shown without its type (module docstring)
    return command
