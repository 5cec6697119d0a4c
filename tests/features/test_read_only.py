"""A read-only target: the @lesend scenarios check a set-up landscape and change nothing; a selection
in which the target skips everything does not end green."""

from __future__ import annotations

import json
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any, Iterator

import pytest

from absprung import einrichtung
from absprung.systems import Systems
from basis import demo
from basis.secret import Secret
from basis.systeme import NAMEN
from basis.ziel import Target
from tests import pruefer
from tests.features.remote import count, fakes_process, run_suite, write_profile
from tests.helpers import ROOT, alle_formate, bericht_daten

SECRETS = {"thinksurance_hash": "H", "thinksurance_secret": "S", "btoken": "B", "concenter_passwort": "P",
           "access_token": "A"}


@pytest.fixture(scope="module")
def landscape() -> Iterator[tuple[dict[str, Any], Secret]]:
    """Fakes without control API, set up through their normal interfaces as an administrator would."""
    with fakes_process("--ohne-steuerung") as started:
        urls = {s: started[s]["url"] for s in NAMEN}
        systems = Systems.connect(Target("Staging", urls))
        token = einrichtung.vollstaendig_einrichten(systems)
        systems.close()
        assert token is not None
        yield started, token


def _environment(token: Secret) -> dict[str, str]:
    return {"H": demo.TS_HASH, "S": demo.TS_SECRET, "B": demo.TS_BTOKEN, "P": demo.CONCENTER_PASSWORT,
            "A": token.reveal()}


def _profile(tmp_path: Path, started: dict[str, Any]) -> Path:
    return write_profile(tmp_path / "staging.toml", {s: started[s]["url"] for s in NAMEN}, writes=False,
                         control=False, secrets=SECRETS)


def test_read_only_scenarios_pass_and_change_nothing(landscape: tuple[dict[str, Any], Secret],
                                                     tmp_path: Path) -> None:
    started, token = landscape
    before = _dump(started)
    result = run_suite(_profile(tmp_path, started), environment=_environment(token))
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1500:]
    assert count("passed", result.stdout) == 6 and count("failed", result.stdout) == 0, result.stdout[-1500:]
    assert "erlaubt kein Schreiben (schreiben_erlaubt = false)" in result.stdout
    assert _dump(started) == before, "ein lesendes Szenario hat Daten verändert"
    summary = result.stdout.split("Ziel „staging“")[1]
    assert "Thinksurance (" in summary and "übersprungen:" in summary


def test_a_green_read_only_run_is_green_in_every_format(landscape: tuple[dict[str, Any], Secret], tmp_path: Path,
                                                       page: Any) -> None:
    """6 passed, 53 skipped – and every output says so: skips as skips with their German reason, never
    as failures; Cucumber's own HTML report and Allure 3 read it the same way."""
    started, token = landscape
    ordner = tmp_path / "r"
    result = run_suite(_profile(tmp_path, started), *alle_formate(ordner), environment=_environment(token))
    assert result.returncode == 0, result.stdout[-3000:]
    grund = "erlaubt kein Schreiben (schreiben_erlaubt = false)"
    lauf = json.loads((ordner / "lauf.json").read_text(encoding="utf-8"))
    assert lauf["zusammenfassung"] == {"passed": 6, "skipped": 53}
    assert all(grund in s["meldung"] or "nur gegen die Fakes" in s["meldung"]
               for s in lauf["szenarien"] if s["status"] == "skipped")
    assert not [s for sz in lauf["szenarien"] for s in sz["schritte"] if s["status"] in ("failed", "läuft")]

    nachrichten = [json.loads(z) for z in (ordner / "cucumber.ndjson").read_text(encoding="utf-8").splitlines()]
    schritte = Counter(n["testStepFinished"]["testStepResult"]["status"] for n in nachrichten
                       if "testStepFinished" in n)
    assert schritte["FAILED"] == 0 and schritte["SKIPPED"] > 0, schritte
    ende = next(n["testRunFinished"] for n in nachrichten if "testRunFinished" in n)
    assert ende["success"] is True
    html = pruefer.cucumber_html(ordner / "cucumber.ndjson", ordner / "cucumber.html")
    assert pruefer.cucumber_zaehler(page, html) == {"PASSED": 6, "SKIPPED": 53}

    klassisch = [s["result"]["status"] for f in json.loads((ordner / "cucumber.json").read_text(encoding="utf-8"))
                 for e in f["elements"] for s in e["steps"]]
    assert "failed" not in klassisch and "skipped" in klassisch

    suite = ET.parse(ordner / "junit.xml").getroot().find("testsuite")
    assert suite is not None and (suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("0", "0", "53")
    gruende = [s.get("message", "") for s in suite.iter("skipped")]
    assert len(gruende) == 53 and all(grund in g or "nur gegen die Fakes" in g for g in gruende), gruende[:3]

    bericht = bericht_daten(ordner / "bericht.html")
    zeilen = [z for laeufe in bericht["tests"].values() for z in laeufe]
    assert Counter(z["result"] for z in zeilen) == {"Passed": 6, "Skipped": 53}
    uebersprungen = [z for z in zeilen if z["result"] == "Skipped"]
    assert all("Übersprungen:" in z["resultsTableRow"][1] for z in uebersprungen)
    assert not any("scenario.py" in z["log"] or "fehlgeschlagen" in "".join(z["resultsTableRow"]) for z in zeilen)

    summary, _ = pruefer.allure(ordner / "allure-ergebnisse", tmp_path / "allure")
    assert summary["stats"] == {"total": 59, "passed": 6, "skipped": 53}


def test_every_output_says_where_its_results_came_from(landscape: tuple[dict[str, Any], Secret],
                                                       tmp_path: Path) -> None:
    """Profile name, each system's address, the commit, the versions – in the report, JUnit, both
    Cucumber formats, Allure and lauf.json; reports of two targets can be told apart."""
    started, token = landscape
    ordner = tmp_path / "r"
    result = run_suite(_profile(tmp_path, started), "-m", "lesend", *alle_formate(ordner),
                       environment=_environment(token))
    assert result.returncode == 0, result.stdout[-3000:]
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    adressen = [started[s]["url"] for s in NAMEN]
    erwartet = ["staging", "staging.toml", commit, *adressen, "pytest-bdd", "9.0.1"]
    lauf = json.loads((ordner / "lauf.json").read_text(encoding="utf-8"))
    assert lauf["ziel"] == "staging" and lauf["herkunft"]["systeme"] == dict(zip(NAMEN, adressen))
    texte = {
        "bericht.html": json.dumps(bericht_daten(ordner / "bericht.html")["environment"], ensure_ascii=False),
        "junit.xml": " ".join(f"{p.get('name')}={p.get('value')}" for p in
                              ET.parse(ordner / "junit.xml").getroot().iter("property")),
        "cucumber.ndjson": next(json.loads(z)["attachment"]["body"] for z in
                                (ordner / "cucumber.ndjson").read_text(encoding="utf-8").splitlines()
                                if '"herkunft.json"' in z),
        "cucumber.json": json.dumps([e["before"] for f in json.loads((ordner / "cucumber.json").read_text(
            encoding="utf-8")) for e in f["elements"]][0], ensure_ascii=False),
        "environment.properties": re.sub(r"\\u([0-9a-f]{4})|\\(.)", lambda m: chr(int(m[1], 16)) if m[1] else m[2],
                                         (ordner / "allure-ergebnisse" / "environment.properties").read_text(
                                             encoding="latin-1")),
    }
    for datei, text in texte.items():
        fehlt = [e for e in erwartet if e not in text]
        assert not fehlt, f"{datei}: {fehlt}"
        for geheim in _environment(token).values():
            assert geheim not in text, datei


def test_a_read_only_scenario_without_its_secret_is_skipped_with_the_reason(
        landscape: tuple[dict[str, Any], Secret], tmp_path: Path) -> None:
    started, token = landscape
    profile = write_profile(tmp_path / "ohne.toml", {s: started[s]["url"] for s in NAMEN}, writes=False,
                            control=False, secrets={k: v for k, v in SECRETS.items() if k != "access_token"})
    result = run_suite(profile, "-m", "lesend", environment=_environment(token))
    assert result.returncode == 0, result.stdout[-2000:]
    assert count("skipped", result.stdout) == 1 and "kein „access_token“" in result.stdout


def test_a_selection_the_target_skips_entirely_does_not_end_green(landscape: tuple[dict[str, Any], Secret],
                                                                  tmp_path: Path) -> None:
    started, token = landscape
    profile = _profile(tmp_path, started)
    result = run_suite(profile, "-m", "not lesend", environment=_environment(token))
    assert result.returncode == 5, result.stdout[-2000:]
    assert "Nichts geprüft" in result.stdout and count("passed", result.stdout) == 0
    allowed = run_suite(profile, "-m", "not lesend", "--leerlauf-erlaubt", environment=_environment(token))
    assert allowed.returncode == 0, allowed.stdout[-2000:]


def _dump(started: dict[str, Any]) -> str:
    """What the systems hold, read through their normal interfaces (no control API here)."""
    systems = Systems.connect(Target("Staging", {s: started[s]["url"] for s in NAMEN}))
    w = systems.world
    try:
        return json.dumps([systems.cloud.bestand(w.bestand), systems.ams.benutzer(w.ams_benutzer),
                           systems.concenter.protokoll(),
                           systems.concenter.produktgeber_einstellungen(w.concenter_benutzer, "Thinksurance")],
                          sort_keys=True, default=str)
    finally:
        systems.close()
