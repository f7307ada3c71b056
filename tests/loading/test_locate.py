"""Where a value stands: YAML and sheet documents answer one question, the same way."""

from __future__ import annotations

from spbe_cli.loading.assessment_sheet import sheet_document
from spbe_cli.loading.locate import nearest
from spbe_cli.loading.yamlread import read_yaml
from spbe_cli.problems import Place

from ..sheetdata import workbook_bytes

YAML = b"""\
base: &base
  note: from the anchor
levels:
  12: {mandiri: 4, akhir: }
  13:
    <<: *base
    level: 3
    evidence:
      - {title: SK, status: revisi}
"""


def test_nearest_walks_up_to_the_first_ancestor_a_table_holds():
    keys = {("a",): "key of a"}
    values = {("a",): "value of a", ("a", "b", 0): "value of a.b[0]"}
    assert nearest(("a", "b", 0), (values,)) == "value of a.b[0]"
    assert nearest(("a", "b", 1, "c"), (values,)) == "value of a"
    assert nearest(("a", "b", 1), (keys, values)) == "key of a"  # at each step the first table first
    assert nearest(("z",), (keys, values)) is None


def test_a_yaml_value_and_its_key_each_have_a_place():
    document = read_yaml(YAML, "a.yaml")
    assert document.place(("levels", "12", "mandiri")) == Place("a.yaml", 4, 17)
    assert document.place(("levels", "12", "mandiri"), key=True) == Place("a.yaml", 4, 8)
    assert str(document.place(("levels", "12", "akhir"), key=True)) == "a.yaml:4:20"


def test_a_yaml_path_without_a_place_stands_where_its_nearest_ancestor_does():
    document = read_yaml(YAML, "a.yaml")
    # a key the file lacks: the value of the indicator holding it
    assert document.place(("levels", "12", "evidence", 0, "status")) == document.place(("levels", "12"))
    assert document.place(("levels", "12", "level"), key=True) == Place("a.yaml", 4, 3)  # the key `12:`
    # merged from an anchor: no place of its own
    assert document.place(("levels", "13", "note")) == document.place(("levels", "13")) == Place("a.yaml", 6, 5)
    assert document.place(("levels", "13", "evidence", 0, "status")) == Place("a.yaml", 9, 29)


def test_a_yaml_document_read_without_positions_places_everything_at_the_start():
    document = read_yaml(YAML, "a.yaml", positions=False)
    assert document.place(("levels", "12", "mandiri")) == Place("a.yaml", 1, 1)


def _workbook(catalog):
    rows = [["kode", "nilai", "pic_opd"]] + [[str(n), 3, "Bappeda"] for n in range(1, 48)]
    rows[4][1] = None  # indicator 4 not filled yet
    info = [["framework", "spbe-2020"], ["institution", "Kota Uji"], ["year", 2024]]
    bukti = [["kode_indikator", "judul", "status"], ["2", "SK Tim", "revisi"]]
    data = workbook_bytes({"Penilaian": rows, "Info": info, "Bukti": bukti})
    return sheet_document(data, "rekap.xlsx", catalog)


def test_a_sheet_value_stands_at_its_cell_and_an_indicator_key_at_its_kode(catalog):
    document = _workbook(catalog)
    assert str(document.place(("levels", "4", "level"))) == "rekap.xlsx:Penilaian!B5"
    assert str(document.place(("levels", "4"), key=True)) == "rekap.xlsx:Penilaian!A5"
    assert str(document.place(("levels", "4", "level"), key=True)) == "rekap.xlsx:Penilaian!B5"
    assert str(document.place(("year",))) == "rekap.xlsx:Info!B3"
    assert str(document.place(("levels", "2", "evidence", 0, "status"))) == "rekap.xlsx:Bukti!C2"


def test_a_sheet_path_without_a_cell_stands_for_the_sheet_that_holds_it(catalog):
    document = _workbook(catalog)
    # no `target` column: the indicator has no cell of its own for it, the sheet stands for it
    assert str(document.place(("levels", "4", "target"))) == "rekap.xlsx:Penilaian"
    assert str(document.place(("stage",))) == "rekap.xlsx:Info"
    assert document.where(("levels", "4", "level")) is not None  # a cell is named by row and column
    assert document.where(("levels", "4", "target")) is None


def test_a_csv_sheet_names_its_column_and_the_file_stands_for_itself(catalog):
    lines = ["framework,institution,year,kode,nilai"] + [f"spbe-2020,Kota Uji,2024,{n},3" for n in range(1, 48)]
    document = sheet_document("\n".join(lines).encode(), "rekap.csv", catalog)
    assert str(document.place(("levels", "12"))) == "rekap.csv:13:nilai"
    assert str(document.place(("levels", "12"), key=True)) == "rekap.csv:13:kode"
    assert document.place(("levels", "12", "target")) == document.place(("levels", "12"))  # a plain value
    assert document.place(("stage",)) == Place("rekap.csv")
