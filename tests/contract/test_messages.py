"""Message ids are typed: every one has both languages with the same placeholders, and every one is used."""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import string
import subprocess
import sys

import pytest

from spbe_cli.i18n import LANGUAGES, M, Message, Messages, all_messages

from ..helpers import ROOT, TESTS

PACKAGE = ROOT / "spbe_cli"
# Each message's English and Indonesian as last reviewed together; see test_english_changes_are_reviewed.
LOCK = TESTS / "messages.lock"


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


def test_every_message_has_every_language_with_the_same_placeholders():
    def wrong(message: Message) -> bool:
        return (
            set(message.texts) != set(LANGUAGES)
            or not all(text.strip() for text in message.texts.values())
            or placeholders(message.texts["en"]) != placeholders(message.texts["id"])
        )

    assert [message.id for message in all_messages() if wrong(message)] == []


def test_message_ids_are_unique_across_areas():
    seen: dict[str, str] = {}
    clashes = []
    for area in M.__mro__[1:]:
        for name, value in vars(area).items():
            if isinstance(value, Message):
                if name in seen:
                    clashes.append(f"{name}: {seen[name]} and {area.__name__}")
                seen[name] = area.__name__
    assert clashes == []


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def hashes() -> dict[str, tuple[str, str]]:
    return {m.id: (digest(m.texts["en"]), digest(m.texts["id"])) for m in all_messages()}


def read_lock(text: str) -> dict[str, tuple[str, str]]:
    """One message a line: `id english-hash indonesian-hash`."""
    return {name: (en, id_) for name, en, id_ in (line.split() for line in text.splitlines() if line.strip())}


def unreviewed(current: dict[str, tuple[str, str]], locked: dict[str, tuple[str, str]]) -> list[str]:
    """Messages whose English changed since the lock while their Indonesian did not."""
    return sorted(
        name
        for name, (en, id_) in current.items()
        if name in locked and en != locked[name][0] and id_ == locked[name][1]
    )


def test_english_changes_are_reviewed_in_indonesian():
    # The lock holds a hash of each message's English and Indonesian as last reviewed together. An
    # English text that changed while its Indonesian did not fails here: look at the Indonesian, then
    # refresh the lock with `SPBE_UPDATE_LOCK=1 python -m pytest -k english_changes`.
    current = hashes()
    if os.environ.get("SPBE_UPDATE_LOCK") == "1":
        LOCK.write_text("".join(f"{n} {en} {id_}\n" for n, (en, id_) in sorted(current.items())), encoding="utf-8")
    locked = read_lock(LOCK.read_text(encoding="utf-8"))
    assert unreviewed(current, locked) == [], "English changed, Indonesian did not: review, then SPBE_UPDATE_LOCK=1"
    assert sorted(set(current) ^ set(locked)) == [], "messages added or removed: SPBE_UPDATE_LOCK=1 records them"


def test_the_lock_check_sees_an_unreviewed_change():
    locked = {"index": (digest("Index"), digest("Indeks")), "year": (digest("Year"), digest("Tahun"))}
    both_changed = {"index": (digest("Index"), digest("Indeks")), "year": (digest("Years"), digest("Tahun-tahun"))}
    assert unreviewed(both_changed, locked) == []
    assert unreviewed({**both_changed, "index": (digest("The index"), digest("Indeks"))}, locked) == ["index"]


def test_messages_export_for_reviewers():
    done = subprocess.run(
        [sys.executable, "-m", "spbe_cli.i18n", "--export", "csv"], capture_output=True, text=True, check=True
    )
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == len(all_messages())
    assert {"id": "index", "area": "labels", "en": "Index", "id_text": "Indeks"} in rows
    po = subprocess.run(
        [sys.executable, "-m", "spbe_cli.i18n", "--export", "po"], capture_output=True, text=True, check=True
    ).stdout
    assert 'msgctxt "index"\nmsgid "Index"\nmsgstr "Indeks"' in po


def test_every_message_is_used_somewhere():
    sources = [*PACKAGE.rglob("*.py"), *PACKAGE.rglob("*.j2")]  # the HTML templates use messages too
    code = "\n".join(p.read_text(encoding="utf-8") for p in sources if "i18n" not in p.parts)
    used = set(re.findall(r"\bM\.([a-z0-9_]+)", code))
    # Ranking rows name their group kind ("domain"/"aspect"), looked up by getattr.
    used |= {"domain", "aspect"}
    unused = sorted(m.id for m in all_messages() if m.id not in used)
    assert unused == []


def test_messages_word_a_message_in_the_chosen_language():
    assert Messages("id")(M.err_exists, path="a.json").startswith("a.json sudah ada")
    assert Messages("en")(M.err_exists, path="a.json").startswith("a.json exists")
    assert Messages("xx").language == "en"


def test_messages_word_numbers_the_way_of_their_language():
    from decimal import Decimal
    from fractions import Fraction

    values = {"target": "3", "best": Decimal("2.48"), "predikat": "Baik"}
    assert "2,48 (Baik)" in Messages("id")(M.err_unreachable, **values)
    assert "2.48 (Baik)" in Messages("en")(M.err_unreachable, **values)
    # an exact value is written as short as exact, never as 5/2
    assert Messages("id")(M.err_places_option, option="--margin", value=Fraction(5, 2), places=2).startswith(
        "--margin 2,5 "
    )
    assert Messages("id").numbers.decimal_comma and not Messages("en").numbers.decimal_comma


def test_a_mistyped_id_fails_at_once():
    with pytest.raises(AttributeError):
        M.no_such_message  # noqa: B018
