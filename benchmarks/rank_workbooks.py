"""Benchmark `spbe rank` over a national year of workbooks (600 by default). The project only.

    python benchmarks/rank_workbooks.py [--files 600] [--repeat 5] [--tree DIR ...]

N spbe-2020 assessment workbooks (Denpasar 2021's shape, random levels, written by spbe's own writer, as
`benchmarks/sheets.py` makes them), then `spbe rank FOLDER -f json -o OUT` as fresh processes,
interleaved, medians of R rounds: wall and CPU time and peak memory. `--tree DIR` also runs another
source tree's spbe in the same rounds (before and after). `benchmarks/sheets.py` compares the readers.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BYTECODE, Command, compare, report, spbe_commands  # noqa: E402
from sheets import generate  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=600, help="workbooks (default 600)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--tree", action="append", default=[], help="also run the spbe of this source tree")
    args = parser.parse_args()
    spbe = spbe_commands(args.tree)
    with tempfile.TemporaryDirectory(prefix="spbe-bench-rank-") as temp:
        folder = Path(temp) / "xlsx"
        generate(folder, args.files, "xlsx")
        rank = ["rank", str(folder), "-f", "json", "-o", str(Path(temp) / "out.json")]
        commands = [Command(c.label, [*c.argv, *rank], c.tree) for c in spbe]
        results = compare(commands, args.repeat)
    shutil.rmtree(BYTECODE, ignore_errors=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}, load average {load:.1f}; {args.repeat} rounds"
    )
    report(f"rank {args.files} workbooks -f json -o OUT", results, 0)


if __name__ == "__main__":
    main()
