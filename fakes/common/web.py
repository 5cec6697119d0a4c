"""Assembles a fake's Starlette app from declared endpoints, UI routes and the control API.

Routes only translate: they read and validate the request, call one model function under the
fake's lock, and serialize the answer. Rules live in the models. The declared endpoints also
yield the fake's ``/openapi.json``.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any, Callable

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from .clock import Uhr
from .errors import (ANFRAGE_ZU_GROSS, FELD_FEHLT, FELD_TYP, JSON_ZU_TIEF, METHODE_FALSCH,
                     PFAD_UNBEKANNT, SEED_UNBEKANNT, STEUERUNG_AUS, UHR_BEREICH, UNGUELTIGES_JSON,
                     Art, FachFehler, Regel)
from .schema import Schema, text, zahl

MAX_KOERPER = 64 * 1024
MAX_TIEFE = 32  # nesting levels of a JSON body; the deepest documented payload needs 7
UHR_MAX_JAHRE = 100
UHR_MAX_VERSATZ = timedelta(days=365 * UHR_MAX_JAHRE)
UHR_MAX_SEKUNDEN = int(UHR_MAX_VERSATZ.total_seconds())
COMMON_TEMPLATES = Path(__file__).parent / "templates"

STATUS_JE_ART = {Art.UNGUELTIG: 400, Art.NICHT_ANGEMELDET: 401, Art.VERBOTEN: 403,
                 Art.NICHT_GEFUNDEN: 404, Art.KONFLIKT: 409, Art.ZU_GROSS: 413}


class Zustand:
    """Base of each fake's single state object; ``reset()`` starts from scratch."""

    system = "fake"

    def __init__(self) -> None:
        self.sperre = threading.RLock()
        self.uhr = Uhr()
        self.reset()

    def reset(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def datenstaende(self) -> dict[str, Callable[[], None]]:
        """Named seeds this fake can load (e.g. "ausgangslage")."""
        return {}

    def laden(self, name: str) -> None:
        seeds = self.datenstaende()
        if name not in seeds:
            raise SEED_UNBEKANNT.fehler(name=name)
        seeds[name]()

    def als_dict(self) -> dict[str, Any]:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass(frozen=True)
class Param:
    name: str
    ort: str = "query"  # query | header | path
    pflicht: bool = False
    beschreibung: str = ""
    typ: str = "string"


@dataclass
class Anfrage:
    """What a handler gets: validated body, path and query parameters, headers, own base URL."""

    body: dict[str, Any]
    pfad: dict[str, str]
    query: dict[str, Any]
    headers: Any
    basis_url: str


@dataclass(frozen=True)
class Endpunkt:
    methode: str
    pfad: str
    funktion: Callable[[Anfrage], Any]
    zusammenfassung: str
    body: Schema | None = None
    parameter: tuple[Param, ...] = ()
    tag: str = "api"
    antwort: str = "OK"


def bearer(headers: Any, fehlt: Regel, *, anfuehrungszeichen_weg: bool = False) -> str:
    """The token of an ``Authorization: Bearer …`` header; ``fehlt`` is raised without one.

    Thinksurance's examples write the token in quotes; that fake drops them."""
    wert = headers.get("authorization", "")
    token = wert[7:].strip() if wert.lower().startswith("bearer ") else ""
    if not token:
        raise fehlt.fehler()
    return token.strip('"') if anfuehrungszeichen_weg else token


def json_antwort(daten: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(daten, status_code=status)


async def lies_koerper(request: Request) -> bytes:
    laenge = request.headers.get("content-length", "")
    if laenge.isdigit() and int(laenge) > MAX_KOERPER:
        raise ANFRAGE_ZU_GROSS.fehler(max=MAX_KOERPER)
    teile, n = [], 0
    async for teil in request.stream():
        n += len(teil)
        if n > MAX_KOERPER:
            raise ANFRAGE_ZU_GROSS.fehler(max=MAX_KOERPER)
        teile.append(teil)
    return b"".join(teile)


def parse_json(roh: bytes, schema: Schema) -> dict[str, Any]:
    if not roh.strip():
        daten: Any = {}
    else:
        try:
            daten = json.loads(roh.decode("utf-8"), parse_constant=_keine_konstante)
        except RecursionError:
            raise JSON_ZU_TIEF.fehler(max=MAX_TIEFE) from None
        except ValueError:
            raise UNGUELTIGES_JSON.fehler() from None
        _struktur_pruefen(daten)
    return schema.pruefen(daten)


def _keine_konstante(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")  # NaN, Infinity: Python accepts them, JSON does not


def _struktur_pruefen(daten: Any) -> None:
    """Refuse what json.loads lets through but no answer could echo: deep nesting, lone
    surrogates (``"\\ud800"`` cannot be encoded as UTF-8). Iterative, so depth cannot crash it."""
    stapel = [(daten, 1)]
    while stapel:
        wert, tiefe = stapel.pop()
        if isinstance(wert, str):
            try:
                wert.encode("utf-8")
            except UnicodeEncodeError:
                raise UNGUELTIGES_JSON.fehler() from None
        elif isinstance(wert, (dict, list)):
            if tiefe > MAX_TIEFE:
                raise JSON_ZU_TIEF.fehler(max=MAX_TIEFE)
            kinder = [*wert.keys(), *wert.values()] if isinstance(wert, dict) else wert
            stapel.extend((k, tiefe + 1) for k in kinder)


def _query(request: Request, endpunkt: Endpunkt) -> dict[str, Any]:
    werte: dict[str, Any] = {}
    for p in endpunkt.parameter:
        if p.ort != "query":
            continue
        roh = request.query_params.get(p.name)
        if roh is None or roh == "":
            if p.pflicht:
                raise FELD_FEHLT.fehler(feld=p.name)
            continue
        if p.typ == "integer":
            try:
                werte[p.name] = int(roh)
            except ValueError:
                raise FELD_TYP.fehler(feld=p.name, typ="Ganzzahl") from None
        else:
            werte[p.name] = roh
    return werte


def _route(endpunkt: Endpunkt, zustand: Zustand) -> Route:
    async def handler(request: Request) -> Response:
        body: dict[str, Any] = {}
        if endpunkt.body is not None:
            body = parse_json(await lies_koerper(request), endpunkt.body)
        anfrage = Anfrage(body=body, pfad=dict(request.path_params), query=_query(request, endpunkt),
                          headers=request.headers, basis_url=str(request.base_url).rstrip("/"))
        ergebnis = await run_in_threadpool(_unter_sperre, zustand, endpunkt.funktion, anfrage)
        if isinstance(ergebnis, Response):
            return ergebnis
        if isinstance(ergebnis, tuple):
            status, daten = ergebnis
            return json_antwort(daten, status)
        return json_antwort(ergebnis)

    return Route(endpunkt.pfad, handler, methods=[endpunkt.methode])


def _unter_sperre(zustand: Zustand, funktion: Callable[..., Any], *args: Any) -> Any:
    with zustand.sperre:
        return funktion(*args)


async def im_modell(zustand: Zustand, funktion: Callable[..., Any], *args: Any) -> Any:
    """Run a model call from a UI handler: under the fake's lock, off the event loop."""
    return await run_in_threadpool(_unter_sperre, zustand, funktion, *args)


def steuerung(zustand: Zustand) -> list[Endpunkt]:
    """Control API for tests: reset, load a seed, advance the clock, dump the state."""

    def zuruecksetzen(a: Anfrage) -> dict[str, Any]:
        name = a.body.get("datenstand")
        if name and name not in zustand.datenstaende():
            raise SEED_UNBEKANNT.fehler(name=name)  # before reset: a refusal keeps the state
        zustand.reset()
        zustand.uhr.zuruecksetzen()
        if a.body.get("datenstand"):
            zustand.laden(a.body["datenstand"])
        return {"ok": True}

    def laden(a: Anfrage) -> dict[str, Any]:
        zustand.laden(a.body["name"])
        return {"ok": True}

    def uhr(a: Anfrage) -> dict[str, Any]:
        if abs(zustand.uhr.versatz + timedelta(seconds=a.body["sekunden"])) > UHR_MAX_VERSATZ:
            raise UHR_BEREICH.fehler(jahre=UHR_MAX_JAHRE)
        zustand.uhr.vorstellen(a.body["sekunden"])
        return {"jetzt": zustand.uhr.jetzt().strftime("%Y-%m-%d %H:%M:%S")}

    def dump(a: Anfrage) -> dict[str, Any]:
        return zustand.als_dict()

    return [
        Endpunkt("POST", "/_steuerung/zuruecksetzen", zuruecksetzen,
                 "Zustand leeren, optional einen Datenstand laden",
                 Schema({"datenstand": text("Name des Datenstands, z. B. ausgangslage")}),
                 tag="steuerung"),
        Endpunkt("POST", "/_steuerung/laden", laden, "Datenstand laden",
                 Schema({"name": text("Name des Datenstands", pflicht=True)}), tag="steuerung"),
        Endpunkt("POST", "/_steuerung/uhr", uhr, "Uhr des Fakes vorstellen",
                 Schema({"sekunden": zahl("Sekunden", pflicht=True, minimum=-UHR_MAX_SEKUNDEN,
                                          maximum=UHR_MAX_SEKUNDEN)}), tag="steuerung"),
        Endpunkt("GET", "/_steuerung/zustand", dump, "Zustand ausgeben", tag="steuerung"),
    ]


def openapi(titel: str, endpunkte: list[Endpunkt]) -> dict[str, Any]:
    fehler_schema = {"type": "object", "properties": {"error": {"type": "string"}}}
    pfade: dict[str, Any] = {}
    for e in endpunkte:
        op: dict[str, Any] = {
            "summary": e.zusammenfassung,
            "operationId": f"{e.methode.lower()}_{e.pfad.strip('/').replace('/', '_').replace('{', '').replace('}', '')}",
            "tags": [e.tag],
            "parameters": [
                {"name": p.name, "in": p.ort, "required": p.pflicht or p.ort == "path",
                 "description": p.beschreibung, "schema": {"type": p.typ}}
                for p in e.parameter
            ],
            "responses": {
                "200": {"description": e.antwort},
                "4XX": {"description": "Fehler mit Code und deutscher Meldung",
                        "content": {"application/json": {"schema": fehler_schema}}},
            },
        }
        if e.body is not None:
            op["requestBody"] = {"required": any(f.pflicht for f in e.body.felder.values()),
                                 "content": {"application/json": {"schema": e.body.json_schema()}}}
        pfade.setdefault(e.pfad, {})[e.methode.lower()] = op
    return {"openapi": "3.0.3", "info": {"title": titel, "version": "1.0"}, "paths": pfade}


class Seiten:
    """Jinja2 templates of one fake, created on first use to keep start-up fast."""

    def __init__(self, verzeichnis: Path, system: str, titel: str) -> None:
        self.verzeichnis, self.system, self.titel = verzeichnis, system, titel
        self._umgebung: Any = None

    def umgebung(self) -> Any:
        if self._umgebung is None:
            import jinja2

            self._umgebung = jinja2.Environment(
                loader=jinja2.ChoiceLoader([jinja2.FileSystemLoader(self.verzeichnis),
                                            jinja2.FileSystemLoader(COMMON_TEMPLATES)]),
                autoescape=True, trim_blocks=True, lstrip_blocks=True)
        return self._umgebung

    def html(self, name: str, status: int = 200, **kontext: Any) -> HTMLResponse:
        vorlage = self.umgebung().get_template(name)
        return HTMLResponse(vorlage.render(system=self.system, system_titel=self.titel, **kontext),
                            status_code=status)


def weiter(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def baue_app(*, system: str, titel: str, zustand: Zustand, endpunkte: list[Endpunkt],
             ui_routen: list[BaseRoute], seiten: Seiten, steuerung_an: bool = True,
             fehler_koerper: Callable[[FachFehler], dict[str, Any]] | None = None,
             status_je_art: dict[Art, int] | None = None) -> Starlette:
    status_je_art = {**STATUS_JE_ART, **(status_je_art or {})}
    alle = list(endpunkte)
    if steuerung_an:
        alle += steuerung(zustand)

    def koerper(f: FachFehler) -> dict[str, Any]:
        if fehler_koerper is not None:
            return fehler_koerper(f)
        return {"error": f.meldung, "code": f.code}

    def fehler_antwort(request: Request, f: FachFehler, status: int) -> Response:
        if _will_html(request):
            return seiten.html("fehler.html", status=status, meldung=f.meldung, code=f.code)
        return JSONResponse(koerper(f), status_code=status, headers={"X-Fehlercode": f.code})

    async def bei_fachfehler(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, FachFehler)
        return fehler_antwort(request, exc, status_je_art[exc.regel.art])

    async def bei_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        if exc.status_code == 404:
            return fehler_antwort(request, PFAD_UNBEKANNT.fehler(), 404)
        if exc.status_code == 405:
            return fehler_antwort(request, METHODE_FALSCH.fehler(), 405)
        return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code)

    schema = openapi(titel, alle)

    async def openapi_json(request: Request) -> Response:
        return JSONResponse(schema)

    async def steuerung_aus(request: Request) -> Response:
        raise STEUERUNG_AUS.fehler()

    routen: list[BaseRoute] = [_route(e, zustand) for e in alle]
    routen.append(Route("/openapi.json", openapi_json, methods=["GET"]))
    if not steuerung_an:
        routen.append(Route("/_steuerung/{rest:path}", steuerung_aus, methods=["GET", "POST"]))
    routen += ui_routen
    app = Starlette(routes=routen, exception_handlers={FachFehler: bei_fachfehler,
                                                       HTTPException: bei_http})
    app.state.zustand = zustand
    app.state.system = system
    app.state.openapi = schema
    return app


def _will_html(request: Request) -> bool:
    pfad = request.url.path
    if pfad.startswith(("/api", "/_steuerung", "/openapi")):
        return False
    return "text/html" in request.headers.get("accept", "")


__all__ = ["Anfrage", "Endpunkt", "Param", "Seiten", "Zustand", "baue_app", "im_modell",
           "json_antwort", "weiter"]
