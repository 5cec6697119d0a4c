"""`python -m fakes`: one JSON line with URLs and demo logins as soon as all four answer."""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Iterator

import httpx
import pytest

from basis.systeme import NAMEN
from tests.helpers import ROOT


@pytest.fixture
def gestartet(request: pytest.FixtureRequest) -> Iterator[tuple[dict, subprocess.Popen]]:
    argumente = getattr(request, "param", [])
    prozess = subprocess.Popen([sys.executable, "-m", "fakes", "--json", *argumente], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert prozess.stdout is not None
        zeile = prozess.stdout.readline()
        yield json.loads(zeile), prozess
    finally:
        prozess.terminate()
        prozess.wait(timeout=10)


def test_json_zeile_mit_allen_systemen_und_demo_zugaengen(gestartet: tuple[dict, subprocess.Popen]) -> None:
    daten, prozess = gestartet
    # The four systems as scripts know them, then the training page (an entry with its "url" as well).
    assert list(daten) == ["cloud", "concenter", "ams", "thinksurance", "schulung"]
    for system, werte in daten.items():
        assert werte["url"].startswith("http://127.0.0.1:"), werte
        pfad = "/" if system == "schulung" else "/openapi.json"
        assert httpx.get(werte["url"] + pfad).status_code == 200, system
    assert {"hash", "secret", "aToken", "nameTag", "bToken", "bEmail"} <= set(daten["thinksurance"])
    assert {"benutzer", "passwort"} <= set(daten["concenter"])
    assert daten["ams"]["benutzer"] == "AS"
    # The demo partner from the JSON line really authenticates at the Thinksurance fake.
    ts = daten["thinksurance"]
    antwort = httpx.post(ts["url"] + "/api/ipn/tokens", json={"hash": ts["hash"], "secret": ts["secret"]})
    assert antwort.status_code == 200 and "token" in antwort.json()


def test_beendet_sich_sauber(gestartet: tuple[dict, subprocess.Popen]) -> None:
    _, prozess = gestartet
    prozess.terminate()
    assert prozess.wait(timeout=10) == 0


@pytest.mark.parametrize("gestartet", [["--ohne-steuerung"]], indirect=True)
def test_ohne_steuerung_ist_die_steuerung_aus(gestartet: tuple[dict, subprocess.Popen]) -> None:
    daten, _ = gestartet
    for system in NAMEN:
        antwort = httpx.post(daten[system]["url"] + "/_steuerung/zuruecksetzen", json={})
        assert antwort.status_code == 404 and antwort.headers["x-fehlercode"] == "STEUERUNG_AUS"


def test_belegter_port_gibt_eine_klare_meldung() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        ergebnis = subprocess.run([sys.executable, "-m", "fakes", "--json", "--port-cloud", str(port)], cwd=ROOT,
                                  capture_output=True, text=True, timeout=30)
    assert ergebnis.returncode == 2
    assert "Die Fakes konnten nicht starten" in ergebnis.stderr


def test_jede_option_steht_in_der_lektion_der_schulung() -> None:
    """Every option of ``python -m fakes`` (with the installed extensions) is in the lesson's table, and the
    table names none that does not exist."""
    import re

    from fakes.__main__ import parser
    from fakes.zusaetze import installed

    optionen = {o for a in parser(installed())._actions for o in a.option_strings if o.startswith("--")} - {"--help"}
    tabelle = (ROOT / "docs" / "schulung.md").read_text(encoding="utf-8").split("## Optionen")[1].split("\n\n")[1]
    genannt = set(re.findall(r"(--[a-z][a-z-]+)", tabelle))
    port = {o for o in optionen if o.startswith("--port-")}
    assert optionen - port == genannt - port and "--port-cloud" in genannt, (optionen ^ genannt)


def test_die_schulungsseite_auf_festem_port() -> None:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    prozess = subprocess.Popen([sys.executable, "-m", "fakes", "--json", "--port-schulung", str(port)], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert prozess.stdout is not None
        daten = json.loads(prozess.stdout.readline())
        assert daten["schulung"]["url"] == f"http://127.0.0.1:{port}"
        assert httpx.get(f"{daten['schulung']['url']}/", timeout=10).status_code == 200
        # One world: no group, so no trainer's overview.
        assert httpx.get(f"{daten['schulung']['url']}/trainer", timeout=10).status_code == 404
    finally:
        prozess.terminate()
        prozess.wait(timeout=10)
