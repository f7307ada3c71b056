"""Any sequence of exports and imports through the stages keeps every value ever imported readable at its
stage, or refuses before anything is written.

Each example starts from a template and runs a sequence of imports through the command line: plain
sheets (`nilai`), a stage's sheets (`nilai_<stage>`), plain sheets read as a stage (`--stage`), and
sheets spbe exported from the file as it then stands (an office's self-assessment, the assessors' sheet),
filled in. After every step either the import succeeded and every value imported so far reads back at
its stage (a plain value at the stage it was kept as), or it was refused (exit 3) and the file is byte
for byte what it was. Exit 70 is never right.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spbe_cli.core.stages import STAGES
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file

POOL = ("1", "2", "3", "12", "30")  # few indicators, so that sheets meet on the same ones
OFFICE = "Bappeda"
ASSESSORS = STAGES[1:]

values = st.dictionaries(st.sampled_from(POOL), st.integers(1, 5), min_size=1, max_size=4)
step = st.one_of(
    st.tuples(st.just("plain"), values),
    st.tuples(st.just("stage"), values, st.sampled_from(STAGES)),
    st.tuples(st.just("plain_as"), values, st.sampled_from(STAGES)),
    st.tuples(st.just("office"), values),
    st.tuples(st.just("assessor"), values, st.sampled_from(ASSESSORS)),
)


def template(path: Path) -> None:
    levels = "\n".join(f'  {n}: {{level: null, pic: "{OFFICE}"}}' for n in range(1, 48))
    path.write_text(f"framework: spbe-2020\ninstitution: Kota Uji\nyear: 2025\nlevels:\n{levels}\n", encoding="utf-8")


def hand_made(path: Path, column: str, given: dict[str, int]) -> None:
    """A CSV sheet made by hand: the info columns, kode and one value column."""
    rows = [["framework", "institution", "year", "kode", column]]
    rows += [["spbe-2020", "Kota Uji", "2025", kode, str(value)] for kode, value in given.items()]
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)


def exported_and_filled(
    spbe, master: Path, path: Path, args: list[str], column: str, given: dict[str, int]
) -> dict[str, dict[str, int]] | None:
    """spbe's own sheet of the file as it stands, the given cells typed into `column`: every value each
    open value column then gives, by stage (what the sheet showed there too); None when the sheet has no
    such column."""
    result = spbe("export", master, "-o", path, "--lang", "en", *args)
    assert result.code == 0, result.err
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    if column not in rows[0]:
        return None
    at = rows[0].index(column)
    kode = rows[0].index("kode")
    for row in rows[1:]:
        if row[kode] in given:
            row[at] = str(given[row[kode]])
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows(rows)
    open_columns = {name.removeprefix("nilai_"): n for n, name in enumerate(rows[0]) if name.startswith("nilai_")}
    return {stage: {row[kode]: int(row[n]) for row in rows[1:] if row[n]} for stage, n in open_columns.items()}


def read_back(master: Path) -> dict[str, dict[str, tuple[int, ...] | None]]:
    """Each indicator's values as recorded: `{"level": ...}` for a plain value, else per stage."""
    assessment = load_file(str(master), CATALOG)
    return {
        key: dict(entry.stage_values) if entry.stage_values else {"level": entry.values}
        for key, entry in assessment.entries.items()
    }


CATALOG = load_catalog()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=6))
def test_every_value_imported_through_the_stages_stays_readable_or_nothing_is_written(spbe, steps):
    with tempfile.TemporaryDirectory() as folder:
        master = Path(folder) / "penilaian.yaml"
        template(master)
        ledger: dict[tuple[str, str], int] = {}  # (indicator, "level" or a stage) -> the value last imported there
        for number, (kind, given, *stage) in enumerate(steps):
            sheet = Path(folder) / f"sheet{number}.csv"
            options: list[str] = []
            gives: dict[str, dict[str, int]]  # "level" or a stage -> the values the sheet gives there
            if kind == "plain":
                hand_made(sheet, "nilai", given)
                gives = {"level": given}
            elif kind == "stage":
                hand_made(sheet, f"nilai_{stage[0]}", given)
                gives = {stage[0]: given}
            elif kind == "plain_as":
                hand_made(sheet, "nilai", given)
                options, gives = ["--stage", stage[0]], {stage[0]: given}
            else:
                args, slot = (["--pic", OFFICE], "mandiri") if kind == "office" else (["--assessor"], stage[0])
                shown = exported_and_filled(spbe, master, sheet, args, f"nilai_{slot}", given)
                if shown is None:
                    continue
                gives = shown
            before = master.read_bytes()
            declared = load_file(str(master), CATALOG).declared_stage
            result = spbe("import", sheet, "--into", master, *options)
            assert result.code in (0, 3), result.err  # never "internal error, please report"
            if result.code == 3:
                assert master.read_bytes() == before, "a refused import wrote something"
                continue
            recorded = read_back(master)
            for slot, values in gives.items():
                for kode, value in values.items():
                    if slot != "level" and (kode, "level") in ledger:  # the plain value is kept as its stage
                        kept = ledger.pop((kode, "level"))
                        ledger.setdefault((kode, declared or "mandiri"), kept)
                    ledger[(kode, slot)] = value
            for (kode, where), value in ledger.items():
                assert recorded[kode].get(where) == (value,), (steps[: number + 1], kode, where, recorded[kode])
