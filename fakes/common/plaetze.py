"""Seats for a training group: many worlds of one fake in one process, each under its own path.

A seat is reached at ``/platz/<kennung>/…`` on every fake; the kennung is an unguessable secret the
training server makes at start. Below that path a seat has a world of its own – the fake's whole app
with its own state, clock, sessions, launch log and one-time links – built on first use from the
same factory as the fake's own world, with the *seat's* addresses of its neighbours. So every
neighbour call, every link a page shows and every one-time link stays inside the seat, and a reset
in a seat resets only the seat (moto keeps its state per account the same way). The fake's own world
(paths without ``/platz/``) stays as it is.

The trainer's paths ``/_plaetze`` list the seats with the time since their last request and forget
one (its world is built anew on the next request). They, the control API and the support paths
need the trainer password whenever one is set (``Passwortschutz``).
"""

from __future__ import annotations

import hmac
import time
from base64 import b64decode
from binascii import Error as Base64Error
from typing import Any, Callable, Iterable, Mapping

from starlette.datastructures import Headers
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

from .errors import PASSWORT_NOETIG, PFAD_UNBEKANNT, PLATZ_UNBEKANNT, Refusal
from .pages import WURZEL

PRAEFIX = "/platz/"
VERWALTUNG = "/_plaetze"
GESCHUETZT = ("/_steuerung", "/_support", VERWALTUNG)
PASSWORT_KOPF = "x-steuerung-passwort"  # for programs; a browser sends HTTP Basic (any user name)


def platz_urls(urls: Mapping[str, str], kennung: str) -> dict[str, str]:
    """Every system's address as seen from inside the seat."""
    return {s: f"{u.rstrip('/')}{PRAEFIX}{kennung}" for s, u in urls.items()}


def pfad_in_der_welt(pfad: str) -> str:
    """The path below a seat's root (the path itself outside any seat)."""
    if not pfad.startswith(PRAEFIX):
        return pfad
    return "/" + pfad[len(PRAEFIX):].partition("/")[2]


def passwort_richtig(headers: Headers, passwort: str) -> bool:
    """Does the request bring the trainer password (``X-Steuerung-Passwort`` or HTTP Basic, any user)?"""
    gegeben = headers.get(PASSWORT_KOPF, "").encode("latin-1", "replace")
    auth = headers.get("authorization", "")
    if not gegeben and auth[:6].lower() == "basic ":
        try:
            gegeben = b64decode(auth[6:].strip(), validate=True).partition(b":")[2]
        except (Base64Error, ValueError):
            gegeben = b""
    return bool(gegeben) and hmac.compare_digest(gegeben, passwort.encode("utf-8"))


def _antwort(f: Refusal, status: int, **kopf: str) -> Response:
    return JSONResponse({"error": f.message, "code": f.code}, status_code=status,
                        headers={"X-Fehlercode": f.code, **kopf})


class Plaetze:
    """The fake's own world and, below ``/platz/<kennung>``, one world per seat."""

    def __init__(self, eigene: ASGIApp, bauen: Callable[[Mapping[str, str]], ASGIApp], urls: Mapping[str, str],
                 kennungen: Iterable[str], uhr: Callable[[], float] = time.monotonic) -> None:
        """``bauen(urls)``: the fake's app factory for a world whose systems live at ``urls``."""
        self.eigene, self.bauen, self.urls, self.uhr = eigene, bauen, dict(urls), uhr
        self.kennungen = frozenset(kennungen)
        self.welten: dict[str, ASGIApp] = {}
        self.zuletzt: dict[str, float] = {}

    def welt(self, kennung: str) -> ASGIApp:
        """The seat's world, built on first use (one event loop per fake: no lock needed)."""
        welt = self.welten.get(kennung)
        if welt is None:
            welt = self.welten[kennung] = self.bauen(platz_urls(self.urls, kennung))
        return welt

    def vergessen(self, kennung: str) -> bool:
        self.zuletzt.pop(kennung, None)
        return self.welten.pop(kennung, None) is not None

    def stand(self) -> dict[str, Any]:
        jetzt = self.uhr()
        return {"plaetze": [{"kennung": k, "welt": k in self.welten,
                             "unbenutzt_s": round(jetzt - self.zuletzt[k], 1) if k in self.zuletzt else None}
                            for k in sorted(self.kennungen)]}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        pfad: str = scope.get("path", "")
        if scope["type"] != "http" or not (pfad.startswith(PRAEFIX) or pfad.startswith(VERWALTUNG)):
            await self.eigene(scope, receive, send)
            return
        if pfad.startswith(VERWALTUNG):
            await self._verwaltung(scope, pfad)(scope, receive, send)
            return
        kennung, schraeg, _ = pfad[len(PRAEFIX):].partition("/")
        if kennung not in self.kennungen:
            await _antwort(PLATZ_UNBEKANNT.refuse(), 404)(scope, receive, send)
            return
        wurzel = scope.get("root_path", "") + PRAEFIX + kennung
        if not schraeg:  # /platz/<kennung> itself: its start page is /platz/<kennung>/
            await Response(status_code=307, headers={"Location": f"{wurzel}/"})(scope, receive, send)
            return
        self.zuletzt[kennung] = self.uhr()
        welt = self.welt(kennung)
        token = WURZEL.set(wurzel)
        try:
            await welt({**scope, "root_path": wurzel}, receive, send)
        finally:
            WURZEL.reset(token)

    def _verwaltung(self, scope: Scope, pfad: str) -> Response:
        methode = scope["method"]
        if pfad == VERWALTUNG and methode == "GET":
            return JSONResponse(self.stand())
        kennung, _, rest = pfad[len(VERWALTUNG) + 1:].partition("/")
        if rest == "vergessen" and methode == "POST":
            if kennung not in self.kennungen:
                return _antwort(PLATZ_UNBEKANNT.refuse(), 404)
            return JSONResponse({"vergessen": self.vergessen(kennung)})
        return _antwort(PFAD_UNBEKANNT.refuse(), 404)


class Passwortschutz:
    """With a trainer password, the control API, the support paths and the seats' administration – in the
    fake's own world and in every seat – answer only to a request that brings it: as HTTP Basic (any user
    name; the browser asks) or, for programs whose Authorization header is taken, as
    ``X-Steuerung-Passwort``. Everything else is untouched."""

    def __init__(self, app: ASGIApp, passwort: str) -> None:
        self.app, self.passwort = app, passwort

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and pfad_in_der_welt(scope.get("path", "")).startswith(GESCHUETZT) \
                and not passwort_richtig(Headers(scope=scope), self.passwort):
            antwort = _antwort(PASSWORT_NOETIG.refuse(), 401, **{"WWW-Authenticate": 'Basic realm="Schulung"'})
            await antwort(scope, receive, send)
            return
        await self.app(scope, receive, send)
