"""Every user-facing label and message, in English and Bahasa Indonesia. JSON keys stay English.

The language comes from --lang, else SPBE_LANG, else LANG starting with "id", else English.

Messages are attributes of one class `M`, assembled from one class per area (labels, reading,
validation, ...). An id is the attribute's name: a typo is an AttributeError at import and under
mypy, never a KeyError at run time. A new message goes into the area module it belongs to, one
line where it fits; `python -m spbe_cli.i18n --export csv` lists every text for a reviewer.
"""

from __future__ import annotations

from .check import Check
from .commands import Commands
from .comparing import Comparing
from .evidence import Evidence
from .frameworks_file import FrameworksFile
from .help import Help
from .labels import Labels
from .message import LANGUAGES, Message, Messages, Phrase, default_language
from .planning import Planning
from .published import PublishedFigures
from .reading import Reading
from .report import Report
from .sheets import Sheets
from .usage import Usage
from .validation import Validation
from .web import Web

__all__ = ["LANGUAGES", "M", "Message", "Messages", "Phrase", "all_messages", "default_language"]


class M(
    Labels,
    Reading,
    Validation,
    FrameworksFile,
    Sheets,
    Commands,
    Comparing,
    Planning,
    Evidence,
    Check,
    Report,
    Usage,
    Help,
    PublishedFigures,
    Web,
):
    """Every message id."""


def all_messages() -> list[Message]:
    """Every message once, in area order."""
    found: dict[str, Message] = {}
    for area in M.__mro__:
        for value in vars(area).values():
            if isinstance(value, Message):
                found.setdefault(value.id, value)
    return list(found.values())
