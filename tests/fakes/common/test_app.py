"""The assembled app (code "alle"): unknown paths and wrong methods answer in the fake's error shape."""

from __future__ import annotations

from fakes.thinksurance.app import create as thinksurance_app
from tests.fakes.inprocess import AsgiClient, refused_answer


def test_alle_pfad_unbekannt_und_methode_falsch() -> None:
    app = thinksurance_app()
    with AsgiClient(app) as client:
        assert client.get("/_steuerung/zustand").status_code == 200
        antwort = client.get("/api/gibts/nicht")
        assert refused_answer(antwort, "PFAD_UNBEKANNT", 404) == {"error": "Diese Adresse gibt es nicht."}
        assert set(refused_answer(client.delete("/api/ipn/tokens"), "METHODE_FALSCH", 405)) == {"error"}

