"""axe-core (npm, installed by ``make``) in Chromium: the WCAG 2.1 AA findings of a page."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def pfad() -> Path:
    """The axe script; skipped only where npm is missing, a failure where it was not installed."""
    if not AXE.is_file():
        if shutil.which("npm") is None:
            pytest.skip("npm fehlt: axe-core ist nicht installiert (make richtet es ein, wo npm vorhanden ist)")
        pytest.fail(f"{AXE.relative_to(ROOT)} fehlt – „npm ci“ im Projektordner ausführen (macht make).")
    return AXE


def ruhig(page: Any) -> None:
    """No CSS transition half-way: axe folds opacity into its contrast maths."""
    page.evaluate("""async () => {
        await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
        await Promise.all(document.getAnimations().map(a => a.finished.catch(() => {})));
    }""")


def verstoesse(page: Any, skript: Path) -> list[str]:
    page.add_script_tag(path=str(skript))
    found = page.evaluate("""async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations']})).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' '))
        .slice(0, 3).join(', '))""", WCAG)
    return list(found)
