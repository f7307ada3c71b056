"""`spbe diff` and the pure comparison core."""

from __future__ import annotations

import csv
import io
import json
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.diffing import diff
from spbe_cli.core.scoring import score

from ..helpers import CASES, CATALOG, EXAMPLES, assessments, levels_yaml, uniform

DENPASAR = CASES / "denpasar-2021.yaml"
OLD = str(EXAMPLES / "spbe-2020-provinsi-2023-ilustrasi.yaml")
NEW = str(EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml")


def modified_denpasar(write, changes: dict[str, int], **kw) -> str:
    text = DENPASAR.read_text(encoding="utf-8")
    for indicator_id, level in changes.items():
        lines = text.splitlines()
        lines = [f"  {indicator_id}: {level}" if line.startswith(f"  {indicator_id}: ") else line for line in lines]
        text = "\n".join(lines) + "\n"
    for old, new in kw.items():
        text = text.replace(old, new)
    return write("denpasar-modified.yaml", text)


def test_reference_case_against_a_modified_copy(spbe, write):
    modified = modified_denpasar(write, {"21": 4, "47": 3}, **{"year: 2021": "year: 2022"})
    data = json.loads(spbe("diff", str(DENPASAR), modified, "-f", "json").out)
    # 21: +2 x 1.5 % = +0.03 ; 47: -1 x 3 % = -0.03 -> net 0
    assert data["delta_exact"] == "0"
    assert data["delta"] == 0.0
    assert [(i["id"], i["effect_exact"]) for i in data["indicators"]] == [("21", "0.03"), ("47", "-0.03")]
    assert data["old"]["index"] == data["new"]["index"] == 3.19
    aspect5 = next(a for a in data["aspects"] if a["number"] == 5)
    assert (aspect5["old"], aspect5["new"], aspect5["delta"]) == (2.13, 2.38, 0.25)


def test_effects_add_up_and_largest_comes_first(catalog):
    old = score(_load(OLD), catalog.get("spbe-2020"))
    new = score(_load(NEW), catalog.get("spbe-2020"))
    result = diff(old, new)
    assert sum(i.effect for i in result.indicators) == result.delta_exact == new.index - old.index
    effects = [abs(i.effect) for i in result.indicators]
    assert effects == sorted(effects, reverse=True)
    # ties keep framework order: 43 before 45 (both 3 %), 33 before 37 before 41
    assert [i.id for i in result.indicators][:5] == ["43", "45", "33", "37", "41"]
    assert result.predikat_change == "up"
    assert str(result.delta) == "0.23"


def _load(path):
    from spbe_cli.loading.loader import load_file

    return load_file(path, CATALOG)


def test_no_change(spbe):
    data = json.loads(spbe("diff", str(DENPASAR), str(DENPASAR), "-f", "json").out)
    assert data["indicators"] == [] and data["delta"] == 0.0 and data["delta_exact"] == "0"
    assert data["predikat_change"] == "same"
    assert "No indicator changed." in spbe("diff", str(DENPASAR), str(DENPASAR)).out


def test_predikat_transition_is_shown_plainly(spbe):
    out = spbe("diff", OLD, NEW).out
    assert "Predikat rose: Cukup -> Baik" in out
    assert "Predikat fell: Baik -> Cukup" in spbe("diff", NEW, OLD).out
    assert "Predikat turun: Baik -> Cukup" in spbe("diff", NEW, OLD, "--lang", "id").out


def test_gates(spbe):
    assert spbe("diff", OLD, NEW, "--fail-on-drop", "--fail-on-predikat-drop").code == 0
    dropped = spbe("diff", NEW, OLD, "--fail-on-drop")
    assert dropped.code == 1 and "index dropped: 2.63 -> 2.40" in dropped.err
    assert spbe("diff", NEW, OLD, "--fail-on-predikat-drop").code == 1
    assert spbe("diff", NEW, OLD).code == 0


def test_predikat_gate_without_index_gate(spbe, write, catalog):
    # A drop of the index inside one band: --fail-on-predikat-drop passes, --fail-on-drop fails.
    high = write("high.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 3)))
    levels = uniform(catalog, "spbe-2020", 3)
    levels["1"] = 2
    low = write("low.yaml", levels_yaml("spbe-2020", levels))
    assert spbe("diff", high, low, "--fail-on-predikat-drop").code == 0
    assert spbe("diff", high, low, "--fail-on-drop").code == 1


def test_exit_codes_for_usage_and_input(spbe):
    assert spbe("diff", OLD).code == 2
    assert spbe("diff", OLD, NEW, "-f", "xml").code == 2
    assert spbe("diff", OLD, "missing.yaml").code == 3


def test_cross_framework_compares_what_it_can(spbe):
    old = str(EXAMPLES / "spbe-2018-kabupaten-ilustrasi.yaml")
    result = spbe("diff", old, str(DENPASAR), "-f", "json", "--fail-on-drop")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["same_framework"] is False and data["indicators"] == []
    assert data["same_institution"] is False
    assert [d["name"] for d in data["domains"]] == ["Kebijakan Internal SPBE", "Tata Kelola SPBE", "Layanan SPBE"]
    layanan = data["domains"][2]
    assert (layanan["old_number"], layanan["number"]) == (3, 4)
    table = spbe("diff", old, str(DENPASAR)).out
    assert "Different instruments" in table and "indicators cannot be compared" in table
    assert "different institutions" in table


def test_spbe_to_pemdi_never_fails(spbe):
    result = spbe("diff", str(DENPASAR), str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), "-f", "json")
    assert result.code == 0
    data = json.loads(result.out)
    assert data["domains"] == [] and data["indicators"] == []
    assert data["predikat_change"] is None and data["comparable"] is False


def test_rich_form_and_several_services(spbe, write, catalog):
    base = uniform(catalog, "spbe-2018", 2)
    old = write("old.yaml", levels_yaml("spbe-2018", {**base, "35": "[3, 2]"}))
    new = write(
        "new.yaml",
        levels_yaml("spbe-2018", {**base, "33": "{level: 3, pic: Bagian Hukum}", "35": "{level: [3, 2, 4]}"}),
    )
    data = json.loads(spbe("diff", old, new, "-f", "json").out)
    # Aspect 7 goes from 5 entries (share 4 %) to 6 entries (share 20/6 %). 33: 3 x 20/6 - 2 x 4 = +2 (0.02).
    # 35: 9 x 20/6 - 5 x 4 = +10, plus the re-weighting of 32 and 34 (2 x (2 x 20/6 - 8) = -8/3) = 22/3.
    assert [i["id"] for i in data["indicators"]] == ["35", "33"]
    assert [Fraction(i["effect_exact"]) for i in data["indicators"]] == [Fraction(22, 300), Fraction(2, 100)]
    assert sum(Fraction(i["effect_exact"]) for i in data["indicators"]) == Fraction(data["delta_exact"])
    services = next(i for i in data["indicators"] if i["id"] == "35")
    assert services["old_values"] == [3, 2] and services["new_values"] == [3, 2, 4]


def test_csv_and_markdown_and_table(spbe):
    rows = list(csv.reader(io.StringIO(spbe("diff", OLD, NEW, "-f", "csv").out)))
    assert rows[0] == ["row", "id", "name", "old", "new", "delta", "effect", "external_source", "old_external_value",
                       "new_external_value", "conversion_status"]  # fmt: skip
    assert rows[1][:7] == ["index", "", "Indeks SPBE", "2.40", "2.63", "0.23", "0.2375"]  # numbers, not "+0.23"
    assert sum(1 for row in rows if row[0] == "indicator") == 10
    for row in rows[1:]:
        float(row[5])  # every delta reads as a number in a spreadsheet
    md = spbe("diff", OLD, NEW, "-f", "markdown").out
    assert "| 43 | Layanan Data Terbuka | 2 | 3 | ▲ +1 | +0.0300 |" in md
    assert "**Index: 2.40 (Cukup) -> 2.63 (Baik), change +0.23**" in md
    assert "▲ +0.23" in spbe("diff", OLD, NEW).out


def test_different_institution_same_framework_is_said(spbe, write):
    other = modified_denpasar(write, {}, **{"Pemerintah Kota Denpasar": "Pemerintah Kabupaten Badung"})
    out = spbe("diff", str(DENPASAR), other).out
    assert "different institutions" in out


@given(st.data())
def test_effects_always_sum_to_the_exact_change(data):
    framework, old = data.draw(assessments())
    _, new = data.draw(assessments(framework))
    result = diff(score(old, framework), score(new, framework))
    assert sum((i.effect for i in result.indicators), Fraction(0)) == result.delta_exact
    changed = {i for i in old.entries if old.entries[i].values != new.entries[i].values}
    assert {i.id for i in result.indicators} == changed


def test_diff_with_itself_is_empty(catalog):
    framework = catalog.get("pemdi-2026")
    assessment = Assessment("pemdi-2026", "X", 2026, {i.id: Entry((Fraction(3, 2),)) for i in framework.indicators})
    result = diff(score(assessment, framework), score(assessment, framework))
    assert result.indicators == () and result.delta == 0 and result.predikat_change == "same"
