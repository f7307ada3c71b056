"""Printing an HTML page to PDF (or a PNG) with a headless Chromium-family browser found on the machine.

The HTML page never depends on this: it is written first, complete, and the browser only prints it.
Each run uses a fresh, temporary browser profile and turns off the browser's own background traffic.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

# Program names on PATH, most specific first (Debian names Chromium `chromium`, Ubuntu `chromium-browser`).
BROWSER_NAMES = (
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
    "chrome",
    "microsoft-edge",
    "microsoft-edge-stable",
    "msedge",
)
# Where installers put them when they are not on PATH (macOS and Windows).
BROWSER_PATHS = (
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
    r"C:\Program Files\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
    r"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe",
    r"C:\Program Files\Microsoft\Edge\Application\msedge.exe",
)
HEADLESS_FLAGS = (
    "--headless",
    "--no-sandbox",  # containers and CI run as root, where Chromium's sandbox refuses to start
    "--disable-gpu",
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-extensions",
    "--hide-scrollbars",
    "--mute-audio",
)
TIMEOUT = 120  # seconds: a first start on a cold, loaded machine can take tens of seconds


class BrowserError(Exception):
    """The browser ran but did not produce the file; the message says why."""


def find_browser(environ: Mapping[str, str] | None = None) -> str | None:
    """The first Chromium-family browser on PATH or in its usual install place, or None."""
    environ = os.environ if environ is None else environ
    search = environ.get("PATH", os.defpath)
    for name in BROWSER_NAMES:
        found = shutil.which(name, path=search)
        if found:
            return found
    for candidate in BROWSER_PATHS:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def usable(path: str) -> str | None:
    """The program a --browser value names (a path or a name on PATH), or None."""
    if os.path.isfile(path) and os.access(path, os.X_OK):
        return path
    return shutil.which(path)


def run_headless(browser: str, html: str | bytes, arguments: Sequence[str], output_name: str) -> bytes:
    """Load the page from a temporary file with `arguments` added; return the bytes of `output_name`.

    `output_name` is the file the arguments tell the browser to write, inside the temporary folder
    (the placeholder {dir} in an argument stands for that folder).
    """
    with tempfile.TemporaryDirectory(prefix="spbe-browser-") as folder:
        page = Path(folder) / "page.html"
        page.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
        command = [
            browser,
            *HEADLESS_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            *(argument.replace("{dir}", folder) for argument in arguments),
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=TIMEOUT, stdin=subprocess.DEVNULL, check=False)
        except subprocess.TimeoutExpired:
            raise BrowserError(f"no answer within {TIMEOUT} s") from None
        except OSError as error:
            raise BrowserError(error.strerror or str(error)) from None
        result = Path(folder) / output_name
        if not result.is_file() or result.stat().st_size == 0:
            last = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [
                f"exit status {done.returncode}"
            ]
            raise BrowserError(last[0])
        return result.read_bytes()


def print_pdf(browser: str, html: str | bytes) -> bytes:
    """The page printed to PDF on A4 (the page's own @page rules), without the browser's header and footer."""
    return run_headless(
        browser,
        html,
        ["--print-to-pdf={dir}/page.pdf", "--no-pdf-header-footer", "--generate-pdf-document-outline"],
        "page.pdf",
    )


def screenshot(browser: str, html: str | bytes, width: int = 1000, height: int = 1400) -> bytes:
    """A PNG of the top of the page at the given window size."""
    return run_headless(browser, html, [f"--window-size={width},{height}", "--screenshot={dir}/page.png"], "page.png")
