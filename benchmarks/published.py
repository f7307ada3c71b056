"""Time the published figures: reading them, looking a name up, comparing a file. Standard library only.

    python benchmarks/published.py [--repeat R]

(a) In-process, medians of R rounds, every cache cleared before each round: importing the reader
    (spbe_cli.loading.published: what every `spbe score` pays), listing the years (a folder listing),
    reading one year's 600-odd rows, the averages and the sources, a lenient lookup over both years,
    and a file's reconciliation and position.
(b) Fresh processes, interleaved, wall and CPU time (median of R): `spbe score -f json` of one file
    dated 2021 (no published rows that year: nothing is read) and dated 2024 (that year's rows read and
    the file reconciled), and `spbe published "kab luwu" --year 2024 -f json`.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def luwu_text(year: int = 2024) -> str:
    """A 2024 kabupaten file that reproduces its published result (Kab. Luwu, 2.60 Cukup); the same file
    dated another year is the comparison without published rows."""
    levels = {n: 1 for n in range(1, 11)} | {1: 2, 2: 2}
    levels |= {n: 2 for n in range(11, 21)} | {11: 3}
    levels |= {n: 1 for n in range(21, 32)} | {21: 2, 22: 2, 23: 2}
    levels |= {n: 4 for n in range(32, 48)} | {32: 3, 33: 3, 42: 3, 43: 3}
    lines = ["framework: spbe-2020", "institution: Pemerintah Kabupaten Luwu", f"year: {year}", "levels:"]
    return "\n".join(lines + [f"  {n}: {v}" for n, v in levels.items()]) + "\n"


def fresh_import_ms(repeat: int) -> float:
    """Milliseconds `import spbe_cli.loading.published` adds to a fresh interpreter that has loaded what
    `spbe score` loads before it (the assessment loader), median of `repeat`."""
    code = (
        "import time, spbe_cli.loading.loader; s = time.perf_counter(); import spbe_cli.loading.published;"
        " print(time.perf_counter() - s)"
    )
    return statistics.median(_fresh_runs(code, repeat))


def bytecode_environment(cache: str) -> dict[str, str]:
    """The environment of a fresh spbe with bytecode written to `cache`, as an installed spbe runs
    (PYTHONDONTWRITEBYTECODE would charge compiling the sources to every run)."""
    environment = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return environment | {"PYTHONPATH": str(ROOT), "PYTHONPYCACHEPREFIX": cache}


def _fresh_runs(code: str, repeat: int) -> list[float]:
    with tempfile.TemporaryDirectory(prefix="spbe-bench-pycache-") as cache:
        runs = []
        for _ in range(repeat + 1):  # the first run writes the bytecode
            done = subprocess.run(
                [sys.executable, "-c", code],
                capture_output=True,
                text=True,
                check=True,
                env=bytecode_environment(cache),
            )
            runs.append(float(done.stdout) * 1000)
    return runs[1:]


def in_process(repeat: int) -> list[tuple[str, float]]:
    """Milliseconds of each step, median of `repeat` rounds with every cache cleared first."""
    from spbe_cli.core import figures, published
    from spbe_cli.core.scoring import score
    from spbe_cli.loading import published as loading
    from spbe_cli.loading.catalog import load_catalog
    from spbe_cli.loading.loader import parse_assessment

    catalog = load_catalog()
    assessment = parse_assessment(luwu_text().encode(), "luwu.yaml", catalog)
    result = score(assessment, catalog.get("spbe-2020"))
    data = loading.packaged()
    steps: dict[str, Callable[[], object]] = {
        "list the years (folder listing)": data.result_years,
        "read one year (2024, 615 rows)": lambda: data.results(2024),
        "read the averages (235 figures)": data.averages,
        "read the sources": data.sources,
        "look up 'kab luwu' (both years)": lambda: published.lookup(
            "kab luwu", data.results(2023) + data.results(2024)
        ),
        "reconcile a 2024 file": lambda: published.reconcile(result, data),
        "position of a 2024 file": lambda: published.position(result, data),
    }
    timings: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat):
        for cached in (loading._result_years, loading._results, loading._averages, loading._sources, figures.name_key):
            cached.cache_clear()
        for name, step in steps.items():  # in order: each step reads what it needs, once
            start = time.perf_counter()
            step()
            timings[name].append((time.perf_counter() - start) * 1000)
    return [(name, statistics.median(values)) for name, values in timings.items()]


def processes(repeat: int, folder: Path) -> list[tuple[str, float, float]]:
    """(name, median wall s, median CPU s) of fresh `spbe` runs, interleaved."""
    spbe = [sys.executable, "-m", "spbe_cli"]
    files = {}
    for year in (2021, 2024):
        files[year] = folder / f"luwu-{year}.yaml"
        files[year].write_text(luwu_text(year), encoding="utf-8")
    commands = {
        "score the file dated 2021 -f json (reads nothing)": [*spbe, "score", str(files[2021]), "-f", "json"],
        "score the file dated 2024 -f json (reads 2024)": [*spbe, "score", str(files[2024]), "-f", "json"],
        "published 'kab luwu' --year 2024 -f json": [*spbe, "published", "kab luwu", "--year", "2024", "-f", "json"],
    }
    environment = bytecode_environment(str(folder / "pycache"))
    for command in commands.values():  # warm the file cache and bytecode
        subprocess.run(command, check=True, capture_output=True, env=environment)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True, env=environment)
            walls[name].append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus[name].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return [(name, statistics.median(walls[name]), statistics.median(cpus[name])) for name in commands]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=9, help="rounds per measure (default 9)")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"import spbe_cli.loading.published after the loader: {fresh_import_ms(args.repeat):.2f} ms")
    print("in-process, every cache cleared first (ms):")
    for name, ms in in_process(args.repeat):
        print(f"  {name:<40}{ms:>8.2f}")
    with tempfile.TemporaryDirectory(prefix="spbe-bench-") as temp:
        print("fresh processes (median wall s / CPU s):")
        for name, wall, cpu in processes(args.repeat, Path(temp)):
            print(f"  {name:<50}{wall:>7.3f}{cpu:>8.3f}")


if __name__ == "__main__":
    main()
