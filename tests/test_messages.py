"""Message ids are typed: every one has both languages with the same placeholders, and every one is used."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from spbe_cli.i18n import LANGUAGES, M, Message, Messages, all_messages

PACKAGE = Path(__file__).resolve().parent.parent / "spbe_cli"


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("message", all_messages(), ids=lambda m: m.id)
def test_every_message_has_every_language_with_the_same_placeholders(message: Message):
    assert set(message.texts) == set(LANGUAGES)
    assert all(text.strip() for text in message.texts.values())
    assert placeholders(message.texts["en"]) == placeholders(message.texts["id"])


def test_every_message_is_used_somewhere():
    sources = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")]  # the HTML templates use messages too
    code = "\n".join(p.read_text(encoding="utf-8") for p in sources if p.name != "i18n.py")
    used = set(re.findall(r"\bM\.([a-z0-9_]+)", code))
    # Ranking rows name their group kind ("domain"/"aspect"), looked up by getattr.
    used |= {"domain", "aspect"}
    unused = sorted(m.id for m in all_messages() if m.id not in used)
    assert unused == []


def test_messages_word_a_message_in_the_chosen_language():
    assert Messages("id")(M.err_exists, path="a.json").startswith("a.json sudah ada")
    assert Messages("en")(M.err_exists, path="a.json").startswith("a.json exists")
    assert Messages("xx").language == "en"


def test_a_mistyped_id_fails_at_once():
    with pytest.raises(AttributeError):
        M.no_such_message  # noqa: B018
