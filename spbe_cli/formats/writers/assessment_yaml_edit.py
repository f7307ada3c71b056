"""A merged assessment written into the assessment file it came from, keeping what a person wrote.

Only what the merge changed is edited, at the positions the strict YAML reader recorded: a value is
replaced where it stands, a missing key is added after its mapping's last line. Where that cannot be
a local edit (a plain `12: 3` that becomes a mapping, an indicator absent from the file, a flow-style
mapping, a value that moves from `level` to stage keys), only that indicator's entry is written again,
in block style at its indentation; comments inside it are kept above it (a comment on its first or
last line stays on that line). Everything else, comments, key order, quoting and blank lines, is
left byte for byte. The caller reads the result back and compares it with the merge before writing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING, NamedTuple

from ...core.assessment import Assessment, Entry
from ...core.framework import Framework
from ...i18n import M, Phrase
from .assessment_yaml import assessment_yaml, entry_lines, entry_parts, values_text

if TYPE_CHECKING:
    from ...loading.yamlread import YamlDocument

_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")  # libyaml's line breaks: its line numbers count these
_PROPERTIES = re.compile(r"(?:[&!]\S*\s+)*")  # a node's anchor and tag, before its value
_FIELDS = ("target", "note", "evidence", "pic", "service", "assessor_note", "recommendation")

KeyPath = tuple[str | int, ...]  # where a value stands in the document: ("levels", "12", "evidence", 0)


class _Edit(NamedTuple):
    start: int
    end: int
    text: str


class _Rewrite(Exception):
    """This entry cannot be edited in place: write it again."""


class NotEditable(Exception):
    """The file cannot take the merge as an edit of its text: why (a phrase of user words), and the
    key path where that stands. Nothing is written."""

    def __init__(self, path: KeyPath, phrase: Phrase) -> None:
        super().__init__(phrase.message.id)
        self.path, self.phrase = path, phrase


def comparable(assessment: Assessment) -> tuple[object, ...]:
    """What an assessment file states: a staged entry's `values` only follow from its stage values."""
    entries = {
        key: entry._replace(values=None) if entry.stage_values else entry for key, entry in assessment.entries.items()
    }
    return (
        assessment.framework,
        assessment.institution,
        assessment.year,
        assessment.declared_stage,
        assessment.category,
        entries,
    )


class _Text:
    def __init__(self, text: str, document: YamlDocument):
        self.text = text
        self.document = document
        self.starts = [0] + [match.end() for match in _BREAK.finditer(text)]
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.scalars = self._scalar_spans()

    def offset(self, position: tuple[int, int]) -> int:
        line, column = position
        return self.starts[line - 1] + column - 1

    def line_start(self, offset: int) -> int:
        return self.starts[bisect_right(self.starts, offset) - 1]

    def line_end(self, offset: int) -> int:
        """Just past the line break ending the line at offset (or the text's end)."""
        index = bisect_right(self.starts, offset)
        return self.starts[index] if index < len(self.starts) else len(self.text)

    def value_span(self, path: KeyPath) -> tuple[int, int]:
        return self.offset(self.document.values[path]), self.offset(self.document.ends[path])

    def key_span(self, path: KeyPath) -> tuple[int, int]:
        return self.offset(self.document.keys[path]), self.offset(self.document.key_ends[path])

    def is_flow(self, path: KeyPath) -> bool:
        start = self.offset(self.document.values[path])
        return self.text[_PROPERTIES.match(self.text, start).end() :][:1] in ("{", "[")  # type: ignore[union-attr]

    def root_is_flow(self) -> bool:
        """Whether the document itself is a flow mapping (`{...}`, a JSON file), after any comments,
        directives and `---`."""
        for line in _BREAK.split(self.text):
            stripped = line.strip().removeprefix("\ufeff").removeprefix("---").strip()
            if stripped and not stripped.startswith(("#", "%")):
                return stripped[len(_PROPERTIES.match(stripped).group()) :][:1] in ("{", "[")  # type: ignore[union-attr]
        return False

    def _scalar_spans(self) -> list[tuple[int, int]]:
        """Where every scalar (key or value) stands: a `#` inside one is text, not a comment."""
        spans = []
        document = self.document
        for path, start in document.values.items():
            if not isinstance(_at(document.data, path), (dict, list)):
                spans.append((self.offset(start), self.offset(document.ends[path])))
        for path, start in document.keys.items():
            spans.append((self.offset(start), self.offset(document.key_ends[path])))
        spans.sort()
        return spans

    def comments(self, start: int, end: int) -> list[tuple[int, int]]:
        """The comments between start and end: (offset of `#`, end of its line)."""
        found: list[tuple[int, int]] = []
        position = start
        while True:
            hash_at = self.text.find("#", position, end)
            if hash_at < 0:
                return found
            if any(s <= hash_at < e for s, e in self.scalars) or (
                hash_at > 0 and self.text[hash_at - 1] not in " \t\r\n\x85\u2028\u2029"
            ):
                position = hash_at + 1
                continue
            line_end = self.line_end(hash_at)
            stripped = self.text[hash_at:line_end].rstrip("\r\n\x85\u2028\u2029")
            found.append((hash_at, hash_at + len(stripped)))
            position = line_end

    def replace(self, start: int, end: int, lines: list[str], indent: str) -> _Edit:
        """Replace [start, end) with lines, keeping the comments in between: one on the first line stays
        there, the others go on their own lines before the new ones (whole lines as they were)."""
        first_line_end = self.line_end(start)
        above: list[str] = []
        lines = list(lines)
        for hash_at, comment_end in self.comments(start, end):
            line_start = self.line_start(hash_at)
            if not self.text[line_start:hash_at].strip():
                above.append(self.text[line_start:comment_end])
            elif hash_at < first_line_end and hash_at >= start and lines[0] == lines[0].rstrip():
                lines[0] += "  " + self.text[hash_at:comment_end]
            else:
                above.append(indent + self.text[hash_at:comment_end])
        if start == self.line_start(start):
            lines = above + lines
        else:
            lines = lines[:1] + above + lines[1:]
        return _Edit(start, end, self.newline.join(lines))

    def insert_after_line(self, offset: int, lines: list[str]) -> _Edit:
        """New lines after the line holding offset."""
        at = self.line_end(offset)
        body = self.newline.join(lines)
        if at == len(self.text) and not self.text.endswith(("\n", "\r")):
            return _Edit(at, at, self.newline + body)
        return _Edit(at, at, body + self.newline)


def _at(data: object, path: KeyPath) -> object:
    for part in path:
        if isinstance(data, dict):
            data = next((value for key, value in data.items() if _key_text(key) == part), None)
        elif isinstance(data, list) and isinstance(part, int) and part < len(data):
            data = data[part]
        else:
            return None
    return data


def _key_text(key: object) -> str:
    return str(key).lower() if isinstance(key, bool) else str(key)


def edit_assessment_yaml(
    text: str, document: YamlDocument, base: Assessment, merged: Assessment, framework: Framework
) -> str:
    """text (the file `document` was read from, loading to `base`) with the merge's changes made."""
    source = _Text(text, document)
    if source.root_is_flow():
        # `{"framework": ..., "levels": {...}}` (JSON): no line of it can take a block edit, and JSON has no
        # comments to keep. The file is written again, in the block style spbe writes.
        return assessment_yaml(merged, framework)
    edits: list[_Edit] = []
    data = document.data
    if merged.declared_stage != base.declared_stage and merged.declared_stage is not None:
        if ("stage",) in document.values:
            start, end = source.value_span(("stage",))
            edits.append(_Edit(start, end, merged.declared_stage if end > start else " " + merged.declared_stage))
        else:
            at = source.line_start(source.offset(document.keys[("levels",)]))
            edits.append(_Edit(at, at, f"stage: {merged.declared_stage}{source.newline}"))
    levels = data.get("levels")
    changed = [
        indicator.id
        for indicator in framework.indicators
        if _stated(base.entries.get(indicator.id)) != _stated(merged.entries.get(indicator.id))
    ]
    if not changed:
        return _apply(text, edits)
    _shared_values(document, [("levels", indicator_id) for indicator_id in changed])
    if not isinstance(levels, dict) or not levels or source.is_flow(("levels",)):
        # `levels:` empty or `levels: {...}`: every entry written again, in block style.
        start, end = source.value_span(("levels",))
        indent = " " * (document.keys[("levels",)][1] - 1 + 2)
        lines = [""]
        for indicator in framework.indicators:
            lines += entry_lines(indicator.id, merged.entries.get(indicator.id), indent)
        edits.append(source.replace(start, end, lines, indent))
        return _apply(text, edits)
    present = [i.id for i in framework.indicators if ("levels", i.id) in document.keys]
    indent = " " * (document.keys[("levels", present[0])][1] - 1) if present else "  "
    for indicator_id in changed:
        path = ("levels", indicator_id)
        entry = merged.entries[indicator_id]
        if path not in document.keys:
            before = [i for i in present if _order(framework, i) < _order(framework, indicator_id)]
            anchor = document.ends[("levels", before[-1])] if before else document.key_ends[("levels",)]
            edits.append(source.insert_after_line(source.offset(anchor), entry_lines(indicator_id, entry, indent)))
            continue
        try:
            edits += _edit_entry(source, path, base.entries[indicator_id], entry)
        except _Rewrite:
            edits.append(_entry_again(source, path, entry))
    return _apply(text, edits)


def _entry_again(source: _Text, path: KeyPath, entry: Entry) -> _Edit:
    """The entry at `path` written again in block style, from its key's line to its value's end."""
    document = source.document
    key_start, _ = source.key_span(path)
    _, value_end = source.value_span(path)
    line_start = source.line_start(key_start)
    prefix = source.text[line_start:key_start]
    indent = prefix[: len(prefix) - len(prefix.lstrip())]
    if prefix.strip() not in ("", "?"):  # `? 12` (an explicit key) is written again as `12:`
        raise ValueError(f"indicator {path[-1]}: its key does not start its line")
    key = source.text[key_start : source.offset(document.key_ends[path])]
    lines = entry_lines(key, entry, indent=indent)
    end = max(value_end, source.text.index(":", source.offset(document.key_ends[path])) + 1)
    return source.replace(line_start, end, lines, indent + "  ")


def _shared_values(document: YamlDocument, paths: list[KeyPath]) -> None:
    """Refuse an edit of a value another place repeats through an alias (`1: &a 4` ... `7: *a`): changing
    the text in one place would change the other, or leave an alias to nothing."""

    def edited(place: KeyPath) -> bool:
        return any(place[: len(path)] == path or path[: len(place)] == place for path in paths)

    for anchored, anchor in document.anchored.items():
        repeats = document.aliased.get(anchor, [])
        # An anchor nothing repeats, or whose every repeat is written again too, changes nothing else.
        if edited(anchored) and not all(edited(alias) for alias in repeats):
            raise NotEditable(anchored, Phrase(M.err_import_shared_value, anchor=anchor))


def _order(framework: Framework, indicator_id: str) -> int:
    return next(n for n, i in enumerate(framework.indicators) if i.id == indicator_id)


def _stated(entry: Entry | None) -> Entry | None:
    return entry._replace(values=None) if entry is not None and entry.stage_values else entry


def _edit_entry(source: _Text, path: KeyPath, old: Entry, new: Entry) -> list[_Edit]:
    """Local edits turning the entry at path from old into new; _Rewrite where there are none."""
    document = source.document
    node = _at(document.data, path)
    if not isinstance(node, dict):
        # `12: 3` (or `12:`) stays a plain value only when nothing but the value is given.
        if (
            (isinstance(node, list) and not source.is_flow(path))
            or new.stage_values
            or new.external
            or entry_parts(new)
        ):
            raise _Rewrite
        start, end = source.value_span(path)
        value = values_text(new.values)
        return [_Edit(start, end, value if end > start else " " + value)]
    if source.is_flow(path) or old.external != new.external or new.external is not None:
        raise _Rewrite
    changes: list[tuple[str, str]] = []
    if bool(old.stage_values) != bool(new.stage_values):
        raise _Rewrite
    if new.stage_values:
        if set(old.stage_values) - set(new.stage_values):
            raise _Rewrite
        changes += [
            (stage, values_text(values))
            for stage, values in new.stage_values.items()
            if old.stage_values.get(stage, ()) != values
        ]
    elif old.values != new.values:
        changes.append(("level", values_text(new.values)))
    rendered = dict(entry_parts(new))
    for name in _FIELDS:
        if getattr(old, name) != getattr(new, name):
            if name not in rendered:
                raise _Rewrite  # a field taken away: not what a merge does
            changes.append((name, rendered[name]))
    keys = [key for key in document.keys if len(key) == len(path) + 1 and key[: len(path)] == path]
    indent = " " * (min(document.keys[key][1] for key in keys) - 1) if keys else None
    edits = []
    for name, value in changes:
        key_path = path + (name,)
        if key_path not in document.keys:
            if indent is None:
                raise _Rewrite
            edits.append(source.insert_after_line(source.offset(document.ends[path]), [f"{indent}{name}: {value}"]))
            continue
        start, end = source.value_span(key_path)
        child = _at(document.data, key_path)
        if isinstance(child, (dict, list)) and not source.is_flow(key_path):
            # A block list or mapping: the key and its lines written again as one line.
            key_start, key_end = source.key_span(key_path)
            key = source.text[key_start:key_end]
            line_start = source.line_start(key_start)
            prefix = source.text[line_start:key_start]
            edits.append(source.replace(line_start, end, [f"{prefix}{key}: {value}"], prefix))
        else:
            edits.append(_Edit(start, end, value if end > start else " " + value))
    return edits


def _apply(text: str, edits: list[_Edit]) -> str:
    ordered = sorted(enumerate(edits), key=lambda item: (item[1].start, item[0]))
    pieces = []
    position = 0
    for _, edit in ordered:
        if edit.start < position:
            raise ValueError("overlapping edits")
        pieces.append(text[position : edit.start])
        pieces.append(edit.text)
        position = max(position, edit.end)
    pieces.append(text[position:])
    return "".join(pieces)
