"""Benchmark the office workflow: 40 OPD workbooks imported into one master. The project only.

    python benchmarks/opd_import.py [--offices 40] [--repeat 5] [--tree DIR ...]

Kota Denpasar 2021 (47 indicators) with each indicator given to one of N offices (OPD 01 ... OPD N,
round robin: with 40, seven offices hold two indicators); `spbe export --each-pic` writes one workbook per
office, then, as fresh processes, interleaved, medians of R rounds with wall and CPU time and peak memory:
`spbe import SHEETS... -o master.yaml` (a new master from the 40 sheets), `spbe import SHEETS... --into
master.yaml` (filling the master the sheets came from), and `spbe export --each-pic` itself. `--tree DIR`
also runs another source tree's spbe in the same rounds (before and after).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from run import BYTECODE, Command, compare, measure, report, spbe_commands  # noqa: E402

DENPASAR = HERE.parent / "examples" / "kota-denpasar-2021.yaml"


def master_with_offices(path: Path, offices: int) -> None:
    """Denpasar 2021 with every indicator in the `{level: ..., pic: ...}` form, one office each."""
    lines = []
    for line in DENPASAR.read_text(encoding="utf-8").splitlines():
        found = re.fullmatch(r"  (\d+): (\d+)", line)
        if found:
            number, level = int(found[1]), found[2]
            line = f'  {number}: {{level: {level}, pic: "OPD {(number - 1) % offices + 1:02d}"}}'
        lines.append(line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, default=40, help="offices, one workbook each (default 40)")
    parser.add_argument("--repeat", type=int, default=5, help="interleaved rounds (default 5)")
    parser.add_argument("--tree", action="append", default=[], help="also run the spbe of this source tree")
    args = parser.parse_args()
    spbe = spbe_commands(args.tree)
    with tempfile.TemporaryDirectory(prefix="spbe-bench-opd-") as temp:
        folder = Path(temp)
        master = folder / "master.yaml"
        master_with_offices(master, args.offices)
        measure(Command("export", [*spbe[0].argv, "export", str(master), "--each-pic", str(folder / "sheets")]))
        sheets = sorted(str(p) for p in (folder / "sheets").glob("*.xlsx"))
        assert len(sheets) == args.offices, f"expected {args.offices} workbooks, found {len(sheets)}"
        blocks = []
        new = ["import", *sheets, "-o", str(folder / "new.yaml"), "--force"]
        commands = [Command(c.label, [*c.argv, *new], c.tree) for c in spbe]
        blocks.append((f"import {args.offices} OPD workbooks -o NEW", compare(commands, args.repeat)))
        into = ["import", *sheets, "--into", str(master)]
        commands = [Command(c.label, [*c.argv, *into], c.tree) for c in spbe]
        blocks.append((f"import {args.offices} OPD workbooks --into MASTER", compare(commands, args.repeat)))
        each = ["export", str(master), "--each-pic", str(folder / "again"), "--force"]
        commands = [Command(c.label, [*c.argv, *each], c.tree) for c in spbe]
        blocks.append((f"export --each-pic ({args.offices} workbooks)", compare(commands, args.repeat)))
    shutil.rmtree(BYTECODE, ignore_errors=True)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}, load average {load:.1f}; {args.repeat} rounds"
    )
    for title, results in blocks:
        report(title, results, 0)


if __name__ == "__main__":
    main()
