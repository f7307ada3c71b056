"""A letterhead image for `spbe report --kop`: bytes to (media type, bytes) that are safe to embed, or a
located problem.

PNG and JPEG are taken as they are (they are recognised by their first bytes, never by the file
name). An SVG is a document that can carry scripts, event handlers, external references and HTML
(foreignObject), so it is rebuilt from an allow-list: the drawing elements and their attributes are
kept, everything that could run or fetch something is left out, and what was left out is said.
A DOCTYPE (entities, external DTDs) is refused before the file is parsed. The page embeds the image
as a data URI in an <img>, where a browser runs no script and fetches nothing either: two fences.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from collections.abc import Callable

from ..i18n import M, Phrase
from ..problems import InvalidInput, Place, Problem

MAX_BYTES = 1024 * 1024  # a letterhead at print width is a few hundred kilobytes; the page embeds it whole
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"

# What an inert drawing needs. Left out: script, foreignObject, animation (it can set an href),
# a, iframe, feImage, and anything of another namespace (editor metadata).
ELEMENTS = frozenset(
    """svg g defs title desc symbol use path rect circle ellipse line polyline polygon text tspan textPath
    linearGradient radialGradient stop clipPath mask pattern marker image style filter feBlend feColorMatrix
    feComponentTransfer feComposite feFlood feGaussianBlur feMerge feMergeNode feMorphology feOffset
    feFuncR feFuncG feFuncB feFuncA""".split()
)
DANGEROUS = frozenset("script foreignObject iframe object embed animate set animateMotion animateTransform".split())
LINK = re.compile(r"url\(\s*(?:[\"']\s*)?(?![\s\"'#])", re.IGNORECASE)  # url(...) that is not a same-document #id
RASTER = re.compile(r"data:image/(png|jpeg|gif);base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
UNSAFE_TEXT = re.compile(r"javascript:|@import|expression\s*\(|image-set\s*\(", re.IGNORECASE)
MAX_DEPTH = 100  # nested groups of a real drawing; deeper is refused rather than recursed into


def read_letterhead(data: bytes, path: str, warn: Callable[[Problem], None] | None = None) -> tuple[str, bytes]:
    """The image's media type and the bytes to embed. Raises InvalidInput; says (through `warn`) what
    was taken out of an SVG."""
    place = Place(path)
    if len(data) > MAX_BYTES:
        raise InvalidInput([Problem.at(place, Phrase(M.kop_too_large, size=len(data), limit=MAX_BYTES), "file")])
    if data.startswith(PNG):
        return "image/png", data
    if data.startswith(JPEG):
        return "image/jpeg", data
    text = _text(data)
    if text is None or not re.search(r"<svg[\s>]", text):
        raise InvalidInput([Problem.at(place, Phrase(M.kop_not_image), "file")])
    if re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        raise InvalidInput([Problem.at(place, Phrase(M.kop_svg_doctype), "file")])
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise InvalidInput([Problem.at(place, Phrase(M.kop_svg_unreadable, reason=str(error)), "file")]) from None
    if _local(root.tag) != "svg" or _namespace(root.tag) not in ("", SVG):
        raise InvalidInput([Problem.at(place, Phrase(M.kop_not_image), "file")])
    removed: set[str] = set()
    try:
        clean = _element(root, removed, 0)
    except RecursionError:
        reason = f"elements nested more than {MAX_DEPTH} deep"
        raise InvalidInput([Problem.at(place, Phrase(M.kop_svg_unreadable, reason=reason), "file")]) from None
    assert clean is not None  # the root is an <svg>
    if removed and warn is not None:
        warn(Problem.at(place, Phrase(M.kop_svg_removed, removed=", ".join(sorted(removed))), "warning"))
    return "image/svg+xml", _serialise(clean)


def _text(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _local(tag: str) -> str:
    return tag.split("}", 1)[1] if tag.startswith("{") else tag


def _element(node: ElementTree.Element, removed: set[str], depth: int) -> ElementTree.Element | None:
    """A copy of `node` with only allowed elements and attributes, or None when it is left out."""
    if depth > MAX_DEPTH:
        raise RecursionError(depth)
    if not isinstance(node.tag, str) or _namespace(node.tag) not in ("", SVG):
        return None  # comments, processing instructions, editor metadata: nothing to draw
    name = _local(node.tag)
    if name == "a":  # a link around a drawing: keep the drawing, drop the link
        name = "g"
        removed.add("<a href>")
    if name not in ELEMENTS:
        if name in DANGEROUS:
            removed.add(f"<{name}>")
        return None
    copy = ElementTree.Element(f"{{{SVG}}}{name}")
    for key, value in node.attrib.items():
        kept = _attribute(name, key, value, removed)
        if kept is not None:
            copy.set(*kept)
    if name in ("use", "image") and not _has_reference(copy):
        return None  # nothing left to show: its only reference was outside the file
    if name == "style" and (LINK.search(node.text or "") or UNSAFE_TEXT.search(node.text or "")):
        removed.add("<style> url()")
        return None
    copy.text, copy.tail = node.text, node.tail
    for child in node:
        kept_child = _element(child, removed, depth + 1)
        if kept_child is not None:
            copy.append(kept_child)
        elif child.tail:  # the text that followed a dropped child stays where it was
            if len(copy):
                copy[-1].tail = (copy[-1].tail or "") + child.tail
            else:
                copy.text = (copy.text or "") + child.tail
    return copy


def _attribute(element: str, key: str, value: str, removed: set[str]) -> tuple[str, str] | None:
    """The attribute as kept, or None: event handlers, references outside the file and script in a value
    are left out (and counted in `removed`); other namespaces' attributes are dropped quietly."""
    namespace, name = _namespace(key), _local(key)
    if name.lower().startswith("on"):
        removed.add("on* event handlers")
        return None
    if name == "href" and namespace in ("", XLINK):
        inside = value.strip().startswith("#") and element != "image"
        if inside or (element == "image" and RASTER.fullmatch(value.strip())):
            return f"{{{XLINK}}}href" if namespace else "href", value
        removed.add("external references")
        return None
    if namespace not in ("", "http://www.w3.org/XML/1998/namespace"):
        return None
    if LINK.search(value) or UNSAFE_TEXT.search(value):
        removed.add("external references")
        return None
    return key, value


def _has_reference(element: ElementTree.Element) -> bool:
    return element.get("href") is not None or element.get(f"{{{XLINK}}}href") is not None


def _serialise(root: ElementTree.Element) -> bytes:
    ElementTree.register_namespace("", SVG)
    ElementTree.register_namespace("xlink", XLINK)
    written: bytes = ElementTree.tostring(root, encoding="utf-8", xml_declaration=False)
    return written
