"""Zip archives (an XLSX workbook, an ODS spreadsheet) checked before any reader unpacks them.

A reader trusts an archive in ways a hostile file can exploit: a member may inflate to far more than
it declares (python's zipfile inflates a whole read up to 2 GiB before it cuts; Rust's zip reads on
past the declared size), a sheet may claim a cell at XFD1048576 in a form a byte pattern misses (a
quoted reference, a prefixed element, a sheet stored outside `xl/worksheets/`), a count may make a
reader reserve gigabytes. So every member is inflated here first, in bounded chunks, and refused as
soon as it passes its declared size or the total cap; every member a reader may parse as XML is
parsed here by expat, with no DTD allowed, and every sheet's extent is taken from the row and cell
references as that parser sees them. Readers run only on an archive that passed.
"""

from __future__ import annotations

import io
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal
from xml.parsers import expat

from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem

Kind = Literal["xlsx", "ods"]

MAX_UNPACKED = 100 * 1024 * 1024  # the sum of an archive's members, unpacked
MAX_MEMBERS = 2_000
MAX_CELLS = 2_000_000  # the cells every sheet's extent spans, summed over sheets
MAX_ROWS, MAX_COLUMNS = 1_048_576, 16_384  # what one sheet can hold (A1 to XFD1048576)
CHUNK = 64 * 1024  # inflated (and parsed) at a time: memory stays flat whatever a member declares

# Parsed as XML by some reader: by name, or by being a relationship's target (any name at all).
_XML_NAMES = (".xml", ".rels", ".vml")
_SHEET_FOLDERS = ("xl/worksheets/", "xl/chartsheets/", "xl/dialogsheets/", "xl/macrosheets/")
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then the name and extra field lengths
_REFERENCE = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})")


def refuse(path: str, phrase: Phrase) -> InvalidInput:
    return InvalidInput([Problem.at(Place(path), phrase, "file")])


@dataclass
class ArchiveScan:
    """What the members hold, found before any reader runs."""

    names: set[str] = field(default_factory=set)  # every member's name, lower case
    cells: int = 0  # an upper bound of the cells the readers lay out, summed over sheets
    special: bool = False  # formulas or error cells somewhere (XLSX)


def open_archive(data: bytes, path: str, not_archive: Phrase) -> zipfile.ZipFile:
    """The zip directory, or `not_archive` refused; members' counts and declared sizes capped."""
    if not data.startswith(b"PK"):
        raise refuse(path, not_archive)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError):
        raise refuse(path, not_archive) from None
    if len(members) > MAX_MEMBERS or sum(member.file_size for member in members) > MAX_UNPACKED:
        raise refuse(path, Phrase(M.sheet_too_large, mb=MAX_UNPACKED // (1024 * 1024)))
    return archive


def scan_archive(data: bytes, path: str, kind: Kind = "xlsx") -> ArchiveScan:
    """Every member inflated and checked, its XML parsed, the sheets' extent bounded. Raises InvalidInput
    (located at the file) for an archive no reader may be given."""
    not_archive = Phrase(M.sheet_not_xlsx if kind == "xlsx" else M.sheet_not_ods)
    archive = open_archive(data, path, not_archive)
    members = archive.infolist()
    scan = ArchiveScan(names={member.filename.lower() for member in members})
    targets: set[str] = set()
    # Relationships first: their targets are what a reader may parse as a sheet, whatever their names.
    for member in sorted(members, key=lambda m: not m.filename.lower().endswith(".rels")):
        name = member.filename.lower()
        chunks = _inflate(data, member, path, not_archive)
        if name.endswith(".rels"):
            handler: _Handler = _Relationships(posixpath.dirname(posixpath.dirname(name)), targets)
        elif kind == "ods" and name == "content.xml":
            handler = _OdsTables()
        elif name.endswith(_XML_NAMES) or name.startswith(_SHEET_FOLDERS) or name in targets:
            handler = _XlsxSheet(member.filename) if kind == "xlsx" else _Handler(member.filename)
        else:
            for _ in chunks:  # a picture or a printer's settings: inflated only to check its size
                pass
            continue
        _parse(chunks, handler, path, member.filename)
        scan.cells += handler.cells()
        scan.special = scan.special or handler.special
        if scan.cells > MAX_CELLS:
            raise refuse(path, Phrase(M.sheet_too_many_cells, limit=MAX_CELLS))
    return scan


def _inflate(data: bytes, member: zipfile.ZipInfo, path: str, not_archive: Phrase) -> Iterator[bytes]:
    """The member's bytes in chunks of at most CHUNK, read from the archive itself: never more than it
    declares (refused the moment it passes that), its CRC checked at the end."""
    if member.flag_bits & 0x1:
        raise refuse(path, Phrase(M.sheet_encrypted))
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise refuse(path, not_archive)  # Excel and LibreOffice write only these two
    start = member.header_offset
    header = data[start : start + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or not header.startswith(b"PK\x03\x04"):
        raise refuse(path, not_archive)
    _, name_length, extra_length = _LOCAL_HEADER.unpack(header)
    begin = start + _LOCAL_HEADER.size + name_length + extra_length
    compressed = memoryview(data)[begin : begin + member.compress_size]
    if len(compressed) < member.compress_size:
        raise refuse(path, not_archive)
    return _checked(_chunks(compressed, member.compress_type), member, path, not_archive)


def _chunks(compressed: memoryview, method: int) -> Iterator[bytes]:
    """The inflated bytes, CHUNK at most at a time, however much one compressed chunk holds."""
    if method == zipfile.ZIP_STORED:
        for offset in range(0, len(compressed), CHUNK):
            yield bytes(compressed[offset : offset + CHUNK])
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    offset = 0
    while not inflater.eof:
        if inflater.unconsumed_tail:
            piece = inflater.unconsumed_tail
        else:
            piece = bytes(compressed[offset : offset + CHUNK])
            offset += len(piece)
        out = inflater.decompress(piece, CHUNK)
        if not out and not piece:
            raise zlib.error("the compressed data ends early")
        if out:
            yield out


def _checked(chunks: Iterator[bytes], member: zipfile.ZipInfo, path: str, not_archive: Phrase) -> Iterator[bytes]:
    total = 0
    crc = 0
    try:
        for chunk in chunks:
            total += len(chunk)
            if total > member.file_size:
                raise refuse(path, Phrase(M.sheet_member_larger, member=member.filename))
            crc = zlib.crc32(chunk, crc)
            yield chunk
    except zlib.error:
        raise refuse(path, not_archive) from None
    if total != member.file_size or crc != member.CRC:
        raise refuse(path, not_archive)


class _Unsafe(Exception):
    """A DTD, which no reader may see: it could declare entities that expand without bound."""


class _Handler:
    """Reads one member's XML events; the base only makes sure it is XML a reader can take."""

    special = False

    def __init__(self, member: str) -> None:
        self.member = member
        self.problem: Phrase | None = None  # why the member is refused, once found

    def start(self, name: str, attributes: dict[str, str]) -> None:
        pass

    def end(self, name: str) -> None:
        pass

    def cells(self) -> int:
        return 0

    def damaged(self, reference: str) -> None:
        if self.problem is None:
            self.problem = Phrase(M.sheet_bad_reference, member=self.member, reference=reference)


def _parse(chunks: Iterator[bytes], handler: _Handler, path: str, member: str) -> None:
    """Feed the member to expat chunk by chunk; a DTD is refused at its start, before any declaration."""
    parser = expat.ParserCreate()
    parser.StartElementHandler = lambda name, attributes: handler.start(_local(name), attributes)
    parser.EndElementHandler = lambda name: handler.end(_local(name))
    parser.StartDoctypeDeclHandler = _no_dtd
    parser.EntityDeclHandler = _no_dtd
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
            if handler.problem is not None:
                break
        else:
            parser.Parse(b"", True)
    except _Unsafe:
        raise refuse(path, Phrase(M.sheet_unsafe_xml)) from None
    except expat.ExpatError as error:
        raise refuse(path, Phrase(M.sheet_bad_xml, member=member, line=error.lineno)) from None
    if handler.problem is not None:
        raise refuse(path, handler.problem)


def _no_dtd(*_: object) -> None:
    raise _Unsafe


def _local(name: str) -> str:
    """An element's or attribute's name without its prefix: readers match `x:c` as `c`."""
    return name.rpartition(":")[2]


def _count(attributes: dict[str, str], local: str) -> str | None:
    for key, value in attributes.items():
        if _local(key) == local:
            return value
    return None


def _by_local_name(attributes: dict[str, str]) -> dict[str, str]:
    """The attributes by local name, the first of each name kept (as `_count` finds it). Most elements
    have no prefixed attribute: their own dict is that already, without a name split per lookup."""
    if ":" not in "".join(attributes):
        return attributes
    local: dict[str, str] = {}
    for key, value in attributes.items():
        local.setdefault(_local(key), value)
    return local


class _Relationships(_Handler):
    """A `.rels` member: the parts it names, resolved both ways readers resolve them (relative to the
    source's folder, and calamine's `xl/` + target), kept in lower case."""

    def __init__(self, folder: str, targets: set[str]) -> None:
        super().__init__("")
        self.folder, self.targets = folder, targets

    def start(self, name: str, attributes: dict[str, str]) -> None:
        target = attributes.get("Target")
        if name != "Relationship" or not target or attributes.get("TargetMode") == "External":
            return
        target = target.replace("\\", "/").lower()
        if target.startswith("/"):
            self.targets.add(target.lstrip("/"))
        else:
            self.targets.add(posixpath.normpath(posixpath.join(self.folder, target)))
            self.targets.add(target if target.startswith("xl/") else "xl/" + target)


class _XlsxSheet(_Handler):
    """Any XLSX member a reader may parse: its counts bounded, and, where it holds rows and cells, the
    extent they span. A row or cell without a reference follows the previous one, so each adds one."""

    def __init__(self, member: str) -> None:
        super().__init__(member)
        self.rows = self.columns = 0  # the largest row and column referenced
        self.loose_rows = self.loose_cells = 0  # rows and cells without a reference

    def start(self, name: str, attributes: dict[str, str]) -> None:
        local = _by_local_name(attributes)
        for counted in ("count", "uniqueCount"):  # a reader may reserve room for that many items
            value = local.get(counted)
            if value is not None and value.strip().isdigit() and int(value) > MAX_CELLS:
                self.problem = Phrase(M.sheet_too_many_cells, limit=MAX_CELLS)
        if name == "c":
            self.cell(local)
        elif name == "row":
            self.row(local.get("r"))
        elif name == "f":
            self.special = True
        elif name == "dimension":
            # Not counted (no reader lays a sheet out by it), but it must be a reference a reader can take.
            for part in (local.get("ref") or "A1").split(":"):
                if _position(part) is None:
                    self.damaged(part)

    def cell(self, local: dict[str, str]) -> None:
        """A cell, from its attributes by local name (`_by_local_name`)."""
        if local.get("t") == "e":
            self.special = True
        reference = local.get("r")
        if reference is None:
            self.loose_cells += 1
            return
        position = _position(reference)
        if position is None:
            self.damaged(reference)
            return
        self.rows, self.columns = max(self.rows, position[0]), max(self.columns, position[1])

    def row(self, reference: str | None) -> None:
        if reference is None:
            self.loose_rows += 1
        elif not reference.strip().isdigit() or not 1 <= int(reference) <= MAX_ROWS:
            self.damaged(reference)
        else:
            self.rows = max(self.rows, int(reference))

    def cells(self) -> int:
        return (self.rows + self.loose_rows) * (self.columns + self.loose_cells)


def _position(reference: str) -> tuple[int, int] | None:
    """(row, column) of `B14`, or None for anything that is not a cell a sheet can hold."""
    match = _REFERENCE.fullmatch(reference.strip())
    if match is None:
        return None
    column = 0
    for letter in match[1].upper():
        column = column * 26 + ord(letter) - 64
    row = int(match[2])
    return (row, column) if 1 <= row <= MAX_ROWS and column <= MAX_COLUMNS else None


class _OdsTables(_Handler):
    """ODS `content.xml`: each table's extent, repeated rows and cells counted as often as they repeat.
    Empty repeated cells and rows (LibreOffice pads every sheet to its last column and row with them)
    count only where something non-empty follows them."""

    def __init__(self) -> None:
        super().__init__("content.xml")
        self.total = 0
        self.row = self.last_row = 0  # rows passed in this table; the last holding something
        self.column = self.last_column = self.widest = 0
        self.repeat_rows = self.repeat_cells = 1
        self.cell_start = 0
        self.filled = False  # the open cell holds something
        self.depth = 0  # elements open inside the current cell

    def start(self, name: str, attributes: dict[str, str]) -> None:
        if self.depth:
            self.depth += 1
            self.filled = True
            return
        if name == "table":
            self.close_table()
        elif name == "table-row":
            self.repeat_rows = _repeat(attributes, "number-rows-repeated", self)
            self.column = self.last_column = 0
        elif name in ("table-cell", "covered-table-cell"):
            self.repeat_cells = _repeat(attributes, "number-columns-repeated", self)
            plain = {"style-name", "number-columns-repeated"}
            self.filled = any(_local(key) not in plain for key in attributes)
            self.depth = 1

    def end(self, name: str) -> None:
        if self.depth > 1:
            self.depth -= 1
            return
        if self.depth == 1:
            self.depth = 0
            self.column += self.repeat_cells
            if self.filled:
                self.last_column = self.column
        elif name == "table-row":
            self.row += self.repeat_rows
            if self.last_column:
                self.last_row = self.row
                self.widest = max(self.widest, self.last_column)
        elif name == "table":
            self.close_table()
        if self.total + self.last_row * self.widest > MAX_CELLS:
            self.problem = Phrase(M.sheet_too_many_cells, limit=MAX_CELLS)

    def close_table(self) -> None:
        self.total += self.last_row * self.widest
        self.row = self.last_row = self.widest = 0

    def cells(self) -> int:
        return self.total + self.last_row * self.widest


def _repeat(attributes: dict[str, str], local: str, handler: _Handler) -> int:
    value = _count(attributes, local)
    if value is None:
        return 1
    if not value.strip().isdigit() or not 1 <= int(value) <= MAX_ROWS * MAX_COLUMNS:
        handler.damaged(f"{local}={value}")
        return 1
    return int(value)


def member_text(data: bytes, name: str, path: str) -> bytes:
    """One member's bytes, inflated the bounded way (for the small members checks read whole)."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    for member in archive.infolist():
        if member.filename.lower() == name.lower():
            return b"".join(_inflate(data, member, path, Phrase(M.sheet_not_xlsx)))
    raise KeyError(name)
