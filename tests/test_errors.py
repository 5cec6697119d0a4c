"""The exception trees in the docstrings of ``absprung/errors.py`` and ``fakes/common/errors.py`` are
complete: every exception class of the package is drawn there, every one drawn exists, and every one
is raised somewhere (httpx's ``_exceptions.py`` is the model)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.helpers import ROOT

# package(s) -> the module whose docstring draws their tree
TREES = {("absprung", "basis"): ROOT / "absprung" / "errors.py", ("fakes",): ROOT / "fakes" / "common" / "errors.py"}


def exception_classes(folders: tuple[str, ...], root: Path = ROOT) -> dict[str, str]:
    """Class name -> file of every class whose bases name an exception (…Error, …Exception, a class
    already found, or one of the builtin roots)."""
    classes: dict[str, tuple[str, list[str]]] = {}
    for folder in folders:
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef):
                    bases = [b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases]
                    classes[node.name] = (str(path.relative_to(root)), bases)
    found: dict[str, str] = {}
    grown = True
    while grown:
        grown = False
        for name, (where, bases) in classes.items():
            if name not in found and any(b in found or b.endswith(("Error", "Exception")) for b in bases):
                found[name] = where
                grown = True
    return found


def raised(folders: tuple[str, ...], root: Path = ROOT) -> set[str]:
    names = set()
    for folder in folders:
        for path in (root / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Raise) and node.exc is not None:
                    call = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
                    names.add(call.id if isinstance(call, ast.Name) else getattr(call, "attr", ""))
    return names


def drawn(tree_module: Path) -> set[str]:
    doc = ast.get_docstring(ast.parse(tree_module.read_text(encoding="utf-8"))) or ""
    block = doc.split("::", 1)[1]
    names = re.findall(r"[├└]── ([\w.]+)", block) + re.findall(r"^\s{4}([\w.]+)", block, re.M)
    return {m.split(".")[-1] for m in names}


@pytest.mark.parametrize("folders", list(TREES), ids=lambda f: "+".join(f))
def test_the_tree_names_every_exception_and_only_real_ones(folders: tuple[str, ...]) -> None:
    classes, tree = exception_classes(folders), drawn(TREES[folders])
    assert sorted(set(classes) - tree) == [], "Im Baum fehlen"
    assert sorted(tree - set(classes) - {"OSError", "BaseException", "Exception"}) == [], "Im Baum, aber nicht im Code"


@pytest.mark.parametrize("folders", list(TREES), ids=lambda f: "+".join(f))
def test_every_exception_is_raised(folders: tuple[str, ...]) -> None:
    roots = {"AbsprungError", "BasisError", "FakeError", "NoAnswer"}  # roots and groups are caught, not raised
    never = set(exception_classes(folders)) - raised(folders) - roots
    # a subclass counts as raised where the rule's .refuse() builds it
    assert sorted(never - {"Refusal"}) == []


def test_the_check_finds_a_missing_class(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.py").write_text("class NeuError(ValueError):\n    pass\n", encoding="utf-8")
    assert exception_classes(("p",), tmp_path) == {"NeuError": "p/a.py"}
    assert raised(("p",), tmp_path) == set()
    (tmp_path / "p" / "errors.py").write_text('"""Errors.\n\nTree::\n\n    RootError\n    └── a.NeuError   x\n"""\n',
                                              encoding="utf-8")
    assert drawn(tmp_path / "p" / "errors.py") == {"RootError", "NeuError"}
