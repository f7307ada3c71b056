"""The quick check (`quickcheck`) and the framework's Pydantic model agree on every assessment.

For any data, the quick check either gives up (the model then checks the file and locates every
problem) or gives exactly the Assessment the model gives: the same entries, values of the same types,
texts as written. So it never accepts what the model refuses. Checked on generated data around the
plain shape: whole numbers, bools, decimals, texts and None as values; mappings with the keys an entry
may have and others; names with spaces, invisible or non-ASCII characters; years at and past the bounds.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from spbe_cli.loading import checker
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.checker import validate_data
from spbe_cli.loading.quickcheck import plain_assessment
from spbe_cli.problems import InvalidInput

CATALOG = load_catalog()
FRAMEWORKS = ["spbe-2020", "spbe-2018", "pemdi-2026"]

values = st.one_of(
    st.integers(-1, 7),
    st.booleans(),
    st.none(),
    st.sampled_from([Decimal("3"), Decimal("2.5"), 3.0, "3", "Rintisan", "", " "]),
)
texts = st.one_of(
    st.sampled_from(["Diskominfo", " Diskominfo ", "", " ", "Bagian\tUmum", "Dinas Kominfo"]),
    st.text(max_size=6),
    st.none(),
    st.integers(0, 3),
    st.lists(st.sampled_from(["Diskominfo", "Bappeda"]), max_size=2),
)
entry_keys = st.sampled_from(["level", "target", "note", "pic", "assessor_note", "recommendation", "service", "x"])
names = st.one_of(
    st.sampled_from(["Pemerintah Kota Contoh", " Pemerintah Kota Contoh", "Kota\u200b", "\u200b", "Kabupaten Ñ"]),
    st.sampled_from(["Pemerintah Kota Contoh"]),
    st.text(max_size=8),
    st.integers(),
)
years = st.one_of(st.sampled_from([1999, 2000, 2021, 2100, 2101, True, "2021"]), st.integers(1990, 2110))


valid_texts = st.one_of(st.sampled_from(["Diskominfo", " Diskominfo ", "", " ", "Bagian\tUmum"]), st.text(max_size=6))


@st.composite
def entries(draw: Any, clean: bool) -> dict[str, Any]:
    if clean:  # an entry as files write it: a level, maybe a target, offices and notes
        keys = draw(
            st.lists(st.sampled_from(["target", "note", "pic", "assessor_note", "recommendation"]), unique=True)
        )
        entry = {key: draw(valid_texts) for key in keys}
        if "target" in entry:
            entry["target"] = draw(st.integers(1, 5))
        return {"level": draw(st.integers(1, 5)), **entry}
    keys = draw(st.lists(entry_keys, max_size=4, unique=True))
    return {key: draw(values if key in ("level", "target") else texts) for key in keys}


@st.composite
def assessments(draw: Any) -> tuple[dict[str, Any], Any]:
    """Half the files in the plain shape (the quick path's) with at most one change, half anything."""
    framework = CATALOG.get(draw(st.sampled_from(FRAMEWORKS)))
    clean = draw(st.booleans())
    levels: dict[str, Any] = {}
    for indicator in framework.indicators:
        if clean:
            plain = draw(st.integers(0, 4)) > 0
            levels[indicator.id] = (
                draw(st.integers(framework.min_value, framework.max_value)) if plain else draw(entries(clean=True))
            )
            continue
        shape = draw(st.sampled_from(["int", "int", "int", "entry", "value", "missing"]))
        if shape == "int":
            levels[indicator.id] = draw(st.integers(framework.min_value, framework.max_value))
        elif shape == "entry":
            levels[indicator.id] = draw(entries(clean=False))
        elif shape == "value":
            levels[indicator.id] = draw(values)
    data: dict[str, Any] = {
        "framework": framework.id,
        "institution": draw(st.just("Pemerintah Kota Contoh") if clean else names),
        "year": draw(st.integers(2000, 2100) if clean else years),
        "levels": levels,
    }
    change = draw(st.sampled_from(["none", "none", "value", "entry", "key", "top", "name", "year"]))
    some = draw(st.sampled_from([i.id for i in framework.indicators]))
    if change == "value":
        levels[some] = draw(values)
    elif change == "entry":
        levels[some] = draw(entries(clean=False))
    elif change == "key":
        levels[draw(st.sampled_from(["99", "x", "I1", "1"]))] = 3
    elif change == "top":
        key = draw(st.sampled_from(["stage", "category", "other", "institution", "year", "levels"]))
        if key in ("institution", "year", "levels"):
            data.pop(key)
        else:
            data[key] = draw(st.sampled_from(["penilaian_mandiri", "kota", None]))
    elif change == "name":
        data["institution"] = draw(names)
    elif change == "year":
        data["year"] = draw(years)
    return data, framework


def by_the_model(data: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as patched:
        patched.setattr(checker, "plain_assessment", lambda *args: None)
        try:
            return validate_data(data, CATALOG, "a.yaml")
        except InvalidInput:
            return None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(assessments())
def test_the_quick_check_gives_the_models_assessment_or_gives_up(monkeypatch, case):
    data, framework = case
    quick = plain_assessment(data, framework, "a.yaml")
    event("quick" if quick is not None else "model")
    if quick is None:
        return
    model = by_the_model(data, monkeypatch)
    assert model is not None, "the quick check accepted what the model refuses"
    assert quick == model
    assert list(quick.entries) == list(model.entries)
    for ours, theirs in zip(quick.entries.values(), model.entries.values(), strict=True):
        assert [type(v) for v in ours.values or ()] == [type(v) for v in theirs.values or ()]
        assert type(ours.target) is type(theirs.target)
    assert (quick.stage, quick.stages, quick.declared_stage, quick.category) == (None, (), None, None)


def plain_file(framework_id: str, entry: dict[str, Any] | None = None) -> dict[str, Any]:
    framework = CATALOG.get(framework_id)
    levels: dict[str, Any] = {i.id: framework.max_value for i in framework.indicators}
    if entry is not None:
        levels[framework.indicators[0].id] = entry
    return {"framework": framework_id, "institution": "Kota Contoh", "year": 2021, "levels": levels}


def test_a_plain_spbe_file_takes_the_quick_path_and_scores_as_the_model():
    # the property above must be able to see both paths: the commonest files do take the quick one
    framework = CATALOG.get("spbe-2020")
    for entry in (None, {"level": 3, "target": 4, "pic": "Diskominfo", "note": "catatan"}):
        data = plain_file("spbe-2020", entry)
        assert plain_assessment(data, framework, "a.yaml") is not None


@pytest.mark.parametrize(
    "change",
    [
        {"institution": " Kota Contoh"},
        {"year": True},
        {"year": 2101},
        {"stage": "penilaian_mandiri"},
    ],
)
def test_anything_else_is_left_to_the_model(change):
    data = {**plain_file("spbe-2020"), **change}
    assert plain_assessment(data, CATALOG.get("spbe-2020"), "a.yaml") is None


def test_a_decimal_framework_is_left_to_the_model():
    assert plain_assessment(plain_file("pemdi-2026"), CATALOG.get("pemdi-2026"), "a.yaml") is None
