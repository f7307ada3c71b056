"""A quick reader for the plain YAML most assessment files are, which gives up rather than guess.

Most files are block mappings of `key: value` lines, with a few one-line flow mappings
(`12: {level: 3, pic: Diskominfo}`) and lists. `read_plain` reads that subset line by line with
regular expressions, several times faster than walking libyaml's events (`yamlread`), and gives
exactly the data the strict reader gives. The moment the text holds anything else (a tab, a carriage
return alone, a control or byte-order character, an anchor, alias, tag, merge key or directive, a
second document, a quoted key, a key or value YAML 1.1 would read as a boolean or null, a number in
any but the plainest form, a duplicate key, a value running over several lines, a block scalar, an
escape in a double-quoted scalar, a colon, hash or bracket where it could mean something, ...) it
returns None and the strict reader reads the file, refusing and locating whatever it refuses. So a
file is never accepted here that the strict reader would refuse, and no value is read differently:
tests/loading/test_yamlplain_properties.py holds both readers to the same data on generated,
mutated and hostile text.

Its limits are stricter than the strict reader's (fewer nodes, less depth): past them it gives up too.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

# What is not printable ASCII, nor the printable Unicode YAML allows, nor \n: the controls, the line
# breaks YAML counts beyond \n (NEL, LINE and PARAGRAPH SEPARATOR: a line here would not be a line
# there), surrogates, the byte-order mark and the two non-characters. Written as what is refused, since
# a class that excludes (`[^...]`) Unicode ranges takes Python's re 4-5 ms to compile at every start;
# compiled on first use of non-ASCII text, from re's cache.
OUTSIDE_ASCII = "[\x00-\x09\x0b-\x1f\x7f]"
OUTSIDE = "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]"
_OUTSIDE_ASCII = re.compile(OUTSIDE_ASCII)
_MAX_NODES = 50_000  # the strict reader's limit is 200,000
_MAX_DEPTH = 16  # the strict reader's is 64

_KEY = r"([A-Za-z][A-Za-z0-9_-]{0,127}|0|[1-9][0-9]{0,8})"  # a word, or a plain whole number (an int key)
_INT = re.compile(r"0|[1-9][0-9]{0,8}")  # what the strict reader reads as an int without PyYAML's resolver
_DECIMAL = re.compile(r"(?:0|[1-9][0-9]{0,8})\.[0-9]{1,9}")  # a YAML float, read as an exact Decimal
_FRACTION = re.compile(r"[1-9][0-9]{0,5}/[1-9][0-9]{0,5}")  # 7/6: text to YAML, an exact value to spbe
_BLOCK_ENTRY = re.compile(_KEY + r":(?: +(.*))?")  # `key:` or `key: value`, after the indentation
_TAIL_TEXT = r"(?: +#.*| *)"  # after a quoted scalar or a flow collection: spaces, or a comment after a space
_TAIL = re.compile(_TAIL_TEXT)
_DOUBLE = re.compile(r'"([^"\\]*)"' + _TAIL_TEXT)  # no escapes
_SINGLE = re.compile(r"'((?:[^']|'')*)'" + _TAIL_TEXT)
# In a flow collection: a double-quoted, single-quoted or plain scalar; a plain one holds no character
# that could end or open something there (, [ ] { } # : and quotes), nor spaces at either end.
_FLOW_SCALAR = re.compile(r""""([^"\\]*)"|'((?:[^']|'')*)'|([^\s,\[\]{}#:'"](?:[^,\[\]{}#:'"]*[^\s,\[\]{}#:'"])?)""")
_FLOW_KEY = re.compile(_KEY + r": +")
_SPACES = re.compile(r" *")
# Plain words YAML 1.1 reads as booleans or null (yes, On, NULL ...), in any case: left to the strict reader.
_NOT_TEXT = frozenset(("yes", "no", "y", "n", "true", "false", "on", "off", "null"))


def _outside(text: str) -> bool:
    """Whether `text` holds a character outside what the quick reader reads (see OUTSIDE)."""
    if text.isascii():
        return _OUTSIDE_ASCII.search(text) is not None
    return re.search(OUTSIDE, text) is not None


class _GiveUp(Exception):
    """The text is not the plain subset: the strict reader reads it."""


def read_plain(text: str) -> dict[Any, Any] | None:
    """The data of a YAML document in the plain subset, as the strict reader would give it, or None
    where the text is anything else (the strict reader then reads it)."""
    if _outside(text):
        if "\r" not in text:
            return None
        text = text.replace("\r\n", "\n")  # Windows line ends; a lone \r is a line break YAML counts
        if _outside(text):
            return None
    try:
        return _Lines().read(text)
    except _GiveUp:
        return None


class _Lines:
    """The open block collections, innermost last, each with the indentation of its lines."""

    __slots__ = ("indents", "containers", "pending", "nodes")

    def __init__(self) -> None:
        self.indents: list[int] = []
        self.containers: list[dict[Any, Any] | list[Any]] = []
        self.pending: tuple[dict[Any, Any], Any] | None = None  # `key:` with nothing after it yet
        self.nodes = 1

    def read(self, text: str) -> dict[Any, Any] | None:
        root: dict[Any, Any] = {}
        self.indents, self.containers = [0], [root]
        for line in text.split("\n"):
            content = line.lstrip(" ")
            if not content or content[0] == "#":
                continue  # blank, or a comment: at any indentation
            indent = len(line) - len(content)
            if self.pending is not None:
                self.open_below(indent, content)
            while indent < self.indents[-1]:
                self.indents.pop()
                self.containers.pop()
            if indent != self.indents[-1]:
                raise _GiveUp  # indented under a value, or back to no open collection's indentation
            container = self.containers[-1]
            if type(container) is dict:
                self.mapping_line(container, content)
            else:
                self.sequence_line(container, content)  # type: ignore[arg-type]
        if not root or self.nodes > _MAX_NODES:
            return None
        return root

    def open_below(self, indent: int, content: str) -> None:
        """The line after `key:`: a collection deeper in is the key's value; else the value is null."""
        mapping, key = self.pending  # type: ignore[misc]
        self.pending = None
        if indent <= self.indents[-1]:
            return
        if len(self.indents) >= _MAX_DEPTH:
            raise _GiveUp
        below: dict[Any, Any] | list[Any] = [] if content[0] == "-" else {}
        mapping[key] = below
        self.indents.append(indent)
        self.containers.append(below)
        self.nodes += 1

    def mapping_line(self, mapping: dict[Any, Any], content: str) -> None:
        match = _BLOCK_ENTRY.fullmatch(content)
        if match is None:
            raise _GiveUp
        key = _key(match[1])
        if key in mapping:
            raise _GiveUp  # a duplicate: the strict reader names both lines
        rest = match[2]
        self.nodes += 2
        if not rest or rest[0] == "#":
            mapping[key] = None
            self.pending = (mapping, key)
            return
        mapping[key] = self.value(rest)

    def sequence_line(self, sequence: list[Any], content: str) -> None:
        if content[:2] != "- ":
            raise _GiveUp
        rest = content[2:].lstrip(" ")
        if not rest or rest[0] == "#":
            raise _GiveUp  # an empty item, or one whose value is a block below
        self.nodes += 1
        sequence.append(self.value(rest))

    def value(self, rest: str) -> Any:
        """A value after `key: ` or `- `, to the end of its line."""
        if _INT.fullmatch(rest):
            return int(rest)  # the common case
        first = rest[0]
        if first == '"':
            match = _DOUBLE.fullmatch(rest)
            if match is None:
                raise _GiveUp
            return match[1]
        if first == "'":
            match = _SINGLE.fullmatch(rest)
            if match is None:
                raise _GiveUp
            return match[1].replace("''", "'")
        if first == "{" or first == "[":
            collection, end = self.flow(rest, 0)
            if _TAIL.fullmatch(rest, end) is None:
                raise _GiveUp  # only a comment may follow the closing bracket
            if self.nodes > _MAX_NODES:
                raise _GiveUp
            return collection
        cut = rest.find(" #")
        text = (rest if cut < 0 else rest[:cut]).rstrip(" ")
        if ": " in text or " :" in text or text[-1] == ":":
            raise _GiveUp  # a mapping where a value was expected, or a colon that may start one
        return _plain(text)

    def flow(self, rest: str, position: int, depth: int = 1) -> tuple[Any, int]:
        """The flow collection (`{key: value, ...}` or `[value, ...]`) opening at `position`, all on this
        line, and where it ends (past its bracket). In a mapping every comma is followed by a space:
        `{level: 3,5}` is a decimal comma, which the strict reader explains."""
        if depth > 4:
            raise _GiveUp
        mapping = rest[position] == "{"
        close = "}" if mapping else "]"
        collection: Any = {} if mapping else []
        position = _SPACES.match(rest, position + 1).end()  # type: ignore[union-attr]
        if rest.startswith(close, position):
            return collection, position + 1
        while True:
            if mapping:
                match = _FLOW_KEY.match(rest, position)
                if match is None:
                    raise _GiveUp
                key = _key(match[1])
                if key in collection:
                    raise _GiveUp
                item, position = self.flow_item(rest, match.end(), depth)
                collection[key] = item
            else:
                item, position = self.flow_item(rest, position, depth)
                collection.append(item)
            self.nodes += 2
            position = _SPACES.match(rest, position).end()  # type: ignore[union-attr]
            if rest.startswith(close, position):
                return collection, position + 1
            if not rest.startswith(", " if mapping else ",", position):
                raise _GiveUp
            position = _SPACES.match(rest, position + 1).end()  # type: ignore[union-attr]

    def flow_item(self, rest: str, position: int, depth: int) -> tuple[Any, int]:
        """A value inside a flow collection: a scalar, or a flow collection in its turn."""
        if rest.startswith(("{", "["), position):
            return self.flow(rest, position, depth + 1)
        match = _FLOW_SCALAR.match(rest, position)
        if match is None:
            raise _GiveUp
        double, single, plain = match.groups()
        if double is not None:
            return double, match.end()
        if single is not None:
            return single.replace("''", "'"), match.end()
        return _plain(plain), match.end()


def _key(written: str) -> Any:
    """A key as the strict reader reads it: a plain whole number is an int, a word is text."""
    if written[0] <= "9":
        return int(written)
    if written.lower() in _NOT_TEXT:
        raise _GiveUp  # a boolean or null key: the strict reader refuses it
    return written


def _plain(text: str) -> Any:
    """A plain scalar: a plain whole number, a plain decimal, or text starting with a letter."""
    first = text[0]
    if "0" <= first <= "9":
        if _INT.fullmatch(text):
            return int(text)
        if _DECIMAL.fullmatch(text):
            return Decimal(text)
        if _FRACTION.fullmatch(text):
            return text
        raise _GiveUp  # 012, 1_000, 0x1F, 1e3, 2024-01-01, 1:30, 7/6 ...
    if not first.isalpha() or text.lower() in _NOT_TEXT:
        raise _GiveUp  # an indicator (& * ! | > - ? ...), a dot (.inf), ~, or yes / on / null ...
    return text
