"""Assembles a fake's Starlette app: JSON API, control API, OpenAPI, pages, error answers."""

from __future__ import annotations

from typing import Any, Callable
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from .control import control_endpoints
from .endpoints import Endpoint, route
from .errors import (
    FREMDE_HERKUNFT,
    HOST_FREMD,
    METHODE_FALSCH,
    PFAD_UNBEKANNT,
    STEUERUNG_AUS,
    UEBERLASTET,
    Kind,
    Refusal,
)
from .openapi import openapi
from .pages import WURZEL, Pages
from .state import FakeState

# Where a fake is reached when nobody configures it (in-process tests): one-time links are built
# from the configured address, never from the request's Host header.
ADRESSE = "http://127.0.0.1"
STATUS_BY_KIND = {Kind.INVALID: 400, Kind.UNAUTHENTICATED: 401, Kind.FORBIDDEN: 403,
                  Kind.NOT_FOUND: 404, Kind.CONFLICT: 409, Kind.TOO_LARGE: 413, Kind.UNSUPPORTED: 415,
                  Kind.OVERLOADED: 503}
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
MAX_GLEICHZEITIG = 1000  # requests one fake works on at once; beyond that it answers 503 at once


def _default_body(f: Refusal) -> dict[str, Any]:
    return {"error": f.message, "code": f.code}


def build_app(*, system: str, title: str, state: FakeState, endpoints: list[Endpoint],
              ui_routes: list[BaseRoute], pages: Pages, dump: Callable[[], dict[str, Any]],
              control_on: bool = True, error_body: Callable[[Refusal], dict[str, Any]] = _default_body,
              status_by_kind: dict[Kind, int] | None = None, limit: int = MAX_GLEICHZEITIG) -> Starlette:
    statuses = {**STATUS_BY_KIND, **(status_by_kind or {})}
    # The fake's own support paths (/_support/…) change data outside any documented interface:
    # like the control API they exist only with control on.
    everything = [e for e in endpoints if control_on or e.tag != "support"]
    if control_on:
        everything += control_endpoints(state, dump)

    def error_answer(request: Request, f: Refusal, status: int) -> Response:
        extra = {"Retry-After": "1"} if f.rule.kind is Kind.OVERLOADED else {}
        extra.update(f.headers)
        if _wants_html(request):
            antwort = pages.html("fehler.html", status=status, meldung=f.message, code=f.code)
            antwort.headers.update(extra)
            return antwort
        return JSONResponse(error_body(f), status_code=status, headers={"X-Fehlercode": f.code, **extra})

    schema = openapi(title, everything)

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(schema)

    async def control_off(request: Request) -> Response:
        raise STEUERUNG_AUS.refuse()

    routes: list[BaseRoute] = [route(e, state) for e in everything]
    routes.append(Route("/openapi.json", openapi_json, methods=["GET"]))
    if not control_on:
        routes += [Route("/_steuerung/{rest:path}", control_off, methods=["GET", "POST"]),
                   Route("/_support/{rest:path}", control_off, methods=["GET", "POST"])]
    routes += ui_routes
    app = web_app(routes, error_answer=error_answer, statuses=statuses, limit=limit)
    app.state.model = state
    app.state.system = system
    app.state.openapi = schema
    return app


ErrorAnswer = Callable[[Request, Refusal, int], Response]


def web_app(routes: list[BaseRoute], *, error_answer: ErrorAnswer, statuses: dict[Kind, int] = STATUS_BY_KIND,
            limit: int = MAX_GLEICHZEITIG) -> Starlette:
    """A Starlette app with the fakes' guards, for the fakes and for every other page of the project:
    every refusal and 404/405 in German through ``error_answer``, 405 with ``Allow``, no redirect built
    from the Host header, no change of data from another site's page, at most ``limit`` requests at once."""

    async def on_refusal(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        return error_answer(request, exc, statuses[exc.rule.kind])

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 405:
            antwort = error_answer(request, METHODE_FALSCH.refuse(), 405)
            pfad = request.url.path.removeprefix(WURZEL.get())
            antwort.headers["Allow"] = erlaubt(routes, pfad)  # of every route on this path
            return antwort
        if exc.status_code == 404:
            return error_answer(request, PFAD_UNBEKANNT.refuse(), 404)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    def overloaded(scope: Scope, limit: int) -> Response:
        return error_answer(Request(scope), UEBERLASTET.refuse(max=limit), statuses[Kind.OVERLOADED])

    def cross_site(scope: Scope, herkunft: str) -> Response:
        return error_answer(Request(scope), FREMDE_HERKUNFT.refuse(herkunft=herkunft), statuses[Kind.FORBIDDEN])

    app = Starlette(routes=routes, exception_handlers={Refusal: on_refusal, HTTPException: on_http},
                    middleware=[Middleware(ConcurrencyLimit, limit=limit, answer=overloaded),
                                Middleware(SameOrigin, answer=cross_site)])
    # A path with or without a trailing slash is another path: Starlette's redirect would build its
    # address from the request's Host header (anyone's choice).
    app.router.redirect_slashes = False
    return app


def erlaubt(routes: list[BaseRoute], path: str) -> str:
    """The methods of every route on this path (Starlette names only those of the first that matches)."""
    methoden = {m for r in routes if isinstance(r, Route) and r.methods and r.path_regex.match(path)
                for m in r.methods}
    return ", ".join(sorted(methoden))


LOOPBACK = frozenset({"127.0.0.1", "localhost", "::1"})


class HostGuard:
    """A fake bound to loopback answers only to loopback names: a web page whose name an attacker
    re-points to 127.0.0.1 (DNS rebinding) would otherwise be "the same site" and could reset a fake or
    read its state. Bound to another address (``--host``), every name is allowed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            host = Headers(scope=scope).get("host", "")
            name = host.rsplit(":", 1)[0] if not host.startswith("[") else host[1:].split("]", 1)[0]
            if name.lower() not in LOOPBACK:
                f = HOST_FREMD.refuse(host=host[:100])
                antwort = JSONResponse({"error": f.message, "code": f.code}, status_code=400,
                                       headers={"X-Fehlercode": f.code})
                await antwort(scope, receive, send)
                return
        await self.app(scope, receive, send)


class SameOrigin:
    """A request that changes data must come from the fake's own pages or from a program: a browser
    names the page that sent it (``Origin``, ``Sec-Fetch-Site``); another site's page is refused."""

    def __init__(self, app: ASGIApp, *, answer: Callable[[Scope, str], Response]) -> None:
        self.app, self.answer = app, answer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in UNSAFE:
            herkunft = fremd(Headers(scope=scope), scope.get("scheme", "http"))
            if herkunft is not None:
                await self.answer(scope, herkunft)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def fremd(headers: Headers, scheme: str) -> str | None:
    """The other site a browser says sent this request, None if it is the same site or no browser.
    An ``Origin`` that cannot be read counts as another site."""
    origin = headers.get("origin")
    if origin is not None:
        try:
            teile = urlsplit(origin)
            eigene = teile.scheme == scheme and teile.netloc.lower() == headers.get("host", "").lower()
        except ValueError:  # e.g. "http://[::1"
            eigene = False
        if origin == "null" or not eigene:
            return origin
    if headers.get("sec-fetch-site") == "cross-site":
        return headers.get("referer") or "eine andere Seite"
    return None


class ConcurrencyLimit:
    """At most ``limit`` requests at once; the next one gets 503 in the fake's error shape at once –
    never a hang, never uvicorn's English text. One event loop per fake: no lock needed."""

    def __init__(self, app: ASGIApp, *, limit: int, answer: Callable[[Scope, int], Response]) -> None:
        self.app, self.limit, self.answer, self.running = app, limit, answer, 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.running >= self.limit:
            await self.answer(scope, self.limit)(scope, receive, send)
            return
        self.running += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.running -= 1


def _wants_html(request: Request) -> bool:
    if request.url.path.removeprefix(WURZEL.get()).startswith(("/api", "/_steuerung", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")
