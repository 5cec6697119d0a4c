"""ams.5 pages: Anmeldung, Organisation → Benutzer (cloud Konten), Kundenmaske, DigiPro."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from fakes.common.endpoints import Endpoint, in_model
from fakes.common.errors import Refusal
from fakes.common.pages import (
    WURZEL,
    Form,
    Pages,
    abmelden_und_zur_anmeldung,
    formular,
    redirect,
    run_action,
    session_cookie,
    set_session_cookie,
)

from .api import benutzer_json, kunde_json
from .models import Ams

SITZUNG = "ams_benutzer"


def routes(ams: Ams, pages: Pages, api: dict[str, Endpoint]) -> list[BaseRoute]:
    """``api``: the JSON API's endpoints by operation; every form goes through one of them."""
    def angemeldet(request: Request) -> str | None:
        k = ams.sitzungen.read(session_cookie(request, SITZUNG))
        return k if k in ams.benutzer else None

    async def anmelden(request: Request) -> Response:
        if request.method == "GET":
            liste = await in_model(ams, lambda: [benutzer_json(b) for b in ams.benutzer.values()])
            # "benutzer" is the signed-in user in every ams.5 header; the choice is "benutzer_liste".
            return pages.html("anmelden.html", benutzer_liste=liste, weiter_zu=request.query_params.get("weiter", ""))
        form = await Form.read(request)
        k = form.text("kuerzel")
        if k not in ams.benutzer:
            liste = await in_model(ams, lambda: [benutzer_json(b) for b in ams.benutzer.values()])
            return pages.html("anmelden.html", status=401, benutzer_liste=liste,
                              meldung_fehler="Bitte einen Benutzer wählen.")
        ziel = form.text("weiter")
        antwort = redirect(ziel if ziel.startswith("/") and not ziel.startswith("//") else "/kunden")
        set_session_cookie(antwort, SITZUNG, await in_model(ams, ams.sitzungen.issue, k))
        return antwort

    async def abmelden(request: Request) -> Response:
        return await abmelden_und_zur_anmeldung(ams, ams.sitzungen, request, SITZUNG)

    def anmeldung_noetig(request: Request) -> Response:
        return redirect(f"/?weiter={request.url.path.removeprefix(WURZEL.get())}")  # the path within this world

    async def kunden(request: Request) -> Response:
        if angemeldet(request) is None:
            return anmeldung_noetig(request)
        liste = await in_model(ams, lambda: [kunde_json(k) for k in ams.kunden.values()])
        return pages.html("kunden.html", kunden=liste, benutzer=angemeldet(request))

    async def kundenmaske(request: Request) -> Response:
        k = angemeldet(request)
        if k is None:
            return anmeldung_noetig(request)
        nr = request.path_params["kunde"]
        fehler = erfolg = None
        if request.method == "POST":  # "In die assfinet cloud replizieren"
            _, fehler = await formular(ams, api["kunde_replizieren"], await Form.read(request),
                                       {"kuerzel": k, "kunde": nr})
            erfolg = None if fehler else "Der Kunde wurde in die assfinet cloud repliziert."
        try:
            kunde = await in_model(ams, lambda: kunde_json(ams.kundenmaske(k, nr)))
        except Refusal as f:
            return pages.html("fehler.html", status=404, meldung=f.message, code=f.code)
        return pages.html("kundenmaske.html", status=400 if fehler else 200, kunde=kunde, benutzer=k,
                          meldung_fehler=fehler, meldung_erfolg=erfolg)

    async def digipro(request: Request) -> Response:
        k = angemeldet(request)
        if k is None:
            return anmeldung_noetig(request)
        nr = request.path_params["kunde"]
        if request.method == "POST":
            antwort, fehler = await formular(ams, api["produkt_waehlen"], await Form.read(request),
                                             {"kuerzel": k, "kunde": nr})
            if antwort:
                return redirect(antwort["url"])
        else:
            fehler = None
        produkte, lesefehler = await run_action(ams, ams.digipro, k, nr)
        if lesefehler:
            return pages.html("fehler.html", status=404, meldung=lesefehler, code="AMS_KUNDE_UNBEKANNT")
        kunde = await in_model(ams, lambda: kunde_json(ams.kunden[nr]))
        return pages.html("digipro.html", status=400 if fehler else 200, kunde=kunde,
                          produkte=produkte, meldung_fehler=fehler, benutzer=k)

    async def benutzerliste(request: Request) -> Response:
        angemeldeter = angemeldet(request)
        if angemeldeter is None:
            return anmeldung_noetig(request)
        liste = await in_model(ams, lambda: [benutzer_json(b) for b in ams.benutzer.values()])
        return pages.html("benutzerliste.html", benutzer_liste=liste, benutzer=angemeldeter)

    async def _speichern(k: str, form: Form) -> str | None:
        """The form's two parts through the API's own endpoints (same checks, same limits)."""
        pfad = {"kuerzel": k}
        if form.text("haupt_email"):
            _, fehler = await formular(ams, api["haupt_email_aendern"], Form({"email": form.text("haupt_email")}), pfad)
            if fehler:
                return fehler
        if not form.text("cloud_konto"):
            return None
        _, fehler = await formular(ams, api["cloud_konto_aendern"], _nur(form, "maklerextranet", "cloud_benutzer"),
                                   pfad)
        return fehler

    async def benutzer(request: Request) -> Response:
        # Organisation → Benutzer changes a user's Haupt-E-Mail and cloud Konto: only signed in.
        angemeldeter = angemeldet(request)
        if angemeldeter is None:
            return anmeldung_noetig(request)
        k = request.path_params["kuerzel"]
        fehler = erfolg = None
        if request.method == "POST":
            # One form: whichever button is pressed, what is entered is saved first (nothing is lost).
            form = await Form.read(request)
            fehler = await _speichern(k, form)
            erfolg = "Die Angaben wurden gespeichert."
            if not fehler and form.text("aktion") == "aktualisieren":
                _, fehler = await formular(ams, api["produktfreischaltungen_aktualisieren"], form, {"kuerzel": k})
                erfolg = "Die Angaben wurden gespeichert und die Produktfreischaltungen aktualisiert."
        try:
            daten = await in_model(ams, lambda: benutzer_json(ams.benutzer_lesen(k)))
        except Refusal as f:
            return pages.html("fehler.html", status=404, meldung=f.message, code=f.code)
        if fehler and request.method == "POST":  # show what was entered, not what is stored
            daten = _eingegeben(daten, form)
        return pages.html("benutzer.html", status=400 if fehler else 200, b=daten,
                          meldung_fehler=fehler, meldung_erfolg=None if fehler else erfolg,
                          benutzer=angemeldeter)

    return [
        Route("/", anmelden, methods=["GET", "POST"]),
        Route("/abmelden", abmelden, methods=["POST"]),
        Route("/kunden", kunden),
        Route("/kunden/{kunde}", kundenmaske, methods=["GET", "POST"]),
        Route("/kunden/{kunde}/digipro", digipro, methods=["GET", "POST"]),
        Route("/organisation/benutzer", benutzerliste),
        Route("/organisation/benutzer/{kuerzel}", benutzer, methods=["GET", "POST"]),
    ]


def _nur(form: Form, *felder: str) -> Form:
    return Form({k: v for k, v in form.werte().items() if k in felder})


def _eingegeben(daten: dict[str, Any], form: Form) -> dict[str, Any]:
    konten = [{**k, "cloud_benutzer": form.text("cloud_benutzer") or k["cloud_benutzer"],
               "maklerextranet": form.checked("maklerextranet")} for k in daten["cloud_konten"]]
    return {**daten, "haupt_email": form.text("haupt_email") or daten["haupt_email"], "cloud_konten": konten}
