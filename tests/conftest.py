"""Fixtures only: data and helper functions live in tests/helpers.py, which test modules import."""

from __future__ import annotations

import io
import os
import tempfile

import pytest

from spbe_cli.cli import main
from spbe_cli.loading.catalog import load_catalog

from .helpers import Result


def pytest_configure(config: pytest.Config) -> None:
    # The checked frameworks file is cached between runs (loading/catalog_cache.py): in a folder of the
    # test run's own, never the user's, so the suite writes, reads and checks entries of its own code.
    os.environ["SPBE_CACHE_DIR"] = tempfile.mkdtemp(prefix="spbe-test-cache-")


def pytest_itemcollected(item: pytest.Item) -> None:
    # Every hypothesis test is a property test: marked here, so that no @given test can miss the marker
    # that `make test-fast` (-m "not property") leaves out.
    if getattr(getattr(item, "obj", None), "is_hypothesis_test", False):
        item.add_marker(pytest.mark.property)


@pytest.fixture(scope="session")
def catalog():
    return load_catalog()


@pytest.fixture
def spbe(capfd, monkeypatch):
    """Run `spbe ARGS...` as a user does: `spbe_cli.cli.main()`, with its usage-error escaping, exit codes
    and one-command building, on the real standard streams. Returns Result(code, out, err).

    `input` is what standard input holds (text or bytes); `env` sets variables for this run only
    (None removes one)."""

    def run(*args: object, input: str | bytes | None = None, env: dict[str, str | None] | None = None) -> Result:
        capfd.readouterr()  # what came before is not this run's output
        with monkeypatch.context() as scoped:
            for name, value in (env or {}).items():
                if value is None:
                    scoped.delenv(name, raising=False)
                else:
                    scoped.setenv(name, value)
            if input is not None:
                data = input.encode("utf-8") if isinstance(input, str) else input
                scoped.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
            code = main([os.fspath(arg) if isinstance(arg, os.PathLike) else str(arg) for arg in args])
        out, err = capfd.readouterr()
        return Result(code, out, err)

    return run


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


@pytest.fixture
def served(tmp_path):
    """Start `spbe serve` in-process on a workspace under tmp_path: served(files, **settings) writes the
    files (name -> text or bytes), and returns a Served whose client has opened the printed address (its
    token traded for the cookie) unless login=False. Clients are closed after the test."""
    from starlette.testclient import TestClient

    from spbe_cli.web.app import create_app

    from .helpers import WEB_ORIGIN, WEB_TOKEN, Served, web_settings

    clients = []

    def start(files=None, *, login=True, folder="ws", **options):
        workspace = tmp_path / folder
        workspace.mkdir(exist_ok=True)
        for name, content in (files or {}).items():
            path = workspace / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        settings, heard = web_settings(workspace, **options)
        client = TestClient(create_app(settings), base_url=WEB_ORIGIN, follow_redirects=False)
        clients.append(client)
        if login:
            assert client.get(f"/?token={WEB_TOKEN}").status_code == 303
        return Served(client, workspace, heard)

    yield start
    for client in clients:
        client.close()
