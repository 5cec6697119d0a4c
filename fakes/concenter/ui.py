"""con:center pages: login, Einstellungen → Produktgeber, launch, Absprung-Protokoll."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fakes.common.errors import FachFehler
from fakes.common.ui import Formular, ausfuehren
from fakes.common.web import Seiten, im_modell, weiter

from .models import PRODUKTGEBER, Concenter, Gegenstellen, eintrag_als_dict

SITZUNG = "cc_benutzer"


def routen(cc: Concenter, seiten: Seiten, gegenstellen: Gegenstellen) -> list[Route]:
    def angemeldet(request: Request) -> str | None:
        name = request.cookies.get(SITZUNG)
        return name if name in cc.benutzer else None

    async def anmelden(request: Request) -> Response:
        if request.method == "GET":
            return seiten.html("anmelden.html")
        form = await Formular.lesen(request)
        b, fehler = await ausfuehren(cc, cc.anmelden, form.text("benutzer"), form.text("passwort"))
        if fehler:
            return seiten.html("anmelden.html", status=401, meldung_fehler=fehler)
        antwort = weiter("/einstellungen/produktgeber")
        antwort.set_cookie(SITZUNG, b.name, httponly=True, samesite="lax")
        return antwort

    async def produktgeber_liste(request: Request) -> Response:
        name = angemeldet(request)
        if name is None:
            return weiter("/")
        return seiten.html("produktgeber.html", benutzer=name, produktgeber=list(PRODUKTGEBER))

    async def produktgeber(request: Request) -> Response:
        name = angemeldet(request)
        if name is None:
            return weiter("/")
        pg = request.path_params["produktgeber"]
        fehler = erfolg = None
        if request.method == "POST":
            form = await Formular.lesen(request)
            werte = {f: form.text(f) for f in PRODUKTGEBER.get(pg, ())}
            _, fehler = await ausfuehren(cc, cc.produktgeber_einstellungen_speichern, name, pg, werte)
            erfolg = None if fehler else "Die Einstellungen wurden aktualisiert."
        werte, lesefehler = await ausfuehren(cc, cc.produktgeber_einstellungen, name, pg)
        if lesefehler:
            return seiten.html("fehler.html", status=404, meldung=lesefehler, code="CC_PRODUKTGEBER_UNBEKANNT")
        return seiten.html("produktgeber_einstellungen.html", status=400 if fehler else 200,
                           benutzer=name, produktgeber=pg, werte=werte, meldung_fehler=fehler,
                           meldung_erfolg=erfolg)

    async def start(request: Request) -> Response:
        try:
            eintrag, url = await im_modell(cc, cc.start_ausfuehren, request.path_params["ticket"], gegenstellen)
        except FachFehler as f:
            return seiten.html("fehler.html", status=404, meldung=f.meldung, code=f.code)
        if url is None:
            return seiten.html("start_fehler.html", status=403, e=eintrag_als_dict(eintrag))
        return weiter(url)

    async def protokoll(request: Request) -> Response:
        eintraege = await im_modell(cc, lambda: [eintrag_als_dict(e) for e in reversed(cc.protokoll)])
        return seiten.html("protokoll.html", eintraege=eintraege)

    return [
        Route("/", anmelden, methods=["GET", "POST"]),
        Route("/einstellungen/produktgeber", produktgeber_liste),
        Route("/einstellungen/produktgeber/{produktgeber}", produktgeber, methods=["GET", "POST"]),
        Route("/start/{ticket}", start),
        Route("/protokoll", protokoll),
    ]
