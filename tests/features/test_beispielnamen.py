"""Every example of a Szenariogrundriss has a name of its own in every output: CI test views and Allure
otherwise fold two examples into one test with a "retry"."""

from __future__ import annotations

import html
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from tests import pruefer
from tests.helpers import ROOT, alle_formate, bericht_daten

OUTLINE = "Mit Mitarbeiterzugriff und VM-Freischaltung kommen die Daten jedes Kunden an"


def test_every_example_has_its_own_name_in_every_format(tmp_path: Path) -> None:
    ordner = tmp_path / "r"
    result = subprocess.run([sys.executable, "-m", "pytest", "features", "-p", "no:xdist", "-q", "-k",
                             "jedes_kunden_an or rolle_rolle", *alle_formate(ordner)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:]
    lauf = json.loads((ordner / "lauf.json").read_text(encoding="utf-8"))
    titel = [s["titel"] for s in lauf["szenarien"]]
    assert len(titel) == 4 and len(set(titel)) == 4, titel
    eigene = [t for t in titel if t.startswith(OUTLINE)]
    assert eigene == [f"{OUTLINE} (firma = Müller & Söhne Bau GmbH)", f"{OUTLINE} (firma = Bäckerei Köhler e. K.)"]

    junit = [(f.get("classname"), f.get("name")) for f in ET.parse(ordner / "junit.xml").getroot().iter("testcase")]
    ndjson = [json.loads(z)["pickle"]["name"] for z in (ordner / "cucumber.ndjson").read_text(
        encoding="utf-8").splitlines() if '"pickle"' in z[:12]]
    klassisch = [e["name"] for f in json.loads((ordner / "cucumber.json").read_text(encoding="utf-8"))
                 for e in f["elements"]]
    bericht = [z["resultsTableRow"][1] for laeufe in bericht_daten(ordner / "bericht.html")["tests"].values()
               for z in laeufe]
    _, allure = pruefer.allure(ordner / "allure-ergebnisse", tmp_path / "allure")
    for name, namen in (("junit.xml", junit), ("cucumber.json", klassisch), ("bericht.html", bericht),
                        ("Allure 3", [t["name"] for t in allure])):
        assert len(namen) == 4 and len(set(namen)) == 4, (name, namen)
    assert all(any(html.escape(t) in n for n in bericht) for t in titel)
    assert set(titel) <= set(ndjson) and set(titel) == set(klassisch)
    assert not any(t.get("retriesCount") for t in allure), "Allure faltete zwei Beispiele zu einer Wiederholung"
