"""Training seats: each a world of all four systems in the same fakes, under /platz/<kennung>/. What a
trainee does in one seat – state, clock, sessions, neighbour calls, one-time links, the launch log – stays
in that seat; control, support and the seats' administration need the trainer password."""

from __future__ import annotations

import dataclasses
import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from absprung import einrichtung
from absprung.systems import Systems
from basis import demo
from basis.secret import Secret
from basis.systeme import NAMEN
from basis.ziel import embedded_fakes
from fakes.common.plaetze import PASSWORT_KOPF, Plaetze, platz_urls
from fakes.options import Options
from fakes.server import Fakes
from tests.fakes.inprocess import refused_answer
from tests.helpers import ROOT

PASSWORT = "trainer-geheim-1"
A, B = "platzA" + "x" * 16, "platzB" + "y" * 16
KOPF = {PASSWORT_KOPF: PASSWORT}


@pytest.fixture(scope="module")
def fakes() -> Iterator[Fakes]:
    with Fakes(Options(plaetze=(A, B), passwort=PASSWORT)) as f:
        yield f


def _systeme(fakes: Fakes, kennung: str | None) -> Systems:
    urls = platz_urls(fakes.urls, kennung) if kennung else fakes.urls
    return Systems.connect(dataclasses.replace(embedded_fakes().with_fake_urls(urls),
                                               steuerung_passwort=Secret(PASSWORT)))


def _zustand(fakes: Fakes, kennung: str | None, system: str) -> dict:
    basis = platz_urls(fakes.urls, kennung)[system] if kennung else fakes.urls[system]
    antwort = httpx.get(f"{basis}/_steuerung/zustand", headers=KOPF, timeout=10)
    assert antwort.status_code == 200, antwort.text
    return antwort.json()


@pytest.fixture
def frisch(fakes: Fakes) -> Fakes:
    for kennung in (None, A, B):
        s = _systeme(fakes, kennung)
        try:
            s.reset()
        finally:
            s.close()
    return fakes


def test_ein_absprung_bleibt_mit_allen_nachbarn_in_seinem_platz(frisch: Fakes) -> None:
    """The whole launch in seat A – ams.5 → con:center → cloud and Thinksurance, their one-time links –
    touches only seat A: seat B and the fakes' own world see nothing of it."""
    vorher = {k: {s: _zustand(frisch, k, s) for s in NAMEN} for k in (None, B)}
    s = _systeme(frisch, A)
    try:
        einrichtung.vollstaendig_einrichten(s)
        start = s.ams.produkt_waehlen(demo.AMS_KUERZEL, "K-1001", "Thinksurance - Gewerbeplattform")
        assert f"/platz/{A}/start/" in start  # con:center builds its one-time link for the seat
        # In seat B the same link opens nothing; the one of seat A works once.
        anderer = httpx.get(start.replace(A, B), timeout=10)
        assert anderer.status_code == 404
        status, ziel = s.concenter.start_oeffnen(start)
    finally:
        s.close()
    assert status in (302, 303) and ziel and f"/platz/{A}/switch/" in ziel
    assert httpx.get(ziel.replace(A, B), timeout=10).status_code == 404
    sitzung = httpx.get(ziel, timeout=10)
    assert sitzung.status_code == 303 and sitzung.headers["location"].startswith(f"/platz/{A}/gewerbeplattform")
    assert f"Path=/platz/{A}" in sitzung.headers["set-cookie"]  # the session does not reach another seat
    a = {sys: _zustand(frisch, A, sys) for sys in NAMEN}
    assert a["concenter"]["protokoll"][-1]["ergebnis"] == "erfolgreich" and a["thinksurance"]["kunden"]
    nachher = {k: {s: _zustand(frisch, k, s) for s in NAMEN} for k in (None, B)}
    assert nachher == vorher


def test_zuruecksetzen_und_uhr_gelten_nur_im_eigenen_platz(frisch: Fakes) -> None:
    basis_a, basis_b = platz_urls(frisch.urls, A)["cloud"], platz_urls(frisch.urls, B)["cloud"]
    assert httpx.post(f"{basis_a}/_steuerung/zuruecksetzen", json={}, headers=KOPF).status_code == 200
    a = httpx.post(f"{basis_a}/_steuerung/uhr", json={"sekunden": 10 * 86400}, headers=KOPF).json()["jetzt"]
    b = httpx.post(f"{basis_b}/_steuerung/uhr", json={"sekunden": 0}, headers=KOPF).json()["jetzt"]
    assert a[:10] != b[:10]  # seat A is ten days ahead, seat B is not
    assert _zustand(frisch, A, "cloud")["bestaende"] == {}
    assert demo.BESTAND in _zustand(frisch, B, "cloud")["bestaende"]
    assert demo.BESTAND in _zustand(frisch, None, "cloud")["bestaende"]


def test_seiten_und_weiterleitungen_bleiben_im_platz(frisch: Fakes) -> None:
    ams = platz_urls(frisch.urls, A)["ams"]
    with httpx.Client(timeout=10) as http:
        umleitung = http.get(f"{ams}/kunden")
        assert umleitung.status_code == 303 and umleitung.headers["location"] == f"/platz/{A}/?weiter=/kunden"
        angemeldet = http.post(f"{ams}/", data={"kuerzel": demo.AMS_KUERZEL, "weiter": "/kunden"})
        assert angemeldet.headers["location"] == f"/platz/{A}/kunden"
        seite = http.get(f"{ams}/kunden")
        assert seite.status_code == 200 and f'href="/platz/{A}/kunden/K-1001"' in seite.text
        assert 'href="/kunden' not in seite.text  # no link leaves the seat
        # The session of seat A opens nothing in seat B: the cookie is not even sent there.
        assert http.get(f"{platz_urls(frisch.urls, B)['ams']}/kunden").status_code == 303
    assert httpx.get(f"{frisch.urls['ams']}/platz/{A}").headers["location"] == f"/platz/{A}/"


def test_unbekannter_platz(fakes: Fakes) -> None:
    for system in NAMEN:
        antwort = httpx.get(f"{fakes.urls[system]}/platz/geraten/openapi.json", timeout=10)
        refused_answer(antwort, "PLATZ_UNBEKANNT", 404)
    refused_answer(httpx.post(f"{fakes.urls['cloud']}/_plaetze/geraten/vergessen", headers=KOPF), "PLATZ_UNBEKANNT",
                   404)


@pytest.mark.parametrize("pfad", ["/_steuerung/zustand", f"/platz/{A}/_steuerung/zustand", "/_plaetze",
                                  f"/platz/{A}/_support/broker-zuordnung"])
@pytest.mark.parametrize("kopf", [{}, {PASSWORT_KOPF: "falsch"}, {"Authorization": "Basic eDpmYWxzY2g="},
                                  {"Authorization": "Basic %%%"}])
def test_steuerung_support_und_plaetze_nur_mit_dem_passwort(fakes: Fakes, pfad: str, kopf: dict[str, str]) -> None:
    for system in ("cloud", "thinksurance"):
        antwort = httpx.request("POST" if "_support" in pfad else "GET", fakes.urls[system] + pfad, headers=kopf,
                                json={})
        refused_answer(antwort, "PASSWORT_NOETIG", 401)
        assert antwort.headers["www-authenticate"].startswith("Basic")


def test_mit_dem_passwort_auch_als_basic(fakes: Fakes) -> None:
    antwort = httpx.get(f"{fakes.urls['ams']}/_steuerung/zustand", auth=("beliebig", PASSWORT), timeout=10)
    assert antwort.status_code == 200
    stand = httpx.get(f"{fakes.urls['ams']}/_plaetze", headers=KOPF, timeout=10).json()
    assert {p["kennung"] for p in stand["plaetze"]} == {A, B}
    assert httpx.get(f"{fakes.urls['ams']}/openapi.json").status_code == 200  # everything else as before


def test_vergessen_baut_die_welt_neu(frisch: Fakes) -> None:
    cloud = frisch.urls["cloud"]
    httpx.post(f"{platz_urls(frisch.urls, A)['cloud']}/_steuerung/zuruecksetzen", json={}, headers=KOPF)
    assert _zustand(frisch, A, "cloud")["bestaende"] == {}
    assert httpx.post(f"{cloud}/_plaetze/{A}/vergessen", headers=KOPF).json() == {"vergessen": True}
    stand = {p["kennung"]: p for p in httpx.get(f"{cloud}/_plaetze", headers=KOPF).json()["plaetze"]}
    assert stand[A]["welt"] is False and stand[A]["unbenutzt_s"] is None
    assert demo.BESTAND in _zustand(frisch, A, "cloud")["bestaende"]  # built anew with the demo office


def test_viele_plaetze_bleiben_begrenzt() -> None:
    """Worlds exist only for known seats and are freed when forgotten: creating and forgetting seats
    again and again keeps at most one world per seat."""
    gebaut: list[dict] = []

    async def app(scope: dict, receive: object, send: object) -> None:  # pragma: no cover - never called
        raise AssertionError

    plaetze = Plaetze(app, lambda urls: gebaut.append(dict(urls)) or app, {"cloud": "http://x"}, [A, B])
    for _ in range(100):
        plaetze.welt(A)
        plaetze.welt(B)
        plaetze.vergessen(A)
    assert len(plaetze.welten) == 1 and len(gebaut) == 101
    assert gebaut[0] == {"cloud": f"http://x/platz/{A}"}


def test_mit_host_braucht_die_steuerung_ein_passwort(tmp_path: Path) -> None:
    """Reachable from other PCs (--host), the control API needs the trainer password; a made one is in a
    file only its owner reads, and neither the terminal nor the JSON line shows it."""
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path)}
    env.pop("FAKES_TRAINER_PASSWORT", None)
    tot = subprocess.Popen(["true"])
    tot.wait()
    alt = tmp_path / "absprung" / f"trainer-passwort-{tot.pid}.txt"  # left by a server that was killed
    alt.parent.mkdir(parents=True)
    alt.write_text("alt\n", encoding="utf-8")
    p = subprocess.Popen([sys.executable, "-m", "fakes", "--json", "--host", "127.0.0.2"], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert p.stdout is not None
        daten = json.loads(p.stdout.readline())
        datei = daten["passwort_datei"]
        passwort = open(datei, encoding="utf-8").read().strip()
        assert stat.S_IMODE(os.stat(datei).st_mode) == 0o600 and len(passwort) >= 16
        assert passwort not in json.dumps(daten)
        assert not alt.exists()
        for system in NAMEN:
            url = daten[system]["url"]
            assert url.startswith("http://127.0.0.2:")
            refused_answer(httpx.post(f"{url}/_steuerung/zuruecksetzen", json={}), "PASSWORT_NOETIG", 401)
            assert httpx.post(f"{url}/_steuerung/zuruecksetzen", json={}, auth=("t", passwort)).status_code == 200
    finally:
        p.terminate()
        p.wait(timeout=10)
    assert not os.path.exists(datei)  # removed when the fakes stop


def test_angemeldet_im_eigenen_fake_und_im_platz(frisch: Fakes) -> None:
    """A browser signed in to the fakes' own con:center and to a seat's sends both session cookies (the seat's,
    with the longer path, first): the seat must read its own, not log the trainee out again and again."""
    eigen, platz = frisch.urls["concenter"], platz_urls(frisch.urls, A)["concenter"]
    daten = {"benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT}
    with httpx.Client(timeout=10) as http:
        assert http.post(f"{eigen}/", data=daten).status_code == 303
        assert http.post(f"{platz}/", data=daten).status_code == 303
        seite = http.get(f"{platz}/einstellungen/produktgeber")
        assert len([c for c in http.cookies.jar if c.name == "cc_benutzer"]) == 2
        assert seite.status_code == 200 and "Produktgeber" in seite.text
        assert http.get(f"{eigen}/einstellungen/produktgeber").status_code == 200
