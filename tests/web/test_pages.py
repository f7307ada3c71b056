"""spbe serve's pages, as a coordinator uses them: each shows what the command shows (the same report
page, the same workbooks, the same findings, comparison, plan and ranking), in the reader's language."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest

from ..helpers import EXAMPLES, page_text

KABUPATEN = (EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml").read_text(encoding="utf-8")
DENPASAR = (EXAMPLES / "kota-denpasar-2021-tahapan.yaml").read_text(encoding="utf-8")
PROVINSI_2023 = (EXAMPLES / "spbe-2020-provinsi-2023-ilustrasi.yaml").read_text(encoding="utf-8")
PROVINSI_2024 = (EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml").read_text(encoding="utf-8")
COSTS = "default: 1\nindicators: {1-10: 15, 42: 5}\nlevels: {4: 2, 5: 3}\n"


def ids(client) -> dict[str, str]:
    """File name -> id, from the overview."""
    return {
        name: identifier for identifier, name in re.findall(r'href="/a/([0-9a-f]{12})">([^<]+)<', client.get("/").text)
    }


@pytest.fixture
def site(served):
    return served(
        {
            "penilaian.yaml": KABUPATEN,
            "arsip/denpasar.yaml": DENPASAR,
            "provinsi-2023.yaml": PROVINSI_2023,
            "provinsi-2024.yaml": PROVINSI_2024,
            "biaya.yaml": COSTS,
            "rusak.yaml": "framework: spbe-2020\nlevels: [",
            "catatan.txt": "not listed",
        }
    )


def test_the_overview_lists_every_assessment_with_its_score_and_check(site, spbe):
    page = site.client.get("/")
    assert page.status_code == 200
    text = page_text(page.text)
    for name in ("penilaian.yaml", "arsip/denpasar.yaml", "provinsi-2023.yaml", "provinsi-2024.yaml"):
        assert name in text
    assert "Pemerintah Kabupaten Sukamaju (ilustrasi)" in text and "spbe-2020" in text
    scored = spbe("score", site.folder / "penilaian.yaml", "-f", "json")
    index = re.search(r'"index": ([0-9.]+)', scored.out).group(1)
    assert index in text and "Baik" in text
    assert "0 error(s), 3 warning(s), 0 unfilled" in text  # as spbe check says it
    assert "catatan.txt" not in text  # not an assessment file
    assert "biaya.yaml" in page_text(page.text.split('id="others"')[1])  # other YAML: listed apart
    unreadable = page_text(page.text.split('id="unreadable"')[1].split("</section>")[0])
    assert "rusak.yaml" in unreadable and "rusak.yaml:3:1" in unreadable  # located, as the commands say it


def test_the_overview_says_what_each_office_still_owes(site, spbe):
    owed = page_text(site.client.get("/").text.split('id="owed"')[1].split("</section>")[0])
    checked = spbe("check", site.folder / "penilaian.yaml", "--by", "pic")
    for office in re.findall(r"^(\S[^:\n]*): \d+ finding", checked.out, re.M):
        assert office in owed
    assert "Bappeda penilaian.yaml 0 0 2" in owed  # two warnings, as check --by pic counts them


def test_one_assessment_shows_each_stage_the_findings_and_the_report(site, spbe):
    identifier = ids(site.client)["penilaian.yaml"]
    page = site.client.get(f"/a/{identifier}")
    assert page.status_code == 200
    text = page_text(page.text)
    by_stage = spbe("score", site.folder / "penilaian.yaml", "--stage", "all", "-f", "json").out
    for stage_index in re.findall(r'"index": ([0-9.]+)', by_stage)[:1]:
        assert stage_index in text
    assert "Self-assessment" in text and "Final" in text
    checked = spbe("check", site.folder / "penilaian.yaml").out
    for location in re.findall(r"^(penilaian\.yaml:\d+:\d+)", checked, re.M):
        assert location in text  # every finding, where it stands
    assert f'src="/a/{identifier}/report"' in page.text
    for link in ("report", "results.xlsx", "assessment.xlsx", "office.xlsx?office=Bappeda"):
        assert f"/a/{identifier}/{link}" in page.text


@pytest.mark.parametrize("language", ["en", "id"])
def test_the_report_is_the_page_spbe_report_writes(site, spbe, language):
    identifier = ids(site.client)["penilaian.yaml"]
    page = site.client.get(f"/a/{identifier}/report", headers={"accept-language": language})
    written = spbe("report", site.folder / "penilaian.yaml", "--lang", language)
    assert page.status_code == 200 and written.code == 0
    assert page.text == written.out
    staged = site.client.get(f"/a/{identifier}/report?stage=mandiri", headers={"accept-language": language})
    assert staged.text == spbe("report", site.folder / "penilaian.yaml", "--stage", "mandiri", "--lang", language).out


def test_the_workbooks_are_the_ones_the_commands_write(site, spbe, tmp_path, monkeypatch):
    identifier = ids(site.client)["penilaian.yaml"]
    monkeypatch.chdir(site.folder)  # the results workbook names its file as the command was given it
    master = "penilaian.yaml"
    for address, command in (
        ("results.xlsx", ["score", master, "-f", "xlsx"]),
        ("assessment.xlsx", ["export", master]),
        ("office.xlsx?office=Bappeda", ["export", master, "--pic", "Bappeda"]),
    ):
        answer = site.client.get(f"/a/{identifier}/{address}")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("application/vnd.openxmlformats")
        assert answer.headers["content-disposition"].startswith('attachment; filename="penilaian-')
        target = tmp_path / "written.xlsx"
        assert spbe(*command, "-o", target).code == 0
        assert cells(answer.content) == cells(target.read_bytes()), address
    assert site.client.get(f"/a/{identifier}/office.xlsx?office=bappeda").status_code == 200  # any case
    assert site.client.get(f"/a/{identifier}/office.xlsx?office=Nowhere").status_code == 404


def cells(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets}


def test_a_file_not_yet_filled_says_what_is_missing_instead_of_a_report(served):
    blank = KABUPATEN.replace("    mandiri: 4\n    dokumen: 4\n    interviu: 3\n    akhir: 3\n", "    akhir:\n", 1)
    site = served({"kosong.yaml": blank})
    identifier = ids(site.client)["kosong.yaml"]
    page = site.client.get(f"/a/{identifier}")
    assert "The report and the results need every value at stage Final: 1 missing" in page_text(page.text)
    assert f"/a/{identifier}/report" not in page.text
    refused = site.client.get(f"/a/{identifier}/report")
    assert refused.status_code == 422 and "kosong.yaml:" in refused.text and "not filled" in refused.text


def test_compare_two_stages_and_two_files_as_spbe_diff(site, spbe):
    found = ids(site.client)
    stages = site.client.get(
        "/compare", params={"mode": "stages", "file": found["penilaian.yaml"], "from": "mandiri", "to": "akhir"}
    )
    assert stages.status_code == 200
    said = spbe("diff", site.folder / "penilaian.yaml", "--stages", "mandiri", "akhir", "-f", "markdown").out
    overall = re.search(r"\*\*(.+)\*\*", said).group(1)
    assert overall in page_text(stages.text)
    files = site.client.get(
        "/compare", params={"mode": "files", "old": found["provinsi-2023.yaml"], "new": found["provinsi-2024.yaml"]}
    )
    said = spbe("diff", site.folder / "provinsi-2023.yaml", site.folder / "provinsi-2024.yaml", "-f", "markdown").out
    text = page_text(files.text)
    assert re.search(r"\*\*(.+)\*\*", said).group(1) in text
    for indicator in re.findall(r"^\| (\d+) \|", said, re.M):
        assert f" {indicator} " in text
    missing = site.client.get(
        "/compare", params={"mode": "files", "old": "0123456789ab", "new": found["penilaian.yaml"]}
    )
    assert missing.status_code == 404


def test_plan_with_a_costs_file_of_the_workspace_as_spbe_plan(site, spbe):
    found = ids(site.client)
    costs = re.search(r'<option value="([0-9a-f]{12})"[^>]*>biaya\.yaml', site.client.get("/plan").text).group(1)
    page = site.client.get("/plan", params={"file": found["penilaian.yaml"], "target": "Sangat Baik", "costs": costs})
    assert page.status_code == 200
    said = spbe(
        "plan",
        site.folder / "penilaian.yaml",
        "--target",
        "Sangat Baik",
        "--costs",
        site.folder / "biaya.yaml",
        "-f",
        "markdown",
    ).out
    text = page_text(page.text)
    assert re.search(r"\*\*(.+)\*\*", said).group(1) in text
    for indicator in re.findall(r"^\| (\d+) \|", said, re.M):
        assert f" {indicator} " in text
    wrong = site.client.get("/plan", params={"file": found["penilaian.yaml"], "target": "Luar Biasa"})
    said = spbe("plan", site.folder / "penilaian.yaml", "--target", "Luar Biasa")
    assert wrong.status_code == 422 and said.code == 2
    assert "is neither a number nor a predikat of spbe-2020" in said.err
    assert "is neither a number nor a predikat of spbe-2020" in page_text(wrong.text)


def test_rank_ranks_the_workspace_as_spbe_rank(site, spbe):
    page = site.client.get("/rank")
    assert page.status_code == 200 and 'src="/rank/page"' in page.text
    ranking = site.client.get("/rank/page")
    assert ranking.status_code == 200
    for institution in ("Pemerintah Kabupaten Sukamaju (ilustrasi)", "Pemerintah Kota Denpasar"):
        assert institution in ranking.text


def test_the_language_follows_lang_then_accept_language_then_the_switch(served):
    site = served({"penilaian.yaml": KABUPATEN})
    assert "Ikhtisar" in site.client.get("/", headers={"accept-language": "id-ID,id;q=0.9,en;q=0.8"}).text
    assert "Overview" in site.client.get("/", headers={"accept-language": "en-US,en;q=0.9,id;q=0.5"}).text
    chosen = served({"penilaian.yaml": KABUPATEN}, language="id", folder="id")
    page = chosen.client.get("/", headers={"accept-language": "en"})
    assert "Ikhtisar" in page.text and 'lang="id"' in page.text and page.headers["content-language"] == "id"
    chosen.client.get("/lang/en?next=/")
    assert "Overview" in chosen.client.get("/", headers={"accept-language": "id"}).text
    identifier = ids(chosen.client)["penilaian.yaml"]
    assert 'href="/lang/id?next=%2Fa%2F' in chosen.client.get(f"/a/{identifier}").text  # a switch on every page


def test_a_page_that_meets_a_bug_says_so_and_the_terminal_hears_it(served, monkeypatch):
    site = served({"penilaian.yaml": KABUPATEN})
    from spbe_cli.web import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views, "owed", broken)
    monkeypatch.setattr("spbe_cli.web.pages.owed", broken)
    answer = site.client.get("/")
    assert answer.status_code == 500 and "bug in spbe" in answer.text and "Traceback" not in answer.text
    assert any("internal error on /: RuntimeError: boom" in line for line in site.heard.lines)
