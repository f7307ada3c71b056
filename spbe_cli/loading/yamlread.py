"""Strict, safe YAML reading with positions.

PyYAML's loaders silently keep the last of two duplicate keys, expand aliases without bound and
read decimals as binary floats. This reader walks libyaml's event stream itself (no recursion, so
deep nesting cannot overflow the stack) and builds plain Python data while it:

- refuses duplicate keys (naming both lines), custom tags, several documents, undefined aliases;
- bounds nesting depth and the number of nodes after alias expansion (an alias bomb stops early);
- reads floats as exact Decimals and leaves timestamps as text;
- records the line and column of every key and value, so later checks can point at them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from ..i18n import M, Phrase
from ..problems import InvalidInput, Problem

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
_resolver = Resolver()
_constructor = SafeConstructor()
_MERGE = object()  # marks a `<<` merge key

Path = tuple[Any, ...]
Position = tuple[int, int]  # 1-based line and column


@dataclass
class YamlDocument:
    """Parsed data plus where each value (and each mapping key) stands in the text."""

    data: Any
    path: str
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    # Where each value and key ends (just past its last character): what an edit of the text replaces.
    # A block collection ends where its last item does, before any comment or blank line after it.
    ends: dict[Path, Position] = field(default_factory=dict)
    key_ends: dict[Path, Position] = field(default_factory=dict)

    def position(self, path: Path, *, key: bool = False) -> Position | None:
        """The position of path, or of its nearest ancestor that has one (aliases have none)."""
        table = self.keys if key else self.values
        while path:
            if path in table:
                return table[path]
            if key and path in self.values:
                return self.values[path]
            path = path[:-1]
            table = self.values
        return (1, 1)

    def problem(self, path: Path, phrase: Phrase, *, key: bool = False, kind: str = "value") -> Problem:
        line, col = self.position(path, key=key) or (None, None)
        return Problem.at(self.path, line, col, phrase, kind)


def read_capped(path: str) -> bytes:
    """A file's bytes, at most MAX_BYTES + 1 of them (`decode` refuses more); `-` is standard input.

    A FIFO or a device named explicitly is read like a file, up to the cap: /dev/zero or an endless
    writer stops at the cap instead of filling memory. Raises OSError.
    """
    if path == "-":
        import sys

        return sys.stdin.buffer.read(MAX_BYTES + 1)
    with open(path, "rb") as handle:
        return handle.read(MAX_BYTES + 1)


def top_level_keys(data: bytes) -> list[str] | None:
    """The top-level mapping keys of one YAML document (none for a list, a scalar or an empty file), or
    None when the bytes are not one UTF-8 YAML document. Only libyaml's events: nothing is built, so
    aliases, tags and keys spbe would refuse cost nothing here."""
    if len(data) > MAX_BYTES or b"\x00" in data:
        return None
    try:
        text = data.removeprefix(b"\xef\xbb\xbf").decode("utf-8")
    except UnicodeDecodeError:
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


def decode(data: bytes, path: str) -> str:
    """UTF-8 text (BOM allowed) or a located refusal."""
    if len(data) > MAX_BYTES:
        raise InvalidInput(
            [Problem.at(path, None, None, Phrase(M.file_too_large, mb=MAX_BYTES // (1024 * 1024)), "file")]
        )
    if b"\x00" in data:
        raise InvalidInput([Problem.at(path, None, None, Phrase(M.file_binary), "file")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        col = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        byte = data[error.start]
        raise InvalidInput([Problem.at(path, line, col, Phrase(M.file_not_utf8, byte=f"{byte:02X}"), "file")]) from None
    if not text.strip():
        raise InvalidInput([Problem.at(path, None, None, Phrase(M.file_empty), "file")])
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
        tag = _resolver.resolve(yaml.ScalarNode, value, event.implicit)
    elif not tag.startswith(_YAML) or tag[len(_YAML) :] not in {"str", "int", "float", "bool", "null"}:
        line, col = _position(event.start_mark)
        problems.append(Problem.at(path, line, col, Phrase(M.yaml_tag, tag=tag), "syntax"))
        return value
    kind = tag[len(_YAML) :]
    if kind in ("int", "float"):
        refusal = _number_refusal(value, kind)
        if refusal is not None:
            line, col = _position(event.start_mark)
            problems.append(Problem.at(path, line, col, refusal, "syntax"))
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
        problems.append(Problem.at(path, line, col, Phrase(M.yaml_bad_scalar, value=value, kind=kind), "syntax"))
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
        "key_pos",
        "merges",
        "explicit",
        "index",
        "flow",
        "key_end",
        "last_end",
    )

    def __init__(self, obj: Any, path: Path, start: Any, anchor: str | None, flow: bool = False):
        self.obj = obj
        self.flow = flow  # written inline, {a: 1} or [1, 2]
        self.start = start
        self.path = path
        self.size = 1
        self.anchor = anchor
        self.key: Any = _NO_KEY
        self.key_pos: Position = (1, 1)
        self.key_end: Position = (1, 1)
        self.last_end: Position | None = None  # where the last key or item read so far ends
        self.merges: list[dict] = []
        self.explicit: dict[str, int] = {}  # key text -> line: 12 and "12" collide
        self.index = 0


_NO_KEY = object()
_NOWHERE: Position = (1, 1)  # an end not recorded (positions=False)
_BAD_KEY = object()  # a refused key: its value is skipped


def read_yaml(data: bytes, path: str, *, positions: bool = True) -> YamlDocument:
    """Parse one YAML document from bytes, strictly. Raises InvalidInput with every problem found.

    Problems found while reading are always located. positions=False skips recording where each
    value stands (the cost of a valid file's fast path); read again with it where a later check
    needs to point at a value.
    """
    text = decode(data, path)
    document = YamlDocument(None, path)
    problems: list[Problem] = []
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Container] = []
    total = 0
    documents = 0
    raw_scalar = [""]  # the text of the last scalar read, to quote a refused key as written
    root_set = False
    parser = None

    def fail(mark: Any, phrase: Phrase) -> InvalidInput:
        line, col = _position(mark)
        return InvalidInput(problems + [Problem.at(path, line, col, phrase, "syntax")])

    def child_path() -> Path:
        if not positions:
            return ()
        top = stack[-1]
        if isinstance(top.obj, list):
            return top.path + (top.index,)
        return top.path + (key_text(top.key),)

    def add(value: Any, size: int, start: Any, anchor: str | None, end: Position) -> None:
        nonlocal root_set
        if anchor is not None:
            anchors[anchor] = (value, size)
        if not stack:
            document.data = value
            root_set = True
            return
        top = stack[-1]
        top.size += size
        top.last_end = end
        if type(top.obj) is list:
            if positions:
                document.values[top.path + (top.index,)] = _position(start)
                document.ends[top.path + (top.index,)] = end
            top.obj.append(value)
            top.index += 1
            return
        if top.key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                raise fail(start, Phrase(M.yaml_complex_key))
            top.key_pos = _position(start)
            top.key_end = end
            if value is None or isinstance(value, (bool, Decimal)):
                # yes:, on:, 1.0: and ~: would equal (or hide behind) other keys in Python: 1 == True == 1.0
                shown = raw_scalar[0] or "null"  # as written: yes, on, 1.0, ~
                problems.append(Problem.at(path, *top.key_pos, Phrase(M.yaml_key_type, key=shown), "syntax"))
                top.key = _BAD_KEY
                return
            top.key = value
            if value is not _MERGE and key_text(value) in top.explicit:
                first = top.explicit[key_text(value)]
                problems.append(
                    Problem.at(
                        path, *top.key_pos, Phrase(M.yaml_duplicate_key, key=key_text(value), line=first), "syntax"
                    )
                )
            return
        key = top.key
        top.key = _NO_KEY
        if key is _BAD_KEY:
            return
        if key is _MERGE:
            merged = value if isinstance(value, list) else [value]
            if not all(isinstance(item, dict) for item in merged):
                problems.append(Problem.at(path, *_position(start), Phrase(M.yaml_merge), "syntax"))
            else:
                top.merges.extend(merged)
            return
        text = key_text(key)
        if text in top.explicit:
            return  # duplicate already reported; keep the first value
        top.explicit[text] = top.key_pos[0]
        if positions:
            item_path = top.path + (text,)
            document.values[item_path] = _position(start)
            document.keys[item_path] = top.key_pos
            document.ends[item_path] = end
            document.key_ends[item_path] = top.key_end
        top.obj[key] = value

    try:
        parser = _Loader(text)
        while True:
            event = parser.get_event()  # straight from libyaml: no generator in between
            kind = type(event)
            if kind is yaml.StreamEndEvent:
                break
            if kind is yaml.ScalarEvent:
                total += 1
                if total > MAX_NODES:
                    raise fail(event.start_mark, Phrase(M.yaml_too_many_nodes, limit=MAX_NODES))
                raw_scalar[0] = event.value
                if stack and stack[-1].flow and stack[-1].key is _NO_KEY and type(stack[-1].obj) is dict:
                    written = _decimal_comma(text, event)  # {level: 3,5} reads as {level: 3, 5: null}
                    if written:
                        phrase = Phrase(M.yaml_decimal_comma, written=written, fixed=written.replace(",", "."))
                        problems.append(Problem.at(path, *_position(event.start_mark), phrase, "value"))
                end = _position(event.end_mark) if positions else _NOWHERE
                add(_scalar(event, problems, path), 1, event.start_mark, event.anchor, end)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                if len(stack) >= MAX_DEPTH:
                    raise fail(event.start_mark, Phrase(M.yaml_too_deep, limit=MAX_DEPTH))
                expected = "map" if kind is yaml.MappingStartEvent else "seq"
                if event.tag not in (None, "!", _YAML + expected):
                    problems.append(
                        Problem.at(path, *_position(event.start_mark), Phrase(M.yaml_tag, tag=event.tag), "syntax")
                    )
                if stack and isinstance(stack[-1].obj, dict) and stack[-1].key is _NO_KEY:
                    raise fail(event.start_mark, Phrase(M.yaml_complex_key))
                total += 1
                container_path = child_path() if stack else ()
                stack.append(
                    _Container(
                        {} if expected == "map" else [],
                        container_path,
                        event.start_mark,
                        event.anchor,
                        bool(event.flow_style),
                    )
                )
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                container = stack.pop()
                if container.merges:
                    # Explicit keys win over merged ones; earlier merged mappings win over later ones.
                    for merged in container.merges:
                        for key, value in merged.items():
                            if key not in container.obj:
                                container.obj[key] = value
                if container.flow or container.last_end is None:
                    end = _position(event.end_mark)  # past the closing bracket
                else:
                    end = container.last_end
                add(container.obj, container.size, container.start, container.anchor, end)
            elif kind is yaml.AliasEvent:
                if event.anchor not in anchors:
                    raise fail(event.start_mark, Phrase(M.yaml_undefined_alias, anchor=event.anchor))
                value, size = anchors[event.anchor]
                total += size
                if total > MAX_NODES:
                    raise fail(event.start_mark, Phrase(M.yaml_alias_bomb, limit=MAX_NODES))
                add(value, size, event.start_mark, None, _position(event.end_mark))
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise fail(event.start_mark, Phrase(M.yaml_documents))
    except yaml.MarkedYAMLError as error:
        mark, explained = _syntax_phrase(error, text)
        phrase = Phrase(M.yaml_syntax, detail=explained)
        if "maximum nesting depth" in (error.problem or ""):
            # PyYAML's scanner stops flow nesting at 1000 levels before its events reach our own
            # limit: the same refusal, said in the same words.
            phrase = Phrase(M.yaml_too_deep, limit=MAX_DEPTH)
        line, column = (mark.line + 1, mark.column + 1) if mark is not None else (None, None)
        problem = Problem.at(path, line, column, phrase, "syntax")
        raise InvalidInput(problems + [problem]) from None
    except yaml.YAMLError as error:
        raise InvalidInput(
            problems + [Problem.at(path, None, None, Phrase(M.yaml_error, detail=str(error)), "syntax")]
        ) from None
    finally:
        if parser is not None:
            parser.dispose()
    if problems:
        raise InvalidInput(problems)
    if not root_set or document.data is None:
        raise InvalidInput([Problem.at(path, None, None, Phrase(M.file_no_document), "file")])
    return document


def _line(text: str, mark: Any) -> str:
    # The line breaks the YAML scanner counts (NEL and a lone CR too), or a mark's column points past its line.
    lines = re.split("\r\n|[\n\r\x85\u2028\u2029]", text)
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


def _syntax_phrase(error: yaml.MarkedYAMLError, text: str) -> tuple[Any, Phrase | str]:
    """PyYAML's English syntax errors, the ones people hit most, said in their terms with a fix.

    Anything else keeps PyYAML's own wording as the detail.
    """
    problem, context = error.problem or "", error.context or ""
    at, opened = error.problem_mark, error.context_mark
    if "cannot start any token" in problem and at is not None and _line(text, at)[at.column : at.column + 1] == "\t":
        return at, Phrase(M.yaml_tab)
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
