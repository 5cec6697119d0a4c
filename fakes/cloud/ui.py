"""assfinet drive: the cloud's admin pages, labelled as the guide names them."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from fakes.common.endpoints import Endpoint, in_model
from fakes.common.errors import Refusal
from fakes.common.pages import Form, Pages, formular, redirect

from .api import bestand_json
from .daten import ROLLEN, ZWECKE
from .models import Cloud


def routes(c: Cloud, pages: Pages, api: dict[str, Endpoint]) -> list[BaseRoute]:
    """``api``: the JSON API's endpoints by operation; every form goes through one of them."""

    async def seite(request: Request, vorlage: str, bereich: str, status: int = 200,
                    **kontext: object) -> Response:
        bid = request.path_params["bestand"]
        try:
            b = await in_model(c, lambda: bestand_json(c.bestand(bid)))
        except Refusal as f:
            return pages.html("fehler.html", status=404, meldung=f.message, code=f.code)
        return pages.html(vorlage, status=status, b=b, bereich=bereich, zwecke=ZWECKE, rollen=ROLLEN, **kontext)

    async def absenden(request: Request, operation: str, vorlage: str, bereich: str, erfolg: str,
                       **pfad: str) -> Response:
        """A form through the API's endpoint; a refusal shows its message and keeps the input."""
        form = await Form.read(request)
        _, fehler = await formular(c, api[operation], form, {"bestand": request.path_params["bestand"], **pfad})
        return await seite(request, vorlage, bereich, status=400 if fehler else 200, meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else erfolg, eingabe=form.werte() if fehler else {})

    async def start(request: Request) -> Response:
        ids = await in_model(c, lambda: sorted(c.bestaende))
        if len(ids) == 1:
            return redirect(f"/drive/{ids[0]}")
        return pages.html("start.html", bestaende=ids)

    async def bestand(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "uebersicht.html", "start")
        return await absenden(request, "rolle_aendern", "uebersicht.html", "start", "Die Rolle wurde geändert.")

    async def concenter_benutzer_hinterlegen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "concenter.html", "concenter")
        return await absenden(request, "concenter_benutzer_hinterlegen", "concenter.html", "concenter",
                              "Der con:center Benutzer wurde gespeichert.")

    async def token_hinzufuegen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "api.html", "api")
        form = await Form.read(request)
        ergebnis, fehler = await formular(c, api["token_hinzufuegen"], form,
                                          {"bestand": request.path_params["bestand"]})
        neu = {"name": ergebnis["name"], "access_token": ergebnis["access_token"]} if ergebnis else None
        return await seite(request, "api.html", "api", status=400 if fehler else 201, meldung_fehler=fehler,
                           neuer_token=neu, eingabe=form.werte() if fehler else {})

    async def freischaltung_anlegen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "freischaltungen.html", "freischaltungen")
        form = await Form.read(request)
        art = form.text("art")
        operation = {"kunde": "kundenfreischaltung_anlegen", "vermittler": "vm_freischaltung_anlegen"}.get(
            art, "hauptfreischaltung_festlegen")
        pfad = {"bestand": request.path_params["bestand"], "freischaltung": form.text("freischaltung")}
        _, fehler = await formular(c, api[operation], _ohne(form, "art", "freischaltung"), pfad)
        return await seite(request, "freischaltungen.html", "freischaltungen", status=400 if fehler else 200,
                           meldung_fehler=fehler, meldung_erfolg=None if fehler else "Die Freischaltung wurde gespeichert.",
                           eingabe={**form.werte(), "art": art} if fehler else {})

    async def mitarbeiterzugriff_eintragen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "mitarbeiterzugriff.html", "mitarbeiterzugriff")
        return await absenden(request, "mitarbeiterzugriff_eintragen", "mitarbeiterzugriff.html",
                              "mitarbeiterzugriff", "Der Benutzer wurde eingetragen.")

    lesen_schreiben = ["GET", "POST"]
    return [
        Route("/", start),
        Route("/drive/{bestand}", bestand, methods=lesen_schreiben),
        Route("/drive/{bestand}/allgemein/concenter", concenter_benutzer_hinterlegen, methods=lesen_schreiben),
        Route("/drive/{bestand}/api", token_hinzufuegen, methods=lesen_schreiben),
        Route("/drive/{bestand}/freischaltungen", freischaltung_anlegen, methods=lesen_schreiben),
        Route("/drive/{bestand}/mitarbeiterzugriff", mitarbeiterzugriff_eintragen, methods=lesen_schreiben),
    ]


def _ohne(form: Form, *felder: str) -> Form:
    """The form without the fields that only steer the page (which form, which Freischaltung)."""
    return Form({k: v for k, v in form.werte().items() if k not in felder} | {
        k: ",".join(form.list(k)) for k in ("kunden", "geteilt_mit") if form.list(k)})
