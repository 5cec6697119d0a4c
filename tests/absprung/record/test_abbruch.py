"""A scenario whose process dies is failed in every output, and the run ends; a run that is interrupted
says so in every output, with the scenarios it never ran."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from tests.helpers import alle_formate, run_scenarios

SCHRITTE = '''
import os, signal
from pytest_bdd import then

@then("stürzt der Prozess ab")
def _():
    os.kill(os.getpid(), signal.SIGKILL)

@then("bricht jemand den Lauf ab")
def _():
    # Python's own handler: a process started in the background inherits SIGINT ignored
    signal.signal(signal.SIGINT, signal.default_int_handler)
    os.kill(os.getpid(), signal.SIGINT)
'''


def _feature(mitte: str) -> str:
    return f"""# language: de
Funktionalität: Abbruch

  Szenario: Vorher
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt

  Szenario: Mittendrin
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt
    Dann {mitte}

  Szenario: Nachher
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt
"""


def _nachrichten(ordner: Path) -> list[dict[str, Any]]:
    return [json.loads(z) for z in (ordner / "cucumber.ndjson").read_text(encoding="utf-8").splitlines()]


def _element(ordner: Path, name: str) -> dict[str, Any]:
    features = json.loads((ordner / "cucumber.json").read_text(encoding="utf-8"))
    return next(e for f in features for e in f["elements"] if e["name"] == name)


def test_ein_abgestuerztes_szenario_ist_ueberall_fehlgeschlagen(tmp_path: Path) -> None:
    # A hang (the loadgroup scheduler waited forever after a worker died) ends in run_scenarios' timeout.
    ergebnis = run_scenarios(tmp_path / "f", {"abbruch.feature": _feature("stürzt der Prozess ab")}, "-n", "2",
                             *alle_formate(tmp_path), steps=SCHRITTE, timeout=90)
    assert ergebnis.returncode == 1, ergebnis.stdout[-2000:]
    lauf = json.loads((tmp_path / "lauf.json").read_text(encoding="utf-8"))
    status = {s["szenario"]: (s["status"], s["abgestuerzt"]) for s in lauf["szenarien"]}
    assert status == {"Vorher": ("passed", False), "Mittendrin": ("failed", True), "Nachher": ("passed", False)}
    nachrichten = _nachrichten(tmp_path)
    assert not next(n["testRunFinished"] for n in nachrichten if "testRunFinished" in n)["success"]
    fehler = [n["testStepFinished"]["testStepResult"] for n in nachrichten if "testStepFinished" in n
              and n["testStepFinished"]["testStepResult"]["status"] == "FAILED"]
    assert len(fehler) == 1 and fehler[0]["message"].startswith("Abgestürzt:")
    assert _element(tmp_path, "Mittendrin")["after"][0]["result"]["status"] == "failed"
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    fall = re.search(r'<testcase[^>]*name="Abbruch › Mittendrin".*?</testcase>', junit, re.S)
    assert fall and re.search(r"<(failure|error) ", fall.group()), junit[-1500:]
    bericht = (tmp_path / "bericht.html").read_text(encoding="utf-8")
    assert "Abgestürzt:" in bericht and "Abbruch › Mittendrin" in bericht


def test_ein_unterbrochener_lauf_sagt_es_ueberall(tmp_path: Path) -> None:
    ergebnis = run_scenarios(tmp_path / "f", {"abbruch.feature": _feature("bricht jemand den Lauf ab")},
                             "-p", "no:xdist", *alle_formate(tmp_path), steps=SCHRITTE)
    assert ergebnis.returncode == 2, ergebnis.stdout[-2000:]
    lauf = json.loads((tmp_path / "lauf.json").read_text(encoding="utf-8"))
    assert lauf["unterbrochen"].startswith("Der Lauf wurde abgebrochen (Strg+C).")
    assert {s["szenario"]: s["status"] for s in lauf["szenarien"]}["Nachher"] == "nicht ausgeführt"
    ende = next(n["testRunFinished"] for n in _nachrichten(tmp_path) if "testRunFinished" in n)
    assert not ende["success"] and ende["message"] == lauf["unterbrochen"]
    assert _element(tmp_path, "Nachher")["after"][0]["result"]["error_message"].startswith("Nicht ausgeführt:")
    junit = (tmp_path / "junit.xml").read_text(encoding="utf-8")
    assert 'name="unterbrochen"' in junit and 'name="Lauf vollständig"' in junit
    assert "Lauf unterbrochen:" in (tmp_path / "bericht.html").read_text(encoding="utf-8")
