"""Workbooks made byte by byte for the reading tests: what Excel, LibreOffice or an attacker could send."""

from __future__ import annotations

import io
import zipfile


def workbook_bytes(rows_by_sheet: dict[str, list[list[object]]]) -> bytes:
    """A plain workbook written by openpyxl (values as given; text starting with = becomes a formula)."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def rewrite(data: bytes, replace: dict[str, bytes | None], add: dict[str, bytes] | None = None) -> bytes:
    """The same workbook with some members replaced (None: removed) or added."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    target.writestr(info.filename, replace[info.filename])
            else:
                target.writestr(info.filename, source.read(info.filename))
        for name, content in (add or {}).items():
            target.writestr(name, content)
    return buffer.getvalue()


def member(data: bytes, name: str) -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def lying(data: bytes, name: str, content: bytes, declared: bytes) -> bytes:
    """The workbook with member `name` holding `content` (deflated), while its headers declare the size
    and CRC of `declared`: what python's zipfile trusts, and Rust's zip reads past."""
    import struct
    import zlib

    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info.filename))
    raw = bytearray(buffer.getvalue())
    size, crc = len(declared), zlib.crc32(declared)
    central = raw.find(b"PK\x01\x02")
    while central >= 0:
        (length,) = struct.unpack_from("<H", raw, central + 28)
        if raw[central + 46 : central + 46 + length].decode() == name:
            (local,) = struct.unpack_from("<I", raw, central + 42)
            struct.pack_into("<I", raw, central + 16, crc)
            struct.pack_into("<I", raw, central + 24, size)
            struct.pack_into("<I", raw, local + 14, crc)
            struct.pack_into("<I", raw, local + 22, size)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def sheet_moved(data: bytes, to: str) -> bytes:
    """The workbook with its first sheet stored at `to` (named so by the relationships and content types)."""
    old = "xl/worksheets/sheet1.xml"
    rels = member(data, "xl/_rels/workbook.xml.rels").replace(b"/" + old.encode(), b"/" + to.encode())
    types = member(data, "[Content_Types].xml").replace(b"/" + old.encode(), b"/" + to.encode())
    return rewrite(
        data,
        {old: None, "xl/_rels/workbook.xml.rels": rels, "[Content_Types].xml": types},
        add={to: member(data, old)},
    )
