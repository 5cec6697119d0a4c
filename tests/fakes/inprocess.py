"""The fakes in-process: build one fake's app, call it over ASGI without sockets, check refusals."""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Iterable
from urllib.parse import quote, unquote, urlencode, urlsplit

from starlette.applications import Starlette

from basis.systeme import NAMEN
from fakes.common.app import ADRESSE
from fakes.common.errors import REGISTER
from fakes.options import Options
from fakes.serving import build

SYSTEME = NAMEN
PLATZHALTER = {s: "http://127.0.0.1:9" for s in SYSTEME}  # only for building; never contacted


def fake_app(system: str, urls: dict[str, str] | None = None, **options: Any) -> Starlette:
    """One fake's app as ``python -m fakes`` builds it (``options``: fields of ``fakes.options.Options``).
    Its own address is the default one (one-time links start with it); neighbours are never reached."""
    app: Starlette = build(system, Options(**options), {**(urls or PLATZHALTER), system: ADRESSE})
    return app




@dataclass
class Antwort:
    status_code: int
    headers: dict[str, str]  # lower-case names
    content: bytes

    def json(self) -> Any:
        return json.loads(self.content)


class AsgiClient:
    """Calls an ASGI app in-process, one event loop per client. About ten times cheaper per
    request than Starlette's TestClient, which matters for ~1300 hand-made bad requests.

    The loop lives in a thread of its own: after a browser scenario, Playwright's sync API keeps
    an event loop running in the worker's main thread, where a second one cannot run."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._faden = ThreadPoolExecutor(max_workers=1)
        self._runner = self._faden.submit(asyncio.Runner).result()

    def __enter__(self) -> "AsgiClient":
        return self

    def __exit__(self, *exc: Any) -> None:
        self._faden.submit(self._runner.close).result()
        self._faden.shutdown()

    def get(self, url: str, **kw: Any) -> Antwort:
        return self.request("GET", url, **kw)

    def post(self, url: str, **kw: Any) -> Antwort:
        return self.request("POST", url, **kw)

    def delete(self, url: str, **kw: Any) -> Antwort:
        return self.request("DELETE", url, **kw)

    def request(self, methode: str, url: str, *, json: Any = None, content: bytes | Iterable[bytes] | None = None,
                data: dict[str, str] | None = None, headers: dict[str, str] | None = None,
                params: dict[str, Any] | None = None) -> Antwort:
        kopf = {k.lower(): v for k, v in (headers or {}).items()}
        if json is not None:
            content = _json_bytes(json)
            kopf.setdefault("content-type", "application/json")
        elif data is not None:
            content = urlencode(data).encode()
            kopf.setdefault("content-type", "application/x-www-form-urlencoded")
        if content is None or isinstance(content, bytes):
            teile = [content or b""]
            kopf["content-length"] = str(len(teile[0]))
        else:
            teile = list(content)  # streamed: no content-length, like chunked transfer
        teil = urlsplit(url)
        abfrage = urlencode(params) if params else teil.query
        aufruf = self._rufen(methode, unquote(teil.path), abfrage, kopf, teile)
        return self._faden.submit(self._runner.run, aufruf).result()

    async def _rufen(self, methode: str, pfad: str, abfrage: str, kopf: dict[str, str],
                     teile: list[bytes]) -> Antwort:
        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": methode,
                 "scheme": "http", "path": pfad, "raw_path": quote(pfad).encode(), "root_path": "",
                 "query_string": abfrage.encode(), "server": ("testserver", 80), "client": ("127.0.0.1", 1),
                 "headers": [(b"host", kopf.get("host", "testserver").encode("latin-1")),
                             *((k.encode("latin-1"), v.encode("latin-1")) for k, v in kopf.items() if k != "host")]}
        offen = list(teile)

        async def receive() -> dict[str, Any]:
            if offen:
                return {"type": "http.request", "body": offen.pop(0), "more_body": bool(offen)}
            return {"type": "http.disconnect"}

        antwort = Antwort(0, {}, b"")

        async def send(nachricht: dict[str, Any]) -> None:
            if nachricht["type"] == "http.response.start":
                antwort.status_code = nachricht["status"]
                antwort.headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                                   for k, v in nachricht.get("headers", [])}
            elif nachricht["type"] == "http.response.body":
                antwort.content += nachricht.get("body", b"")

        await self.app(scope, receive, send)
        return antwort


def _json_bytes(daten: Any) -> bytes:
    return json.dumps(daten, ensure_ascii=False).encode("utf-8")



def refused_answer(answer: Antwort, code: str, status: int | None = None) -> dict[str, Any]:
    """An HTTP refusal of a fake: 4xx (or the 503 of an overloaded fake), JSON error with German text,
    stable code ``code``.

    The rule table (tests/fakes/test_rules.py) finds the tests of each rule by these calls too."""
    assert (400 <= answer.status_code < 500 or answer.status_code == status == 503) and (
        status is None or answer.status_code == status), answer.status_code
    assert answer.headers.get("content-type", "").startswith("application/json"), answer.headers
    body = answer.json()
    assert answer.headers.get("x-fehlercode") == code, f"erwartet {code}, bekommen {answer.headers.get('x-fehlercode')}"
    assert code in REGISTER and isinstance(body.get("error"), str) and len(body["error"]) > 15, body
    return body
