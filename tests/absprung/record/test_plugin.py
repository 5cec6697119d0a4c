"""Run record: statuses from pytest's outcome, steps recorded, survives -n 2, lands in the report."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

from fakes import demo
from tests.helpers import run_scenarios

FEATURE = """# language: de
Funktionalität: Laufprotokoll

  @G18
  Szenario: Gelingt
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt

  @G16
  Szenario: Scheitert
    Angenommen alles ist nach dem Leitfaden eingerichtet, außer "Maklerextranet aktivieren"
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"
    Und nennt das Absprung-Protokoll des con:center im Schritt "Broker Forward" den Grund "x"

  Szenario: Hat einen undefinierten Schritt
    Angenommen ein Schritt, den es nicht gibt
"""


def test_laufprotokoll_unter_xdist(tmp_path: Path) -> None:
    lauf, bericht = tmp_path / "lauf.json", tmp_path / "bericht.html"
    ergebnis = run_scenarios(tmp_path / "f", {"lauf.feature": FEATURE}, "-n", "2", f"--lauf-json={lauf}",
                                f"--html={bericht}", "--self-contained-html", f"--bilder={tmp_path / 'bilder'}")
    assert ergebnis.returncode == 1, ergebnis.stdout[-2000:]
    daten = json.loads(lauf.read_text(encoding="utf-8"))
    assert daten["schema"] == 1 and daten["zusammenfassung"] == {"passed": 1, "failed": 2}
    je_name = {s["szenario"]: s for s in daten["szenarien"]}
    assert je_name["Gelingt"]["status"] == "passed" and je_name["Gelingt"]["tags"] == ["G18"]
    gescheitert = je_name["Scheitert"]
    assert gescheitert["status"] == "failed"
    assert [s["status"] for s in gescheitert["schritte"]] == ["passed", "passed", "failed", "nicht ausgeführt"]
    assert "Maklerextranet aktivieren" in gescheitert["meldung"]
    aufgezeichnet = json.dumps(gescheitert["http"], ensure_ascii=False)
    assert '"access_token": "•••"' in aufgezeichnet and '"btoken": "•••"' in aufgezeichnet
    assert "aft_" not in aufgezeichnet and demo.TS_BTOKEN not in aufgezeichnet
    assert je_name["Hat einen undefinierten Schritt"]["status"] == "failed"  # never "passed" as in cucumber JSON
    html = _extras(bericht)
    assert "absprung-schritte" in html and "nicht ausgeführt" in html and "fehlgeschlagen" in html


def _extras(bericht: Path) -> str:
    """pytest-html keeps each test's extras in a JSON blob inside the page."""
    blob = re.search(r'data-jsonblob="(.*?)"', bericht.read_text(encoding="utf-8"), re.S)
    assert blob, "Der Bericht enthält keine Testdaten."
    tests = json.loads(unescape(blob.group(1)))["tests"]
    return "".join(e["content"] for laeufe in tests.values() for lauf in laeufe for e in lauf.get("extras", []))
