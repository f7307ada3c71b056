"""`spbe import` and `export` with what a person or a script may hand them: a workbook as the master, masters
written in any YAML a person writes, control characters in cells, text no workbook cell holds, and two runs
filling one master at once. Each is done exactly or refused with what to do, never exit 70."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spbe_cli.core.assessment import Assessment, Entry, Evidence
from spbe_cli.exitcodes import ExitCode
from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx
from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file

from ..helpers import CASES

CATALOG = load_catalog()
SPBE = CATALOG.get("spbe-2020")
MASTER = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")
DENPASAR = load_file(str(CASES / "denpasar-2021.yaml"), CATALOG)


def sheet(tmp_path: Path, name: str, entries: dict[str, Entry], kind: str = "csv") -> str:
    """One office's sheet of Denpasar 2021 giving only `entries`."""
    given = {i.id: entries.get(i.id, Entry(values=None)) for i in SPBE.indicators}
    assessment = Assessment("spbe-2020", DENPASAR.institution, 2021, given)
    path = tmp_path / f"{name}.{kind}"
    if kind == "csv":
        path.write_text(assessment_csv(assessment, SPBE), encoding="utf-8")
    else:
        path.write_bytes(assessment_xlsx(assessment, SPBE))
    return str(path)


# --- --into takes an assessment file -------------------------------------------------------------


@pytest.mark.parametrize("master", ["induk.xlsx", "induk.csv", "induk.ods", "same", "workbook-named.yaml"])
def test_into_a_sheet_is_refused_before_anything_is_read(tmp_path, spbe, master):
    office = sheet(tmp_path, "opd", {"1": Entry(values=(5,))}, kind="xlsx")
    if master == "same":
        target = office
    else:
        target = str(tmp_path / master)
        Path(target).write_bytes(Path(office).read_bytes() if master != "induk.csv" else b"kode,nilai\n1,3\n")
    before = Path(target).read_bytes()
    code, out, err = spbe("import", office, "--into", target)
    assert code == ExitCode.USAGE and out == ""
    assert "--into takes an assessment file (YAML)" in err and "write a new one with -o" in err
    assert Path(target).read_bytes() == before
    assert "menerima berkas penilaian (YAML)" in spbe("import", office, "--into", target, "--lang", "id")[2]


# --- masters as people write them ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  2: 1\n", "  2:\n    level: 1\n    note: |\n      baris satu\n      baris dua\n\n"),  # literal block
        ("  3: 4\n", "  3:\n    level: 4\n    note: >-\n      dilipat\n      jadi satu\n"),  # folded, last key
        ("  1: 4\n", "  ? 1\n  : 4\n"),  # an explicit key
        ("  2: 1\n", "  ? 2\n  : 1\n"),  # an explicit key whose entry is written again
        ("  2: 1\n", "  2: &satu 1\n"),  # an anchor nothing repeats
        ("  1: 4\n", "  1: !!int 4\n"),  # a tag
    ],
)
def test_masters_in_any_yaml_a_person_writes_are_edited_exactly(tmp_path, spbe, old, new):
    assert old in MASTER
    master = tmp_path / "induk.yaml"
    master.write_text(MASTER.replace(old, new, 1), encoding="utf-8")
    office = sheet(
        tmp_path,
        "opd",
        {"1": Entry(values=(5,)), "2": Entry(values=(1,), note="catatan baru"), "3": Entry(values=(5,))},
    )
    code, _, err = spbe("import", office, "--into", master)
    assert code == 0, err
    merged = load_file(str(master), CATALOG)
    assert merged.entries["1"].values == (5,) and merged.entries["3"].values == (5,)
    assert merged.entries["2"].note == "catatan baru"
    assert merged.entries["4"] == DENPASAR.entries["4"]


def test_a_json_master_is_filled(tmp_path, spbe):
    import json

    import yaml

    master = tmp_path / "induk.yaml"
    master.write_text(json.dumps(yaml.safe_load(MASTER)), encoding="utf-8")
    office = sheet(tmp_path, "opd", {"1": Entry(values=(5,)), "2": Entry(values=(1,), note="baru")})
    code, _, err = spbe("import", office, "--into", master)
    assert code == 0, err
    merged = load_file(str(master), CATALOG)
    assert (merged.entries["1"].values, merged.entries["2"].note) == ((5,), "baru")
    assert {k: v for k, v in merged.entries.items() if k not in ("1", "2")} == {
        k: v for k, v in DENPASAR.entries.items() if k not in ("1", "2")
    }


def test_a_value_an_alias_repeats_is_refused_with_what_to_do_and_nothing_written(tmp_path, spbe):
    master = tmp_path / "induk.yaml"
    text = MASTER.replace("  1: 4\n", "  1: &sama 4\n", 1).replace("  7: 3\n", "  7: *sama\n", 1)
    master.write_text(text, encoding="utf-8")
    office = sheet(tmp_path, "opd", {"1": Entry(values=(5,))})
    code, out, err = spbe("import", office, "--into", master)
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert err.startswith(f"{master}:9:6: this value is shared through the YAML anchor &sama, which *sama repeats")
    assert "write the value out in place of each *sama" in err and "report" not in err
    assert master.read_text(encoding="utf-8") == text
    assert "jangkar YAML &sama" in spbe("import", office, "--into", master, "--lang", "id")[2]
    both = sheet(tmp_path, "dua", {"1": Entry(values=(5,)), "7": Entry(values=(2,))})
    assert spbe("import", both, "--into", master)[0] == 0  # every place of it written: nothing else changes
    merged = load_file(str(master), CATALOG)
    assert (merged.entries["1"].values, merged.entries["7"].values) == ((5,), (2,))


# --- control characters in cells -----------------------------------------------------------------


@pytest.mark.parametrize("character", ["\x7f", "\x9b", "\x85", "\u2028", "\u2029", "\ufffe", "\ufeff", "\x0b"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_cell_with_a_control_character_reads_back_exactly(tmp_path, spbe, character, kind):
    if kind == "xlsx" and character == "\ufffe":
        pytest.skip("no workbook holds U+FFFE; export refuses it (tested below)")
    note = f"awal{character}akhir"
    office = sheet(tmp_path, "opd", {"2": Entry(values=(1,), note=note)}, kind=kind)
    new = tmp_path / "baru.yaml"
    code, _, err = spbe("import", office, "-o", new)
    assert code == 0, err
    assert load_file(str(new), CATALOG).entries["2"].note == note
    master = tmp_path / "induk.yaml"
    master.write_text(MASTER, encoding="utf-8")
    code, _, err = spbe("import", office, "--into", master)
    assert code == 0, err
    assert load_file(str(master), CATALOG).entries["2"].note == note


def test_half_a_character_in_a_json_evidence_line_is_refused_at_its_cell(tmp_path, spbe):
    rows = assessment_csv(DENPASAR, SPBE).splitlines()
    header = rows[0].split(";")
    cells = rows[1].split(";")
    cells[header.index("bukti_dukung")] = '"{""judul"": ""a\\ud800b""}"'
    path = tmp_path / "opd.csv"
    path.write_text("\n".join([rows[0], ";".join(cells), *rows[2:]]) + "\n", encoding="utf-8")
    code, _, err = spbe("import", path, "-o", tmp_path / "baru.yaml")
    assert code == ExitCode.INVALID_INPUT
    assert f"{path}:2:bukti_dukung: a line of JSON with an escape such as \\ud800 that is half of a character" in err


# --- export then import keeps text whole ----------------------------------------------------------


@pytest.mark.parametrize("separator", ["\u2028", "\x85", "\x0b", "\x0c", "\x1c"])
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_evidence_text_with_unusual_breaks_stays_one_item(tmp_path, spbe, separator, kind):
    plain = (Evidence(title=f"SK{separator}Walikota"),)
    with_status = (Evidence(title=f"Perda{separator}2021", status="diterima"), Evidence(link="https://x.go.id"))
    for items in (plain, with_status):
        entries = {**DENPASAR.entries, "1": DENPASAR.entries["1"]._replace(evidence=items, note=f"a{separator}b")}
        source = tmp_path / "a.yaml"
        from spbe_cli.formats.writers.assessment_yaml import assessment_yaml

        source.write_text(
            assessment_yaml(DENPASAR.__class__("spbe-2020", "Kota", 2021, entries), SPBE), encoding="utf-8"
        )
        exported = tmp_path / f"a.{kind}"
        assert spbe("export", source, "-o", exported, "--lang", "en")[0] == 0
        back = tmp_path / "b.yaml"
        back.unlink(missing_ok=True)
        code, _, err = spbe("import", exported, "-o", back)
        assert code == 0, err
        entry = load_file(str(back), CATALOG).entries["1"]
        assert (entry.evidence, entry.note) == (items, f"a{separator}b")


def test_text_longer_than_a_workbook_cell_is_refused_not_cut(tmp_path, spbe):
    long_note = "n" * 40_000
    source = tmp_path / "a.yaml"
    source.write_text(MASTER.replace("  2: 1\n", f'  2: {{level: 1, note: "{long_note}"}}\n', 1), encoding="utf-8")
    code, out, err = spbe("export", source, "-o", tmp_path / "a.xlsx")
    assert code == ExitCode.INVALID_INPUT and not (tmp_path / "a.xlsx").exists()
    assert err == (
        f"{source}: indicator 2 note has 40000 characters, and a workbook cell holds at most 32767: shorten it, "
        "or export to CSV, which keeps it whole\n"
    )
    assert (
        "satu sel buku kerja memuat paling banyak 32767"
        in spbe("export", source, "-o", tmp_path / "a.xlsx", "--lang", "id")[2]
    )
    assert spbe("export", source, "-o", tmp_path / "a.csv")[0] == 0
    assert spbe("import", tmp_path / "a.csv", "-o", tmp_path / "b.yaml")[0] == 0
    assert load_file(str(tmp_path / "b.yaml"), CATALOG).entries["2"].note == long_note
    odd = tmp_path / "odd.yaml"
    odd.write_text(MASTER.replace("  2: 1\n", '  2: {level: 1, note: "a\\uffffb"}\n', 1), encoding="utf-8")
    code, _, err = spbe("export", odd, "-o", tmp_path / "odd.xlsx")
    assert code == ExitCode.INVALID_INPUT and "holds the character U+FFFF, which no workbook can hold" in err


# --- two runs filling one master at once ---------------------------------------------------------


def _spbe_process(*args: object) -> subprocess.Popen[bytes]:
    program = "import sys\nfrom spbe_cli.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.Popen([sys.executable, "-c", program, *map(str, args)], stderr=subprocess.PIPE)


def test_two_imports_into_one_master_at_once_keep_both_offices_values(tmp_path):
    first = sheet(tmp_path, "bappeda", {str(n): Entry(values=(5,), pic=("Bappeda",)) for n in range(1, 11)})
    second = sheet(tmp_path, "kominfo", {str(n): Entry(values=(1,), pic=("Kominfo",)) for n in range(11, 21)})
    master = tmp_path / "induk.yaml"
    for _ in range(4):
        master.write_text(MASTER, encoding="utf-8")
        runs = [_spbe_process("import", office, "--into", master) for office in (first, second)]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err
        merged = load_file(str(master), CATALOG)
        assert all(merged.entries[str(n)].values == (5,) for n in range(1, 11))
        assert all(merged.entries[str(n)].values == (1,) for n in range(11, 21))
        assert not (tmp_path / "induk.yaml.lock").exists()


def test_the_lock_waits_for_its_holder_and_can_be_taken_again(tmp_path):
    import threading
    import time

    from spbe_cli.cli.locks import LockTimeout, locked

    target = str(tmp_path / "induk.yaml")
    order: list[str] = []
    with locked(target):
        waiter = threading.Thread(target=lambda: _hold(target, order))
        waiter.start()
        time.sleep(0.3)
        order.append("first done")
    waiter.join(10)
    assert order == ["first done", "second"]
    with locked(target), pytest.raises(LockTimeout):
        with locked(target, wait=0.2):
            pass


def _hold(target: str, order: list[str]) -> None:
    from spbe_cli.cli.locks import locked

    with locked(target):
        order.append("second")
