"""The layers are a checked rule, not a convention: core is pure, loading never renders, formats never parse options."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import ROOT, TESTS

PACKAGE = ROOT / "spbe_cli"

# The web front end (spbe serve) and its stack: no layer below the front ends may import them.
WEB = {"spbe_cli.web", "starlette", "uvicorn", "multipart", "python_multipart"}
# What each layer may not import, directly or lazily inside a function.
FORBIDDEN = {
    "core": {
        "spbe_cli.loading",
        "spbe_cli.formats",
        "spbe_cli.cli",
        "pydantic",
        "yaml",
        "rich",
        "typer",
        "openpyxl",
        "python_calamine",
        "jinja2",
        *WEB,
    },
    "loading": {"spbe_cli.formats", "spbe_cli.cli", "rich", "typer", *WEB},
    "formats": {"spbe_cli.cli", "typer", "pydantic", "yaml", *WEB},
    # a front end beside cli/: it calls the commands' workflows, never parses options or prints tables
    "web": {"typer", "rich"},
}
# The ground floor: every layer stands on these, so they import no other spbe_cli module.
GROUND = ("exitcodes", "problems", "i18n")
ALLOWED_ON_GROUND = {"spbe_cli.i18n", "spbe_cli.exitcodes"}


def imported_modules(path: Path, root: Path | None = None) -> set[str]:
    """Every module a file imports, relative imports resolved against its package."""
    package = ".".join(path.relative_to((root or PACKAGE).parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def ground_files() -> list[Path]:
    found: list[Path] = []
    for name in GROUND:
        found += (
            [PACKAGE / f"{name}.py"] if (PACKAGE / f"{name}.py").is_file() else sorted((PACKAGE / name).rglob("*.py"))
        )
    return found


def ground_violations() -> list[str]:
    bad = []
    for path in ground_files():
        for module in imported_modules(path):
            inside = module == "spbe_cli" or module.startswith("spbe_cli.")
            if inside and not any(module == ok or module.startswith(ok + ".") for ok in ALLOWED_ON_GROUND):
                bad.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    return sorted(bad)


def test_the_ground_floor_imports_no_layer():
    assert ground_files() and all(path.is_file() for path in ground_files())
    assert ground_violations() == []


def module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(package: Path) -> dict[str, set[str]]:
    """Module -> the spbe_cli modules it imports (eagerly or lazily), as resolved module names."""
    modules = {module_name(path, package): path for path in package.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_modules(path, package):
            # `from .x import y` names both the module x and maybe a submodule x.y: keep what exists.
            # A module's own packages are left out: Python initialises them before it, always.
            if imported in modules and imported != name and not name.startswith(imported + "."):
                targets.add(imported)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every strongly connected group of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


def test_no_module_imports_itself_in_a_circle():
    graph = import_graph(PACKAGE)
    assert cycles(graph) == []


def test_the_cycle_check_sees_a_circle(tmp_path):
    fake = tmp_path / "spbe_cli"
    (fake / "loading").mkdir(parents=True)
    (fake / "__init__.py").write_text("")
    (fake / "loading" / "__init__.py").write_text("")
    (fake / "loading" / "a.py").write_text("def f():\n    from .b import g\n")
    (fake / "loading" / "b.py").write_text("from .a import f\n")
    assert cycles(import_graph(fake)) == [["spbe_cli.loading.a", "spbe_cli.loading.b"]]


def violations(layer: str) -> list[str]:
    bad = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for module in imported_modules(path):
            for forbidden in FORBIDDEN[layer]:
                if module == forbidden or module.startswith(forbidden + "."):
                    bad.append(f"{path.relative_to(PACKAGE.parent)} imports {module}")
    return sorted(bad)


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer):
    assert (PACKAGE / layer).is_dir()
    assert violations(layer) == []


def test_the_boundary_check_sees_a_violation(tmp_path, monkeypatch):
    # The rule above must be able to fail: a core module importing yaml is caught.
    fake = tmp_path / "spbe_cli"
    (fake / "core").mkdir(parents=True)
    (fake / "core" / "bad.py").write_text("from ..loading import yamlread\nimport yaml\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", fake)
    assert violations("core") == [
        "spbe_cli/core/bad.py imports spbe_cli.loading",
        "spbe_cli/core/bad.py imports spbe_cli.loading.yamlread",
        "spbe_cli/core/bad.py imports yaml",
    ]


def test_importing_the_core_loads_no_third_party_package():
    code = (
        "import sys, spbe_cli.core.scoring, spbe_cli.core.diffing, spbe_cli.core.planning, spbe_cli.core.ranking;"
        "print(sorted(m for m in ('pydantic', 'yaml', 'rich', 'typer', 'openpyxl', 'python_calamine', 'jinja2') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# What start-up must not pay for: renderers (and their shared wording), the spreadsheet reader and
# its libraries, the report's templates, OpenSSL. They load when a command asks for them.
NOT_AT_START_UP = (
    "spbe_cli.formats.",
    "spbe_cli.loading.sheets",
    "spbe_cli.loading.assessment_sheet",
    "openpyxl",
    "python_calamine",
    "jinja2",
    "hashlib",
    # spbe serve's stack: only `spbe serve` loads it
    "spbe_cli.web",
    "starlette",
    "uvicorn",
    "multipart",
    "python_multipart",
)


# The escaping of user text is pure, small and needed by every message a command prints.
ALLOWED_AT_START_UP = ("spbe_cli.formats.escaping",)
# Validation, YAML and terminal tables load inside the commands that use them, not when the CLI is imported.
ONLY_WHEN_A_COMMAND_RUNS = ("pydantic", "yaml", "rich")


def loaded_after(code: str, watched: tuple[str, ...] = NOT_AT_START_UP) -> list[str]:
    """The modules named in `watched` that a fresh interpreter holds after running `code`."""
    probe = (
        f"{code}\nprint(sorted(m for m in sys.modules"
        f" if m.startswith({watched!r}) and m not in {ALLOWED_AT_START_UP!r}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def test_importing_the_cli_loads_no_renderer_sheet_reader_or_template_engine():
    assert loaded_after("import sys, spbe_cli.cli", NOT_AT_START_UP + ONLY_WHEN_A_COMMAND_RUNS) == []


def test_scoring_a_yaml_file_loads_only_its_renderer():
    example = PACKAGE.parent / "examples" / "kota-denpasar-2021.yaml"
    code = (
        "import sys, io, contextlib\n"
        "from spbe_cli.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): code = main(['score', {str(example)!r}, '-f', 'json'])\n"
        "assert code == 0, code"
    )
    # hashlib is pydantic's (hmac); what counts here is that no sheet reader or other renderer loads
    assert [m for m in loaded_after(code) if m != "hashlib"] == ["spbe_cli.formats.json_"]


def test_scoring_a_csv_sheet_loads_the_sheet_reader(tmp_path):
    # the guard above must be able to fail: a sheet does load the reader
    sheet = tmp_path / "nilai.csv"
    sheet.write_text("framework,spbe-2020\n", encoding="utf-8")
    code = (
        "import sys, io, contextlib\n"
        "from spbe_cli.cli import main\n"
        f"with contextlib.redirect_stderr(io.StringIO()): main(['score', {str(sheet)!r}, '-f', 'json'])"
    )
    assert "spbe_cli.loading.assessment_sheet" in loaded_after(code)


def test_no_test_module_imports_another_or_conftest():
    # Shared data and helpers live in tests/helpers.py, fixtures in conftest.py. A test module imported
    # by another would run its tests twice and tie unrelated files together; pytest loads conftest.py
    # itself, and importing it as a module would load it a second time.
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        shown = path.relative_to(TESTS).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                module = node.module or ""
                imported = [module] + [f"{module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                imported = [a.name for a in node.names]
            else:
                continue
            for name in imported:
                last = name.split(".")[-1]
                itself = last == path.stem and path.stem.startswith("test_")  # e.g. to monkeypatch its globals
                if (last.startswith("test_") and not itself) or last == "conftest":
                    offenders.append(f"{shown} imports {name}")
    assert offenders == []


def stderr_writes(source: str) -> list[int]:
    """Lines of `source` that write to standard error: print(..., file=sys.stderr), sys.stderr.write(...),
    traceback.print_exc()."""

    def is_stderr(node: ast.AST) -> bool:
        return isinstance(node, ast.Attribute) and node.attr == "stderr"

    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        printed = isinstance(func, ast.Name) and func.id == "print"
        if (
            (printed and any(k.arg == "file" and is_stderr(k.value) for k in node.keywords))
            or (isinstance(func, ast.Attribute) and func.attr == "write" and is_stderr(func.value))
            or (isinstance(func, ast.Attribute) and func.attr == "print_exc")
        ):
            found.append(node.lineno)
    return found


SERVE_STACK = ("spbe_cli.web", "starlette", "uvicorn", "multipart", "python_multipart")


def test_serve_loads_its_stack_only_when_it_runs(tmp_path):
    # the guard above must be able to fail: `spbe serve --help` builds the command, and a run that stops
    # at a usage error after importing the web package does load it
    code = (
        "import sys, io, contextlib\n"
        "from spbe_cli.cli import main\n"
        f"with contextlib.redirect_stderr(io.StringIO()): main(['serve', {str(tmp_path)!r}, '--token', 'a b'])"
    )
    assert "spbe_cli.web.server" in loaded_after(code, SERVE_STACK)
    help_code = (
        "import sys, io, contextlib\n"
        "from spbe_cli.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['serve', '--help'])"
    )
    assert loaded_after(help_code, SERVE_STACK) == []


def test_standard_error_has_one_writer_in_the_command_line():
    # Every line spbe says on standard error goes through Voice (cli/session.py), escaped and in the
    # user's language.
    allowed = {"cli/session.py"}
    writers = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in sorted((PACKAGE / "cli").rglob("*.py"))
        if str(path.relative_to(PACKAGE)) not in allowed
        for line in stderr_writes(path.read_text(encoding="utf-8"))
    ]
    assert writers == []
    assert stderr_writes("import sys\nprint('x', file=sys.stderr)\nsys.stderr.write('y')\nprint('z')\n") == [2, 3]
