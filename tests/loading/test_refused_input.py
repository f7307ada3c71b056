"""Input that reads as something else, is too much or points wrong: refused with its place, never a crash or a
silent change; problems capped per file. Every test here failed before the behaviour it checks was built."""

from __future__ import annotations

import io
import os
import re
import threading
from pathlib import Path

import pytest

from spbe_cli.exitcodes import ExitCode

from ..helpers import CASES, ROOT, UJI_FRAMEWORKS

DENPASAR = (CASES / "denpasar-2021.yaml").read_text(encoding="utf-8")

DENPASAR_FILE = str(CASES / "denpasar-2021.yaml")


# --- values that read as something else, or too much --------------------------------------------------


PEMDI = (ROOT / "examples" / "pemdi-2026-kota-ilustrasi.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("  2: 1\n", "  2: 1\n  yes: 5\n"), ":3: key yes must be text or a whole number"),
        (("  2: 1\n", "  2: 1\n  on: 5\n"), ":3: key on must be text"),
        (("  2: 1\n", "  2: 1\n  1.0: 5\n"), ":3: key 1.0 must be text"),
        (("  2: 1\n", "  2: 1\n  ~: 5\n"), ":3: key ~ must be text"),
        (("year: 2021", "year: 0x7E5"), "'0x7E5' is not a plain number"),
        (("year: 2021", "year: 33:41"), "'33:41' is not a plain number"),
        (("  8: ", "  010: "), "'010' is not a plain number"),
        (("institution: Pemerintah Kota Denpasar", 'institution: "\\u200b\\u2060"'), "institution must be"),
        (("year: 2021", "year: " + "9" * 5000), "a number of 5000 characters; at most 40 are read"),
        (("  2: 1\n", "  2: 0x" + "f" * 5000 + "\n"), "a number of 5002 characters"),
    ],
)
def test_values_that_read_as_something_else_are_refused_with_their_place(write, spbe, change, expected):
    old, new = change
    assert old in DENPASAR
    path = write("a.yaml", DENPASAR.replace(old, new, 1))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT, err
    assert expected in err and re.search(r"a\.yaml:\d+:\d+: ", err)
    assert spbe("score", path, "-f", "json")[0] == ExitCode.INVALID_INPUT


def test_pemdi_values_are_read_to_six_decimal_places_and_never_rounded(write, spbe):
    assert "  I1: 2.50\n" in PEMDI
    fine = write("fine.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 2.123456\n"))
    assert spbe("validate", fine)[0] == 0
    also_fine = write("zeros.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 2.500000000\n"))  # exactly 2.5
    assert spbe("validate", also_fine)[0] == 0
    for value in ("2.1234567", "4.99999999999999999999", "1." + "0" * 30 + "1"):
        path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", f"  I1: {value}\n"))
        code, _, err = spbe("validate", path)
        assert code == ExitCode.INVALID_INPUT
        assert ":8:7: indicator I1 has more than 6 decimal places" in err
        assert spbe("plan", path, "-t", "4")[0] == ExitCode.INVALID_INPUT  # never planned


def test_a_long_decimal_is_refused_quickly(write, spbe):
    path = write("a.yaml", PEMDI.replace("  I1: 2.50\n", "  I1: 4." + "0" * 3_000_000 + "\n"))
    code, _, err = spbe("validate", path)  # was quadratic: minutes for a few megabytes
    assert code == ExitCode.INVALID_INPUT and "at most 40 are read" in err


# --- messages that leak internals or point wrong; standard input --------------------------------------


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("  1: 4\n", "  1: {level: 4, 5: x}\n"), ":9:17: unknown key '5'"),
        (("  1: 4\n", "  1: !!float 3\n"), "not 3 (read as a decimal number: remove the !!float tag"),
        (("framework:", "1.5: x\nframework:"), ":5:1: key 1.5 must be text or a whole number"),
        (("framework:", "~: x\nframework:"), ":5:1: key ~ must be text or a whole number"),
    ],
)
def test_messages_name_what_was_written_where(write, spbe, change, expected):
    old, new = change
    assert old in DENPASAR
    path = write("a.yaml", DENPASAR.replace(old, new, 1))
    code, _, err = spbe("validate", path)
    assert code == ExitCode.INVALID_INPUT
    assert expected in err and "Decimal(" not in err and "None:" not in err and "[6]" not in err


def test_costs_indicators_is_a_mapping_or_empty(write, spbe):
    costs = write("costs.yaml", "indicators: [1]\n")
    code, _, err = spbe("plan", DENPASAR_FILE, "-t", "3.5", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT
    assert "costs.yaml:1:13: indicators must be a mapping" in err and "positive number" not in err
    empty = write("empty.yaml", "indicators: null\n")
    assert spbe("plan", DENPASAR_FILE, "-t", "3.5", "--costs", empty)[0] == ExitCode.OK


@pytest.mark.parametrize(
    "args",
    [
        ("score", "-", "-"),
        ("validate", "-", "-"),
        ("rank", "-", "-"),
        ("diff", "-", "-"),
        ("plan", "-", "-t", "3.5", "--costs", "-"),
        ("score", "-", "--frameworks", "-"),
    ],
)
def test_standard_input_is_read_once(spbe, monkeypatch, args):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(DENPASAR.encode())))
    code, out, err = spbe(*args)
    assert code == ExitCode.USAGE, err
    assert "standard input (-) can be read only once" in err and out == ""


# --- problems capped per file -------------------------------------------------------------------------


def test_problems_are_capped_per_file_in_every_format(write, spbe):
    many = write("many.yaml", DENPASAR + "".join(f"unknown_key_{n}: {n}\n" for n in range(1000)))
    other = write("other.yaml", DENPASAR.replace("year: 2021", "year: 1900"))
    code, out, err = spbe("validate", many, other)
    assert code == ExitCode.INVALID_INPUT
    lines = err.splitlines()
    assert len([line for line in lines if "many.yaml" in line]) == 101
    assert lines[100].endswith("many.yaml: ... and 900 more problems in this file (the first 100 are shown)")
    assert any("other.yaml:7:7: year must be" in line for line in lines)  # another file keeps its own
    code, out, err = spbe("validate", many, "--format", "github")
    assert code == ExitCode.INVALID_INPUT
    annotations = out.splitlines()
    assert len(annotations) == 101 and annotations[-1].startswith("::error file=")
    assert "and 900 more problems" in annotations[-1]
    code, out, err = spbe("score", many, "-f", "json", "--lang", "id")
    assert code == ExitCode.INVALID_INPUT and out == ""
    assert len(err.splitlines()) == 101 and "dan 900 masalah lain" in err


# --- FIFOs and devices named explicitly, frameworks files ---------------------------------------------


def endless_writer(fifo: Path, chunk: bytes) -> threading.Thread:
    """A writer that never stops (until its reader goes away): spbe must stop at its size cap."""

    def write() -> None:
        try:
            with open(fifo, "wb") as handle:
                while True:
                    handle.write(chunk)
        except (BrokenPipeError, OSError):
            pass

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


@pytest.mark.parametrize("role", ["assessment", "frameworks"])
def test_a_fifo_named_explicitly_is_read_up_to_the_size_cap(tmp_path, spbe, role):
    fifo = tmp_path / "endless.yaml"
    os.mkfifo(fifo)
    writer = endless_writer(fifo, b"# a comment that never ends\n" * 4096)
    args = ("validate", str(fifo)) if role == "assessment" else ("validate", DENPASAR_FILE, "--frameworks", str(fifo))
    code, out, err = spbe(*args)
    writer.join()
    assert code == ExitCode.INVALID_INPUT
    assert "endless.yaml: file is larger than 10 MB" in err


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_as_frameworks_file_is_capped(spbe):
    code, _, err = spbe("validate", DENPASAR_FILE, "--frameworks", "/dev/zero")
    assert code == ExitCode.INVALID_INPUT and "/dev/zero: file is larger than 10 MB" in err


def test_indicator_ids_differing_only_in_case_are_refused_with_their_place(write, spbe):
    frameworks = write("case.yaml", UJI_FRAMEWORKS.replace("{id: y,", "{id: X,"))
    for args in (("validate", DENPASAR_FILE), ("schema",), ("frameworks",), ("indicators", "uji")):
        code, out, err = spbe(*args, "--frameworks", frameworks)
        assert code == ExitCode.INVALID_INPUT, (args, err)
        assert "case.yaml:13:79:" in err and "indicator id X differs from x only in upper and lower case" in err


# --- costs files: keys that collide, numbers too long -------------------------------------------------


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("indicators:\n  42: 5\n  42.0: 0.5\n", "costs.yaml:3:3: key 42.0 must be text or a whole number"),
        ("indicators:\n  42: 5\n  '42': 0.5\n", "costs.yaml:3:3: duplicate key '42' (first defined at line 2)"),
        ("indicators:\n  1: 5\n  yes: 0.5\n", "costs.yaml:3:3: key yes must be text or a whole number"),
        ("default: " + "9" * 5000 + "\n", "costs.yaml:1:10: a number of 5000 characters; at most 40 are read"),
        ("default: 0x" + "f" * 5000 + "\n", "costs.yaml:1:10: a number of 5002 characters"),
        ("indicators: {42: " + "9" * 4400 + "}\n", "costs.yaml:1:18: a number of 4400 characters"),
    ],
)
def test_costs_files_refuse_colliding_keys_and_huge_numbers(write, spbe, written, expected):
    costs = write("costs.yaml", written)
    code, out, err = spbe("plan", DENPASAR_FILE, "-t", "3.5", "--costs", costs)
    assert code == ExitCode.INVALID_INPUT and out == ""  # never exit 70, never a silent replacement
    assert expected in err
