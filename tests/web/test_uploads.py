"""Uploading an office's sheet into a master through spbe serve: nothing is written before the sender
confirms; then the master is exactly what `spbe import SHEET --into MASTER` writes, the upload is kept
as received and the log says who wrote what."""

from __future__ import annotations

import hashlib
import json
import re
import shutil

import pytest

from ..helpers import EXAMPLES, WEB_ORIGIN, fill_workbook, form_value, office_master, page_text

POST = {"origin": WEB_ORIGIN}


@pytest.fixture
def site(served, spbe, tmp_path):
    """A workspace with a master of 20 offices, and OPD 01's sheet as `spbe export --pic` writes it."""
    site = served({"penilaian.yaml": office_master()})
    sheet = tmp_path / "opd-01.xlsx"
    assert spbe("export", site.folder / "penilaian.yaml", "--pic", "OPD 01", "-o", sheet).code == 0
    return site, sheet.read_bytes()


def master_id(client) -> str:
    return re.search(r'<option value="([0-9a-f]{12})"', client.get("/upload").text).group(1)


def upload(client, data: bytes, name: str = "opd-01.xlsx", who: str = "Budi Santoso", into: str | None = None):
    return client.post(
        "/upload",
        headers=POST,
        data={"into": into or master_id(client), "who": who},
        files={"sheet": (name, data, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")},
    )


def confirm(client, preview_html: str, **changed: str):
    fields = {name: form_value(preview_html, name) for name in ("into", "upload", "who", "expect")}
    return client.post("/upload/confirm", headers=POST, data={**fields, **changed})


def test_the_preview_shows_each_changed_cell_and_writes_nothing(site):
    site, sheet = site
    master = site.folder / "penilaian.yaml"
    before = master.read_bytes()
    filled = fill_workbook(sheet, {"1": 3, "21": 4, "41": 2})
    preview = upload(site.client, filled)
    assert preview.status_code == 200
    text = page_text(preview.text)
    for indicator, cell, value in (("1", "F5", "3"), ("21", "F6", "4"), ("41", "F7", "2")):
        assert f"opd-01.xlsx:Penilaian!{cell} OPD 01 {indicator}. " in text
        assert re.search(rf"nilai_mandiri – {value}\b", text)
    assert "3 value(s) added, 0 change(s)" in text  # what spbe import says of the merge
    assert master.read_bytes() == before  # nothing written yet
    kept = list((site.folder / ".spbe" / "uploads").iterdir())
    assert len(kept) == 1 and kept[0].read_bytes() == filled  # kept as received
    assert re.fullmatch(r"\d{8}T\d{12}Z-[0-9a-f]{16}-opd-01\.xlsx", kept[0].name)
    assert kept[0].name.split("-")[1] == hashlib.sha256(filled).hexdigest()[:16]
    assert not (site.folder / ".spbe" / "log.jsonl").exists()


def test_confirming_writes_what_spbe_import_into_writes_and_logs_it(site, spbe, tmp_path):
    site, sheet = site
    master = site.folder / "penilaian.yaml"
    copy = tmp_path / "salinan.yaml"
    shutil.copy(master, copy)
    filled = fill_workbook(sheet, {"1": 3, "21": 4, "41": 2})
    preview = upload(site.client, filled, who="Budi <Bappeda>")
    written = confirm(site.client, preview.text)
    assert written.status_code == 303 and written.headers["location"].startswith("/a/")
    page = site.client.get(written.headers["location"])
    assert "Written: 3 change(s)" in page_text(page.text)
    (tmp_path / "opd-01.xlsx").write_bytes(filled)
    assert spbe("import", tmp_path / "opd-01.xlsx", "--into", copy).code == 0
    assert master.read_bytes() == copy.read_bytes()  # exactly what the command writes
    (entry,) = [json.loads(line) for line in (site.folder / ".spbe" / "log.jsonl").read_text().splitlines()]
    assert entry["who"] == "Budi <Bappeda>" and entry["into"] == "penilaian.yaml"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", entry["time"])
    assert entry["file"].startswith(".spbe/uploads/") and entry["sha256"] == hashlib.sha256(filled).hexdigest()
    assert [(c["indicator"], c["column"], c["before"], c["after"], c["cell"]) for c in entry["changes"]] == [
        ("1", "nilai_mandiri", "–", "3", "opd-01.xlsx:Penilaian!F5"),
        ("21", "nilai_mandiri", "–", "4", "opd-01.xlsx:Penilaian!F6"),
        ("41", "nilai_mandiri", "–", "2", "opd-01.xlsx:Penilaian!F7"),
    ]
    assert any("Budi <Bappeda> wrote opd-01.xlsx: 3 change(s)" in line for line in site.heard.lines)
    assert not list(site.folder.glob("*.lock")) and not list(site.folder.glob(".spbe-*.tmp"))


def test_a_value_replaced_shows_before_and_after_and_the_new_index(site):
    site, sheet = site
    everything = {indicator: 3 for indicator in ("1", "21", "41")}
    confirm(site.client, upload(site.client, fill_workbook(sheet, everything)).text)
    again = upload(site.client, fill_workbook(sheet, {**everything, "21": 5}))
    text = page_text(again.text)
    assert "opd-01.xlsx:Penilaian!F6 OPD 01 21. " in text and "nilai_mandiri 3 5" in text
    assert "0 value(s) added, 1 change(s)" in text


def test_problems_are_shown_at_their_cells_and_nothing_can_be_written(site):
    site, sheet = site
    master = site.folder / "penilaian.yaml"
    before = master.read_bytes()
    broken = fill_workbook(sheet, {"1": 9, "21": "tiga"})
    preview = upload(site.client, broken)
    assert preview.status_code == 422
    text = page_text(preview.text)
    assert "opd-01.xlsx:Penilaian!F5:" in text and "opd-01.xlsx:Penilaian!F6:" in text
    assert 'action="/upload/confirm"' not in preview.text
    assert master.read_bytes() == before


def test_a_sheet_of_another_institution_is_refused_where_it_says_so(served, spbe, tmp_path):
    site = served({"penilaian.yaml": office_master(), "lain.yaml": office_master(institution="Kota Lain")})
    sheet = tmp_path / "lain.xlsx"
    spbe("export", site.folder / "lain.yaml", "--pic", "OPD 01", "-o", sheet)
    into = re.search(r'<option value="([0-9a-f]{12})"[^>]*>penilaian\.yaml', site.client.get("/upload").text).group(1)
    preview = upload(site.client, fill_workbook(sheet.read_bytes(), {"1": 3}), name="lain.xlsx", into=into)
    assert preview.status_code == 422
    assert "Kota Lain" in page_text(preview.text) and 'action="/upload/confirm"' not in preview.text


def test_a_confirmation_of_changes_that_are_no_longer_the_ones_shown_asks_again(site):
    site, sheet = site
    master = site.folder / "penilaian.yaml"
    first = upload(site.client, fill_workbook(sheet, {"1": 3}), who="Budi")
    second = upload(site.client, fill_workbook(sheet, {"1": 4}), who="Sari")
    assert confirm(site.client, second.text).status_code == 303  # Sari's 4 is written first
    stale = confirm(site.client, first.text)  # Budi saw "- -> 3"; it is now "4 -> 3"
    assert stale.status_code == 409
    assert "changed since this sheet was checked" in page_text(stale.text)
    assert "mandiri: 4" in master.read_text()  # nothing written on a stale confirmation
    again = confirm(site.client, stale.text)  # confirmed as now shown
    assert again.status_code == 303 and re.search(r"^\s+mandiri: 3$", master.read_text(), re.M)
    log = (site.folder / ".spbe" / "log.jsonl").read_text().splitlines()
    assert [json.loads(line)["who"] for line in log] == ["Sari", "Budi"]


def test_the_form_needs_a_name_and_a_sheet(site):
    site, sheet = site
    no_name = upload(site.client, sheet, who="   ")
    assert no_name.status_code == 400 and "Type your name" in no_name.text
    no_file = site.client.post("/upload", headers=POST, data={"into": master_id(site.client), "who": "Budi"})
    assert no_file.status_code == 400 and "Choose the sheet" in no_file.text
    not_a_sheet = upload(site.client, b"just text", name="catatan.txt")
    assert not_a_sheet.status_code == 422 and "not a spreadsheet" in not_a_sheet.text
    unknown_master = upload(site.client, sheet, into="0123456789ab")
    assert unknown_master.status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "../../penilaian.yaml",
        "..\\..\\penilaian.xlsx",
        '"><img src=x onerror=alert(1)>.xlsx',
        "\u202eslx.exe.xlsx",
        "/etc/passwd",
        "CON.xlsx",
        "a" * 300 + ".xlsx",
        ".hidden.xlsx",
    ],
)
def test_a_hostile_file_name_is_kept_under_a_safe_name_and_shown_inert(site, name):
    site, sheet = site
    master = site.folder / "penilaian.yaml"
    before = master.read_bytes()
    preview = upload(site.client, fill_workbook(sheet, {"1": 3}), name=name)
    assert preview.status_code == 200
    assert "<img src=x" not in preview.text and "\u202e" not in preview.text
    (kept,) = (site.folder / ".spbe" / "uploads").iterdir()
    assert re.fullmatch(r"\d{8}T\d{12}Z-[0-9a-f]{16}-[A-Za-z0-9][A-Za-z0-9._-]{0,79}", kept.name)
    assert master.read_bytes() == before
    assert sorted(p.name for p in site.folder.iterdir()) == [".spbe", "penilaian.yaml"]


def test_hostile_cell_text_is_written_as_the_command_writes_it_and_shown_inert(site, spbe, tmp_path):
    site, sheet = site
    hostile = '<script>alert("x")</script>\u202e{{ 7*7 }}'
    filled = fill_workbook(fill_workbook(sheet, {"1": 3}), {"1": hostile}, column="penjelasan")
    preview = upload(site.client, filled)
    assert "<script>alert" not in preview.text and "&lt;script&gt;" in preview.text and "\\u202e" in preview.text
    copy = tmp_path / "salinan.yaml"
    shutil.copy(site.folder / "penilaian.yaml", copy)
    assert confirm(site.client, preview.text).status_code == 303
    (tmp_path / "opd.xlsx").write_bytes(filled)
    assert spbe("import", tmp_path / "opd.xlsx", "--into", copy).code == 0
    assert (site.folder / "penilaian.yaml").read_bytes() == copy.read_bytes()
    page = site.client.get("/")
    assert "<script>alert" not in page.text


@pytest.mark.parametrize(
    "upload_name",
    [
        "../penilaian.yaml",
        "20261205T101500123456Z-0123456789abcdef-../../penilaian.yaml",
        "20261205T101500123456Z-0123456789abcdef-nothing.xlsx",
        "",
    ],
)
def test_a_confirmation_names_only_an_upload_kept_here(site, upload_name):
    site, sheet = site
    preview = upload(site.client, fill_workbook(sheet, {"1": 3}))
    before = (site.folder / "penilaian.yaml").read_bytes()
    answer = confirm(site.client, preview.text, upload=upload_name)
    assert answer.status_code == 404
    assert (site.folder / "penilaian.yaml").read_bytes() == before


def test_an_upload_changed_after_it_was_kept_is_not_written(site):
    site, sheet = site
    preview = upload(site.client, fill_workbook(sheet, {"1": 3}))
    (kept,) = (site.folder / ".spbe" / "uploads").iterdir()
    kept.write_bytes(fill_workbook(sheet, {"1": 5}))
    before = (site.folder / "penilaian.yaml").read_bytes()
    assert confirm(site.client, preview.text).status_code == 404
    assert (site.folder / "penilaian.yaml").read_bytes() == before


def test_a_workbook_cannot_be_filled_only_a_yaml_master(served, spbe, tmp_path):
    site = served({"penilaian.yaml": office_master()})
    spbe("export", site.folder / "penilaian.yaml", "-o", site.folder / "rekap.xlsx")
    form = site.client.get("/upload").text
    assert "penilaian.yaml" in form and "rekap.xlsx" not in form
    rekap = re.search(r'href="/a/([0-9a-f]{12})">rekap\.xlsx<', site.client.get("/").text).group(1)
    assert upload(site.client, b"PK\x03\x04", into=rekap).status_code == 404


def test_a_conflict_with_the_file_is_shown_at_its_cell_with_both_values_and_nothing_is_written(served, spbe, tmp_path):
    # A plain value for an indicator the file records per stage: `spbe import --into` refuses it at its
    # cell, naming the file's values; the page says the same and offers nothing to confirm.
    staged = (EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml").read_bytes()
    site = served({"kabupaten.yaml": staged})
    sheet = "framework,institution,year,kode,nilai\nspbe-2020,Pemerintah Kabupaten Sukamaju (ilustrasi),2025,1,3\n"
    into = re.search(r'<option value="([0-9a-f]{12})"', site.client.get("/upload").text).group(1)
    preview = site.client.post(
        "/upload",
        headers=POST,
        data={"into": into, "who": "Budi"},
        files={"sheet": ("lembar.csv", sheet.encode("utf-8"), "text/csv")},
    )
    assert preview.status_code == 422
    text = page_text(preview.text)
    given = tmp_path / "lembar.csv"
    given.write_text(sheet, encoding="utf-8")
    copy = tmp_path / "kabupaten.yaml"
    copy.write_bytes(staged)
    refused = spbe("import", given, "--into", copy)
    assert refused.code == 3 and copy.read_bytes() == staged
    assert "lembar.csv:2:nilai" in text and "(mandiri 4, dokumen 4, interviu 3, akhir 3)" in text
    assert "lembar.csv:2:nilai" in refused.err  # the same place as the command's
    assert 'action="/upload/confirm"' not in preview.text
    assert (site.folder / "kabupaten.yaml").read_bytes() == staged
    assert not (site.folder / ".spbe" / "log.jsonl").exists()


def test_a_sheet_that_does_not_say_its_assessment_is_read_as_the_files_as_import_into_reads_it(site, spbe, tmp_path):
    # Rows without the framework, institution and year (a CSV saved from a copied range, no Info
    # sheet): the page, like `spbe import --into`, reads them as the file's own, and writes the same.
    site, _ = site
    master = site.folder / "penilaian.yaml"
    pristine = master.read_bytes()
    sheet = b"kode,nilai_mandiri,pic_opd\n1,3,OPD 01\n21,4,OPD 01\n"
    preview = site.client.post(
        "/upload",
        headers=POST,
        data={"into": master_id(site.client), "who": "Budi"},
        files={"sheet": ("salinan.csv", sheet, "text/csv")},
    )
    assert preview.status_code == 200, page_text(preview.text)
    assert confirm(site.client, preview.text).status_code == 303
    given = tmp_path / "salinan.csv"
    given.write_bytes(sheet)
    copy = tmp_path / "penilaian.yaml"
    copy.write_bytes(pristine)
    assert spbe("import", given, "--into", copy).code == 0
    assert master.read_bytes() == copy.read_bytes() != pristine
