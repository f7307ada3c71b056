"""User text made safe for each output: pure functions, no I/O, reusable by every renderer.

User text (institution names, file names, anything read from an assessment or frameworks file) may
contain anything Unicode allows. What each output does with it (README, "Security notes"):

- `visible`: one line for people. Line breaks and tabs become spaces; every other control character
  (C0, DEL, C1, including ESC), every invisible format character (bidi overrides, zero-width
  characters, BOM) and every undecodable byte of a file name is shown as an escape such as `\\x1b`,
  `\\u202e` or `\\xff`, so nothing can move the cursor, reorder text or hide in plain sight.
- `defuse_workflow_commands`: no line may begin with `::` (a GitHub Actions workflow command) nor contain `##[`
  (the older form) unless spbe wrote an annotation itself; such text gets a backslash.
- `markdown`, `spreadsheet_cell`, `annotation_data`, `annotation_property`: `visible` plus
  what each format needs.
- `json_text`: JSON keeps user text as it is (JSON escapes control characters itself); only
  undecodable bytes of a file name, which JSON cannot carry, become `\\xNN`.
"""

from __future__ import annotations

import re
import unicodedata

# Where a person sees one line: these break it, so they become a space.
_LINE_BREAKS = "\t\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_ESCAPE_NEEDED = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


def _escape_char(char: str) -> str:
    code = ord(char)
    if char in _LINE_BREAKS:
        return " "
    if 0xDC80 <= code <= 0xDCFF:  # a byte of a file name that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def _needs_escape(char: str) -> bool:
    return bool(_ESCAPE_NEEDED.match(char)) or unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp")


def visible(text: object) -> str:
    """One line, every control or invisible character shown as an escape (see the module docstring)."""
    value = str(text)
    if value.isprintable() and "\u00ad" not in value:
        return value  # the common case, fast: nothing to escape
    return "".join(_escape_char(c) if _needs_escape(c) else c for c in value)


def inert(text: object) -> str:
    """`visible` for markup that lays text out itself (HTML, SVG): invisible and direction-changing
    characters shown as escapes, while tabs and line breaks, which markup renders as spaces, are kept."""
    value = str(text)
    if value.isprintable() and "\u00ad" not in value:
        return value
    return "".join(c if c in "\t\n\r" else _escape_char(c) if _needs_escape(c) else c for c in value)


_COMMAND_START = re.compile(r"^([ \t]*):(?=:)", re.MULTILINE)
_OLD_COMMAND = "##["


def defuse_workflow_commands(text: str) -> str:
    """Text whose lines can never be read as a GitHub Actions workflow command."""
    if "::" not in text and _OLD_COMMAND not in text:
        return text
    return _COMMAND_START.sub(r"\1\\:", text).replace(_OLD_COMMAND, "##\\[")


def terminal_line(text: object) -> str:
    """One line for a terminal or log: `visible`, then `defuse_workflow_commands`."""
    return defuse_workflow_commands(visible(text))


# Markdown: metacharacters that would change what the text looks like, and `&` (entities).
_MARKDOWN = str.maketrans({c: "\\" + c for c in "\\`*_[]<|~&"})


def markdown(text: object) -> str:
    """User text as literal Markdown inline content: one line, metacharacters and `&` escaped."""
    escaped = " ".join(visible(text).split()).translate(_MARKDOWN)
    return "\\" + escaped if escaped.startswith(":") else escaped


_FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_cell(text: object) -> str:
    """A cell a spreadsheet shows as text: one line, visible; a formula-like or `::` start gets an apostrophe,
    judged on the text as written (a leading tab or CR starts a formula too, and becomes a space here) and
    after leading spaces, which a spreadsheet may drop."""
    raw = str(text)
    value = visible(raw).replace(_OLD_COMMAND, "##\\[")
    start = value.lstrip(" ")
    if raw.startswith(("\t", "\r")) or start.startswith(_FORMULA_START) or start.startswith("::"):
        return "'" + value
    return value


def annotation_data(text: object) -> str:
    """The message of a GitHub workflow command: %, CR and LF escaped as GitHub reads them (it shows
    them as line breaks), every other control or invisible character shown as `visible` does."""
    escaped = str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(escaped)


def annotation_property(text: object) -> str:
    """A property value of a workflow command (file=, title=): additionally ':' and ','."""
    return annotation_data(text).replace(":", "%3A").replace(",", "%2C")


def json_text(text: str) -> str:
    """Text JSON can carry as UTF-8: only undecodable file-name bytes (surrogates) are escaped."""
    if text.isascii() or not any("\ud800" <= c <= "\udfff" for c in text):
        return text
    return "".join(_escape_char(c) if "\ud800" <= c <= "\udfff" else c for c in text)


# What no file name may hold on Windows (and `/` nowhere): replaced by `_` in names made from user text.
_NOT_IN_FILE_NAME = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]')
_RESERVED_NAMES = {"con", "prn", "aux", "nul"} | {f"{kind}{n}" for kind in ("com", "lpt") for n in range(1, 10)}
MAX_NAME = 80  # characters of user text in a file name: paths stay well under Windows' 260


def safe_file_names(names: list[str], *, prefix: str = "", suffix: str = "") -> dict[str, str]:
    """A file name for each of `names` (an office's name) that every system can hold: characters Windows
    forbids replaced by `_`, no trailing dot or space, no reserved device name (CON, NUL, COM1 ...),
    cut to MAX_NAME characters, and different for names that differ only in case (Windows and macOS
    would write them over each other): the second gets `-2`, and so on."""
    chosen: dict[str, str] = {}
    taken: set[str] = set()
    for name in names:
        stem = _NOT_IN_FILE_NAME.sub("_", unicodedata.normalize("NFC", " ".join(name.split())))
        stem = stem[:MAX_NAME].rstrip(". ") or "_"
        if stem.casefold().split(".")[0] in _RESERVED_NAMES:
            stem = "_" + stem
        candidate, number = stem, 1
        while (prefix + candidate + suffix).casefold() in taken:
            number += 1
            candidate = f"{stem}-{number}"
        taken.add((prefix + candidate + suffix).casefold())
        chosen[name] = prefix + candidate + suffix
    return chosen
