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


def staged(**stages) -> Entry:
    return Entry(values=None, stage_values={stage: (value,) for stage, value in stages.items()})


def test_a_plain_value_is_kept_as_the_self_assessment_when_a_sheet_gives_stages(catalog):
    base = sheet(catalog, "penilaian.yaml", **{"11": Entry(values=(3,), pic=("Bappeda",))})
    assessors = sheet(catalog, "asesor.xlsx", **{"11": staged(dokumen=2, akhir=2)})
    merged = merge(base, [assessors])
    assert merged.accepted and merged.kept == ("11",) and merged.kept_stage == "mandiri"
    entry = merged.assessment.entries["11"]
    assert entry.stage_values == {"mandiri": (3,), "dokumen": (2,), "akhir": (2,)}
    assert entry.pic == ("Bappeda",)
    assert merged.changes == () and merged.added == 2  # nothing a person wrote was replaced


def test_a_plain_value_is_kept_as_the_files_declared_stage(catalog):
    base = replace(sheet(catalog, "penilaian.yaml", **{"11": Entry(values=(3,))}), declared_stage="dokumen")
    merged = merge(base, [sheet(catalog, "akhir.xlsx", **{"11": staged(akhir=2)})])
    assert merged.assessment.entries["11"].stage_values == {"dokumen": (3,), "akhir": (2,)}
    assert merged.kept_stage == "dokumen"


def test_the_declared_stage_moves_on_to_the_latest_stage_the_sheets_record(catalog):
    base = replace(sheet(catalog, "penilaian.yaml", **{"1": staged(mandiri=3)}), declared_stage="mandiri")
    merged = merge(base, [sheet(catalog, "asesor.xlsx", **{"1": staged(interviu=2)})])
    assert merged.assessment.declared_stage == "interviu"
    assert merged.stage_moved == ("mandiri", "interviu")


def test_a_plain_value_for_an_indicator_recorded_per_stage_is_refused_naming_what_it_holds(catalog):
    base = sheet(catalog, "penilaian.yaml", **{"11": staged(mandiri=3, dokumen=2)})
    merged = merge(base, [sheet(catalog, "opd.xlsx", **{"11": Entry(values=(4,))})])
    assert not merged.accepted
    (refusal,) = merged.refusals
    assert refusal.problem("penilaian.yaml").render(Messages("en")) == (
        "opd.xlsx:levels/11/level: indicator 11: nilai 4 holds for every stage, but penilaian.yaml records it"
        " per stage (mandiri 3, dokumen 2): say which stage it is (import with --stage STAGE, or name the column"
        " nilai_<stage>); nothing was written"
    )
    assert "tidak ada yang ditulis" in refusal.problem("penilaian.yaml").render(Messages("id"))


def test_a_plain_value_in_one_sheet_and_a_stage_in_another_is_a_conflict(catalog):
    # issue 21 item 12: the sheet named last used to win without a word
    base = sheet(catalog, "penilaian.yaml")
    plain = sheet(catalog, "a.xlsx", **{"5": Entry(values=(3,))})
    mandiri = sheet(catalog, "b.xlsx", **{"5": staged(mandiri=4)})
    for order in ([plain, mandiri], [mandiri, plain]):
        (conflict,) = merge(base, order).conflicts
        text = conflict.problem().render(Messages("en"))
        assert "a.xlsx:levels/5/level" in text and "b.xlsx:levels/5/mandiri" in text
        assert ("nilai 3" in text and "mandiri 4" in text) and "give its value one way" in text


def test_a_stage_value_and_another_agencys_index_in_two_sheets_is_a_conflict(catalog):
    from spbe_cli.loading.loader import parse_assessment

    def pemdi(name: str, i5: str) -> Assessment:
        levels = "\n".join(f"  {i.id}: {i5 if i.id == 'I5' else 'null'}" for i in catalog.get("pemdi-2026").indicators)
        text = f"framework: pemdi-2026\ninstitution: Kota Uji\nyear: 2026\nlevels:\n{levels}\n"
        return replace(parse_assessment(text.encode(), name, catalog), places=Named(name))

    base = pemdi("penilaian.yaml", "null")
    (conflict,) = merge(base, [pemdi("a.csv", "{external: 58.3}"), pemdi("b.csv", "{mandiri: 2}")]).conflicts
    text = conflict.problem().render(Messages("en"))
    assert "eksternal 58.3" in text and "mandiri 2" in text


def test_a_value_where_another_index_sets_it_is_refused_but_pending_is_replaced(catalog):
    from spbe_cli.loading.loader import parse_assessment

    def pemdi(name: str, i5: str) -> Assessment:
        levels = "\n".join(f"  {i.id}: {i5 if i.id == 'I5' else 'null'}" for i in catalog.get("pemdi-2026").indicators)
        text = f"framework: pemdi-2026\ninstitution: Kota Uji\nyear: 2026\nlevels:\n{levels}\n"
        return replace(parse_assessment(text.encode(), name, catalog), places=Named(name))

    refused = merge(pemdi("penilaian.yaml", "{external: 58.3}"), [pemdi("opd.csv", "{mandiri: 2}")])
    assert [r.reason for r in refused.refusals] == ["value_into_external"]
    taken = merge(pemdi("penilaian.yaml", "{external: pending}"), [pemdi("opd.csv", "{mandiri: 2}")])
    assert taken.accepted and taken.assessment.entries["I5"].stage_values == {"mandiri": (2,)}
    assert taken.assessment.entries["I5"].external is None
    back = merge(pemdi("penilaian.yaml", "{mandiri: 3}"), [pemdi("opd.csv", "{external: 58.3}")])
    assert [r.reason for r in back.refusals] == ["external_into_value"]


def test_what_the_merge_replaced_is_listed_and_the_rest_counted(catalog):
    base = sheet(
        catalog,
        "penilaian.yaml",
        **{"1": staged(mandiri=3), "2": Entry(values=(2,), note="lama"), "3": Entry(values=(4,), pic=("BPKAD",))},
    )
    office = sheet(
        catalog,
        "opd.xlsx",
        **{
            "1": staged(mandiri=4),  # replaced
            "2": Entry(values=(2,), note="baru", target=3),  # value as it was; note replaced; target added
            "3": Entry(values=(4,), pic=("BPKAD",)),  # as it was
        },
    )
    merged = merge(base, [office])
    assert [(c.indicator_id, c.field, c.before, c.after) for c in merged.changes] == [
        ("1", "value", "mandiri 3", "mandiri 4"),
        ("2", "note", "lama", "baru"),
    ]
    assert (merged.added, merged.fields_added, merged.unchanged) == (0, 1, 3)


def test_fields_beside_a_value_from_another_index_are_merged(catalog):
    # An office's sheet sent again, or the assessors' notes, for an indicator whose value comes from
    # another agency's index: its offices, note and assessors' note are taken, never refused.
    from spbe_cli.loading.loader import parse_assessment

    levels = "\n".join(
        f"  {i.id}: {'{external: 45.2, pic: Diskominfo}' if i.id == 'I5' else 'null'}"
        for i in catalog.get("pemdi-2026").indicators
    )
    text = f"framework: pemdi-2026\ninstitution: Kota Uji\nyear: 2026\nlevels:\n{levels}\n"
    base = replace(parse_assessment(text.encode(), "penilaian.yaml", catalog), places=Named("penilaian.yaml"))
    given = Entry(values=None, pic=("Diskominfo",), note="Angka SDI 2025", assessor_note="Belum final")
    merged = merge(base, [replace(base, entries={"I5": given}, source="opd.xlsx", places=Named("opd.xlsx"))])
    assert merged.accepted, [r.reason for r in merged.refusals]
    entry = merged.assessment.entries["I5"]
    assert (entry.note, entry.assessor_note, entry.pic) == ("Angka SDI 2025", "Belum final", ("Diskominfo",))
    assert entry.external == base.entries["I5"].external  # the index's number stays
