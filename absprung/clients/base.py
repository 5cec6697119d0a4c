"""Shared base of the four system clients (errors: ``absprung.errors``).

Every exchange can be reported to a ``record`` callback with secrets redacted, so the run
record can show what happened without leaking AccessToken, btoken, hash or secret. Secrets travel
as ``Secret`` in bodies and headers and are revealed only while the request is written.
"""

from __future__ import annotations

import functools
import socket
import ssl
from typing import Any, Callable

import httpx

from absprung.errors import RemoteError, Slow, Unreachable
from basis import refusal
from basis.secret import Secret, mask

from . import deadline

SECRET_HEADERS = {"authorization", "x-broker-token", "x-account-token", "cookie", "set-cookie", "x-steuerung-passwort"}
GESCHUETZT = ("/_steuerung", "/_support")  # the fakes' paths that take the trainer password
SECRET_FIELDS = {"hash", "secret", "token", "access_token", "bToken", "aToken", "btoken",
                 "collaboration_api_token", "passwort", "concenter_passwort"}
MASK = "•••"
# Path markers after which a URL carries a secret: V1 Thinksurance puts the security token into
# the path; /switch/<id> and /start/<ticket> are one-time logins.
SECRET_PATHS = ("/api/broker/fwd/", "/api/broker/get/", "/api/broker/set/", "/api/account/get/tokens/",
                "/switch/", "/start/")

Recorder = Callable[[dict[str, Any]], None]


def redact(data: Any) -> Any:
    """Replace secret values in JSON-like data by a mask (recursively)."""
    if isinstance(data, Secret):
        return MASK
    if isinstance(data, dict):
        return {k: (MASK if k in SECRET_FIELDS and v else redact(v)) for k, v in data.items()}
    if isinstance(data, list):
        return [redact(x) for x in data]
    if isinstance(data, str) and data.startswith(("http://", "https://")):
        return redact_url(data)  # e.g. the one-time switch URL in a forward answer
    return data


def _plain(data: Any) -> Any:
    """The data as it goes onto the wire: secrets revealed (only here); a field without a value is left
    out (the invented APIs refuse null)."""
    if isinstance(data, Secret):
        return data.reveal()
    if isinstance(data, dict):
        return {k: _plain(v) for k, v in data.items() if v is not None}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    return data


def redact_url(url: str) -> str:
    for marker in SECRET_PATHS:
        if marker in url:
            head, _, rest = url.partition(marker)
            return head + marker + MASK + ("?" + rest.split("?", 1)[1] if "?" in rest else "")
    return url


@functools.cache
def tls() -> ssl.SSLContext:
    """One verifying TLS context for all clients: building it costs ~20 ms (CA bundle)."""
    return ssl.create_default_context()


def transport() -> httpx.HTTPTransport:
    """TCP_NODELAY: httpx writes headers and body separately; with Nagle's algorithm and delayed
    ACKs every request with a body would wait ~40 ms on loopback. Each request has one deadline
    (``deadline``)."""
    return deadline.transport(tls(), [(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])


class Client:
    """Also the client of a system without its own (``basis.systeme``): ``system`` names it."""

    system = "system"

    def __init__(self, *, base_url: str, timeout: float = 10.0, record: Recorder | None = None,
                 system: str | None = None, steuerung_passwort: Secret | None = None) -> None:
        """``steuerung_passwort``: sent (as ``X-Steuerung-Passwort``) only to the fakes' control and support."""
        self.base_url, self.timeout = base_url.rstrip("/"), timeout
        self.steuerung_passwort = steuerung_passwort
        if system is not None:
            self.system = system
        self._record = record
        # Told of every object a call created (kind, key): a landscape that is not reset removes exactly those.
        self.angelegt: Callable[[str, str], None] | None = None
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout, follow_redirects=False,
                                  transport=transport())

    def close(self) -> None:
        self._http.close()

    def melden(self, art: str, schluessel: str) -> None:
        if self.angelegt is not None:
            self.angelegt(art, schluessel)

    def request(self, method: str, path: str, *, json_body: Any = None,
                headers: dict[str, str | Secret] | None = None, params: dict[str, Any] | None = None) -> httpx.Response:
        if self.steuerung_passwort is not None and path.startswith(GESCHUETZT):
            headers = {**(headers or {}), "X-Steuerung-Passwort": self.steuerung_passwort}
        try:
            with deadline.frist(self.timeout):  # the whole request, however the remote drips its answer
                answer = self._http.request(method, path, json=_plain(json_body), headers=_plain(headers),
                                            params=params)
        except (httpx.ReadTimeout, httpx.WriteTimeout):
            raise Slow(self.system, 0, "ZU_LANGSAM", f"{self.system} unter {self.base_url} antwortet zu langsam: "
                       f"keine vollständige Antwort binnen {self.timeout:g} s.") from None
        except httpx.HTTPError as f:
            raise Unreachable(self.system, 0, "NICHT_ERREICHBAR", f"{self.system} unter {self.base_url} ist nicht "
                              f"erreichbar ({type(f).__name__}).") from None
        except UnicodeError:
            raise RemoteError(self.system, 0, "ANFRAGE_UNGUELTIG", f"Die Anfrage an {self.system} enthält in einer "
                              "Kopfzeile Zeichen, die HTTP dort nicht erlaubt (nur ASCII).") from None
        if self._record is not None:
            self._record(self._entry(method, path, json_body, headers, answer))
        return answer

    def json(self, method: str, path: str, *, json_body: Any = None, headers: dict[str, str | Secret] | None = None,
             params: dict[str, Any] | None = None) -> Any:
        answer = self.request(method, path, json_body=json_body, headers=headers, params=params)
        if answer.status_code >= 400:
            raise self._error(answer)
        return answer.json() if answer.content else None

    def obj(self, method: str, path: str, **kw: Any) -> dict[str, Any]:
        """An answer that must be a JSON object (else: ANTWORT_UNERWARTET)."""
        data = self.json(method, path, **kw)
        if not isinstance(data, dict):
            raise self.unexpected(f"{method} {path} liefert kein JSON-Objekt")
        return data

    def items(self, method: str, path: str, **kw: Any) -> list[Any]:
        """An answer that must be a JSON list (else: ANTWORT_UNERWARTET)."""
        data = self.json(method, path, **kw)
        if not isinstance(data, list):
            raise self.unexpected(f"{method} {path} liefert keine JSON-Liste")
        return data

    def all_pages(self, path: str, *, pro_seite: int = 100, max_seiten: int = 100) -> list[Any]:
        """Every entry of a list read page by page (``X-Seiten``); a system without paging headers
        answers everything at once, and that is the one page."""
        eintraege: list[Any] = []
        for seite in range(1, max_seiten + 1):
            answer = self.request("GET", path, params={"seite": seite, "pro_seite": pro_seite})
            if answer.status_code >= 400:
                raise self._error(answer)
            try:
                teil = answer.json() if answer.content else []
            except ValueError:
                teil = None
            if not isinstance(teil, list):
                raise self.unexpected(f"GET {path} liefert keine JSON-Liste")
            eintraege += teil
            seiten = answer.headers.get("x-seiten", "1")
            if not seiten.isdigit() or seite >= int(seiten):
                break
        return eintraege

    def text_field(self, data: dict[str, Any], key: str) -> str:
        value = data.get(key)
        if not isinstance(value, str):
            raise self.unexpected(f"das Feld „{key}“ fehlt oder ist kein Text")
        return value

    def list_field(self, data: dict[str, Any], key: str) -> list[Any]:
        value = data.get(key)
        if not isinstance(value, list):
            raise self.unexpected(f"das Feld „{key}“ fehlt oder ist keine Liste")
        return value

    def unexpected(self, what: str) -> RemoteError:
        return RemoteError(self.system, 200, "ANTWORT_UNERWARTET",
                           f"{self.system} unter {self.base_url} antwortet unerwartet: {what}.")

    def _error(self, answer: httpx.Response) -> RemoteError:
        code, message = refusal.read(answer.status_code, answer.headers, answer.content, hide=mask)
        return RemoteError(self.system, answer.status_code, code, message)

    def _entry(self, method: str, path: str, body: Any, headers: dict[str, str | Secret] | None,
               answer: httpx.Response) -> dict[str, Any]:
        try:
            answer_body = redact(answer.json())
        except ValueError:
            answer_body = f"<{answer.headers.get('content-type', 'ohne Inhalt')}>"
        return {
            "system": self.system, "methode": method, "url": redact_url(self.base_url + path),
            "kopfzeilen": {k: MASK for k in (headers or {}) if k.lower() in SECRET_HEADERS},
            "anfrage": redact(body), "status": answer.status_code, "antwort": answer_body,
            "weiterleitung": redact_url(answer.headers.get("location", "")) or None,
        }
