"""Editor schema, pre-commit hook, GitHub Actions, completion, colour and language, as users meet them."""

from __future__ import annotations

import contextlib
import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from decimal import Decimal

import pytest
import yaml
from jsonschema import Draft202012Validator

from spbe_cli.cli import main
from spbe_cli.cli.output import STEP_SUMMARY_LIMIT
from spbe_cli.formats.github import escape_data, escape_property
from spbe_cli.i18n import Messages, default_language
from spbe_cli.loading.yamlread import read_yaml

from ..helpers import CASES, EXAMPLES, ROOT, levels_yaml, uniform

DENPASAR = str(CASES / "denpasar-2021.yaml")


def as_json(data):
    """YAML data as an editor's language server sees it: string keys, plain numbers."""
    if isinstance(data, dict):
        return {str(k): as_json(v) for k, v in data.items()}
    if isinstance(data, list):
        return [as_json(v) for v in data]
    if isinstance(data, Decimal):
        return float(data)
    return data


# --- JSON Schema -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def schema():
    # once for the module, so main() directly: the `spbe` fixture is per test
    with contextlib.redirect_stdout(io.StringIO()) as out:
        assert main(["schema"]) == 0
    return json.loads(out.getvalue())


def test_schema_accepts_every_example(schema):
    validator = Draft202012Validator(schema)
    Draft202012Validator.check_schema(schema)
    for example in sorted(EXAMPLES.glob("*.yaml")):
        data = as_json(read_yaml(example.read_bytes(), str(example)).data)
        assert not list(validator.iter_errors(data)), example.name


def test_framework_schema_names_indicators_and_ranges(spbe):
    schema = json.loads(spbe("schema", "--framework", "pemdi-2026").out)
    levels = next(d for name, d in schema["$defs"].items() if name.startswith("Levels_"))
    assert set(levels["required"]) == {f"I{n}" for n in range(1, 21)}
    assert levels["properties"]["I20"]["description"].startswith(
        "Pengelolaan Kepuasan Pengguna Layanan Digital Pemerintah"
    )
    assert "bobot 15 %" in levels["properties"]["I20"]["description"]
    assert levels["additionalProperties"] is False
    text = json.dumps(schema)
    assert '"minimum": 1' in text and '"maximum": 5' in text


def _refused(schema, data) -> bool:
    return bool(list(Draft202012Validator(schema).iter_errors(data)))


@pytest.mark.parametrize(
    ("framework", "change"),
    [
        ("spbe-2020", {"levels.5": 6}),  # out of range
        ("spbe-2020", {"levels.5": True}),  # booleans are never levels
        ("spbe-2020", {"levels.5": "3"}),  # text is never a level
        ("spbe-2020", {"levels.5": 3.5}),  # spbe-2020 levels are whole numbers
        ("spbe-2020", {"levels.5": [3, 2]}),  # only spbe-2018 indicator 35 takes a list
        ("spbe-2020", {"levels.5": {"level": 3, "trget": 4}}),  # unknown key in an entry
        ("spbe-2020", {"levels.99": 3}),  # unknown indicator
        ("spbe-2020", {"-levels.47": None}),  # missing indicator
        ("spbe-2020", {"year": 1999}),
        ("spbe-2020", {"institution": ""}),
        ("spbe-2020", {"framework": "spbe-2030"}),
        ("spbe-2020", {"colour": "red"}),  # unknown top-level key
        ("pemdi-2026", {"levels.I3": "2.5"}),
        ("pemdi-2026", {"levels.I3": 0.99}),
        ("spbe-2018", {"levels.35": []}),  # at least one service
    ],
)
def test_schema_rejects_what_the_loader_refuses(spbe, schema, catalog, framework, change, write):
    low = catalog.get(framework).min_value
    data = {
        "framework": framework,
        "institution": "Kota Uji",
        "year": 2024,
        "levels": {k: low + 1 for k in uniform(catalog, framework, 0)},
    }
    for path, value in change.items():
        remove = path.startswith("-")
        keys = path.lstrip("-").split(".")
        target = data
        for key in keys[:-1]:
            target = target[key]
        if remove:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
    assert _refused(schema, data)
    # ... and the loader refuses the same file
    text = yaml.safe_dump(data, allow_unicode=True)
    assert spbe("validate", write("a.yaml", text)).code == 3


def test_schema_command_options(spbe, tmp_path):
    assert spbe("schema", "--framework", "spbe-2030").code == 2
    target = tmp_path / "spbe.schema.json"
    assert spbe("schema", "-o", str(target)).code == 0
    assert json.loads(target.read_text())["title"] == "spbe assessment file"
    assert spbe("schema", "-o", str(target)).code == 0  # a generated output is replaced


# --- pre-commit --------------------------------------------------------------------------------


def hook_command(files: list[str]) -> list[str]:
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "spbe-validate" and hook["language"] == "python"
    command = shlex.split(hook["entry"])
    found = shutil.which(command[0], path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    assert found, "the spbe script must be installed"
    return [found, *command[1:], *files]


def test_pre_commit_hook_passes_good_files_and_skips_other_yaml(tmp_path):
    other = tmp_path / "workflow.yml"
    other.write_text("on: push\njobs: {build: {runs-on: ubuntu-latest}}\n")
    done = subprocess.run(
        hook_command([DENPASAR, str(EXAMPLES / "pemdi-2026-kota-ilustrasi.yaml"), str(other)]),
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # --quiet


def test_pre_commit_hook_fails_on_a_bad_assessment(tmp_path, catalog):
    bad = tmp_path / "penilaian.yaml"
    bad.write_text(levels_yaml("spbe-2020", {**uniform(catalog, "spbe-2020", 3), "12": "true"}))
    done = subprocess.run(hook_command([str(bad), DENPASAR]), capture_output=True, text=True)
    assert done.returncode == 3
    assert f"{bad}:16:7: indicator 12 must be a whole number from 1 to 5, not true" in done.stderr


# --- GitHub Actions ----------------------------------------------------------------------------


def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%.yaml") == "a%2Cb%3Ac%25.yaml"
    assert escape_data("a,b:c") == "a,b:c"  # messages keep : and ,


def test_github_format_annotations_escaped_and_most_important_first(spbe, tmp_path):
    odd = tmp_path / "kab,a:b%.yaml"
    odd.write_text("framework: spbe-2020\ninstitution: X\nyear: 1999\nlevels: {1: 9, '100%': 1}\n")
    broken = tmp_path / "z-broken.yaml"
    broken.write_text("a: [1\n")
    result = spbe("validate", str(odd), str(broken), "--format", "github")
    assert result.code == 3
    lines = result.out.splitlines()
    assert all(line.startswith("::error file=") for line in lines)
    assert "z-broken.yaml,line=2,col=1,title=spbe::YAML syntax error" in lines[0]  # syntax first
    escaped = escape_property(str(odd))
    assert f"::error file={escaped},line=4,col=16,title=spbe::unknown indicator '100%25'" in result.out
    assert any("missing 46 indicators" in line for line in lines[1:3])  # structure before values
    assert lines[-1].endswith("indicator 1 must be a whole number from 1 to 5, not 9")


def test_github_format_is_picked_automatically_under_actions(spbe, tmp_path):
    bad = tmp_path / "a.yaml"
    bad.write_text("framework: spbe-2020\n")
    auto = spbe("validate", str(bad), env={"GITHUB_ACTIONS": "true"})
    assert auto.out.startswith("::error file=")
    explicit = spbe("validate", str(bad), "--format", "text", env={"GITHUB_ACTIONS": "true"})
    assert "::error" not in explicit.out + explicit.err and f"{bad}:1:1:" in explicit.err
    implicit = spbe("validate", str(bad))
    assert "::error" not in implicit.out + implicit.err


def test_step_summary_is_appended_not_overwritten(spbe, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_text("# previous step\n")
    env = {"GITHUB_STEP_SUMMARY": str(summary)}
    assert spbe("score", DENPASAR, "-f", "json", env=env).code == 0
    assert (
        spbe(
            "diff",
            str(EXAMPLES / "spbe-2020-provinsi-2023-ilustrasi.yaml"),
            str(EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml"),
            env=env,
        ).code
        == 0
    )
    text = summary.read_text()
    assert text.startswith("# previous step\n")
    assert "## Indeks SPBE 2021: Pemerintah Kota Denpasar" in text
    assert "Predikat rose: Cukup -> Baik" in text


def test_step_summary_stays_under_the_limit(spbe, tmp_path):
    summary = tmp_path / "summary.md"
    summary.write_bytes(b"x" * (STEP_SUMMARY_LIMIT - 3000))
    files = [str(p) for p in sorted(EXAMPLES.glob("*.yaml"))]
    assert spbe("score", *files, "--detail", "-f", "json", env={"GITHUB_STEP_SUMMARY": str(summary)}).code == 0
    size = summary.stat().st_size
    assert STEP_SUMMARY_LIMIT - 3000 < size <= STEP_SUMMARY_LIMIT
    assert "1 MiB step summary limit" in summary.read_text()


# --- completion and colour ---------------------------------------------------------------------


def test_shell_completion_works_through_the_installed_script():
    spbe = hook_command([])[0]
    # `--show-completion` asks the process tree for the user's shell: run it from bash, as a bash user does,
    # not from whatever started the tests (make runs them from sh). `; exit` keeps bash from exec-ing spbe.
    script = subprocess.run(
        ["bash", "-c", f"{shlex.quote(spbe)} --show-completion; exit $?"], capture_output=True, text=True
    )
    assert script.returncode == 0 and "_spbe_completion" in script.stdout, script.stderr
    env = {**os.environ, "COMP_WORDS": "spbe sc", "COMP_CWORD": "1", "_SPBE_COMPLETE": "complete_bash"}
    done = subprocess.run([spbe], capture_output=True, text=True, env=env)
    assert done.stdout.split() == ["score", "schema"]


def test_color_choices_and_no_color(spbe):
    assert "\x1b[" not in spbe("score", DENPASAR).out  # auto, not a terminal
    assert "\x1b[" in spbe("score", DENPASAR, "--color", "always").out
    assert "\x1b[" in spbe("score", DENPASAR, "--color", "always", env={"NO_COLOR": "1"}).out  # explicit wins
    assert "\x1b[" not in spbe("score", DENPASAR, "--color", "never").out
    from spbe_cli.cli.session import use_color

    assert use_color("auto", to_file=False) is False  # pytest's stdout is not a terminal


def test_no_color_environment_turns_auto_colour_off(monkeypatch):
    from spbe_cli.cli import session as cli

    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert cli.use_color("auto", to_file=False) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert cli.use_color("auto", to_file=False) is False
    assert cli.use_color("auto", to_file=True) is False


def test_empty_no_color_does_not_turn_colour_off(monkeypatch):
    # no-color.org: only a NO_COLOR that is present and not empty disables colour.
    from spbe_cli.cli import session as cli

    monkeypatch.setattr(cli.sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "xterm")
    monkeypatch.setenv("NO_COLOR", "")
    assert cli.use_color("auto", to_file=False) is True


# --- Bahasa Indonesia --------------------------------------------------------------------------


def test_default_language():
    assert default_language({}) == "en"
    assert default_language({"LANG": "id_ID.UTF-8"}) == "id"
    assert default_language({"LANG": "id_ID.UTF-8", "SPBE_LANG": "en"}) == "en"
    assert default_language({"SPBE_LANG": "ID"}) == "id"
    assert default_language({"SPBE_LANG": "fr", "LANG": "en_US"}) == "en"
    assert Messages("xx").language == "en"


def test_indonesian_labels_and_errors(spbe, write, catalog):
    table = spbe("score", DENPASAR, "--lang", "id").out
    assert "Indeks SPBE: 3,19 (Baik)" in table and "Aspek" in table and "Bobot" in table
    bad = write(
        "a.yaml",
        levels_yaml("spbe-2020", {**uniform(catalog, "spbe-2020", 3), "5": "true"}).replace("year: 2024", "year: 1999"),
    )
    result = spbe("validate", bad, "--lang", "id")
    assert f"{bad}:9:6: indikator 5 harus bilangan bulat dari 1 sampai 5, bukan true" in result.err
    assert f"{bad}:3:7: year harus bilangan bulat dari 2000 sampai 2100, bukan 1999" in result.err
    dup = write("b.yaml", "a: 1\na: 2\n")
    assert "kunci ganda 'a' (pertama ditulis di baris 1)" in spbe("validate", dup, "--lang", "id").err
    assert (
        "Predikat naik: Cukup -> Baik"
        in spbe(
            "diff",
            str(EXAMPLES / "spbe-2020-provinsi-2023-ilustrasi.yaml"),
            str(EXAMPLES / "spbe-2020-provinsi-2024-ilustrasi.yaml"),
            "-f",
            "markdown",
            "--lang",
            "id",
        ).out
    )
    assert "tidak dapat dicapai" in spbe("plan", DENPASAR, "-t", "4.5", "--max-level", "4", "--lang", "id").err
    assert "Rencana untuk" in spbe("plan", DENPASAR, "-t", "3.5", "--lang", "id").out


def test_json_keys_stay_english_in_indonesian(spbe):
    assert json.loads(spbe("score", DENPASAR, "-f", "json", "--lang", "id").out) == json.loads(
        spbe("score", DENPASAR, "-f", "json").out
    )
