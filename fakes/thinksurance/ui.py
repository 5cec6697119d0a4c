"""Switch URL and the Gewerbeplattform pages a broker sees after the jump."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from basis.kundenfelder import auf_der_plattform
from fakes.common.endpoints import in_model
from fakes.common.errors import Refusal
from fakes.common.pages import Pages, redirect, session_cookie, set_session_cookie

from .api import broker_json, kunde_json
from .models import Thinksurance

SITZUNG = "ts_sitzung"


def routes(ts: Thinksurance, pages: Pages) -> list[BaseRoute]:
    async def start(request: Request) -> Response:
        return pages.html("start.html")

    async def switch(request: Request) -> Response:
        try:
            sitzung, s = await in_model(ts, ts.switch_oeffnen, request.path_params["id"])
        except Refusal as f:
            return pages.html("fehler.html", status=410 if f.code != "TS_SWITCH_UNBEKANNT" else 404,
                              meldung=f.message, code=f.code)
        ziel = f"/gewerbeplattform/kunden/{s.cExternalId}" if s.cExternalId else "/gewerbeplattform"
        antwort = redirect(ziel)
        set_session_cookie(antwort, SITZUNG, sitzung)
        return antwort

    def _dashboard(sitzung: str | None) -> dict[str, Any]:
        b = ts.angemeldeter_broker(sitzung)
        kunden = [kunde_json(k) for k in ts.kunden.values() if k.bToken == b.bToken]
        return {"broker": broker_json(b), "kunden": kunden}

    def _kunde(sitzung: str | None, c_id: str) -> dict[str, Any]:
        b = ts.angemeldeter_broker(sitzung)
        k = ts.kunde_fuer(b, c_id)
        felder = [(f.cloud, f.label, wert) for f, wert in auf_der_plattform(k.daten, k.profil)]
        return {"broker": broker_json(b), "kunde": kunde_json(k), "felder": felder}

    async def dashboard(request: Request) -> Response:
        try:
            daten = await in_model(ts, _dashboard, session_cookie(request, SITZUNG))
        except Refusal as f:
            return pages.html("fehler.html", status=401, meldung=f.message, code=f.code)
        return pages.html("dashboard.html", **daten)

    async def kunde(request: Request) -> Response:
        try:
            daten = await in_model(ts, _kunde, session_cookie(request, SITZUNG),
                                   request.path_params["kunde"])
        except Refusal as f:
            return pages.html("fehler.html", status=401 if f.code == "TS_NICHT_ANGEMELDET" else 404,
                              meldung=f.message, code=f.code)
        return pages.html("kunde.html", **daten)

    return [
        Route("/", start),
        Route("/switch/{id}", switch),
        Route("/gewerbeplattform", dashboard),
        Route("/gewerbeplattform/kunden/{kunde}", kunde),
    ]
