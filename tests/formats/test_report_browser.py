"""The report in a real headless browser: the PDF's text and pages, a screenshot, no network, inert user text.

These tests need a Chromium-family browser and poppler-utils (pdftotext, pdfinfo). `.ci/run` installs
them; where neither can be installed (a laptop) the tests skip with a reason, but never when CI=true.
"""

from __future__ import annotations

import json
import re
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pytest

from spbe_cli.cli import main
from spbe_cli.cli.pdf import HEADLESS_FLAGS, find_browser, print_pdf, screenshot

from ..helpers import CASES, EXAMPLES, HOSTILE, HOSTILE_SVG, levels_yaml, png, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")
IN_CI = __import__("os").environ.get("CI", "").lower() == "true"


def need(found: str | None, what: str) -> str:
    if found is None:
        if IN_CI:
            pytest.fail(f"{what} is missing in CI: .ci/run installs it")
        pytest.skip(f"{what} is not installed here (Debian: apt-get install chromium poppler-utils)")
    return found


@pytest.fixture(scope="module")
def browser() -> str:
    return need(find_browser(), "a Chromium-family browser")


@pytest.fixture(scope="module")
def poppler() -> None:
    need(shutil.which("pdftotext") and shutil.which("pdfinfo"), "poppler-utils (pdftotext, pdfinfo)")


@pytest.fixture(scope="module")
def denpasar_pdf(browser, poppler, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pdf")
    # once for the module's tests, so main() directly: the `spbe` fixture is per test
    code = main(
        ["report", DENPASAR, "--lang", "id", "-o", str(folder / "laporan.html"), "--pdf", str(folder / "laporan.pdf")]
    )
    assert code == 0
    return folder / "laporan.pdf"


def pdf_text(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


@pytest.mark.external
def test_the_pdf_says_what_the_page_says(denpasar_pdf, catalog):
    text = " ".join(pdf_text(denpasar_pdf).split())
    assert "Laporan Hasil Evaluasi Indeks SPBE" in text
    assert "Pemerintah Kota Denpasar" in text and "3,19" in text and "Baik" in text
    for aspect in catalog.get("spbe-2020").aspects:
        assert aspect.name in text
    assert "3.19" not in text


@pytest.mark.external
def test_the_pdf_pages_break_where_the_layout_says(denpasar_pdf):
    # The summary for leadership and the identity on page 1; the values from page 2; the position, the
    # radar, the findings, the recommendations, the indicator table and the appendix flow after them.
    # This 47-indicator report took 8 pages before the summary page and the denser table (7 before the
    # position among the published averages was added); it takes 6.
    pages = pdf_pages(denpasar_pdf)
    assert pages == 6
    first_lines = [pdf_text(denpasar_pdf, n).strip().splitlines()[0] for n in range(1, pages + 1)]
    assert first_lines[:2] == ["Laporan Hasil Evaluasi Indeks SPBE", "2. Nilai Indeks SPBE, Domain, dan Aspek"]
    first = pdf_text(denpasar_pdf, 1)
    assert "Ringkasan untuk Pimpinan" in first and "1. Identitas" in first
    assert "Lampiran: Metode dan Berkas Masukan" in pdf_text(denpasar_pdf, pages)
    assert re.search(r"\b1\s*/\s*6\b", first)  # the page number from the print stylesheet


@pytest.mark.external
def test_a_report_with_every_stage_notes_and_offices_prints_on_9_pages(browser, poppler, tmp_path):
    # The kabupaten example: five stage columns, notes, assessors' notes and recommendations on 47
    # indicators. 15 pages before the short stage headers and the notes' own line; 9 now.
    pdf = tmp_path / "kab.pdf"
    source = str(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml")
    assert main(["report", source, "--lang", "id", "-o", str(tmp_path / "kab.html"), "--pdf", str(pdf)]) == 0
    assert pdf_pages(pdf) == 9


@pytest.mark.external
def test_page_one_of_the_two_stage_report_briefs_leadership(browser, poppler, tmp_path):
    pdf = tmp_path / "denpasar.pdf"
    source = str(CASES / "denpasar-2021-tahapan-opd.yaml")
    assert main(["report", source, "--lang", "id", "-o", str(tmp_path / "d.html"), "--pdf", str(pdf)]) == 0
    first = " ".join(pdf_text(pdf, 1).split())  # page 1 only, wrapped lines joined
    assert "Ringkasan untuk Pimpinan" in first and "3,19" in first and "Baik" in first and "Hasil akhir" in first
    assert "Penilaian mandiri 3,75 (Sangat Baik) dibandingkan Hasil akhir 3,19 (Baik): -0,56" in first
    assert "kurang 0,31 (Sangat Baik mulai dari 3,50)" in first
    steps = re.findall(
        r"(\d+)\. Layanan [^+]*?\d \d \+0,0\d{3} (Diskominfo|Bagian Hukum|Bagian Organisasi|DPMPTSP)", first
    )
    assert len(steps) >= 3, first


def png_pixels(data: bytes) -> tuple[int, int, int, bytes]:
    """(width, height, channels, raw pixel bytes) of an 8-bit RGB or RGBA PNG, unfiltered."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind, body = data[position + 4 : position + 8], data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        position += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6)
    channels = 3 if colour == 2 else 4
    raw, stride, out = zlib.decompress(idat), width * channels, bytearray()
    previous = bytearray(stride)
    for row in range(height):
        kind, line = raw[row * (stride + 1)], bytearray(raw[row * (stride + 1) + 1 : (row + 1) * (stride + 1)])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up, corner = previous[i], previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 255
            elif kind == 2:
                line[i] = (line[i] + up) & 255
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - corner
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else corner)) & 255
        out += line
        previous = line
    return width, height, channels, bytes(out)


@pytest.mark.external
def test_the_screenshot_is_not_blank(spbe, browser):
    html = spbe("report", DENPASAR, "--lang", "id").out
    width, height, channels, pixels = png_pixels(screenshot(browser, html, 800, 1000))
    assert (width, height) == (800, 1000)
    dark = sum(1 for i in range(0, len(pixels), channels * 7) if pixels[i] < 128)  # every 7th pixel
    coloured = {pixels[i : i + 3] for i in range(0, len(pixels), channels * 97)}
    assert dark > 500 and len(coloured) > 10  # text, and the blue heading and the predikat pill


def load_offline(browser: str, html: str) -> list[str]:
    """Load the page with the network blocked; the URLs the page itself asked for (from the browser's net log).

    Every request goes to a proxy on a closed local port and host names resolve to nothing, so nothing
    leaves the machine. The browser's own service traffic (time, updates) has no page as initiator and
    is not the page's doing; requests made for the file:// page have the page's ("null") initiator.
    """
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(html, encoding="utf-8")
        log = Path(folder) / "net.json"
        subprocess.run(
            [
                browser, *HEADLESS_FLAGS, f"--user-data-dir={folder}/profile",
                "--proxy-server=http://127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                f"--log-net-log={log}", "--virtual-time-budget=3000", "--dump-dom", page.as_uri(),
            ],
            capture_output=True, timeout=120, check=False,
        )  # fmt: skip
        data = json.loads(log.read_text(encoding="utf-8"))
    names = {number: name for name, number in data["constants"]["logEventTypes"].items()}
    started = [
        event["params"]
        for event in data["events"]
        if names.get(event["type"]) == "URL_REQUEST_START_JOB" and "url" in event.get("params", {})
    ]
    return [p["url"] for p in started if p.get("initiator") != "not an origin" and not p["url"].startswith("file:")]


@pytest.mark.external
def test_nothing_is_fetched(spbe, browser):
    html = spbe("report", DENPASAR, "--previous", DENPASAR, "--lang", "id").out
    assert load_offline(browser, html) == []
    # The check can fail: a page that fetches an image is caught.
    fetching = html.replace("<style>", "<style>@import url(https://fonts.example.com/a.css);", 1)
    fetching = fetching.replace("</body>", '<img src="http://example.com/logo.png" alt=""></body>')
    assert load_offline(browser, fetching) == ["https://fonts.example.com/a.css", "http://example.com/logo.png"]


@pytest.mark.external
def test_hostile_text_is_inert_in_the_browser(spbe, browser, poppler, write, catalog, tmp_path):
    levels = uniform(catalog, "spbe-2020", 3)
    text = levels_yaml("spbe-2020", levels, institution=json.dumps(HOSTILE))
    text = text.replace("  1: 3\n", f"  1: {{level: 3, note: {json.dumps(HOSTILE)}}}\n")
    html = spbe("report", write("hostile.yaml", text)).out
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(html, encoding="utf-8")
        dom = subprocess.run(
            [browser, *HEADLESS_FLAGS, f"--user-data-dir={folder}/profile", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        ).stdout  # fmt: skip
    assert "<h1>" in dom and "</html>" in dom
    assert 'data-pwned="1"' not in dom and "<script" not in dom
    assert "&lt;script&gt;" in dom and "{{ 7*7 }}" in dom
    pdf = tmp_path / "hostile.pdf"
    pdf.write_bytes(print_pdf(browser, html))
    shown = " ".join(pdf_text(pdf).split())  # wrapped lines joined
    assert '<script>document.body.setAttribute("data-pwned","1")</script></style>{{ 7*7 }}' in shown
    assert "\\u202eevil" in shown
    assert "\u202e" not in shown


def dump_dom(browser: str, html: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(html, encoding="utf-8")
        return subprocess.run(
            [browser, *HEADLESS_FLAGS, f"--user-data-dir={folder}/profile", "--virtual-time-budget=2000",
             "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=120, check=False,
        ).stdout  # fmt: skip


@pytest.mark.external
def test_a_hostile_letterhead_and_signature_are_inert_in_the_browser(spbe, browser, poppler, write, tmp_path):
    kop = write("kop.svg", HOSTILE_SVG)
    html = spbe("report", DENPASAR, "--kop", kop, "--signed-by", f"{HOSTILE}, {HOSTILE}").out
    assert load_offline(browser, html) == []  # nothing fetched, not even by the letterhead
    dom = dump_dom(browser, html)
    assert "</html>" in dom and 'data-pwned="1"' not in dom and "<script" not in dom
    pdf = tmp_path / "kop.pdf"
    pdf.write_bytes(print_pdf(browser, html))
    shown = " ".join(pdf_text(pdf).split())
    # shown as text (a narrow signature block wraps it, so only unbroken pieces are looked for)
    assert "<script>document.body.setAttribute" in shown and "</script></style>{{ 7*7 }}" in shown
    assert "INJECTED-HTML" not in shown and "\u202e" not in shown


@pytest.mark.external
def test_the_letterhead_is_drawn_at_the_top_of_page_one(spbe, browser, write):
    kop = write("kop.png", png(600, 60, (200, 30, 160)))
    html = spbe("report", DENPASAR, "--kop", kop, "--lang", "id").out
    width, height, channels, pixels = png_pixels(screenshot(browser, html, 800, 1000))
    stride = width * channels

    def magenta(row: int) -> int:
        line = pixels[row * stride : (row + 1) * stride]
        return sum(1 for i in range(0, len(line), channels) if line[i : i + 3] == bytes((200, 30, 160)))

    rows = [row for row in range(height) if magenta(row) > 100]
    assert rows and rows[0] < 150  # the letterhead, above the title
    without = png_pixels(screenshot(browser, spbe("report", DENPASAR, "--lang", "id").out, 800, 1000))[3]
    assert bytes((200, 30, 160)) not in {without[i : i + 3] for i in range(0, len(without), channels * 13)}


def test_ci_never_skips_the_browser_tests(monkeypatch):
    import tests.formats.test_report_browser as this

    monkeypatch.setattr(this, "IN_CI", True)
    with pytest.raises(pytest.fail.Exception, match="missing in CI"):
        need(None, "a Chromium-family browser")
    monkeypatch.setattr(this, "IN_CI", False)
    with pytest.raises(pytest.skip.Exception, match="not installed here"):
        need(None, "a Chromium-family browser")
