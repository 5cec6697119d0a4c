"""con:center over HTTP: stored secrets leave only as "set or not" and in their partial form."""

from __future__ import annotations

from basis import demo
from fakes.common.masking import partly
from tests.fakes.inprocess import PLATZHALTER, AsgiClient, fake_app

PFAD = f"/api/benutzer/{demo.CONCENTER_BENUTZER}/produktgeber/Thinksurance"
TOKEN = "aft_Diagnose_Vergleich_0815"


def test_einstellungen_nur_gesetzt_und_partly() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        leer = http.get(PFAD).json()
        assert leer == {"collaboration_api_token": False, "btoken": False,
                        "maskiert": {"collaboration_api_token": "", "btoken": ""}}
        assert http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN,
                                               "btoken": demo.TS_BTOKEN}).status_code == 200
        antwort = http.get(PFAD)
        assert antwort.json()["maskiert"] == {"collaboration_api_token": partly(TOKEN),
                                              "btoken": partly(demo.TS_BTOKEN)}
        assert TOKEN.encode() not in antwort.content and demo.TS_BTOKEN.encode() not in antwort.content


def test_leeres_geheimes_feld_in_der_oberflaeche_behaelt_den_wert() -> None:
    """The form never shows a stored secret, so leaving it empty must not erase it."""
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN, "btoken": ""})
        anmeldung = http.post("/", data={"benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT})
        sitzung = {"cookie": anmeldung.headers["set-cookie"].split(";")[0]}
        seite = http.post("/einstellungen/produktgeber/Thinksurance", headers=sitzung,
                          data={"collaboration_api_token": "", "btoken": demo.TS_BTOKEN})
        assert seite.status_code == 200 and "aktualisiert" in seite.content.decode()
        assert http.get(PFAD).json()["maskiert"] == {"collaboration_api_token": partly(TOKEN),
                                                     "btoken": partly(demo.TS_BTOKEN)}


def test_entfernen_ist_ein_ausdruecklicher_haken() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN, "btoken": demo.TS_BTOKEN})
        anmeldung = http.post("/", data={"benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT})
        sitzung = {"cookie": anmeldung.headers["set-cookie"].split(";")[0]}
        seite = http.get("/einstellungen/produktgeber/Thinksurance", headers=sitzung).content.decode()
        assert 'name="btoken_entfernen"' in seite
        http.post("/einstellungen/produktgeber/Thinksurance", headers=sitzung, data={"btoken_entfernen": "on"})
        assert http.get(PFAD).json() == {"collaboration_api_token": True, "btoken": False,
                                         "maskiert": {"collaboration_api_token": partly(TOKEN), "btoken": ""}}
