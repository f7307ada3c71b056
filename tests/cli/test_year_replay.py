"""The review's evaluation year, replayed: the master, one workbook per office, the offices' answers
re-saved by LibreOffice, merged, the assessors' sheet, their answers merged, and the over-claim diff.
Every value anyone typed must still be readable at its stage at the end. LibreOffice drives the re-saves
and prints the office's sheet, so these tests are `external`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file

pytestmark = pytest.mark.external

OFFICES = {"Bappeda": range(1, 7), "BKPSDM": range(7, 13), "Dinas Kominfo": range(13, 48)}
SELF = {n: 1 + (n * 7) % 5 for n in range(1, 48)}  # what the offices claim
ASSESSED = {stage: {n: max(1, SELF[n] - shift) for n in range(1, 48)} for shift, stage in enumerate(
    ("dokumen", "interviu", "visitasi", "akhir"))}  # fmt: skip


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed: the year cannot be replayed here")
    return found


def convert(files: list[Path], to: str, folder: Path, profile: Path) -> list[Path]:
    """LibreOffice opens each file and saves it again: its own writer, its own cell types."""
    subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to, "--outdir",
         str(folder), *map(str, files)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    extension = to.split(":")[0]
    return [folder / (file.stem + "." + extension) for file in files]


def type_into(path: Path, column: str, values: dict[str, object]) -> None:
    """A person typing into the sheet's column, row by kode (openpyxl, as Excel would save it)."""
    book = openpyxl.load_workbook(path)
    sheet = book["Penilaian"]
    names = [cell.value for cell in sheet[3]]
    for row in sheet.iter_rows(min_row=5):
        kode = str(row[0].value)
        if kode in values:
            row[names.index(column)].value = values[kode]
    book.save(path)


def run(spbe, *args: object) -> str:
    result = spbe(*args)
    assert result.code == 0, (args, result.err)
    return result.err


def offices_fill_and_resave(spbe, tmp_path: Path, sheets: dict[str, Path], column: str) -> list[Path]:
    for office, sheet in sheets.items():
        type_into(sheet, column, {str(n): SELF[n] for n in OFFICES[office]})
        type_into(sheet, "penjelasan", {str(n): f"Dasar {office} untuk indikator {n}" for n in OFFICES[office]})
    back = tmp_path / "kembali"
    back.mkdir()
    resaved = convert([sheets["Bappeda"], sheets["BKPSDM"]], "xlsx:Calc MS Excel 2007 XML", back, tmp_path / "lo")
    resaved += convert([sheets["Dinas Kominfo"]], "ods", back, tmp_path / "lo")  # LibreOffice's own format
    return resaved


def assessors_fill(spbe, tmp_path: Path, master: Path) -> Path:
    sheet = tmp_path / "hasil-asesor.xlsx"
    run(spbe, "export", master, "--assessor", "-o", sheet, "--lang", "id")
    for stage, values in ASSESSED.items():
        type_into(sheet, f"nilai_{stage}", {str(n): v for n, v in values.items()})
    type_into(sheet, "catatan_asesor", {"11": "Dokumen belum ditetapkan"})
    folder = tmp_path / "asesor"
    folder.mkdir()
    (resaved,) = convert([sheet], "xlsx:Calc MS Excel 2007 XML", folder, tmp_path / "lo")
    return resaved


def every_value_kept(master: Path) -> None:
    assessment = load_file(str(master), load_catalog())
    for n in range(1, 48):
        entry = assessment.entries[str(n)]
        assert entry.stage_values["mandiri"] == (SELF[n],), n
        for stage, values in ASSESSED.items():
            assert entry.stage_values[stage] == (values[n],), (n, stage)
        office = next(name for name, numbers in OFFICES.items() if n in numbers)
        assert entry.note == f"Dasar {office} untuk indikator {n}" and entry.pic == (office,)
    assert assessment.entries["11"].assessor_note == "Dokumen belum ditetapkan"


def diff_works(spbe, master: Path) -> None:
    diff = spbe("diff", master, "--stages", "mandiri", "akhir", "-f", "json")
    assert diff.code == 0, diff.err
    data = json.loads(diff.out)
    assert (data["old"]["stage"], data["new"]["stage"]) == ("mandiri", "akhir")
    assert len(data["indicators"]) == sum(1 for n in range(1, 48) if ASSESSED["akhir"][n] != SELF[n])


def test_the_year_through_office_workbooks_keeps_every_value(spbe, tmp_path):
    workbook = tmp_path / "penilaian-2025.xlsx"
    run(spbe, "init", "--framework", "spbe-2020", "--institution", "Pemerintah Kabupaten Sukamaju", "--year", "2025",
        "-o", workbook)  # fmt: skip
    type_into(workbook, "pic_opd", {str(n): office for office, numbers in OFFICES.items() for n in numbers})
    master = tmp_path / "penilaian-2025.yaml"
    run(spbe, "import", workbook, "-o", master)
    run(spbe, "export", master, "--each-pic", tmp_path / "kirim", "--lang", "id")
    sheets = {office: tmp_path / "kirim" / f"opd-{office}.xlsx" for office in OFFICES}
    returned = offices_fill_and_resave(spbe, tmp_path, sheets, "nilai_mandiri")
    for sheet in returned:  # each office's sheet checked before merging: only its own indicators
        checked = spbe("check", sheet)
        assert "missing" not in checked.out + checked.err and "could not be read" not in checked.out
    said = run(spbe, "import", *returned, "--into", master)
    assert "47 value(s) added" in said
    said = run(spbe, "import", assessors_fill(spbe, tmp_path, master), "--into", master)
    assert "stage mandiri -> akhir" in said and "188 value(s) added, 0 change(s)" in said
    every_value_kept(master)
    diff_works(spbe, master)


def test_the_year_with_plain_sheets_imported_as_the_self_assessment_keeps_every_value(spbe, tmp_path):
    # Sheets with a plain `nilai` column (the file as it is, or last year's format), imported --stage mandiri.
    levels = "\n".join(
        f'  {n}: {{level: null, pic: "{office}"}}' for office, numbers in OFFICES.items() for n in numbers
    )
    master = tmp_path / "penilaian-2025.yaml"
    master.write_text(
        f'framework: spbe-2020\ninstitution: "Pemerintah Kabupaten Sukamaju"\nyear: 2025\nlevels:\n{levels}\n',
        encoding="utf-8",
    )
    (tmp_path / "kirim").mkdir()
    sheets = {office: tmp_path / "kirim" / f"opd-{office}.xlsx" for office in OFFICES}
    for sheet in sheets.values():
        run(spbe, "export", master, "-o", sheet)  # every row, a plain nilai column
    returned = offices_fill_and_resave(spbe, tmp_path, sheets, "nilai")
    merged = spbe("import", *returned, "--into", master)
    assert merged.code == 0, merged.err  # plain values into a file that records none per stage: kept plain
    before = master.read_bytes()
    plain_into_stages = spbe("import", assessors_fill(spbe, tmp_path, master), "--into", master)
    assert plain_into_stages.code == 0, plain_into_stages.err  # the plain values are kept as the self-assessment
    assert "are kept as stage mandiri" in plain_into_stages.err
    assert master.read_bytes() != before
    every_value_kept(master)
    diff_works(spbe, master)


def test_the_year_with_import_stage_mandiri_keeps_every_value(spbe, tmp_path):
    levels = "\n".join(
        f'  {n}: {{pic: "{office}", level: null}}' for office, numbers in OFFICES.items() for n in numbers
    )
    master = tmp_path / "penilaian-2025.yaml"
    master.write_text(f"framework: spbe-2020\ninstitution: Kab\nyear: 2025\nlevels:\n{levels}\n", encoding="utf-8")
    (tmp_path / "kirim").mkdir()
    sheets = {office: tmp_path / "kirim" / f"opd-{office}.xlsx" for office in OFFICES}
    for sheet in sheets.values():
        run(spbe, "export", master, "-o", sheet)
    returned = offices_fill_and_resave(spbe, tmp_path, sheets, "nilai")
    said = run(spbe, "import", *returned, "--into", master, "--stage", "mandiri")
    assert "stage - -> mandiri" in said
    assert load_file(str(master), load_catalog()).entries["1"].stage_values == {"mandiri": (SELF[1],)}
    run(spbe, "import", assessors_fill(spbe, tmp_path, master), "--into", master)  # no exit 70 at the next stage
    every_value_kept(master)
    diff_works(spbe, master)


def test_an_offices_six_row_sheet_prints_on_one_page(spbe, tmp_path):
    levels = "\n".join(f'  {n}: {{level: 3, pic: "{office}"}}' for office, numbers in OFFICES.items() for n in numbers)
    master = tmp_path / "p.yaml"
    master.write_text(f"framework: spbe-2020\ninstitution: Kab\nyear: 2025\nlevels:\n{levels}\n", encoding="utf-8")
    sheet = tmp_path / "opd-Bappeda.xlsx"
    run(spbe, "export", master, "--pic", "Bappeda", "-o", sheet, "--lang", "id")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    (pdf,) = convert([sheet], "pdf", tmp_path / "pdf", tmp_path / "lo")
    pages = [
        subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", str(pdf), "-"],
                       capture_output=True, text=True, check=True).stdout
        for n in (1, 2)
    ]  # fmt: skip
    first = " ".join(pages[0].split())
    assert "Penilaian mandiri Indeks SPBE 2025 - Bappeda, Kab" in first
    assert "Kebijakan Internal Layanan Jaringan Intra" in first  # the sixth indicator, on the same page
    assert "Kode Indikator Kode Bukti" in " ".join(pages[1].split())  # the next page is the Bukti sheet
