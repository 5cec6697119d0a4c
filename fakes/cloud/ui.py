"""assfinet drive: the cloud's admin pages, labelled as the guide names them."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fakes.common.errors import FachFehler
from fakes.common.ui import Formular, ausfuehren
from fakes.common.web import Seiten, im_modell, weiter

from .models import ZWECKE, Cloud, bestand_als_dict


def routen(c: Cloud, seiten: Seiten) -> list[Route]:
    async def seite(request: Request, vorlage: str, bereich: str, status: int = 200,
                    **kontext: object) -> Response:
        bid = request.path_params["bestand"]
        try:
            b = await im_modell(c, lambda: bestand_als_dict(c.bestand(bid)))
        except FachFehler as f:
            return seiten.html("fehler.html", status=404, meldung=f.meldung, code=f.code)
        return seiten.html(vorlage, status=status, b=b, bereich=bereich, zwecke=ZWECKE, **kontext)

    async def start(request: Request) -> Response:
        ids = await im_modell(c, lambda: sorted(c.bestaende))
        if len(ids) == 1:
            return weiter(f"/drive/{ids[0]}")
        return seiten.html("start.html", bestaende=ids)

    async def uebersicht(request: Request) -> Response:
        return await seite(request, "uebersicht.html", "start")

    async def concenter(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "concenter.html", "concenter")
        form = await Formular.lesen(request)
        _, fehler = await ausfuehren(c, c.concenter_benutzer_hinterlegen,
                                     request.path_params["bestand"], form.text("name"))
        return await seite(request, "concenter.html", "concenter", status=400 if fehler else 200,
                           meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Der con:center Benutzer wurde gespeichert.")

    async def api(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "api.html", "api")
        form = await Formular.lesen(request)
        ergebnis, fehler = await ausfuehren(
            c, c.token_hinzufuegen, request.path_params["bestand"], zweck=form.text("zweck"),
            concenter_benutzer=form.text("concenter_benutzer"), name=form.text("name"))
        neu = {"name": ergebnis[0].name, "access_token": ergebnis[1]} if ergebnis else None
        return await seite(request, "api.html", "api", status=400 if fehler else 201,
                           meldung_fehler=fehler, neuer_token=neu)

    async def freischaltungen(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "freischaltungen.html", "freischaltungen")
        bid = request.path_params["bestand"]
        form = await Formular.lesen(request)
        art = form.text("art")
        if art == "kunde":
            _, fehler = await ausfuehren(
                c, c.kundenfreischaltung_anlegen, bid, name=form.text("name"),
                kunden=form.liste("kunden"), geteilt_mit=form.liste("geteilt_mit"),
                hauptfreischaltung=form.haken("hauptfreischaltung"))
        elif art == "vermittler":
            _, fehler = await ausfuehren(
                c, c.vm_freischaltung_anlegen, bid, name=form.text("name"),
                vermittler=form.text("vermittler") or None, geteilt_mit=form.liste("geteilt_mit"),
                sachbearbeiter=form.text("sachbearbeiter"),
                hauptfreischaltung=form.haken("hauptfreischaltung"))
        else:
            _, fehler = await ausfuehren(c, c.hauptfreischaltung_festlegen, bid,
                                         form.text("freischaltung"), form.text("email"))
        return await seite(request, "freischaltungen.html", "freischaltungen",
                           status=400 if fehler else 200, meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Die Freischaltung wurde gespeichert.")

    async def mitarbeiterzugriff(request: Request) -> Response:
        if request.method == "GET":
            return await seite(request, "mitarbeiterzugriff.html", "mitarbeiterzugriff")
        form = await Formular.lesen(request)
        _, fehler = await ausfuehren(c, c.mitarbeiterzugriff_eintragen,
                                     request.path_params["bestand"], form.text("email"))
        return await seite(request, "mitarbeiterzugriff.html", "mitarbeiterzugriff",
                           status=400 if fehler else 200, meldung_fehler=fehler,
                           meldung_erfolg=None if fehler else "Der Benutzer wurde eingetragen.")

    lesen_schreiben = ["GET", "POST"]
    return [
        Route("/", start),
        Route("/drive/{bestand}", uebersicht),
        Route("/drive/{bestand}/allgemein/concenter", concenter, methods=lesen_schreiben),
        Route("/drive/{bestand}/api", api, methods=lesen_schreiben),
        Route("/drive/{bestand}/freischaltungen", freischaltungen, methods=lesen_schreiben),
        Route("/drive/{bestand}/mitarbeiterzugriff", mitarbeiterzugriff, methods=lesen_schreiben),
    ]
