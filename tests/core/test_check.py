"""spbe check: readiness before submission finds exactly what a file lacks, located, in every format."""

from __future__ import annotations

import json

import pytest

from spbe_cli.core.readiness import findings
from spbe_cli.loading.loader import parse_assessment

from ..helpers import EXAMPLES, levels_yaml, uniform

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
    places = assessment.places
    found = [(f.severity, f.code, f.indicator, places.place(f.path, key=f.key).line) for f in findings(assessment)]
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
def test_check_text_is_located_in_both_languages(spbe, catalog, tmp_path, monkeypatch, lang, lines):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.yaml").write_text(seeded(catalog), encoding="utf-8")
    result = spbe("check", "--lang", lang, "a.yaml")
    assert result.code == 1, result.err
    assert result.out.splitlines() == lines


def test_fail_on_decides_the_exit_code(spbe, catalog, write):
    warnings_only = dict(SEEDS)
    for key in ("7", "13", "14", "19"):
        warnings_only.pop(key)
    levels = uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")
    levels.update(warnings_only)
    path = write("w.yaml", levels_yaml("spbe-2020", levels))
    assert spbe("check", path).code == 0
    assert spbe("check", "--fail-on", "warning", path).code == 1
    clean = write("c.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")))
    result = spbe("check", "--fail-on", "warning", clean)
    assert result.code == 0 and f"{clean}: ready, nothing found" in result.out
    assert spbe("check", "--fail-on", "info", clean).code == 2


@pytest.mark.parametrize(("lang", "words"), [("en", "must be a whole number"), ("id", "harus bilangan bulat")])
def test_an_invalid_file_is_exit_3_and_the_others_are_still_checked(spbe, catalog, write, lang, words):
    bad = write("bad.yaml", levels_yaml("spbe-2020", uniform(catalog, "spbe-2020", 9)))
    good = write("good.yaml", seeded(catalog))
    result = spbe("check", "--lang", lang, bad, good)
    assert result.code == 3
    assert f"{bad}:5:6:" in result.err and words in result.err
    assert f"{good}:11:3:" in result.out


def test_by_pic_lists_each_offices_findings(spbe, catalog, write):
    path = write("a.yaml", seeded(catalog))
    result = spbe("check", "--by", "pic", path)
    heads = [line for line in result.out.splitlines() if not line.startswith("  ")]
    assert heads == [
        "Bappeda: 2 finding(s)",
        "BPKAD: 1 finding(s)",
        "Diskominfo: 4 finding(s)",
        "(no office): 3 finding(s)",
        "4 error(s), 5 warning(s) in 1 file(s)",
    ]
    indonesian = spbe("check", "--by", "pic", "--lang", "id", path).out
    assert "(tanpa OPD): 3 temuan" in indonesian
    data = json.loads(spbe("check", "--by", "pic", "-f", "json", path).out)
    assert [(group["office"], group["count"]) for group in data["by_pic"]] == [
        ("Bappeda", 2),
        ("BPKAD", 1),
        ("Diskominfo", 4),
        (None, 3),
    ]
    assert spbe("check", "--by", "opd", path).code == 2


def test_json_markdown_and_github(spbe, catalog, write):
    path = write("a.yaml", seeded(catalog))
    data = json.loads(spbe("check", "-f", "json", path).out)
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
    markdown = spbe("check", "-f", "markdown", "--lang", "id", path).out
    assert markdown.startswith("## Pemeriksaan kesiapan\n\n**4 kesalahan, 5 peringatan dalam 1 berkas**")
    assert "| Lokasi | Tingkat keparahan | Temuan |" in markdown
    assert "indikator 13 mengklaim 3 tanpa bukti dukung" in markdown
    github = spbe("check", "-f", "github", path).out.splitlines()
    assert len(github) == 9
    assert github[1] == (
        f"::error file={path},line=11,col=3,title=spbe check::indicator 7 is not filled yet: give it a value"
    )
    assert github[0].startswith(f"::warning file={path},line=2,col=14,")


def test_user_text_is_escaped_in_every_format(spbe, catalog, write):
    levels = uniform(catalog, "spbe-2020", "{level: 1, pic: Diskominfo}")
    levels["14"] = '{level: 1, evidence: [{title: "::set-env x|*\\u202e", status: ditolak}], pic: Bappeda}'
    path = write("a.yaml", levels_yaml("spbe-2020", levels))
    text = spbe("check", path).out
    assert "\u202e" not in text and "\\u202e" in text
    markdown = spbe("check", "-f", "markdown", path).out
    assert "x\\|\\*" in markdown
    github = spbe("check", "-f", "github", path).out
    assert all(line.startswith("::error ") for line in github.splitlines())  # user text starts no command
    assert "'::set-env x|*\\u202e'" in github


def test_a_workbook_is_located_by_cell(spbe, catalog, write, tmp_path):
    source = write("a.yaml", seeded(catalog))
    book = str(tmp_path / "a.xlsx")
    assert spbe("export", source, "-o", book).code == 0
    result = spbe("check", book)
    assert result.code == 1, result.err
    assert f"{book}:Penilaian!" in result.out
    assert "indicator 13 claims 3 with no evidence" in result.out


@pytest.mark.parametrize(
    ("name", "value", "place"),
    [
        ("a.yaml", None, "a.yaml:11:3"),  # `7:`: the indicator's key, after which the value is written
        ("a.yaml", "{level: , pic: Bappeda}", "a.yaml:11:7"),  # its empty `level:`
        ("a.yaml", "{mandiri: 2, akhir: , pic: Bappeda}", "a.yaml:11:19"),  # its empty stage
        ("a.csv", None, "a.csv:8:nilai"),  # its empty cell
    ],
)
def test_check_and_score_name_the_same_place_for_an_unfilled_value(spbe, catalog, tmp_path, name, value, place):
    path = tmp_path / name
    if name.endswith(".csv"):
        rows = [f"spbe-2020,Kota Uji,2024,{n},{'' if n == 7 else 1},Bappeda" for n in range(1, 48)]
        path.write_text("framework,institution,year,kode,nilai,pic_opd\n" + "\n".join(rows) + "\n", encoding="utf-8")
    else:
        levels = uniform(catalog, "spbe-2020", "{level: 1, pic: Bappeda}")
        levels["7"] = value or ""
        path.write_text(levels_yaml("spbe-2020", levels), encoding="utf-8")
    checked, scored = spbe("check", str(path)), spbe("score", str(path))
    assert checked.code == 1 and scored.code == 3
    (finding,) = checked.out.splitlines()[:-1]
    assert finding.startswith(f"{tmp_path}/{place}: error: indicator 7 is not filled yet")
    assert scored.err.startswith(f"{tmp_path}/{place}: indicator 7 is not filled yet")


def test_check_runs_on_every_example(spbe):
    paths = sorted(str(p) for p in EXAMPLES.glob("*.yaml"))
    for path in paths:
        result = spbe("check", path)
        assert result.code in (0, 1), (path, result.err)
        assert result.err == ""


def test_check_at_a_stage(spbe, catalog, write):
    path = write("a.yaml", seeded(catalog))
    result = spbe("check", "--stage", "mandiri", path)
    assert "indicator 19 is not filled yet at stage interviu" in result.out  # left empty at any stage
    assert "indicator 18 rises" in result.out
    assert spbe("check", "--stage", "final", path).code == 2


KABUPATEN = str(EXAMPLES / "kabupaten-2025-tahapan-ilustrasi.yaml")


def test_the_illustrative_kabupaten_goes_through_every_stage(spbe, catalog):
    from spbe_cli.core.numbers import display
    from spbe_cli.core.scoring import score_by_stage
    from spbe_cli.loading.loader import load_file

    assessment = load_file(KABUPATEN, catalog)
    assert assessment.stages == ("mandiri", "dokumen", "interviu", "visitasi", "akhir")
    shown = {stage: display(index) for stage, index in score_by_stage(assessment, catalog.get("spbe-2020")).items()}
    assert [shown[stage] for stage in assessment.stages] == ["3.67", "3.31", "3.16", "3.16", "2.97"]
    assert assessment.entries["13"].pic == ("Bappeda", "BPKAD")
    assert assessment.entries["45"].service == ("Administrasi Kependudukan",)
    result = spbe("check", "--by", "pic", KABUPATEN)
    assert result.code == 0, result.err
    heads = [line for line in result.out.splitlines() if not line.startswith("  ")]
    assert heads == [
        "Bappeda: 2 finding(s)",
        "BPKAD: 1 finding(s)",
        "Diskominfo: 1 finding(s)",
        "0 error(s), 3 warning(s) in 1 file(s)",
    ]


def test_github_annotations_are_the_default_under_actions_only(spbe, catalog, write):
    path = write("a.yaml", seeded(catalog))
    auto = spbe("check", path, env={"GITHUB_ACTIONS": "true"}).out
    assert auto.splitlines()[1].startswith(f"::error file={path},line=11,col=3,")
    explicit = spbe("check", "-f", "text", path, env={"GITHUB_ACTIONS": "true"}).out
    assert "::error" not in explicit and f"{path}:11:3: error:" in explicit
    assert "::error" not in spbe("check", path).out
