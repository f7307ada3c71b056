"""spbe check: readiness before submission finds exactly what a file lacks, located, in every format."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from spbe_cli.cli import app
from spbe_cli.core.readiness import findings
from spbe_cli.loading.loader import parse_assessment

from .conftest import EXAMPLES, levels_yaml, uniform

runner = CliRunner()

# Every indicator complete at level 1 (no evidence needed), except the seeded gaps below.
SEEDS = {
    "7": "",  # unfilled: error
    "12": "{mandiri: 4, dokumen: 3, interviu: 3, note: Perbup, evidence: https://x, pic: [Bappeda, Diskominfo]}",
    "13": "{level: 3, note: SK, pic: [BPKAD, Bappeda]}",  # no evidence: error (both offices)
    "14": "{level: 2, note: SK, evidence: [{title: SK Tim, status: ditolak}], pic: Bappeda}",  # rejected: error
    "15": "{level: 2, evidence: https://y, pic: Diskominfo}",  # no note: warning
    "16": "{level: 1}",  # no office: warning
    "17": "{level: 2, note: SOP, evidence: [{title: SOP, status: revisi}], pic: Diskominfo}",  # revision: warning
    "18": "{mandiri: 2, dokumen: 3, note: n, evidence: https://z, pic: Diskominfo}",  # raised: warning
    "19": "{mandiri: 3, interviu: , note: n, pic: Diskominfo}",  # left empty at interviu: error
}
EXPECTED = [
    ("warning", "placeholder", None, 2),
    ("error", "unfilled", "7", 11),
    ("error", "no_evidence", "13", 17),
    ("error", "rejected", "14", 18),
    ("warning", "no_note", "15", 19),
    ("warning", "no_pic", "16", 20),
    ("warning", "revision", "17", 21),
    ("warning", "raised", "18", 22),
    ("error", "unfilled", "19", 23),
]


def seeded(catalog) -> str:
    levels = uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")
    levels.update(SEEDS)
    return levels_yaml("spbe-2020", levels, institution="Nama Instansi")


def test_check_finds_exactly_the_seeded_gaps(catalog):
    assessment = parse_assessment(seeded(catalog).encode(), "a.yaml", catalog, locate=True)
    found = [(f.severity, f.code, f.indicator, assessment.position(f.path)[0]) for f in findings(assessment)]
    assert found == EXPECTED


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        (
            "en",
            [
                "a.yaml:2:14: warning: institution is still the template's placeholder 'Nama Instansi':"
                " write the institution's name",
                "a.yaml:11:3: error: indicator 7 is not filled yet: give it a value",
                "a.yaml:17:3: error: indicator 13 claims 3 with no evidence (bukti dukung)",
                "a.yaml:18:63: error: indicator 14: evidence item 1 ('SK Tim') was rejected (ditolak)",
                "a.yaml:19:3: warning: indicator 15 claims 2 with no note (penjelasan)",
                "a.yaml:20:3: warning: indicator 16 has no office (pic)",
                "a.yaml:21:61: warning: indicator 17: evidence item 1 ('SOP') needs revision (revisi)",
                "a.yaml:22:29: warning: indicator 18 rises from 2 (mandiri) to 3 (dokumen);"
                " assessors rarely raise a value",
                "a.yaml:23:20: error: indicator 19 is not filled yet at stage interviu: give it a value",
                "4 error(s), 5 warning(s) in 1 file(s)",
            ],
        ),
        (
            "id",
            [
                "a.yaml:2:14: peringatan: institution masih isian contoh templat 'Nama Instansi': tulis nama instansi",
                "a.yaml:11:3: kesalahan: indikator 7 belum diisi: beri nilai",
                "a.yaml:17:3: kesalahan: indikator 13 mengklaim 3 tanpa bukti dukung",
                "a.yaml:18:63: kesalahan: indikator 14: bukti dukung ke-1 ('SK Tim') ditolak",
                "a.yaml:19:3: peringatan: indikator 15 mengklaim 2 tanpa penjelasan (note)",
                "a.yaml:20:3: peringatan: indikator 16 belum punya OPD penanggung jawab (pic)",
                "a.yaml:21:61: peringatan: indikator 17: bukti dukung ke-1 ('SOP') perlu direvisi (revisi)",
                "a.yaml:22:29: peringatan: indikator 18 naik dari 2 (mandiri) ke 3 (dokumen);"
                " asesor jarang menaikkan nilai",
                "a.yaml:23:20: kesalahan: indikator 19 belum diisi pada tahap interviu: beri nilai",
                "4 kesalahan, 5 peringatan dalam 1 berkas",
            ],
        ),
    ],
)
def test_check_text_is_located_in_both_languages(catalog, tmp_path, monkeypatch, lang, lines):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(seeded(catalog), encoding="utf-8")
    result = runner.invoke(app, ["check", "--lang", lang, "a.yaml"])
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines() == lines


def test_fail_on_decides_the_exit_code(catalog, write):
    warnings_only = dict(SEEDS)
    for key in ("7", "13", "14", "19"):
        warnings_only.pop(key)
    levels = uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")
    levels.update(warnings_only)
    path = write("w.yaml", levels_yaml("spbe-2020", levels))
    assert runner.invoke(app, ["check", path]).exit_code == 0
    assert runner.invoke(app, ["check", "--fail-on", "warning", path]).exit_code == 1
    clean = write("c.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")))
    result = runner.invoke(app, ["check", "--fail-on", "warning", clean])
    assert result.exit_code == 0 and f"{clean}: ready, nothing found" in result.stdout
    assert runner.invoke(app, ["check", "--fail-on", "info", clean]).exit_code == 2


@pytest.mark.parametrize(("lang", "words"), [("en", "must be a whole number"), ("id", "harus bilangan bulat")])
def test_an_invalid_file_is_exit_3_and_the_others_are_still_checked(catalog, write, lang, words):
    bad = write("bad.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 9)))
    good = write("good.yaml", seeded(catalog))
    result = runner.invoke(app, ["check", "--lang", lang, bad, good])
    assert result.exit_code == 3
    assert f"{bad}:5:6:" in result.stderr and words in result.stderr
    assert f"{good}:11:3:" in result.stdout


def test_by_pic_lists_each_offices_findings(catalog, write):
    path = write("a.yaml", seeded(catalog))
    result = runner.invoke(app, ["check", "--by", "pic", path])
    heads = [line for line in result.stdout.splitlines() if not line.startswith("  ")]
    assert heads == [
        "Bappeda: 2 finding(s)",
        "BPKAD: 1 finding(s)",
        "Diskominfo: 4 finding(s)",
        "(no office): 3 finding(s)",
        "4 error(s), 5 warning(s) in 1 file(s)",
    ]
    indonesian = runner.invoke(app, ["check", "--by", "pic", "--lang", "id", path]).stdout
    assert "(tanpa OPD): 3 temuan" in indonesian
    data = json.loads(runner.invoke(app, ["check", "--by", "pic", "-f", "json", path]).stdout)
    assert [(group["office"], group["count"]) for group in data["by_pic"]] == [
        ("Bappeda", 2),
        ("BPKAD", 1),
        ("Diskominfo", 4),
        (None, 3),
    ]
    assert runner.invoke(app, ["check", "--by", "opd", path]).exit_code == 2


def test_json_markdown_and_github(catalog, write):
    path = write("a.yaml", seeded(catalog))
    data = json.loads(runner.invoke(app, ["check", "-f", "json", path]).stdout)
    assert (data["errors"], data["warnings"], data["failing"], data["fail_on"]) == (4, 5, True, "error")
    assert data["by_pic"] is None and data["failed"] == []
    first = data["findings"][1]
    assert first == {
        "file": path,
        "location": f"{path}:11:3",
        "line": 11,
        "column": 3,
        "cell": None,
        "severity": "error",
        "code": "unfilled",
        "indicator": "7",
        "offices": [],
        "message": "indicator 7 is not filled yet: give it a value",
    }
    assert [f["code"] for f in data["findings"]] == [code for _, code, _, _ in EXPECTED]
    markdown = runner.invoke(app, ["check", "-f", "markdown", "--lang", "id", path]).stdout
    assert markdown.startswith("## Pemeriksaan kesiapan\n\n**4 kesalahan, 5 peringatan dalam 1 berkas**")
    assert "| Lokasi | Tingkat keparahan | Temuan |" in markdown
    assert "indikator 13 mengklaim 3 tanpa bukti dukung" in markdown
    github = runner.invoke(app, ["check", "-f", "github", path]).stdout.splitlines()
    assert len(github) == 9
    assert github[1] == (
        f"::error file={path},line=11,col=3,title=spbe check::indicator 7 is not filled yet: give it a value"
    )
    assert github[0].startswith(f"::warning file={path},line=2,col=14,")


def test_user_text_is_escaped_in_every_format(catalog, write):
    levels = uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")
    levels["14"] = '{level: 1, evidence: [{title: "::set-env x|*\\u202e", status: ditolak}], pic: Bappeda}'
    path = write("a.yaml", levels_yaml("spbe-2020", levels))
    text = runner.invoke(app, ["check", path]).stdout
    assert "\u202e" not in text and "\\u202e" in text
    markdown = runner.invoke(app, ["check", "-f", "markdown", path]).stdout
    assert "x\\|\\*" in markdown
    github = runner.invoke(app, ["check", "-f", "github", path]).stdout
    assert all(line.startswith("::error ") for line in github.splitlines())  # user text starts no command
    assert "'::set-env x|*\\u202e'" in github


def test_a_workbook_is_located_by_cell(catalog, write, tmp_path):
    source = write("a.yaml", seeded(catalog))
    book = str(tmp_path / "a.xlsx")
    assert runner.invoke(app, ["export", source, "-o", book]).exit_code == 0
    result = runner.invoke(app, ["check", book])
    assert result.exit_code == 1, result.output
    assert f"{book}:Penilaian!" in result.stdout
    assert "indicator 13 claims 3 with no evidence" in result.stdout


def test_check_runs_on_every_example():
    paths = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    for path in paths:
        result = runner.invoke(app, ["check", path])
        assert result.exit_code in (0, 1), (path, result.output)
        assert result.stderr == ""


def test_check_at_a_stage(catalog, write):
    path = write("a.yaml", seeded(catalog))
    result = runner.invoke(app, ["check", "--stage", "mandiri", path])
    assert "indicator 19 is not filled yet at stage interviu" in result.stdout  # left empty at any stage
    assert "indicator 18 rises" in result.stdout
    assert runner.invoke(app, ["check", "--stage", "final", path]).exit_code == 2


KABUPATEN = str(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml")


def test_the_illustrative_kabupaten_goes_through_every_stage(catalog):
    from spbe_cli.core.numbers import display
    from spbe_cli.core.scoring import score_by_stage
    from spbe_cli.loading.loader import load_file

    assessment = load_file(KABUPATEN, catalog)
    assert assessment.stages == ("mandiri", "dokumen", "interviu", "visitasi", "akhir")
    shown = {stage: display(index) for stage, index in score_by_stage(assessment, catalog.get("spbe-2020")).items()}
    assert [shown[stage] for stage in assessment.stages] == ["3.67", "3.31", "3.16", "3.16", "2.97"]
    assert assessment.entries["13"].pic == ("Bappeda", "BPKAD")
    assert assessment.entries["45"].service == ("Administrasi Kependudukan",)
    result = runner.invoke(app, ["check", "--by", "pic", KABUPATEN])
    assert result.exit_code == 0, result.output
    heads = [line for line in result.stdout.splitlines() if not line.startswith("  ")]
    assert heads == [
        "Bappeda: 2 finding(s)",
        "BPKAD: 1 finding(s)",
        "Diskominfo: 1 finding(s)",
        "0 error(s), 3 warning(s) in 1 file(s)",
    ]


def test_github_annotations_are_the_default_under_actions_only(catalog, write):
    path = write("a.yaml", seeded(catalog))
    auto = runner.invoke(app, ["check", path], env={"GITHUB_ACTIONS": "true"}).stdout
    assert auto.splitlines()[1].startswith(f"::error file={path},line=11,col=3,")
    explicit = runner.invoke(app, ["check", "-f", "text", path], env={"GITHUB_ACTIONS": "true"}).stdout
    assert "::error" not in explicit and f"{path}:11:3: error:" in explicit
    assert "::error" not in runner.invoke(app, ["check", path]).stdout
