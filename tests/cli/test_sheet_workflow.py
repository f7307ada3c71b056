"""The Excel path of an evaluation year, command by command: the sheets offices and assessors fill, what
import keeps and says, checking an office's sheet before merging, and the smaller frictions of the year."""

from __future__ import annotations

import json
import os

import openpyxl
import pytest

from spbe_cli.loading.catalog import load_catalog
from spbe_cli.loading.loader import load_file

from ..helpers import EXAMPLES, levels_yaml

STAGED = str(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml")
DENPASAR = str(EXAMPLES / "kota-denpasar-2021.yaml")


def master(tmp_path, offices=("Bappeda", "BPKAD", "Dinas Kominfo: TIK/SPBE"), plain=True):
    """A 2025 file with every indicator at 3 (plain) and its office, as a coordinator's master."""
    levels = {}
    for n in range(1, 48):
        office = offices[0] if n <= 6 else offices[1] if n <= 12 else offices[2]
        value = "3" if plain else "{mandiri: 3}"
        named = json.dumps(office)
        levels[str(n)] = f"{{level: 3, pic: {named}}}" if plain else value.replace("}", f", pic: {named}}}")
    path = tmp_path / "penilaian-2025.yaml"
    path.write_text(levels_yaml("spbe-2020", levels, "Pemerintah Kabupaten Sukamaju", 2025), encoding="utf-8")
    return path


def names_and_rows(path, sheet="Penilaian"):
    book = openpyxl.load_workbook(path)
    rows = [list(row) for row in book[sheet].iter_rows(values_only=True)]
    return rows[2], rows[4:], book


def fill(path, column: str, values: dict[str, object]) -> None:
    """Type values into a sheet's column, row by kode, as a clerk does in Excel."""
    book = openpyxl.load_workbook(path)
    sheet = book["Penilaian"]
    names = [cell.value for cell in sheet[3]]
    for row in sheet.iter_rows(min_row=5):
        if str(row[0].value) in values:
            row[names.index(column)].value = values[str(row[0].value)]
    book.save(path)


def test_an_offices_sheet_is_its_self_assessment_to_fill_and_print(spbe, tmp_path):
    path = master(tmp_path)
    out = tmp_path / "opd-Bappeda.xlsx"
    result = spbe("export", path, "--pic", "Bappeda", "-o", out, "--lang", "id")
    assert result.code == 0, result.err
    names, rows, book = names_and_rows(out)
    assert names == ["kode", "indikator", "aspek", "domain", "bobot", "nilai_mandiri", "target", "penjelasan",
                     "bukti_dukung", "pic_opd"]  # fmt: skip
    sheet = book["Penilaian"]
    assert sheet["A1"].value == "Penilaian mandiri Indeks SPBE 2025 - Bappeda, Pemerintah Kabupaten Sukamaju"
    assert sheet["A2"].value.startswith("Isi kolom berlatar putih: Nilai Penilaian Mandiri, Target, Penjelasan")
    assert [c.value for c in sheet[4]][:6] == ["Kode", "Indikator", "Aspek", "Domain", "Bobot (%)",
                                              "Nilai Penilaian Mandiri"]  # fmt: skip
    assert [row[0] for row in rows] == ["1", "2", "3", "4", "5", "6"] and rows[0][5] == 3
    assert (
        "Rintisan" in sheet["F4"].comment.text and "Kriteria tingkat (PermenPANRB 59/2020" in sheet["B5"].comment.text
    )
    assert "5 Optimum: Kriteria tingkat 4 telah terpenuhi" in sheet["B5"].comment.text  # the regulation's text
    # columns that are not the office's job: greyed and locked; the sheet protected without a password
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet["A5"].protection.locked and sheet["E5"].protection.locked and not sheet["F5"].protection.locked
    assert (
        sheet["C5"].fill.fgColor.rgb.endswith("E7E6E6") and sheet["C5"].value == "Kebijakan Internal Tata Kelola SPBE"
    )
    # the offices of the file to pick from, any text still accepted ("Bappeda; BPKAD")
    (pick,) = [rule for rule in sheet.data_validations.dataValidation if "Daftar" in (rule.formula1 or "")]
    assert not pick.showErrorMessage and "J5" in str(pick.sqref)
    assert [c.value for c in book["Daftar"]["A"]] == ["Bappeda", "BPKAD", "Dinas Kominfo: TIK/SPBE"]
    assert book["Daftar"].sheet_state == "hidden"
    # printed: landscape, one page wide, the header on every page, each row tall enough for its text
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.print_title_rows == "$3:$4"
    assert sheet.row_dimensions[5].height >= 30  # the indicator's name wraps onto a second line
    info = [list(row) for row in book["Info"].iter_rows(values_only=True)]
    assert ["OPD", "Bappeda", "pic_opd"] in info and ["Tahap", "mandiri", "stage"] in info


def test_the_assessors_sheet_greys_the_self_assessment_and_opens_their_stages(spbe, tmp_path):
    out = tmp_path / "asesor.xlsx"
    assert spbe("export", STAGED, "--assessor", "-o", out).code == 0
    names, rows, book = names_and_rows(out)
    assert names[5:11] == ["(nilai_mandiri)", "nilai_dokumen", "nilai_interviu", "nilai_visitasi", "nilai_akhir",
                           "(target)"]  # fmt: skip
    assert names[-2:] == ["catatan_asesor", "rekomendasi"]
    sheet = book["Penilaian"]
    assert sheet["F5"].protection.locked and not sheet["G5"].protection.locked
    assert sheet["A1"].value.startswith("Assessors' sheet, Indeks SPBE 2025")
    assert "stage" not in [row[2] for row in book["Info"].iter_rows(values_only=True)]


def test_a_stages_sheet_shows_the_stages_before_it_for_reading(spbe, tmp_path):
    out = tmp_path / "akhir.xlsx"
    assert spbe("export", STAGED, "--stage", "akhir", "-o", out).code == 0
    names, _, book = names_and_rows(out)
    assert [n for n in names if "nilai" in n] == [
        "(nilai_mandiri)", "(nilai_dokumen)", "(nilai_interviu)", "(nilai_visitasi)", "nilai_akhir",
    ]  # fmt: skip
    assert ["Stage", "akhir", "stage"] in [list(row) for row in book["Info"].iter_rows(values_only=True)]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], "give -o NAME.xlsx (or NAME.csv), or --each-pic DIR"),
        (["-o", "x.xlsx", "--each-pic", "d"], "give -o NAME.xlsx (or NAME.csv), or --each-pic DIR"),
        (["--each-pic", "d", "--pic", "Bappeda"], "--pic writes one office's sheet, --each-pic every office's"),
        (["-o", "x.xlsx", "--stage", "akhir", "--assessor"], "--stage writes one stage's sheet, --assessor"),
        (["-o", "x.xlsx", "--stage", "final"], "'final' is not one of"),
    ],
)
def test_export_refuses_options_that_do_not_go_together(spbe, tmp_path, args, expected):
    result = spbe("export", master(tmp_path), *args)
    assert result.code == 2 and expected in " ".join(result.err.split())


def test_each_office_gets_a_workbook_named_safely_and_returned_answers_are_not_overwritten(spbe, tmp_path):
    path = master(tmp_path, offices=("Bappeda", "bappeda", "CON"))
    folder = tmp_path / "kirim"
    result = spbe("export", path, "--each-pic", folder, "--lang", "id")
    assert result.code == 0, result.err
    assert sorted(os.listdir(folder)) == ["opd-Bappeda.xlsx", "opd-_CON.xlsx"]  # Bappeda and bappeda are one office
    assert "3 buku kerja" not in result.err and "2 buku kerja ditulis, satu per OPD" in result.err
    path = master(tmp_path, offices=("Bappeda", "Dinas: A/B", "Dinas: A\\B"))
    assert spbe("export", path, "--each-pic", folder).code == 2  # opd-Bappeda.xlsx may hold its answers now
    result = spbe("export", path, "--each-pic", folder, "--force")
    assert result.code == 0, result.err
    assert {"opd-Dinas_ A_B.xlsx", "opd-Dinas_ A_B-2.xlsx"} <= set(os.listdir(folder))
    _, rows, book = names_and_rows(folder / "opd-Dinas_ A_B-2.xlsx")
    assert [row[0] for row in rows] == [str(n) for n in range(13, 48)]


def test_init_writes_the_self_assessment_sheet_and_keeps_last_years_offices_when_moving(spbe, tmp_path):
    out = tmp_path / "baru.xlsx"
    assert spbe("init", "--framework", "spbe-2020", "-o", out).code == 0
    names, _, _ = names_and_rows(out)
    assert "nilai_mandiri" in names and "nilai" not in names
    moved = tmp_path / "pemdi.xlsx"
    result = spbe("init", "--from", master(tmp_path), "--framework", "pemdi-2026", "-o", moved)
    assert result.code == 0, result.err
    book = openpyxl.load_workbook(moved)
    assert [c.value for c in book["Daftar"]["A"]] == ["Bappeda", "BPKAD", "Dinas Kominfo: TIK/SPBE"]
    assert "Merintis" in book["Penilaian"]["E4"].comment.text  # pemdi-2026 values are decimals, not a list
    assert "NOT the text of PermenPANRB 8/2026" in book["Penilaian"]["B5"].comment.text
    assert spbe("init", "--framework", "spbe-2020", "--stage", "akhir", "-o", tmp_path / "x.yaml").code == 2


def test_import_stage_mandiri_writes_self_assessment_values_the_assessors_import_follows(spbe, tmp_path):
    # The review's friction B: `--stage mandiri` wrote plain values, and the next stage's import exited 70.
    path = master(tmp_path)
    sheet = tmp_path / "opd.xlsx"
    assert spbe("export", path, "-o", sheet).code == 0  # the file as it is: a plain nilai column
    fill(sheet, "nilai", {"1": 4})
    result = spbe("import", sheet, "--into", path, "--stage", "mandiri")
    assert result.code == 0, result.err
    merged = load_file(str(path), load_catalog())
    assert merged.entries["1"].stage_values == {"mandiri": (4,)} and merged.declared_stage == "mandiri"
    asesor = tmp_path / "asesor.xlsx"
    assert spbe("export", path, "--assessor", "-o", asesor).code == 0
    fill(asesor, "nilai_dokumen", {str(n): 2 for n in range(1, 48)})
    fill(asesor, "nilai_akhir", {str(n): 2 for n in range(1, 48)})
    result = spbe("import", asesor, "--into", path)
    assert result.code == 0, result.err
    assert "stage mandiri -> akhir" in result.err
    diff = spbe("diff", path, "--stages", "mandiri", "akhir")
    assert diff.code in (0, 1) and "Self-assessment -> Final" in diff.out


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["  1: mandiri 3 -> mandiri 4", "  2: penjelasan 'Perbup 1/2024' -> 'Perbup 2/2025'",
                ": 1 sheet(s) merged: 1 value(s) added, 2 change(s), 1 other field(s) filled, 4 given as they were"]),
        ("id", ["  1: mandiri 3 -> mandiri 4", ": 1 sheet digabung: 1 nilai baru, 2 perubahan, 1 isian lain diisi,"
                " 4 sama seperti sebelumnya"]),
    ],
)  # fmt: skip
def test_import_lists_what_it_replaced_and_counts_the_rest(spbe, tmp_path, lang, lines):
    levels = {str(n): "null" for n in range(1, 48)}
    levels.update({"1": "{mandiri: 3, pic: Bappeda}", "2": '{mandiri: 2, pic: Bappeda, note: "Perbup 1/2024"}'})
    levels["3"] = "{mandiri: null, pic: Bappeda}"
    path = tmp_path / "p.yaml"
    path.write_text(levels_yaml("spbe-2020", levels, "Kota Uji", 2025), encoding="utf-8")
    sheet = tmp_path / "b.xlsx"
    assert spbe("export", path, "--pic", "Bappeda", "-o", sheet).code == 0
    fill(sheet, "nilai_mandiri", {"1": 4, "3": 2})
    fill(sheet, "penjelasan", {"2": "Perbup 2/2025"})
    fill(sheet, "target", {"3": 3})
    result = spbe("import", sheet, "--into", path, "--lang", lang)
    assert result.code == 0, result.err
    for line in lines:
        assert line in result.err


def test_check_an_offices_sheet_before_merging_for_what_it_holds(spbe, tmp_path):
    sheet = tmp_path / "opd-Bappeda.xlsx"
    assert spbe("export", master(tmp_path), "--pic", "Bappeda", "-o", sheet).code == 0
    result = spbe("check", sheet)
    assert result.code == 1
    assert "missing" not in result.err + result.out and result.err == ""
    assert f"{sheet}: the sheet of Bappeda: its 6 indicator(s) checked" in result.out
    assert f"{sheet}:Penilaian!F5: error: indicator 1 claims 3 with no evidence" in result.out
    assert result.out.rstrip().endswith("6 error(s), 6 warning(s) in 1 file(s)")
    assert spbe("score", sheet).code == 3  # an office's sheet is not the whole assessment


def test_checks_summary_never_contradicts_its_errors(spbe, write):
    bad = write("bad.yaml", "framework: spbe-2020\n")
    result = spbe("check", bad)
    assert result.code == 3
    assert "0 error(s), 0 warning(s) in 0 file(s); 1 file(s) could not be read (see above)" in result.out


@pytest.mark.parametrize("evidence", ["''", "['']", "[' ']", "[{}]", '"\\u200b"', '[{title: " ", status: diterima}]'])
def test_an_empty_or_invisible_evidence_item_is_no_evidence(spbe, write, catalog, evidence):
    levels = {i.id: "{level: 1, pic: X}" for i in catalog.get("spbe-2020").indicators}
    levels["12"] = f'{{level: 3, pic: X, note: "n", evidence: {evidence}}}'
    result = spbe("check", write("e.yaml", levels_yaml("spbe-2020", levels)))
    assert result.code == 1 and "indicator 12 claims 3 with no evidence" in result.out


def test_check_by_pic_writes_one_file_per_office(spbe, tmp_path):
    path = master(tmp_path)
    folder = tmp_path / "temuan"
    result = spbe("check", path, "--by", "pic", "-o", f"{folder}/", "--lang", "id")
    assert result.code == 1, result.err
    assert sorted(os.listdir(folder)) == ["check-BPKAD.md", "check-Bappeda.md", "check-Dinas Kominfo_ TIK_SPBE.md"]
    text = (folder / "check-Bappeda.md").read_text(encoding="utf-8")
    assert "indikator 6 mengklaim 3 tanpa bukti dukung" in text and "indikator 7" not in text
    assert spbe("check", path, "--by", "pic", "-o", f"{folder}/", "-f", "xlsx").code == 1
    assert "check-Bappeda.xlsx" in os.listdir(folder)


def test_rank_and_check_skip_spbes_own_results_workbooks_in_a_folder(spbe, tmp_path):
    for name in ("kota-denpasar-2021.yaml", "spbe-2020-provinsi-2024-ilustrasi.yaml"):
        (tmp_path / name).write_bytes((EXAMPLES / name).read_bytes())
    assert spbe("rank", tmp_path, "-f", "xlsx", "-o", tmp_path / "peringkat.xlsx").code == 0
    assert spbe("score", tmp_path / "kota-denpasar-2021.yaml", "-f", "xlsx", "-o", tmp_path / "hasil.xlsx").code == 0
    again = spbe("rank", tmp_path, "-f", "json")
    assert again.code == 0, again.err
    assert "skipped 2 of spbe's own results workbook(s)" in again.err
    assert json.loads(again.out)["files"] == {"total": 2, "scored": 2, "failed": 0}
    assert spbe("check", tmp_path).code in (0, 1)
    assert spbe("score", tmp_path / "hasil.xlsx").code == 3  # named explicitly: read, and refused as it is


def test_plan_says_the_year_it_is_for_and_writes_its_levels_as_next_years_targets(spbe, tmp_path):
    result = spbe("plan", DENPASAR, "-t", "Sangat Baik", "--lang", "id")
    assert "Rencana untuk Pemerintah Kota Denpasar, evaluasi 2022 (dari penilaian 2021)" in " ".join(result.out.split())
    assert json.loads(spbe("plan", DENPASAR, "-t", "Sangat Baik", "-f", "json").out)["for_year"] == 2022
    following = tmp_path / "2022.yaml"
    assert spbe("init", "--from", DENPASAR, "-o", following).code == 0
    before = following.read_text(encoding="utf-8")
    result = spbe("plan", DENPASAR, "-t", "Sangat Baik", "--write-targets", following)
    assert result.code == 0, result.err
    assert "  43: target - -> 5" in result.err and "target for 7 indicator(s)" in result.err
    written = load_file(str(following), load_catalog())
    assert written.entries["43"].target == 5 and written.entries["1"].target is None
    after = following.read_text(encoding="utf-8").splitlines()
    kept = [line.strip() for line in before.splitlines() if line.strip().startswith("#")]
    assert all(any(comment in line for line in after) for comment in kept)  # only those keys edited, comments kept
    assert (
        spbe("plan", DENPASAR, "-t", "Baik", "--write-targets", EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml").code == 2
    )


def test_the_results_workbook_pivots_per_office_and_stage(spbe, tmp_path):
    out = tmp_path / "hasil.xlsx"
    assert spbe("score", STAGED, "-f", "xlsx", "-o", out).code == 0
    rows = list(openpyxl.load_workbook(out)["Indicators"].iter_rows(values_only=True))
    header = list(rows[0])
    assert header[8:17] == ["Self-assessment", "Document review", "Interview", "Site visit", "Final", "Target", "Gap",
                            "Offices", "Source of value"]  # fmt: skip
    second = dict(zip(header, rows[2], strict=True))
    assert (second["Target"], second["Gap"], second["Offices"]) == (4, 1, "Bagian Hukum")


@pytest.mark.parametrize(
    ("typed", "lang", "expected"),
    [
        ("laporan", "id", "Perintah 'laporan' tidak dikenal. Maksud Anda 'report'?"),
        ("laporan", "en", "No such command 'laporan'. Did you mean 'report'?"),
        ("periksa", "id", "Maksud Anda 'check'?"),
        ("lapran", "en", "Did you mean 'report', 'rank', 'plan'?"),
    ],
)
def test_a_command_typed_in_indonesian_is_suggested(spbe, typed, lang, expected):
    result = spbe(typed, "x.yaml", "--lang", lang)
    assert result.code == 2 and expected in result.err


def test_indicators_criteria_say_whether_the_text_is_the_regulations(spbe):
    spbe2020 = spbe("indicators", "spbe-2020", "--criteria", "-f", "json")
    data = json.loads(spbe2020.out)[0]["criteria"]
    assert data["regulation_text"] is True and data["regulation"] == "PermenPANRB 59/2020"
    assert data["levels"]["1"]["1"].startswith("Konsep kebijakan internal terkait Arsitektur SPBE")
    pemdi = spbe("indicators", "pemdi-2026", "--criteria", "--lang", "id")
    assert "BUKAN teks PermenPANRB 8/2026" in " ".join(pemdi.out.split())
    plain = spbe("indicators", "pemdi-2026", "-f", "csv").out.splitlines()[0]
    assert "criteria" not in plain  # only when asked
