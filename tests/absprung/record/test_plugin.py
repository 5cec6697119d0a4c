"""Run record: statuses from pytest's outcome, steps recorded, survives -n 2, lands in the report
with the German reason first and a working image viewer."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from typing import Any

from basis import demo

from .conftest import Formatlauf


def _je_name(formatlauf: Formatlauf) -> dict[str, Any]:
    return {s["szenario"]: s for s in formatlauf.json("lauf.json")["szenarien"]}


def test_laufprotokoll_unter_xdist(formatlauf: Formatlauf) -> None:
    daten = formatlauf.json("lauf.json")
    assert daten["schema"] == 1 and daten["zusammenfassung"] == {"passed": 1, "failed": 3}
    je_name = _je_name(formatlauf)
    assert je_name["Gelingt"]["status"] == "passed" and je_name["Gelingt"]["tags"] == ["G18"]
    gescheitert = je_name["Scheitert"]
    assert gescheitert["status"] == "failed"
    assert [s["status"] for s in gescheitert["schritte"]] == ["passed", "passed", "failed", "nicht ausgeführt"]
    assert "Maklerextranet aktivieren" in gescheitert["meldung"]
    aufgezeichnet = json.dumps(gescheitert["http"], ensure_ascii=False)
    assert '"access_token": "•••"' in aufgezeichnet and '"btoken": "•••"' in aufgezeichnet
    assert "aft_" not in aufgezeichnet and demo.TS_BTOKEN not in aufgezeichnet
    undefiniert = je_name["Hat einen undefinierten Schritt"]
    assert undefiniert["status"] == "failed"  # never "passed" as in pytest-bdd's cucumber JSON
    assert [s["status"] for s in undefiniert["schritte"]] == ["undefined"]
    assert undefiniert["meldung"].startswith("Schritt nicht definiert: „Angenommen ein Schritt, den es nicht gibt“")


def test_unbekanntes_feld_nennt_die_bekannten(formatlauf: Formatlauf) -> None:
    meldung = _je_name(formatlauf)["Kennt ein Feld nicht"]["meldung"]
    assert "Diese Felder kennt der Schritt nicht: Geburtsdatum." in meldung, meldung
    assert "Bekannt sind: Firma, " in meldung and "KeyError" not in meldung


def _tests(bericht: Path) -> dict[str, Any]:
    """pytest-html keeps each test's data in a JSON blob inside the page."""
    blob = re.search(r'data-jsonblob="(.*?)"', bericht.read_text(encoding="utf-8"), re.S)
    assert blob, "Der Bericht enthält keine Testdaten."
    tests: dict[str, Any] = json.loads(unescape(blob.group(1)))["tests"]
    return tests


def test_bericht_nennt_zuerst_den_grund(formatlauf: Formatlauf) -> None:
    laeufe = [lauf for ls in _tests(formatlauf.datei("bericht.html")).values() for lauf in ls]
    zeile = next(lauf for lauf in laeufe if "Scheitert" in lauf["resultsTableRow"][1])
    name = unescape(re.sub(r"<[^>]+>", "\n", zeile["resultsTableRow"][1]))
    zeilen = [z.strip() for z in name.splitlines() if z.strip()]
    assert zeilen[:2] == ["Laufprotokoll › Scheitert", "G16"], zeilen
    grund = zeilen[2]
    assert grund.startswith("Thinksurance hat sich ohne Kundendaten geöffnet"), zeilen
    assert "Maklerextranet aktivieren" in grund
    # below the row: the reason first, the traceback folded away
    assert zeile["log"].startswith(f'<p class="absprung-grund"><b>Grund:</b> {grund[:40]}'), zeile["log"][:200]
    assert "<details><summary>Technische Einzelheiten" in zeile["log"] and "Traceback" in zeile["log"]
    # the step table: German statuses, the reason at the failed step
    extras = unescape("".join(e["content"] for e in zeile.get("extras", [])))
    schritt = re.search(r"öffnet sich Thinksurance mit den Kundendaten.*?</tr>", extras, re.S)
    assert schritt and "fehlgeschlagen" in schritt.group() and grund[:40] in schritt.group()
    assert "nicht ausgeführt" in extras


def test_bildbetrachter_zeigt_und_blaettert(formatlauf: Formatlauf, page: Any) -> None:
    page.goto(formatlauf.datei("bericht.html").as_uri())
    koerper = page.locator("tbody", has_text="Kennt ein Feld nicht")
    bild = koerper.locator(".media-container__viewport img")
    bild.wait_for()
    erstes = bild.get_attribute("src") or ""
    assert erstes.startswith("data:image/png;base64,"), erstes[:60]
    assert bild.evaluate("i => i.naturalWidth") > 100
    koerper.locator(".media-container__nav--right").click()
    zweites = bild.get_attribute("src") or ""
    assert zweites.startswith("data:image/png;base64,") and zweites != erstes
    assert "2 / 3" in koerper.locator(".media__counter").inner_text()
