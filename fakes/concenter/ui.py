"""con:center pages: login, Einstellungen → Produktgeber, launch, Absprung-Protokoll."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from fakes.common.endpoints import in_model
from fakes.common.errors import Refusal
from fakes.common.maske import teilweise
from fakes.common.pages import Form, Pages, redirect, run_action

from .absprung import Neighbours
from .api import eintrag_json
from .daten import PRODUKTGEBER
from .models import Concenter

SITZUNG = "cc_benutzer"


def routes(cc: Concenter, pages: Pages, neighbours: Neighbours) -> list[BaseRoute]:
    def angemeldet(request: Request) -> str | None:
        name = request.cookies.get(SITZUNG)
        return name if name in cc.benutzer else None

    async def anmelden(request: Request) -> Response:
        if request.method == "GET":
            return pages.html("anmelden.html")
        form = await Form.read(request)
        b, fehler = await run_action(cc, cc.anmelden, form.text("benutzer"), form.text("passwort"))
        if fehler:
            return pages.html("anmelden.html", status=401, meldung_fehler=fehler)
        antwort = redirect("/einstellungen/produktgeber")
        antwort.set_cookie(SITZUNG, b.name, httponly=True, samesite="lax")
        return antwort

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
            # An empty secret field means "keep": the stored value is never shown, so it cannot be re-sent.
            werte = {f: form.text(f) for f in PRODUKTGEBER.get(pg, ()) if form.text(f).strip()}
            _, fehler = await run_action(cc, cc.produktgeber_einstellungen_aendern, name, pg, werte)
            erfolg = None if fehler else "Die Einstellungen wurden aktualisiert."
        werte, lesefehler = await run_action(cc, cc.produktgeber_einstellungen, name, pg)
        if lesefehler:
            return pages.html("fehler.html", status=404, meldung=lesefehler, code="CC_PRODUKTGEBER_UNBEKANNT")
        masken = {feld: teilweise(wert) for feld, wert in (werte or {}).items()}
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
        eintraege = await in_model(cc, lambda: [eintrag_json(e) for e in cc.protokoll_lesen()])
        return pages.html("protokoll.html", eintraege=eintraege)

    return [
        Route("/", anmelden, methods=["GET", "POST"]),
        Route("/einstellungen/produktgeber", produktgeber_liste),
        Route("/einstellungen/produktgeber/{produktgeber}", produktgeber_einstellungen, methods=["GET", "POST"]),
        Route("/start/{ticket}", start_ausfuehren),
        Route("/protokoll", protokoll_lesen),
    ]
