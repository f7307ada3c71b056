"""Shared test data and helpers. Test modules import from here (or use conftest fixtures), never
from each other."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
# After an intended change of an output: SPBE_UPDATE_GOLDEN=1 python -m pytest  (see tests/golden/README.md)
UPDATE_GOLDEN = os.environ.get("SPBE_UPDATE_GOLDEN") == "1"


def assert_golden(name: str, text: str) -> None:
    """`text` equals tests/golden/NAME exactly; with SPBE_UPDATE_GOLDEN=1, NAME is written first."""
    golden = GOLDEN / name
    if UPDATE_GOLDEN:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(text.encode("utf-8"))
    assert golden.is_file(), f"no golden file {name}: create it with SPBE_UPDATE_GOLDEN=1"
    assert text == golden.read_bytes().decode("utf-8"), f"{name} changed: regenerate it if the change is intended"


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
