"""Consumers of our formats that we did not write (npm, installed by ``make``): the official Cucumber
html-formatter and Allure 3. Each is skipped only where node is missing, a failure where it was not
installed."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

FORMATTER = ROOT / "node_modules" / "@cucumber" / "html-formatter"
ALLURE = ROOT / "node_modules" / ".bin" / "allure"


def _da(pfad: Path, name: str) -> None:
    if shutil.which("node") is None:
        pytest.skip(f"node fehlt: {name} (npm) ist hier nicht prüfbar")
    if not pfad.exists():
        pytest.fail(f"{pfad.relative_to(ROOT)} fehlt – „npm ci“ im Projektordner ausführen (macht make).")


def cucumber_html(ndjson: Path, html: Path) -> Path:
    """Cucumber's own HTML report of ``ndjson`` (scripts/cucumber-html.mjs, as make writes it)."""
    _da(FORMATTER, "der Cucumber-HTML-Formatter")
    ergebnis = subprocess.run(["node", str(ROOT / "scripts" / "cucumber-html.mjs"), str(ndjson), str(html)],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert ergebnis.returncode == 0, ergebnis.stderr
    return html


def cucumber_zaehler(page: Any, html: Path) -> dict[str, int]:
    """The scenario counts the html-formatter shows at the top ("PASSED 6", "SKIPPED 53")."""
    fehler: list[str] = []
    page.on("pageerror", lambda e: fehler.append(str(e)))
    page.goto(html.as_uri())
    page.get_by_text("Scenarios", exact=True).first.wait_for()
    zaehler: Counter[str] = Counter()
    for zeile in page.locator("body").inner_text().splitlines()[:12]:
        teile = zeile.split()
        if len(teile) == 2 and teile[0] in ("PASSED", "FAILED", "SKIPPED", "UNDEFINED", "PENDING", "AMBIGUOUS",
                                            "UNKNOWN") and teile[1].isdigit():
            zaehler[teile[0]] = int(teile[1])
    assert not fehler, fehler
    return dict(zaehler)


def allure(ergebnisse: Path, ausgabe: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """``allure generate`` (Allure 3) of the results: its summary and every test result it read."""
    _da(ALLURE, "Allure 3")
    ergebnis = subprocess.run([str(ALLURE), "generate", str(ergebnisse), "-o", str(ausgabe)], cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
    assert ergebnis.returncode == 0, ergebnis.stdout[-2000:] + ergebnis.stderr[-2000:]
    summary = json.loads((ausgabe / "summary.json").read_text(encoding="utf-8"))
    tests = [json.loads(p.read_text(encoding="utf-8"))
             for p in sorted((ausgabe / "data" / "test-results").glob("*.json"))]
    return summary, tests
