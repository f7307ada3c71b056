"""Time and peak memory of `spbe plan` on ordinary files and on values with many decimal places.

    python benchmarks/plan.py              # median of 5 fresh processes per case
    python benchmarks/plan.py --repeat 3

A Pemdi value written to 6 decimal places (1.000001) makes the planner's gain table a million times
longer than one written to 2; the table over costs does not grow with decimal places at all.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DENPASAR = ROOT / "tests" / "cases" / "denpasar-2021.yaml"
PEMDI = ROOT / "examples" / "pemdi-2026-kota-ilustrasi.yaml"


def run(command: list[str], limit: float) -> tuple[float, int, int]:
    """Wall seconds, peak resident MB and exit code of one fresh process (killed after `limit` s)."""
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + limit
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            _, status, usage = os.wait4(process.pid, 0)
            break
        time.sleep(0.01)
    process.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - start, usage.ru_maxrss // 1024, process.returncode


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--limit", type=float, default=60.0, help="kill a run after this many seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        six = Path(folder) / "pemdi-six-decimals.yaml"
        six.write_text(PEMDI.read_text(encoding="utf-8").replace("  I1: 2.50\n", "  I1: 1.000001\n"), encoding="utf-8")
        cases = [
            ("spbe-2020, Denpasar -t 4.5", [DENPASAR, "-t", "4.5"]),
            ("pemdi-2026, 2 decimals -t 4", [PEMDI, "-t", "4"]),
            ("pemdi-2026, I1: 1.000001 -t 4", [six, "-t", "4"]),
        ]
        print(f"{'case':34} {'wall (s)':>9} {'peak MB':>8} {'exit':>5}")
        for name, rest in cases:
            command = [sys.executable, "-m", "spbe_cli", "plan", *map(str, rest), "-f", "json"]
            runs = [run(command, args.limit) for _ in range(args.repeat)]
            wall = statistics.median(r[0] for r in runs)
            peak = max(r[1] for r in runs)
            print(f"{name:34} {wall:9.2f} {peak:8d} {runs[-1][2]:5d}")


if __name__ == "__main__":
    main()
