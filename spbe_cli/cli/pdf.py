"""Printing an HTML page to PDF (or a PNG) with a headless Chromium-family browser found on the machine.

The HTML page never depends on this: it is written first, complete, and the browser only prints it.
Each run uses a fresh, temporary browser profile and turns off the browser's own background traffic.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
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
    (the placeholder {dir} in an argument stands for that folder). The folder, the browser's profile
    with it, is removed however the run ends (an interruption, SIGTERM): the browser and every helper
    it started are stopped first.
    """
    folder = tempfile.mkdtemp(prefix="spbe-browser-")
    try:
        page = Path(folder) / "page.html"
        page.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
        command = [
            browser,
            *HEADLESS_FLAGS,
            f"--user-data-dir={Path(folder) / 'profile'}",
            *(argument.replace("{dir}", folder) for argument in arguments),
            page.as_uri(),
        ]
        returncode, errors = _run(command)
        result = Path(folder) / output_name
        if not result.is_file() or result.stat().st_size == 0:
            last = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit status {returncode}"]
            raise BrowserError(last[0])
        return result.read_bytes()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run(command: list[str]) -> tuple[int, bytes]:
    """Run the browser in a process group of its own, and stop the whole group when it is done, times
    out or spbe is interrupted: Chromium's helpers (GPU, renderer, zygote) would otherwise outlive it
    and keep writing into the profile being removed."""
    group = {"start_new_session": True} if os.name == "posix" else {"creationflags": _NEW_GROUP}
    caught: list[int] = []
    with _signals_deferred(caught):  # SIGTERM inside Popen() would leave a browser no one can stop
        try:
            process: subprocess.Popen[bytes] | None = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **group
            )
        except OSError as error:
            process, reason = None, error.strerror or str(error)
    try:
        for number in caught[:1]:
            signal.raise_signal(number)  # delivered now, to the handler spbe runs under
        if process is None:
            raise BrowserError(reason)
        _, errors = process.communicate(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise BrowserError(f"no answer within {TIMEOUT} s") from None
    finally:
        if process is not None:
            _stop_group(process)
    return process.returncode, errors


@contextmanager
def _signals_deferred(caught: list[int]) -> Iterator[None]:
    """Hold back SIGTERM, SIGHUP and Ctrl-C for the body (recorded in `caught`, to deliver after it);
    only the main thread can set handlers, so elsewhere nothing is held back."""
    previous: dict[int, object] = {}
    if threading.current_thread() is threading.main_thread():
        for name in ("SIGTERM", "SIGHUP", "SIGINT"):
            number = getattr(signal, name, None)
            if number is not None:
                previous[number] = signal.signal(number, lambda received, _: caught.append(received))
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)  # type: ignore[arg-type]


_NEW_GROUP = getattr(subprocess, "CREATE_NEW_PROCESS_GROUP", 0)


def _stop_group(process: subprocess.Popen[bytes]) -> None:
    """Kill the browser's process group (its process tree on Windows), then reap the browser."""
    if os.name == "posix":
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass  # the group is gone already
    elif process.poll() is None:
        subprocess.run(["taskkill", "/F", "/T", "/PID", str(process.pid)], capture_output=True, check=False, timeout=30)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
    if process.stderr is not None:
        process.stderr.close()


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
