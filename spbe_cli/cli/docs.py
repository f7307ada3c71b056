"""Where the documentation is: the last line of every help page.

In order, the first that exists:

1. the built site (`make docs` writes `site/` in spbe's source folder), as a file:// address any
   browser opens without a web server;
2. the `Documentation` address of the installed package (pyproject's `[project.urls]`), once the
   project publishes its site;
3. the Markdown pages themselves (`docs/` in the source folder), readable in any editor.

The source folder is the one spbe runs from (a checkout, an editable install) or the folder
`pip install .` was run in, which pip records in the package's `direct_url.json` (PEP 610). An
installed wheel with neither a source folder nor a configured address has no line to show.
Under `--lang id` the address is the Panduan's, the coordinators' guide in Bahasa Indonesia.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlparse

DISTRIBUTION = "spbe"
PAGES = {"en": "index", "id": "panduan/index"}  # the page each language's reader starts from


def address(language: str) -> str | None:
    """The documentation for a reader of `language`, or None when there is none to point to."""
    page = PAGES.get(language, PAGES["en"])
    folders = list(source_folders())
    for folder in folders:
        site = folder / "site" / f"{page}.html"
        if site.is_file():
            return site.resolve().as_uri()
    published = configured_address()
    if published is not None:
        return f"{published.rstrip('/')}/{page}.html"
    for folder in folders:
        markdown = folder / "docs" / f"{page}.md"
        if markdown.is_file():
            return str(markdown.resolve())
    return None


def source_folders() -> Iterator[Path]:
    """spbe's source folder: the one it runs from, then the one it was installed from."""
    running = Path(__file__).resolve().parents[2]
    if (running / "pyproject.toml").is_file():
        yield running
    installed = _installed_from()
    if installed is not None and installed != running:
        yield installed


def configured_address() -> str | None:
    """The `Documentation` address of the installed package's metadata, if the project gives one."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        urls = metadata(DISTRIBUTION).get_all("Project-URL") or []
    except PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = str(entry).partition(",")
        if label.strip().casefold() == "documentation" and url.strip():
            return url.strip()
    return None


def _installed_from() -> Path | None:
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        recorded = distribution(DISTRIBUTION).read_text("direct_url.json")
    except PackageNotFoundError:
        return None
    if not recorded:
        return None
    try:
        url = json.loads(recorded).get("url", "")
    except (ValueError, AttributeError):  # not ours to judge: no folder to point to
        return None
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))
