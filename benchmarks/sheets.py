"""Benchmark spreadsheets: one 47-row assessment workbook read and written, and a national year of workbooks
through `spbe rank`. The project and its dependencies only.

    python benchmarks/sheets.py [--files 600] [--repeat 7]

(a) in-process, median of R runs each: write the Denpasar 2021 workbook (47 indicator rows, Bukti, Info),
    read its cells with each reader (python-calamine, the default; openpyxl read-only with values only;
    openpyxl read-only cell by cell, as spbe read before), read it as a validated assessment; the same for
    its CSV form; the YAML file for comparison. The readers run back to back, round after round, so load
    on a shared machine falls on all of them alike; ratios are given against calamine.
(b) fresh processes: `spbe rank FOLDER -f json -o OUT` over N workbooks read by calamine, by openpyxl,
    and the same N assessments as YAML; medians of R runs, interleaved, with peak memory.
"""

from __future__ import annotations

import argparse
import functools
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx  # noqa: E402
from spbe_cli.formats.writers.assessment_yaml import assessment_yaml  # noqa: E402
from spbe_cli.loading import assessment_sheet, sheets  # noqa: E402
from spbe_cli.loading.catalog import load_catalog  # noqa: E402
from spbe_cli.loading.loader import load_file, parse_any, parse_assessment  # noqa: E402

DENPASAR = ROOT / "examples" / "kota-denpasar-2021.yaml"


def median_ms(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def with_engine(engine: str, action):
    """`action` with every workbook read by `engine`: the sheet reader's read_xlsx is bound to it meanwhile."""

    def run():
        assessment_sheet.read_xlsx = functools.partial(sheets.read_xlsx, engine=engine)
        try:
            return action()
        finally:
            assessment_sheet.read_xlsx = sheets.read_xlsx

    return run


def interleaved_ms(actions: dict, repeat: int) -> dict[str, float]:
    """Each action once per round, rounds repeated: medians in ms."""
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(repeat):
        for name, action in actions.items():
            start = time.perf_counter()
            action()
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(values) * 1000 for name, values in times.items()}


def one_workbook(repeat: int) -> None:
    catalog = load_catalog()
    assessment = load_file(str(DENPASAR), catalog)
    framework = catalog.get(assessment.framework)
    xlsx = assessment_xlsx(assessment, framework)
    csv_text = assessment_csv(assessment, framework).encode("utf-8")
    yaml_bytes = DENPASAR.read_bytes()
    for engine in ("calamine", "openpyxl"):  # warm: imports, the framework's model
        with_engine(engine, lambda: parse_any(xlsx, "w.xlsx", catalog))()

    def cell_by_cell():  # how spbe read every workbook before calamine: openpyxl cell objects
        sheets.check_archive(xlsx, "w.xlsx")
        return sheets._cells(xlsx, "w.xlsx", data_only=False, formulas={})

    readers = {
        "read XLSX cells: calamine": lambda: sheets.read_xlsx(xlsx, "w.xlsx"),
        "read XLSX cells: openpyxl values": lambda: sheets.read_xlsx(xlsx, "w.xlsx", engine="openpyxl"),
        "read XLSX cells: openpyxl cells": cell_by_cell,
        "read XLSX assessment: calamine": lambda: parse_any(xlsx, "w.xlsx", catalog),
        "read XLSX assessment: openpyxl": with_engine("openpyxl", lambda: parse_any(xlsx, "w.xlsx", catalog)),
    }
    measured = interleaved_ms(readers, repeat)
    rows = [
        ("write XLSX (47 rows)", median_ms(lambda: assessment_xlsx(assessment, framework), repeat)),
        *measured.items(),
        ("write CSV", median_ms(lambda: assessment_csv(assessment, framework), repeat)),
        ("read CSV as an assessment", median_ms(lambda: parse_any(csv_text, "w.csv", catalog), repeat)),
        ("read YAML as an assessment", median_ms(lambda: parse_assessment(yaml_bytes, "w.yaml", catalog), repeat)),
    ]
    print(f"one workbook ({len(xlsx):,} bytes XLSX), in-process, median of {repeat} (ms, x calamine):")
    for name, ms in rows:
        base = measured["read XLSX assessment: calamine" if "assessment" in name else "read XLSX cells: calamine"]
        ratio = f"{ms / base:6.1f}x" if name in measured else ""
        print(f"  {name:36} {ms:8.2f} {ratio}")


def generate(folder: Path, count: int, kind: str, seed: int = 2026) -> None:
    """N assessments (spbe-2020, the framework of a national year before 2026) with random levels."""
    rng = random.Random(seed)
    catalog = load_catalog()
    framework = catalog.get("spbe-2020")
    template = load_file(str(DENPASAR), catalog)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        entries = {
            indicator_id: entry._replace(values=(rng.randint(1, 5),))
            for indicator_id, entry in template.entries.items()
        }
        from dataclasses import replace

        assessment = replace(template, institution=f"Pemerintah Daerah {number:03d}", entries=entries)
        if kind == "xlsx":
            (folder / f"{number:03d}.xlsx").write_bytes(assessment_xlsx(assessment, framework))
        else:
            (folder / f"{number:03d}.yaml").write_text(assessment_yaml(assessment, framework), encoding="utf-8")


def timed_process(args: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"failed: {' '.join(args)}: {process.stderr.read().decode() if process.stderr else ''}")
    return elapsed, usage.ru_maxrss / 1024


# `spbe rank` with every workbook read by the engine named first (the benchmark binds read_xlsx to it).
RANK_WITH = (
    "import functools, sys; import spbe_cli.loading.assessment_sheet as reader; "
    "reader.read_xlsx = functools.partial(reader.read_xlsx, engine=sys.argv.pop(1)); "
    "from spbe_cli.cli import main; sys.exit(main())"
)


def many_workbooks(count: int, repeat: int) -> None:
    work = Path(tempfile.mkdtemp(prefix="spbe-sheets-bench-"))
    try:
        generate(work / "xlsx", count, "xlsx")
        generate(work / "yaml", count, "yaml")
        runs = {"xlsx calamine": ("calamine", "xlsx"), "xlsx openpyxl": ("openpyxl", "xlsx"), "yaml": ("", "yaml")}
        results: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
        for _ in range(repeat):
            for name, (engine, kind) in runs.items():
                out = work / f"out-{kind}.json"
                arguments = ["rank", str(work / kind), "-f", "json", "-o", str(out)]
                start = [sys.executable, "-c", RANK_WITH, engine] if engine else [sys.executable, "-m", "spbe_cli"]
                results[name].append(timed_process(start + arguments))
        print(f"\n{count} files through `spbe rank -f json`, fresh processes, median of {repeat}:")
        print(f"  {'files':14} {'seconds':>8} {'ms/file':>8} {'peak MB':>8} {'x calamine':>10}")
        base = statistics.median(t for t, _ in results["xlsx calamine"])
        for name, measured in results.items():
            seconds = statistics.median(t for t, _ in measured)
            peak = statistics.median(m for _, m in measured)
            print(f"  {name:14} {seconds:8.2f} {seconds / count * 1000:8.2f} {peak:8.0f} {seconds / base:9.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=600)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    from importlib.metadata import version

    print(
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"openpyxl {version('openpyxl')}, python-calamine {version('python-calamine')}"
    )
    one_workbook(max(options.repeat, 20))
    many_workbooks(options.files, options.repeat)


if __name__ == "__main__":
    main()
