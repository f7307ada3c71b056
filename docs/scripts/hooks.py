"""MkDocs hooks: CONTRIBUTING.md and CHANGELOG.md, kept at the repository's root where people look for
them, become pages of the site without a second copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"contributing.md": "CONTRIBUTING.md", "changelog.md": "CHANGELOG.md"}


def on_files(files: Files, config: Any) -> Files:
    for page, source in PAGES.items():
        text = (ROOT / source).read_text(encoding="utf-8")
        files.append(File.generated(config, page, content=_site_links(text)))
    return files


def _site_links(text: str) -> str:
    """Links written for the repository's root, as the site has them."""
    return text.replace("](docs/", "](").replace("](README.md)", "](index.md)")
