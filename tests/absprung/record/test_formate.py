"""The three standard formats of one run, each checked by a consumer we did not write: the official
@cucumber/html-formatter (npm) for the Cucumber Messages, a JSON schema for the classic Cucumber
JSON (Xray, Jenkins), pytest's JUnit XML read as the CI's test view reads it."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import jsonschema

from basis import demo
from tests import pruefer
from tests.helpers import ROOT

from .conftest import Formatlauf

SCHEMA = ROOT / "tests" / "schemas" / "cucumber-json.schema.json"
# lauf.json's step status -> Cucumber's
CUCUMBER = {"passed": "passed", "failed": "failed", "skipped": "skipped", "nicht ausgeführt": "skipped",
            "undefined": "undefined"}


def _szenarien(formatlauf: Formatlauf) -> dict[str, Any]:
    return {s["szenario"]: s for s in formatlauf.json("lauf.json")["szenarien"]}


def test_junit_mit_deutschen_namen_und_leitfaden_ids(formatlauf: Formatlauf) -> None:
    wurzel = ET.parse(formatlauf.datei("junit.xml")).getroot()
    faelle = {f.get("name"): f for f in wurzel.iter("testcase")}
    assert set(faelle) == {f"Laufprotokoll › {n}" for n in _szenarien(formatlauf)}, sorted(faelle)
    gescheitert = faelle["Laufprotokoll › Scheitert"]
    assert gescheitert.find("failure") is not None and gescheitert.get("classname") == "lauf"
    assert ("leitfaden", "G16") in [(p.get("name"), p.get("value")) for p in gescheitert.iter("property")]
    assert faelle["Laufprotokoll › Gelingt"].find("failure") is None


def test_cucumber_messages_vollstaendig(formatlauf: Formatlauf) -> None:
    nachrichten = formatlauf.nachrichten()
    arten = Counter(k for n in nachrichten for k in n)
    for art in ("meta", "source", "gherkinDocument", "pickle", "stepDefinition", "testRunStarted", "testCase",
                "testCaseStarted", "testStepStarted", "testStepFinished", "testCaseFinished", "testRunFinished"):
        assert arten[art] >= 1, f"{art} fehlt in cucumber.ndjson"
    assert arten["pickle"] == arten["testCase"] == 4
    anhaenge = [n["attachment"] for n in nachrichten if "attachment" in n and "testCaseStartedId" in n["attachment"]]
    assert len(anhaenge) == 3 and all(a["mediaType"] == "image/png" for a in anhaenge)
    status = Counter(n["testStepFinished"]["testStepResult"]["status"] for n in nachrichten if "testStepFinished" in n)
    assert status["UNDEFINED"] == 1 and status["FAILED"] == 2 and status["SKIPPED"] == 2, status
    assert next(n["testRunFinished"] for n in nachrichten if "testRunFinished" in n)["success"] is False


def test_cucumber_json_nach_schema_und_wie_der_lauf(formatlauf: Formatlauf) -> None:
    daten = formatlauf.json("cucumber.json")
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(daten)
    lauf = _szenarien(formatlauf)
    elemente = {e["name"]: e for f in daten for e in f["elements"]}
    assert set(elemente) == set(lauf)
    for name, element in elemente.items():
        erwartet = [CUCUMBER[s["status"]] for s in lauf[name]["schritte"]]
        assert [s["result"]["status"] for s in element["steps"]] == erwartet, name
    assert [t["name"] for t in elemente["Scheitert"]["tags"]] == ["@G16"]
    assert elemente["Scheitert"]["steps"][0]["keyword"] == "Angenommen "
    fehler = next(s for s in elemente["Scheitert"]["steps"] if s["result"]["status"] == "failed")
    assert "Maklerextranet aktivieren" in fehler["result"]["error_message"]
    bilder = [b for s in elemente["Kennt ein Feld nicht"]["steps"] for b in s.get("embeddings", [])]
    assert len(bilder) == 3 and {b["mime_type"] for b in bilder} == {"image/png"}


def test_cucumber_json_ersetzt_den_schreiber_von_pytest_bdd(formatlauf: Formatlauf) -> None:
    """pytest-bdd's writer would name the element by the test function and call undefined steps passed."""
    elemente = [e for f in formatlauf.json("cucumber.json") for e in f["elements"]]
    assert all(not e["id"].startswith("test_") for e in elemente)
    undefiniert = next(e for e in elemente if e["name"] == "Hat einen undefinierten Schritt")
    assert undefiniert["steps"][0]["result"]["status"] == "undefined"


def test_html_formatter_zeigt_szenarien_und_status(formatlauf: Formatlauf, page: Any) -> None:
    html = pruefer.cucumber_html(formatlauf.datei("cucumber.ndjson"), formatlauf.datei("cucumber.html"))
    assert pruefer.cucumber_zaehler(page, html) == {"PASSED": 1, "FAILED": 2, "UNDEFINED": 1}
    knopf = page.get_by_role("button", name="lauf.feature").first
    if knopf.get_attribute("aria-expanded") == "false":  # one feature starts open, several folded
        knopf.click()
    titel = page.locator("h2").all_inner_texts()
    for name in _szenarien(formatlauf):
        assert f"Szenario: {name}" in titel, titel
    zaehlen = {s: page.locator(f"li[data-status='{s}']").count() for s in ("PASSED", "FAILED", "SKIPPED", "UNDEFINED")}
    assert zaehlen == {"PASSED": 16, "FAILED": 2, "SKIPPED": 2, "UNDEFINED": 1}, zaehlen
    assert page.get_by_text("Funktionalität: Laufprotokoll").count() >= 1


def test_allure_3_liest_jedes_szenario_wie_der_lauf(formatlauf: Formatlauf, tmp_path: Path) -> None:
    """Allure 3 itself reads the Allure results: same counts as lauf.json, German names, the guide IDs
    as labels, every step, the screenshots."""
    summary, tests = pruefer.allure(formatlauf.datei("allure-ergebnisse"), tmp_path / "allure")
    lauf = formatlauf.json("lauf.json")
    stats = summary["stats"]
    assert stats["total"] == len(lauf["szenarien"]) == 4
    assert stats.get("passed", 0) == lauf["zusammenfassung"].get("passed", 0)
    assert stats.get("failed", 0) + stats.get("broken", 0) == lauf["zusammenfassung"].get("failed", 0)
    nach_name = {t["name"]: t for t in tests}
    assert set(nach_name) == set(_szenarien(formatlauf))
    gescheitert = nach_name["Scheitert"]
    assert gescheitert["status"] == "failed" and "Maklerextranet aktivieren" in gescheitert["error"]["message"]
    assert {"name": "leitfaden", "value": "G16"} in gescheitert["labels"]
    assert nach_name["Hat einen undefinierten Schritt"]["status"] == "broken"
    feld = nach_name["Kennt ein Feld nicht"]
    schritte = [s for s in feld["steps"] if s.get("type", "step") == "step"]
    assert len(schritte) == len(_szenarien(formatlauf)["Kennt ein Feld nicht"]["schritte"])
    bilder = [a for s in schritte for a in s.get("steps", []) if a.get("type") == "attachment"]
    assert len(bilder) == 3, [s.get("steps") for s in schritte]


def test_kein_geheimnis_in_den_formaten(formatlauf: Formatlauf) -> None:
    for name in ("junit.xml", "cucumber.ndjson", "cucumber.json"):
        text = formatlauf.datei(name).read_text(encoding="utf-8")
        assert demo.TS_BTOKEN not in text and demo.TS_SECRET not in text, name
        assert not re.search(r"/(start|switch)/[A-Za-z0-9_-]{8,}", text), name
