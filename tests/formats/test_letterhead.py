"""`spbe report --kop IMAGE --signed-by "NAME, TITLE"`: a letterhead embedded, never fetched or run, and
signature blocks that hold user text as text."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from spbe_cli.loading.letterhead import MAX_BYTES, read_letterhead
from spbe_cli.problems import InvalidInput

from ..helpers import CASES, HOSTILE, HOSTILE_SVG, png

DENPASAR = str(CASES / "denpasar-2021.yaml")


def embedded(page: str) -> tuple[str, bytes]:
    """The media type and bytes of the page's letterhead data URI."""
    found = re.search(r'<img class="kop" src="data:([a-z/+]+);base64,([A-Za-z0-9+/=]+)"', page)
    assert found, "no letterhead"
    return found.group(1), base64.b64decode(found.group(2))


def test_a_png_letterhead_is_embedded_as_it_is_and_only_when_asked(spbe, write):
    image = png()
    page = spbe("report", DENPASAR, "--kop", write("kop.png", image)).out
    assert embedded(page) == ("image/png", image)
    assert "<img" not in spbe("report", DENPASAR).out
    jpeg = b"\xff\xd8\xff\xe0" + b"\x00" * 32
    assert embedded(spbe("report", DENPASAR, "--kop", write("kop.jpg", jpeg)).out) == ("image/jpeg", jpeg)


def test_a_hostile_svg_keeps_its_drawing_and_loses_what_could_run_or_fetch(spbe, write):
    result = spbe("report", DENPASAR, "--kop", write("kop.svg", HOSTILE_SVG), "--lang", "en")
    assert result.code == 0, result.err
    mime, svg = embedded(result.out)
    kept = svg.decode("utf-8")
    assert mime == "image/svg+xml" and kept.startswith('<svg xmlns="http://www.w3.org/2000/svg"')
    assert "PEMERINTAH KOTA UJI" in kept and "<rect" in kept and 'fill="url(#ok)"' in kept and 'href="#ok"' in kept
    for gone in ("script", "data-pwned", "onload", "onclick", "javascript", "evil.example", "foreignObject",
                 "INJECTED", "@import", "animate", "inkscape", "style="):  # fmt: skip
        assert gone not in kept, gone
    assert "removed from the SVG" in result.err
    for named in ("<script>", "<foreignObject>", "on* event handlers", "external references", "<animate>"):
        assert named in result.err


def test_a_clean_svg_passes_without_a_word(spbe, write):
    clean = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
    result = spbe("report", DENPASAR, "--kop", write("kop.svg", clean))
    assert result.code == 0 and result.err == ""
    assert embedded(result.out) == ("image/svg+xml", clean.replace('"/>', '" />').encode())  # rewritten, whole


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GIF89a not accepted", "not a PNG, JPEG or SVG image"),
        ("<html><body>kop</body></html>", "not a PNG, JPEG or SVG image"),
        ('<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>', "DOCTYPE"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><rect></svg>', "the SVG cannot be read"),
        ("<svg>" + "<g>" * 150 + "</g>" * 150 + "</svg>", "nested more than 100 deep"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * MAX_BYTES, "a letterhead image may be at most 1048576 bytes"),
    ],
)
def test_what_is_not_a_letterhead_is_refused_with_exit_3_and_nothing_written(spbe, write, tmp_path, content, message):
    out = tmp_path / "laporan.html"
    result = spbe("report", DENPASAR, "--kop", write("kop.bin", content), "-o", str(out))
    assert result.code == 3 and message in result.err and "kop.bin" in result.err
    assert not out.exists() and "Traceback" not in result.err


def test_the_letterhead_reader_names_the_file(tmp_path):
    with pytest.raises(InvalidInput) as refused:
        read_letterhead(b"plain text", "kop surat.txt")
    assert str(refused.value).startswith("kop surat.txt: not a PNG")


@pytest.mark.parametrize(
    ("given", "name", "title"),
    [
        ("Ir. Budi Santoso, M.T., Kepala Diskominfo", "Ir. Budi Santoso, M.T.", "Kepala Diskominfo"),
        (
            "I Made Agus, S.Kom., M.Si., Kepala Dinas Komunikasi, Informatika dan Statistik",
            "I Made Agus, S.Kom., M.Si.",
            "Kepala Dinas Komunikasi, Informatika dan Statistik",
        ),
        ("Dr. Siti Aminah, Ph.D, Sekretaris Daerah", "Dr. Siti Aminah, Ph.D", "Sekretaris Daerah"),
        ("Wayan Sudarma, MM, Bupati", "Wayan Sudarma, MM", "Bupati"),
        ("Wayan Sudarma", "Wayan Sudarma", None),
    ],
)
def test_signed_by_keeps_the_degrees_with_the_name(spbe, given, name, title):
    block = re.search(
        r'<section id="pengesahan".*?</section>', spbe("report", DENPASAR, "--signed-by", given).out, re.S
    )
    assert block and f'<div class="name">{name}</div>' in block.group(0)
    assert (f'<div class="role">{title}</div>' in block.group(0)) if title else ('class="role"' not in block.group(0))


def test_signature_blocks_come_in_order_with_the_date_and_only_when_asked(spbe):
    page = spbe(
        "report", DENPASAR, "--signed-by", "A, Kepala Diskominfo", "--signed-by", "B, Sekretaris Daerah",
        "--date", "2025-12-15", "--lang", "id",
    ).out  # fmt: skip
    block = re.search(r'<section id="pengesahan".*?</section>', page, re.S)
    assert block and '<p class="signed-date">15 Desember 2025</p>' in block.group(0)
    assert block.group(0).index("Kepala Diskominfo") < block.group(0).index("Sekretaris Daerah")
    assert page.index('id="pengesahan"') < page.index('id="lampiran"')
    assert 'id="pengesahan"' not in spbe("report", DENPASAR).out


def test_a_hostile_signature_is_text(spbe):
    page = spbe("report", DENPASAR, "--signed-by", f"{HOSTILE}, {HOSTILE}").out
    block = re.search(r'<section id="pengesahan".*?</section>', page, re.S)
    assert block and "<script>" not in block.group(0) and "\u202e" not in block.group(0)
    assert "&lt;script&gt;document.body.setAttribute(&#34;data-pwned&#34;,&#34;1&#34;)&lt;/script&gt;" in block.group(0)
    assert "\\u202eevil" in block.group(0)


def test_a_signature_without_a_name_is_a_usage_error(spbe):
    result = spbe("report", DENPASAR, "--signed-by", " , Kepala Dinas")
    assert result.code == 2 and "--signed-by" in result.err


def test_the_page_never_overwrites_its_letterhead_or_costs_file(spbe, write):
    kop = write("kop.png", png())
    costs = write("biaya.yaml", "default: 1\n")
    for args in (["--kop", kop, "-o", kop], ["--costs", costs, "-o", costs], ["--kop", kop, "--pdf", kop]):
        result = spbe("report", DENPASAR, *args)
        assert result.code == 2, args
    assert Path(kop).read_bytes() == png() and Path(costs).read_text(encoding="utf-8") == "default: 1\n"
