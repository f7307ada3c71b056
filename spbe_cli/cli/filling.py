"""Filling an assessment file with the sheets offices filled: the workflow of `spbe import --into`, which
the upload page of `spbe serve` follows too, step for step.

`prepare` reads the file, merges the sheets into it (core/merging.py) and works out the file's new text
without writing anything: only what the merge changed is edited, comments and layout kept
(assessment_yaml_edit), and the text is read back and checked to be exactly the merge. `fill` does the
same while it holds the file's lock (cli/locks.py), so that two fillings of one file never interleave,
then replaces the file atomically (cli/output.py). Sheets of another assessment, conflicts between
sheets and values the file holds in another way are refused (`Filling.refused`): nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..problems import Problem

if TYPE_CHECKING:
    from ..core.assessment import Assessment
    from ..core.framework import Framework
    from ..core.merging import Merged
    from ..i18n import Phrase
    from ..loading.catalog import Catalog

Warn = Callable[[Problem], None]


@dataclass(frozen=True)
class Filling:
    """One file and the sheets merged into it: what the file holds (`base`), the merge, what stops it
    being written (`refused`), and the file's new bytes when nothing does (`text`)."""

    path: str
    base: Assessment
    sheets: tuple[Assessment, ...]
    merged: Merged
    refused: tuple[Problem, ...]
    text: bytes | None

    @property
    def accepted(self) -> bool:
        return not self.refused


class CannotEdit(Exception):
    """The file's text cannot take the edit as asked (e.g. a value written in a flow mapping the edit
    cannot change): the problems say where and what to do."""

    def __init__(self, problems: list[Problem]):
        super().__init__(problems)
        self.problems = problems


class NotKept(Exception):
    """The edited file would not read back as the merge: a bug of spbe; nothing is written. `reason`
    says how it differs: a text, or the problem met reading it back (worded where it is shown)."""

    def __init__(self, path: str, reason: str | Problem):
        super().__init__(f"{path}: {reason}")
        self.path, self.reason = path, reason


def what_changed(merged: Merged, path: str, sheets: int, *, each: bool = True) -> list[Phrase]:
    """What `spbe import` says of a merge into `path`: plain values kept as a stage, the stage moved on,
    (with `each`) every value or field the file held that the sheets replaced, then the counts."""
    from ..core.merging import shown
    from ..i18n import M, Phrase
    from ..loading.sheetformat import COLUMN_OF_KEY

    lines = []
    if merged.kept:
        lines.append(Phrase(M.msg_import_kept, path=path, ids=", ".join(merged.kept), stage=merged.kept_stage))
    if merged.stage_moved is not None:
        old, new = merged.stage_moved
        lines.append(Phrase(M.msg_import_stage, path=path, old=old or "-", new=new))
    for change in merged.changes if each else ():
        if change.field == "value":
            lines.append(Phrase(M.msg_import_change, id=change.indicator_id, before=change.before, after=change.after))
        else:
            field = COLUMN_OF_KEY.get(change.field, change.field)
            before, after = shown(change.before), shown(change.after)
            lines.append(
                Phrase(M.msg_import_field_change, id=change.indicator_id, field=field, before=before, after=after)
            )
    counts = {"added": merged.added, "changed": len(merged.changes), "fields": merged.fields_added}
    lines.append(Phrase(M.msg_imported, path=path, sheets=sheets, same=merged.unchanged, **counts))
    return lines


def master_says(path: str, catalog: Catalog) -> dict[str, object]:
    """The framework, institution and year of the file a sheet fills, for a sheet that says none of them
    and is given no option for it (`import --into` and the upload page alike). A file that cannot be
    read gives none: the merge reports it."""
    from ..loading.loader import load_file
    from ..problems import InvalidInput

    try:
        master = load_file(path, catalog)
    except (InvalidInput, OSError):
        return {}
    return {"framework": master.framework, "institution": master.institution, "year": master.year}


def read_sheet(data: bytes, name: str, catalog: Catalog, options: object | None, warn: Warn | None) -> Assessment:
    """A sheet's bytes read and checked as `spbe import` reads each sheet; `name` locates its problems.
    Raises InvalidInput (a file that is no spreadsheet among them)."""
    from ..i18n import M, Phrase
    from ..loading.assessment_sheet import SheetOptions
    from ..loading.loader import parse_sheet
    from ..loading.sheetformat import is_sheet
    from ..problems import InvalidInput, Place

    if is_sheet(name, data) is None:
        raise InvalidInput([Problem.at(Place(name), Phrase(M.err_not_a_sheet, path=name), "file")])
    chosen = options if isinstance(options, SheetOptions) else SheetOptions(partial=True)
    return parse_sheet(data, name, catalog, chosen, warn)


def prepare(
    path: str,
    sheets: Sequence[Assessment],
    catalog: Catalog,
    *,
    name: str | None = None,
    warn: Warn | None = None,
    encoding: str | None = None,
) -> Filling:
    """The file at `path` read, the sheets merged into it, and its new text worked out; nothing written.
    `name` is how messages name the file (default: `path`). Raises InvalidInput (the file cannot be
    read), CannotEdit and NotKept."""
    from ..core.merging import merge, strangers
    from ..loading.loader import parse_any, read_bytes
    from ..loading.sheetformat import COLUMN_OF_KEY
    from ..problems import InvalidInput

    named = name or path
    try:
        data = read_bytes(path)
    except InvalidInput as error:
        raise InvalidInput([_renamed(p, path, named) for p in error.problems]) from None
    base = parse_any(data, named, catalog, warn=warn, encoding=encoding)
    refused = strangers(base, sheets, named=named)  # sheets of another assessment
    merged = merge(base, sheets)
    refused = refused or [conflict.problem(COLUMN_OF_KEY) for conflict in merged.conflicts]
    refused = refused or [refusal.problem(named, COLUMN_OF_KEY) for refusal in merged.refusals]
    text = None
    if not refused:
        text = _kept_text(named, data, base, merged.assessment, catalog.get(merged.assessment.framework), catalog)
    return Filling(named, base, tuple(sheets), merged, tuple(refused), text)


def _renamed(problem: Problem, path: str, name: str) -> Problem:
    if problem.place.path != path:
        return problem
    return Problem(problem.place._replace(path=name), problem.message, values=problem.values, kind=problem.kind)


def fill(
    path: str,
    sheets: Sequence[Assessment],
    catalog: Catalog,
    *,
    name: str | None = None,
    warn: Warn | None = None,
    encoding: str | None = None,
    accept: Callable[[Filling], bool] = lambda filling: True,
    written: Callable[[Filling], None] = lambda filling: None,
) -> tuple[Filling, bool]:
    """`prepare`, then the file replaced with its new text, all under the file's lock; and whether it was
    written. It is written only when nothing is refused and `accept` agrees (the page checks that the
    changes are the ones the person confirmed); `written` runs after the write, still under the lock.

    Raises LockTimeout and OSError (the lock), OutputError (the write) besides what `prepare` raises."""
    from .locks import locked

    with locked(path):  # the read, merge and write of one file: never two at once
        filling = prepare(path, sheets, catalog, name=name, warn=warn, encoding=encoding)
        if not filling.accepted or filling.text is None or not accept(filling):
            return filling, False
        replace_file(path, filling.text)
        written(filling)
        return filling, True


def replace_file(path: str, data: bytes) -> None:
    """The file replaced atomically by `data` (its permissions kept); OutputError when it cannot be."""
    from .output import Sink

    sink = Sink(path, force=True)
    try:
        sink.write_bytes(data)
        sink.commit()
    finally:
        sink.discard()  # after a commit: nothing left to discard


def _kept_text(
    path: str, data: bytes, base: Assessment, merged: Assessment, framework: Framework, catalog: Catalog
) -> bytes:
    """The file's text with only what the merge changed edited, read back and checked to be exactly the
    merge. Raises CannotEdit (what to do) and NotKept (a bug: never written)."""
    from ..formats.writers.assessment_yaml_edit import NotEditable, comparable, edit_assessment_yaml
    from ..loading.loader import parse_assessment
    from ..loading.yamlread import decode, read_yaml
    from ..problems import InvalidInput

    bom = "\ufeff" if data.startswith(b"\xef\xbb\xbf") else ""
    document = read_yaml(data, path)
    try:
        edited = bom + edit_assessment_yaml(decode(data, path), document, base, merged, framework)
        written = edited.encode("utf-8")
        reason = "" if comparable(parse_assessment(written, path, catalog)) == comparable(merged) else "differs"
    except NotEditable as refused:  # a file the edit cannot change as asked: the user is told what to do
        raise CannotEdit([Problem.at(document.place(refused.path), refused.phrase)]) from None
    except InvalidInput as error:
        raise NotKept(path, error.problems[0]) from None
    except (ValueError, KeyError, IndexError) as error:
        reason = type(error).__name__ + (f": {error}" if str(error) else "")
    if reason:
        raise NotKept(path, reason)
    return written
