"""The Schulung app: per world (the single one at ``/``, each seat at ``/platz/<kennung>/``) the exercise
(choose, start over, hints, give up, solution after solving), Prüfen (the diagnosis of that world) and
Support (what support does); with seats, the trainer's overview at ``/trainer`` (trainer password)."""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any, Awaitable, Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from basis import leitfaden
from basis.systeme import NAMEN, TITEL
from fakes.common.app import web_app
from fakes.common.errors import PASSWORT_NOETIG, PFAD_UNBEKANNT, PLATZ_UNBEKANNT, Refusal
from fakes.common.pages import Form, Pages, redirect
from fakes.common.plaetze import passwort_richtig
from fakes.server import demo_access
from fakes.serving import fake_module

from ..diagnose import fall as fallakte
from ..diagnose.modell import IN_ORDNUNG
from ..errors import AbsprungError
from ..ursachen.aufgaben import AUFGABE, AUFGABEN
from .raum import AUFGEGEBEN, GELOEST, HINWEISE, Platz, Schulungsraum

Seite = Callable[[Request, Platz], Awaitable[Response]]


def create(raum: Schulungsraum) -> Starlette:
    pages = Pages(Path(__file__).parent / "templates", "schulung", "Schulungsumgebung", rahmen="schulung.html")

    def demo(platz: Platz) -> list[str]:
        """The demo logins of this world, as python -m fakes prints them (all invented): a trainee at
        another PC does not see that terminal."""
        return [line for s, z in demo_access(platz.urls).items()
                for line in getattr(fake_module(s), "demo_zeilen", lambda _: [])(z)]

    def kontext(platz: Platz, **mehr: Any) -> dict[str, Any]:
        v = platz.versuch
        fertig = v is not None and v.zustand in (GELOEST, AUFGEGEBEN)
        return {"platz": platz, "versuch": v, "fertig": fertig, "aufgaben": AUFGABEN, "hinweise_max": HINWEISE,
                "systeme": [(TITEL[s], platz.urls[s]) for s in NAMEN], "urls": platz.urls, "basis_pfad": platz.pfad,
                "steuerung": raum.steuerung, "demo": demo(platz), **mehr}

    def platz_von(request: Request) -> Platz:
        kennung = request.path_params.get("kennung")
        if kennung is None:
            return raum.plaetze[0]
        platz = raum.nach_kennung.get(kennung)
        if platz is None:
            raise PLATZ_UNBEKANNT.refuse()
        return platz

    def passwort_fehlt(request: Request) -> Response | None:
        """A German 401 page asking for the trainer password (the browser then asks), or None if it came."""
        assert raum.passwort is not None
        if passwort_richtig(Headers(scope=request.scope), raum.passwort.reveal()):
            return None
        f = PASSWORT_NOETIG.refuse()
        antwort = pages.html("fehler.html", status=401, meldung=f.message, code=f.code, **kontext(raum.plaetze[0]))
        antwort.headers["WWW-Authenticate"] = 'Basic realm="Schulung"'
        return antwort

    def je_platz(seite: Seite) -> Callable[[Request], Awaitable[Response]]:
        async def handler(request: Request) -> Response:
            platz = platz_von(request)
            # The fakes' own world acts through the control API with the trainer password: with a group it is
            # the trainer's alone, reachable from other PCs its changes need the password too.
            if platz.nummer == 0 and raum.passwort is not None and (len(raum.plaetze) > 1
                                                                    or request.method == "POST"):
                verweigert = passwort_fehlt(request)
                if verweigert is not None:
                    return verweigert
            return await seite(request, platz)
        return handler

    async def zum_platz(request: Request) -> Response:
        return redirect(f"{platz_von(request).pfad}/")

    async def start(request: Request, platz: Platz) -> Response:
        return pages.html("start.html", **kontext(platz, bereich="start"))

    async def aktion(request: Request, platz: Platz) -> Response:
        form = await Form.read(request)
        was = form.text("aktion")
        try:
            if was in ("waehlen", "neu"):
                name = form.text("uebung") if was == "waehlen" else (platz.versuch.aufgabe.name if platz.versuch
                                                                       else "")
                aufgabe = AUFGABE.get(name) if name else None
                if name and aufgabe is None:
                    raise AbsprungError("Bitte eine Übung aus der Liste wählen.")
                await run_in_threadpool(raum.beginnen, platz, aufgabe)  # blocking HTTP: never in the event loop
            elif was == "hinweis":
                raum.hinweis(platz)
            elif was == "aufgeben":
                raum.aufgeben(platz)
            else:
                raise AbsprungError("Unbekannte Aktion.")
        except AbsprungError as f:
            return pages.html("start.html", status=400, **kontext(platz, bereich="start", meldung_fehler=str(f)))
        return redirect(f"{platz.pfad}/")

    async def pruefen_seite(request: Request, platz: Platz) -> Response:
        try:
            d = await run_in_threadpool(raum.pruefen, platz)
        except AbsprungError as f:
            return pages.html("pruefen.html", status=503, **kontext(platz, bereich="pruefen", meldung_fehler=str(f)))
        return pages.html("pruefen.html", **kontext(platz, bereich="pruefen", d=d, behoben=d.ergebnis == IN_ORDNUNG))

    async def support(request: Request, platz: Platz) -> Response:
        erfolg = fehler = None
        if request.method == "POST":
            form = await Form.read(request)
            try:
                erfolg = await run_in_threadpool(_support, raum, platz, form)
            except AbsprungError as f:
                fehler = str(f)
        return pages.html("support.html", status=400 if fehler else 200,
                          **kontext(platz, bereich="support", features=leitfaden.FEATURES, meldung_erfolg=erfolg,
                                    meldung_fehler=fehler))

    def trainer(seite: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        """Only with seats, only with the trainer password (HTTP Basic: the browser asks for it)."""
        async def handler(request: Request) -> Response:
            if raum.passwort is None or len(raum.plaetze) < 2:  # one world: no group, no overview
                raise PFAD_UNBEKANNT.refuse()
            return passwort_fehlt(request) or await seite(request)
        return handler

    def trainerseite(status: int = 200, fehler: str | None = None) -> Response:
        plaetze = [p for n, p in sorted(raum.plaetze.items()) if n]
        return pages.html("trainer.html", status=status, **kontext(
            raum.plaetze[0], bereich="trainer", zeilen=list(zip(raum.stand(), plaetze)), plaetze=plaetze,
            meldung_fehler=fehler))

    async def uebersicht(request: Request) -> Response:
        return trainerseite()

    async def stand(request: Request) -> Response:
        return JSONResponse({"plaetze": raum.stand()}, headers={"Cache-Control": "no-store"})

    async def ergebnisse(request: Request) -> Response:
        return Response(raum.ergebnisse_csv().encode("utf-8-sig"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="schulung-ergebnisse.csv"'})

    async def trainer_aktion(request: Request) -> Response:
        form = await Form.read(request)
        ziel = form.text("platz")
        plaetze = [p for n, p in sorted(raum.plaetze.items()) if n and (ziel == "alle" or str(n) == ziel)]
        name, was = form.text("uebung"), form.text("aktion")
        aufgabe = AUFGABE.get(name) if was == "zuweisen" else None
        if was == "fall":  # a colleague's case file: the seat gets the exercise of its first cause
            try:
                aufgabe = fallakte.lesen(form.text("fall"), "Der eingefügte Text").aufgabe
            except fallakte.FalscherFall as f:
                return trainerseite(400, str(f))
            if aufgabe is None:
                return trainerseite(400, "In diesem Fall fand die Diagnose keine Ursache – nichts nachzustellen.")
            was = "zuweisen"
        if not plaetze or was not in ("zuweisen", "zuruecksetzen") or (was == "zuweisen" and aufgabe is None):
            return trainerseite(400, "Bitte einen Platz (oder alle) und, zum Zuweisen, eine Übung wählen.")
        if not raum.steuerung:
            return trainerseite(400, "Zuweisen und Zurücksetzen brauchen die Steuerung der Fakes "
                                     "(nicht --ohne-steuerung).")
        for p in plaetze:  # each in the background: the page answers at once, the table shows the progress
            p.vorbereitung = True
            raum.hintergrund(functools.partial(raum.beginnen, p, aufgabe))
        return redirect("/trainer")

    def fehlerseite(request: Request, f: Refusal, status: int) -> Response:
        return pages.html("fehler.html", status=status, meldung=f.message, code=f.code, **kontext(raum.plaetze[0]))

    routen: list[BaseRoute] = []
    for praefix in ("", "/platz/{kennung}"):
        routen += [Route(f"{praefix}/", je_platz(start)),
                   Route(f"{praefix}/aktion", je_platz(aktion), methods=["POST"]),
                   Route(f"{praefix}/pruefen", je_platz(pruefen_seite)),
                   Route(f"{praefix}/support", je_platz(support), methods=["GET", "POST"])]
    routen += [Route("/platz/{kennung}", zum_platz),
               Route("/trainer", trainer(uebersicht)), Route("/trainer/stand.json", trainer(stand)),
               Route("/trainer/ergebnisse.csv", trainer(ergebnisse)),
               Route("/trainer/aktion", trainer(trainer_aktion), methods=["POST"])]
    # The fakes' guards: a body over 64 KiB, a wrong path or method, another site's page sending the
    # forms – each a German page with its code, never a 500.
    return web_app(routen, error_answer=fehlerseite)


def _support(raum: Schulungsraum, platz: Platz, form: Form) -> str:
    """One request to the support, done through the interfaces of this world."""
    s = raum.systeme(platz)
    w = s.world
    try:
        aktion = form.text("aktion")
        if aktion == "feature":
            feature = form.text("feature")
            if feature not in leitfaden.FEATURES:
                raise AbsprungError("Bitte ein Feature wählen.")
            aktiv = form.text("aktiv") != "nein"
            s.cloud.feature_setzen(w.bestand, feature, aktiv)
            gebucht = "gebucht" if aktiv else "abbestellt"
            return f"assfinet Support: Das Feature „{feature}“ ist für den Bestand {gebucht}."
        if aktion == "produkt":
            s.concenter.produkt_freischalten(w.concenter_benutzer, leitfaden.RECHT, True)
            return f"assfinet Support: Der con:center Benutzer „{w.concenter_benutzer}“ verfügt jetzt über das Produkt."
        if aktion == "neu-zuordnen":
            email = form.text("email")
            if not re.fullmatch(r"[^@\s;]+@[^@\s;]+\.[^@\s;]+", email):
                raise AbsprungError("Bitte den neuen Benutzernamen als E-Mail-Adresse angeben (ohne Leerzeichen).")
            s.thinksurance.support_neu_zuordnen(w.geheimnis("btoken"), email, hash=w.geheimnis("thinksurance_hash"),
                                                secret=w.geheimnis("thinksurance_secret"))
            return f"Thinksurance-Support: Der b-Token ist jetzt dem cloud Benutzer „{email}“ zugeordnet."
        raise AbsprungError("Unbekannte Anfrage an den Support.")
    finally:
        s.close()

