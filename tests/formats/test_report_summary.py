"""`spbe report`'s first page for leadership, and the comparisons that must not mislead: across
frameworks, across stages, and a plan capped by the file's own targets. Both languages."""

from __future__ import annotations

import html as markup
import json
import re
from decimal import Decimal

import pytest

from spbe_cli.core.reporting import build_report
from spbe_cli.core.scoring import score
from spbe_cli.loading.loader import load_file

from ..helpers import CASES, EXAMPLES, levels_yaml, uniform

PEMDI = str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml")
KABUPATEN = EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml"  # mandiri 3.67 ... akhir 2.97, 2025
DENPASAR_OPD = str(CASES / "denpasar-2021-tahapan-opd.yaml")


def section(page: str, name: str) -> str:
    found = re.search(rf'<section id="{name}".*?</section>', page, re.S)
    assert found, name
    return found.group(0)


def text(fragment: str) -> str:
    """What a reader sees: tags dropped, entities decoded, spaces joined."""
    return " ".join(markup.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def report(spbe, *args: str) -> str:
    result = spbe("report", *args)
    assert result.code == 0, result.err
    return result.out


# --- page 1 ---------------------------------------------------------------------------------------


def test_page_one_tells_the_index_the_stages_the_distance_and_the_steps_with_offices(spbe):
    summary = text(section(report(spbe, DENPASAR_OPD, "--lang", "id"), "ringkasan"))
    assert "Ringkasan untuk Pimpinan Indeks SPBE 2021 3,19 Predikat Baik Tahap Hasil akhir" in summary
    assert "Tahapan Penilaian mandiri 3,75 (Sangat Baik) dibandingkan Hasil akhir 3,19 (Baik): -0,56" in summary
    assert "Menuju Sangat Baik kurang 0,31 (Sangat Baik mulai dari 3,50)" in summary
    assert "Aspek terkuat 3. Teknologi Informasi dan Komunikasi (3,75)" in summary
    assert "Aspek terlemah 5. Penerapan Manajemen SPBE (2,13)" in summary
    assert "43. Layanan Data Terbuka 2 5 +0,0900 Diskominfo" in summary
    assert "44. Layanan Jaringan Dokumentasi dan Informasi Hukum (JDIH) 2 5 +0,0900 Bagian Hukum" in summary
    assert "42. Layanan Pengaduan Pelayanan Publik 4 5 +0,0300 Bagian Organisasi" in summary
    assert "Seluruh rencana menaikkan 7 indikator sebanyak 11 tingkat (2 lainnya di bagian 6)" in summary
    english = text(section(report(spbe, DENPASAR_OPD, "--lang", "en"), "ringkasan"))
    assert "To Sangat Baik 0.31 to go (Sangat Baik starts at 3.50)" in english
    assert "Strongest aspect 3. Teknologi Informasi dan Komunikasi (3.75)" in english


def test_the_first_page_shows_the_plan_that_spbe_plan_gives(spbe):
    planned = json.loads(spbe("plan", DENPASAR_OPD, "-t", "Sangat Baik", "-f", "json").out)
    summary = section(report(spbe, DENPASAR_OPD, "--lang", "en"), "ringkasan")
    shown = re.findall(r"<tr><td>(\d+)\. ", summary)
    assert shown == [step["id"] for step in planned["steps"]][:5]  # the same plan, most effective first
    assert f"gives {planned['reached']['index']:.2f} ({planned['reached']['predikat']})" in text(summary)


def test_the_distance_to_a_target_other_than_the_next_predikat_is_its_own_line(spbe):
    summary = text(section(report(spbe, DENPASAR_OPD, "--lang", "id", "--target", "3,40"), "ringkasan"))
    assert "Target 3,40 kurang 0,21" in summary and "Menuju Sangat Baik kurang 0,31" in summary
    reached = text(section(report(spbe, DENPASAR_OPD, "--lang", "id"), "ringkasan"))
    assert "Target 2,60 tercapai" in reached


def test_a_distance_is_rounded_up_so_a_short_index_never_reads_zero_to_go(catalog, write):
    # 46 indicators at 3 and one at 2: 2.9725 shown 2.97, 0.5275 below 3.50, "0.53 to go" not "0.52".
    levels = uniform(catalog, "spbe-2020", 3) | {"32": 2}
    assessment = load_file(write("a.yaml", levels_yaml("spbe-2020", levels)), catalog)
    data = build_report(assessment, catalog.get("spbe-2020"))
    assert data.result.index == Decimal("2.9725") and data.to_next == Decimal("0.5275")
    from spbe_cli.formats.html import _round_up

    assert _round_up(data.to_next) == Decimal("0.53") and _round_up(Decimal("0.001")) == Decimal("0.01")


def test_an_aspect_without_strengths_gets_one_sentence(spbe):
    findings = text(section(report(spbe, DENPASAR_OPD, "--lang", "id"), "kekuatan-kelemahan"))
    assert (
        "Aspek 5. Penerapan Manajemen SPBE (2,13) Kekuatan: belum ada indikator pada tingkat 4–5 (tertinggi: 3)."
        in findings
    )
    assert "tidak ada Kelemahan" not in findings and "Kelemahan: tidak ada indikator pada tingkat 1–2." in findings


def test_the_bars_are_not_headed_predikat_and_their_key_stands_beside_them(spbe):
    values = section(report(spbe, DENPASAR_OPD, "--lang", "id"), "nilai")
    assert "<th>Pada skala 1–5</th>" in values and "<th>Predikat</th>" not in values
    key = text(values.split('<p class="key">', 1)[1])
    assert key.startswith("Warna batang: rentang predikat tempat nilai berada")
    assert "Baik (dari 2,60 sampai di bawah 3,50)" in key


def test_the_guideline_of_the_year_is_named_where_a_source_names_it(spbe):
    province = section(
        report(spbe, str(EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml"), "--lang", "id"), "identitas"
    )
    assert '<th scope="row">Pedoman</th><td>Pedoman Menteri PANRB Nomor 3 Tahun 2024</td>' in province
    denpasar = section(report(spbe, DENPASAR_OPD, "--lang", "id"), "identitas")  # 2021: no source names one
    assert "Dasar hukum dan pedoman</th><td>Peraturan Menteri PANRB Nomor 59 Tahun 2020" in denpasar
    assert "spbe-2020" not in denpasar and "<code>" not in denpasar


# --- across frameworks ----------------------------------------------------------------------------


@pytest.fixture
def spbe_2025(write, catalog) -> str:
    """Kota Contoh's SPBE 2025, in Cukup under SPBE bands (2.53) and so inside Pemdi's Baik band."""
    levels = uniform(catalog, "spbe-2020", 3) | {str(n): 2 for n in range(23, 42)} | {"21": 1, "22": 1}
    return write("spbe-2025.yaml", levels_yaml("spbe-2020", levels, "Pemerintah Kota Contoh (ilustrasi)", 2025))


def test_across_frameworks_each_index_stands_in_its_own_bands_and_no_change_is_shown(spbe, spbe_2025, catalog):
    previous = score(load_file(spbe_2025, catalog), catalog.get("spbe-2020"))
    assert previous.shown == Decimal("2.53") and previous.predikat == "Cukup"
    page = report(spbe, PEMDI, "--previous", spbe_2025, "--lang", "id")
    summary, trend = text(section(page, "ringkasan")), section(page, "tren")
    assert (
        "Dibandingkan 2025 Indeks SPBE 2025: 2,53 Cukup, 91 % menuju Baik · Indeks Pemdi 2026: 2,15 Cukup, 65 % menuju Baik"
        in summary
    )
    assert "Instrumen berbeda: kedua berkas memakai kerangka berbeda (spbe-2020 dan pemdi-2026)" in summary
    for words in (summary, text(trend)):
        assert not re.search(r"perubahan [+-]|-0,38|->|Indeks: 2,53", words)  # no delta between instruments
    assert '<svg class="chart trend"' not in trend  # SPBE 2.53 is never drawn in Pemdi's bands
    assert "Indeks SPBE 2025 (2,53, Cukup) tidak digambar di sini: diukur dengan instrumen lain (spbe-2020)" in text(
        trend
    )
    assert "Indeks SPBE 2025 di samping Indeks Pemdi 2026" in text(trend)
    assert '<table class="drivers">' not in trend  # no aspect shares a name: no empty table


def test_across_frameworks_in_english(spbe, spbe_2025):
    page = report(spbe, PEMDI, "--previous", spbe_2025, "--lang", "en")
    summary, trend = text(section(page, "ringkasan")), text(section(page, "tren"))
    assert "Against 2025 Indeks SPBE 2025: 2.53 Cukup, 91 % of the way to Baik · Indeks Pemdi 2026" in summary
    assert "Different instruments: the two files use different frameworks" in summary
    assert "Indeks SPBE 2025 (2.53, Cukup) is not drawn here: it was measured with another instrument" in trend
    assert not re.search(r"change [+-]|-0\.38|Index: 2\.53", summary + trend)


def test_the_same_framework_years_alone_are_drawn_when_frameworks_mix(spbe, spbe_2025, write, catalog):
    pemdi_2025 = write("pemdi-2025.yaml", levels_yaml("pemdi-2026", uniform(catalog, "pemdi-2026", "2.00"), year=2025))
    framework = catalog.get("pemdi-2026")
    earlier = [
        score(load_file(path, catalog), catalog.get(f))
        for path, f in ((spbe_2025, "spbe-2020"), (pemdi_2025, "pemdi-2026"))
    ]
    data = build_report(load_file(PEMDI, catalog), framework, earlier)
    assert [r.framework.id for r in data.history] == ["pemdi-2026", "pemdi-2026"]
    assert [r.framework.id for r in data.other_frameworks] == ["spbe-2020"]


# --- across stages --------------------------------------------------------------------------------


@pytest.fixture
def kabupaten_2024(write) -> str:
    """Last year's file of the same kabupaten, recording every stage (mandiri 3.67, akhir 2.97)."""
    return write("kab-2024.yaml", KABUPATEN.read_text(encoding="utf-8").replace("year: 2025", "year: 2024"))


def test_a_self_assessment_meets_last_years_self_assessment_with_last_years_cut(spbe, kabupaten_2024):
    args = (str(KABUPATEN), "--stage", "mandiri", "--previous", kabupaten_2024)
    summary = text(section(report(spbe, *args, "--lang", "id"), "ringkasan"))
    assert (
        "Dibandingkan 2024 2024, Penilaian mandiri: 3,67 (Sangat Baik) → 2025, Penilaian mandiri: 3,67 (Sangat Baik), perubahan 0,00"
        in summary
    )
    assert "Setara: 2024 juga dibaca pada tahap ini (Penilaian mandiri)." in summary
    assert "Tahun lalu hasil akhir 0,70 di bawah penilaian mandiri." in summary
    change = summary.split("Dibandingkan 2024", 1)[1].split("Menuju", 1)[0]
    assert "+0,70" not in change  # never this year's self-assessment against last year's final result
    english = text(section(report(spbe, *args, "--lang", "en"), "ringkasan"))
    assert (
        "2024, Self-assessment: 3.67 (Sangat Baik) → 2025, Self-assessment: 3.67 (Sangat Baik), change 0.00" in english
    )
    assert "Like with like: 2024 is read at this stage too (Self-assessment)." in english
    assert "Last year the final result was 0.70 below the self-assessment." in english


def test_a_self_assessment_against_a_final_result_says_the_stages_differ(spbe, write, catalog):
    final_only = {key: "{akhir: 3}" for key in uniform(catalog, "spbe-2020", 3)}
    previous = write("akhir-2024.yaml", levels_yaml("spbe-2020", final_only, year=2024))
    args = (str(KABUPATEN), "--stage", "mandiri", "--previous", previous)
    summary = text(section(report(spbe, *args, "--lang", "id"), "ringkasan"))
    assert "2024, Hasil akhir: 3,00 (Baik) → 2025, Penilaian mandiri: 3,67 (Sangat Baik), perubahan +0,67" in summary
    assert "Catatan: ini membandingkan Hasil akhir dengan Penilaian mandiri, dua tahap yang berbeda." in summary
    english = text(section(report(spbe, *args, "--lang", "en"), "ringkasan"))
    assert "Note: this compares Final with Self-assessment, two different stages." in english


def test_a_file_without_stages_is_compared_as_it_stands_and_said_so(spbe, write, catalog):
    previous = write("plain-2024.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3), year=2024))
    args = (str(KABUPATEN), "--stage", "mandiri", "--previous", previous)
    summary = text(section(report(spbe, *args, "--lang", "id"), "ringkasan"))
    assert "Berkas 2024 tidak mencatat tahap, sehingga tidak dapat dibaca pada tahap Penilaian mandiri" in summary
    english = text(section(report(spbe, *args, "--lang", "en"), "ringkasan"))
    assert "The 2024 file records no stage, so it cannot be read at Self-assessment" in english


def test_the_trend_names_the_stage_of_each_year_when_it_is_not_the_final_result(spbe, kabupaten_2024):
    trend = section(
        report(spbe, str(KABUPATEN), "--stage", "mandiri", "--previous", kabupaten_2024, "--lang", "id"), "tren"
    )
    assert '<th class="n">2024 (Penilaian mandiri)</th><th class="n">2025 (Penilaian mandiri)</th>' in trend
    final = section(report(spbe, str(KABUPATEN), "--previous", kabupaten_2024, "--lang", "id"), "tren")
    assert '<th class="n">2024</th><th class="n">2025</th>' in final  # both final: no stage to name


# --- a plan capped by the file's targets ----------------------------------------------------------


@pytest.fixture
def capped(write) -> str:
    """The Pemdi example with `target: 2.5` on every indicator it scores itself: "aim for Baik"."""
    lines = []
    for line in (EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8").splitlines():
        plain = re.fullmatch(r"  (I\d+): ([0-9.]+)", line)
        lines.append(f"  {plain[1]}: {{level: {plain[2]}, target: 2.5}}" if plain else line)
    return write("capped.yaml", "\n".join(lines).replace("target: 3.00", "target: 2.5") + "\n")


def test_targets_that_cap_the_plan_are_named_and_the_plan_without_them_is_shown(spbe, capped):
    refused = spbe("plan", capped, "-t", "Baik", "--lang", "id")
    assert refused.code == 1 and "target yang ditulis di berkas membatasi" in refused.err
    page = report(spbe, capped, "--lang", "id")
    summary = text(section(page, "ringkasan"))
    assert (
        "Target per indikator dalam berkas membatasi rencana: dengan batas itu indeks paling tinggi 2,26 (Cukup), "
        "belum mencapai Baik. Tanpa batas itu (seperti rencana spbe plan --ignore-targets):" in summary
    )
    planned = json.loads(spbe("plan", capped, "-t", "Baik", "--ignore-targets", "-f", "json").out)
    assert planned["reached"]["index"] == 2.54 and "menjadi 2,54 (Baik)" in summary
    assert "tidak terjangkau oleh indikator instansi sendiri" not in page
    english = text(section(report(spbe, capped, "--lang", "en"), "ringkasan"))
    assert (
        "The file's own targets cap the plan: within them the index reaches at most 2.26 (Cukup), short of Baik."
        in english
    )
    assert "out of reach by the institution's own indicators" not in english


def test_a_pemdi_report_never_cites_spbes_target_minimal_3(spbe, capped):
    for args in ([PEMDI], [capped]):
        for lang in ("id", "en"):
            page = report(spbe, *args, "--lang", lang)
            assert "minimal 3" not in page and "official minimum" not in page
    table = section(report(spbe, PEMDI, "--lang", "id"), "indikator")
    assert "Target: target dalam berkas, bila ada." in table
    assert re.search(r'<td class="n">I1</td>.*?<strong>2,50</strong></td><td class="n"></td>', table, re.S)  # no target


def test_costs_price_the_plan_on_page_one_and_in_section_5(spbe, write):
    costs = write("biaya.yaml", "default: 2\nindicators: {43: 10, 44: 10}\n")
    page = report(spbe, DENPASAR_OPD, "--costs", costs, "--lang", "id")
    summary, plan = section(page, "ringkasan"), section(page, "rekomendasi")
    assert '<th class="n">Biaya</th>' in summary and "Biaya total, dalam satuan berkas biaya:" in text(summary)
    assert "Kenaikan tingkat termurah menurut berkas biaya" in text(plan)
    planned = json.loads(spbe("plan", DENPASAR_OPD, "-t", "Sangat Baik", "--costs", costs, "-f", "json").out)
    assert f"Biaya total, dalam satuan berkas biaya: {planned['cost']}." in text(summary)
    assert "biaya.yaml" in section(page, "lampiran")  # an input of the page, with its SHA-256
    bad = spbe("report", DENPASAR_OPD, "--costs", write("bad.yaml", "default: -1\n"))
    assert bad.code == 3 and "bad.yaml" in bad.err


def test_at_the_top_band_page_one_says_so_once_and_names_no_steps(spbe, write, catalog):
    top = write("top.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 5)))
    page = report(spbe, top, "--lang", "id")
    summary = text(section(page, "ringkasan"))
    assert summary.count("Indeks sudah berada pada predikat tertinggi, Memuaskan.") == 1
    assert "Langkah termurah" not in summary and "Aspek semua aspek bernilai 5,00" in summary
    assert "Indeks sudah berada pada predikat tertinggi" in text(section(page, "rekomendasi"))


def test_tied_aspects_are_named_three_at_most(spbe, write, catalog):
    levels = uniform(catalog, "spbe-2020", 3) | {str(n): 4 for n in range(32, 48)}  # aspects 7 and 8 at 4
    summary = text(
        section(report(spbe, write("t.yaml", levels_yaml("spbe-2020", levels)), "--lang", "en"), "ringkasan")
    )
    assert "Strongest aspect 7. Layanan Administrasi Pemerintahan Berbasis Elektronik (4.00); 8." in summary
    assert (
        "Weakest aspect 1. Kebijakan Internal Tata Kelola SPBE (3.00); 2. Perencanaan Strategis SPBE (3.00); "
        in summary
    )
    assert "and 3 more" in summary  # six aspects at 3.00


def test_page_one_places_the_index_among_the_published_averages_and_says_the_stage(spbe, kabupaten_2024):
    final = text(section(report(spbe, str(KABUPATEN), "--lang", "id"), "ringkasan"))
    assert "Dibandingkan rata-rata 2024 Nasional 3,12 (-0,15) · Kabupaten 2,97 (0,00)" in final
    assert "yang ditampilkan rata-rata 2024, tahun terakhir yang dipublikasikan" in final  # 2025: none yet
    assert "hasil akhir; ini" not in final
    mandiri = text(section(report(spbe, str(KABUPATEN), "--stage", "mandiri", "--lang", "id"), "ringkasan"))
    assert "Nasional 3,12 (+0,55)" in mandiri
    assert "Rata-rata yang dipublikasikan adalah hasil akhir; ini Penilaian mandiri." in mandiri
    english = text(section(report(spbe, str(KABUPATEN), "--stage", "mandiri", "--lang", "en"), "ringkasan"))
    assert "Against the averages of 2024 National 3.12 (+0.55)" in english
    assert "The published averages are final results; this is the Self-assessment." in english
    pemdi = text(section(report(spbe, PEMDI, "--lang", "id"), "ringkasan"))
    assert "rata-rata" not in pemdi  # no national Pemdi figure is published: no row on page 1
