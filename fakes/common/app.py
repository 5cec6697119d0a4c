"""Assembles a fake's Starlette app: JSON API, control API, OpenAPI, pages, error answers."""

from __future__ import annotations

from typing import Any, Callable

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from .control import control_endpoints
from .endpoints import Endpoint, route
from .errors import METHODE_FALSCH, PFAD_UNBEKANNT, STEUERUNG_AUS, Kind, Refusal
from .openapi import openapi
from .pages import Pages
from .state import FakeState

STATUS_BY_KIND = {Kind.INVALID: 400, Kind.UNAUTHENTICATED: 401, Kind.FORBIDDEN: 403,
                  Kind.NOT_FOUND: 404, Kind.CONFLICT: 409, Kind.TOO_LARGE: 413}


def _default_body(f: Refusal) -> dict[str, Any]:
    return {"error": f.message, "code": f.code}


def build_app(*, system: str, title: str, state: FakeState, endpoints: list[Endpoint],
              ui_routes: list[BaseRoute], pages: Pages, dump: Callable[[], dict[str, Any]],
              control_on: bool = True, error_body: Callable[[Refusal], dict[str, Any]] = _default_body,
              status_by_kind: dict[Kind, int] | None = None) -> Starlette:
    statuses = {**STATUS_BY_KIND, **(status_by_kind or {})}
    everything = list(endpoints)
    if control_on:
        everything += control_endpoints(state, dump)

    def error_answer(request: Request, f: Refusal, status: int) -> Response:
        if _wants_html(request):
            return pages.html("fehler.html", status=status, meldung=f.message, code=f.code)
        return JSONResponse(error_body(f), status_code=status, headers={"X-Fehlercode": f.code})

    async def on_refusal(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, Refusal)
        return error_answer(request, exc, statuses[exc.rule.kind])

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return error_answer(request, PFAD_UNBEKANNT.refuse(), 404)
        if exc.status_code == 405:
            return error_answer(request, METHODE_FALSCH.refuse(), 405)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    schema = openapi(title, everything)

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(schema)

    async def control_off(request: Request) -> Response:
        raise STEUERUNG_AUS.refuse()

    routes: list[BaseRoute] = [route(e, state) for e in everything]
    routes.append(Route("/openapi.json", openapi_json, methods=["GET"]))
    if not control_on:
        routes.append(Route("/_steuerung/{rest:path}", control_off, methods=["GET", "POST"]))
    routes += ui_routes
    app = Starlette(routes=routes, exception_handlers={Refusal: on_refusal, HTTPException: on_http})
    app.state.model = state
    app.state.system = system
    app.state.openapi = schema
    return app


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith(("/api", "/_steuerung", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")
