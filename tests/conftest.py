from __future__ import annotations

import os
from pathlib import Path

import pytest

from spbe_cli.loading.catalog import load_catalog

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CASES = Path(__file__).resolve().parent / "cases"


def pytest_itemcollected(item: pytest.Item) -> None:
    # Every hypothesis test is a property test: marked here, so that no @given test can miss the marker
    # that `make test-fast` (-m "not property") leaves out.
    if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        item.add_marker(pytest.mark.property)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


def levels_yaml(framework: str, levels: dict, institution: str = "Pemerintah Kota Uji", year: int = 2024) -> str:
    """An assessment file's text with the given levels (values written as given)."""
    lines = [f"framework: {framework}", f"institution: {institution}", f"year: {year}", "levels:"]
    lines += [f"  {key}: {value}" for key, value in levels.items()]
    return "\n".join(lines) + "\n"


def uniform(catalog, framework: str, value) -> dict:
    return {indicator.id: value for indicator in catalog.get(framework).indicators}


@pytest.fixture
def write(tmp_path):
    """Write text (or bytes) to a file under tmp_path and return its path as a string."""

    def _write(name: str, content: str | bytes) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return str(path)

    return _write


@pytest.fixture(autouse=True)
def _plain_environment(monkeypatch):
    # Tests read English, uncoloured output whatever the developer's shell says.
    for name in ("SPBE_LANG", "LANG", "NO_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "COLUMNS"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "120")
    yield


def case_files() -> list[Path]:
    """The published cases shipped with the tests, plus shared ones beside the repository if present."""
    found = sorted(CASES.glob("*.expected.yaml"))
    shared = ROOT.parent / "shared" / "reference" / "cases"
    if shared.is_dir():
        known = {p.name for p in found}
        found += sorted(p for p in shared.glob("*.expected.yaml") if p.name not in known)
    return found


os.environ.setdefault("HYPOTHESIS_PROFILE", "default")
