"""con:center over HTTP: stored secrets leave only as "set or not" and in their partial form."""

from __future__ import annotations

import base64

import pytest

from basis import demo
from fakes.common.masking import partly
from tests.fakes.inprocess import PLATZHALTER, AsgiClient, fake_app, refused_answer

PFAD = f"/api/benutzer/{demo.CONCENTER_BENUTZER}/produktgeber/Thinksurance"
TOKEN = "aft_Diagnose_Vergleich_0815"


def basic(benutzer: str, passwort: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{benutzer}:{passwort}".encode()).decode()}


SELBST = basic(demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT)


def test_einstellungen_nur_gesetzt_und_partly() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        leer = http.get(PFAD).json()
        assert leer == {"collaboration_api_token": False, "btoken": False,
                        "maskiert": {"collaboration_api_token": "", "btoken": ""}}
        assert http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN, "btoken": demo.TS_BTOKEN},
                            headers=SELBST).status_code == 200
        antwort = http.get(PFAD)
        assert antwort.json()["maskiert"] == {"collaboration_api_token": partly(TOKEN),
                                              "btoken": partly(demo.TS_BTOKEN)}
        assert TOKEN.encode() not in antwort.content and demo.TS_BTOKEN.encode() not in antwort.content


def test_leeres_geheimes_feld_in_der_oberflaeche_behaelt_den_wert() -> None:
    """The form never shows a stored secret, so leaving it empty must not erase it."""
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN, "btoken": ""}, headers=SELBST)
        anmeldung = http.post("/", data={"benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT})
        sitzung = {"cookie": anmeldung.headers["set-cookie"].split(";")[0]}
        seite = http.post("/einstellungen/produktgeber/Thinksurance", headers=sitzung,
                          data={"collaboration_api_token": "", "btoken": demo.TS_BTOKEN})
        assert seite.status_code == 200 and "aktualisiert" in seite.content.decode()
        assert http.get(PFAD).json()["maskiert"] == {"collaboration_api_token": partly(TOKEN),
                                                     "btoken": partly(demo.TS_BTOKEN)}


def test_entfernen_ist_ein_ausdruecklicher_haken() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN, "btoken": demo.TS_BTOKEN}, headers=SELBST)
        anmeldung = http.post("/", data={"benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT})
        sitzung = {"cookie": anmeldung.headers["set-cookie"].split(";")[0]}
        seite = http.get("/einstellungen/produktgeber/Thinksurance", headers=sitzung).content.decode()
        assert 'name="btoken_entfernen"' in seite
        http.post("/einstellungen/produktgeber/Thinksurance", headers=sitzung, data={"btoken_entfernen": "on"})
        assert http.get(PFAD).json() == {"collaboration_api_token": True, "btoken": False,
                                         "maskiert": {"collaboration_api_token": partly(TOKEN), "btoken": ""}}


@pytest.mark.parametrize("control_on", [True, False])
@pytest.mark.parametrize("methode", ["PUT", "PATCH"])
def test_nur_der_benutzer_selbst_aendert_seine_einstellungen(methode: str, control_on: bool) -> None:
    """Finding 5 of the break-in: a PUT without a password overwrote the btoken, also with --ohne-steuerung.
    Now only the user with their password; nothing changes on a refusal."""
    seed = {} if control_on else {"seed": "ausgangslage"}
    with AsgiClient(fake_app("concenter", PLATZHALTER, control_on=control_on, **seed)) as http:
        vorher = http.get(PFAD).json()
        koerper = {"btoken": "bt-eines-angreifers"}
        antwort = http.request(methode, PFAD, json=koerper)
        assert "HTTP Basic" in refused_answer(antwort, "CC_ANMELDUNG_NOETIG", 401)["error"]
        assert antwort.headers["www-authenticate"].startswith("Basic ")
        for falsch in (basic(demo.CONCENTER_BENUTZER, "falsch"), {"Authorization": "Basic %%%"},
                       {"Authorization": "Basic " + base64.b64encode(b"ohne-doppelpunkt").decode()}):
            antwort = http.request(methode, PFAD, json=koerper, headers=falsch)
            assert antwort.status_code == 401 and antwort.headers["x-fehlercode"] in {
                "CC_ANMELDUNG_FEHLGESCHLAGEN", "CC_ANMELDUNG_NOETIG"}
        assert http.get(PFAD).json() == vorher
        assert http.request(methode, PFAD, json=koerper, headers=SELBST).status_code == 200
        assert http.get(PFAD).json()["btoken"] is True


def test_cc_nur_eigene_einstellungen() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        http.post("/_steuerung/laden", json={"name": "ausgangslage"})
        zustand = http.get("/_steuerung/zustand").json()
        andere = [b["name"] for b in zustand["benutzer"] if b["name"] != demo.CONCENTER_BENUTZER]
        assert andere, zustand
        pfad = f"/api/benutzer/{andere[0]}/produktgeber/Thinksurance"
        f = refused_answer(http.request("PUT", pfad, json={"btoken": "x"}, headers=SELBST),
                           "CC_NUR_EIGENE_EINSTELLUNGEN", 403)
        assert demo.CONCENTER_BENUTZER in f["error"]
