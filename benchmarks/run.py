"""Benchmark spbe against minimal baselines. Standard library plus the project only.

    python benchmarks/run.py [--files N] [--repeat R]

(a) one `spbe score FILE -f json` against the smallest Typer + Pydantic + PyYAML program doing the
    same I/O (benchmarks/minimal_app.py);
(b) `spbe score FOLDER -f json -o OUT` over N synthetic assessments against a bare loop that only
    parses the same files with PyYAML's CSafeLoader.
Both sides of a comparison run as fresh processes, interleaved, R times; the report gives medians,
their ratio, and each process's peak memory (maximum resident set size).
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


def measure(command: list[str]) -> tuple[float, int]:
    """Wall time in seconds and peak memory in MB of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENVIRONMENT)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(
            f"benchmark command failed ({process.returncode}): {' '.join(command)}\n{process.stderr.read().decode()}"
        )
    peak = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 1024 / 1024
    return elapsed, int(peak)


def compare(name: str, ours: list[str], baseline: list[str], repeat: int) -> dict:
    measure(ours), measure(baseline)  # warm the file cache and bytecode
    ours_runs, base_runs = [], []
    for _ in range(repeat):  # interleaved, so drift affects both sides alike
        ours_runs.append(measure(ours))
        base_runs.append(measure(baseline))
    ours_time = statistics.median(t for t, _ in ours_runs)
    base_time = statistics.median(t for t, _ in base_runs)
    return {
        "name": name,
        "ours": ours_time,
        "baseline": base_time,
        "ratio": ours_time / base_time,
        "ours_peak_mb": max(m for _, m in ours_runs),
        "baseline_peak_mb": max(m for _, m in base_runs),
    }


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


def spbe_command() -> list[str]:
    found = shutil.which("spbe")
    return [found] if found else [sys.executable, "-m", "spbe_cli"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--files", type=int, default=2000, help="synthetic assessments for the batch run (default 2000)"
    )
    parser.add_argument("--repeat", type=int, default=7, help="interleaved runs per side (default 7)")
    parser.add_argument("--stages", action="store_true", help="also time each stage of scoring in-process")
    args = parser.parse_args()
    spbe = spbe_command()
    with tempfile.TemporaryDirectory(prefix="spbe-bench-") as temp:
        folder = Path(temp) / "assessments"
        paths = generate(folder, args.files)
        one = str(paths[0])
        out = str(Path(temp) / "out.json")
        results = [
            compare(
                "one file",
                spbe + ["score", one, "-f", "json"],
                [sys.executable, str(HERE / "minimal_app.py"), one],
                args.repeat,
            ),
            compare(
                f"{args.files} files",
                spbe + ["score", str(folder), "-f", "json", "-o", out, "--force"],
                [sys.executable, "-c", BARE_LOOP, str(folder)],
                max(3, args.repeat // 2),
            ),
        ]
        stages = stage_breakdown(paths) if args.stages else {}
    shutil.rmtree(BYTECODE, ignore_errors=True)
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}"
    )
    print(f"spbe: {' '.join(spbe)}")
    print(f"{'benchmark':<14}{'spbe (s)':>10}{'baseline (s)':>14}{'ratio':>8}{'spbe peak MB':>14}{'baseline MB':>13}")
    for r in results:
        print(
            f"{r['name']:<14}{r['ours']:>10.3f}{r['baseline']:>14.3f}{r['ratio']:>8.2f}{r['ours_peak_mb']:>14}{r['baseline_peak_mb']:>13}"
        )
    print("targets: one file <= 1.30, batch <= 1.50 with peak memory < 100 MB")
    if stages:
        print(f"\nstages over {args.files} files, in-process (seconds):")
        for name, seconds in stages.items():
            print(f"  {name:<30}{seconds:>8.3f}")


if __name__ == "__main__":
    main()
