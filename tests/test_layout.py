"""The package's shape: one import root, imports that only run downward, no cycles, a light read
path, and a wheel that works on its own."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import sysconfig
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: package folder on disk -> its import name (newslake/flows etc. are symlinks to these folders)
PACKAGES = {"newslake": "newslake", "flows": "newslake.flows", "transforms": "newslake.transforms",
            "warehouse": "newslake.warehouse"}
TOP_LEVEL = ("flows", "transforms", "warehouse")


def _modules() -> dict[str, Path]:
    """Every module of the package by its import name (symlinked folders counted once)."""
    mods: dict[str, Path] = {}
    for folder, name in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT / folder).with_suffix("")
            if folder == "newslake" and rel.parts[0] in TOP_LEVEL:
                continue  # the symlinks
            parts = [p for p in rel.parts if p != "__init__"]
            mods[".".join([name, *parts])] = path
    return mods


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _import_names(node: ast.stmt, module: str, is_package: bool) -> list[str]:
    """Absolute names one import statement imports (``from x import y`` gives ``x`` and ``x.y``)."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names]
    if isinstance(node, ast.ImportFrom):
        base = node.module or ""
        if node.level:
            pkg = module.split(".")[: len(module.split(".")) - node.level + is_package]
            base = ".".join(pkg + ([base] if base else []))
        return [base, *(f"{base}.{a.name}" for a in node.names)]
    return []


def _imports(path: Path, module: str, *, anywhere: bool = True) -> list[str]:
    """Names a module imports, at module level or (``anywhere``) inside functions too; imports under
    ``if TYPE_CHECKING`` never run and are left out."""
    tree = ast.parse(path.read_text(), str(path))
    is_package = path.name == "__init__.py"
    found: list[str] = []
    todo: list[ast.AST] = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, ast.stmt):
            found += _import_names(node, module, is_package)
        if isinstance(node, ast.If) and _is_type_checking(node):
            todo += node.orelse
        elif anywhere or not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            todo += [c for c in ast.iter_child_nodes(node) if isinstance(c, (ast.stmt, ast.ExceptHandler))]
    return found


def test_no_code_imports_the_top_level_folders():
    """``flows``/``transforms``/``warehouse`` are reached only as ``newslake.*`` (the installed names)."""
    bad = []
    for path in [*ROOT.joinpath("tests").rglob("*.py"), *ROOT.joinpath("bench").rglob("*.py"),
                 *_modules().values()]:
        for name in _imports(path, "x"):
            if name.split(".")[0] in TOP_LEVEL:
                bad.append(f"{path.relative_to(ROOT)}: {name}")
    assert not bad


# which newslake layers each layer may import (imports only run downward)
ALLOWED = {
    "newslake.transforms": ("newslake.transforms",),
    "newslake.warehouse": ("newslake.warehouse", "newslake.transforms"),
    "newslake.flows": ("newslake.flows", "newslake.transforms", "newslake.warehouse", "newslake.settings"),
}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_imports_only_run_downward(layer):
    bad = []
    for mod, path in _modules().items():
        if mod != layer and not mod.startswith(layer + "."):
            continue
        for name in _imports(path, mod):
            if name.startswith("newslake.") and not name.startswith(ALLOWED[layer]):
                bad.append(f"{mod} imports {name}")
    assert not bad


def test_no_import_cycles():
    """No two modules import each other, not even through an import inside a function."""
    mods = _modules()
    graph = {m: set() for m in mods}
    for mod, path in mods.items():
        for name in _imports(path, mod):
            # importing a.b.c runs a, a.b and a.b.c
            parts = name.split(".")
            for i in range(1, len(parts) + 1):
                target = ".".join(parts[:i])
                if target in mods and target != mod and not mod.startswith(target + "."):
                    graph[mod].add(target)
    # Tarjan's strongly connected components
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    cycles: list[list[str]] = []

    def strong(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                cycles.append(sorted(comp))

    sys.setrecursionlimit(10_000)
    for v in graph:
        if v not in index:
            strong(v)
    assert not cycles


READ_PATH = textwrap.dedent("""
    import sys
    from datetime import datetime, timezone
    from pathlib import Path

    from typer.testing import CliRunner

    from newslake.cli import app
    from newslake.warehouse.lake import LakeConfig, RunTables, commit
    from newslake.warehouse.schema import TABLES, to_table

    wh = Path(sys.argv[1])
    now = datetime(2026, 1, 2, tzinfo=timezone.utc)
    text = "Alice met Bob."
    doc = {f.name: None for f in TABLES["documents"]}
    doc.update(doc_id="d1", status="ok", uri="d1.txt", text=text, raw=text, boilerplate=[], input_format="text",
               content_hash="h", char_count=len(text), extractor_version="v", run_id="r", ingested_at=now)
    commit(LakeConfig(wh), RunTables({"documents": to_table("documents", [doc])}))
    runner = CliRunner()
    for args in (["sql", "SELECT doc_id FROM documents", "-w", str(wh)], ["runs", "-w", str(wh)],
                 ["schema-docs", "--check", "-o", sys.argv[2]], ["--help"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0, (args, result.output)
    assert "d1" in runner.invoke(app, ["sql", "SELECT doc_id FROM documents", "-w", str(wh), "-f", "csv"]).output
    heavy = sorted({m.split(".")[0] for m in sys.modules} & {"spacy", "prefect", "thinc", "torch"})
    print("HEAVY", heavy)
""")


def test_read_path_imports_neither_spacy_nor_prefect(tmp_path):
    """``newslake sql``, ``runs``, ``schema-docs`` and even a commit stay clear of the NLP stack and
    Prefect (run in a fresh interpreter, so nothing this test process imported counts)."""
    proc = subprocess.run([sys.executable, "-c", READ_PATH, str(tmp_path / "wh"), str(ROOT / "docs" / "schema.md")],
                          capture_output=True, text=True, cwd=tmp_path, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "HEAVY []" in proc.stdout


def test_wheel_ships_one_import_root_and_works_alone(tmp_path):
    """The wheel holds ``newslake`` only (flows, transforms and warehouse inside it, data files
    included); installed into a clean virtual environment it imports and runs its CLI, and the
    top-level names ``flows``/``transforms``/``warehouse`` stay free for other distributions."""
    uv = [sys.executable, "-m", "uv"]
    if subprocess.run([*uv, "--version"], capture_output=True).returncode != 0:
        uv = ["uv"]
    subprocess.run([*uv, "build", "--wheel", "-q", "-o", str(tmp_path / "dist"), str(ROOT)], check=True,
                   capture_output=True, timeout=300)
    wheel = next((tmp_path / "dist").glob("newslake-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    roots = {n.split("/")[0] for n in names if not n.split("/")[0].endswith(".dist-info")}
    assert roots == {"newslake"}
    for must in ("newslake/flows/ingest.py", "newslake/transforms/claims/extract.py",
                 "newslake/warehouse/lake.py", "newslake/transforms/entities/data/demonyms.tsv"):
        assert must in names

    venv = tmp_path / "venv"
    subprocess.run([*uv, "venv", "-q", str(venv)], check=True, capture_output=True, timeout=300)
    py = venv / "bin" / "python"
    subprocess.run([*uv, "pip", "install", "-q", "--no-deps", "--python", str(py), str(wheel)], check=True,
                   capture_output=True, timeout=300)
    # third-party packages from this environment's site-packages; its .pth files (the editable
    # checkout) are not processed on PYTHONPATH, so `newslake` can only come from the wheel
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    code = textwrap.dedent("""
        import importlib, importlib.util, pkgutil, newslake
        mods = [m.name for m in pkgutil.walk_packages(newslake.__path__, "newslake.")]
        for m in mods:
            importlib.import_module(m)
        print(newslake.__file__)
        print(len(mods), [importlib.util.find_spec(n) for n in ("flows", "transforms", "warehouse")])
        from newslake.transforms.entities.gazetteer import load_demonyms
        print(len(load_demonyms()) > 100)
    """)
    proc = subprocess.run([str(py), "-c", code], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    first, second, third = proc.stdout.splitlines()
    assert first.startswith(str(venv))
    assert second.endswith("[None, None, None]") and int(second.split()[0]) > 30
    assert third == "True"
