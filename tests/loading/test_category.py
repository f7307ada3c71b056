"""An assessment file's optional `category:` (what its published averages are compared with): read from
YAML, workbooks and CSV sheets, written back by every writer, refused with its place when unknown."""

from __future__ import annotations

import json

import pytest

from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx
from spbe_cli.formats.writers.assessment_yaml import assessment_yaml
from spbe_cli.formats.writers.template import render_template
from spbe_cli.i18n import Messages
from spbe_cli.loading.loader import load_file, parse_any, parse_assessment
from spbe_cli.problems import InvalidInput

from ..helpers import EXAMPLES

DENPASAR = EXAMPLES / "kota-denpasar-2021.yaml"


def with_category(text: str, category: str) -> str:
    return text.replace("\nlevels:", f"\ncategory: {category}\nlevels:", 1)


def test_a_yaml_file_may_name_its_category(catalog):
    text = with_category(DENPASAR.read_text(encoding="utf-8"), "lns")
    assessment = parse_assessment(text.encode(), "a.yaml", catalog)
    assert assessment.category == "lns"
    assert load_file(str(DENPASAR), catalog).category is None  # optional: read from the name when absent


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        (
            "en",
            "a.yaml:9:11: category must be one of kabupaten, kota, provinsi, kementerian, lpnk, lns, lainnya, pusat",
        ),
        ("id", "a.yaml:9:11: category harus salah satu dari kabupaten, kota, provinsi, kementerian, lpnk, lns"),
    ],
)
def test_an_unknown_category_is_refused_at_its_place(catalog, lang, said):
    text = with_category(DENPASAR.read_text(encoding="utf-8"), "desa")
    with pytest.raises(InvalidInput) as caught:
        parse_assessment(text.encode(), "a.yaml", catalog)
    assert caught.value.render(Messages(lang)).startswith(said)


def test_the_category_round_trips_through_every_writer(catalog):
    text = with_category(DENPASAR.read_text(encoding="utf-8"), "kota")
    original = parse_assessment(text.encode(), "a.yaml", catalog)
    framework = catalog.get(original.framework)
    assert "\ncategory: kota\n" in assessment_yaml(original, framework)
    assert parse_any(assessment_xlsx(original, framework), "x.xlsx", catalog).category == "kota"
    sheet = assessment_csv(original, framework, decimal_comma=False)
    assert sheet.splitlines()[0].startswith("\ufeffframework,institution,year,stage,category,")
    assert parse_any(sheet.encode("utf-8"), "x.csv", catalog).category == "kota"
    assert "\ncategory: kota\n" in render_template(framework, "X", 2022, previous=original)


def test_the_workbook_shows_an_empty_category_to_fill_in(catalog, tmp_path):
    import openpyxl

    path = tmp_path / "w.xlsx"
    path.write_bytes(assessment_xlsx(load_file(str(DENPASAR), catalog), catalog.get("spbe-2020")))
    info = openpyxl.load_workbook(path)["Info"]
    assert [(row[0].value, row[1].value) for row in info.iter_rows() if row[2].value == "category"] == [
        ("Category", None)
    ]
    assert parse_any(path.read_bytes(), "w.xlsx", catalog).category is None


def test_the_schema_and_the_template_offer_it(spbe, catalog):
    schema = json.loads(spbe("schema", "--framework", "spbe-2020").out)
    assert "lns" in json.dumps(schema["properties"]["category"])
    template = render_template(catalog.get("spbe-2020"), "X", 2024)
    assert "\n# category: kabupaten   # optional" in template
