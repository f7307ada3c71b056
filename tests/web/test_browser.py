"""spbe serve in a real browser: Playwright for Python driving the machine's Chromium (`executable_path`;
Playwright's own browser download is never used). A coordinator's flow, in both languages: open the
printed address, upload an office's workbook through the file input, see the changes, confirm, see the
new index, download the PDF. A screenshot of the page is saved when a step fails."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from spbe_cli.cli.pdf import find_browser

from ..helpers import EXAMPLES, HOSTILE, fill_workbook, office_master

IN_CI = os.environ.get("CI", "").lower() == "true"
TIMEOUT_MS = 90_000  # a first Chromium start on a loaded machine
# What the pages say, per language, at the steps the test checks.
WORDS = {
    "en": {"upload": "Upload a sheet", "check": "Check the sheet", "written": "Written: {count} change(s)"},
    "id": {"upload": "Unggah lembar", "check": "Periksa lembar", "written": "Ditulis: {count} perubahan"},
}


@pytest.fixture(scope="module")
def chromium() -> str:
    found = find_browser()
    if found is None:
        if IN_CI:
            pytest.fail("a Chromium-family browser is missing in CI: .ci/run installs it")
        pytest.skip("no Chromium-family browser here (Debian: apt-get install chromium)")
    return found


@pytest.fixture(scope="module")
def playwright():
    """Playwright for Python (the `test` extra): skipped without it, except in CI, which installs it."""
    try:
        from playwright import sync_api
    except ImportError:
        if IN_CI:
            pytest.fail("Playwright for Python is missing in CI: the `test` extra installs it")
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]')")
    return sync_api


@contextmanager
def serving(folder: Path, *options: str) -> Iterator[str]:
    """`spbe serve FOLDER --port 0 --no-open` running; its printed address; stopped with Ctrl+C."""
    command = [sys.executable, "-m", "spbe_cli", "serve", str(folder), "--port", "0", "--no-open", *options]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        address = process.stdout.readline().strip()
        assert address.startswith("http://127.0.0.1:"), process.stderr.read()
        yield address
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()


@contextmanager
def screenshot_on_failure(page, folder: Path, name: str) -> Iterator[None]:
    try:
        yield
    except BaseException:
        shot = folder / f"{name}-failure.png"
        page.screenshot(path=str(shot), full_page=True)
        print(f"\nscreenshot of the failing page: {shot}")
        raise


@pytest.mark.external
@pytest.mark.parametrize("language", ["en", "id"])
def test_a_coordinator_uploads_an_office_sheet_and_downloads_the_report(chromium, playwright, language, tmp_path, spbe):
    workspace = tmp_path / "ruang-kerja"
    workspace.mkdir()
    master = workspace / "penilaian.yaml"
    master.write_text(office_master(offices=3).replace("    mandiri:\n", "    mandiri: 2\n"), encoding="utf-8")
    pristine = master.read_bytes()
    exported = tmp_path / "opd-01.xlsx"
    assert spbe("export", master, "--pic", "OPD 01", "-o", exported).code == 0
    rows = {indicator: 4 for indicator in re.findall(r"^  (\d+):", master.read_text(encoding="utf-8"), re.M)}
    sheet = tmp_path / "opd-01-terisi.xlsx"
    sheet.write_bytes(fill_workbook(fill_workbook(exported.read_bytes(), rows), {"1": HOSTILE}, column="penjelasan"))
    words = WORDS[language]
    owned = master.read_text(encoding="utf-8").count('pic: "OPD 01"')  # the office's indicators
    with serving(workspace, "--lang", language) as address, playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        context = browser.new_context(accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        complaints: list[str] = []  # a resource refused by the policy, or missing: the console says so
        page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)
        with screenshot_on_failure(page, tmp_path, language):
            page.goto(address)
            assert "token=" not in page.url  # traded for the cookie
            assert page.locator("html").get_attribute("lang") == language
            page.click(f"text={words['upload']}")
            page.set_input_files("#sheet", str(sheet))
            page.fill("#who", "Budi Santoso")
            page.click(f"button:has-text('{words['check']}')")
            changes = page.locator("table.changes tbody tr")
            assert changes.count() == owned + 1  # each of its values, and one note, at its cell
            assert "opd-01-terisi.xlsx:Penilaian!F5" in changes.first.inner_text()
            assert page.evaluate("document.body.getAttribute('data-pwned')") is None  # the cell text is inert
            page.screenshot(path=str(tmp_path / f"{language}-preview.png"), full_page=True)
            page.click("form[action='/upload/confirm'] button")
            page.wait_for_url(re.compile(r"/a/[0-9a-f]{12}\?written="))
            assert words["written"].format(count=owned + 1) in page.inner_text("main")
            scored = spbe("score", master, "-f", "json").out
            index = re.search(r'"index": ([0-9.]+)', scored).group(1)
            shown = index.replace(".", ",") if language == "id" else index
            assert page.inner_text(".headline .figure") == shown  # the new index
            page.screenshot(path=str(tmp_path / f"{language}-written.png"), full_page=True)
            report = page.frame_locator("iframe.report")
            assert report.locator("h1").inner_text(timeout=TIMEOUT_MS)  # the report loads in its frame
            with page.expect_download(timeout=TIMEOUT_MS) as waiting:
                page.click("a[href$='/report.pdf']")
            pdf = Path(waiting.value.path()).read_bytes()
            assert pdf.startswith(b"%PDF-") and len(pdf) > 10_000
            assert complaints == []  # nothing the pages asked for was refused by their policy or missing
        browser.close()
    assert "mandiri: 4" in master.read_text(encoding="utf-8")
    # The session wrote exactly what `spbe import --into` writes from the same sheet, and nothing else.
    copy = tmp_path / "salinan.yaml"
    copy.write_bytes(pristine)
    assert spbe("import", sheet, "--into", copy).code == 0
    assert master.read_bytes() == copy.read_bytes()
    assert sorted(p.name for p in workspace.iterdir()) == [".spbe", "penilaian.yaml"]
    assert sorted(p.name for p in (workspace / ".spbe").iterdir()) == ["log.jsonl", "uploads"]


@pytest.mark.external
@pytest.mark.parametrize("language", ["en", "id"])
def test_every_page_over_the_examples_loads_whole_in_chromium(chromium, playwright, language, tmp_path):
    """The examples as a workspace: the overview, each assessment with its report, a comparison of two
    files and of two stages, a plan and the ranking, each with nothing refused or missing, and with the
    language switch taking the reader to the other language."""
    workspace = tmp_path / "contoh"
    shutil.copytree(EXAMPLES, workspace)
    names = sorted(p.name for p in workspace.glob("*.yaml"))
    with serving(workspace, "--lang", language) as address, playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        complaints: list[str] = []
        page.on("console", lambda message: complaints.append(message.text) if message.type == "error" else None)
        with screenshot_on_failure(page, tmp_path, f"tour-{language}"):
            page.goto(address)
            links = page.locator("table a[href^='/a/']")
            assert sorted(set(links.all_inner_texts())) == names  # every example, by its file name
            for href in sorted({links.nth(i).get_attribute("href") for i in range(links.count())}):
                page.goto(address.split("?")[0] + href.lstrip("/"))
                assert page.locator(".headline .figure").inner_text()  # its index
                assert page.frame_locator("iframe.report").locator("h1").inner_text()  # its report
            page.click("nav a[href='/compare']")
            page.select_option("#new", index=1)
            page.click("form:has(input[value='files']) button")
            assert page.locator("main table").count() >= 1  # the diff's tables
            page.goto(address.split("?")[0] + "compare")
            page.click("form:has(input[value='stages']) button")
            assert page.locator("main h1").count() >= 1
            page.click("nav a[href='/plan']")
            page.fill("#target", "3.5" if language == "en" else "3,5")
            page.click("form[action='/plan'] button")
            assert page.locator("main table").count() >= 1  # the plan's steps
            page.click("nav a[href='/rank']")
            assert page.frame_locator("iframe").locator("table tbody tr").first.inner_text()  # the ranking page
            other = "id" if language == "en" else "en"
            page.click(f"a[href^='/lang/{other}']")
            assert page.locator("html").get_attribute("lang") == other
            assert "/rank" in page.url  # the switch keeps the reader on the page
            page.screenshot(path=str(tmp_path / f"tour-{language}-rank.png"), full_page=True)
            assert complaints == []
        browser.close()
    assert sorted(p.name for p in workspace.iterdir()) == names  # reading added nothing
