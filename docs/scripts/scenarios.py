"""What the Panduan and the guide show spbe printing: error messages for small broken files, and the
output of commands on the example files.

Each scenario writes its files into an empty folder and runs one command there; the page shows the
command and what spbe printed, in the page's language. generate.py puts them between
`<!-- begin generated: spbe-LANG-NAME -->` markers, so a changed message changes the page (and a test
fails until it is regenerated).
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import tempfile
from collections.abc import Callable
from pathlib import Path

Setup = Callable[[Path], None]
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STAGED = "kabupaten-2025-tahapan-ilustrasi.yaml"  # Kabupaten Sukamaju (ilustrasi): every stage, offices, evidence


def assessment(levels: dict[str, str] | None = None, *, header: str = "", drop: tuple[str, ...] = ()) -> str:
    """A complete spbe-2020 assessment, every indicator at 3, with some lines replaced or left out."""
    from spbe_cli.loading.catalog import load_catalog

    framework = load_catalog().get("spbe-2020")
    lines = header or "framework: spbe-2020\ninstitution: Pemerintah Kabupaten Contoh\nyear: 2025\n"
    lines += "levels:\n"
    for indicator in framework.indicators:
        if indicator.id in drop:
            continue
        lines += (levels or {}).get(indicator.id, f"  {indicator.id}: 3") + "\n"
    return lines


def _file(name: str, text: str | bytes) -> Setup:
    def write(folder: Path) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        (folder / name).write_bytes(data)

    return write


def _example(name: str, example: str) -> Setup:
    return _file(name, (EXAMPLES / example).read_bytes())


def _workbooks(*changes: tuple[str, str, object]) -> Setup:
    """penilaian.yaml, and the workbooks `spbe export` makes of it, one cell of each changed:
    (workbook, indicator, value of its `nilai...` column)."""

    def write(folder: Path) -> None:
        _file("penilaian.yaml", assessment())(folder)
        for name, indicator, value in changes:
            run(folder, ["export", "penilaian.yaml", "-o", name], "en")
            _set_value(folder / name, indicator, value)

    return write


def _set_value(path: Path, indicator: str, value: object) -> None:
    from openpyxl import load_workbook

    book = load_workbook(path)
    sheet = book["Penilaian"]
    header = next(row for row in sheet.iter_rows() if any(cell.value == "kode" for cell in row))
    columns = {str(cell.value): cell.column for cell in header if cell.value}
    value_column = next(column for name, column in columns.items() if name.lstrip("(").startswith("nilai"))
    for row in sheet.iter_rows(min_row=header[0].row + 1):
        if str(row[columns["kode"] - 1].value) == indicator:
            sheet.cell(row=row[0].row, column=value_column, value=value)
    book.save(path)


SCENARIOS: dict[str, tuple[Setup, str]] = {
    "decimal-comma": (
        _file("penilaian.yaml", assessment({"12": "  12: 3,5"})),
        "validate penilaian.yaml",
    ),
    "tab": (_file("penilaian.yaml", assessment({"12": "\t12: 3"})), "validate penilaian.yaml"),
    "colon": (
        _file("penilaian.yaml", assessment({"12": "  12:\n    level: 3\n    note: Perbup: 12/2024"})),
        "validate penilaian.yaml",
    ),
    "unknown-key": (
        _file(
            "penilaian.yaml", assessment(header="framework: spbe-2020\ninstitution: Kabupaten Contoh\ntahun: 2025\n")
        ),
        "validate penilaian.yaml",
    ),
    "missing": (_file("penilaian.yaml", assessment(drop=("46", "47"))), "validate penilaian.yaml"),
    "out-of-range": (_file("penilaian.yaml", assessment({"12": "  12: 6"})), "validate penilaian.yaml"),
    "not-filled": (_file("penilaian.yaml", assessment({"7": "  7:"})), "score penilaian.yaml"),
    "missing-file": (lambda folder: None, "score penilaian-2025.yaml"),
    "sheet-text": (_workbooks(("opd-bappeda.xlsx", "12", "tiga")), "validate opd-bappeda.xlsx"),
    "sheet-conflict": (
        _workbooks(("opd-bappeda.xlsx", "12", 4), ("opd-diskominfo.xlsx", "12", 2)),
        "import opd-bappeda.xlsx opd-diskominfo.xlsx --into penilaian.yaml",
    ),
    "csv-ansi": (
        _file("rekap.csv", b"framework,institution,year,kode,nilai,penjelasan\n" + b"spbe-2020,X,2025,1,3,\x80\n"),
        "validate rekap.csv",
    ),
    "xls": (_file("rekap.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)), "validate rekap.xls"),
    "exists": (
        _file("penilaian-2026.yaml", "# already here\n"),
        "init --framework pemdi-2026 -o penilaian-2026.yaml",
    ),
    "no-browser": (
        _file("penilaian.yaml", assessment()),
        "report penilaian.yaml -o laporan.html --pdf laporan.pdf --browser C:/Chrome/chrome.exe",
    ),
    "check-by-pic": (_example("penilaian.yaml", STAGED), "check penilaian.yaml --by pic"),
    "validate-ok": (_example("penilaian.yaml", STAGED), "validate penilaian.yaml"),
    "unreachable": (
        _file("penilaian.yaml", assessment()),
        "plan penilaian.yaml --target Memuaskan --max-level 4",
    ),
}


def run(folder: Path, args: list[str], language: str) -> tuple[int, str]:
    """`spbe ARGS` in `folder`: its exit code, and what it printed (standard output, then error)."""
    from spbe_cli.cli import main

    out, err = io.StringIO(), io.StringIO()
    saved = os.getcwd(), {name: os.environ.get(name) for name in ("SPBE_LANG", "COLUMNS", "NO_COLOR")}
    os.chdir(folder)
    os.environ.update({"SPBE_LANG": language, "COLUMNS": "100", "NO_COLOR": "1"})
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(args)
    finally:
        os.chdir(saved[0])
        for name, value in saved[1].items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    return code, out.getvalue() + err.getvalue()


def shown(name: str, language: str) -> str:
    """The scenario as a page shows it: the command, what spbe printed, and its exit code."""
    setup, command = SCENARIOS[name]
    with tempfile.TemporaryDirectory() as folder:
        setup(Path(folder))
        code, printed = run(Path(folder), shlex.split(command), language)
    exit_line = {"en": "exit code", "id": "kode keluar"}[language]
    return f"```text\n$ spbe {command}\n{printed.rstrip()}\n({exit_line} {code})\n```\n"
