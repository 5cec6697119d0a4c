"""The shape of the code: imports run one way, no loops, the generator's boundary to the fakes, no
pointers outside.

These are the rules a newcomer relies on when reading the project (README, "Projektaufbau"):
``basis`` sits below both ``fakes`` and ``absprung`` and imports neither; the fakes imitate real
systems and never import the harness – not at the top, not inside a function; ``absprung`` never
imports the steps. Inside ``absprung`` and ``fakes`` no subpackages import each other in a circle,
and no two files do (imports only for type checking do not count as circles: they run never).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.helpers import ROOT

PACKAGES = ("absprung", "basis", "fakes", "steps")
# Who must not import whom (anywhere in the file).
FORBIDDEN = {"basis": ("absprung", "fakes", "steps"), "fakes": ("absprung", "steps"), "absprung": ("steps",)}
# Places outside the repository that a comment must not send a reader to.
OUTSIDE = re.compile(r"\.\./shared|\bshared/(guide|design|reference)|fake-world\.md|anforderungen\.md"
                     r"|architecture\.md|leitfaden-original")


def _modules(root: Path, *packages: str) -> dict[str, Path]:
    found = {}
    for package in packages:
        for p in sorted((root / package).rglob("*.py")):
            if "__pycache__" in p.parts:
                continue
            parts = list(p.relative_to(root).with_suffix("").parts)
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return found


def _imports(path: Path, name: str, modules: dict[str, Path], *, runtime: bool) -> set[str]:
    """Every module ``path`` imports (resolved, within the project), anywhere in it; with ``runtime``
    without those under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if runtime and isinstance(child, ast.If) and getattr(child.test, "id", "") == "TYPE_CHECKING":
                continue
            if isinstance(child, ast.Import):
                found.update(a.name for a in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = package.split(".")[:len(package.split(".")) - child.level + 1] if child.level else []
                module = ".".join([*base, *([child.module] if child.module else [])])
                submodules = [f"{module}.{a.name}" for a in child.names if f"{module}.{a.name}" in modules]
                found.update(submodules)
                if len(submodules) < len(child.names):
                    found.add(module)
            elif isinstance(child, ast.Call) and getattr(child.func, "attr", getattr(child.func, "id", "")) in (
                    "import_module", "__import__") and child.args and isinstance(child.args[0], ast.Constant):
                found.add(str(child.args[0].value))  # importlib with a literal name counts too
            visit(child)

    visit(tree)
    return found


def _graph(root: Path, *, runtime: bool) -> dict[str, set[str]]:
    modules = _modules(root, *PACKAGES)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        edges = set()
        for imported in _imports(path, name, modules, runtime=runtime):
            parts = imported.split(".")
            while parts and ".".join(parts) not in modules:
                parts.pop()
            if parts and ".".join(parts) != name:
                edges.add(".".join(parts))
        graph[name] = edges
    return graph


def wrong_direction(root: Path) -> list[str]:
    return [f"{a} → {b}" for a, edges in _graph(root, runtime=False).items() for b in sorted(edges)
            if b.split(".")[0] in FORBIDDEN.get(a.split(".")[0], ())]


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected parts of more than one node (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    part = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        part.append(top)
                        if top == node:
                            break
                    if len(part) > 1:
                        found.append(sorted(part))
    return found


def package_graph(graph: dict[str, set[str]], top: str) -> dict[str, set[str]]:
    """Imports between the subpackages (and top-level modules) of ``top``."""
    def unit(name: str) -> str:
        return ".".join(name.split(".")[:2])

    packages: dict[str, set[str]] = {}
    for name, edges in graph.items():
        if name.startswith(f"{top}."):
            packages.setdefault(unit(name), set()).update(
                unit(e) for e in edges if e.startswith(f"{top}.") and unit(e) != unit(name))
    return packages


def test_imports_run_one_way() -> None:
    assert wrong_direction(ROOT) == [], "basis ← fakes ← absprung ← steps"


@pytest.mark.parametrize("top", ["absprung", "fakes", "basis"])
def test_no_package_loops(top: str) -> None:
    assert circles(package_graph(_graph(ROOT, runtime=True), top)) == []


def test_no_file_circles() -> None:
    assert circles(_graph(ROOT, runtime=True)) == []


def test_the_checks_find_what_they_look_for(tmp_path: Path) -> None:
    """A fake that imports the harness inside a function, through importlib, and two files in a circle."""
    for name, text in {
        "fakes/__init__.py": "", "fakes/a.py": "def f():\n    from absprung.x import y\n",
        "fakes/b.py": "import importlib\nimportlib.import_module('absprung.z')\n",
        "absprung/__init__.py": "", "absprung/x.py": "from . import z\n", "absprung/z.py": "from .x import y\n",
        "absprung/t.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .x import y\n",
        "basis/__init__.py": "", "steps/__init__.py": "",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert wrong_direction(tmp_path) == ["fakes.a → absprung.x", "fakes.b → absprung.z"]
    assert circles(_graph(tmp_path, runtime=True)) == [["absprung.x", "absprung.z"]]


def test_only_the_reference_pages_import_the_fakes() -> None:
    graph = _graph(ROOT, runtime=False)
    importing = sorted(m for m, edges in graph.items()
                       if m.startswith("absprung.leitfaden") and any(e.startswith("fakes") for e in edges))
    assert importing == ["absprung.leitfaden.pages.referenz"], importing


def test_no_comment_points_outside_the_repository() -> None:
    """Comments, docstrings and pages name only what a clone contains."""
    docs = [p for p in (ROOT / "docs").rglob("*.md") if "generiert" not in p.parts]
    texts = [*_modules(ROOT, *PACKAGES, "scripts", "tests").values(), *docs,
             *(ROOT / "fakes").rglob("*.html"), ROOT / "README.md", ROOT / "Makefile", ROOT / "pyproject.toml",
             ROOT / "mkdocs.yml"]
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in texts if path.name != "test_layout.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if OUTSIDE.search(line)]
    assert not found, "Verweise auf Dateien außerhalb des Repositorys:\n" + "\n".join(found)
