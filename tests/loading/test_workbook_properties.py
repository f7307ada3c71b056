"""Round trip YAML -> XLSX (and CSV) -> YAML, on generated assessments of every framework.

Generated: plain, staged and unfilled indicators, services of spbe-2018 indicator 35, evidence items
(plain links and titles, and items with code, status and note), offices, Unicode, text that looks like a
formula, text with carriage returns (CRLF and a bare CR, which XLSX keeps as Excel's `_x000D_` escape) and
text that looks like that escape, empty optional cells, pemdi-2026 decimals and exact fractions (7/6).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx
from spbe_cli.formats.writers.assessment_yaml import assessment_yaml
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.checker import validate_data
from spbe_cli.loading.loader import parse_any, parse_assessment

CATALOG = load_catalog()
FRAMEWORKS = list(CATALOG)
STAGES = ("mandiri", "dokumen", "interviu", "visitasi", "akhir")
STATUSES = ("draf", "diunggah", "diterima", "revisi", "ditolak")

_characters = st.characters(
    blacklist_categories=("Cs", "Cc", "Cf", "Co", "Cn"), blacklist_characters="\u2028\u2029\x85"
)
plain_text = st.text(_characters, min_size=1, max_size=12).filter(lambda s: s.strip())
formula_like = st.sampled_from(["=1+2", "+62 812", "-5", "@SUM(A1)", "\tTab", "'quoted", "=cmd|' /C calc'!A0"])
line_break = st.sampled_from(["\n", "\r\n", "\r"])
texts = st.one_of(
    plain_text,
    formula_like,
    st.sampled_from(["\rCR first", "_x000D_ as typed", "a_x005F_b"]),
    st.builds(lambda a, eol, b: f"{a}{eol}{b}", plain_text, line_break, plain_text),
)
office = plain_text.filter(lambda s: ";" not in s)


def values_for(framework):
    if framework.integer_values:
        return st.integers(framework.min_value, framework.max_value)
    decimals = st.integers(100, 500).map(lambda hundredths: Decimal(hundredths) / 100)
    return st.one_of(decimals, st.integers(6, 30).map(lambda sixths: f"{sixths}/6"))  # exact fractions: 7/6


@st.composite
def evidence_items(draw, indicator, framework):
    if draw(st.booleans()):
        return draw(st.one_of(texts, st.sampled_from(["https://jdih.example.go.id/perbup-12", "www.contoh.go.id"])))
    item = {}
    if draw(st.booleans()):
        level = draw(st.integers(1, 5))
        item["code"] = (
            f"{indicator.id}-L{level}-{draw(st.integers(1, 99)):02d}"
            if framework.id == "pemdi-2026"
            else draw(plain_text)
        )
    item[draw(st.sampled_from(["link", "title"]))] = draw(texts)
    if draw(st.booleans()):
        item["status"] = draw(st.sampled_from(STATUSES))
    if draw(st.booleans()):
        item["note"] = draw(texts)
    return item


@st.composite
def assessment_data(draw):
    framework = draw(st.sampled_from(FRAMEWORKS))
    value = values_for(framework)
    top = draw(st.integers(0, len(STAGES) - 1))
    allowed = STAGES[: top + 1]
    levels = {}
    for indicator in framework.indicators:
        if indicator.external is not None:
            levels[indicator.id] = draw(st.one_of(st.none(), value))
            continue
        services = draw(st.integers(1, 3)) if indicator.multiple else 1
        one = st.lists(value, min_size=services, max_size=services).map(lambda v: v if len(v) > 1 else v[0])
        shape = draw(st.sampled_from(["plain", "unfilled", "entry", "staged"]))
        if shape == "plain":
            levels[indicator.id] = draw(one)
            continue
        if shape == "unfilled":
            levels[indicator.id] = None
            continue
        entry: dict = {}
        if shape == "staged":
            for stage in draw(st.lists(st.sampled_from(allowed), min_size=1, max_size=3, unique=True)):
                entry[stage] = draw(one)
            entry = {stage: entry[stage] for stage in STAGES if stage in entry}
        else:
            entry["level"] = draw(one)
        if draw(st.booleans()):
            entry["target"] = draw(value)
        for key in ("note", "assessor_note", "recommendation"):
            if draw(st.integers(0, 3)) == 0:
                entry[key] = draw(texts)
        if draw(st.booleans()):
            entry["pic"] = draw(st.one_of(office, st.lists(office, min_size=1, max_size=3)))
        if services > 1 and draw(st.booleans()):
            entry["service"] = draw(st.lists(plain_text, min_size=services, max_size=services))
        elif services == 1 and draw(st.integers(0, 3)) == 0:
            entry["service"] = draw(plain_text)
        if draw(st.booleans()):
            entry["evidence"] = draw(st.lists(evidence_items(indicator, framework), min_size=1, max_size=3))
        levels[indicator.id] = entry
    data = {
        "framework": framework.id,
        "institution": draw(texts),
        "year": draw(st.integers(2000, 2100)),
        "levels": levels,
    }
    if draw(st.booleans()):
        data["stage"] = allowed[-1]
    return framework, data


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(assessment_data())
def test_yaml_to_xlsx_to_yaml_loses_nothing(case):
    framework, data = case
    original = validate_data(data, CATALOG)
    yaml_text = assessment_yaml(original, framework)
    assert parse_assessment(yaml_text.encode("utf-8"), "a.yaml", CATALOG) == original
    back = parse_any(assessment_xlsx(original, framework), "a.xlsx", CATALOG)
    assert back == original
    assert assessment_yaml(back, framework) == yaml_text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(assessment_data(), st.booleans())
def test_yaml_to_csv_to_yaml_loses_nothing(case, decimal_comma):
    framework, data = case
    original = validate_data(data, CATALOG)
    text = assessment_csv(original, framework, decimal_comma=decimal_comma)
    back = parse_any(text.encode("utf-8"), "a.csv", CATALOG)
    assert back == original
    assert assessment_yaml(back, framework) == assessment_yaml(original, framework)
