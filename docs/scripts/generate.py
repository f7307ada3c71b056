"""Write the generated parts of the documentation from the code, so that they cannot drift from it.

- docs/reference/commands.md and docs/referensi/perintah.md: every command's `--help`, in English and
  in Bahasa Indonesia, as `spbe COMMAND --help --lang en|id` prints it at 80 columns;
- the tables between `<!-- begin generated: NAME -->` and `<!-- end generated: NAME -->` in
  docs/reference/file-formats.md: the keys of the assessment file (from the JSON Schema `spbe schema`
  prints), the workbook's sheets and columns, the CSV sheet's columns, the frameworks file's keys and
  its checks (from the code that reads each file);
- what spbe prints in the guides (`spbe-LANG-NAME`): error messages for the broken files of
  scenarios.py, and the output of commands on the example files.

    python docs/scripts/generate.py          # rewrite what is stale
    python docs/scripts/generate.py --check  # exit 1 naming what is stale (tests/contract/test_docs.py)
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
REFERENCE_PAGES = {"en": DOCS / "reference" / "commands.md", "id": DOCS / "referensi" / "perintah.md"}
FORMATS_PAGE = DOCS / "reference" / "file-formats.md"
# Click wraps help to the terminal's width, at most 80 columns: 80 gives the same page on every machine.
# The language is given as SPBE_LANG, which `spbe --help` reads too (it takes no --lang of its own).
ENVIRONMENT = {"COLUMNS": "80", "SPBE_LANG": "en", "NO_COLOR": "1"}

INTRO = {
    "en": (
        "# Command reference\n\n"
        "Every command's help, exactly as `spbe COMMAND --help` prints it (`--lang en`). This page is generated\n"
        "from the commands themselves by `docs/scripts/generate.py`: do not edit it; a test fails when it is\n"
        "stale. What each command is for, with examples: [Commands](../commands/index.md). In Bahasa\n"
        "Indonesia: [Referensi perintah](../referensi/perintah.md).\n\n"
        "Options every command shares: `--lang id|en` (the language of the output and of the help),\n"
        "`--color auto|always|never`, `--frameworks FILE` (a frameworks file instead of the built-in one) and\n"
        "`--debug` (a traceback on an internal error).\n"
    ),
    "id": (
        "# Referensi perintah\n\n"
        "Bantuan setiap perintah, persis seperti yang dicetak `spbe PERINTAH --help --lang id`. Halaman ini\n"
        "dibuat dari perintahnya sendiri oleh `docs/scripts/generate.py`: jangan disunting; sebuah tes gagal\n"
        "bila isinya sudah usang. Panduan langkah demi langkah: [Panduan](../panduan/index.md). In English:\n"
        "[Command reference](../reference/commands.md).\n\n"
        "Opsi yang dimiliki setiap perintah: `--lang id|en` (bahasa keluaran dan bantuan),\n"
        "`--color auto|always|never`, `--frameworks FILE` (berkas kerangka pengganti bawaan) dan `--debug`\n"
        "(traceback bila terjadi kesalahan internal).\n"
    ),
}


def command_names() -> list[str]:
    """The commands in the order `spbe --help` lists them."""
    from spbe_cli.cli import click_command

    group = click_command()
    return [name for name in group.commands if not group.commands[name].hidden]


def help_page(args: list[str], language: str) -> str:
    """What `spbe ARGS --help` prints in `language`, without the address of the documentation (which depends on the machine)."""
    from spbe_cli.cli import docs, main

    printed = io.StringIO()
    saved = {name: os.environ.get(name) for name in ENVIRONMENT}, docs.address
    os.environ.update(ENVIRONMENT | {"SPBE_LANG": language})
    docs.address = lambda language: None  # type: ignore[assignment]
    try:
        with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
            main([*args, "--help"])
    finally:
        for name, value in saved[0].items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        docs.address = saved[1]  # type: ignore[method-assign]
    return printed.getvalue().rstrip() + "\n"


def reference_page(language: str) -> str:
    parts = [INTRO[language]]
    for args in [[], *([name] for name in command_names())]:
        title = " ".join(["spbe", *args])
        parts.append(f"## `{title}`\n\n```text\n{help_page(args, language)}```\n")
    return "\n".join(parts)


# --- the tables in file-formats.md


def _cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: tuple[str, ...], rows: list[tuple[Any, ...]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _schema() -> dict[str, Any]:
    from spbe_cli.loading.catalog import load_catalog
    from spbe_cli.loading.schema import assessment_schema

    return assessment_schema(list(load_catalog()))


def _described(definitions: list[dict[str, Any]]) -> dict[str, list[str]]:
    """Each key of these object schemas and its descriptions, in order of first appearance."""
    found: dict[str, list[str]] = {}
    for definition in definitions:
        for key, prop in definition.get("properties", {}).items():
            seen = found.setdefault(key, [])
            text = prop.get("description", "")
            if text and text not in seen:
                seen.append(text)
    return found


def assessment_keys() -> str:
    schema = _schema()
    frameworks = schema["oneOf"]
    required = set.intersection(*(set(f["required"]) for f in frameworks))
    described = _described(frameworks)
    ids = ", ".join(f"`{framework}`" for framework in schema["properties"]["framework"]["enum"])
    described["framework"] = [f"the framework's id: {ids}"]
    rows = [(f"`{key}`", "yes" if key in required else "no", "; ".join(texts)) for key, texts in described.items()]
    return _table(("key", "required", "what"), rows)


def entry_keys() -> str:
    definitions = [d for name, d in _schema()["$defs"].items() if name.startswith("Entry_")]
    rows = [(f"`{key}`", "; ".join(texts)) for key, texts in _described(definitions).items()]
    return _table(("key", "what"), rows)


def evidence_keys() -> str:
    item = _schema()["$defs"]["EvidenceItem"]
    rows = [(f"`{key}`", "; ".join(texts)) for key, texts in _described([item]).items()]
    return _table(("key", "what"), rows)


def workbook_columns() -> str:
    from spbe_cli.loading import sheetformat as sf

    keys = {column: f"`{key}`" for key, column in sf.COLUMN_OF_KEY.items()}
    keys[sf.EXTERNAL_COLUMN] = "`external`"
    keys["kode"] = "the indicator's id, its key under `levels`"
    rows = [
        (f"`{column}`", keys.get(column, "(read to check it, never stored)"), sf.COMMENTS.get(column, ""))
        for column in sf.PENILAIAN_COLUMNS
    ]
    evidence = [
        (f"`{column}`", f"`{key}`" if key else "(the indicator it belongs to)", sf.COMMENTS.get(column, ""))
        for column, key in sf.BUKTI_COLUMNS.items()
    ]
    info = [
        (f"`{field}`", f"`{field}`" if field != "format" else f"(the workbook format, {sf.FORMAT_VERSION})")
        for field in sf.INFO_FIELDS
    ]
    header = ("column", "key in the assessment file", "the header's comment in the workbook")
    return (
        f"Sheet `{sf.PENILAIAN}`, one row per indicator:\n\n{_table(header, rows)}\n"
        f"Sheet `{sf.BUKTI}`, one row per evidence item:\n\n{_table(header, evidence)}\n"
        f"Sheet `{sf.INFO}`, one field per row (name in column A, value in B):\n\n"
        f"{_table(('field', 'key in the assessment file'), info)}"
    )


def csv_columns() -> str:
    from spbe_cli.loading import sheetformat as sf

    rows = [(f"`{c}`", "yes") for c in sf.CSV_INFO_COLUMNS] + [(f"`{c}`", "no") for c in sf.CSV_OPTIONAL_INFO_COLUMNS]
    return _table(("column", "written on every row"), rows)


def _type(prop: dict[str, Any]) -> str:
    """A JSON Schema type as a reader says it."""
    if "$ref" in prop:
        return f"`{prop['$ref'].rsplit('/', 1)[-1]}`"
    if "const" in prop:
        return f"`{prop['const']}`"
    if "enum" in prop:
        return " or ".join(f"`{value}`" for value in prop["enum"])
    if "anyOf" in prop:
        return " or ".join(_type(choice) for choice in prop["anyOf"] if choice.get("type") != "null")
    kind = prop.get("type", "any")
    if kind == "array":
        return f"list of {_type(prop.get('items', {}))}"
    if kind == "object":
        values = prop.get("additionalProperties")
        return f"mapping to {_type(values)}" if isinstance(values, dict) else "mapping"
    return {"string": "text", "integer": "whole number", "number": "number", "boolean": "true or false"}[kind]


FRAMEWORK_PARTS = (
    ("CatalogSpec", "the file"),
    ("FrameworkSpec", "a framework (an item of `frameworks`)"),
    ("DomainSpec", "a domain (an item of `domains`)"),
    ("AspectSpec", "an aspect (an item of `aspects`)"),
    ("IndicatorSpec", "an indicator (an item of `indicators`)"),
    ("ExternalSpec", "an indicator's value from another agency's index (`external`)"),
    ("ConversionBandSpec", "a band of that conversion (an item of `bands`)"),
    ("ExampleSpec", "a worked example of the conversion (an item of `examples`)"),
    ("ScaleSpec", "the other index's scale (`scale`)"),
    ("YearsSpec", "the years a framework is used (`years`)"),
    ("ValuesSpec", "the values an indicator takes (`values`)"),
    ("BandSpec", "a predikat band (an item of `predikat`)"),
    ("GuidelineSpec", "the year's guideline (Pedoman) a published source names (an item of `guidelines`)"),
    ("PredikatRuleSpec", "how the predikat is decided (`predikat_rule`)"),
    ("PredikatExampleSpec", "a published result the rule reproduces (an item of `predikat_rule.examples`)"),
    ("SourceSpec", "a source (an item of `sources`)"),
)


def framework_keys() -> str:
    from spbe_cli.loading.frameworks_file import CatalogSpec

    schema = CatalogSpec.model_json_schema(by_alias=True)
    definitions = {"CatalogSpec": schema, **schema["$defs"]}
    parts = []
    for name, what in FRAMEWORK_PARTS:
        definition = definitions[name]
        required = set(definition.get("required", ()))
        rows = [
            (f"`{key}`", _type(prop), "yes" if key in required else f"no{_default(prop)}")
            for key, prop in definition["properties"].items()
        ]
        parts.append(f"`{name}`: {what}.\n\n{_table(('key', 'type', 'required'), rows)}")
    missing = set(definitions) - {name for name, _ in FRAMEWORK_PARTS}
    if missing:
        raise SystemExit(f"generate.py: describe the frameworks file's {', '.join(sorted(missing))} in FRAMEWORK_PARTS")
    return "\n".join(parts)


def _default(prop: dict[str, Any]) -> str:
    if "default" not in prop or prop["default"] in (None, [], {}):
        return ""
    return f" (default `{prop['default']}`)"


def framework_checks() -> str:
    from spbe_cli.loading import frameworks_file

    checks = [frameworks_file._framework_ids, frameworks_file._value_range, *frameworks_file.CHECKS]
    lines = []
    for check in checks:
        doc = " ".join((check.__doc__ or "").split())
        if not doc:
            raise SystemExit(
                f"generate.py: {check.__name__} in loading/frameworks_file.py needs a docstring saying what it checks"
            )
        lines.append(f"- {doc}")
    return "\n".join(lines) + "\n"


def _link(source: Any) -> str:
    return f"[{source.title}]({source.url})" if source.url else source.title


def framework_facts() -> str:
    """Each framework of indicators.yaml as a reader checks it: what it is, its bands and predikat rule,
    the guideline of each year, how it was verified, and its sources."""
    from spbe_cli.loading.catalog import load_catalog

    parts = []
    for framework in load_catalog():
        years = f"{framework.first_year}-{framework.last_year or ''}"
        groups = f"{len(framework.domains)} domains, " if framework.domains else ""
        structure = f"{groups}{len(framework.aspects)} aspects, {len(framework.indicators)} indicators"
        bands = ", ".join(f"{band.name} from {band.min}" for band in framework.bands)
        rule = framework.predikat_rule
        lines = [
            f"### `{framework.id}`: {framework.title}",
            "",
            f"- **Regulation**: {framework.regulation}",
            f"- **Years**: {years}; **structure**: {structure}; **values**: {framework.value_type} "
            f"{framework.min_value}-{framework.max_value}",
            f"- **Predikat bands** (lower edge inclusive): {bands}",
            f"- **Predikat decided on** the {rule.decided_on} index ({rule.status}): {rule.evidence}".rstrip(": "),
        ]
        lines += [f"  - source: {_link(source)}" for source in rule.sources]
        for guideline in framework.guidelines:
            lines.append(f"- **{guideline.year} guideline**: {guideline.title}")
            lines += [f"  - source: {_link(source)}" for source in guideline.sources]
        if framework.level_target is not None:
            lines.append(f"- **Level target** of the official report: {framework.level_target}")
        lines.append(f"- **Verified**: {framework.verified}")
        lines.append("- **Sources**:")
        lines += [f"  - {_link(source)}" for source in framework.sources]
        parts.append("\n".join(lines) + "\n")
    return "\n".join(parts)


REGIONS: dict[str, Callable[[], str]] = {
    "assessment-keys": assessment_keys,
    "entry-keys": entry_keys,
    "evidence-keys": evidence_keys,
    "workbook-columns": workbook_columns,
    "csv-columns": csv_columns,
    "framework-keys": framework_keys,
    "framework-checks": framework_checks,
    "framework-facts": framework_facts,
}
REGION = re.compile(r"(<!-- begin generated: ([a-z0-9-]+) -->\n)(.*?)(<!-- end generated: \2 -->)", re.S)
SCENARIO = re.compile(r"spbe-(en|id)-([a-z0-9-]+)")
# The pages with generated regions: the file formats' tables, and what spbe prints in the guides.
FRAMEWORKS_PAGE = DOCS / "reference" / "frameworks.md"
REGION_PAGES = (
    FORMATS_PAGE,
    FRAMEWORKS_PAGE,
    *sorted((DOCS / "guide").glob("*.md")),
    *sorted((DOCS / "panduan").glob("*.md")),
)


def region(name: str) -> str:
    if name in REGIONS:
        return REGIONS[name]()
    scenario = SCENARIO.fullmatch(name)
    if scenario is None:
        raise SystemExit(f"generate.py: no generated region is called {name}")
    import scenarios

    return scenarios.shown(scenario.group(2), scenario.group(1))


def filled(path: Path, text: str) -> str:
    found = {match.group(2) for match in REGION.finditer(text)}
    expected = {FORMATS_PAGE: set(REGIONS) - {"framework-facts"}, FRAMEWORKS_PAGE: {"framework-facts"}}
    if expected.get(path, set()) - found:
        raise SystemExit(f"generate.py: {path.name} lacks the regions {', '.join(sorted(expected[path] - found))}")
    return REGION.sub(lambda match: f"{match.group(1)}{region(match.group(2))}{match.group(4)}", text)


def pages() -> Iterator[tuple[Path, str]]:
    """Each generated page and what it should hold."""
    for language, path in REFERENCE_PAGES.items():
        yield path, reference_page(language)
    for path in REGION_PAGES:
        yield path, filled(path, path.read_text(encoding="utf-8"))


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for path, text in pages():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    for name in stale:
        print(f"{'stale' if check else 'written'}: {name}")
    if check and stale:
        print("run: python docs/scripts/generate.py", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main(sys.argv[1:]))
