"""A training group on one server: each trainee's seat has its own exercise, hints, Prüfen and solution;
the trainer sees every seat, assigns and resets, and takes the results as CSV. Single environments side
by side each keep their own profile, and the diagnosis never checks the wrong one silently."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from absprung.diagnose.modell import EXIT_ZIEL
from absprung.schulung.start import Aufraeumer, app_bauer
from absprung.ursachen.aufgaben import AUFGABE, AUFGABEN
from fakes.common.plaetze import PASSWORT_KOPF
from fakes.options import Options
from fakes.server import Fakes
from tests.helpers import ROOT

PASSWORT = "trainer-geheim-2"
A, B = "sitzA" + "a" * 17, "sitzB" + "b" * 17
TRAINER = ("trainerin", PASSWORT)


@pytest.fixture
def raum() -> Iterator[tuple[Fakes, httpx.Client, list]]:
    options = Options(plaetze=(A, B), passwort=PASSWORT)
    raeume: list = []
    with Fakes(options, {"schulung": app_bauer(None, options, raeume.append)}) as fakes:
        with httpx.Client(base_url=fakes.zusatz_urls["schulung"], timeout=30) as http:
            yield fakes, http, raeume


def _stand(http: httpx.Client) -> dict[int, dict]:
    antwort = http.get("/trainer/stand.json", auth=TRAINER)
    assert antwort.status_code == 200
    return {z["platz"]: z for z in antwort.json()["plaetze"]}


def test_eine_teilnehmerin_loest_ihre_uebung_und_die_uebersicht_zeigt_es(
        raum: tuple[Fakes, httpx.Client, list]) -> None:
    fakes, http, _ = raum
    a = AUFGABE["api-zugriff"]
    start = http.get(f"/platz/{A}/")
    assert start.status_code == 200 and "Platz 1" in start.text and a.titel in start.text
    # A trainee at another PC sees no terminal: the seat's page names its systems and the demo logins.
    assert f"{fakes.urls['ams']}/platz/{A}/" in start.text and "con:center mueller-cc / Demo-Passwort-1" in start.text
    assert http.post(f"/platz/{A}/aktion", data={"aktion": "waehlen", "uebung": a.name}).status_code == 303
    seite = http.get(f"/platz/{A}/").text
    assert f"Übung „{a.name}“" in seite and a.ursache.text not in seite and a.ursache.frage not in seite
    assert "Noch nicht behoben" in http.get(f"/platz/{A}/pruefen").text
    http.post(f"/platz/{A}/aktion", data={"aktion": "hinweis"})
    seite = http.get(f"/platz/{A}/").text
    assert a.ursache.frage in seite and a.ursache.behebung not in seite  # a hint, not yet the solution
    # The support books the feature – in this seat's cloud only.
    assert http.post(f"/platz/{A}/support", data={"aktion": "feature", "feature": "API-Zugriff",
                                                   "aktiv": "ja"}).status_code == 200
    assert "Behoben" in http.get(f"/platz/{A}/pruefen").text
    seite = http.get(f"/platz/{A}/").text
    assert "gelöst" in seite and a.ursache.behebung in seite  # solved: now the solution
    # Seat B and the fakes' own world were not touched.
    assert "Noch nicht vollständig eingerichtet" in http.get(f"/platz/{B}/pruefen").text
    assert "Noch nicht vollständig eingerichtet" in http.get("/pruefen", auth=TRAINER).text

    stand = _stand(http)
    assert stand[1]["zustand"] == "gelöst" and stand[1]["uebung"] == a.name and stand[1]["versuche"] == 1
    assert stand[1]["hinweise"] == 1 and stand[1]["dauer_s"] is not None
    assert stand[2]["zustand"] == "frei"
    uebersicht = http.get("/trainer", auth=TRAINER)
    assert uebersicht.status_code == 200 and "gelöst" in uebersicht.text and f"/platz/{A}/" in uebersicht.text
    tabelle = http.get("/trainer/ergebnisse.csv", auth=TRAINER)
    zeilen = list(csv.reader(io.StringIO(tabelle.content.decode("utf-8-sig")), delimiter=";"))
    assert zeilen[0][:4] == ["Platz", "Übung", "Titel", "Zustand"]
    assert zeilen[1][:5] == ["1", a.name, a.titel, "gelöst", "1"] and zeilen[1][-1] == "api-zugriff"


def test_die_trainerin_weist_allen_eine_uebung_zu(raum: tuple[Fakes, httpx.Client, list]) -> None:
    _, http, _ = raum
    a = AUFGABE["produkt-fehlt-1"]
    antwort = http.post("/trainer/aktion", data={"platz": "alle", "aktion": "zuweisen", "uebung": a.name},
                        auth=TRAINER)
    assert antwort.status_code == 303
    for _ in range(300):  # prepared in the background; the table shows the progress
        stand = _stand(http)
        if all(z["zustand"] == "offen" for z in stand.values()):
            break
        assert all(z["zustand"] in ("wird vorbereitet", "offen") for z in stand.values()), stand
        time.sleep(0.1)
    assert [z["uebung"] for z in stand.values()] == [a.name, a.name]
    assert "Noch nicht behoben" in http.get(f"/platz/{B}/pruefen").text
    http.post(f"/platz/{B}/aktion", data={"aktion": "aufgeben"})
    assert _stand(http)[2]["zustand"] == "aufgegeben"
    assert a.ursache.behebung in http.get(f"/platz/{B}/").text
    # Reset one seat: free again, its attempt kept for the results.
    http.post("/trainer/aktion", data={"platz": "2", "aktion": "zuruecksetzen"}, auth=TRAINER)
    for _ in range(300):
        if _stand(http)[2]["zustand"] == "frei":
            break
        time.sleep(0.1)
    assert _stand(http)[2]["zustand"] == "frei" and _stand(http)[1]["zustand"] == "offen"
    assert "aufgegeben" in http.get("/trainer/ergebnisse.csv", auth=TRAINER).content.decode("utf-8-sig")


def test_ein_fall_wird_an_einem_platz_nachgestellt(raum: tuple[Fakes, httpx.Client, list]) -> None:
    """A colleague's case file (from diagnose --fall) becomes the exercise of a seat; a broken one is refused."""
    _, http, _ = raum
    fall = json.dumps({"fall": 1, "ergebnis": "ursache_gefunden", "ursache": "concenter-taa", "pruefungen": []})
    antwort = http.post("/trainer/aktion", data={"platz": "2", "aktion": "fall", "fall": fall}, auth=TRAINER)
    assert antwort.status_code == 303
    for _ in range(300):
        if _stand(http)[2]["zustand"] == "offen":
            break
        time.sleep(0.1)
    assert _stand(http)[2]["uebung"] == AUFGABE["concenter-taa"].name and _stand(http)[1]["zustand"] == "frei"
    assert "Noch nicht behoben" in http.get(f"/platz/{B}/pruefen").text
    kaputt = http.post("/trainer/aktion", data={"platz": "2", "aktion": "fall", "fall": "{kein json"}, auth=TRAINER)
    assert kaputt.status_code == 400 and "keine Falldatei" in kaputt.text


def test_die_uebersicht_nur_mit_dem_passwort_und_nur_von_der_eigenen_seite(
        raum: tuple[Fakes, httpx.Client, list]) -> None:
    _, http, _ = raum
    for pfad in ("/trainer", "/trainer/stand.json", "/trainer/ergebnisse.csv"):
        for auth in (None, ("x", "falsch")):
            antwort = http.get(pfad, auth=auth)
            assert antwort.status_code == 401 and "PASSWORT_NOETIG" in antwort.text, pfad
            assert antwort.headers["www-authenticate"].startswith("Basic")
    fremd = http.post("/trainer/aktion", data={"platz": "alle", "aktion": "zuruecksetzen"}, auth=TRAINER,
                      headers={"Origin": "http://evil.example"})
    assert fremd.status_code == 403 and "FREMDE_HERKUNFT" in fremd.text
    falsch = http.get("/platz/geraten/")
    assert falsch.status_code == 404 and "PLATZ_UNBEKANNT" in falsch.text and 'lang="de"' in falsch.text
    # The fakes' own world acts with the trainer password: with a group it is the trainer's alone.
    for methode, pfad, daten in (("GET", "/", None), ("GET", "/pruefen", None),
                                 ("POST", "/aktion", {"aktion": "waehlen", "uebung": "ohne-kundendaten-1"}),
                                 ("POST", "/support", {"aktion": "produkt"})):
        antwort = http.request(methode, pfad, data=daten)
        assert antwort.status_code == 401 and "PASSWORT_NOETIG" in antwort.text, pfad
    assert http.get("/", auth=TRAINER).status_code == 200
    # Typed without the slash, a seat's address still leads to its page.
    assert http.get(f"/platz/{A}").headers["location"] == f"/platz/{A}/"
    kaputt = {"fall": 1, "ergebnis": "ursache_gefunden", "ursache": ["x"]}
    antwort = http.post("/trainer/aktion", data={"platz": "1", "aktion": "fall", "fall": json.dumps(kaputt)},
                        auth=TRAINER)
    assert antwort.status_code == 400 and "müssen Text sein" in antwort.text


def test_ein_unbenutzter_platz_wird_vergessen(raum: tuple[Fakes, httpx.Client, list]) -> None:
    fakes, http, raeume = raum
    http.post(f"/platz/{A}/aktion", data={"aktion": "waehlen", "uebung": "cloud-rolle"})
    assert _stand(http)[1]["zustand"] == "offen"
    schulungsraum = raeume[0]
    assert Aufraeumer(schulungsraum, fakes.urls, PASSWORT, minuten=60).einmal() == []  # used just now
    assert Aufraeumer(schulungsraum, fakes.urls, PASSWORT, minuten=0).einmal() == [1]  # seat B was never used
    assert _stand(http)[1]["zustand"] == "frei"
    stand = httpx.get(f"{fakes.urls['cloud']}/_plaetze", headers={PASSWORT_KOPF: PASSWORT}).json()["plaetze"]
    assert not any(p["welt"] for p in stand)


def test_die_neutralen_namen_bleiben_wie_veroeffentlicht() -> None:
    """Trainees see the symptom, never the cause; the published names keep their meaning (a new exercise
    goes at the end of its symptom), and the causes' names from before still select them."""
    assert [a.name for a in AUFGABEN][:6] == ["ohne-kundendaten-1", "produkt-fehlt-1", "produkt-fehlt-2",
                                              "absprung-scheitert-1", "ohne-kundendaten-2", "ohne-kundendaten-3"]
    assert {a.ursache.name: a.name for a in AUFGABEN} == {
        "maklerextranet": "ohne-kundendaten-1", "produktfreischaltungen": "produkt-fehlt-1",
        "concenter-produkt": "produkt-fehlt-2", "btoken-fehlt": "absprung-scheitert-1",
        "collaboration-token-fehlt": "ohne-kundendaten-2", "collaboration-token-falsch": "ohne-kundendaten-3",
        "token-widerrufen": "ohne-kundendaten-4", "api-zugriff": "ohne-kundendaten-5",
        "concenter-taa": "ohne-kundendaten-6", "token-zweck": "ohne-kundendaten-7",
        "concenter-liste": "ohne-kundendaten-8", "cloud-rolle": "ohne-kundendaten-9",
        "freischaltung-fehlt": "ohne-kundendaten-10", "freischaltung-nicht-geteilt": "ohne-kundendaten-11",
        "freischaltung-nicht-haupt": "ohne-kundendaten-12", "freischaltung-kunde": "ohne-kundendaten-13",
        "mitarbeiterzugriff": "ohne-kundendaten-14", "kunde-repliziert": "ohne-kundendaten-15",
        "btoken-falsch": "absprung-scheitert-2", "makler-email": "absprung-scheitert-3",
        "btoken-bindung": "frueherer-benutzer-1"}
    assert all(AUFGABE[a.ursache.name] is a for a in AUFGABEN)
    assert all(a.ursache.name not in a.titel and a.ursache.name not in a.name for a in AUFGABEN)


def _umgebung(uebung: str, env: dict[str, str]) -> tuple[subprocess.Popen[str], dict]:
    p = subprocess.Popen([sys.executable, "-m", "fakes", "--json", "--uebung", uebung], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert p.stdout is not None
    return p, json.loads(p.stdout.readline())


def _diagnose(env: dict[str, str], *ziel: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "absprung", "diagnose", "--json", *ziel], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_zwei_umgebungen_nebeneinander_jede_richtig_diagnostiziert(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    env.pop("ABSPRUNG_SCHULUNG_PROFIL", None)
    erste, e1 = _umgebung("cloud-rolle", env)  # G06
    zweite, e2 = _umgebung("concenter-produkt", env)  # G05
    try:
        profile = sorted((tmp_path / "absprung" / "schulung").glob("*.toml"))
        assert len(profile) == 2
        beide = _diagnose(env)
        assert beide.returncode == EXIT_ZIEL and "Es laufen 2 Schulungsumgebungen" in beide.stderr
        assert all(f"--ziel {p}" in beide.stderr for p in profile)
        assert e1["schulung"]["url"] in beide.stderr and e2["schulung"]["url"] in beide.stderr
        eigenes = {tomllib.loads(p.read_text(encoding="utf-8"))["urls"]["cloud"]: p for p in profile}
        for umgebung, leitfaden in ((e1, ["G06"]), (e2, ["G05"])):
            d = _diagnose(env, "--ziel", str(eigenes[umgebung["cloud"]["url"]]))
            assert d.returncode == 1 and json.loads(d.stdout)["ursache"]["leitfaden"] == leitfaden
        # One ends without tidying up (kill -9): its profile is stale, the diagnosis takes the other.
        erste.send_signal(signal.SIGKILL)
        erste.wait(timeout=10)
        d = _diagnose(env)
        assert d.returncode == 1 and json.loads(d.stdout)["ursache"]["leitfaden"] == ["G05"], d.stderr
        assert len(list((tmp_path / "absprung" / "schulung").glob("*.toml"))) == 1
    finally:
        for p in (erste, zweite):
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=10)
