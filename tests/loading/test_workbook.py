"""The assessment workbook both ways: export/init write it, every command reads it, import turns it into YAML."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from spbe_cli.formats.writers.assessment_sheet import assessment_csv, assessment_xlsx
from spbe_cli.formats.writers.assessment_yaml import assessment_yaml
from spbe_cli.loading.loader import load_file, parse_any
from spbe_cli.problems import InvalidInput

from ..helpers import CASES, EXAMPLES
from ..sheetdata import workbook_bytes

DENPASAR = str(CASES / "denpasar-2021.yaml")


def refused(data: bytes, path: str, catalog, language: str = "en") -> list[str]:
    from spbe_cli.i18n import Messages

    with pytest.raises(InvalidInput) as caught:
        parse_any(data, path, catalog)
    return [problem.render(Messages(language)) for problem in caught.value.problems]


def sheet(rows, info=(("framework", "spbe-2020"), ("institution", "Kota Uji"), ("year", 2024)), **more):
    sheets = {"Penilaian": rows, "Info": [list(pair) for pair in info]} if info else {"Penilaian": rows}
    sheets.update(more)
    return workbook_bytes(sheets)


def all_rows(value=3, header=("kode", "nilai")):
    return [list(header)] + [[str(n), value] for n in range(1, 48)]


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_every_example_round_trips_through_xlsx_and_csv(example, catalog):
    original = load_file(str(example), catalog)
    framework = catalog.get(original.framework)
    as_xlsx = parse_any(assessment_xlsx(original, framework), "x.xlsx", catalog)
    assert as_xlsx == original
    for decimal_comma in (True, False):
        text = assessment_csv(original, framework, decimal_comma=decimal_comma)
        assert parse_any(text.encode("utf-8"), "x.csv", catalog) == original
    assert assessment_yaml(as_xlsx, framework) == assessment_yaml(original, framework)


def test_denpasar_scores_3_19_from_its_workbook(spbe, tmp_path):
    out = tmp_path / "denpasar.xlsx"
    assert spbe("export", DENPASAR, "-o", str(out)).code == 0
    result = spbe("score", str(out), "-f", "json")
    assert result.code == 0, result.err
    assert '"index": 3.19' in result.out


def test_the_workbook_has_its_three_sheets_drop_downs_comments_and_no_formula(tmp_path, catalog):
    import openpyxl

    original = load_file(DENPASAR, catalog)
    data = assessment_xlsx(original, catalog.get("spbe-2020"))
    path = tmp_path / "w.xlsx"
    path.write_bytes(data)
    book = openpyxl.load_workbook(path)
    assert [ws.title for ws in book if ws.sheet_state == "visible"] == ["Penilaian", "Bukti", "Info"]
    penilaian = book["Penilaian"]
    names = [c.value for c in penilaian[3]]
    assert names[:6] == ["kode", "indikator", "aspek", "domain", "bobot", "nilai"]
    assert penilaian.row_dimensions[3].hidden  # the names a reader needs, under the headers people read
    assert [c.value for c in penilaian[4]][:6] == ["Code", "Indicator", "Aspect", "Domain", "Weight (%)", "Value"]
    assert penilaian.freeze_panes == "C5"
    assert all(c.comment is not None and c.comment.text for c in penilaian[4])
    rules = penilaian.data_validations.dataValidation
    assert [(r.type, r.formula1) for r in rules if r.type != "list" or r.showErrorMessage] == [
        ("list", '"1,2,3,4,5"'),
        ("list", '"1,2,3,4,5"'),
    ]  # one per level scale (process 1-31, service 32-47), each naming its levels when a cell is chosen
    assert "F5:F35" in str(rules[0].sqref) and "F36:F51" in str(rules[1].sqref)
    assert "Rintisan" in rules[0].prompt and "Informasi" in rules[1].prompt
    assert penilaian["F5"].data_type == "n" and penilaian["F5"].value == 4
    assert penilaian["C5"].value == "Kebijakan Internal Tata Kelola SPBE"  # aspects and domains by name
    assert [(r.type, r.formula1) for r in book["Bukti"].data_validations.dataValidation] == [
        ("list", '"draf,diunggah,diterima,revisi,ditolak"')
    ]
    assert [[c.value for c in row] for row in book["Info"].iter_rows()] == [
        ["Framework", "spbe-2020", "framework"], ["Institution", "Pemerintah Kota Denpasar", "institution"],
        ["Year", 2021, "year"], ["Category", None, "category"], ["Format version", 2, "format"],
    ]  # fmt: skip
    assert book["Info"].column_dimensions["C"].hidden
    assert not any(c.data_type == "f" for ws in book for row in ws.iter_rows() for c in row)


def test_pemdi_values_are_decimals_with_a_range_rule(catalog):
    import io

    import openpyxl

    original = load_file(str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), catalog)
    book = openpyxl.load_workbook(io.BytesIO(assessment_xlsx(original, catalog.get("pemdi-2026"))))
    penilaian = book["Penilaian"]
    rule = penilaian.data_validations.dataValidation[0]
    assert (rule.type, rule.operator, rule.formula1, rule.formula2) == ("decimal", "between", "1", "5")
    column = [c.value for c in penilaian[3]].index("nilai") + 1
    assert penilaian.cell(row=5, column=column).number_format == "0.00"
    comment = penilaian.cell(row=4, column=column).comment.text
    assert "Merintis" in comment and "list" not in comment  # a decimal, not "pick from the list"


def test_a_value_out_of_range_is_located_at_its_cell_in_both_languages(catalog):
    rows = all_rows()
    rows[14][1] = 6
    data = sheet(rows)
    assert refused(data, "rekap.xlsx", catalog) == [
        "rekap.xlsx:Penilaian!B15: nilai must be a whole number from 1 to 5, not 6"
    ]
    assert refused(data, "rekap.xlsx", catalog, "id") == [
        "rekap.xlsx:Penilaian!B15: baris 15, kolom nilai harus bilangan bulat dari 1 sampai 5, bukan 6"
    ]


def test_a_csv_problem_is_located_by_line_and_column_name(catalog):
    lines = ["framework;institution;year;kode;nilai"] + [f"spbe-2020;Kota Uji;2024;{n};3" for n in range(1, 48)]
    lines[13] = "spbe-2020;Kota Uji;2024;13;tiga"
    assert refused("\n".join(lines).encode(), "rekap.csv", catalog) == [
        "rekap.csv:14:nilai: nilai must be a whole number from 1 to 5, not text 'tiga'; write the level's number"
        " (1 Rintisan, 2 Terkelola, 3 Terdefinisi, 4 Terpadu dan Terukur, 5 Optimum)"
    ]


def test_a_decimal_comma_is_read_in_csv_values(catalog):
    lines = ["framework;institution;year;kode;nilai"]
    lines += [f"pemdi-2026;Kota Uji;2026;{i.id};2,5" for i in catalog.get("pemdi-2026").indicators]
    assessment = parse_any("\n".join(lines).encode(), "a.csv", catalog)
    from fractions import Fraction

    assert {entry.value for entry in assessment.entries.values()} == {Fraction(5, 2)}


def test_a_sheet_built_by_hand_reads_as_well_as_ours(spbe, catalog):
    # Any header case, surrounding spaces, column order, blank rows, numbers typed as text, one sheet only.
    rows = [[" NILAI ", "Kode", "Catatan pribadi"]] + [[str(3), n, None] for n in range(1, 48)]
    rows.insert(10, [None, None, None])
    data = workbook_bytes({"Lembar1": rows})
    result = run_import_bytes(spbe, data, "--framework", "spbe-2020", "--institution", "Kota Uji", "--year", "2024")
    assert result.code == 0, result.err
    assert "warning: column 'Catatan pribadi' is not used" in result.err


def run_import_bytes(spbe, data: bytes, *options: str):
    import tempfile
    from pathlib import Path

    folder = Path(tempfile.mkdtemp())
    (folder / "sheet.xlsx").write_bytes(data)
    return spbe("import", str(folder / "sheet.xlsx"), "-o", str(folder / "out.yaml"), *options)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["nilai"], [3]], "rekap.xlsx:Penilaian: no column kode: the header row must name the column of indicator codes"),
        ([["kode", "skor"], ["1", 3]], "rekap.xlsx:Penilaian!A1: no value column: name one of nilai, nilai_mandiri, nilai_dokumen, nilai_interviu, nilai_visitasi, nilai_akhir"),
        (all_rows() + [["5", 2]], "rekap.xlsx:Penilaian!A49: indicator 5 appears again (first at Penilaian!A6); only an indicator assessed per service takes several rows"),
        (all_rows() + [["99", 2]], "rekap.xlsx:Penilaian!A49: unknown indicator '99' (spbe-2020 has indicators 1 to 47)"),
        (all_rows() + [[None, 2]], "rekap.xlsx:Penilaian!A49: the row has values but no kode"),
        ([["kode", "nilai", "NILAI"]] + all_rows()[1:], "rekap.xlsx:Penilaian!C1: column nilai appears twice (first at Penilaian!B1)"),
        ([["kode", "nilai", "pic_opd"]] + [[str(n), 3, "Bappeda" if n != 2 else True] for n in range(1, 48)], "rekap.xlsx:Penilaian!C3: pic_opd must be text, not true"),
    ],
)  # fmt: skip
def test_each_refusal_says_where_and_what(rows, expected, catalog):
    assert refused(sheet(rows), "rekap.xlsx", catalog) == [expected]


def test_the_framework_and_year_come_from_the_info_sheet_and_are_checked_there(catalog):
    data = sheet(all_rows(), info=(("framework", "spbe-2021"), ("institution", "Kota Uji"), ("year", 2024)))
    assert refused(data, "rekap.xlsx", catalog) == [
        "rekap.xlsx:Info!B1: unknown framework text 'spbe-2021'; did you mean 'spbe-2020'? "
        "(known: spbe-2018, spbe-2020, pemdi-2026)"
    ]
    data = sheet(all_rows(), info=(("framework", "spbe-2020"), ("institution", "Kota Uji"), ("year", 1990)))
    assert refused(data, "rekap.xlsx", catalog) == [
        "rekap.xlsx:Info!B3: year must be a whole number from 2000 to 2100, not 1990"
    ]


def test_a_name_that_differs_from_the_framework_is_a_warning_not_trusted(spbe, tmp_path):
    rows = all_rows(header=("kode", "nilai", "indikator"))
    rows[3].append("Nama lain")
    path = tmp_path / "w.xlsx"
    path.write_bytes(sheet(rows))
    result = spbe("validate", str(path))
    assert result.code == 0, result.err
    assert (
        f"{path}:Penilaian!C4: warning: indikator 'Nama lain' of indicator 3 differs from spbe-2020: "
        "'Kebijakan Internal Manajemen Data' (the framework's is used)"
    ) in result.err


def test_text_that_looks_like_a_formula_is_kept_as_text_both_ways(spbe, tmp_path, write, catalog):
    import openpyxl

    levels = "\n".join(f"  {n}: 3" for n in range(2, 48))
    path = write(
        "a.yaml",
        f"framework: spbe-2020\ninstitution: \"=cmd|' /C calc'!A0\"\nyear: 2024\nlevels:\n"
        f'  1: {{level: 3, note: "+62 812", evidence: ["@SUM(1)", "-x"]}}\n{levels}\n',
    )
    original = load_file(path, catalog)
    for name in ("a.xlsx", "a.csv"):
        out = tmp_path / name
        assert spbe("export", path, "-o", str(out)).code == 0
        assert load_file(str(out), catalog) == original
    book = openpyxl.load_workbook(tmp_path / "a.xlsx")
    institution = book["Info"]["B2"]
    assert institution.data_type == "s" and institution.quotePrefix
    csv_text = (tmp_path / "a.csv").read_text(encoding="utf-8-sig")
    assert "'=cmd" in csv_text and "'+62 812" in csv_text


def test_export_refuses_an_unknown_output_type_and_replaces_its_own_output(spbe, tmp_path):
    result = spbe("export", DENPASAR, "-o", str(tmp_path / "a.ods"))
    assert result.code == 2 and "name the file .xlsx (a workbook) or .csv" in result.err
    existing = tmp_path / "a.xlsx"
    existing.write_bytes(b"old")
    assert spbe("export", DENPASAR, "-o", str(existing)).code == 0  # a generated output, regenerated
    assert existing.read_bytes().startswith(b"PK")


def test_init_writes_an_empty_workbook_that_validates_and_refuses_to_overwrite(spbe, tmp_path):
    out = tmp_path / "penilaian.xlsx"
    result = spbe("init", "--framework", "pemdi-2026", "--institution", "Kota Uji", "--year", "2026", "-o", str(out))
    assert result.code == 0, result.err
    assert out.read_bytes().startswith(b"PK")
    assert spbe("init", "--framework", "pemdi-2026", "-o", str(out)).code == 2


@pytest.mark.external
def test_the_workbook_opens_in_libreoffice_and_imports_back_identical(spbe, tmp_path, catalog):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: the headless round trip cannot run here")
    yaml_paths = [
        str(EXAMPLES / "spbe-2018-kabupaten-ilustrasi.yaml"),
        str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"),
    ]
    sources = tmp_path / "ours"
    sources.mkdir()
    for path in yaml_paths:
        name = path.rsplit("/", 1)[1].replace(".yaml", ".xlsx")
        assert spbe("export", path, "-o", str(sources / name)).code == 0
    # LibreOffice opens each workbook and saves it again as XLSX: its own writer, its own cell types.
    resaved = tmp_path / "libreoffice"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to",
         "xlsx:Calc MS Excel 2007 XML", "--outdir", str(resaved), *map(str, sorted(sources.glob("*.xlsx")))],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for path in yaml_paths:
        name = path.rsplit("/", 1)[1].replace(".yaml", ".xlsx")
        original = load_file(path, catalog)
        back = load_file(str(resaved / name), catalog)
        assert back == original
        out = tmp_path / name.replace(".xlsx", ".yaml")
        result = spbe("import", str(resaved / name), "-o", str(out))
        assert result.code == 0, result.err
        assert out.read_text(encoding="utf-8") == assessment_yaml(original, catalog.get(original.framework))


def _office_sheets(spbe, tmp_path, catalog):
    """An assessment with two offices, a workbook for each, as a coordinator would send them."""
    levels = []
    for n in range(1, 48):
        office = "Bappeda" if n <= 3 else "BPKAD" if n <= 6 else "Diskominfo"
        levels.append(f"  {n}: {{mandiri: null, pic: {office}}}")
    path = tmp_path / "penilaian.yaml"
    path.write_text("framework: spbe-2020\ninstitution: Kota Uji\nyear: 2025\nlevels:\n" + "\n".join(levels) + "\n")
    for office in ("Bappeda", "BPKAD"):
        result = spbe("export", str(path), "--pic", office, "-o", str(tmp_path / f"{office}.xlsx"))
        assert result.code == 0, result.err
    return path


def _fill(path, values: dict[int, object], note: str | None = None):
    import openpyxl

    book = openpyxl.load_workbook(path)
    sheet = book["Penilaian"]
    names = [c.value for c in sheet[3]]  # the hidden row of column names
    for row in sheet.iter_rows(min_row=5):
        number = int(row[0].value)
        if number in values:
            row[names.index("nilai_mandiri")].value = values[number]
            if note:
                row[names.index("penjelasan")].value = note
    book.save(path)


def test_each_office_gets_only_its_rows_and_the_merge_fills_only_what_they_gave(spbe, tmp_path, catalog):
    import openpyxl

    path = _office_sheets(spbe, tmp_path, catalog)
    rows = list(openpyxl.load_workbook(tmp_path / "Bappeda.xlsx")["Penilaian"].iter_rows(min_row=5, values_only=True))
    assert [r[0] for r in rows] == ["1", "2", "3"]
    _fill(tmp_path / "Bappeda.xlsx", {1: 3, 2: 4}, note="Perbup 1/2025")
    _fill(tmp_path / "BPKAD.xlsx", {4: 2})
    result = spbe("import", str(tmp_path / "Bappeda.xlsx"), str(tmp_path / "BPKAD.xlsx"), "--into", str(path))
    assert result.code == 0, result.err
    merged = load_file(str(path), catalog)
    assert merged.entries["1"].stage_values == {"mandiri": (3,)} and merged.entries["1"].note == "Perbup 1/2025"
    assert merged.entries["4"].stage_values == {"mandiri": (2,)}
    assert merged.entries["3"].stage_values == {"mandiri": None}  # given by no sheet: left as it was
    assert merged.entries["47"].pic == ("Diskominfo",)


def test_conflicting_sheets_are_refused_naming_both_cells_and_nothing_is_written(spbe, tmp_path, catalog):
    path = _office_sheets(spbe, tmp_path, catalog)
    before = path.read_bytes()
    (tmp_path / "copy.xlsx").write_bytes((tmp_path / "Bappeda.xlsx").read_bytes())
    _fill(tmp_path / "Bappeda.xlsx", {2: 4})
    _fill(tmp_path / "copy.xlsx", {2: 3})
    for lang, expected in (
        (
            "en",
            "copy.xlsx:Penilaian!F6: indicator 2 nilai_mandiri is 3 here but 4 at {first}: settle it in one sheet; nothing was written",
        ),
        (
            "id",
            "copy.xlsx:Penilaian!F6: indikator 2 nilai_mandiri di sini 3 tetapi 4 di {first}: putuskan di salah satu sheet; tidak ada yang ditulis",
        ),
    ):
        result = spbe(
            "import", str(tmp_path / "Bappeda.xlsx"), str(tmp_path / "copy.xlsx"), "--into", str(path), "--lang", lang
        )
        assert result.code == 3
        first = f"{tmp_path / 'Bappeda.xlsx'}:Penilaian!F6"
        assert f"{tmp_path}/{expected.format(first=first)}" in result.err
    assert path.read_bytes() == before


def test_a_sheet_of_another_year_is_refused_at_its_info_cell(spbe, tmp_path, catalog):
    path = _office_sheets(spbe, tmp_path, catalog)
    other = sheet(all_rows(), info=(("framework", "spbe-2020"), ("institution", "Kota Uji"), ("year", 2024)))
    (tmp_path / "old.xlsx").write_bytes(other)
    result = spbe("import", str(tmp_path / "old.xlsx"), "--into", str(path))
    assert result.code == 3
    assert (
        f"{tmp_path / 'old.xlsx'}:Info!B3: year is 2024 here but 2025 in {path}: these do not belong together"
        in result.err
    )


def test_pic_for_an_office_no_indicator_names_is_refused(spbe, tmp_path, catalog):
    path = _office_sheets(spbe, tmp_path, catalog)
    result = spbe("export", str(path), "--pic", "Dinas Pariwisata", "-o", str(tmp_path / "x.xlsx"))
    assert result.code == 2
    assert "no indicator has office 'Dinas Pariwisata' (offices: Bappeda, BPKAD, Diskominfo)" in result.err
    assert spbe("init", "--framework", "spbe-2020", "--pic", "Bappeda").code == 2


def test_import_needs_exactly_one_destination_and_refuses_yaml_input(spbe, tmp_path):
    assert spbe("import", DENPASAR).code == 2
    result = spbe("import", DENPASAR, "-o", str(tmp_path / "x.yaml"))
    assert result.code == 3 and "not a spreadsheet (import reads .xlsx and .csv sheets)" in result.err


def test_an_empty_value_is_not_filled_yet_and_score_names_its_cell(spbe, tmp_path):
    rows = all_rows()
    rows[4][1] = None
    path = tmp_path / "rekap.xlsx"
    path.write_bytes(sheet(rows))
    validated = spbe("validate", str(path), "--lang", "id")
    assert validated.code == 0 and "1 belum diisi" in validated.out
    for lang, expected in (
        ("en", "rekap.xlsx:Penilaian!B5: indicator 4 is not filled yet: give it a value"),
        ("id", "rekap.xlsx:Penilaian!B5: indikator 4 belum diisi: beri nilai"),
    ):
        result = spbe("score", str(path), "--lang", lang)
        assert result.code == 3
        assert f"{tmp_path}/{expected}" in result.err
    csv_path = tmp_path / "rekap.csv"
    lines = ["framework,institution,year,kode,nilai"] + [
        f"spbe-2020,Kota Uji,2024,{n},{'' if n == 4 else 3}" for n in range(1, 48)
    ]
    csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = spbe("score", str(csv_path))
    assert result.code == 3 and f"{csv_path}:5:nilai: indicator 4 is not filled yet: give it a value" in result.err


@pytest.mark.parametrize(
    ("weight", "warned"),
    [(1.3, False), ("1,30", False), ("1.3", False), (1, True), (2.6, True), ("tinggi", True), ("1.31", True)],
)
def test_a_weight_that_differs_from_the_framework_is_a_located_warning_not_trusted(spbe, tmp_path, weight, warned):
    def index(rows) -> str:
        path = tmp_path / "plain.xlsx"
        path.write_bytes(sheet(rows))
        result = spbe("score", str(path), "-f", "json")
        return next(line for line in result.out.splitlines() if '"index_exact"' in line)

    rows = all_rows(header=("kode", "nilai", "bobot"))
    rows[3][1] = 5
    without_weights = index([row[:2] for row in rows])
    rows[3].append(weight)  # indicator 3 of spbe-2020 weighs 1.3 (13/10)
    path = tmp_path / "w.xlsx"
    path.write_bytes(sheet(rows))
    for lang, expected in (
        ("en", f"{path}:Penilaian!C4: warning: bobot '{weight}' of indicator 3 differs from spbe-2020: '1.3'"),
        ("id", f"{path}:Penilaian!C4: peringatan: bobot '{weight}' untuk indikator 3 berbeda dengan spbe-2020: '1.3'"),
    ):
        result = spbe("score", str(path), "--lang", lang, "-f", "json")
        assert result.code == 0, result.err
        assert (expected in result.out + result.err) is warned, result.err
        assert index(rows) == without_weights  # the framework's weights are used, whatever the column says


def test_carriage_returns_and_escape_like_text_round_trip_through_xlsx_and_csv(spbe, tmp_path, write, catalog):
    import io
    import zipfile

    levels = "\n".join(f"  {n}: 3" for n in range(2, 48))
    path = write(
        "a.yaml",
        'framework: spbe-2020\ninstitution: "Kota\\r\\nUji"\nyear: 2024\nlevels:\n'
        '  1: {level: 3, note: "baris 1\\r\\nbaris 2\\rbaris 3", recommendation: "_x000D_ diketik"}\n'
        f"{levels}\n",
    )
    original = load_file(path, catalog)
    assert original.entries["1"].note == "baris 1\r\nbaris 2\rbaris 3"
    for name in ("a.xlsx", "a.csv"):
        out = tmp_path / name
        assert spbe("export", path, "-o", str(out)).code == 0
        assert load_file(str(out), catalog) == original
        back = tmp_path / f"{name}.yaml"
        assert spbe("import", str(out), "-o", str(back)).code == 0
        assert load_file(str(back), catalog) == original
    sheet = zipfile.ZipFile(io.BytesIO((tmp_path / "a.xlsx").read_bytes())).read("xl/worksheets/sheet1.xml")
    assert b"baris 1_x000D_\nbaris 2_x000D_baris 3" in sheet  # Excel's own escape, which XML keeps
    assert b"_x005F_x000D_ diketik" in sheet
