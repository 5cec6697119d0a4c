"""Shared base of the four system clients.

Exception tree::

    SystemFehler            a system answered with an error (status, stable code, German message)
    └── NichtErreichbar     the system could not be reached at all

Every exchange can be reported to an ``aufzeichnen`` callback with secrets redacted, so the run
record can show what happened without leaking AccessToken, btoken, hash or secret.
"""

from __future__ import annotations

import functools
import socket
import ssl
from typing import Any, Callable

import httpx

GEHEIME_KOEPFE = {"authorization", "x-broker-token", "x-account-token", "cookie", "set-cookie"}
GEHEIME_FELDER = {"hash", "secret", "token", "access_token", "bToken", "aToken", "btoken",
                  "collaboration_api_token", "passwort", "concenter_passwort"}
MASKE = "•••"

Aufzeichnung = Callable[[dict[str, Any]], None]


class SystemFehler(Exception):
    def __init__(self, system: str, status: int, code: str, meldung: str) -> None:
        super().__init__(f"{system}: {meldung} ({code}, HTTP {status})")
        self.system, self.status, self.code, self.meldung = system, status, code, meldung


class NichtErreichbar(SystemFehler):
    pass


def schwaerzen(daten: Any) -> Any:
    """Replace secret values in JSON-like data by a mask (recursively)."""
    if isinstance(daten, dict):
        return {k: (MASKE if k in GEHEIME_FELDER and v else schwaerzen(v)) for k, v in daten.items()}
    if isinstance(daten, list):
        return [schwaerzen(x) for x in daten]
    if isinstance(daten, str) and daten.startswith(("http://", "https://")):
        return schwaerzen_url(daten)  # e.g. the one-time switch URL in a forward answer
    return daten


def schwaerzen_url(url: str) -> str:
    """V1 Thinksurance puts the security token into the path; /switch/<id> is a one-time login."""
    for marke in ("/api/broker/fwd/", "/api/broker/get/", "/api/broker/set/",
                  "/api/account/get/tokens/", "/switch/", "/start/"):
        if marke in url:
            kopf, _, rest = url.partition(marke)
            return kopf + marke + MASKE + ("?" + rest.split("?", 1)[1] if "?" in rest else "")
    return url


@functools.cache
def _tls() -> ssl.SSLContext:
    """One verifying TLS context for all clients: building it costs ~20 ms (CA bundle)."""
    return ssl.create_default_context()


def transport() -> httpx.HTTPTransport:
    """TCP_NODELAY: httpx writes headers and body separately; with Nagle's algorithm and delayed
    ACKs every request with a body would wait ~40 ms on loopback."""
    return httpx.HTTPTransport(verify=_tls(), socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])


class Client:
    system = "system"

    def __init__(self, *, basis_url: str, timeout: float = 10.0,
                 aufzeichnen: Aufzeichnung | None = None) -> None:
        self.basis_url = basis_url.rstrip("/")
        self._aufzeichnen = aufzeichnen
        self._http = httpx.Client(base_url=self.basis_url, timeout=timeout, follow_redirects=False,
                                  transport=transport())

    def schliessen(self) -> None:
        self._http.close()

    def anfrage(self, methode: str, pfad: str, *, json_body: Any = None,
                headers: dict[str, str] | None = None, params: dict[str, Any] | None = None) -> httpx.Response:
        try:
            antwort = self._http.request(methode, pfad, json=json_body, headers=headers, params=params)
        except httpx.HTTPError as f:
            raise NichtErreichbar(self.system, 0, "NICHT_ERREICHBAR",
                                  f"{self.system} unter {self.basis_url} ist nicht erreichbar ({type(f).__name__}).") from None
        if self._aufzeichnen is not None:
            self._aufzeichnen(self._eintrag(methode, pfad, json_body, headers, antwort))
        return antwort

    def json(self, methode: str, pfad: str, **kw: Any) -> Any:
        antwort = self.anfrage(methode, pfad, **kw)
        if antwort.status_code >= 400:
            raise self._fehler(antwort)
        return antwort.json() if antwort.content else None

    def _fehler(self, antwort: httpx.Response) -> SystemFehler:
        try:
            daten = antwort.json()
        except ValueError:
            daten = {}
        meldung = daten.get("error") if isinstance(daten, dict) else None
        code = antwort.headers.get("x-fehlercode") or (daten.get("code") if isinstance(daten, dict) else None)
        return SystemFehler(self.system, antwort.status_code, code or f"HTTP_{antwort.status_code}",
                            meldung or antwort.text[:200] or f"HTTP {antwort.status_code}")

    def _eintrag(self, methode: str, pfad: str, body: Any, headers: dict[str, str] | None,
                 antwort: httpx.Response) -> dict[str, Any]:
        try:
            antwort_body = schwaerzen(antwort.json())
        except ValueError:
            antwort_body = f"<{antwort.headers.get('content-type', 'ohne Inhalt')}>"
        return {
            "system": self.system, "methode": methode,
            "url": schwaerzen_url(self.basis_url + pfad),
            "kopfzeilen": {k: MASKE for k in (headers or {}) if k.lower() in GEHEIME_KOEPFE},
            "anfrage": schwaerzen(body), "status": antwort.status_code,
            "antwort": antwort_body,
            "weiterleitung": schwaerzen_url(antwort.headers.get("location", "")) or None,
        }

