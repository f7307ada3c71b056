"""The assessment checker on its own: any read document in, an Assessment or every problem out.

It never asks which reader made the document: it reports each problem where the document says the
value stands, and names it the document's way when the document has its own words (a sheet's row
and column).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from spbe_cli.i18n import M, Messages, Phrase
from spbe_cli.loading.checker import AssessmentChecker, validate_data, validate_document
from spbe_cli.loading.locate import Document
from spbe_cli.loading.yamlread import YamlDocument, read_yaml
from spbe_cli.problems import InvalidInput, KeyPath, Place

from ..helpers import levels_yaml, uniform


@dataclass
class Labelled(Document):
    """A document that stands every value at a made-up cell named after its key path."""

    data: Any
    path: str = "labelled"

    def place(self, path: KeyPath, *, key: bool = False) -> Place:
        return Place(self.path, cell=("key " if key else "") + "/" + "/".join(map(str, path)))

    def where(self, path: KeyPath) -> Phrase | None:
        return Phrase(M.sheet_where, row="7", column="/".join(map(str, path)))


def data(catalog, **changes: Any) -> dict[str, Any]:
    levels: dict[str, Any] = {key: 3 for key in uniform(catalog, "spbe-2020", 3)}
    levels.update(changes)
    return {"framework": "spbe-2020", "institution": "Kota Uji", "year": 2024, "levels": levels}


def refusals(document: Document, catalog, language: str = "en") -> list[str]:
    with pytest.raises(InvalidInput) as caught:
        AssessmentChecker(document).assessment(catalog)
    return [problem.render(Messages(language)) for problem in caught.value.problems]


def test_a_valid_document_becomes_an_assessment(catalog):
    assessment = validate_document(Labelled(data(catalog, **{"12": {"mandiri": 4, "akhir": 3}})), catalog)
    assert assessment.framework == "spbe-2020" and assessment.source == "labelled"
    assert assessment.entries["12"].values == (3,) and assessment.stages == ("mandiri", "akhir")
    assert assessment.places is None  # locating is the loader's: the checker only checks


def test_problems_stand_where_the_document_places_them_and_are_named_its_way(catalog):
    document = Labelled(data(catalog, **{"5": 9, "99": 3}))
    assert refusals(document, catalog, "id") == [
        "labelled:/levels/5: baris 7, kolom levels/5 harus bilangan bulat dari 1 sampai 5, bukan 9",
        "labelled:key /levels/99: indikator '99' tidak dikenal (spbe-2020 memiliki indikator 1 sampai 47)",
    ]


def test_every_problem_of_a_document_is_reported_at_once(catalog):
    wrong = data(catalog, **{"3": "tiga", "12": {"level": 3, "mandiri": 4}})
    wrong["year"] = 1999
    found = refusals(YamlDocument(wrong, "a.yaml"), catalog)  # read without positions: all at 1:1
    assert found == [
        "a.yaml:1:1: year must be a whole number from 2000 to 2100, not 1999",
        "a.yaml:1:1: indicator 3 must be a whole number from 1 to 5, not text 'tiga'; write the level's number"
        " (1 Rintisan, 2 Terkelola, 3 Terdefinisi, 4 Terpadu dan Terukur, 5 Optimum)",
        "a.yaml:1:1: indicator 12 has both `level` and values per stage (mandiri): keep one",
    ]


def test_a_yaml_document_locates_by_line_and_names_by_key_path(catalog):
    levels = uniform(catalog, "spbe-2020", 3)
    levels["12"] = "{level: 3, evidence: [{title: SK, status: hilang}]}"
    document = read_yaml(levels_yaml("spbe-2020", levels).encode(), "a.yaml")
    (problem,) = refusals(document, catalog)
    assert problem.startswith("a.yaml:16:49: indicator 12 evidence item 1 status must be one of draf, diunggah")


def test_the_framework_is_checked_first(catalog):
    assert refusals(Labelled(["a list"]), catalog) == [
        "labelled:/: expected a mapping with keys framework, institution, year, levels, found a list"
    ]
    unknown = data(catalog)
    unknown["framework"] = "spbe-2021"
    (problem,) = refusals(Labelled(unknown), catalog)
    assert problem.startswith("labelled:/framework: unknown framework text 'spbe-2021'; did you mean 'spbe-2020'?")


def test_number_keys_are_read_as_text_keys(catalog):
    as_numbers = data(catalog)
    as_numbers["levels"] = {int(key): value for key, value in as_numbers["levels"].items()}
    assert validate_data(as_numbers, catalog) == validate_data(data(catalog), catalog)
    as_numbers["levels"][99] = 3  # an unknown key, never a list position
    with pytest.raises(InvalidInput) as caught:
        validate_data(as_numbers, catalog)
    assert [p.text() for p in caught.value.problems] == ["unknown indicator '99' (spbe-2020 has indicators 1 to 47)"]
