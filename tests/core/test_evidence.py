"""spbe evidence: items per indicator and level, the level secured, and the work queue."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spbe_cli import __version__
from spbe_cli.core.assessment import EVIDENCE_STATUSES, Evidence
from spbe_cli.core.evidence import EXTERNAL, UNFILLED, evidence, item_level
from spbe_cli.core.scoring import score
from spbe_cli.loading.loader import parse_assessment

from ..helpers import ROOT, assert_golden, levels_yaml, uniform

EXAMPLE = "examples/pemdi-2026-kota-bukti-ilustrasi.yaml"


def items(*pairs: str) -> str:
    """`code:status` pairs as a YAML evidence list."""
    written = []
    for pair in pairs:
        code, _, status = pair.partition(":")
        written.append(f"{{code: {code}, status: {status}}}" if status else f"{{code: {code}}}")
    return "[" + ", ".join(written) + "]"


def pemdi(catalog, **changes: str) -> str:
    levels = uniform(catalog, "pemdi-2026", "1.00")
    levels.update(changes)
    return levels_yaml("pemdi-2026", levels, year=2026)


def result_of(catalog, text: str):
    assessment = parse_assessment(text.encode(), "a.yaml", catalog)
    return evidence(assessment.resolved(assessment.stage), catalog.get(assessment.framework))


def by_id(result, indicator_id: str):
    return next(i for i in result.indicators if i.id == indicator_id)


# --- the level secured and what blocks the next one ------------------------------------------------


@pytest.mark.parametrize(
    ("pairs", "secured", "next_level", "blocking"),
    [
        (("I4-L1-01:diterima", "I4-L2-01:diterima", "I4-L2-02:revisi"), 1, 2, ["I4-L2-02"]),
        (("I4-L1-01:diterima", "I4-L2-01:diterima"), 2, 3, []),  # all accepted: the level above, nothing recorded
        (("I4-L1-01:diunggah", "I4-L2-01:diterima"), None, 1, ["I4-L1-01"]),  # a lower level not accepted blocks
        (
            ("I4-L2-01:diterima", "I4-L3-01:draf", "I4-L3-02:ditolak", "I4-L3-03:diterima"),
            2,
            3,
            ["I4-L3-01", "I4-L3-02"],
        ),
        (("I4-L2-01:diterima", "I4-L4-01:diterima"), 4, 5, []),  # a level without items is not checked
        (("I4-L1-01", "I4-L2-01:diterima"), None, 1, ["I4-L1-01"]),  # no status is not accepted
        (tuple(f"I4-L{level}-01:diterima" for level in range(1, 6)), 5, None, []),  # the top level secured
    ],
)
def test_level_secured_next_level_and_blocking_items(catalog, pairs, secured, next_level, blocking):
    result = result_of(catalog, pemdi(catalog, I4=f"{{level: 1.50, evidence: {items(*pairs)}}}"))
    i4 = by_id(result, "I4")
    assert (i4.secured, i4.next_level) == (secured, next_level)
    assert [item.code for item in i4.blocking] == blocking
    assert [e.indicator.id for e in result.queue] == ([] if next_level is None else ["I4"])


def test_items_are_grouped_by_level_whatever_their_order(catalog):
    pairs = ("I4-L3-01:diterima", "I4-L1-01:diterima", "I4-L3-02:diterima", "I4-L2-01:diterima")
    i4 = by_id(result_of(catalog, pemdi(catalog, I4=f"{{level: 1.50, evidence: {items(*pairs)}}}")), "I4")
    assert [(level.level, [item.code for item in level.items]) for level in i4.levels] == [
        (1, ["I4-L1-01"]),
        (2, ["I4-L2-01"]),
        (3, ["I4-L3-01", "I4-L3-02"]),
    ]
    assert i4.secured == 3 and i4.accepted == 4


def test_items_without_a_level_code_are_listed_and_count_toward_no_level(catalog):
    text = pemdi(
        catalog,
        I4="{level: 1.50, evidence: [https://a.go.id, {title: SK, status: diterima}, {code: I4-L1-01, status: diterima}]}",
    )
    i4 = by_id(result_of(catalog, text), "I4")
    assert [item.link or item.title for item in i4.uncoded] == ["https://a.go.id", "SK"]
    assert i4.secured == 1 and i4.next_level == 2 and len(i4.items) == 3


def test_spbe_items_are_listed_but_no_level_is_derived(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["12"] = "{level: 3, evidence: [{title: Perwal, status: diterima}, https://jdih.go.id]}"
    result = result_of(catalog, levels_yaml("spbe-2020", levels))
    assert not result.levels_derivable and result.queue == ()
    entry = by_id(result, "12")
    assert len(entry.uncoded) == 2 and entry.secured is None and entry.next_level is None


@pytest.mark.parametrize(("code", "level"), [("I4-L2-01", 2), (" I13-L5-12 ", 5), ("4-L2-01", None), (None, None)])
def test_item_level_reads_the_portal_code(code, level):
    assert item_level(Evidence(code=code)) == level


# --- the work queue: exact effects from the scoring core ---------------------------------------------


def test_queue_orders_by_the_exact_index_effect_and_what_is_at_stake(catalog):
    text = pemdi(
        catalog,
        I1=f"{{level: 2.50, pic: Bagian Organisasi, evidence: {items('I1-L1-01:diterima', 'I1-L2-01:diterima', 'I1-L3-01:revisi')}}}",
        I13=f"{{level: 7/6, pic: [Diskominfo, BPKAD], evidence: {items('I13-L1-01:diterima', 'I13-L2-01:draf')}}}",
        I20=f"{{level: 2.00, evidence: {items('I20-L1-01:diterima', 'I20-L2-01:diterima')}}}",
    )
    result = result_of(catalog, text)
    assert [(e.indicator.id, e.effect, e.at_stake) for e in result.queue] == [
        ("I20", Fraction(15, 100), 0),  # 15 % x (3 - 2): nothing above level 2, which is secured
        ("I1", Fraction(1, 40), Fraction(1, 40)),  # 5 % x (3 - 2.50) to gain; 5 % x (2.50 - 2) at stake
        ("I13", Fraction(1, 24), Fraction(1, 120)),  # 5 % x (2 - 7/6) to gain, 5 % x (7/6 - 1) at stake, exact
    ]
    assert result.queue[2].indicator.pic == ("Diskominfo", "BPKAD")


def test_a_value_above_what_its_accepted_items_secure_is_at_risk_and_comes_first(catalog):
    # The review's case: I1 valued 2.25 while its level-2 item was rejected; reaching level 2 gains nothing.
    text = pemdi(
        catalog,
        I1=f"{{level: 2.25, evidence: {items('I1-L1-01:diterima', 'I1-L2-01:ditolak')}}}",
        I4=f"{{level: 1, evidence: {items('I4-L1-01:diterima', 'I4-L2-01:diunggah')}}}",
    )
    result = result_of(catalog, text)
    assert [(e.indicator.id, e.effect, e.at_risk) for e in result.queue] == [
        ("I1", 0, True),
        ("I4", Fraction(5, 100), False),
    ]
    assert result.queue[0].at_stake == Fraction(5, 100) * Fraction(5, 4)  # 5 % x (2.25 - 1)
    lowered = pemdi(catalog, I1="1", I4="1")
    framework = catalog.get("pemdi-2026")
    before = score(parse_assessment(text.encode(), "a.yaml", catalog), framework).index
    after = score(parse_assessment(lowered.encode(), "b.yaml", catalog), framework).index
    assert result.queue[0].at_stake == before - after  # what the scored index loses, nothing of its own


def test_each_effect_is_the_change_of_the_scored_index(catalog):
    text = pemdi(catalog, I19=f"{{level: 2.80, evidence: {items('I19-L1-01:diterima', 'I19-L4-01:diunggah')}}}")
    assessment = parse_assessment(text.encode(), "a.yaml", catalog)
    framework = catalog.get("pemdi-2026")
    [entry] = evidence(assessment, framework).queue
    raised = pemdi(catalog, I19="4")
    expected = score(parse_assessment(raised.encode(), "b.yaml", catalog), framework).index
    assert entry.effect == expected - score(assessment, framework).index


def test_a_value_already_at_the_next_level_gains_nothing(catalog):
    text = pemdi(catalog, I4=f"{{level: 3.25, evidence: {items('I4-L1-01:diterima', 'I4-L2-01:revisi')}}}")
    [entry] = result_of(catalog, text).queue
    assert entry.next_level == 2 and entry.effect == 0


def test_external_and_unfilled_indicators_have_no_effect_and_come_last(catalog):
    text = pemdi(
        catalog,
        I5=f"{{external: 25, evidence: {items('I5-L2-01:diterima')}}}",
        I8=f"{{level: , evidence: {items('I8-L1-01:diunggah')}}}",
        I9=f"{{level: 1.00, evidence: {items('I9-L1-01:diterima')}}}",
    )
    result = result_of(catalog, text)
    assert [(e.indicator.id, e.reason) for e in result.queue] == [("I9", None), ("I5", EXTERNAL), ("I8", UNFILLED)]
    assert result.queue[0].effect == Fraction(4, 100)


def test_stage_sets_the_values_the_effects_start_from(catalog):
    text = pemdi(
        catalog, I4=f"{{mandiri: 2.00, dokumen: 1.50, evidence: {items('I4-L1-01:diterima', 'I4-L2-01:revisi')}}}"
    )
    assessment = parse_assessment(text.encode(), "a.yaml", catalog)
    framework = catalog.get("pemdi-2026")
    at_mandiri = evidence(assessment.resolved("mandiri"), framework)
    at_dokumen = evidence(assessment.resolved("dokumen"), framework)
    assert at_mandiri.queue[0].effect == 0 and at_dokumen.queue[0].effect == Fraction(5, 200)


statuses = st.sampled_from((None, *EVIDENCE_STATUSES))
coded_items = st.lists(st.tuples(st.integers(1, 5), statuses), max_size=8)


@settings(max_examples=60, deadline=None)
@given(coded_items, st.integers(100, 500))
def test_invariants_of_the_level_secured(catalog, written, hundredths):
    listed = [
        f"{{code: I4-L{level}-{n:02d}" + (f", status: {status}}}" if status else "}")
        for n, (level, status) in enumerate(written, 1)
    ]
    value = f"{hundredths / 100:.2f}"
    i4 = by_id(result_of(catalog, pemdi(catalog, I4=f"{{level: {value}, evidence: [{', '.join(listed)}]}}")), "I4")
    accepted = {level: all(s == "diterima" for lv, s in written if lv == level) for level, _ in written}
    if i4.secured is not None:  # every item up to the secured level is accepted
        assert all(accepted[level] for level in accepted if level <= i4.secured)
    if i4.next_level is not None:
        assert i4.secured is None or i4.next_level > i4.secured
        assert all(item.status != "diterima" for item in i4.blocking)
        assert all(item_level(item) == i4.next_level for item in i4.blocking)
    result = result_of(catalog, pemdi(catalog, I4=f"{{level: {value}, evidence: [{', '.join(listed)}]}}"))
    for entry in result.queue:
        assert entry.effect is not None and entry.effect >= 0
        assert entry.effect == 5 * max(Fraction(0), entry.next_level - Fraction(hundredths, 100)) / 100


# --- the command, both languages -------------------------------------------------------------------


@pytest.fixture
def at_root(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            [
                "Work queue",
                "Items to finish",
                "I19-L4-01",
                "+0.1200",
                "no item recorded for level 3 yet",
                "set by the SDI index",
                "3 of 5 accepted",
                "not published",
            ],
        ),
        (
            "id",
            [
                "Antrean kerja",
                "Butir yang harus diselesaikan",
                "I19-L4-01",
                "+0,1200",
                "belum ada butir tercatat untuk tingkat 3",
                "ditentukan Indeks SDI",
                "3 dari 5 diterima",
                "belum dipublikasikan",
            ],
        ),
    ],
)
@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_human_outputs_in_both_languages(spbe, at_root, monkeypatch, lang, said, fmt):
    monkeypatch.setenv("COLUMNS", "400")  # one line per table row, so sentences stay whole
    result = spbe("evidence", EXAMPLE, "--lang", lang, "-f", fmt)
    assert result.code == 0, result.err
    text = " ".join(result.out.replace("│", " ").replace("<br>", " ").split())
    for part in said:
        assert " ".join(part.split()) in text, part


def test_queue_order_and_offices_in_json(spbe, at_root):
    data = json.loads(spbe("evidence", EXAMPLE, "-f", "json").out)
    assert [(q["id"], q["effect_exact"], q["at_stake_exact"]) for q in data["queue"]] == [
        ("I20", "0.09", "0.06"), ("I19", "0.12", "0"), ("I1", "0.025", "0.025"), ("I4", "0.0125", "0.0375"),
        ("I13", "1/24", "1/120"), ("I14", "0.05", "0"), ("I5", None, "0"),
    ]  # fmt: skip
    assert [q["at_risk"] for q in data["queue"]] == [True, False, True, True, True, False, False]
    assert data["queue"][-1]["effect_unknown"] == "external"
    assert next(q for q in data["queue"] if q["id"] == "I14")["pic"] == ["Diskominfo", "BPKAD"]
    assert data["value_rule_published"] is False and data["stage"] == "dokumen"
    i1 = next(i for i in data["indicators"] if i["id"] == "I1")
    assert (i1["secured_level"], i1["next_level"], i1["accepted"], i1["items_total"]) == (2, 3, 3, 5)


def test_stage_option_changes_the_baseline(spbe, at_root):
    data = json.loads(spbe("evidence", EXAMPLE, "-f", "json", "--stage", "mandiri").out)
    i4 = next(q for q in data["queue"] if q["id"] == "I4")
    assert data["stage"] == "mandiri" and i4["value"] == 2 and i4["effect"] == 0


def test_csv_one_row_per_item_and_blocked_levels(spbe, at_root):
    rows = list(csv.DictReader(io.StringIO(spbe("evidence", EXAMPLE, "-f", "csv").out)))
    blocking = [(r["indicator"], r["code"], r["queue_rank"]) for r in rows if r["blocks_next_level"] == "yes"]
    assert ("I19", "I19-L4-01", "2") in blocking and ("I20", "", "1") in blocking
    assert sum(1 for r in rows if r["indicator"] == "I13") == 4


@pytest.mark.parametrize("lang", ["en", "id"])
def test_spbe_file_says_what_cannot_be_derived(spbe, write, catalog, lang):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["12"] = "{level: 3, evidence: [{title: Perwal, status: diterima}]}"
    path = write("spbe.yaml", levels_yaml("spbe-2020", levels))
    result = spbe("evidence", path, "--lang", lang)
    assert result.code == 0, result.err
    text = " ".join(result.out.split())
    assert (
        "no level secured and no work queue can be derived" if lang == "en" else "antrean kerja tidak dapat diturunkan"
    ) in text
    assert "Perwal" in text


def test_user_text_is_escaped(spbe, write, catalog):
    text = pemdi(
        catalog,
        I4='{level: 1.50, pic: "|x| **Dinas**", evidence: [{code: I4-L1-01, title: "a | b <i>", status: draf}]}',
    )
    out = spbe("evidence", write("p.yaml", text), "-f", "markdown").out
    assert "a \\| b" in out and "\\*\\*Dinas\\*\\*" in out


def test_bad_input_exits_3_and_bad_stage_exits_2(spbe, write, catalog):
    assert spbe("evidence", write("bad.yaml", "framework: pemdi-2026\n")).code == 3
    assert spbe("evidence", write("p.yaml", pemdi(catalog)), "--stage", "x").code == 2


@pytest.mark.parametrize(
    ("fmt", "name"),
    [
        ("markdown", "evidence-pemdi-2026.id.md"),
        ("json", "evidence-pemdi-2026.json"),
        ("csv", "evidence-pemdi-2026.csv"),
    ],
)
def test_golden_outputs(spbe, at_root, fmt, name):
    out = spbe("evidence", EXAMPLE, "--lang", "id", "-f", fmt).out
    out = out.replace(f'"tool_version": "{__version__}"', '"tool_version": "X"')
    if fmt == "csv":  # the golden file has LF line ends (Click's test runner wrote it); CRLF: test_golden.py
        out = out.replace("\r\n", "\n")
    assert_golden(name, out)


@pytest.mark.parametrize(
    ("lang", "sheets", "queue_header"),
    [
        ("en", ["Work queue", "Items", "Note"], "Items to finish"),
        ("id", ["Antrean kerja", "Butir", "Catatan"], "Butir yang harus diselesaikan"),
    ],
)
def test_workbook_has_the_queue_the_items_and_the_notes(spbe, at_root, tmp_path, lang, sheets, queue_header):
    import openpyxl

    out = tmp_path / "bukti.xlsx"
    assert spbe("evidence", EXAMPLE, "-f", "xlsx", "-o", str(out), "--lang", lang).code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == sheets
    queue = list(book[sheets[0]].iter_rows(values_only=True))
    assert queue_header in queue[0]
    assert queue[1][:8] == (
        1,
        "I20",
        "Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah",
        2.4,
        2,
        3,
        0.09,
        -0.06,
    )
    assert book[sheets[0]]["G2"].data_type == "n"
    items = list(book[sheets[1]].iter_rows(values_only=True))
    assert len(items) == 1 + 24 and items[1][3] == "I1-L1-01"
    assert any(
        "not published" in row[0] or "belum dipublikasikan" in row[0]
        for row in book[sheets[2]].iter_rows(values_only=True)
    )
    assert spbe("evidence", EXAMPLE, "-f", "xlsx").code == 2  # a workbook needs --output
