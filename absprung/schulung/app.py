"""The Schulung app: start page with the exercise, Prüfen (the diagnosis), Support (what support does)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from basis import leitfaden
from basis.systeme import NAMEN, TITEL
from basis.ziel import embedded_fakes
from fakes.common.app import web_app
from fakes.common.errors import Refusal
from fakes.common.pages import Form, Pages

from ..diagnose import diagnose
from ..diagnose.modell import IN_ORDNUNG, Diagnose
from ..errors import AbsprungError
from ..systems import Systems
from ..ursachen import Ursache


def create(urls: dict[str, str], uebung: Ursache | None = None) -> Starlette:
    """``uebung``: the cause set up as the exercise (its ``uebung`` is not None), or none."""
    pages = Pages(Path(__file__).parent / "templates", "schulung", "Schulungsumgebung", rahmen="schulung.html")
    target = embedded_fakes().with_fake_urls(urls)
    systeme = [(TITEL[s], urls[s]) for s in NAMEN]

    def verbinden() -> Systems:
        return Systems.connect(target)

    def pruefen() -> Diagnose:
        s = verbinden()
        try:
            kunde = uebung.uebung.kundennummer(s) if uebung and uebung.uebung else s.world.kundennummer(
                s.world.pruefkunde)
            return diagnose(s, s.world.ams_benutzer, kunde)
        finally:
            s.close()

    def kontext(**mehr: Any) -> dict[str, Any]:
        return {"uebung": uebung, "systeme": systeme, "urls": urls, **mehr}

    async def start(request: Request) -> Response:
        return pages.html("start.html", **kontext(bereich="start"))

    async def pruefen_seite(request: Request) -> Response:
        try:
            d = await run_in_threadpool(pruefen)  # blocking HTTP to the fakes: never in their event loop
        except AbsprungError as f:
            return pages.html("pruefen.html", status=503, **kontext(bereich="pruefen", meldung_fehler=str(f)))
        return pages.html("pruefen.html", **kontext(bereich="pruefen", d=d, behoben=d.ergebnis == IN_ORDNUNG))

    async def support(request: Request) -> Response:
        erfolg = fehler = None
        if request.method == "POST":
            form = await Form.read(request)
            try:
                erfolg = await run_in_threadpool(_support, verbinden, form)
            except AbsprungError as f:
                fehler = str(f)
        return pages.html("support.html", status=400 if fehler else 200,
                          **kontext(bereich="support", features=leitfaden.FEATURES, meldung_erfolg=erfolg,
                                    meldung_fehler=fehler))

    def fehlerseite(request: Request, f: Refusal, status: int) -> Response:
        return pages.html("fehler.html", status=status, meldung=f.message, code=f.code, **kontext())

    # The fakes' guards: a body over 64 KiB, a wrong path or method, another site's page sending the
    # support's forms – each a German page with its code, never a 500.
    return web_app([Route("/", start), Route("/pruefen", pruefen_seite),
                    Route("/support", support, methods=["GET", "POST"])], error_answer=fehlerseite)


def _support(verbinden: Any, form: Form) -> str:
    """One request to the support, done through the fakes' interfaces."""
    s: Systems = verbinden()
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
