"""The README's quick start is what CI runs, and its integration snippets work without a published address."""

from __future__ import annotations

import re

from ..helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
CI = (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def quick_start() -> str:
    return README[README.index("## Quick start") : README.index("\n## ", README.index("## Quick start") + 1)]


def shell_blocks(text: str, language: str = "sh") -> list[str]:
    return [block.strip() for block in re.findall(rf"```{language}\n(.*?)```", text, re.S)]


def test_ci_runs_the_quick_start_commands_exactly():
    blocks = shell_blocks(quick_start())
    venv, install, tests = blocks[0], blocks[1], blocks[2]
    ci_lines = CI.splitlines()
    for command in (venv, install, tests):
        assert command in ci_lines, f"{command!r} is in the README but not in .ci/run"
    assert ci_lines.index(venv) < ci_lines.index(install) < ci_lines.index(tests)


def test_quick_start_works_on_an_externally_managed_python():
    section = quick_start()
    assert "python3 -m venv .venv && . .venv/bin/activate" in section  # no bare system-wide pip install
    assert "pipx install ." in section
    powershell = shell_blocks(section, "powershell")
    assert powershell and "py -m venv .venv" in powershell[0] and "Activate.ps1" in powershell[0]
    assert "examples\\kota-denpasar-2021.yaml" in powershell[0]


def test_integration_snippets_need_no_published_address():
    assert "OWNER/" not in README
    assert "repo: local" in README  # the pre-commit hook, usable from any checkout
    assert "pip install ./tools/spbe" in README[README.index("### GitHub Actions") :]
