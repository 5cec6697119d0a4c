"""assfinet drive: the cloud's admin pages, labelled as the guide names them."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from fakes.common.endpoints import in_model
from fakes.common.errors import Refusal
from fakes.common.pages import Form, Pages, redirect, run_action

from .api import bestand_json
from .daten import ROLLEN, ZWECKE
from .models import Cloud


def routes(c: Cloud, pages: Pages) -> list[BaseRoute]:
    async def seite(request: Request, vorlage: str, bereich: str, status: int = 200,
                    **kontext: object) -> Response:
        bid = request.path_params["bestand"]
        try:
            b = await in_model(c, lambda: bestand_json(c.bestand(bid)))
        except Refusal as f:
            return pages.html("fehler.html", status=404, meldung=f.message, code=f.code)
        return pages.html(vorlage, status=status, b=b, bereich=bereich, zwecke=ZWECKE, rollen=ROLLEN, **kontext)

    async def start(request: Request) -> Response:
        ids = await in_model(c, lambda: sorted(c.bestaende))
        if len(ids) == 1:
            return redirect(f"/drive/{ids[0]}")
        return pages.html("start.html", bestaende=ids)

    async def bestand(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "uebersicht.html", "start")
        form = await Form.read(request)  # Benutzer: Rolle ändern
        _, fehler = await run_action(c, c.rolle_aendern, request.path_params["bestand"], form.text("email"),
                                     form.text("rolle"))
        return await seite(request, "uebersicht.html", "start", status=400 if fehler else 200, meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Die Rolle wurde geändert.")

    async def concenter_benutzer_hinterlegen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "concenter.html", "concenter")
        form = await Form.read(request)
        _, fehler = await run_action(c, c.concenter_benutzer_hinterlegen, request.path_params["bestand"],
                                     form.text("name"))
        return await seite(request, "concenter.html", "concenter", status=400 if fehler else 200,
                           meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Der con:center Benutzer wurde gespeichert.")

    async def token_hinzufuegen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "api.html", "api")
        form = await Form.read(request)
        ergebnis, fehler = await run_action(
            c, c.token_hinzufuegen, request.path_params["bestand"], zweck=form.text("zweck"),
            concenter_benutzer=form.text("concenter_benutzer"), name=form.text("name"))
        neu = {"name": ergebnis[0].name, "access_token": ergebnis[1]} if ergebnis else None
        return await seite(request, "api.html", "api", status=400 if fehler else 201,
                           meldung_fehler=fehler, neuer_token=neu)

    async def freischaltung_anlegen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "freischaltungen.html", "freischaltungen")
        bid = request.path_params["bestand"]
        form = await Form.read(request)
        art = form.text("art")
        if art == "kunde":
            _, fehler = await run_action(
                c, c.kundenfreischaltung_anlegen, bid, name=form.text("name"), kunden=form.list("kunden"),
                geteilt_mit=form.list("geteilt_mit"), hauptfreischaltung=form.checked("hauptfreischaltung"))
        elif art == "vermittler":
            _, fehler = await run_action(
                c, c.vm_freischaltung_anlegen, bid, name=form.text("name"),
                vermittler=form.text("vermittler") or None, geteilt_mit=form.list("geteilt_mit"),
                sachbearbeiter=form.text("sachbearbeiter"), hauptfreischaltung=form.checked("hauptfreischaltung"))
        else:
            _, fehler = await run_action(c, c.hauptfreischaltung_festlegen, bid, form.text("freischaltung"),
                                         form.text("email"))
        return await seite(request, "freischaltungen.html", "freischaltungen",
                           status=400 if fehler else 200, meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Die Freischaltung wurde gespeichert.")

    async def mitarbeiterzugriff_eintragen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "mitarbeiterzugriff.html", "mitarbeiterzugriff")
        form = await Form.read(request)
        _, fehler = await run_action(c, c.mitarbeiterzugriff_eintragen, request.path_params["bestand"],
                                     form.text("email"))
        return await seite(request, "mitarbeiterzugriff.html", "mitarbeiterzugriff",
                           status=400 if fehler else 200, meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Der Benutzer wurde eingetragen.")

    lesen_schreiben = ["GET", "POST"]
    return [
        Route("/", start),
        Route("/drive/{bestand}", bestand, methods=lesen_schreiben),
        Route("/drive/{bestand}/allgemein/concenter", concenter_benutzer_hinterlegen, methods=lesen_schreiben),
        Route("/drive/{bestand}/api", token_hinzufuegen, methods=lesen_schreiben),
        Route("/drive/{bestand}/freischaltungen", freischaltung_anlegen, methods=lesen_schreiben),
        Route("/drive/{bestand}/mitarbeiterzugriff", mitarbeiterzugriff_eintragen, methods=lesen_schreiben),
    ]
