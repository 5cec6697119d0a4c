"""ams.5 pages: Anmeldung, Organisation → Benutzer (cloud Konten), Kundenmaske, DigiPro."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from fakes.common.errors import FachFehler
from fakes.common.ui import Formular, ausfuehren
from fakes.common.web import Seiten, im_modell, weiter

from .models import Ams, CloudZugang, ConcenterZugang, benutzer_als_dict, kunde_als_dict

SITZUNG = "ams_benutzer"


def routen(ams: Ams, seiten: Seiten, cc: ConcenterZugang, cloud: CloudZugang) -> list[Route]:
    def angemeldet(request: Request) -> str | None:
        k = request.cookies.get(SITZUNG)
        return k if k in ams.benutzer else None

    async def anmelden(request: Request) -> Response:
        if request.method == "GET":
            liste = await im_modell(ams, lambda: [benutzer_als_dict(b) for b in ams.benutzer.values()])
            return seiten.html("anmelden.html", benutzer=liste, weiter_zu=request.query_params.get("weiter", ""))
        form = await Formular.lesen(request)
        k = form.text("kuerzel")
        if k not in ams.benutzer:
            return seiten.html("anmelden.html", status=401, benutzer=[], meldung_fehler="Bitte einen Benutzer wählen.")
        ziel = form.text("weiter")
        antwort = weiter(ziel if ziel.startswith("/") and not ziel.startswith("//") else "/kunden")
        antwort.set_cookie(SITZUNG, k, httponly=True, samesite="lax")
        return antwort

    def anmeldung_noetig(request: Request) -> Response:
        return weiter(f"/?weiter={request.url.path}")

    async def kunden(request: Request) -> Response:
        if angemeldet(request) is None:
            return anmeldung_noetig(request)
        liste = await im_modell(ams, lambda: [kunde_als_dict(k) for k in ams.kunden.values()])
        return seiten.html("kunden.html", kunden=liste, benutzer=angemeldet(request))

    async def kundenmaske(request: Request) -> Response:
        k = angemeldet(request)
        if k is None:
            return anmeldung_noetig(request)
        nr = request.path_params["kunde"]
        fehler = erfolg = None
        if request.method == "POST":  # "In die assfinet cloud replizieren"
            _, fehler = await ausfuehren(ams, ams.kunde_replizieren, k, nr, cloud)
            erfolg = None if fehler else "Der Kunde wurde in die assfinet cloud repliziert."
        try:
            kunde = await im_modell(ams, lambda: kunde_als_dict(ams.kundenmaske(k, nr)))
        except FachFehler as f:
            return seiten.html("fehler.html", status=404, meldung=f.meldung, code=f.code)
        return seiten.html("kundenmaske.html", status=400 if fehler else 200, kunde=kunde, benutzer=k,
                           meldung_fehler=fehler, meldung_erfolg=erfolg)

    async def digipro(request: Request) -> Response:
        k = angemeldet(request)
        if k is None:
            return anmeldung_noetig(request)
        nr = request.path_params["kunde"]
        if request.method == "POST":
            form = await Formular.lesen(request)
            url, fehler = await ausfuehren(ams, ams.produkt_waehlen, k, nr, form.text("produkt"), cc)
            if url:
                return weiter(url)
        else:
            fehler = None
        produkte, lesefehler = await ausfuehren(ams, ams.digipro, k, nr)
        if lesefehler:
            return seiten.html("fehler.html", status=404, meldung=lesefehler, code="AMS_KUNDE_UNBEKANNT")
        kunde = await im_modell(ams, lambda: kunde_als_dict(ams.kunden[nr]))
        return seiten.html("digipro.html", status=400 if fehler else 200, kunde=kunde,
                           produkte=produkte, meldung_fehler=fehler, benutzer=k)

    async def benutzerliste(request: Request) -> Response:
        liste = await im_modell(ams, lambda: [benutzer_als_dict(b) for b in ams.benutzer.values()])
        return seiten.html("benutzerliste.html", benutzer_liste=liste, benutzer=angemeldet(request))

    async def benutzer(request: Request) -> Response:
        k = request.path_params["kuerzel"]
        fehler = erfolg = None
        if request.method == "POST":
            form = await Formular.lesen(request)
            if form.text("aktion") == "aktualisieren":
                _, fehler = await ausfuehren(ams, ams.produktfreischaltungen_aktualisieren, k, cc)
                erfolg = "Die Produktfreischaltungen wurden aktualisiert."
            else:
                _, fehler = await ausfuehren(ams, ams.maklerextranet_setzen, k, form.haken("maklerextranet"))
                if not fehler and form.text("cloud_benutzer"):
                    _, fehler = await ausfuehren(ams, ams.cloud_benutzername_aendern, k, form.text("cloud_benutzer"))
                erfolg = "Die cloud Konten wurden gespeichert."
        try:
            daten = await im_modell(ams, lambda: benutzer_als_dict(ams._benutzer(k)))
        except FachFehler as f:
            return seiten.html("fehler.html", status=404, meldung=f.meldung, code=f.code)
        return seiten.html("benutzer.html", status=400 if fehler else 200, b=daten,
                           meldung_fehler=fehler, meldung_erfolg=None if fehler else erfolg,
                           benutzer=angemeldet(request))

    return [
        Route("/", anmelden, methods=["GET", "POST"]),
        Route("/kunden", kunden),
        Route("/kunden/{kunde}", kundenmaske, methods=["GET", "POST"]),
        Route("/kunden/{kunde}/digipro", digipro, methods=["GET", "POST"]),
        Route("/organisation/benutzer", benutzerliste),
        Route("/organisation/benutzer/{kuerzel}", benutzer, methods=["GET", "POST"]),
    ]
