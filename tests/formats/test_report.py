"""`spbe report` and `spbe rank -f html`: what the page says, in both languages, safely, byte for byte."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest

from spbe_cli.core.reporting import build_report, default_target_index
from spbe_cli.core.scoring import score
from spbe_cli.loading.loader import load_file

from ..helpers import CASES, EXAMPLES, HOSTILE, ROOT, assert_golden, levels_yaml, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")
PROVINCE_2023 = str(EXAMPLES / "spbe-2020-provinsi-2023-ilustrasi.yaml")
PROVINCE_2024 = str(EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml")


def page(spbe, *args: str) -> str:
    result = spbe("report", *args)
    assert result.code == 0, result.err
    return result.out


def section(html: str, name: str) -> str:
    match = re.search(rf'<section id="{name}".*?</section>', html, re.S)
    assert match, name
    return match.group(0)


# --- the composition (core) -----------------------------------------------------------------------


def test_the_report_composes_score_plan_and_findings(catalog):
    assessment = load_file(DENPASAR, catalog)
    framework = catalog.get("spbe-2020")
    report = build_report(assessment, framework)
    assert report.result == score(assessment, framework)  # the same result, not a second scoring path
    assert report.result.shown == Decimal("3.19") and report.result.predikat == "Baik"
    assert report.target_index == Decimal("2.60")
    first = report.findings[0]
    assert [i.id for i in first.strengths] == ["1", "3"]  # levels 4-5, highest first
    assert [i.id for i in first.weaknesses] == ["2"]
    fifth = report.findings[4]
    assert [(i.id, i.value) for i in fifth.weaknesses][:2] == [("21", 2), ("22", 2)]
    assert fifth.strengths == ()
    assert report.next_predikat == "Sangat Baik"
    assert report.plan is not None and report.plan.reached.shown >= Decimal("3.50")
    assert len(report.rows) == 47
    row2 = report.rows[1]
    assert (row2.target, row2.gap) == (3, Fraction(2))
    assert report.change is None and report.previous == ()


def test_weaknesses_are_listed_lowest_first(catalog):
    levels = uniform(catalog, "spbe-2020", 3) | {"1": 2, "2": 1, "3": 5, "4": 4}
    from spbe_cli.loading.loader import parse_assessment

    assessment = parse_assessment(levels_yaml("spbe-2020", levels).encode(), "x.yaml", catalog)
    findings = build_report(assessment, catalog.get("spbe-2020")).findings[0]
    assert [i.id for i in findings.weaknesses] == ["2", "1"]
    assert [i.id for i in findings.strengths] == ["3", "4"]


def test_the_target_ring_is_the_lower_edge_of_baik(catalog):
    assert default_target_index(catalog.get("spbe-2020")) == Decimal("2.60")
    assert default_target_index(catalog.get("spbe-2018")) == Decimal("2.60")
    assert default_target_index(catalog.get("pemdi-2026")) == Decimal("2.50")


def test_the_file_own_target_and_the_previous_year_feed_the_rows(catalog):
    framework = catalog.get("spbe-2020")
    old = score(load_file(PROVINCE_2023, catalog), framework)
    report = build_report(load_file(PROVINCE_2024, catalog), framework, [old])
    row = next(r for r in report.rows if r.score.id == "11")
    assert row.target == 4 and row.gap == 1 and row.offices == ("Bappeda",) and row.evidence == 1
    assert row.previous == old.indicators[10].value
    assert report.change is not None and report.change.delta == report.result.shown - old.shown


def test_the_top_band_has_no_plan(catalog):
    from spbe_cli.loading.loader import parse_assessment

    top = parse_assessment(levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 5)).encode(), "x", catalog)
    report = build_report(top, catalog.get("spbe-2020"))
    assert report.plan is None and report.next_predikat is None


# --- the page -------------------------------------------------------------------------------------


def test_indonesian_page_has_the_official_shape_with_decimal_commas(spbe):
    html = page(spbe, DENPASAR, "--lang", "id")
    assert html.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert "Laporan Hasil Evaluasi Indeks SPBE" in html
    assert "Pemerintah Kota Denpasar" in html
    assert '<div class="figure">3,19</div>' in html and ">Baik</span>" in html
    order = [
        "Ringkasan untuk Pimpinan",
        "1. Identitas",
        "2. Nilai Indeks SPBE, Domain, dan Aspek",
        "3. Posisi terhadap rata-rata nasional dan kategori",
        "4. Grafik Radar Aspek",
        "5. Kekuatan dan Kelemahan per Aspek",
        "6. Rekomendasi",
        "7. Perolehan Nilai Tingkat Kematangan Indikator",
        "Lampiran: Metode dan Berkas Masukan",
    ]
    positions = [html.index(heading) for heading in order]
    assert positions == sorted(positions)
    values = section(html, "nilai")
    for figure in ("3,00", "3,30", "2,18", "3,55", "2,13"):  # domains, and aspect 5's half-up 2.125
        assert figure in values
    assert "3.19" not in values
    assert "Simulasi yang dihitung dari berkas penilaian instansi sendiri" in html
    assert "Langkah termurah menuju Sangat Baik" in html


def test_only_the_overall_index_is_rated_domains_and_aspects_get_a_coloured_bar(spbe):
    values = section(page(spbe, DENPASAR, "--lang", "id"), "nilai")
    rows = re.findall(r"<tr[^>]*>.*?</tr>", values.split("<tbody>", 1)[1], re.S)
    total, groups = rows[0], rows[1:]
    assert "Baik" in total
    assert len(groups) == 4 + 8
    for row in groups:  # no one briefs "our Manajemen is Cukup": a colour, never a predikat word
        assert not re.search(r">(Kurang|Cukup|Baik|Sangat Baik|Memuaskan)<", row), row
        assert 'class="bar" style="width: ' in row


def test_the_indicator_table_has_47_rows_with_target_and_gap(spbe):
    table = section(page(spbe, DENPASAR, "--lang", "id"), "indikator")
    rows = re.findall(r'<tr(?: class="short")?><td class="n">(\d+)</td>', table)
    assert rows == [str(n) for n in range(1, 48)]
    assert table.count('<tr class="group">') == 8  # one heading row per aspect
    assert table.count('<tr class="short">') == 14  # the indicators below the minimum 3
    assert "Target" in table and "Selisih" in table and "OPD" in table and "Bukti dukung" in table
    assert "target minimal 3 sesuai laporan resmi" in table  # SPBE's official minimum


def test_every_chart_is_an_image_with_a_title_a_description_and_a_table(spbe):
    html = page(spbe, PROVINCE_2024, "--previous", PROVINCE_2023, "--lang", "en")
    charts = re.findall(r"<svg[^>]*>", html)
    assert len(charts) == 3  # the published provinces' distribution, radar and trend
    for tag in charts:
        assert 'role="img"' in tag and "aria-labelledby" in tag
    assert html.count("<title id=") == 3 and html.count("<desc id=") == 3
    assert html.count("Chart data") == 2  # the distribution's figures are the position table beside it
    radar = section(html, "radar")  # this year only: earlier years are on the trend page
    assert '<th class="n">2024</th>' in radar and "2023" not in radar
    assert '<th class="n">2023</th><th class="n">2024</th>' in section(html, "tren")  # both years, as a table too


def test_english_page_uses_decimal_points(spbe):
    html = page(spbe, DENPASAR, "--lang", "en")
    assert '<html lang="en">' in html and "Index SPBE Evaluation Report" not in html
    assert "Indeks SPBE Evaluation Report" in html
    assert '<div class="figure">3.19</div>' in html
    assert "Strengths and weaknesses per aspect" in html and ">3,19<" not in html


def test_the_page_is_self_contained(spbe):
    html = page(spbe, PROVINCE_2024, "--previous", PROVINCE_2023)
    assert "<script" not in html and "<link" not in html and "<img" not in html and "<iframe" not in html
    assert "@import" not in html and "url(" not in html and " src=" not in html
    assert re.findall(r"https?://[^\s\"'<]+", html) == ["http://www.w3.org/2000/svg"] * 3  # the SVG namespace name


def test_the_same_inputs_give_the_same_bytes_and_the_golden_file(spbe, tmp_path):
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    for target in (first, second):
        assert spbe("report", DENPASAR, "--lang", "id", "--date", "2026-11-30", "-o", str(target)).code == 0
    assert first.read_bytes() == second.read_bytes()
    assert_golden("report-denpasar-2021.id.html", first.read_bytes())


def test_no_date_unless_given(spbe):
    assert "Tanggal" not in page(spbe, DENPASAR, "--lang", "id")
    assert "<td>30 November 2026</td>" in page(spbe, DENPASAR, "--lang", "id", "--date", "2026-11-30")
    assert "<td>15 Desember 2025</td>" in page(spbe, DENPASAR, "--lang", "id", "--date", "2025-12-15")
    assert "<td>15 December 2025</td>" in page(spbe, DENPASAR, "--lang", "en", "--date", "2025-12-15")


def test_the_appendix_names_the_input_and_its_sha256(spbe):
    import hashlib

    appendix = section(page(spbe, DENPASAR, "--previous", DENPASAR), "lampiran")
    digest = hashlib.sha256(Path(DENPASAR).read_bytes()).hexdigest()
    assert appendix.count(f"<code>{digest}</code>") == 2 and "denpasar-2021.yaml" in appendix
    assert "half-up" in appendix and "2.125 becomes 2.13" in appendix
    assert "spbe 0." in appendix and "Baik from 2.60 to below 3.50" in appendix


def test_previous_years_add_the_trend_the_drivers_and_a_year_column(spbe):
    html = page(spbe, PROVINCE_2024, "--previous", PROVINCE_2023, "--lang", "id")
    trend = section(html, "tren")
    assert "8. Perkembangan Indeks SPBE" in trend
    assert "Penggerak perubahan 2023 ke 2024" in trend
    assert "Indeks: 2,40 (Cukup) -&gt; 2,63 (Baik), perubahan +0,23" in trend
    table = section(html, "indikator")
    assert '<th class="n">2024</th><th class="n">2023</th>' in table
    assert "7. Perkembangan" not in page(spbe, PROVINCE_2024)


def test_the_target_ring_can_be_moved(spbe):
    assert "Target 2,60" in page(spbe, DENPASAR, "--lang", "id")
    assert "Target 3,00" in page(spbe, DENPASAR, "--lang", "id", "--target", "3,00")


def test_pemdi_report_has_aspects_only(spbe, catalog):
    html = page(spbe, str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), "--lang", "id")
    assert "Nilai Indeks Pemdi dan Aspek" in html and "Target 2,50" in html
    assert section(html, "nilai").count("<tr>") == 1 + 7  # the header row and the 7 aspects


def test_hostile_institution_and_note_are_shown_not_run(spbe, write, catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    text = levels_yaml("spbe-2020", levels, institution=json.dumps(HOSTILE))
    text = text.replace("  1: 3\n", f"  1: {{level: 3, note: {json.dumps(HOSTILE)}, pic: {json.dumps(HOSTILE)}}}\n")
    html = page(spbe, write("hostile.yaml", text))
    assert "<script>" not in html and "</style>{{" not in html
    assert "&lt;script&gt;document.body.setAttribute(&#34;data-pwned&#34;,&#34;1&#34;)&lt;/script&gt;" in html
    assert "&lt;/style&gt;{{ 7*7 }}\\u202eevil" in html  # literal: neither evaluated nor reordered
    assert "\u202e" not in html
    assert html.count("&lt;/style&gt;") == 5  # <title>, subtitle, identity row, and the note and office of indicator 1


# --- the command ----------------------------------------------------------------------------------


def test_the_page_is_a_generated_output_that_replaces_its_file_but_never_an_input(spbe, tmp_path):
    target = tmp_path / "laporan.html"
    target.write_text("old", encoding="utf-8")
    assert spbe("report", DENPASAR, "-o", str(target)).code == 0
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    copy = tmp_path / "copy.yaml"
    copy.write_bytes(Path(DENPASAR).read_bytes())
    refused = spbe("report", str(copy), "-o", str(copy))
    assert refused.code == 2 and copy.read_bytes() == Path(DENPASAR).read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--date", "30/11/2026"], "is not a date"),
        (["--target", "9"], "--target"),
        (["--target", "abc"], "abc"),
        (["--pdf", "x.pdf", "--browser", "/no/such/browser"], "--browser /no/such/browser: no such program"),
    ],
)
def test_bad_options_exit_2(spbe, args, message):
    result = spbe("report", DENPASAR, *args)
    assert result.code == 2 and message in result.err
    assert "Traceback" not in result.out + result.err


def test_no_browser_exits_2_saying_what_to_install(spbe, tmp_path, monkeypatch):
    import spbe_cli.cli.pdf

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(spbe_cli.cli.pdf, "BROWSER_PATHS", ())
    english = spbe("report", DENPASAR, "--pdf", str(tmp_path / "l.pdf"), "-o", str(tmp_path / "l.html"))
    assert english.code == 2
    assert "no Chromium-family browser found" in english.err and "apt-get install chromium" in english.err
    indonesian = spbe("report", DENPASAR, "--pdf", str(tmp_path / "l.pdf"), "--lang", "id")
    assert indonesian.code == 2 and "pasang Chromium" in indonesian.err
    assert not (tmp_path / "l.pdf").exists() and not (tmp_path / "l.html").exists()


def test_invalid_input_exits_3(spbe, write):
    bad = write("bad.yaml", "framework: spbe-2020\ninstitution: X\nyear: 2024\nlevels: {1: 9}\n")
    for args in ([bad], [DENPASAR, "--previous", bad]):
        result = spbe("report", *args)
        assert result.code == 3 and "bad.yaml" in result.err


def test_the_cli_import_stays_free_of_jinja2():
    code = (
        "import sys, io, contextlib\n"
        "import spbe_cli.cli\n"
        "from spbe_cli.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['score', {DENPASAR!r}, '-f', 'json'])\n"
        "before = 'jinja2' in sys.modules\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['report', {DENPASAR!r}])\n"
        "print(before, 'jinja2' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.split() == ["False", "True"]  # the test can tell: report does import it


# --- rank -f html ---------------------------------------------------------------------------------


def ten_institutions(write, catalog) -> str:
    folder = ""
    for n in range(10):
        levels = uniform(catalog, "spbe-2020", 1 + n % 5) | {"1": 1 + (n * 3) % 5}
        folder = os.path.dirname(write(f"prov/{n:02d}.yaml", levels_yaml("spbe-2020", levels, f"Kabupaten {n}")))
    return folder


def test_rank_html_for_ten_institutions(spbe, write, catalog):
    folder = ten_institutions(write, catalog)
    result = spbe("rank", folder, "-f", "html", "--lang", "id")
    assert result.code == 0, result.err
    html = result.out
    assert html.startswith("<!DOCTYPE html>") and "Peringkat 10 instansi" in html
    table = re.search(r'<table class="ranking">.*?</table>', html, re.S)
    assert table and table.group(0).count("<tr>") == 11  # header and ten institutions
    bars = re.search(r'<svg class="chart bars".*?</svg>', html, re.S)
    assert bars and 'role="img"' in bars.group(0) and bars.group(0).count("<rect") == 10 + 5  # bars and bands
    assert "Jumlah instansi per predikat" in html
    assert "Keterangan kolom:</strong> D1 = Kebijakan Internal SPBE" in html
    assert re.search(r"<strong>\d,\d\d</strong>", html)  # decimal commas
    assert spbe("rank", folder, "-f", "html", "--lang", "en").out.count("Institutions per predikat") == 1


def test_rank_html_escapes_names(spbe, write, catalog):
    write("r/a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), institution=json.dumps(HOSTILE)))
    html = spbe(
        "rank",
        os.path.dirname(write("r/b.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 2)))),
        "-f",
        "html",
    ).out
    assert "<script>" not in html and "&lt;script&gt;" in html and "\u202e" not in html


# --- stages ---------------------------------------------------------------------------------------


@pytest.fixture
def two_stage_denpasar() -> str:
    """Kota Denpasar 2021 with the self-assessment and the final levels the city published."""
    return str(EXAMPLES / "kota-denpasar-2021-tahapan.yaml")


def test_self_assessment_and_final_share_one_radar(spbe, two_stage_denpasar, catalog):
    assessment = load_file(two_stage_denpasar, catalog)
    report = build_report(assessment.at(), catalog.get("spbe-2020"))
    assert report.stage == "akhir" and report.stages == ("mandiri", "akhir") and report.official
    assert report.self_assessment is not None and report.self_assessment.shown == Decimal("3.75")
    assert report.result.shown == Decimal("3.19")
    html = page(spbe, two_stage_denpasar, "--lang", "id")
    radar = section(html, "radar")
    assert "Penilaian mandiri 2021" in radar and "Hasil akhir 2021" in radar
    assert radar.count("<polygon") == 5 + 1 + 2  # grid rings 1-5, the target ring, the two stages
    assert '<th class="n">Penilaian mandiri 2021</th><th class="n">Hasil akhir 2021</th>' in radar
    assert "Penilaian mandiri 3,75 (Sangat Baik) dibandingkan Hasil akhir 3,19 (Baik): -0,56" in html
    assert "Simulasi" not in html  # the final result is shown as such
    table = section(html, "indikator")
    assert '<th class="n">M</th><th class="n">A</th>' in table  # short stage headers, with their key
    assert "Kolom nilai: M = Penilaian mandiri, A = Hasil akhir." in table
    assert '<td class="n">2</td><td class="n"><strong>4</strong></td>' in table  # indicator 1: 2 then 4
    assert_golden("report-denpasar-2021-tahapan.id.html", html)


def test_an_earlier_stage_is_a_simulation_without_the_comparison(spbe, two_stage_denpasar):
    html = page(spbe, two_stage_denpasar, "--stage", "mandiri", "--lang", "en")
    assert '<div class="figure">3.75</div>' in html and "Simulation computed" in html
    assert "<td>Self-assessment</td>" in html and "Self-assessment 3.75 (Sangat Baik) against" not in html
    assert section(html, "radar").count("<polygon") == 5 + 1 + 1


def test_a_stage_without_values_is_refused(spbe, two_stage_denpasar):
    result = spbe("report", two_stage_denpasar, "--stage", "dokumen")
    assert result.code == 0  # dokumen reads the latest recorded stage up to it: mandiri
    bad = spbe("report", two_stage_denpasar, "--stage", "final")
    assert bad.code == 2 and "mandiri" in bad.err


def test_a_next_predikat_out_of_own_reach_is_said_not_planned(catalog, monkeypatch):
    # With the indicators other agencies' indices set locked, a plan may not exist; the page says so.
    import spbe_cli.core.reporting as reporting
    from spbe_cli.core.planning import Unreachable

    assessment = load_file(DENPASAR, catalog).at()
    best = score(assessment, catalog.get("spbe-2020"))

    def unreachable(*args, **kwargs):
        raise Unreachable(best)

    monkeypatch.setattr(reporting, "plan", unreachable)
    report = build_report(assessment, catalog.get("spbe-2020"))
    assert report.plan is None and report.outcome.out_of_reach is best and report.next_predikat == "Sangat Baik"
    assert report.outcome.capped is None
    from spbe_cli.formats import RenderOptions
    from spbe_cli.formats.html import PageInfo
    from spbe_cli.formats.html import report as render
    from spbe_cli.i18n import Messages

    html = render(report, RenderOptions(messages=Messages("id")), PageInfo("0"))
    assert "Sangat Baik tidak terjangkau oleh indikator instansi sendiri" in html and "3,19 (Baik)" in html


def test_recommendations_and_assessor_notes_recorded_in_the_file_are_shown(spbe, write, catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    text = levels_yaml("spbe-2020", levels).replace(
        "  12: 3\n",
        '  12: {mandiri: 4, akhir: 3, pic: [Bappeda, Diskominfo], assessor_note: "Belum ada reviu berkala",'
        ' recommendation: "Lakukan reviu tahunan <segera>"}\n',
    )
    html = page(spbe, write("rekomendasi.yaml", text), "--lang", "id")
    recommendations = section(html, "rekomendasi")
    assert "Rekomendasi yang tercatat dalam berkas" in recommendations
    assert "<td>12. Peta Rencana SPBE Instansi Pusat/Pemerintah Daerah</td>" in recommendations
    assert 'Lakukan reviu tahunan &lt;segera&gt;</td><td class="offices">Bappeda, Diskominfo</td>' in recommendations
    assert "<small>Catatan asesor: Belum ada reviu berkala</small>" in section(html, "indikator")
    assert "Rekomendasi yang tercatat" not in page(spbe, DENPASAR, "--lang", "id")


def test_a_browser_that_cannot_print_exits_2_and_writes_no_pdf(spbe, tmp_path):
    broken = tmp_path / "chromium"
    broken.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n", encoding="utf-8")
    broken.chmod(0o755)
    result = spbe("report", DENPASAR, "--pdf", str(tmp_path / "l.pdf"), "--browser", str(broken))
    assert result.code == 2 and "could not print" in result.err and "cannot open display" in result.err
    assert not (tmp_path / "l.pdf").exists()


def test_standard_input_is_reported_as_dash(spbe, catalog):
    result = spbe("report", "-", "--lang", "id", input=Path(DENPASAR).read_text(encoding="utf-8"))
    assert result.code == 0 and "<td>-</td><td><code>" in result.out and "3,19" in result.out


def test_rank_html_by_year_has_one_section_per_year(spbe, write, catalog):
    write("y/a.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), "Kota A", 2023))
    folder = os.path.dirname(
        write("y/b.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 4), "Kota A", 2024))
    )
    html = spbe("rank", folder, "-f", "html", "--by", "year", "--lang", "id").out
    assert html.count('<svg class="chart bars"') == 2 and "2023</h2>" in html and "2024</h2>" in html


def test_a_workbook_gives_the_same_page_as_its_yaml(spbe, tmp_path):
    workbook = tmp_path / "kota-denpasar-2021-tahapan.xlsx"
    assert spbe("export", str(EXAMPLES / "kota-denpasar-2021-tahapan.yaml"), "-o", str(workbook)).code == 0
    from_yaml = page(spbe, str(EXAMPLES / "kota-denpasar-2021-tahapan.yaml"), "--lang", "id")
    from_workbook = page(spbe, str(workbook), "--lang", "id")
    assert "3,19" in from_workbook and "Penilaian mandiri 3,75" in from_workbook
    strip = lambda html: re.sub(r'<section id="lampiran".*?</section>', "", html, flags=re.S)  # noqa: E731
    assert strip(from_workbook) == strip(from_yaml)  # only the input's name and SHA-256 differ
