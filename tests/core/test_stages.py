"""One file through the evaluation year: stage values, unfilled indicators, evidence, offices, services."""

from __future__ import annotations

from fractions import Fraction

import pytest

from spbe_cli.core.assessment import Evidence, NotFilled
from spbe_cli.core.readiness import located_problems, not_filled
from spbe_cli.core.scoring import score
from spbe_cli.loading.loader import parse_assessment
from spbe_cli.problems import InvalidInput

from ..helpers import EXAMPLES, levels_yaml, uniform


def load(catalog, text: str):
    return parse_assessment(text.encode("utf-8"), "a.yaml", catalog)


def problems(catalog, text: str, lang: str = "en") -> list[str]:
    from spbe_cli.i18n import Messages

    with pytest.raises(InvalidInput) as caught:
        parse_assessment(text.encode("utf-8"), "a.yaml", catalog)
    return [p.render(Messages(lang)) for p in caught.value.problems]


def staged(catalog, **changes: str) -> str:
    levels = uniform(catalog, "spbe-2020", 3)
    levels.update(changes)
    return levels_yaml("spbe-2020", levels)


def test_value_at_a_stage_is_the_latest_recorded_up_to_it(catalog):
    text = staged(catalog, **{"12": "{mandiri: 4, dokumen: 3, akhir: 2}", "13": "{mandiri: 5}"})
    assessment = load(catalog, text)
    assert assessment.stages == ("mandiri", "dokumen", "akhir")
    assert assessment.stage == "akhir"  # the latest recorded, without a top-level stage
    assert assessment.entries["12"].values == (2,)
    assert assessment.entries["13"].values == (5,)  # mandiri holds until a later stage records another
    assert assessment.at("mandiri").entries["12"].values == (4,)
    assert assessment.at("interviu").entries["12"].values == (3,)
    assert assessment.at("visitasi").stage == "visitasi"
    assert assessment.entries["1"].values == (3,)  # a plain value holds at every stage
    assert assessment.at("mandiri").entries["1"].values == (3,)


def test_a_file_without_stages_has_no_stage(catalog):
    assessment = load(catalog, staged(catalog))
    assert assessment.stage is None and assessment.stages == ()
    assert assessment.places is None  # plain files take the fast path


def test_top_level_stage_is_the_default(catalog):
    text = staged(catalog, **{"12": "{mandiri: 4, dokumen: 3}"}).replace("year: 2024", "year: 2024\nstage: interviu")
    assessment = load(catalog, text)
    assert assessment.stage == "interviu" and assessment.declared_stage == "interviu"
    assert assessment.entries["12"].values == (3,)


def test_a_stage_before_any_recorded_value_names_the_indicator(catalog):
    assessment = load(catalog, staged(catalog, **{"12": "{mandiri: 4}", "14": "{akhir: 3}"}))
    with pytest.raises(NotFilled) as caught:
        assessment.at("mandiri")
    assert [gap.indicator_id for gap in caught.value.gaps] == ["14"]
    (problem,) = located_problems(not_filled(assessment, "mandiri"), assessment)
    assert str(problem) == "a.yaml:18:3: indicator 14 records no value up to stage mandiri (it records: akhir)"


def test_unfilled_indicators_load_but_do_not_score(catalog):
    text = staged(catalog, **{"7": "", "12": "{mandiri: 4, akhir: }"})
    assessment = load(catalog, text)
    assert assessment.unfilled == ["7", "12"]
    assert [gap.indicator_id for gap in assessment.gaps()] == ["7", "12"]
    assert [gap.indicator_id for gap in assessment.gaps("mandiri")] == ["7"]
    with pytest.raises(NotFilled):
        score(assessment, catalog.get("spbe-2020"))
    assert [str(p) for p in located_problems(not_filled(assessment, "akhir"), assessment)] == [
        "a.yaml:11:3: indicator 7 is not filled yet at stage akhir: give it a value",
        "a.yaml:16:20: indicator 12 is not filled yet at stage akhir: give it a value",
    ]


def test_the_whole_entry_is_read(catalog):
    entry_text = (
        "{mandiri: 4, dokumen: 3, target: 4, note: Perbup 12/2024, evidence: https://jdih.example/12,"
        " pic: [Bappeda, Diskominfo], assessor_note: Belum ada reviu, recommendation: Reviu tahunan}"
    )
    text = staged(catalog, **{"12": entry_text, "45": "{level: 3, service: Administrasi Kependudukan}"})
    assessment = load(catalog, text)
    entry = assessment.entries["12"]
    assert entry.stage_values == {"mandiri": (4,), "dokumen": (3,)}
    assert entry.values == (3,)
    assert entry.target == 4 and entry.note == "Perbup 12/2024"
    assert entry.evidence == (Evidence(link="https://jdih.example/12"),)
    assert entry.pic == ("Bappeda", "Diskominfo")
    assert entry.assessor_note == "Belum ada reviu" and entry.recommendation == "Reviu tahunan"
    assert assessment.entries["45"].service == ("Administrasi Kependudukan",)
    assert assessment.entries["45"].values == (3,)


def test_evidence_items_as_mappings(catalog):
    items = "[Perbup 12/2024, {code: A1, link: 'https://x', title: SK, status: revisi, note: cap kurang}]"
    entry = load(catalog, staged(catalog, **{"12": f"{{level: 3, evidence: {items}}}"})).entries["12"]
    assert entry.evidence == (
        Evidence(title="Perbup 12/2024"),
        Evidence(code="A1", link="https://x", title="SK", status="revisi", note="cap kurang"),
    )


def test_spbe_2018_services_per_stage(catalog):
    levels = uniform(catalog, "spbe-2018", 2)
    levels["35"] = "{mandiri: [3, 4], akhir: [2, 3], service: [Kesehatan, Perizinan]}"
    assessment = load(catalog, levels_yaml("spbe-2018", levels))
    assert assessment.entries["35"].values == (2, 3)
    assert assessment.at("mandiri").entries["35"].values == (3, 4)
    assert assessment.entries["35"].service == ("Kesehatan", "Perizinan")


def test_pemdi_decimals_per_stage(catalog):
    levels = uniform(catalog, "pemdi-2026", "2.00")
    levels["I3"] = "{mandiri: 3.25, akhir: 2.5}"
    assessment = load(catalog, levels_yaml("pemdi-2026", levels))
    assert assessment.entries["I3"].values == (Fraction(5, 2),)
    assert assessment.at("mandiri").entries["I3"].values == (Fraction(13, 4),)


REFUSALS = [
    (
        {"12": "{level: 3, mandiri: 4}"},
        "a.yaml:16:3: indicator 12 has both `level` and values per stage (mandiri): keep one",
        "a.yaml:16:3: indikator 12 memiliki `level` sekaligus nilai per tahap (mandiri): pertahankan salah satu",
    ),
    (
        {"12": "{mandiri: 4, target: 5, stage: 3}"},
        "a.yaml:16:31: unknown key 'stage'; did you mean 'target'?",
        "a.yaml:16:31: kunci 'stage' tidak dikenal; maksud Anda 'target'?",
    ),
    (
        {"12": "{level: 3, evidence: [{title: SK, status: lulus}]}"},
        "a.yaml:16:49: indicator 12 evidence item 1 status must be one of draf, diunggah, diterima, revisi, ditolak,"
        " not text 'lulus'",
        "a.yaml:16:49: indikator 12 evidence butir ke-1 status harus salah satu dari draf, diunggah, diterima, revisi,"
        " ditolak, bukan teks 'lulus'",
    ),
    (
        {"12": "{level: 3, evidence: 5}"},
        "a.yaml:16:28: indicator 12 evidence must be a link or reference, or a list of them (each text or a mapping"
        " with code, link, title, status, note), not 5",
        "a.yaml:16:28: indikator 12 evidence harus tautan atau rujukan, atau daftarnya (masing-masing teks atau"
        " pemetaan dengan code, link, title, status, note), bukan 5",
    ),
    (
        {"12": "{level: 3, evidence: [{titel: SK}]}"},
        "a.yaml:16:30: unknown key 'titel'; did you mean 'title'?",
        "a.yaml:16:30: kunci 'titel' tidak dikenal; maksud Anda 'title'?",
    ),
    (
        {"12": "{level: 3, pic: [Bappeda, 4]}"},
        "a.yaml:16:33: indicator 12 pic item 2 must be text, not 4",
        "a.yaml:16:33: indikator 12 pic butir ke-2 harus teks, bukan 4",
    ),
    (
        {"12": "{level: 3, service: [A, B]}"},
        "a.yaml:16:27: indicator 12 service must be text, not a list",
        "a.yaml:16:27: indikator 12 service harus teks, bukan sebuah daftar",
    ),
    (
        {"12": "{mandiri: 6}"},
        "a.yaml:16:17: indicator 12 mandiri must be a whole number from 1 to 5, not 6",
        "a.yaml:16:17: indikator 12 mandiri harus bilangan bulat dari 1 sampai 5, bukan 6",
    ),
]


@pytest.mark.parametrize(("changes", "english", "indonesian"), REFUSALS)
def test_refusals_are_located_in_both_languages(catalog, changes, english, indonesian):
    assert problems(catalog, staged(catalog, **changes)) == [english]
    assert problems(catalog, staged(catalog, **changes), "id") == [indonesian]


def test_a_later_stage_than_the_file_declares_is_refused(catalog):
    text = staged(catalog, **{"12": "{mandiri: 4, akhir: 3}"}).replace("year: 2024", "year: 2024\nstage: dokumen")
    assert problems(catalog, text) == ["a.yaml:17:20: indicator 12 records stage akhir, after the file's stage dokumen"]
    assert problems(catalog, text, "id") == [
        "a.yaml:17:20: indikator 12 mencatat tahap akhir, sesudah tahap berkas dokumen"
    ]


def test_an_unknown_top_level_stage_is_refused(catalog):
    text = staged(catalog).replace("year: 2024", "year: 2024\nstage: final")
    assert problems(catalog, text) == [
        "a.yaml:4:8: stage must be one of mandiri, dokumen, interviu, visitasi, akhir, not text 'final'"
    ]
    assert problems(catalog, text, "id") == [
        "a.yaml:4:8: stage harus salah satu dari mandiri, dokumen, interviu, visitasi, akhir, bukan teks 'final'"
    ]


def test_spbe_2018_services_must_match_the_values(catalog):
    levels = uniform(catalog, "spbe-2018", 2)
    levels["35"] = "{mandiri: [3, 4], akhir: [2, 3, 1], service: [Kesehatan, Perizinan]}"
    text = levels_yaml("spbe-2018", levels)
    assert problems(catalog, text) == [
        "a.yaml:39:52: indicator 35: 2 service(s) named but 2, 3 value(s) given; name one service per value"
    ]
    assert problems(catalog, text, "id") == [
        "a.yaml:39:52: indikator 35: 2 layanan disebut tetapi 2, 3 nilai diberikan; sebut satu layanan per nilai"
    ]


@pytest.mark.parametrize(
    ("code", "english", "indonesian"),
    [
        ("I4-2-01", "'I4-2-01' is not a portal code like I4-L2-01", "'I4-2-01' bukan kode portal seperti I4-L2-01"),
        (
            "I5-L2-01",
            "code I5-L2-01 belongs to another indicator than I4",
            "kode I5-L2-01 milik indikator lain, bukan I4",
        ),
        (
            "I4-L9-01",
            "the level in code I4-L9-01 must be from 1 to 5",
            "tingkat dalam kode I4-L9-01 harus dari 1 sampai 5",
        ),
    ],
)
def test_pemdi_evidence_codes(catalog, code, english, indonesian):
    levels = uniform(catalog, "pemdi-2026", "2.00")
    levels["I4"] = f"{{level: 2.00, evidence: [{{code: {code}, status: diunggah}}]}}"
    text = levels_yaml("pemdi-2026", levels)
    (message,) = problems(catalog, text)
    assert message.endswith(f"indicator I4 evidence item 1 code: {english}")
    (message,) = problems(catalog, text, "id")
    assert message.endswith(f"indikator I4 evidence butir ke-1 code: {indonesian}")
    levels["I4"] = "{level: 2.00, evidence: [{code: I4-L2-01, status: diterima}]}"
    assert load(catalog, levels_yaml("pemdi-2026", levels)).entries["I4"].evidence[0].code == "I4-L2-01"


@pytest.mark.parametrize("lang", ["en", "id"])
def test_commands_refuse_unfilled_values_and_validate_counts_them(spbe, catalog, write, lang):
    path = write("a.yaml", staged(catalog, **{"7": "~", "9": ""}))
    result = spbe("validate", "--lang", lang, path)
    assert result.code == 0
    assert ("2 not filled yet" if lang == "en" else "2 belum diisi") in result.out
    for command in (["score"], ["plan", "--target", "4"], ["rank"]):
        result = spbe(*command, "--lang", lang, path)
        assert result.code == 3, (command, result.err)
        words = "is not filled yet" if lang == "en" else "belum diisi"
        assert f"{path}:11:3: {'indicator' if lang == 'en' else 'indikator'} 7 {words}" in result.err
        assert f"{path}:13:3:" in result.err


DENPASAR_STAGES = str(EXAMPLES / "kota-denpasar-2021-tahapan.yaml")


def test_denpasar_two_stages_reproduce_the_published_final_and_the_self_assessment(catalog):
    from spbe_cli.loading.loader import load_file

    assessment = load_file(DENPASAR_STAGES, catalog)
    framework = catalog.get("spbe-2020")
    final = score(assessment, framework)
    assert (final.stage, str(final.shown), final.predikat) == ("akhir", "3.19", "Baik")
    assert [str(d.shown) for d in final.domains] == ["3.00", "3.30", "2.18", "3.55"]
    # the final levels are exactly those of the published single-stage example
    assert final.index == score(load_file(str(EXAMPLES / "kota-denpasar-2021.yaml"), catalog), framework).index
    mandiri = score(assessment.at("mandiri"), framework)
    assert mandiri.index == Fraction(7499, 2000)  # 3.7495: half-up gives 3.75
    assert str(mandiri.shown) == "3.75"


@pytest.mark.parametrize(
    ("lang", "heading", "by_stage"),
    [
        ("en", "Pemerintah Kota Denpasar, Self-assessment", "By stage: Self-assessment 3.75, Final 3.19"),
        ("id", "Pemerintah Kota Denpasar, Penilaian mandiri", "Per tahap: Penilaian mandiri 3,75, Hasil akhir 3,19"),
    ],
)
def test_score_at_a_stage_names_it(spbe, lang, heading, by_stage):
    result = spbe("score", "--lang", lang, "--stage", "mandiri", DENPASAR_STAGES)
    assert result.code == 0, result.err
    assert heading in " ".join(result.out.split())
    assert ("3.75" if lang == "en" else "3,75") in result.out
    result = spbe("score", "--lang", lang, "--stage", "all", "--detail", DENPASAR_STAGES)
    assert result.code == 0, result.err
    assert by_stage in result.out
    result = spbe("score", "--lang", lang, "--stage", "final", DENPASAR_STAGES)
    assert result.code == 2


def test_score_json_and_csv_carry_the_record(spbe, catalog, write):
    import csv
    import io
    import json

    entry = (
        "{mandiri: 4, dokumen: 3, target: 4, note: Perbup, evidence: [https://a, {title: SK, status: revisi}],"
        " pic: [Bappeda, Diskominfo], assessor_note: Reviu, recommendation: Tahunan}"
    )
    path = write("a.yaml", staged(catalog, **{"12": entry}))
    data = json.loads(spbe("score", "-f", "json", path).out)
    assert data["stage"] == "dokumen" and data["stages"] == ["mandiri", "dokumen"]
    item = data["indicators"][11]
    assert item["value"] == 3 and item["target"] == 4 and item["gap"] == 1
    assert item["pic"] == ["Bappeda", "Diskominfo"] and item["note"] == "Perbup"
    assert item["evidence"] == [
        {"code": None, "link": "https://a", "title": None, "status": None, "note": None},
        {"code": None, "link": None, "title": "SK", "status": "revisi", "note": None},
    ]
    assert item["assessor_note"] == "Reviu" and item["recommendation"] == "Tahunan"
    assert item["stage_values"] == {"mandiri": 4, "dokumen": 3}
    plain = data["indicators"][0]
    assert (plain["pic"], plain["evidence"], plain["stage_values"], plain["service"]) == ([], [], {}, None)
    at_mandiri = json.loads(spbe("score", "-f", "json", "--stage", "mandiri", path).out)
    assert at_mandiri["stage"] == "mandiri" and at_mandiri["indicators"][11]["value"] == 4
    rows = list(csv.DictReader(io.StringIO(spbe("score", "-f", "csv", path).out)))
    assert rows[11]["pic"] == "Bappeda; Diskominfo" and rows[11]["evidence"] == "https://a; SK"
    assert (
        rows[11]["stage"] == "dokumen" and rows[11]["gap"] == "1" and rows[11]["stage_values"] == "mandiri=4; dokumen=3"
    )


def test_diff_stages_effects_sum_exactly_to_the_index_change(spbe, catalog):
    import json

    from spbe_cli.core.diffing import diff
    from spbe_cli.loading.loader import load_file

    assessment = load_file(DENPASAR_STAGES, catalog)
    framework = catalog.get("spbe-2020")
    result = diff(score(assessment.at("mandiri"), framework), score(assessment.at("akhir"), framework))
    assert (
        sum(change.effect for change in result.indicators)
        == result.delta_exact
        == Fraction(1277, 400) - Fraction(7499, 2000)
    )
    data = json.loads(spbe("diff", DENPASAR_STAGES, "--stages", "mandiri", "akhir", "-f", "json").out)
    assert (data["old"]["stage"], data["new"]["stage"]) == ("mandiri", "akhir")
    assert (data["old"]["index"], data["new"]["index"]) == (3.75, 3.19)


@pytest.mark.parametrize(
    ("lang", "stages", "note"),
    [
        ("en", "Stages: Self-assessment -> Final", "Assessor's note"),
        ("id", "Tahap: Penilaian mandiri -> Hasil akhir", "Catatan asesor"),
    ],
)
def test_diff_stages_names_them_with_the_assessors_notes(spbe, catalog, write, lang, stages, note):
    text = staged(catalog, **{"12": "{mandiri: 4, akhir: 2, assessor_note: Belum ada reviu}"})
    path = write("a.yaml", text)
    result = spbe("diff", "--lang", lang, path, "--stages", "mandiri", "akhir")
    assert result.code == 0, result.err
    assert stages in result.out and note in result.out and "Belum ada reviu" in result.out
    assert spbe("diff", "--lang", lang, path).code == 2  # NEW or --stages is needed


def test_diff_of_two_files_says_when_stages_differ_and_last_years_cut(spbe, catalog, write):
    old = write("2024.yaml", staged(catalog, **{"12": "{mandiri: 5, akhir: 1}"}).replace("year: 2024", "year: 2024"))
    new = write("2025.yaml", staged(catalog, **{"12": "{mandiri: 5}"}).replace("year: 2024", "year: 2025"))
    result = spbe("diff", old, new)
    assert "Stages: Final -> Self-assessment" in result.out
    assert "two different stages" in result.out
    assert "Last year the final result was 0.10 below the self-assessment." in result.out
    same = spbe("diff", old, new, "--old-stage", "mandiri")
    assert "two different stages" not in same.out


def test_last_years_cut_is_written_in_the_readers_number_style(spbe, catalog, write):
    old = write("2024.yaml", staged(catalog, **{"12": "{mandiri: 5, akhir: 1}"}))
    new = write("2025.yaml", staged(catalog, **{"12": "{mandiri: 5}"}).replace("year: 2024", "year: 2025"))
    for fmt in ("table", "markdown"):
        result = spbe("diff", "--lang", "id", "-f", fmt, old, new)
        assert "Tahun lalu hasil akhir 0,10 di bawah penilaian mandiri." in result.out, fmt


def test_cross_framework_diffs_name_the_stages(spbe, catalog, write):
    old = write("2025.yaml", staged(catalog, **{"12": "{mandiri: 5, akhir: 4}"}).replace("year: 2024", "year: 2025"))
    levels = uniform(catalog, "pemdi-2026", "2.00")
    levels["I3"] = "{mandiri: 3.25}"
    new = write("2026.yaml", levels_yaml("pemdi-2026", levels, year=2026))
    for lang, line in (("en", "Stages: Final -> Self-assessment"), ("id", "Tahap: Hasil akhir -> Penilaian mandiri")):
        for fmt in ("table", "markdown"):
            result = spbe("diff", "--lang", lang, "-f", fmt, old, new)
            assert result.code == 0, result.err
            assert line in result.out, (lang, fmt)


def test_a_diff_names_no_stage_for_a_file_that_records_none(spbe, catalog, write):
    # SPBE 2025 at its final result against a Pemdi 2026 file of plain values: nothing to name on one side
    old = write("2025.yaml", staged(catalog, **{"12": "{mandiri: 5, akhir: 4}"}).replace("year: 2024", "year: 2025"))
    new = write("2026.yaml", levels_yaml("pemdi-2026", uniform(catalog, "pemdi-2026", "2.00"), year=2026))
    for lang, words in (("en", ("Stage", "compares")), ("id", ("Tahap", "membandingkan"))):
        for fmt in ("table", "markdown"):
            for pair in ((old, new), (new, old)):
                result = spbe("diff", "--lang", lang, "-f", fmt, *pair)
                assert result.code == 0, result.err
                assert not any(word in result.out for word in words), (lang, fmt, result.out)
                assert "-> -" not in result.out and not result.out.rstrip().endswith("-")


def test_every_structural_problem_of_a_file_is_reported_at_once(catalog):
    # a value out of range (the model's finding) and two problems across keys (the loader's own)
    text = staged(catalog, **{"3": "9", "12": "{level: 3, mandiri: 4}", "14": "{target: 4}"})
    assert problems(catalog, text) == [
        "a.yaml:7:6: indicator 3 must be a whole number from 1 to 5, not 9",
        "a.yaml:16:3: indicator 12 has both `level` and values per stage (mandiri): keep one",
        "a.yaml:18:7: indicator 14: missing key 'level' (or a value per stage: mandiri, dokumen, interviu,"
        " visitasi, akhir)",
    ]
    assert len(problems(catalog, text, "id")) == 3


@pytest.mark.parametrize(
    ("lang", "current", "heading"),
    [("en", "3.75", "Self-assessment"), ("id", "3,75", "Penilaian mandiri")],
)
def test_plan_starts_from_the_chosen_stage(spbe, lang, current, heading):
    import json

    result = spbe("plan", "--lang", lang, DENPASAR_STAGES, "--target", "4.00", "--stage", "mandiri")
    assert result.code == 0, result.err
    assert current in result.out and heading in result.out
    data = json.loads(spbe("plan", DENPASAR_STAGES, "-t", "4.00", "-f", "json").out)
    assert data["current"]["index"] == 3.19  # the file's own stage (akhir)
    assert spbe("plan", DENPASAR_STAGES, "-t", "4.00", "--stage", "final").code == 2


@pytest.mark.parametrize(("lang", "words"), [("en", "this ranking mixes stages"), ("id", "mencampur tahap")])
def test_rank_at_a_stage_and_a_ranking_that_mixes_stages_says_so(spbe, catalog, write, lang, words):
    import json

    text = staged(catalog, **{"12": "{mandiri: 5}"}).replace("Kota Uji", "Kota Lain").replace("2024", "2021")
    other = write("b.yaml", text)
    mixed = spbe("rank", "--lang", lang, DENPASAR_STAGES, other)
    assert mixed.code == 0 and words in mixed.err and "akhir, mandiri" in mixed.err
    result = spbe("rank", "--lang", lang, "--stage", "mandiri", "-f", "json", DENPASAR_STAGES, other)
    assert result.code == 0 and result.err == ""
    rows = json.loads(result.out)["groups"][0]["ranking"]
    assert {row["institution"]: row["index"] for row in rows}["Pemerintah Kota Denpasar"] == 3.75
    assert spbe("rank", "--stage", "final", DENPASAR_STAGES).code == 2
