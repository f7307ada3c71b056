"""From a file's bytes to a validated Assessment, or to every located problem of the file.

Two steps: read (strict YAML with positions, or a workbook or CSV sheet read into the same data, each
value remembering its cell), then check (`checker.py`: the framework's model, problems in the user's
terms and language). This module only picks the reader.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..core.assessment import Assessment
from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem
from .catalog import Catalog
from .checker import AssessmentChecker, validate_document
from .locate import Document
from .sheetformat import MAX_CSV_BYTES, MAX_XLSX_BYTES, is_sheet
from .yamlread import MAX_BYTES, read_capped, read_yaml

if TYPE_CHECKING:
    from .assessment_sheet import SheetOptions


# Enough to see that a file of any kind is over its own limit; each reader refuses what is over its kind's.
READ_LIMIT = max(MAX_BYTES, MAX_XLSX_BYTES, MAX_CSV_BYTES)


def read_bytes(path: str) -> bytes:
    """A file's bytes, capped in size; `-` reads standard input. Raises InvalidInput."""
    try:
        data = read_capped(path, READ_LIMIT)
    except IsADirectoryError:
        raise InvalidInput([Problem.at(Place(path), Phrase(M.file_is_folder), "file")]) from None
    except FileNotFoundError:
        raise InvalidInput([Problem.at(Place(path), Phrase(M.file_missing), "file")]) from None
    except OSError as error:
        raise InvalidInput(
            [Problem.at(Place(path), Phrase(M.file_unreadable, reason=error.strerror or str(error)), "file")]
        ) from None
    return data


def load_file(
    path: str,
    catalog: Catalog,
    *,
    locate: bool = False,
    warn: Callable[[Problem], None] | None = None,
    encoding: str | None = None,
    office_partial: bool = False,
) -> Assessment:
    """An assessment from a YAML file, an XLSX workbook or a CSV sheet (warnings, if any, go to `warn`;
    `encoding`: a CSV sheet's, when it is not UTF-8; `office_partial`: a sheet made for one office holds
    only its indicators, the others are left unfilled)."""
    data = read_bytes(path)
    return parse_any(data, path, catalog, locate=locate, warn=warn, encoding=encoding, office_partial=office_partial)


def parse_any(
    data: bytes,
    path: str,
    catalog: Catalog,
    *,
    locate: bool = False,
    warn: Callable[[Problem], None] | None = None,
    encoding: str | None = None,
    office_partial: bool = False,
) -> Assessment:
    """Bytes of any assessment file: a workbook (by content or name), a CSV sheet (by name), else YAML."""
    if is_sheet(path, data):  # the sheet reader (and its libraries) only for a sheet
        from .assessment_sheet import SheetOptions

        options = SheetOptions(encoding=encoding, office_partial=office_partial)
        return parse_sheet(data, path, catalog, options, warn=warn)
    return parse_assessment(data, path, catalog, locate=locate)


def load_located(
    path: str,
    catalog: Catalog,
    *,
    warn: Callable[[Problem], None] | None = None,
    encoding: str | None = None,
    office_partial: bool = False,
) -> Assessment:
    """An assessment that knows where each of its values stands (`places`): `PATH:LINE:COL` in YAML,
    `PATH:Sheet!B14` in a workbook."""
    return load_file(path, catalog, locate=True, warn=warn, encoding=encoding, office_partial=office_partial)


def office_scope(assessment: Assessment) -> tuple[str, frozenset[str]] | None:
    """The office a sheet was made for and the indicators it holds rows for; None for any other file."""
    from .assessment_sheet import SheetDocument

    places = assessment.places
    if isinstance(places, SheetDocument) and places.office:
        return places.office, frozenset(places.held)
    return None


def parse_assessment(data: bytes, path: str, catalog: Catalog, *, locate: bool = False) -> Assessment:
    """Parse and validate one assessment file's bytes. Raises InvalidInput with every problem.

    The result knows where its values stand (`Assessment.places`) when `locate` is true, and whenever
    the file records stages or leaves values empty (what a command may have to refuse).
    """
    if not locate:
        document = read_yaml(data, path, positions=False)  # most files never need positions
        try:
            assessment = AssessmentChecker(document).assessment(catalog)
        except InvalidInput:
            pass  # read again below, recording positions, to locate the problems
        else:
            if not assessment.stages and not assessment.unfilled:
                return assessment
    document = read_yaml(data, path)
    return located(AssessmentChecker(document).assessment(catalog), document)


def parse_sheet(
    data: bytes,
    path: str,
    catalog: Catalog,
    options: SheetOptions | None = None,
    warn: Callable[[Problem], None] | None = None,
) -> Assessment:
    """A workbook's or CSV sheet's bytes as a validated Assessment, located by cell. Raises InvalidInput."""
    from .assessment_sheet import sheet_document

    document = sheet_document(data, path, catalog, options, warn)
    return located(validate_document(document, catalog), document)


def located(assessment: Assessment, document: Document) -> Assessment:
    """The assessment knowing where each of its values stands in `document`, so later checks can name it."""
    return replace(assessment, places=document)


def declares_framework(data: bytes) -> bool:
    """Whether a YAML file looks like an assessment: a top-level `framework:` key (quoted or not)."""
    return re.search(rb"""(?m)^(?:\xef\xbb\xbf)?["']?framework["']?[ \t]*:""", data) is not None


def other_yaml(data: bytes) -> bool:
    """Whether a file is YAML that is not an assessment: it parses, and has no top-level `framework` key
    (a costs file, a GitHub workflow, notes). A file that does not parse is not "other": reading it as
    an assessment reports why, so flow style, JSON or UTF-16 assessments are never skipped unread.

    "Parses" is YAML's own grammar, not spbe's stricter reading: a workflow's `on:` key is fine here.
    """
    if declares_framework(data):
        return False  # the common case, without a second parse
    from .yamlread import top_level_keys

    keys = top_level_keys(data)
    return keys is not None and "framework" not in keys


RESULTS_MARK = "spbe results"  # the keywords of every results workbook spbe writes (score, rank ... -f xlsx)
_SHEET_NAME = re.compile(rb'<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"')


def results_workbook(data: bytes) -> bool:
    """Whether a workbook is one of spbe's own results (`-f xlsx`), not an assessment: it carries spbe's
    results mark, or (written before the mark) has no Penilaian sheet and starts with a summary sheet.
    Reads two small members of the archive only; anything unreadable is left to the sheet reader."""
    import io
    import zipfile

    from .archive import member_text

    def small(name: str) -> bytes:
        """A member of at most 1 MB, inflated the bounded way (a hostile one is refused, not inflated)."""
        sizes = {info.filename: info.file_size for info in zipfile.ZipFile(io.BytesIO(data)).infolist()}
        return member_text(data, name, "-") if sizes.get(name, 1 << 30) < 1_000_000 else b""

    try:
        core, book = small("docProps/core.xml"), small("xl/workbook.xml")
    except (InvalidInput, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, KeyError):
        return False
    if RESULTS_MARK.encode() in core:
        return True
    names = [name.decode("utf-8", "replace").strip().casefold() for name in _SHEET_NAME.findall(book)]
    return bool(names) and "penilaian" not in names and names[0] in ("summary", "ringkasan")
