"""Time `spbe report`: the HTML page alone, and with --pdf through the headless browser; count the A4 pages
of two 47-indicator reports. Standard library only (pdfinfo, from poppler-utils, counts the pages).

    python benchmarks/report.py [--repeat R] [--no-pdf]

Each run is a fresh `spbe report` process on examples/kota-denpasar-2021.yaml (wall time, median of
R runs); the page-only run is also split into its in-process stages (load, compose, render).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DENPASAR = ROOT / "examples" / "kota-denpasar-2021.yaml"
# Two 47-indicator SPBE reports: one value per indicator, and five stages with notes on every indicator.
PAGED = {
    "Kota Denpasar 2021 (47 indicators)": ROOT / "examples" / "kota-denpasar-2021.yaml",
    "kabupaten example (5 stages, notes)": ROOT / "examples" / "kabupaten-2025-tahapan-ilustrasi.yaml",
}
PROVINCE = [
    ROOT / "examples" / "spbe-2020-provinsi-2024-ilustrasi.yaml",
    "--previous",
    ROOT / "examples" / "spbe-2020-provinsi-2023-ilustrasi.yaml",
]


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system, of spbe and its children) of fresh runs.

    CPU time is reported beside wall time because on a shared, loaded machine the wall time mostly
    measures waiting for a core.
    """
    walls, cpus = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


def pages(folder: str) -> list[tuple[str, int]]:
    """The A4 pages of each report in PAGED, printed by the browser --pdf finds (Indonesian)."""
    found = []
    for name, source in PAGED.items():
        pdf = os.path.join(folder, "pages.pdf")
        command = [sys.executable, "-m", "spbe_cli", "report", str(source), "--lang", "id", "--pdf", pdf, "--force"]
        subprocess.run(
            [*command, "-o", os.path.join(folder, "pages.html")],
            check=True,
            capture_output=True,
            env=os.environ | {"PYTHONPATH": str(ROOT)},
        )
        info = subprocess.run(["pdfinfo", pdf], check=True, capture_output=True, text=True).stdout
        match = re.search(r"^Pages:\s+(\d+)", info, re.M)
        found.append((name, int(match.group(1)) if match else -1))
    return found


def stages(repeat: int) -> list[tuple[str, float]]:
    sys.path.insert(0, str(ROOT))
    from spbe_cli import __version__
    from spbe_cli.core.reporting import build_report
    from spbe_cli.formats import RenderOptions
    from spbe_cli.formats.html import PageInfo, report
    from spbe_cli.i18n import Messages
    from spbe_cli.loading.catalog import load_catalog
    from spbe_cli.loading.loader import load_file

    catalog = load_catalog()
    options = RenderOptions(messages=Messages("id"))
    report(build_report(load_file(str(DENPASAR), catalog), catalog.get("spbe-2020")), options, PageInfo(__version__))
    loads, composes, renders = [], [], []
    for _ in range(repeat):
        a = time.perf_counter()
        assessment = load_file(str(DENPASAR), catalog)
        b = time.perf_counter()
        data = build_report(assessment, catalog.get("spbe-2020"))
        c = time.perf_counter()
        report(data, options, PageInfo(__version__))
        d = time.perf_counter()
        loads.append(b - a)
        composes.append(c - b)
        renders.append(d - c)
    return [
        ("load and validate the file", statistics.median(loads)),
        ("compose (score, findings, plan)", statistics.median(composes)),
        ("render the page (warm templates)", statistics.median(renders)),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-pdf", action="store_true")
    args = parser.parse_args()
    spbe = [sys.executable, "-m", "spbe_cli", "report"]
    print(f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, median of {args.repeat}")
    with tempfile.TemporaryDirectory() as folder:
        html, pdf = os.path.join(folder, "l.html"), os.path.join(folder, "l.pdf")
        rows = [
            (
                "report, HTML only (Denpasar)",
                timed([*spbe, str(DENPASAR), "--lang", "id", "-o", html, "--force"], args.repeat),
            ),
            (
                "report, HTML only, with --previous",
                timed([*spbe, *map(str, PROVINCE), "--lang", "id", "-o", html, "--force"], args.repeat),
            ),
            (
                "score -f json (Denpasar, reference)",
                timed([sys.executable, "-m", "spbe_cli", "score", str(DENPASAR), "-f", "json"], args.repeat),
            ),
            ("spbe --version (start-up floor)", timed([sys.executable, "-m", "spbe_cli", "--version"], args.repeat)),
        ]
        counted: list[tuple[str, int]] = []
        if not args.no_pdf:
            command = [*spbe, str(DENPASAR), "--lang", "id", "-o", html, "--pdf", pdf, "--force"]
            rows.append(("report, HTML and --pdf (Denpasar)", timed(command, max(3, args.repeat // 2))))
            if shutil.which("pdfinfo"):
                counted = pages(folder)
    print(f"  {'':<40} {'wall':>7}   {'CPU':>7}")
    for name, (wall, cpu) in rows:
        print(f"  {name:<40} {wall:7.3f} s {cpu:7.3f} s")
    print(f"load average: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    for name, count in counted:
        print(f"  A4 pages, {name:<37} {count:7d}")
    print("stages, in-process (seconds):")
    for name, seconds in stages(args.repeat * 3):
        print(f"  {name:<40} {seconds:7.4f}")


if __name__ == "__main__":
    main()
