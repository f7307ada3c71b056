"""Shared test data and helpers. Test modules import from here; conftest.py holds the fixtures, and no
test module imports another (tests/contract/test_architecture.py checks both)."""

from __future__ import annotations

import itertools
import math
import os
import re
import struct
import zlib
from fractions import Fraction
from pathlib import Path
from typing import NamedTuple

from hypothesis import strategies as st

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.scoring import score
from spbe_cli.loading.catalog import load_catalog, parse_catalog

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
EXAMPLES = ROOT / "examples"
CASES = TESTS / "cases"
GOLDEN = TESTS / "golden"
# After an intended change of an output: `make golden` (SPBE_UPDATE_GOLDEN=1), see tests/golden/README.md
UPDATE_GOLDEN = os.environ.get("SPBE_UPDATE_GOLDEN") == "1"


class Result(NamedTuple):
    """One run of `spbe` through the `spbe` fixture: exit code, standard output, standard error."""

    code: int
    out: str
    err: str


def assert_golden(name: str, output: str | bytes) -> None:
    """`output` equals tests/golden/NAME exactly; with SPBE_UPDATE_GOLDEN=1, NAME is written first."""
    golden = GOLDEN / name
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(output.encode("utf-8") if isinstance(output, str) else output)
    assert golden.is_file(), f"no golden file {name}: create it with `make golden` (SPBE_UPDATE_GOLDEN=1)"
    expected = golden.read_bytes()
    shown = expected.decode("utf-8") if isinstance(output, str) else expected  # text: pytest shows a diff
    assert output == shown, f"{name} changed: regenerate it with `make golden` if the change is intended"


def levels_yaml(framework: str, levels: dict, institution: str = "Pemerintah Kota Uji", year: int = 2024) -> str:
    """An assessment file's text with the given levels (values written as given)."""
    lines = [f"framework: {framework}", f"institution: {institution}", f"year: {year}", "levels:"]
    lines += [f"  {key}: {value}" for key, value in levels.items()]
    return "\n".join(lines) + "\n"


def uniform(catalog, framework: str, value) -> dict:
    """Every indicator of `framework` at `value`, for levels_yaml."""
    return {indicator.id: value for indicator in catalog.get(framework).indicators}


def case_files() -> list[Path]:
    """The published cases shipped with the tests, plus shared ones beside the repository if present."""
    found = sorted(CASES.glob("*.expected.yaml"))
    shared = ROOT.parent / "shared" / "reference" / "cases"
    if shared.is_dir():
        known = {p.name for p in found}
        found += sorted(p for p in shared.glob("*.expected.yaml") if p.name not in known)
    return found


# What must never reach a human output raw: C0 except LF, DEL, C1, bidi controls, zero-width characters.
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def command_lines(text: str) -> list[str]:
    """Lines GitHub Actions would run as workflow commands (leading spaces are ignored)."""
    return [line for line in text.splitlines() if line.lstrip().startswith("::") or "##[" in line]


# A small frameworks file: three indicators in two aspects, two predikat bands.
MINI_FRAMEWORKS = """\
schema_version: 1
frameworks:
  - id: mini
    title: Mini
    index_name: Indeks Mini
    regulation: Aturan Mini
    years: {first: 2030}
    values: {type: integer, min: 1, max: 5}
    level_scales: {s: {1: Satu, 5: Lima}}
    scale: s
    predikat:
      - {name: Tinggi, min: 3.00}
      - {name: Rendah, min: 1.00}
    aspects:
      - number: 1
        name: A
        weight: 60
        indicators:
          - {id: M1, name: Satu, weight: 30}
          - {id: M2, name: Dua, weight: 30}
      - number: 2
        name: B
        indicators:
          - {id: M3, name: Tiga, weight: 40}
    sources: [{title: Contoh}]
    verified: not verified; a test framework
"""


def mini_assessment(levels: dict[str, int], framework: str = "mini", year: int = 2030) -> str:
    """An assessment file of the mini framework (or a copy of it under another id)."""
    lines = [f"framework: {framework}", "institution: Uji", f"year: {year}", "levels:"]
    lines += [f"  {key}: {value}" for key, value in levels.items()]
    return "\n".join(lines) + "\n"


def mini_with_bands(framework_id: str, bands: list[tuple[str, str]]) -> str:
    """The mini framework under another id and other predikat bands, as a second entry of the file."""
    body = MINI_FRAMEWORKS.split("frameworks:\n", 1)[1].replace("id: mini", f"id: {framework_id}")
    start, end = body.index("    predikat:\n"), body.index("    aspects:\n")
    listed = "".join(f"      - {{name: {name}, min: {low}}}\n" for name, low in bands)
    return body[:start] + "    predikat:\n" + listed + body[end:]


# --- the bundled frameworks and hypothesis strategies for assessments of them

CATALOG = load_catalog()
FRAMEWORKS = list(CATALOG)


def values_for(framework):
    if framework.integer_values:
        return st.integers(framework.min_value, framework.max_value)
    # Pemdi: decimals with up to two places from 1.00 to 5.00
    return st.integers(100, 500).map(lambda hundredths: Fraction(hundredths, 100))


@st.composite
def assessments(draw, framework=None):
    framework = framework or draw(st.sampled_from(FRAMEWORKS))
    value = values_for(framework)
    entries = {}
    for indicator in framework.indicators:
        if indicator.multiple:
            entries[indicator.id] = Entry(values=tuple(draw(st.lists(value, min_size=1, max_size=4))))
        else:
            entries[indicator.id] = Entry(values=(draw(value),))
    return framework, Assessment(framework.id, "Uji", 2024, entries)


# --- a small frameworks file for the planner, and a brute-force planner to check it against

SMALL = """\
schema_version: 1
frameworks:
  - id: small-int
    title: Small
    index_name: Indeks Kecil
    regulation: Uji
    years: {first: 2030}
    values: {type: integer, min: 1, max: 5}
    level_scales: {s: {1: Satu}}
    scale: s
    predikat: [{name: Baik, min: 3.00}, {name: Kurang, min: 1.00}]
    domains:
      - number: 1
        name: D1
        aspects:
          - {number: 1, name: A1, indicators: [{id: a, name: A, weight: 12.5}, {id: b, name: B, weight: 37.5}]}
      - number: 2
        name: D2
        aspects:
          - {number: 2, name: A2, indicators: [{id: c, name: C, weight: 20}, {id: d, name: D, weight: 30}]}
    sources: [{title: test}]
    verified: test only
  - id: small-dec
    title: Small decimals
    index_name: Indeks Desimal
    regulation: Uji
    years: {first: 2030}
    values: {type: decimal, min: 1, max: 5}
    level_scales: {s: {1: Satu}}
    scale: s
    predikat: [{name: Baik, min: 2.50}, {name: Kurang, min: 1.00}]
    aspects:
      - {number: 1, name: A1, indicators: [{id: x, name: X, weight: 15}, {id: y, name: Y, weight: 25}, {id: z, name: Z, weight: 60}]}
    sources: [{title: test}]
    verified: test only
"""
SMALL_CATALOG = parse_catalog(SMALL.encode(), "small.yaml")


def brute_force(assessment, framework, target, costs, locked=frozenset(), cap=None):
    """Least cost over every combination of end levels; None when nothing reaches the target."""
    cap = framework.max_value if cap is None else cap
    choices = []
    for indicator in framework.indicators:
        start = assessment.entries[indicator.id].values[0]
        ends = [start]
        if indicator.id not in locked:
            level = start
            while math.floor(level) + 1 <= cap:
                level = math.floor(level) + 1
                ends.append(level)
        choices.append(ends)
    best = None
    for combination in itertools.product(*choices):
        entries = {i.id: Entry((v,)) for i, v in zip(framework.indicators, combination, strict=True)}
        result = score(Assessment(framework.id, "X", 2030, entries), framework)
        if result.index < target:  # a target is reached by the exact index
            continue
        cost = sum(
            costs.of(i.id) * len(range(0, choices[n].index(v)))
            for n, (i, v) in enumerate(zip(framework.indicators, combination, strict=True))
        )
        best = cost if best is None or cost < best else best
    return best


# One decimal framework, `uji`, of three indicators (x, y, z): tests change a line of it and expect
# the problem at that line.
UJI_FRAMEWORKS = """\
schema_version: 1
frameworks:
  - id: uji
    title: Uji
    index_name: Indeks Uji
    regulation: Uji
    years: {first: 2030}
    values: {type: decimal, min: 1, max: 5}
    level_scales: {s: {1: Satu}}
    scale: s
    predikat: [{name: Baik, min: 2.50}, {name: Kurang, min: 1.00}]
    aspects:
      - {number: 1, name: A1, indicators: [{id: x, name: X, weight: 15}, {id: y, name: Y, weight: 25}, {id: z, name: Z, weight: 60}]}
    sources: [{title: test}]
    verified: test only
"""


# User text that would run as script, template or markup if an output failed to escape it.
HOSTILE = '<script>document.body.setAttribute("data-pwned","1")</script></style>{{ 7*7 }}\u202eevil'

# A letterhead SVG that tries everything an SVG can: script, handlers, HTML, links and fetches.
HOSTILE_SVG = """<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="600" height="80" onload="alert(1)">
  <script>document.body.setAttribute("data-pwned","1")</script>
  <style>@import url(https://evil.example/x.css); rect { fill: red }</style>
  <defs><linearGradient id="ok"><stop offset="0" stop-color="#1f4e79"/></linearGradient></defs>
  <rect width="600" height="80" fill="url(#ok)" onclick="alert(2)" inkscape:label="kop"/>
  <a href="javascript:alert(3)"><text x="10" y="50" fill="#ffffff">PEMERINTAH KOTA UJI</text></a>
  <foreignObject width="100" height="50"><div xmlns="http://www.w3.org/1999/xhtml">INJECTED-HTML</div></foreignObject>
  <image href="https://evil.example/tracker.png" width="1" height="1"/>
  <use xlink:href="https://evil.example/sprite.svg#icon"/>
  <use xlink:href="#ok"/>
  <animate attributeName="href" to="javascript:alert(4)"/>
  <circle cx="5" cy="5" r="4" fill="url(#ok)" style="fill: url('https://evil.example/f')"/>
</svg>
"""


def png(width: int = 4, height: int = 2, colour: tuple[int, int, int] = (31, 78, 121)) -> bytes:
    """A small, valid RGB PNG of one colour."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    rows = b"".join(b"\x00" + bytes(colour) * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")


# --- spbe serve ------------------------------------------------------------------------------------

WEB_TOKEN = "test-token-0123456789abcdef"
WEB_ORIGIN = "http://127.0.0.1:8000"


def office_master(
    offices: int = 20, framework: str = "spbe-2020", institution: str = "Pemerintah Kota Uji", year: int = 2025
) -> str:
    """A master assessment at the self-assessment stage, every indicator empty and given to one of
    `offices` offices in turn (`OPD 01`, `OPD 02` ...): what a coordinator sends out."""
    indicators = load_catalog().get(framework).indicators
    lines = [f"framework: {framework}", f'institution: "{institution}"', f"year: {year}", "stage: mandiri", "levels:"]
    for number, indicator in enumerate(indicators):
        lines += [
            f"  {indicator.id}:  # {indicator.name}",
            "    mandiri:",
            f'    pic: "{office_name(number % offices)}"',
        ]
    return "\n".join(lines) + "\n"


def office_name(number: int) -> str:
    return f"OPD {number + 1:02d}"


def fill_workbook(data: bytes, values: dict[str, object], column: str = "nilai_mandiri") -> bytes:
    """An assessment workbook with `column` set on the rows of the given indicators (kode -> value)."""
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data))
    sheet = book["Penilaian"]
    header = next(row for row in range(1, 12) if sheet.cell(row, 1).value == "kode")
    names = [cell.value for cell in sheet[header]]
    target = names.index(column) + 1
    for row in range(header + 1, sheet.max_row + 1):
        code = sheet.cell(row, 1).value
        if code is not None and str(code) in values:
            sheet.cell(row, target).value = values[str(code)]
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class Heard:
    """A voice for the server's lines on standard error, kept for a test to read."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def say(self, message, /, **values) -> None:
        from spbe_cli.i18n import Messages

        self.lines.append(Messages()(message, **values))

    def line(self, text: str) -> None:
        self.lines.append(text)


def web_settings(folder, *, language=None, allowed=(), host="127.0.0.1", port=8000, browser=None, max_body=None):
    """The settings `spbe serve FOLDER` starts with (its token WEB_TOKEN), and the voice it speaks with."""
    from dataclasses import replace

    from spbe_cli.web.server import policy_for
    from spbe_cli.web.site import Settings

    policy = policy_for(WEB_TOKEN, host, port, allowed)
    if max_body is not None:
        policy = replace(policy, max_body=max_body)
    heard = Heard()
    settings = Settings(
        workspace=str(folder),
        language=language,
        policy=policy,
        catalog=load_catalog(),
        encoding=None,
        voice=heard,
        browser=browser,
    )
    return settings, heard


def page_text(html: str) -> str:
    """A page's visible text, roughly: tags and its stylesheet dropped, spaces joined."""
    import html as markup

    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", html)).split())


def form_value(html: str, name: str) -> str:
    """The value of the hidden form field `name` in a page."""
    import html as markup

    found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', html)
    assert found, f"no field {name} in the page"
    return markup.unescape(found.group(1))


class Served(NamedTuple):
    """spbe serve in-process: a browser-like client (logged in unless asked not to), the workspace
    folder, and what the server said on standard error."""

    client: object  # starlette.testclient.TestClient
    folder: Path
    heard: Heard
