"""Strict, safe YAML reading with positions.

PyYAML's loaders silently keep the last of two duplicate keys, expand aliases without bound and
read decimals as binary floats. This reader walks libyaml's event stream itself (no recursion, so
deep nesting cannot overflow the stack) and builds plain Python data while it:

- refuses duplicate keys (naming both lines), custom tags, several documents, undefined aliases;
- bounds nesting depth and the number of nodes after alias expansion (an alias bomb stops early);
- reads floats as exact Decimals and leaves timestamps as text;
- records the line and column of every key and value, so later checks can point at them.

Read without positions (the first reading of a file), a plain file is read by `yamlplain` instead,
which gives the same data quicker and leaves everything else to this reader.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any, BinaryIO, NamedTuple

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..i18n import M, Phrase
from ..problems import InvalidInput, KeyPath, Place, Problem
from .locate import Document, nearest
from .yamlplain import read_plain

MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 200_000
# No number spbe reads needs more characters (a year has 4 digits, a Pemdi value at most 6 decimals);
# longer ones are refused before int() or Decimal() spend quadratic time or hit Python's digit limit.
MAX_NUMBER_CHARS = 40
_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_PLAIN_FLOAT = re.compile(
    r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)"
)

_YAML = "tag:yaml.org,2002:"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_resolve: Callable[[type[yaml.Node], str, tuple[bool, bool]], str] = Resolver().resolve  # a plain scalar's tag
_constructor = SafeConstructor()
_MERGE = object()  # marks a `<<` merge key

Position = tuple[int, int]  # 1-based line and column


@dataclass
class YamlDocument(Document):
    """Parsed data plus where each value (and each mapping key) stands in the text."""

    data: Any
    path: str
    values: dict[KeyPath, Position] = field(default_factory=dict)
    keys: dict[KeyPath, Position] = field(default_factory=dict)
    # Where each value and key ends (just past its last character): what an edit of the text replaces.
    # A block collection ends where its last item does, before any comment or blank line after it.
    ends: dict[KeyPath, Position] = field(default_factory=dict)
    key_ends: dict[KeyPath, Position] = field(default_factory=dict)
    # Values that carry an anchor (`&a`), and the anchors some alias (`*a`) repeats: one value in two
    # places, which an edit of the text cannot change in one place alone.
    anchored: dict[KeyPath, str] = field(default_factory=dict)
    aliased: dict[str, list[KeyPath]] = field(default_factory=dict)  # anchor -> where aliases repeat it

    def place(self, path: KeyPath, *, key: bool = False) -> Place:
        """The line and column of `path`, or of its nearest ancestor that has one (aliased values have
        none); 1:1 when nothing is recorded (read without positions)."""
        line, col = nearest(path, (self.keys, self.values) if key else (self.values,)) or (1, 1)
        return Place(self.path, line, col)


def read_capped(path: str, limit: int = MAX_BYTES) -> bytes:
    """A file's bytes, at most `limit` + 1 of them (the reader of its kind refuses more than its own
    limit: `decode` for YAML); `-` is standard input.

    A FIFO or a device named explicitly is read like a file, up to the cap: /dev/zero or an endless
    writer stops at the cap instead of filling memory. Raises OSError.
    """
    if path == "-":
        import sys

        return _read_upto(sys.stdin.buffer, limit + 1)
    with open(path, "rb") as handle:
        return _read_upto(handle, limit + 1)


_CHUNK = 64 * 1024


def _read_upto(handle: BinaryIO, count: int) -> bytes:
    """Up to `count` bytes. Asking for them all at once would make Python set aside `count` bytes first
    (tens of MB for every small file); a regular file is asked for its size and one byte more (a read
    comes back short only at its end), anything else and a file that grew, a chunk at a time."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError):  # no descriptor (a test's stream)
        size = 0
    wanted = min(size + 1, count) if size else min(_CHUNK, count)
    first = handle.read(wanted)
    if (size and len(first) < wanted) or not first:
        return first  # the whole file
    chunks = [first]
    total = len(first)
    while total < count:
        chunk = handle.read(min(_CHUNK, count - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def top_level_keys(data: bytes) -> list[str] | None:
    """The top-level mapping keys of one YAML document (none for a list, a scalar or an empty file), or
    None when the bytes are not one UTF-8 YAML document. Only libyaml's events: nothing is built, so
    aliases, tags and keys spbe would refuse cost nothing here."""
    if len(data) > MAX_BYTES or b"\x00" in data:
        return None
    try:
        text = utf8_text(data)
    except NotUtf8:
        return None
    parser = _Loader(text)
    keys: list[str] = []
    open_containers: list[bool] = []  # True for a mapping
    items = 0  # nodes seen directly in the top-level mapping: keys at even positions
    documents = 0
    try:
        while True:
            event = parser.get_event()
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                return keys
            if kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    return None
            elif kind in (yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent):
                if open_containers == [True]:
                    if items % 2 == 0 and kind is yaml.ScalarEvent:
                        keys.append(event.value)
                    items += 1
                if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                    open_containers.append(kind is yaml.MappingStartEvent)
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                open_containers.pop()
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


class NotUtf8(ValueError):
    """Bytes that are not UTF-8, and where the first wrong one stands."""

    def __init__(self, line: int, col: int, byte: str) -> None:
        super().__init__(f"byte {byte} at {line}:{col} is not UTF-8")
        self.line, self.col, self.byte = line, col, byte  # byte: two hex digits, as people look it up


def utf8_text(data: bytes) -> str:
    """UTF-8 text, a leading byte-order mark dropped. Raises NotUtf8 at the first byte that is not UTF-8."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise NotUtf8(line, col, f"{data[error.start]:02X}") from None


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (BOM allowed) or a located refusal."""
    if len(data) > MAX_BYTES:
        raise InvalidInput([Problem.at(Place(path), Phrase(M.file_too_large, mb=MAX_BYTES // (1024 * 1024)), "file")])
    if b"\x00" in data:
        raise InvalidInput([Problem.at(Place(path), Phrase(M.file_binary), "file")])
    try:
        text = utf8_text(data)
    except NotUtf8 as error:
        not_utf8 = Phrase(M.file_not_utf8, byte=error.byte)
        raise InvalidInput([Problem.at(Place(path, error.line, error.col), not_utf8, "file")]) from None
    if not text.strip():
        raise InvalidInput([Problem.at(Place(path), Phrase(M.file_empty), "file")])
    return text


def _position(mark: Any) -> Position:
    return (mark.line + 1, mark.column + 1)


def _scalar(event: Any, problems: list[Problem], path: str) -> Any:
    tag = event.tag
    value = event.value
    if tag == "!":
        return value
    if tag is None:
        if not event.implicit[0]:
            return value  # quoted: always text
        if value.isdigit() and value.isascii() and (value[0] != "0" or value == "0") and len(value) <= 9:
            return int(value)  # the common case; 012 (YAML 1.1 octal) and 1_000 take the full path
        tag = _resolve(yaml.ScalarNode, value, event.implicit)
    elif not tag.startswith(_YAML) or tag[len(_YAML) :] not in {"str", "int", "float", "bool", "null"}:
        line, col = _position(event.start_mark)
        problems.append(Problem.at(Place(path, line, col), Phrase(M.yaml_tag, tag=tag), "syntax"))
        return value
    kind = tag[len(_YAML) :]
    if kind in ("int", "float"):
        refusal = _number_refusal(value, kind)
        if refusal is not None:
            line, col = _position(event.start_mark)
            problems.append(Problem.at(Place(path, line, col), refusal, "syntax"))
            return value
    try:
        if kind == "int":
            return _constructor.construct_yaml_int(yaml.ScalarNode(tag, value))
        if kind == "float":
            return _decimal(value)
        if kind == "bool":
            return SafeConstructor.bool_values[value.lower()]
        if kind == "null":
            return None
        if kind == "merge":
            return _MERGE
    except (ValueError, KeyError, InvalidOperation):
        line, col = _position(event.start_mark)
        problems.append(Problem.at(Place(path, line, col), Phrase(M.yaml_bad_scalar, value=value, kind=kind), "syntax"))
    return value  # str, timestamp (kept as written), value


def _number_refusal(value: str, kind: str) -> Phrase | None:
    """Why a number is refused: too long, or a YAML 1.1 form that reads as another number than it
    looks (010 is 8, 0x7E8 and 33:44 are 2024)."""
    if len(value) > MAX_NUMBER_CHARS:
        return Phrase(M.yaml_number_too_long, length=len(value), limit=MAX_NUMBER_CHARS)
    plain = _PLAIN_INT if kind == "int" else _PLAIN_FLOAT
    if not plain.fullmatch(value.replace("_", "")):  # 1_000 is a thousand, as it looks
        return Phrase(M.yaml_number_form, value=value)
    return None


def _decimal(text: str) -> Decimal:
    """YAML 1.1 float text as an exact Decimal (1.17 stays 1.17, not 1.1699999...)."""
    cleaned = text.replace("_", "").lower()
    if cleaned in {".inf", "+.inf"}:
        return Decimal("Infinity")
    if cleaned == "-.inf":
        return Decimal("-Infinity")
    if cleaned == ".nan":
        return Decimal("NaN")
    if ":" in cleaned:  # sexagesimal, e.g. 1:30.5
        sign = -1 if cleaned.startswith("-") else 1
        total = Decimal(0)
        for part in cleaned.lstrip("+-").split(":"):
            total = total * 60 + Decimal(part)
        return sign * total
    return Decimal(cleaned)


class _Container:
    __slots__ = (
        "obj",
        "path",
        "start",
        "size",
        "anchor",
        "key",
        "key_text",
        "key_pos",
        "merges",
        "explicit",
        "index",
        "flow",
        "key_end",
        "last_end",
    )

    def __init__(self, obj: Any, path: KeyPath, start: Any, anchor: str | None, flow: bool = False):
        self.obj = obj
        self.flow = flow  # written inline, {a: 1} or [1, 2]
        self.start = start
        self.path = path
        self.size = 1
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.key_text = ""  # the key waiting for its value, as text
        self.key_pos: Position = (1, 1)
        self.key_end: Position = (1, 1)
        self.last_end: Position | None = None  # where the last key or item read so far ends
        self.merges: list[dict[Any, Any]] = []
        self.explicit: dict[str, int] = {}  # key text -> line: 12 and "12" collide
        self.index = 0

    def closed(self, event: Any) -> Position:
        """The collection complete (merged keys in), and where it ends: past the closing bracket of a flow
        collection, else where its last item ends, before any comment or blank line after it."""
        if self.merges:
            # Explicit keys win over merged ones; earlier merged mappings win over later ones.
            for merged in self.merges:
                for key, value in merged.items():
                    if key not in self.obj:
                        self.obj[key] = value
        if self.flow or self.last_end is None:
            return _position(event.end_mark)
        return self.last_end


_NO_KEY = object()
_NO_DATA = object()  # no document read yet
_NOWHERE: Position = (1, 1)  # an end not recorded (positions=False)
_BAD_KEY = object()  # a refused key: its value is skipped


def read_yaml(data: bytes, path: str, *, positions: bool = True) -> YamlDocument:
    """Parse one YAML document from bytes, strictly. Raises InvalidInput with every problem found.

    Problems found while reading are always located. positions=False skips recording where each
    value stands (the cost of a valid file's fast path); read again with it where a later check
    needs to point at a value.
    """
    text = decode(data, path)
    if not positions:
        plain = read_plain(text)  # most files: the same data, read quicker; None for anything else
        if plain is not None:
            return YamlDocument(plain, path)
    return _EventWalker(text, path, positions).read()


def read_strictly(data: bytes, path: str, *, positions: bool = True) -> YamlDocument:
    """`read_yaml` through libyaml's events alone, never the quick reader (to compare the two)."""
    return _EventWalker(decode(data, path), path, positions).read()


# The event classes, bound once: the walk compares every event's type against them.
_SCALAR, _ALIAS = yaml.ScalarEvent, yaml.AliasEvent
_MAPPING_START, _SEQUENCE_START = yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent
_DOCUMENT_START, _STREAM_END = yaml.DocumentStartEvent, yaml.StreamEndEvent


class _EventWalker:
    """Builds one document's data from libyaml's events, with a stack of the collections still open.

    This is the hot path of reading YAML: every file of a batch passes each of its nodes through
    `walk`, `scalar` and `add` (benchmarks/run.py --stages times it as "strict YAML read"). Its state
    lives in slots, a plain whole number (most values) is read without the general scalar rules, and a
    key's text is made once, for its duplicate check, its value and its children's key paths.
    """

    __slots__ = (
        "text",
        "path",
        "positions",
        "document",
        "problems",
        "anchors",
        "stack",
        "total",
        "raw_scalar",
        "line_starts",
    )

    def __init__(self, text: str, path: str, positions: bool) -> None:
        self.text = text
        self.path = path
        self.positions = positions
        self.document = YamlDocument(_NO_DATA, path)
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int]] = {}  # anchor -> its value and node count
        self.stack: list[_Container] = []
        self.total = 0  # nodes read, aliases counted at their size
        self.raw_scalar = ""  # the text of the last scalar read, to quote a refused key as written
        self.line_starts: list[int] = []  # where each line starts, once a block scalar needs them

    def read(self) -> YamlDocument:
        parser = None
        try:
            parser = _Loader(self.text)
            self.walk(parser)
        except yaml.MarkedYAMLError as error:
            raise InvalidInput(self.problems + [self.syntax_problem(error)]) from None
        except yaml.YAMLError as error:
            detail = Phrase(M.yaml_error, detail=str(error))
            raise InvalidInput(self.problems + [Problem.at(Place(self.path), detail, "syntax")]) from None
        finally:
            if parser is not None:
                parser.dispose()
        if self.problems:
            raise InvalidInput(self.problems)
        if self.document.data is _NO_DATA or self.document.data is None:
            raise InvalidInput([Problem.at(Place(self.path), Phrase(M.file_no_document), "file")])
        return self.document

    def walk(self, parser: Any) -> None:
        get_event = parser.get_event  # straight from libyaml: no generator in between
        scalar, add = self.scalar, self.add
        documents = 0
        while True:
            event = get_event()
            kind = type(event)
            if kind is _SCALAR:
                scalar(event)
            elif kind is _MAPPING_START or kind is _SEQUENCE_START:
                self.open(event, kind is _MAPPING_START)
            elif kind is _MAPPING_END or kind is _SEQUENCE_END:
                container = self.stack.pop()
                add(container.obj, container.size, container.start, container.anchor, container.closed(event))
            elif kind is _ALIAS:
                self.alias(event)
            elif kind is _DOCUMENT_START:
                documents += 1
                if documents > 1:
                    raise self.fail(event.start_mark, Phrase(M.yaml_documents))
            elif kind is _STREAM_END:
                return

    def fail(self, mark: Any, phrase: Phrase) -> InvalidInput:
        """Every problem so far and this one, which stops the reading."""
        return InvalidInput(self.problems + [Problem.at(Place(self.path, *_position(mark)), phrase, "syntax")])

    def problem(self, mark: Any, phrase: Phrase, kind: str = "syntax") -> None:
        """A problem that does not stop the reading: every one of them is reported."""
        self.problems.append(Problem.at(Place(self.path, *_position(mark)), phrase, kind))

    def scalar(self, event: Any) -> None:
        self.total += 1
        if self.total > MAX_NODES:
            raise self.fail(event.start_mark, Phrase(M.yaml_too_many_nodes, limit=MAX_NODES))
        value = self.raw_scalar = event.value
        stack = self.stack
        if stack and stack[-1].flow and stack[-1].key is _NO_KEY and type(stack[-1].obj) is dict:
            written = _decimal_comma(self.text, event)  # {level: 3,5} reads as {level: 3, 5: null}
            if written:
                self.problem(
                    event.start_mark,
                    Phrase(M.yaml_decimal_comma, written=written, fixed=written.replace(",", ".")),
                    "value",
                )
        if (
            event.tag is None
            and event.implicit[0]
            and value.isdigit()
            and value.isascii()
            and (value[0] != "0" or value == "0")
            and len(value) <= 9
        ):
            value = int(value)  # the common case; 012 (YAML 1.1 octal) and 1_000 take the full path
        else:
            value = _scalar(event, self.problems, self.path)
        mark = event.end_mark
        end = (mark.line + 1, mark.column + 1) if self.positions else _NOWHERE
        if self.positions and event.style in ("|", ">"):
            end = self.block_end(event.start_mark, mark)
        self.add(value, 1, event.start_mark, event.anchor, end)

    def block_end(self, start: Any, end: Any) -> Position:
        """Where a block scalar (`note: |`) ends: after its last character, not after the line breaks
        and blank lines libyaml counts into it, so an edit replacing it keeps the line that follows."""
        if not self.line_starts:
            self.line_starts = [0] + [match.end() for match in _BREAKS.finditer(self.text)]
        starts = self.line_starts
        first = starts[start.line] + start.column
        last = starts[end.line] + end.column if end.line < len(starts) else len(self.text)
        offset = first + len(self.text[first:last].rstrip(" \t\r\n\x85\u2028\u2029"))
        line = bisect_right(starts, offset)
        return (line, offset - starts[line - 1] + 1)

    def open(self, event: Any, mapping: bool) -> None:
        """A mapping or sequence starts: pushed, to be filled by the events up to its end."""
        stack = self.stack
        if len(stack) >= MAX_DEPTH:
            raise self.fail(event.start_mark, Phrase(M.yaml_too_deep, limit=MAX_DEPTH))
        if event.tag not in (None, "!", _YAML + ("map" if mapping else "seq")):
            self.problem(event.start_mark, Phrase(M.yaml_tag, tag=event.tag))
        if stack and stack[-1].key is _NO_KEY and type(stack[-1].obj) is dict:
            raise self.fail(event.start_mark, Phrase(M.yaml_complex_key))
        self.total += 1
        path = self.child_path() if stack else ()
        obj: dict[Any, Any] | list[Any] = {} if mapping else []
        stack.append(_Container(obj, path, event.start_mark, event.anchor, bool(event.flow_style)))

    def alias(self, event: Any) -> None:
        """`*name`: the anchored value again, counted at its full size (an alias bomb stops early)."""
        if event.anchor not in self.anchors:
            raise self.fail(event.start_mark, Phrase(M.yaml_undefined_alias, anchor=event.anchor))
        value, size = self.anchors[event.anchor]
        if self.positions and self.stack:
            self.document.aliased.setdefault(event.anchor, []).append(self.child_path())
        self.total += size
        if self.total > MAX_NODES:
            raise self.fail(event.start_mark, Phrase(M.yaml_alias_bomb, limit=MAX_NODES))
        self.add(value, size, event.start_mark, None, _position(event.end_mark))

    def child_path(self) -> KeyPath:
        """The key path of the node about to be added to the innermost open collection."""
        if not self.positions:
            return ()
        top = self.stack[-1]
        if type(top.obj) is list:
            return top.path + (top.index,)
        return top.path + (top.key_text,)

    def add(self, value: Any, size: int, start: Any, anchor: str | None, end: Position) -> None:
        """A node read whole (a scalar, an alias, a collection just closed): the document's root, the
        next item of a sequence, or the next key or value of a mapping."""
        if anchor is not None:
            self.anchors[anchor] = (value, size)
            if self.positions and (
                not self.stack or type(self.stack[-1].obj) is list or self.stack[-1].key is not _NO_KEY
            ):
                self.document.anchored[self.child_path() if self.stack else ()] = anchor
        if not self.stack:
            self.document.data = value
            return
        top = self.stack[-1]
        top.size += size
        top.last_end = end
        if type(top.obj) is list:
            if self.positions:
                item = top.path + (top.index,)
                self.document.values[item] = (start.line + 1, start.column + 1)
                self.document.ends[item] = end
            top.obj.append(value)
            top.index += 1
        elif top.key is _NO_KEY:
            self.key(top, value, start, end)
        else:
            self.value(top, value, start, end)

    def key(self, top: _Container, key: Any, start: Any, end: Position) -> None:
        """A mapping's next key: it waits in `top` for its value."""
        if isinstance(key, (dict, list)):
            raise self.fail(start, Phrase(M.yaml_complex_key))
        top.key_pos = (start.line + 1, start.column + 1)
        top.key_end = end
        if key is None or isinstance(key, (bool, Decimal)):
            # yes:, on:, 1.0: and ~: would equal (or hide behind) other keys in Python: 1 == True == 1.0
            shown = self.raw_scalar or "null"  # as written: yes, on, 1.0, ~
            self.problem(start, Phrase(M.yaml_key_type, key=shown))
            top.key = _BAD_KEY
            return
        top.key = key
        if key is _MERGE:
            top.key_text = "<<"  # what is merged has no place of its own: its items stand below `<<`
        else:
            text = top.key_text = key_text(key)
            if text in top.explicit:
                self.problem(start, Phrase(M.yaml_duplicate_key, key=text, line=top.explicit[text]))

    def value(self, top: _Container, value: Any, start: Any, end: Position) -> None:
        """The value of the key waiting in `top`: kept, unless its key was refused or came before."""
        key = top.key
        top.key = _NO_KEY
        if key is _BAD_KEY:
            return
        if key is _MERGE:
            self.merge(top, value, start)
            return
        text = top.key_text
        if text in top.explicit:
            return  # duplicate already reported; keep the first value
        top.explicit[text] = top.key_pos[0]
        if self.positions:
            item = top.path + (text,)
            document = self.document
            document.values[item] = (start.line + 1, start.column + 1)
            document.keys[item] = top.key_pos
            document.ends[item] = end
            document.key_ends[item] = top.key_end
        top.obj[key] = value

    def merge(self, top: _Container, value: Any, start: Any) -> None:
        """`<<: *base` (or a list of them): merged when the mapping closes, its own keys winning."""
        merged = value if isinstance(value, list) else [value]
        if all(isinstance(item, dict) for item in merged):
            top.merges.extend(merged)
        else:
            self.problem(start, Phrase(M.yaml_merge))

    def syntax_problem(self, error: yaml.MarkedYAMLError) -> Problem:
        """A syntax error, in the user's terms where it is a common one."""
        mark, explained = _syntax_phrase(error, self.text)
        phrase = Phrase(M.yaml_syntax, detail=explained)
        if "maximum nesting depth" in (error.problem or ""):
            # PyYAML's scanner stops flow nesting at 1000 levels before its events reach our own
            # limit: the same refusal, said in the same words.
            phrase = Phrase(M.yaml_too_deep, limit=MAX_DEPTH)
        return Problem.at(
            Place(self.path, *_position(mark)) if mark is not None else Place(self.path), phrase, "syntax"
        )


# The line breaks the YAML scanner counts (NEL and a lone CR too), or a mark's column points past its line.
_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")


def _line(text: str, mark: Any) -> str:
    lines = _BREAKS.split(text)
    return lines[mark.line] if mark is not None and 0 <= mark.line < len(lines) else ""


def _decimal_comma(text: str, event: Any) -> str | None:
    """`3,5` when this key scalar is the `5` of a decimal comma inside {...}, else None."""
    if not event.value.isdigit() or event.style:  # quoted ("5") is meant as written
        return None
    line = _line(text, event.start_mark)
    start, end = event.start_mark.column, event.end_mark.column
    if start < 2 or line[start - 1] != "," or not line[start - 2].isdigit():
        return None
    if line[end:].lstrip()[:1] not in (",", "}", ""):
        return None  # `{1: 3,2: 4}`: 2 is a real key with a value
    begin = start - 1
    while begin > 0 and line[begin - 1].isdigit():
        begin -= 1
    return line[begin:end]


class _Mark(NamedTuple):
    line: int  # 0-based, as PyYAML's marks count
    column: int


def _tab_mark(problem: str, at: Any, text: str) -> Any | None:
    """Where a tab broke the parse, or None. libyaml and PyYAML word the tab cases in several ways
    ("cannot start any token", "a tab character that violates indentation", "... where an indentation
    space is expected"), and a version may word them anew: a tab is recognised by what the text holds
    at the error (a tab at the mark, or in the indentation of its line), or by the word itself."""
    if at is None:
        return None
    line = _line(text, at)
    if line[at.column : at.column + 1] == "\t":
        return at
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" in indent:
        return _Mark(at.line, indent.index("\t"))
    return at if re.search(r"\btabs?\b", problem, re.IGNORECASE) else None


def _syntax_phrase(error: yaml.MarkedYAMLError, text: str) -> tuple[Any, Phrase | str]:
    """PyYAML's English syntax errors, the ones people hit most, said in their terms with a fix.

    Anything else keeps PyYAML's own wording as the detail.
    """
    problem, context = error.problem or "", error.context or ""
    at, opened = error.problem_mark, error.context_mark
    tab = _tab_mark(problem, at, text)
    if tab is not None:
        return tab, Phrase(M.yaml_tab)
    if "while scanning a quoted scalar" in context:
        return opened or at, Phrase(M.yaml_unclosed_quote)
    if "while parsing a flow" in context and opened is not None:
        closing = "]" if "sequence" in context else "}"
        return at, Phrase(M.yaml_unclosed_bracket, close=closing, line=opened.line + 1)
    if "mapping values are not allowed" in problem and at is not None:
        before = _line(text, at)[: at.column]
        if ": " in before or before.rstrip().endswith(":"):
            return at, Phrase(M.yaml_colon_in_text)
        return at, Phrase(M.yaml_indent)
    if "did not find expected key" in problem or "expected <block end>" in problem:
        return at, Phrase(M.yaml_indent)
    detail = f"{problem} ({context})" if context else problem or "invalid YAML"
    return at or opened, detail


def key_text(key: Any) -> str:
    """A mapping key as text, as paths and the loader use it: 12 and '12' both appear as '12'."""
    if isinstance(key, bool):
        return str(key).lower()
    return str(key)


def describe(value: Any) -> Phrase | str:
    """A value as the user wrote it, in YAML terms: `null`, `true`, `.nan`, text 'x', a list."""
    if value is None:
        return Phrase(M.desc_null)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        shown = {"NaN": ".nan", "Infinity": ".inf", "-Infinity": "-.inf"}.get(str(value), str(value))
        if value.is_finite() and "." not in shown:  # !!float 3 or 3e0: looks whole, was read as a decimal
            return Phrase(M.desc_decimal_whole, value=shown)
        return shown
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str):
        return Phrase(M.desc_text, value=value)
    if isinstance(value, list):
        return Phrase(M.desc_list)
    if isinstance(value, dict):
        return Phrase(M.desc_mapping)
    return type(value).__name__
