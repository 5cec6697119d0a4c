"""con:center pages: login, Einstellungen → Produktgeber, launch, Absprung-Protokoll."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from fakes.common.endpoints import Endpoint, in_model
from fakes.common.errors import Refusal
from fakes.common.masking import partly
from fakes.common.pages import (
    Form,
    Pages,
    abmelden_und_zur_anmeldung,
    formular,
    redirect,
    run_action,
    session_cookie,
    set_session_cookie,
)
from fakes.common.schema import Schema

from .api import eintrag_json
from .daten import PRODUKTGEBER
from .models import Concenter, Neighbours

SITZUNG = "cc_benutzer"
SEITE_UI = 50  # launch-log entries per page


def routes(cc: Concenter, pages: Pages, neighbours: Neighbours, api: dict[str, Endpoint]) -> list[BaseRoute]:
    """``api``: the JSON API's endpoints by operation; forms are checked by their schemas."""
    def angemeldet(request: Request) -> str | None:
        name = cc.sitzungen.read(session_cookie(request, SITZUNG))
        return name if name in cc.benutzer else None

    async def anmelden(request: Request) -> Response:
        if request.method == "GET":
            return pages.html("anmelden.html")
        form = await Form.read(request)
        werte, fehler = form.gueltig(api["produktfreischaltungen"].body or Schema({}))  # the API's login
        b = None
        if werte is not None:
            b, fehler = await run_action(cc, cc.anmelden, werte["benutzer"], werte["passwort"])
        if fehler or b is None:
            return pages.html("anmelden.html", status=401, meldung_fehler=fehler,
                              eingabe={"benutzer": form.text("benutzer")})
        antwort = redirect("/einstellungen/produktgeber")
        set_session_cookie(antwort, SITZUNG, await in_model(cc, cc.sitzungen.issue, b.name))
        return antwort

    async def abmelden(request: Request) -> Response:
        return await abmelden_und_zur_anmeldung(cc, cc.sitzungen, request, SITZUNG)

    async def produktgeber_liste(request: Request) -> Response:
        name = angemeldet(request)
        if name is None:
            return redirect("/")
        return pages.html("produktgeber.html", benutzer=name, produktgeber=list(PRODUKTGEBER))

    async def produktgeber_einstellungen(request: Request) -> Response:
        name = angemeldet(request)
        if name is None:
            return redirect("/")
        pg = request.path_params["produktgeber"]
        fehler = erfolg = None
        if request.method == "POST":
            form = await Form.read(request)
            # An empty secret field keeps the stored value (it is never shown, so it cannot be sent
            # again); removing one is the explicit tick "entfernen". Then the API's own PATCH.
            werte = {f: form.text(f) for f in PRODUKTGEBER.get(pg, ()) if form.text(f)}
            werte |= {f: "" for f in PRODUKTGEBER.get(pg, ()) if form.checked(f"{f}_entfernen")}
            _, fehler = await formular(cc, api["produktgeber_einstellungen_aendern"], Form(werte),
                                       {"benutzer": name, "produktgeber": pg})
            erfolg = None if fehler else "Die Einstellungen wurden aktualisiert."
        werte, lesefehler = await run_action(cc, cc.produktgeber_einstellungen, name, pg)
        if lesefehler:
            return pages.html("fehler.html", status=404, meldung=lesefehler, code="CC_PRODUKTGEBER_UNBEKANNT")
        masken = {feld: partly(wert) for feld, wert in (werte or {}).items()}
        return pages.html("produktgeber_einstellungen.html", status=400 if fehler else 200, benutzer=name,
                          produktgeber=pg, felder=list(masken), masken=masken, meldung_fehler=fehler,
                          meldung_erfolg=erfolg)

    async def start_ausfuehren(request: Request) -> Response:
        try:
            eintrag, url = await in_model(cc, cc.start_ausfuehren, request.path_params["ticket"], neighbours)
        except Refusal as f:
            return pages.html("fehler.html", status=404, meldung=f.message, code=f.code)
        if url is None:
            return pages.html("start_fehler.html", status=403, e=eintrag_json(eintrag))
        return redirect(url)

    async def protokoll_lesen(request: Request) -> Response:
        roh = request.query_params.get("seite", "1")
        seite = int(roh) if roh.isdigit() and 1 <= int(roh) <= 100_000 else 1

        def lesen() -> tuple[list[dict[str, Any]], int, int]:
            seiten = max(1, -(-len(cc.protokoll) // SEITE_UI))
            eintraege, gesamt = cc.protokoll_lesen(min(seite, seiten), SEITE_UI)
            return [eintrag_json(e) for e in eintraege], gesamt, seiten

        eintraege, gesamt, seiten = await in_model(cc, lesen)
        return pages.html("protokoll.html", eintraege=eintraege, seite=min(seite, seiten), gesamt=gesamt,
                          seiten=seiten)

    return [
        Route("/", anmelden, methods=["GET", "POST"]),
        Route("/abmelden", abmelden, methods=["POST"]),
        Route("/einstellungen/produktgeber", produktgeber_liste),
        Route("/einstellungen/produktgeber/{produktgeber}", produktgeber_einstellungen, methods=["GET", "POST"]),
        Route("/start/{ticket}", start_ausfuehren),
        Route("/protokoll", protokoll_lesen),
    ]
