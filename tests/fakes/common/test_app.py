"""The assembled app (code "alle"): unknown paths and wrong methods answer in the fake's error shape."""

from __future__ import annotations

import json
from typing import Any

import pytest

from fakes.cloud.app import create as cloud_app
from fakes.options import Options
from fakes.thinksurance.app import create as thinksurance_app
from tests.fakes.inprocess import SYSTEME, AsgiClient, fake_app, refused_answer


def test_alle_pfad_unbekannt_und_methode_falsch() -> None:
    app = thinksurance_app()
    with AsgiClient(app) as client:
        assert client.get("/_steuerung/zustand").status_code == 200
        antwort = client.get("/api/gibts/nicht")
        assert refused_answer(antwort, "PFAD_UNBEKANNT", 404) == {"error": "Diese Adresse gibt es nicht."}
        assert set(refused_answer(client.delete("/api/ipn/tokens"), "METHODE_FALSCH", 405)) == {"error"}



def test_ueberlastet_antwortet_sofort_mit_503_im_fehlerformat() -> None:
    """Beyond the limit a fake answers at once – JSON with a German message and a stable code,
    HTML for a browser – instead of making the caller wait (or uvicorn's English text)."""
    import asyncio

    from starlette.responses import JSONResponse

    from fakes.common.app import ConcurrencyLimit

    freigabe = asyncio.Event()

    async def langsam(scope, receive, send) -> None:  # noqa: ANN001 - a bare ASGI app
        await freigabe.wait()
        await JSONResponse({"ok": True})(scope, receive, send)

    antworten: list[tuple[int, dict[str, str]]] = []

    def ueberlastet(scope, grenze):  # noqa: ANN001, ANN202
        return JSONResponse({"error": "zu viele"}, status_code=503, headers={"X-Fehlercode": "ZU_VIELE_ANFRAGEN"})

    async def zwei_gleichzeitig() -> None:
        app = ConcurrencyLimit(langsam, limit=1, answer=ueberlastet)

        async def rufen() -> None:
            gesendet: dict[str, Any] = {}

            async def send(m: dict) -> None:
                if m["type"] == "http.response.start":
                    gesendet.update(status=m["status"], kopf={k.decode(): v.decode() for k, v in m["headers"]})

            async def receive() -> dict:
                return {"type": "http.request", "body": b"", "more_body": False}

            await app({"type": "http", "method": "GET", "path": "/", "headers": []}, receive, send)
            antworten.append((gesendet["status"], gesendet["kopf"]))

        erster = asyncio.create_task(rufen())
        await asyncio.sleep(0)
        await rufen()  # the second one is answered while the first still waits
        assert antworten == [(503, {"content-length": "20", "content-type": "application/json",
                                    "x-fehlercode": "ZU_VIELE_ANFRAGEN"})]
        freigabe.set()
        await erster
        assert app.running == 0

    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as faden:  # a loop of its own: Playwright may run one in this thread
        faden.submit(asyncio.run, zwei_gleichzeitig()).result()
    assert [a[0] for a in antworten] == [503, 200]


def test_ueberlastet_im_fehlerformat_des_fakes() -> None:
    app = cloud_app()
    # Zero requests at once allowed: every request shows the answer an overloaded fake gives.
    app.user_middleware[0].kwargs["limit"] = 0
    app.middleware_stack = None
    with AsgiClient(app) as client:
        antwort = client.get("/api/bestaende/MB-100234")
        body = refused_answer(antwort, "ZU_VIELE_ANFRAGEN", 503)
        assert "gleichzeitig (0)" in body["error"] and antwort.headers["retry-after"] == "1"
        seite = client.get("/drive/MB-100234", headers={"Accept": "text/html"})
        assert seite.status_code == 503 and "erneut versuchen" in seite.content.decode()


def test_alle_inhalt_kein_json() -> None:
    """A JSON API takes a body only as application/json: ``text/plain`` and forms are what another
    site's page can send without asking first (finding 5 of the break-in)."""
    app = cloud_app(Options(seed="ausgangslage"))
    koerper = json.dumps({"email": "neu@makler.example", "rolle": "Benutzer"})
    with AsgiClient(app) as client:
        for art in ("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", None):
            kopf = {"Content-Type": art} if art else {}
            antwort = client.post("/api/bestaende/MB-100234/benutzer", content=koerper.encode(), headers=kopf)
            assert "application/json" in refused_answer(antwort, "INHALT_KEIN_JSON", 415)["error"]
        benutzer = client.get("/api/bestaende/MB-100234").json()
        assert "neu@makler.example" not in json.dumps(benutzer)  # nothing changed
        antwort = client.post("/api/bestaende/MB-100234/benutzer", content=koerper.encode(),
                              headers={"Content-Type": "application/json; charset=utf-8"})
        assert antwort.status_code == 201, antwort.content


def test_thinksurance_ohne_json_art_400() -> None:
    """Thinksurance answers every failure but "not found" with 400 (documented since 25.03.2025)."""
    with AsgiClient(thinksurance_app()) as client:
        antwort = client.post("/api/ipn/tokens", content=b'{"hash": "h", "secret": "s"}',
                              headers={"Content-Type": "text/plain"})
        refused_answer(antwort, "INHALT_KEIN_JSON", 400)


@pytest.mark.parametrize("kopf", [{"Origin": "http://evil.example"}, {"Origin": "null"},
                                  {"Origin": "http://testserver.evil.example"}, {"Origin": "https://testserver"},
                                  {"Origin": "http://[::1"}, {"Origin": "http://[testserver"},
                                  {"Sec-Fetch-Site": "cross-site", "Referer": "http://evil.example/x"}])
def test_alle_fremde_herkunft(kopf: dict[str, str]) -> None:
    """A browser names the page that sent a request: another site's page may not change data, in the API
    nor in a fake's pages (finding 5). Reading stays open, programs (no Origin) are not affected."""
    app = cloud_app(Options(seed="ausgangslage"))
    koerper = {"email": "neu@makler.example", "rolle": "Benutzer"}
    with AsgiClient(app) as client:
        antwort = client.post("/api/bestaende/MB-100234/benutzer", json=koerper, headers=kopf)
        assert "anderen Seite" in refused_answer(antwort, "FREMDE_HERKUNFT", 403)["error"]
        antwort = client.post("/drive/MB-100234/allgemein/concenter", data={"name": "fremd-cc"},
                              headers={**kopf, "Accept": "text/html"})  # a page's form
        assert antwort.status_code == 403 and "anderen Seite" in antwort.content.decode()
        assert "fremd-cc" not in json.dumps(client.get("/api/bestaende/MB-100234").json())
        assert client.get("/api/bestaende/MB-100234", headers=kopf).status_code == 200
        eigene = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
        assert client.post("/api/bestaende/MB-100234/benutzer", json=koerper, headers=eigene).status_code == 201


def test_methode_falsch_nennt_die_erlaubten() -> None:
    """405 carries Allow with every method of the path (RFC 9110), finding 11 – also where one path has
    several endpoints (Starlette would name only the first route's)."""
    with AsgiClient(thinksurance_app()) as client:
        antwort = client.delete("/api/ipn/tokens")
        refused_answer(antwort, "METHODE_FALSCH", 405)
        assert antwort.headers.get("allow") == "POST"
    with AsgiClient(fake_app("concenter")) as client:
        antwort = client.delete("/api/benutzer/mueller-cc/produktgeber/Thinksurance")
        refused_answer(antwort, "METHODE_FALSCH", 405)
        assert antwort.headers.get("allow") == "GET, HEAD, PATCH, PUT"


@pytest.mark.parametrize("pfad", ["/_steuerung", "/_support", "/_steuerung/", "/start/abc/", "/api/ipn/tokens/"])
def test_keine_weiterleitung_mit_fremdem_host(pfad: str) -> None:
    """A trailing slash is another path: 404, never a redirect to the Host header's site (finding 11)."""
    with AsgiClient(fake_app("concenter", control_on=False)) as client:
        antwort = client.request("GET", pfad, headers={"Host": "evil.example"})
        assert antwort.status_code == 404 and "location" not in antwort.headers


def test_anlegen_antwortet_201_wie_dokumentiert() -> None:
    """Creates answer 201 and the OpenAPI says so; everything else 200 (finding 11)."""
    for system in SYSTEME:
        for pfad, wege in fake_app(system).state.openapi["paths"].items():
            for methode, op in wege.items():
                erfolg = [s for s in op["responses"] if s.startswith("2")]
                assert erfolg in (["200"], ["201"]), (system, methode, pfad, erfolg)
    with AsgiClient(cloud_app(Options(seed="ausgangslage"))) as client:
        antwort = client.post("/api/bestaende/MB-100234/benutzer", json={"email": "neu@makler.example",
                                                                      "rolle": "Benutzer"})
        assert antwort.status_code == 201
        assert fake_app("cloud").state.openapi["paths"]["/api/bestaende/{bestand}/benutzer"]["post"][
            "responses"].keys() >= {"201"}


def test_thinksurance_lehnt_fremde_herkunft_mit_400_ab() -> None:
    """Thinksurance answers every refusal but "not found" with 400 (documented), this one too."""
    with AsgiClient(thinksurance_app()) as client:
        antwort = client.post("/api/ipn/tokens", json={"hash": "h", "secret": "s"},
                              headers={"Origin": "http://evil.example"})
        refused_answer(antwort, "FREMDE_HERKUNFT", 400)
