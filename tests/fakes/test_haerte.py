"""The findings of the break-in test, each one reproduced against the fakes over HTTP (in-process).

Non-ASCII credentials and header bytes, UI forms that skipped the API's checks, forged sessions,
the support path, dumps, one-time links from the Host header, the launch log's size.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from basis import demo, leitfaden
from fakes.common.endpoints import MAX_BODY
from tests.fakes.concenter.test_api import basic
from tests.fakes.inprocess import PLATZHALTER, AsgiClient, fake_app, refused_answer

B, CC = demo.BESTAND, demo.CONCENTER_BENUTZER
GEHEIM = (demo.TS_HASH, demo.TS_SECRET, demo.TS_ATOKEN, demo.TS_BTOKEN, demo.CONCENTER_PASSWORT)


# --- any Unicode in a credential: a 4xx, never a 500 ------------------------------------------------

@pytest.mark.parametrize("pfad, koerper, code", [
    ("/api/ipn/tokens", {"hash": demo.TS_HASH, "secret": "geheim-ä"}, "TS_API_USER_UNGUELTIG"),
    ("/api/token", {"hash": demo.TS_HASH, "secret": "geheim-€"}, "TS_API_USER_UNGUELTIG"),
    ("/api/ipn/tokens", {"hash": "häsch", "secret": "sëcret"}, "TS_API_USER_UNGUELTIG"),
])
def test_thinksurance_anmeldung_mit_umlauten(pfad: str, koerper: dict[str, str], code: str) -> None:
    with AsgiClient(fake_app("thinksurance", PLATZHALTER)) as http:
        refused_answer(http.post(pfad, json=koerper), code, 400)


@pytest.mark.parametrize("passwort", ["Passwört", "Demo-Passwort-1€", "\u00e4" * 50])
def test_concenter_anmeldung_mit_umlauten(passwort: str) -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        refused_answer(http.post("/api/produktfreischaltungen", json={"benutzer": CC, "passwort": passwort}),
                       "CC_ANMELDUNG_FEHLGESCHLAGEN", 401)
        seite = http.post("/", data={"benutzer": CC, "passwort": passwort})
        assert seite.status_code == 401 and "fehlgeschlagen" in seite.content.decode()


@pytest.mark.parametrize("kopf", ["Bearer ä".encode("utf-8"), b"Bearer \xff\xfe\x80", "Bearer ä".encode("latin-1")])
def test_taadata_mit_rohen_kopfzeilen_bytes(kopf: bytes) -> None:
    with AsgiClient(fake_app("cloud", PLATZHALTER)) as http:
        http.post(f"/api/bestaende/{B}/concenter", json={"name": CC})  # a token to compare against
        http.post(f"/api/bestaende/{B}/tokens", json={"zweck": "TaaData", "concenter_benutzer": CC})
        antwort = http.get(f"/api/taa/kunden/K-1001?cloud_benutzer={demo.MITARBEITER_EMAIL}",
                           headers={"authorization": kopf.decode("latin-1")})
        refused_answer(antwort, "TAA_TOKEN_UNGUELTIG", 401)


# --- UI forms: the API's validation and limits --------------------------------------------------------

@pytest.mark.parametrize("seite, formular, meldung", [
    (f"/drive/{B}/allgemein/concenter", {"name": ""}, "darf nicht leer sein"),
    (f"/drive/{B}/allgemein/concenter", {"name": "x" * 5000}, "zu lang"),
    (f"/drive/{B}/api", {"name": "Thinksurance", "zweck": "TaaData", "concenter_benutzer": ""}, "darf nicht leer"),
    (f"/drive/{B}/freischaltungen", {"art": "kunde", "name": "", "kunden": "K-1001",
                                     "geteilt_mit": demo.MITARBEITER_EMAIL}, "darf nicht leer"),
    (f"/drive/{B}/freischaltungen", {"art": "vermittler", "name": "V" * 300, "geteilt_mit": demo.MITARBEITER_EMAIL,
                                     "sachbearbeiter": "cloudtransfer"}, "zu lang"),
])
def test_formulare_der_oberflaeche_pruefen_wie_die_schnittstelle(seite: str, formular: dict[str, str],
                                                                 meldung: str) -> None:
    with AsgiClient(fake_app("cloud", PLATZHALTER)) as http:
        vorher = http.get("/_steuerung/zustand").content
        antwort = http.post(seite, data=formular, headers={"accept": "text/html"})
        text = antwort.content.decode()
        assert antwort.status_code == 400 and meldung in text and 'role="alert"' in text
        assert http.get("/_steuerung/zustand").content == vorher  # nothing stored
        kurz = {k: v for k, v in formular.items() if v and len(v) < 100 and k not in ("art", "zweck")}  # text fields
        assert all(f'value="{v}"' in text for v in kurz.values()), "Die Eingabe bleibt stehen."
        assert "zweck" not in formular or f"selected>{formular['zweck']}<" in text


def test_zu_grosses_formular_gibt_413() -> None:
    with AsgiClient(fake_app("cloud", PLATZHALTER)) as http:
        antwort = http.post(f"/drive/{B}/allgemein/concenter", content=b"name=" + b"x" * (10 * 1024 * 1024),
                            headers={"content-type": "application/x-www-form-urlencoded", "accept": "text/html"})
        assert antwort.status_code == 413 and "zu groß" in antwort.content.decode()
        gestreamt = http.post(f"/drive/{B}/allgemein/concenter", content=iter([b"name=", b"x" * (MAX_BODY + 1)]),
                              headers={"content-type": "application/x-www-form-urlencoded"})
        assert gestreamt.status_code == 413


# --- sessions and the support path -------------------------------------------------------------------

def test_gefaelschtes_sitzungs_cookie_oeffnet_nichts() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        for cookie in (f"cc_benutzer={CC}", f"cc_benutzer={CC}.abc", "cc_benutzer=bXVlbGxlci1jYw.0000"):
            antwort = http.get("/einstellungen/produktgeber/Thinksurance", headers={"cookie": cookie})
            assert antwort.status_code == 303 and antwort.headers["location"] == "/"
        echt = http.post("/", data={"benutzer": CC, "passwort": demo.CONCENTER_PASSWORT})
        cookie = echt.headers["set-cookie"].split(";")[0]
        assert http.get("/einstellungen/produktgeber/Thinksurance", headers={"cookie": cookie}).status_code == 200


def test_support_zuordnung_nur_mit_zugang_und_nur_mit_steuerung() -> None:
    with AsgiClient(fake_app("thinksurance", PLATZHALTER)) as http:
        koerper = {"bToken": demo.TS_BTOKEN, "bExternalId": "neu@makler-mueller.de"}
        refused_answer(http.post("/_support/broker-zuordnung", json=koerper), "TS_TOKEN_UNGUELTIG")
        token = http.post("/api/ipn/tokens", json={"hash": demo.TS_HASH, "secret": demo.TS_SECRET}).json()["token"]
        assert http.post("/_support/broker-zuordnung", json=koerper,
                         headers={"authorization": f"Bearer {token}"}).status_code == 200
    with AsgiClient(fake_app("thinksurance", control_on=False)) as http:
        refused_answer(http.post("/_support/broker-zuordnung", json={}), "STEUERUNG_AUS", 404)


# --- dumps and one-time links --------------------------------------------------------------------------

@pytest.mark.parametrize("system", ["cloud", "concenter", "ams", "thinksurance"])
def test_zustand_der_steuerung_zeigt_kein_geheimnis(system: str) -> None:
    with AsgiClient(fake_app(system, PLATZHALTER)) as http:
        if system == "concenter":
            http.request("PUT", f"/api/benutzer/{CC}/produktgeber/Thinksurance",
                         json={"collaboration_api_token": "aft_sehr_geheimer_token_1234", "btoken": demo.TS_BTOKEN},
                         headers=basic(CC, demo.CONCENTER_PASSWORT))
        if system == "cloud":
            http.post(f"/api/bestaende/{B}/concenter", json={"name": CC})
            neu = http.post(f"/api/bestaende/{B}/tokens", json={"zweck": "TaaData", "concenter_benutzer": CC}).json()
            assert neu["access_token"] not in http.get("/_steuerung/zustand").content.decode()
        text = http.get("/_steuerung/zustand").content.decode()
        assert not [g for g in (*GEHEIM, "aft_sehr_geheimer_token_1234") if g in text], system


@pytest.mark.parametrize("system, pfad, koerper", [
    ("concenter", "/api/starts", {"benutzer": CC, "passwort": demo.CONCENTER_PASSWORT, "produkt": leitfaden.PRODUKT,
                                  "kunde": "K-1001", "email": demo.MITARBEITER_EMAIL}),
])
def test_einmal_links_nicht_aus_der_host_kopfzeile(system: str, pfad: str, koerper: dict[str, Any]) -> None:
    with AsgiClient(fake_app(system, PLATZHALTER)) as http:
        antwort = http.post(pfad, json=koerper, headers={"host": "evil.example"})
        url = antwort.json()["url"]
        assert "evil.example" not in url and url.startswith("http://127.0.0.1/start/")


def test_switch_link_nicht_aus_der_host_kopfzeile() -> None:
    with AsgiClient(fake_app("thinksurance", PLATZHALTER)) as http:
        token = http.post("/api/ipn/tokens", json={"hash": demo.TS_HASH, "secret": demo.TS_SECRET}).json()["token"]
        antwort = http.post("/api/ipn/brokers/forward", json={"type": 1, "bExternalId": demo.MITARBEITER_EMAIL},
                            headers={"authorization": f"Bearer {token}", "x-broker-token": demo.TS_BTOKEN,
                                     "host": "evil.example"})
        assert antwort.status_code == 200 and antwort.json()["url"].startswith("http://127.0.0.1/switch/")


# --- the launch log: bounded and paginated -------------------------------------------------------------

def test_protokoll_seitenweise_mit_gesamtzahl() -> None:
    app = fake_app("concenter", protokoll_max=5)
    with AsgiClient(app) as http:
        for _ in range(7):  # launches without customer data fail at once (no neighbour reachable)
            url = http.post("/api/starts", json={"benutzer": CC, "passwort": "falsch", "produkt": leitfaden.PRODUKT,
                                                 "email": demo.MITARBEITER_EMAIL}).json()["url"]
            http.get(url.removeprefix("http://127.0.0.1"))
        antwort = http.get("/api/protokoll?pro_seite=2&seite=2")
        assert [e["id"] for e in antwort.json()] == [5, 4]  # newest first; the two oldest are gone
        assert (antwort.headers["x-gesamtzahl"], antwort.headers["x-seiten"]) == ("5", "3")
        assert len(http.get("/api/protokoll").json()) == 5
        refused_answer(http.get("/api/protokoll?pro_seite=0"), "FELD_BEREICH", 400)
        seite = http.get("/protokoll?seite=2", headers={"accept": "text/html"}).content.decode()
        assert "Seite 2 von 1" not in seite and "5 Absprünge gespeichert" in seite
        assert json.loads(http.get("/_steuerung/zustand").content)["protokoll"][0]["id"] == 3
