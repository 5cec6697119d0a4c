"""The assembled app (code "alle"): unknown paths and wrong methods answer in the fake's error shape."""

from __future__ import annotations

from typing import Any

from fakes.thinksurance.app import create as thinksurance_app
from tests.fakes.inprocess import AsgiClient, refused_answer


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
    from fakes.cloud.app import create as cloud_app

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
