"""The shape of the code: small modules, the generator's boundary to the fakes, no pointers outside.

These are the rules a newcomer relies on when reading the project (README, "Projektaufbau").
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.helpers import ROOT

MAX_LINES = 300
PACKAGES = ("absprung", "fakes", "steps")
# Places outside the repository that a comment must not send a reader to.
OUTSIDE = re.compile(r"\.\./shared|\bshared/(guide|design|reference)|fake-world\.md|anforderungen\.md"
                     r"|architecture\.md|leitfaden-original")


def _modules(*packages: str) -> list[Path]:
    return sorted(p for package in packages for p in (ROOT / package).rglob("*.py") if "__pycache__" not in p.parts)


def test_no_module_is_longer_than_300_lines() -> None:
    long = {str(p.relative_to(ROOT)): n for p in _modules(*PACKAGES)
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert not long, f"Module über {MAX_LINES} Zeilen (je eine Aufgabe): {long}"


def test_only_the_reference_pages_import_the_fakes() -> None:
    importing = []
    for path in _modules("absprung/leitfaden"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        if any(name == "fakes" or name.startswith("fakes.") for name in names):
            importing.append(path.relative_to(ROOT).as_posix())
    assert importing == ["absprung/leitfaden/pages/referenz.py"], importing


def test_no_comment_points_outside_the_repository() -> None:
    """Comments, docstrings and pages name only what a clone contains."""
    docs = [p for p in (ROOT / "docs").rglob("*.md") if "generiert" not in p.parts]
    texts = [*_modules(*PACKAGES, "scripts", "tests"), *docs,
             *(ROOT / "fakes").rglob("*.html"), ROOT / "README.md", ROOT / "Makefile", ROOT / "pyproject.toml",
             ROOT / "mkdocs.yml"]
    found = [f"{path.relative_to(ROOT)}:{n}: {line.strip()}" for path in texts if path.name != "test_layout.py"
             for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if OUTSIDE.search(line)]
    assert not found, "Verweise auf Dateien außerhalb des Repositorys:\n" + "\n".join(found)
