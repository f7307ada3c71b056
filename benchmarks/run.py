"""Benchmark spbe against minimal baselines. Standard library plus the project only.

    python benchmarks/run.py [--files N] [--repeat R] [--stages] [--tree DIR ...]

(a) one `spbe score FILE -f json` against the smallest Typer + Pydantic + PyYAML program doing the
    same I/O (benchmarks/minimal_app.py);
(b) `spbe score FOLDER -f json -o OUT` over N synthetic assessments against the same-work floor
    (benchmarks/floor.py: CSafeLoader, one Pydantic model, exact sums, the same JSON per file and per
    indicator), and against a bare loop that only parses the same files with PyYAML's CSafeLoader.
Every command runs as a fresh process, once per round, rounds interleaved, R rounds; the report gives
medians of wall and CPU time, spbe's ratio to each baseline, and each process's peak memory (maximum
resident set size). `--tree DIR` also runs the spbe of another source tree (a worktree of an older
commit) in the same rounds, for before-and-after figures under the same load.
"""

from __future__ import annotations

import argparse
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
from typing import NamedTuple

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from spbe_cli.loading.catalog import load_catalog  # noqa: E402

BARE_LOOP = """
import sys, yaml
from pathlib import Path
for path in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    with open(path, "rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
"""


def generate(folder: Path, count: int, seed: int = 2026) -> list[Path]:
    """N realistic assessment files across the three frameworks (mostly spbe-2020, as in practice)."""
    rng = random.Random(seed)
    catalog = load_catalog()
    frameworks = [catalog.get("spbe-2020")] * 6 + [catalog.get("pemdi-2026")] * 3 + [catalog.get("spbe-2018")]
    paths = []
    for number in range(count):
        framework = frameworks[number % len(frameworks)]
        lines = [
            f"# synthetic assessment {number}",
            f"framework: {framework.id}",
            f"institution: Pemerintah Kabupaten Sintetis {number}",
        ]
        lines.append(f"year: {framework.first_year}")
        lines.append("levels:")
        for indicator in framework.indicators:
            if framework.integer_values:
                value = str(rng.randint(framework.min_value, framework.max_value))
                if indicator.multiple:
                    value = "[" + ", ".join(str(rng.randint(0, 5)) for _ in range(rng.randint(1, 3))) + "]"
            else:
                value = f"{rng.randint(100, 500) / 100:.2f}"
            if rng.random() < 0.1:
                value = f'{{level: {value}, target: {framework.max_value}, pic: "Diskominfo", note: "catatan"}}'
            lines.append(f"  {indicator.id}: {value}")
        path = folder / f"{framework.id}" / f"assessment-{number:05d}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


# An installed spbe runs from bytecode that pip wrote, as its dependencies do. With
# PYTHONDONTWRITEBYTECODE set (as on some machines) a source tree would be compiled on every run and
# charged to spbe alone, so every process writes and reuses bytecode in a private cache.
BYTECODE = tempfile.mkdtemp(prefix="spbe-bench-pycache-")
ENVIRONMENT = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPYCACHEPREFIX": BYTECODE,
}


class Command(NamedTuple):
    label: str
    argv: list[str]
    tree: str | None = None  # another source tree of spbe, run from its folder (`python -m` imports from there)


class Run(NamedTuple):
    wall: float  # seconds
    cpu: float  # user + system seconds: steadier than wall time on a loaded machine
    peak_mb: int  # maximum resident set size


def measure(command: Command) -> Run:
    """Wall time, CPU time and peak memory of one fresh process."""
    environment = ENVIRONMENT if command.tree is None else {**ENVIRONMENT, "PYTHONPATH": command.tree}
    start = time.perf_counter()
    process = subprocess.Popen(
        command.argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=environment, cwd=command.tree
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    assert process.stderr is not None
    errors = process.stderr.read().decode()
    process.stderr.close()
    if code != 0:
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(command.argv)}\n{errors}")
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return Run(elapsed, usage.ru_utime + usage.ru_stime, int(peak))


class Measured(NamedTuple):
    label: str
    wall: float  # median seconds
    cpu: float  # median seconds
    peak_mb: int  # the largest of the runs
    walls: list[float]


def compare(commands: list[Command], repeat: int) -> list[Measured]:
    """Every command once per round, rounds interleaved (so load on the shared machine falls on all
    alike), after one warming run each (file cache and bytecode); medians per command."""
    for command in commands:
        measure(command)
    runs: dict[str, list[Run]] = {command.label: [] for command in commands}
    for _ in range(repeat):
        for command in commands:
            runs[command.label].append(measure(command))
    return [
        Measured(
            label,
            statistics.median(run.wall for run in taken),
            statistics.median(run.cpu for run in taken),
            max(run.peak_mb for run in taken),
            [run.wall for run in taken],
        )
        for label, taken in runs.items()
    ]


def stage_breakdown(paths: list[Path]) -> dict[str, float]:
    """Seconds per stage of `spbe score -f json` over the files, in this process (no start-up)."""
    import yaml

    from spbe_cli.core.scoring import score
    from spbe_cli.formats.json_ import dumps_line, score_data
    from spbe_cli.loading.checker import validate_data
    from spbe_cli.loading.yamlread import read_yaml

    catalog = load_catalog()
    stages: dict[str, float] = {}

    def timed(name, function, *args):
        start = time.perf_counter()
        value = function(*args)
        stages[name] = stages.get(name, 0.0) + time.perf_counter() - start
        return value

    for path in paths:
        data = timed("read bytes", path.read_bytes)
        timed("(baseline: CSafeLoader load)", yaml.load, data, yaml.CSafeLoader)
        document = timed("strict YAML read", lambda data=data, path=path: read_yaml(data, str(path), positions=False))
        assessment = timed("validate (pydantic) + model", validate_data, document.data, catalog, str(path))
        result = timed("score", score, assessment, catalog.get(assessment.framework))
        item = timed("JSON data", score_data, result)
        timed("JSON encode", dumps_line, item)
    return stages


def spbe_commands(trees: list[str]) -> list[Command]:
    """This tree's installed `spbe`, then `python -m spbe_cli` from each other tree asked for."""
    found = shutil.which("spbe")
    commands = [Command("spbe", [found] if found else [sys.executable, "-m", "spbe_cli"])]
    for tree in trees:
        commands.append(Command(f"spbe ({tree})", [sys.executable, "-m", "spbe_cli"], str(Path(tree).resolve())))
    return commands


def report(title: str, results: list[Measured], spbe_count: int) -> None:
    """One block: each command's medians, then each spbe's ratios to each baseline."""
    print(f"\n{title}")
    print(f"  {'command':<44}{'wall (s)':>9}{'CPU (s)':>9}{'peak MB':>9}   wall range")
    for r in results:
        print(f"  {r.label:<44}{r.wall:>9.3f}{r.cpu:>9.3f}{r.peak_mb:>9}   {min(r.walls):.3f}-{max(r.walls):.3f}")
    for ours in results[:spbe_count]:
        for base in results[spbe_count:]:
            print(f"  {ours.label} / {base.label}: {ours.wall / base.wall:.2f} wall, {ours.cpu / base.cpu:.2f} CPU")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--files", type=int, default=2000, help="synthetic assessments for the batch run (default 2000)"
    )
    parser.add_argument("--repeat", type=int, default=7, help="interleaved rounds (default 7)")
    parser.add_argument("--stages", action="store_true", help="also time each stage of scoring in-process")
    parser.add_argument("--tree", action="append", default=[], help="also run the spbe of this source tree")
    parser.add_argument("--only", choices=("one", "batch"), help="run one of the two benchmarks")
    args = parser.parse_args()
    spbe = spbe_commands(args.tree)
    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="spbe-bench-") as temp:
        folder = Path(temp) / "assessments"
        paths = generate(folder, args.files)
        one = str(paths[0])
        out = str(Path(temp) / "out.json")
        blocks = []
        if args.only != "batch":
            commands = [Command(c.label, [*c.argv, "score", one, "-f", "json"], c.tree) for c in spbe]
            commands.append(Command("minimal Typer+Pydantic+PyYAML", [python, str(HERE / "minimal_app.py"), one]))
            blocks.append(("one file: score FILE -f json", compare(commands, args.repeat)))
        if args.only != "one":
            score_folder = ["score", str(folder), "-f", "json", "-o", out, "--force"]
            commands = [Command(c.label, [*c.argv, *score_folder], c.tree) for c in spbe]
            commands.append(Command("same-work floor", [python, str(HERE / "floor.py"), str(folder), out + ".floor"]))
            commands.append(Command("CSafeLoader loop", [python, "-c", BARE_LOOP, str(folder)]))
            blocks.append((f"{args.files} files: score FOLDER -f json -o OUT", compare(commands, args.repeat)))
        stages = stage_breakdown(paths) if args.stages else {}
    shutil.rmtree(BYTECODE, ignore_errors=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}, load average {load:.1f}; {args.repeat} rounds"
    )
    for title, results in blocks:
        report(title, results, len(spbe))
    print("\ntargets: one file <= 1.30x the minimal program, batch <= 1.30x the same-work floor, peak < 100 MB")
    if stages:
        print(f"\nstages over {args.files} files, in-process (seconds):")
        for name, seconds in stages.items():
            print(f"  {name:<30}{seconds:>8.3f}")


if __name__ == "__main__":
    main()
