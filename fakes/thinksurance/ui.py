"""Switch URL and the Gewerbeplattform pages a broker sees after the jump."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fakes.common.errors import FachFehler
from fakes.common.web import Seiten, im_modell, weiter

from .models import Thinksurance, broker_als_dict, kunde_als_dict

SITZUNG = "ts_sitzung"


def routen(ts: Thinksurance, seiten: Seiten) -> list[Route]:
    async def start(request: Request) -> Response:
        return seiten.html("start.html")

    async def switch(request: Request) -> Response:
        try:
            sitzung, s = await im_modell(ts, ts.switch_oeffnen, request.path_params["id"])
        except FachFehler as f:
            return seiten.html("fehler.html", status=410 if f.code != "TS_SWITCH_UNBEKANNT" else 404,
                               meldung=f.meldung, code=f.code)
        ziel = f"/gewerbeplattform/kunden/{s.cExternalId}" if s.cExternalId else "/gewerbeplattform"
        antwort = weiter(ziel)
        antwort.set_cookie(SITZUNG, sitzung, httponly=True, samesite="lax")
        return antwort

    def _dashboard(sitzung: str | None) -> dict:
        b = ts.angemeldeter_broker(sitzung)
        kunden = [kunde_als_dict(k) for k in ts.kunden.values() if k.bToken == b.bToken]
        return {"broker": broker_als_dict(b), "kunden": kunden}

    def _kunde(sitzung: str | None, c_id: str) -> dict:
        b = ts.angemeldeter_broker(sitzung)
        k = ts.kunde_fuer(b, c_id)
        return {"broker": broker_als_dict(b), "kunde": kunde_als_dict(k)}

    async def dashboard(request: Request) -> Response:
        try:
            daten = await im_modell(ts, _dashboard, request.cookies.get(SITZUNG))
        except FachFehler as f:
            return seiten.html("fehler.html", status=401, meldung=f.meldung, code=f.code)
        return seiten.html("dashboard.html", **daten)

    async def kunde(request: Request) -> Response:
        try:
            daten = await im_modell(ts, _kunde, request.cookies.get(SITZUNG),
                                    request.path_params["kunde"])
        except FachFehler as f:
            return seiten.html("fehler.html", status=401 if f.code == "TS_NICHT_ANGEMELDET" else 404,
                               meldung=f.meldung, code=f.code)
        return seiten.html("kunde.html", **daten)

    return [
        Route("/", start),
        Route("/switch/{id}", switch),
        Route("/gewerbeplattform", dashboard),
        Route("/gewerbeplattform/kunden/{kunde}", kunde),
    ]
