"""Leaving out one step of the guide makes the browser scenario fail and name the missing step."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import ROOT, run_scenarios

SCHRITT = '    Und beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt\n'


def _happy_path_ohne(zeile: str) -> str:
    text = (ROOT / "features" / "test.feature").read_text(encoding="utf-8")
    assert zeile in text, "Der Schritt steht nicht mehr im Hauptszenario; Test anpassen."
    text = text.replace(zeile, "").replace(" @ui @doku", "")  # setup via API: same scenario, faster
    return text.split("\n\n  @G18")[0] + "\n"  # only the browser scenario


def test_ohne_maklerextranet_scheitert_der_browser_test_und_nennt_den_schritt(tmp_path: Path) -> None:
    ergebnis = run_scenarios(tmp_path, {"ohne_maklerextranet.feature": _happy_path_ohne(SCHRITT)}, "-p", "no:xdist")
    ausgabe = ergebnis.stdout
    assert ergebnis.returncode == 1, ausgabe[-3000:]
    assert "1 failed" in ausgabe, ausgabe[-3000:]
    assert "Thinksurance hat sich ohne Kundendaten geöffnet" in ausgabe
    assert "„Maklerextranet aktivieren“ nicht angehakt" in ausgabe, ausgabe[-3000:]
    assert "Kundendaten aus der cloud lesen" in ausgabe
