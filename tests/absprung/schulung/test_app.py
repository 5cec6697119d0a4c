"""The training environment's page: Prüfen says whether an exercise is solved, Support fixes what
the guide leaves to the support; its pages pass axe-core like the fakes' own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from absprung.schulung.start import app_bauer, herstellen
from absprung.ursachen import UEBUNGEN
from absprung.ursachen.aufgaben import AUFGABE as UEBUNG
from absprung.ursachen.aufgaben import AUFGABEN
from fakes.__main__ import main as fakes_main
from fakes.options import Options
from fakes.server import Fakes
from tests.fakes.inprocess import refused_answer
from tests.helpers import ROOT


@pytest.fixture
def umgebung(request: pytest.FixtureRequest) -> Iterator[tuple[Fakes, httpx.Client]]:
    uebung = UEBUNG[request.param]
    with Fakes(Options(), {"schulung": app_bauer(uebung)}) as fakes:
        herstellen(uebung, fakes.urls)
        with httpx.Client(base_url=fakes.zusatz_urls["schulung"], timeout=10) as http:
            yield fakes, http


def _pruefen(http: httpx.Client) -> str:
    antwort = http.get("/pruefen")
    assert antwort.status_code == 200
    return antwort.text


@pytest.mark.parametrize("umgebung, anfrage", [
    ("api-zugriff", {"aktion": "feature", "feature": "API-Zugriff", "aktiv": "ja"}),
    ("concenter-produkt", {"aktion": "produkt"}),
    ("btoken-bindung", {"aktion": "neu-zuordnen", "email": "anna.schmidt@neu-makler.de"}),
], indirect=["umgebung"], ids=["feature", "produkt", "neu-zuordnen"])
def test_support_behebt_was_der_support_behebt(umgebung: tuple[Fakes, httpx.Client], anfrage: dict[str, str]) -> None:
    fakes, http = umgebung
    assert "Noch nicht behoben" in _pruefen(http)
    antwort = http.post("/support", data=anfrage)
    assert antwort.status_code == 200 and "Support" in antwort.text, antwort.text
    if anfrage["aktion"] == "produkt":  # ams.5 shows the product only after refreshing
        httpx.post(f"{fakes.urls['ams']}/api/benutzer/AS/produktfreischaltungen")
    assert "Behoben" in _pruefen(http)


@pytest.mark.parametrize("umgebung", ["maklerextranet"], indirect=True)
@pytest.mark.parametrize("anfrage", [{"aktion": "feature", "feature": "Gibtsnicht"}, {"aktion": "unbekannt"},
                                     {"aktion": "neu-zuordnen", "email": ""},
                                     {"aktion": "neu-zuordnen", "email": "a b@x.de"}])
def test_support_lehnt_unsinn_deutsch_ab(umgebung: tuple[Fakes, httpx.Client], anfrage: dict[str, str]) -> None:
    _, http = umgebung
    antwort = http.post("/support", data=anfrage)
    assert antwort.status_code == 400 and 'role="alert"' in antwort.text and "Traceback" not in antwort.text


@pytest.mark.parametrize("umgebung", ["maklerextranet"], indirect=True)
def test_die_uebung_ist_auf_der_startseite_beschrieben(umgebung: tuple[Fakes, httpx.Client]) -> None:
    _, http = umgebung
    text = http.get("/").text
    assert "Übung „ohne-kundendaten-1“" in text and "Thinksurance öffnet sich, aber ohne Kundendaten" in text
    assert "maklerextranet" not in text.lower() and UEBUNG["maklerextranet"].ursache.text not in text  # no answer


def test_uebungen_auflisten_und_falsche_wahl(capsys: pytest.CaptureFixture[str]) -> None:
    assert fakes_main(["--uebungen"]) == 0
    liste = capsys.readouterr().out
    assert liste.startswith(f"{len(UEBUNGEN)} Übungen") and all(f"  {a.name} " in liste for a in AUFGABEN)
    assert not any(u.name in liste for u in UEBUNGEN)  # the causes' names would give the answer away
    assert "<" not in liste  # outline titles with their values, no raw placeholders
    assert fakes_main(["--uebung", "gibtsnicht"]) == 2
    assert "Möglich sind: ohne-kundendaten-1, produkt-fehlt-1" in capsys.readouterr().err
    assert fakes_main(["--uebung", "maklerextranet", "--leer"]) == 2


def test_python_m_fakes_mit_uebung_hinterlaesst_sein_zielprofil(tmp_path: Path) -> None:
    profil = tmp_path / "schulung.toml"
    env = {**os.environ, "ABSPRUNG_SCHULUNG_PROFIL": str(profil)}
    process = subprocess.Popen([sys.executable, "-m", "fakes", "--uebung", "cloud-rolle"], cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert process.stdout is not None
        ausgabe = []
        while not (ausgabe and ausgabe[-1].startswith("Diagnose: python -m absprung diagnose")):
            ausgabe.append(process.stdout.readline().strip())
        schulung = next(z.split()[-1] for z in ausgabe if z.startswith("Schulung (Übung, Prüfen, Support)"))
        assert "btoken von Thinksurance (für con:center): demo-btoken-anna-9b1f2d" in ausgabe
        assert "Übung „ohne-kundendaten-9“: Thinksurance öffnet sich, aber ohne Kundendaten (Fall 9)." in ausgabe
        assert profil.is_file()
        diagnose = subprocess.run([sys.executable, "-m", "absprung", "diagnose", "--json"], cwd=ROOT, env=env,
                                  capture_output=True, text=True, timeout=60)
        assert diagnose.returncode == 1, diagnose.stderr
        assert json.loads(diagnose.stdout)["ursache"]["leitfaden"] == ["G06"]
        assert "Noch nicht behoben" in httpx.get(f"{schulung}/pruefen", timeout=10).text
    finally:
        process.terminate()
        process.wait(timeout=10)
    for _ in range(50):  # removed on exit
        if not profil.exists():
            break
        time.sleep(0.1)
    assert not profil.exists()


@pytest.mark.parametrize("umgebung", ["api-zugriff"], indirect=True)
@pytest.mark.parametrize("kopf", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                  {"Sec-Fetch-Site": "cross-site"}])
def test_support_nur_von_der_eigenen_seite(umgebung: tuple[Fakes, httpx.Client], kopf: dict[str, str]) -> None:
    """Finding 5: the support's actions accepted a POST from Origin http://evil.example."""
    _, http = umgebung
    antwort = http.post("/support", data={"aktion": "feature", "feature": "API-Zugriff", "aktiv": "ja"},
                        headers=kopf)
    assert antwort.status_code == 403 and "FREMDE_HERKUNFT" in antwort.text and "anderen Seite" in antwort.text
    assert "Noch nicht behoben" in _pruefen(http)  # nothing was done
    eigene = {"Origin": str(http.base_url).rstrip("/"), "Sec-Fetch-Site": "same-origin"}
    assert http.post("/support", data={"aktion": "feature", "feature": "API-Zugriff", "aktiv": "ja"},
                     headers=eigene).status_code == 200
    assert "Behoben" in _pruefen(http)


@pytest.mark.parametrize("umgebung", ["maklerextranet"], indirect=True)
def test_schulung_antwortet_deutsch_statt_500(umgebung: tuple[Fakes, httpx.Client]) -> None:
    """Finding 6: a body over 64 KiB got a 500 (English, traceback); finding 11: slash redirects."""
    _, http = umgebung
    gross = http.post("/support", content=b"aktion=" + b"x" * 70_000,
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert gross.status_code == 413 and "ANFRAGE_ZU_GROSS" in gross.text and 'lang="de"' in gross.text
    for pfad in ("/support/", "/gibts-nicht"):
        antwort = http.get(pfad)
        assert antwort.status_code == 404 and "location" not in antwort.headers and "PFAD_UNBEKANNT" in antwort.text
    antwort = http.delete("/support")
    assert antwort.status_code == 405 and {m.strip() for m in antwort.headers["allow"].split(",")} >= {"GET", "POST"}


@pytest.mark.parametrize("umgebung", ["maklerextranet"], indirect=True)
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8005", "127.0.0.1.nip.io", "[::2]:80"])
def test_unter_fremdem_namen_antwortet_niemand(umgebung: tuple[Fakes, httpx.Client], host: str) -> None:
    """DNS rebinding: a page whose name an attacker points at 127.0.0.1 is "the same site" as far as
    Origin goes; a fake bound to loopback answers only to loopback names (review of finding 5)."""
    fakes, http = umgebung
    for url in (str(http.base_url), fakes.urls["cloud"], fakes.urls["concenter"]):
        antwort = httpx.post(url.rstrip("/") + "/_steuerung/zuruecksetzen", json={},
                             headers={"Host": host, "Origin": f"http://{host}"})
        assert "127.0.0.1" in refused_answer(antwort, "HOST_FREMD", 400)["error"], url
    for eigener in ("localhost", "127.0.0.1", "[::1]"):
        port = fakes.urls["cloud"].rsplit(":", 1)[1]
        antwort = httpx.get(fakes.urls["cloud"] + "/openapi.json", headers={"Host": f"{eigener}:{port}"})
        assert antwort.status_code == 200
