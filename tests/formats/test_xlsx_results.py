"""`--format xlsx`: results as workbooks with numeric cells, number formats, headers and frozen panes."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from ..helpers import CASES, EXAMPLES, levels_yaml, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")


def load(path):
    import openpyxl

    return openpyxl.load_workbook(path)


def test_score_writes_a_summary_and_detail_sheets_with_the_published_figures(spbe, tmp_path):
    out = tmp_path / "hasil.xlsx"
    result = spbe("score", DENPASAR, "-f", "xlsx", "-o", str(out))
    assert result.code == 0, result.err
    book = load(out)
    assert book.sheetnames == ["Summary", "Domains", "Aspects", "Indicators"]
    summary = book["Summary"]
    assert [c.value for c in summary[1]] == ["Institution", "Year", "Framework", "Index", "Predikat", "File"]
    index = summary["D2"]
    assert index.value == 3.19 and index.data_type == "n" and index.number_format == "0.00"
    assert summary["E2"].value == "Baik"
    assert summary.freeze_panes == "A2"
    assert [book["Domains"].cell(row=r, column=6).value for r in range(2, 6)] == [3.0, 3.3, 2.18, 3.55]
    indicators = book["Indicators"]
    assert indicators.max_row == 48
    assert indicators["E2"].value == "1" and indicators["H2"].value == 4


def test_headers_and_sheet_names_follow_the_language(spbe, tmp_path):
    out = tmp_path / "hasil.xlsx"
    assert spbe("score", DENPASAR, "-f", "xlsx", "-o", str(out), "--lang", "id").code == 0
    book = load(out)
    assert book.sheetnames == ["Ringkasan", "Domain", "Aspek", "Indikator"]
    assert book["Ringkasan"]["D1"].value == "Indeks"


def test_diff_plan_and_rank_write_workbooks(spbe, tmp_path):
    old, new = (str(EXAMPLES / f"spbe-2020-provinsi-{y}-ilustrasi.yaml") for y in (2023, 2024))
    assert spbe("diff", old, new, "-f", "xlsx", "-o", str(tmp_path / "d.xlsx")).code == 0
    diff = load(tmp_path / "d.xlsx")
    assert diff.sheetnames == ["Summary", "Domains and aspects", "Indicators"]
    assert diff["Summary"]["E4"].number_format == "0.00"
    assert diff["Indicators"]["G2"].number_format == "0.0000"

    assert spbe("plan", DENPASAR, "-t", "Sangat Baik", "-f", "xlsx", "-o", str(tmp_path / "p.xlsx")).code == 0
    plan = load(tmp_path / "p.xlsx")
    assert plan["Summary"]["B2"].value == 3.19 and plan["Summary"]["C4"].value == "Sangat Baik"
    assert plan["Steps"].max_row > 1

    assert spbe("rank", str(EXAMPLES), "-f", "xlsx", "-o", str(tmp_path / "r.xlsx")).code == 0
    rank = load(tmp_path / "r.xlsx")
    assert rank.sheetnames[0] == "Summary" and len(rank.sheetnames) == 5
    assert rank.sheetnames[-1] == "Published averages"  # what the rankings are read against
    averages = [[c.value for c in row] for row in rank["Published averages"].iter_rows()]
    assert ["spbe-2020", "National 2024", "LPE-2024 Tabel 8", 3.12, 3.36, 2.62, 1.86, 3.78] in averages
    ranking = rank["Rank spbe-2020"]
    assert [c.value for c in ranking[1]][:5] == ["Rank", "Institution", "Year", "Index", "Predikat"]
    assert ranking["A2"].value == 1 and ranking["D2"].number_format == "0.00"


def test_rank_summary_cells_hold_the_figures_shown(spbe, tmp_path, write, catalog):
    # indices 2, 3 and 3: the mean is 8/3, shown 2.67; the cell must hold 2.67, not 2.6666...
    for name, value in (("a", 2), ("b", 3), ("c", 3)):
        write(f"in/{name}.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", value), institution=name))
    folder, out = str(tmp_path / "in"), tmp_path / "r.xlsx"
    assert spbe("rank", folder, "-f", "xlsx", "-o", out).code == 0
    summary = load(out)["Summary"]
    assert [c.value for c in summary[1]][3:7] == ["Mean", "Median", "Min", "Max"]
    shown = json.loads(spbe("rank", folder, "-f", "json").out)["groups"][0]["summary"]
    assert [c.value for c in summary[2]][3:7] == [shown[k] for k in ("mean", "median", "min", "max")]
    assert summary["D2"].value == 2.67 and summary["D2"].number_format == "0.00"
    assert "2.67" in spbe("rank", folder).out


@pytest.mark.parametrize("command", ["score", "rank"])
def test_xlsx_needs_an_output_file(spbe, command):
    result = spbe(command, DENPASAR, "-f", "xlsx")
    assert result.code == 2
    assert "--format xlsx writes a workbook: give --output FILE.xlsx" in result.err


def test_user_text_that_looks_like_a_formula_stays_text(spbe, tmp_path, write):
    path = write("a.yaml", levels_yaml("spbe-2020", {str(i): 3 for i in range(1, 48)}, institution='"=HYPERLINK(1)"'))
    out = tmp_path / "hasil.xlsx"
    assert spbe("score", path, "-f", "xlsx", "-o", str(out)).code == 0
    cell = load(out)["Summary"]["A2"]
    assert cell.value == "=HYPERLINK(1)" and cell.data_type == "s" and cell.quotePrefix


def test_an_existing_output_is_replaced_as_a_generated_output(spbe, tmp_path):
    out = tmp_path / "hasil.xlsx"
    out.write_bytes(b"old")
    assert spbe("score", DENPASAR, "-f", "xlsx", "-o", str(out)).code == 0
    assert out.read_bytes().startswith(b"PK")


def test_importing_the_command_line_loads_no_spreadsheet_library():
    code = "import sys, spbe_cli.cli; print(sorted(m for m in ('openpyxl', 'defusedxml', 'python_calamine') if m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


@pytest.mark.external
def test_a_results_workbook_is_read_back_by_libreoffice(spbe, tmp_path):
    soffice = _soffice()
    out = tmp_path / "hasil.xlsx"
    assert spbe("score", DENPASAR, "-f", "xlsx", "-o", str(out)).code == 0
    rows = _converted(soffice, out, tmp_path)
    assert rows["Summary"][1][3] == "3.19" and rows["Summary"][1][4] == "Baik"


def _soffice() -> str:
    import shutil

    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: the headless round trip cannot run here")
    return found


def _converted(soffice: str, path, tmp_path) -> dict[str, list[list[str]]]:
    """Every sheet of a workbook as LibreOffice reads it, converted headless to CSV (values, not formats)."""
    import csv

    out = tmp_path / "converted"
    profile = tmp_path / "profile"
    filter_options = "44,34,76,1,,0,false,true,false,false,false,-1"  # UTF-8, every sheet, raw values
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         f"csv:Text - txt - csv (StarCalc):{filter_options}", "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    sheets = {}
    for converted in sorted(out.glob("*.csv")):
        name = converted.stem.split("-", 1)[1]
        sheets[name] = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    return sheets
