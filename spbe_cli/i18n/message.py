"""Messages, phrases and the reader's language: the machinery of spbe_cli.i18n.

The language comes from --lang, else SPBE_LANG, else LANG starting with "id", else English.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from decimal import Decimal
from numbers import Rational
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .numbers import NumberStyle

LANGUAGES = ("en", "id")


class Message:
    """One user-facing text in every language; its id is the attribute name it is given in `M`."""

    __slots__ = ("id", "texts")

    def __init__(self, *, en: str, id: str) -> None:  # noqa: A002  ("id" is the language code)
        self.texts = {"en": en, "id": id}
        self.id = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.id = name

    def __repr__(self) -> str:
        return f"M.{self.id}"


def default_language(environ: Mapping[str, str] | None = None) -> str:
    """SPBE_LANG if it names a known language, else Indonesian when LANG starts with "id"."""
    environ = os.environ if environ is None else environ
    chosen = environ.get("SPBE_LANG", "").strip().lower()[:2]
    if chosen in LANGUAGES:
        return chosen
    return "id" if environ.get("LANG", "").lower().startswith("id") else "en"


class Phrase:
    """A message with its values, not yet worded: worded later, in the reader's language.

    A value may itself be a Phrase (a hint, a description of what was found); it is worded in the
    same language as the message that holds it.
    """

    __slots__ = ("message", "values")

    def __init__(self, message: Message, /, **values: object) -> None:
        self.message = message
        self.values = values

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Phrase) and (self.message, self.values) == (other.message, other.values)

    def __hash__(self) -> int:
        return hash(self.message.id)

    def __repr__(self) -> str:
        return f"Phrase({self.message!r}, {self.values!r})"

    def __str__(self) -> str:
        return Messages()(self.message, **self.values)


class Messages:
    """Messages of one language: messages(M.result_line, index=...) words one.

    The one place where a number meets words: a Decimal or Fraction value is written the way of the
    language (3,19 in Bahasa Indonesia), and `numbers` is that way for whoever lays numbers out.
    """

    def __init__(self, language: str = "en"):
        self.language = language if language in LANGUAGES else "en"

    @property
    def numbers(self) -> NumberStyle:
        """How this language writes numbers (imported when first used: start-up needs no fractions)."""
        from .numbers import NumberStyle

        return NumberStyle.for_language(self.language)

    def __call__(self, message: Message, /, **values: object) -> str:
        return message.texts[self.language].format(**{name: self._word(value) for name, value in values.items()})

    def _word(self, value: object) -> object:
        if isinstance(value, Phrase):
            return self(value.message, **value.values)
        if isinstance(value, Decimal) or (isinstance(value, Rational) and not isinstance(value, int)):
            return self.numbers.worded(value)  # a Fraction
        return value

    def phrase(self, phrase: Phrase) -> str:
        return self(phrase.message, **phrase.values)
