"""The documentation says what spbe does: README.md and docs/.

- The README's quick start is what CI runs, and stays short.
- The generated pages (command reference, tables of keys) are those the code generates now.
- Every command, option and key the code knows appears in the documentation.
- Every `spbe ...` line in a code block runs, in a folder holding the example files, and exits as the
  page says: 0, or the N of an `[exit N]` in its comment.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
DOCS = ROOT / "docs"
GENERATOR = DOCS / "scripts" / "generate.py"
REFERENCE = {"en": DOCS / "reference" / "commands.md", "id": DOCS / "referensi" / "perintah.md"}
FORMATS = DOCS / "reference" / "file-formats.md"


def pages() -> list[Path]:
    """README.md and every page of the site."""
    return [ROOT / "README.md", *sorted(path for path in DOCS.rglob("*.md") if "scripts" not in path.parts)]


def shell_blocks(text: str, languages: str = "sh|powershell") -> list[tuple[str, str]]:
    return [(lang, block) for lang, block in re.findall(rf"```({languages})\n(.*?)```", text, re.S)]


def quick_start() -> str:
    return README[README.index("## Quick start") : README.index("\n## ", README.index("## Quick start") + 1)]


# --- the README


def test_ci_runs_the_quick_start_commands_exactly():
    blocks = [block.strip() for lang, block in shell_blocks(quick_start(), "sh")]
    venv, install, tests = blocks[0], blocks[1], blocks[2]
    ci_lines = CI.splitlines()
    for command in (venv, install, tests):
        assert command in ci_lines, f"{command!r} is in the README but not in .ci/run"
    assert ci_lines.index(venv) < ci_lines.index(install) < ci_lines.index(tests)


def test_ci_builds_the_documentation_strictly_after_the_tests():
    ci_lines = CI.splitlines()
    tests = ci_lines.index("pip install -e '.[test]' && python -m pytest")
    build = next(i for i, line in enumerate(ci_lines) if "mkdocs build" in line)
    assert build > tests and "--strict" in ci_lines[build]


def test_quick_start_works_on_an_externally_managed_python():
    section = quick_start()
    assert "python3 -m venv .venv && . .venv/bin/activate" in section  # no bare system-wide pip install
    assert "pipx install ." in section
    powershell = [block for lang, block in shell_blocks(section) if lang == "powershell"]
    assert powershell and "py -m venv .venv" in powershell[0] and "Activate.ps1" in powershell[0]
    assert "examples\\kota-denpasar-2021.yaml" in powershell[0]


def test_the_readme_stays_short_and_links_every_part_of_the_documentation():
    assert len(README.splitlines()) <= 150
    for target in re.findall(r"\]\(((?:docs/)[^)#]+)", README):
        assert (ROOT / target).is_file(), f"the README links {target}, which does not exist"
    for part in ("docs/panduan/index.md", "docs/guide/index.md", "docs/reference/commands.md", "CONTRIBUTING.md"):
        assert f"]({part})" in README


def test_integration_snippets_need_no_published_address():
    integrations = (DOCS / "integrations.md").read_text(encoding="utf-8")
    for page in pages():
        assert "OWNER/" not in page.read_text(encoding="utf-8"), page
    assert "repo: local" in integrations  # the pre-commit hook, usable from any checkout
    assert "pip install ./tools/spbe" in integrations[integrations.index("## GitHub Actions") :]


# --- generated pages and completeness


def test_generated_pages_are_up_to_date():
    result = subprocess.run([sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, f"{result.stdout}{result.stderr}"


def _commands():
    import typer

    from spbe_cli.cli import app

    return typer.main.get_command(app).commands.items()


@pytest.mark.parametrize("language", ["en", "id"])
def test_every_command_and_option_is_in_the_command_reference(language):
    reference = REFERENCE[language].read_text(encoding="utf-8")
    for name, command in _commands():
        assert f"## `spbe {name}`" in reference, f"{REFERENCE[language].name} lacks spbe {name}"
        section = reference.split(f"## `spbe {name}`")[1].split("\n## ")[0]
        for parameter in command.params:
            if parameter.hidden or getattr(parameter, "param_type_name", "") == "argument":
                continue
            for option in parameter.opts:
                assert option in section, f"{REFERENCE[language].name}: spbe {name} lacks {option}"


def test_every_command_has_a_page_that_shows_it():
    listed = (DOCS / "commands" / "index.md").read_text(encoding="utf-8")
    for name, _ in _commands():
        page = DOCS / "commands" / f"{name}.md"
        shown = page.read_text(encoding="utf-8") if page.exists() else listed
        assert f"spbe {name}" in listed and f"spbe {name}" in shown, f"docs/commands lacks spbe {name}"


# Explained once, where they belong: the shared options (In your tools, Output files) and --encoding (File formats).
SHARED_OPTIONS = (
    "--help",
    "--debug",
    "--frameworks",
    "--lang",
    "--color",
    "--force",
    "--output",
    "--format",
    "--encoding",
)


def test_every_option_is_explained_on_its_commands_page():
    """Beyond its help line: what it does, on the page of its command (shared options on their own pages)."""
    pages_text = "\n".join(page.read_text(encoding="utf-8") for page in (DOCS / "commands").glob("*.md"))
    for name, command in _commands():
        page = DOCS / "commands" / f"{name}.md"
        text = page.read_text(encoding="utf-8") if page.exists() else pages_text
        for parameter in command.params:
            for option in parameter.opts:
                if option.startswith("--") and option not in SHARED_OPTIONS:
                    assert option in text, f"docs/commands/{name}.md does not explain {option}"
    everything = "\n".join(page.read_text(encoding="utf-8") for page in pages())
    for shared in SHARED_OPTIONS:
        assert shared in everything


def _every_assessment_key() -> set[str]:
    from spbe_cli.loading.catalog import load_catalog
    from spbe_cli.loading.schema import assessment_schema

    schema = assessment_schema(list(load_catalog()))
    keys = set(schema["properties"])
    for framework in schema["oneOf"]:
        keys |= set(framework["properties"])
    for name, definition in schema["$defs"].items():
        if not name.startswith("Levels"):  # the indicator ids: listed by `spbe indicators`, not here
            keys |= set(definition.get("properties", {}))
    return keys


def _every_framework_key() -> set[str]:
    from spbe_cli.loading.frameworks_file import CatalogSpec

    schema = CatalogSpec.model_json_schema(by_alias=True)
    keys = set(schema["properties"])
    for definition in schema["$defs"].values():
        keys |= set(definition.get("properties", {}))
    return keys


def _every_sheet_key() -> set[str]:
    from spbe_cli.loading import sheetformat as sf

    return {
        sf.PENILAIAN,
        sf.BUKTI,
        sf.INFO,
        *sf.PENILAIAN_COLUMNS,
        *sf.BUKTI_COLUMNS,
        *sf.INFO_FIELDS,
        *sf.CSV_INFO_COLUMNS,
        *sf.CSV_OPTIONAL_INFO_COLUMNS,
        *sf.EVIDENCE_STATUSES,
    }


def test_every_key_the_code_reads_is_in_the_file_formats_page():
    from spbe_cli.loading.costs import KEYS as COSTS_KEYS

    page = FORMATS.read_text(encoding="utf-8")
    sections = {
        "the-assessment-file-yaml": _every_assessment_key(),
        "the-assessment-workbook-xlsx": _every_sheet_key(),
        "the-costs-file": set(COSTS_KEYS),
        "the-frameworks-file": _every_framework_key(),
    }
    for anchor, keys in sections.items():
        title = {"the-assessment-file-yaml": "## The assessment file (YAML)"}.get(anchor, "")
        assert keys, anchor
        text = page.split(title)[1] if title else page
        missing = sorted(key for key in keys if f"`{key}`" not in text)
        assert not missing, f"file-formats.md ({anchor}) does not name {missing}"


# --- every example runs

EXIT = re.compile(r"\[exit (\d+)\]")
PROMPT = re.compile(r"^(\$|PS>|>)\s+")


def examples(page: Path) -> list[tuple[str, int]]:
    """The `spbe` lines of a page's shell code blocks, with the exit code each must end with."""
    found = []
    for lang, block in shell_blocks(page.read_text(encoding="utf-8")):
        for line in block.splitlines():
            command = PROMPT.sub("", line.strip())
            if not command.startswith("spbe "):
                continue
            expected = EXIT.search(command)
            if lang == "powershell":
                command = command.replace("\\", "/")
            found.append((command, int(expected.group(1)) if expected else 0))
    return found


COSTS = """\
default: 1
indicators:
  1-10: 15
  42: 5
aspects:
  5: 3
levels:
  4: 2
  5: 3
"""


def workspace(folder: Path, page: str = "") -> None:
    """The files the documentation's examples name, from examples/ (the same names on every page), and
    what people send back on the Excel pages: the offices' filled sheets and the assessors'."""
    shutil.copytree(EXAMPLES, folder / "examples")
    named = {
        "penilaian.yaml": "kabupaten-2025-tahapan-ilustrasi.yaml",
        "penilaian-2023.yaml": "spbe-2020-provinsi-2023-ilustrasi.yaml",
        "penilaian-2024.yaml": "spbe-2020-provinsi-2024-ilustrasi.yaml",
        "denpasar.yaml": "kota-denpasar-2021-tahapan.yaml",
        "pemdi-2026.yaml": "pemdi-2026-kota-bukti-ilustrasi.yaml",
    }
    for name, example in named.items():
        shutil.copy(EXAMPLES / example, folder / name)
    shutil.copytree(EXAMPLES, folder / "penilaian", ignore=shutil.ignore_patterns("spbe-2018*", "*tahapan.yaml"))
    (folder / "biaya.yaml").write_text(COSTS, encoding="utf-8")
    (folder / "kop.png").write_bytes(_png())
    staged = (EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml").read_text(encoding="utf-8")
    (folder / "sukamaju-2024.yaml").write_text(staged.replace("\nyear: 2025\n", "\nyear: 2024\n"), encoding="utf-8")
    if "kembali/" in page or "hasil-asesor.xlsx" in page:
        returned = folder / "returned"
        returned.mkdir()
        shutil.copy(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml", returned / "sukamaju-2025.yaml")
        env = _environment(folder)
        for args in (("--each-pic", "../kembali/", "--stage", "mandiri"), ("--assessor", "-o", "../hasil-asesor.xlsx")):
            command = [_spbe(), "export", "sukamaju-2025.yaml", *args]
            subprocess.run(command, cwd=returned, env=env, check=True, capture_output=True)
    # CSV sheets without the framework, institution and year columns, one of them saved as Windows' "ANSI"
    rows = [f"{number},3,Anggaran \u20ac 2025" for number in range(1, 48)]
    (folder / "rekap.csv").write_text("\n".join(["kode,nilai,penjelasan", *rows]) + "\n", encoding="utf-8")
    info = [f"spbe-2020,Kota Contoh,2025,{row}" for row in rows]
    ansi = "\n".join(["framework,institution,year,kode,nilai,penjelasan", *info]) + "\n"
    (folder / "rekap-ansi.csv").write_text(ansi, encoding="cp1252")


def _png() -> bytes:
    """A letterhead for `report --kop`: a white image of 8 x 2 pixels."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 8, 2, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff" * 24 for _ in range(2)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


def _spbe() -> str:
    found = shutil.which("spbe", path=str(Path(sys.executable).parent))
    if found is None:
        pytest.fail("the `spbe` script is not installed: run the README's test command (pip install -e '.[test]')")
    return found


def _environment(folder: Path) -> dict[str, str]:
    keep = ("PATH", "SYSTEMROOT", "TMPDIR", "LC_ALL", "CI")
    env = {name: os.environ[name] for name in keep if name in os.environ}
    scripts = str(Path(sys.executable).parent)  # the `spbe` installed beside this Python
    env |= {"PATH": scripts + os.pathsep + env.get("PATH", ""), "HOME": str(folder), "SHELL": "/bin/bash"}
    env |= {"SPBE_LANG": "en", "LANG": "C.UTF-8", "NO_COLOR": "1", "COLUMNS": "100"}
    return env


EXAMPLE_PAGES = [page for page in pages() if examples(page)]


def _typed_into_bash(command: str, folder: Path) -> list[str]:
    """The command as a script for bash, so that bash stays spbe's parent process, as in a terminal.

    `bash -c` would replace itself with a lone command, leaving spbe under whatever started pytest:
    `spbe --install-completion` looks for the shell among its parent processes and would then find a
    `sh` (`make`, a CI runner) or none at all, and fail or succeed with who ran the tests.
    """
    script = folder / "example.sh"
    script.write_text(command + "\n", encoding="utf-8")
    return ["bash", str(script)]


@pytest.mark.parametrize("page", EXAMPLE_PAGES, ids=[p.relative_to(ROOT).as_posix() for p in EXAMPLE_PAGES])
def test_every_example_runs_and_exits_as_the_page_says(page, tmp_path, tmp_path_factory):
    _spbe()
    workspace(tmp_path, page.read_text(encoding="utf-8"))
    env = _environment(tmp_path)  # HOME too: `--install-completion` writes into the home folder
    scripts = tmp_path_factory.mktemp("example")  # outside the folder the examples list and glob
    failed = []
    for command, expected in examples(page):
        result = subprocess.run(
            _typed_into_bash(command, scripts), cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
        )
        if result.returncode != expected:
            failed.append(f"{command}\n  exit {result.returncode}, the page says {expected}: {result.stderr[-600:]}")
    assert not failed, f"{page.relative_to(ROOT)}:\n" + "\n".join(failed)


def test_the_completion_example_finds_bash_and_writes_only_into_the_given_home(tmp_path, tmp_path_factory):
    """Under an `sh` (as `make test` runs pytest), the example still meets the bash it was typed into."""
    _spbe()
    script = " ".join(_typed_into_bash("spbe --install-completion", tmp_path_factory.mktemp("example")))
    env = _environment(tmp_path)
    result = subprocess.run(["sh", "-c", f"{script}; exit $?"], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"bash completion installed in {tmp_path}" in result.stdout
    assert "_spbe_completion" in (tmp_path / ".bash_completions" / "spbe.sh").read_text(encoding="utf-8")


# --- pictures


def test_every_picture_is_shown_and_small():
    """docs/images/ holds what docs/scripts/pictures.py makes: each one on a page, none heavy to load."""
    shown = "\n".join(page.read_text(encoding="utf-8") for page in pages())
    pictures = sorted((DOCS / "images").glob("*.png"))
    assert pictures
    for picture in pictures:
        assert f"images/{picture.name}" in shown, f"{picture.name} is on no page"
        assert picture.stat().st_size < 150_000, f"{picture.name} is over 150 kB"
    made = (DOCS / "scripts" / "pictures.py").read_text(encoding="utf-8")
    for picture in pictures:
        assert f'"{picture.stem}"' in made, f"{picture.name} is not made by docs/scripts/pictures.py"
