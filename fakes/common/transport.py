"""How a fake calls a neighbour system: a lean HTTP/1.1 JSON transport (standard library only).

The real systems call each other over HTTP; so do the fakes, through this transport and nothing
of the test harness. httpx costs about 0.9 ms of CPU per request here, ``http.client`` about 0.3 ms;
a launch makes four neighbour calls. Keep-alive connections per thread; TLS with a verifying context.

``Transport.call`` returns the JSON answer. A neighbour's refusal reaches the calling model as
``NeighbourError`` with the neighbour's stable code (``X-Fehlercode`` or ``code``) and message
(``error``); a neighbour that cannot be reached as ``NeighbourError("NICHT_ERREICHBAR", …)``.
"""

from __future__ import annotations

import functools
import http.client
import json as jsonlib
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlencode, urlsplit

from basis import refusal
from basis.secret import MASK, MIN_LENGTH, forms

from .errors import NeighbourError
from .watchdog import WATCHDOG

UNREACHABLE = "NICHT_ERREICHBAR"
SLOW = "ZU_LANGSAM"
BAD_REQUEST = "ANFRAGE_UNGUELTIG"
UNEXPECTED = "ANTWORT_UNERWARTET"


@functools.cache
def tls() -> ssl.SSLContext:
    """One verifying TLS context for all transports: building it costs ~20 ms (CA bundle)."""
    return ssl.create_default_context()


class Unreachable(OSError):
    """The neighbour could not be reached (raised for any connection-level failure)."""


class TooSlow(Unreachable):
    """The neighbour was reached but gave no complete answer within the call's deadline."""


@dataclass
class Response:
    status_code: int
    headers: dict[str, str]  # lower-case names
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return jsonlib.loads(self.content)


class Transport:
    """One neighbour: ``name`` is how messages call it (``basis.systeme.TITEL``)."""

    def __init__(self, base_url: str, name: str, timeout: float = 10.0) -> None:
        parts = urlsplit(base_url)
        self.base_url, self.name = base_url.rstrip("/"), name
        self._https = parts.scheme == "https"
        self._host, self._port = parts.hostname or "127.0.0.1", parts.port
        self._prefix = parts.path.rstrip("/")
        self._timeout = timeout
        self._local = threading.local()
        self._all: list[http.client.HTTPConnection] = []
        self._lock = threading.Lock()

    def call(self, method: str, path: str, *, json: Any = None, headers: dict[str, str] | None = None,
             params: dict[str, Any] | None = None) -> Any:
        """The JSON answer; a refusal or an unreachable neighbour as ``NeighbourError``."""
        try:
            answer = self.request(method, path, json=json, headers=headers, params=params)
        except TooSlow:
            raise NeighbourError(SLOW, f"{self.name} unter {self.base_url} antwortet zu langsam: keine vollständige "
                                       f"Antwort binnen {self._timeout:g} s.") from None
        except Unreachable:
            raise NeighbourError(UNREACHABLE, f"{self.name} unter {self.base_url} ist nicht erreichbar.") from None
        except UnicodeError:
            raise NeighbourError(BAD_REQUEST, f"Die Anfrage an {self.name} enthält in einer Kopfzeile Zeichen, die "
                                              "HTTP dort nicht erlaubt (nur ASCII).") from None
        if answer.status_code >= 400:
            raise _refusal(answer, _gesendet(json, headers))
        try:
            return answer.json() if answer.content else None
        except ValueError:
            raise NeighbourError(UNEXPECTED, f"{self.name} antwortet nicht mit JSON (HTTP "
                                             f"{answer.status_code}).") from None

    def request(self, method: str, path: str, *, json: Any = None, headers: dict[str, Any] | None = None,
                params: dict[str, Any] | None = None) -> Response:
        target = self._prefix + path + (f"?{urlencode(params)}" if params else "")
        head = {k: str(v) for k, v in (headers or {}).items()}
        body = None
        if json is not None:
            if isinstance(json, dict):  # a field without a value is left out: the invented APIs refuse null
                json = {k: v for k, v in json.items() if v is not None}
            body = jsonlib.dumps(json, ensure_ascii=False).encode("utf-8")
            head["Content-Type"] = "application/json"
        ende = time.monotonic() + self._timeout  # one deadline for the call, a second attempt included
        for attempt in (1, 2):
            c = self._connection()
            wieder = c.sock is not None  # a kept-alive connection the server may have closed meanwhile
            nummer = 0
            try:
                if not wieder:
                    c.timeout = max(0.001, ende - time.monotonic())  # connect within the time left
                    c.connect()
                    sock = cast(socket.socket, c.sock)
                    sock.settimeout(self._timeout)
                    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                rest = ende - time.monotonic()
                if rest <= 0:
                    raise TooSlow("Die Frist für den ganzen Aufruf ist abgelaufen.")
                nummer = WATCHDOG.watch(cast(socket.socket, c.sock), rest)  # however the answer drips
                c.request(method, target, body=body, headers=head)
                r = c.getresponse()
                answer = Response(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError) as f:
                self._drop()
                if nummer and WATCHDOG.done(nummer):
                    raise TooSlow(str(f)) from f
                # Once more only where a reused connection was closed before any answer: a fresh one that
                # fails would fail again, and the request must not reach the neighbour twice.
                if attempt == 2 or not wieder:
                    raise Unreachable(str(f)) from f
            except (OSError, http.client.HTTPException) as f:
                self._drop()
                if isinstance(f, TooSlow):
                    raise
                if nummer and WATCHDOG.done(nummer):
                    raise TooSlow(str(f)) from f
                raise (TooSlow if isinstance(f, TimeoutError) and (nummer or wieder) else Unreachable)(str(f)) from f
            except BaseException:  # e.g. a header http.client cannot encode: the connection is spoilt
                self._drop()
                if nummer:
                    WATCHDOG.done(nummer)
                raise
            else:
                if WATCHDOG.done(nummer):  # complete, but its socket was shut down at the last moment
                    self._drop()
                return answer
        raise AssertionError("unreachable")

    def _connection(self) -> http.client.HTTPConnection:
        c: http.client.HTTPConnection | None = getattr(self._local, "c", None)
        if c is None:
            if self._https:
                c = http.client.HTTPSConnection(self._host, self._port, timeout=self._timeout, context=tls())
            else:
                c = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
            self._local.c = c
            with self._lock:
                self._all.append(c)
        return c

    def _drop(self) -> None:
        c = getattr(self._local, "c", None)
        if c is not None:
            c.close()
            self._local.c = None

    def close(self) -> None:
        with self._lock:
            for c in self._all:
                c.close()
            self._all.clear()


# Body fields whose values are credentials; every header value a fake sends is one (Authorization,
# X-Broker-Token …).
SECRET_FIELDS = frozenset({"hash", "secret", "passwort", "token", "bToken", "aToken", "btoken", "access_token"})


def _gesendet(json: Any, headers: dict[str, str] | None) -> list[str]:
    """The secrets this request carried, longest first: a neighbour that echoes them in its error must
    not bring them into the launch log."""
    werte = [str(v) for v in (headers or {}).values()]
    werte += [w.split(" ", 1)[1] for w in werte if " " in w]  # "Bearer <token>", "Basic <…>"
    if isinstance(json, dict):
        werte += [v for k, v in json.items() if k in SECRET_FIELDS and isinstance(v, str)]
    return sorted({f for w in werte if len(w) >= MIN_LENGTH for f in forms(w)}, key=len, reverse=True)


def _refusal(answer: Response, geheim: list[str]) -> NeighbourError:
    def hide(text: str) -> str:
        for wert in geheim:
            text = text.replace(wert, MASK)
        return text

    return NeighbourError(*refusal.read(answer.status_code, answer.headers, answer.content, hide=hide))
