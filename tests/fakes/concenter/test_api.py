"""con:center over HTTP: stored secrets leave only as "set or not" and in their partial form."""

from __future__ import annotations

from fakes import demo
from fakes.common.maske import teilweise
from tests.fakes.inprocess import PLATZHALTER, AsgiClient, fake_app

PFAD = f"/api/benutzer/{demo.CONCENTER_BENUTZER}/produktgeber/Thinksurance"
TOKEN = "aft_Diagnose_Vergleich_0815"


def test_einstellungen_nur_gesetzt_und_teilweise() -> None:
    with AsgiClient(fake_app("concenter", PLATZHALTER)) as http:
        leer = http.get(PFAD).json()
        assert leer == {"collaboration_api_token": False, "btoken": False,
                        "maskiert": {"collaboration_api_token": "", "btoken": ""}}
        assert http.request("PUT", PFAD, json={"collaboration_api_token": TOKEN,
                                               "btoken": demo.TS_BTOKEN}).status_code == 200
        antwort = http.get(PFAD)
        assert antwort.json()["maskiert"] == {"collaboration_api_token": teilweise(TOKEN),
                                              "btoken": teilweise(demo.TS_BTOKEN)}
        assert TOKEN.encode() not in antwort.content and demo.TS_BTOKEN.encode() not in antwort.content
