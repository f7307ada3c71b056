"""Merging office sheets into one assessment (`spbe import`), as pure core policy."""

from __future__ import annotations

from dataclasses import replace

from spbe_cli.core.assessment import Assessment, Entry
from spbe_cli.core.merging import empty_like, merge, strangers
from spbe_cli.i18n import Messages
from spbe_cli.problems import KeyPath, Place


class Named:
    """A sheet's places: each key path at a made-up cell of its own."""

    def __init__(self, path: str) -> None:
        self.path = path

    def place(self, path: KeyPath, *, key: bool = False) -> Place:
        return Place(self.path, cell="/".join(map(str, path)))


def sheet(catalog, name: str, **given: Entry) -> Assessment:
    base = empty_like(Assessment("spbe-2020", "Kota Uji", 2025, {}), catalog.get("spbe-2020"))
    return replace(base, entries={**base.entries, **given}, source=name, places=Named(name))


def test_each_sheet_gives_only_what_it_holds(catalog):
    base = empty_like(Assessment("spbe-2020", "Kota Uji", 2025, {}), catalog.get("spbe-2020"))
    assert len(base.entries) == 47 and not any(entry.filled for entry in base.entries.values())
    bappeda = sheet(catalog, "bappeda.csv", **{"1": Entry(values=(3,), pic=("Bappeda",))})
    kominfo = sheet(catalog, "kominfo.csv", **{"2": Entry(values=None, stage_values={"mandiri": (4,)})})
    merged = merge(base, [bappeda, kominfo])
    assert merged.conflicts == () and merged.filled == 3
    assert merged.assessment.entries["1"] == Entry(values=(3,), pic=("Bappeda",))
    assert merged.assessment.entries["2"].stage_values == {"mandiri": (4,)}
    assert merged.assessment.entries["3"] == base.entries["3"]


def test_a_conflict_names_both_places_and_nothing_is_merged_for_it(catalog):
    base = sheet(catalog, "base.yaml")
    first = sheet(catalog, "a.csv", **{"7": Entry(values=(2,))})
    agreeing = sheet(catalog, "b.csv", **{"7": Entry(values=(2,))})
    other = sheet(catalog, "c.csv", **{"7": Entry(values=(3,))})
    merged = merge(base, [first, agreeing, other])
    (conflict,) = merged.conflicts
    assert conflict.field == "level"
    assert (conflict.first, conflict.second) == (
        Place("b.csv", cell="levels/7/level"),
        Place("c.csv", cell="levels/7/level"),
    )
    assert conflict.problem().render(Messages("en")) == (
        "c.csv:levels/7/level: indicator 7 nilai is 3 here but 2 at b.csv:levels/7/level: settle it in one sheet;"
        " nothing was written"
    )
    assert merged.assessment.entries["7"].values == (2,)  # the conflicting sheet gave nothing


def test_a_sheet_of_another_assessment_is_refused_where_it_says_so(catalog):
    base = sheet(catalog, "base.yaml")
    later = replace(sheet(catalog, "old.xlsx"), year=2024, institution="Kota Lain")
    assert [p.render(Messages("en")) for p in strangers(base, [base, later], named="base.yaml")] == [
        "old.xlsx:year: year is 2024 here but 2025 in base.yaml: these do not belong together",
        "old.xlsx:institution: institution is 'Kota Lain' here but 'Kota Uji' in base.yaml:"
        " these do not belong together",
    ]


def test_the_latest_stage_a_sheet_declares_is_the_assessments(catalog):
    base = replace(sheet(catalog, "base.yaml"), declared_stage="mandiri")
    sheets = [replace(sheet(catalog, "a.csv"), declared_stage="interviu"), sheet(catalog, "b.csv")]
    assert merge(base, sheets).assessment.declared_stage == "interviu"
