"""A lean HTTP/1.1 transport for the fakes' calls to their neighbours (standard library only).

httpx costs about 0.9 ms of CPU per request here, ``http.client`` about 0.3 ms; a launch makes four
neighbour calls, and the fakes share one process (and its GIL). Same interface as far as
``Client`` uses it: ``request(method, path, json=, headers=, params=)`` returns an answer with
``status_code``, ``headers`` (lower-case names), ``content``, ``text`` and ``json()``. Keep-alive
connections per thread; TLS with the same verifying context as httpx.
"""

from __future__ import annotations

import functools
import http.client
import json as jsonlib
import socket
import ssl
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode, urlsplit



@functools.cache
def tls() -> ssl.SSLContext:
    """One verifying TLS context for all clients: building it costs ~20 ms (CA bundle)."""
    return ssl.create_default_context()


class Unerreichbar(OSError):
    """The neighbour could not be reached (raised for any connection-level failure)."""


@dataclass
class Antwort:
    status_code: int
    headers: dict[str, str]
    content: bytes

    @property
    def text(self) -> str:
        return self.content.decode("utf-8", "replace")

    def json(self) -> Any:
        return jsonlib.loads(self.content)


class LeichtHttp:
    def __init__(self, base_url: str, timeout: float) -> None:
        teile = urlsplit(base_url)
        self._https = teile.scheme == "https"
        self._host, self._port = teile.hostname or "127.0.0.1", teile.port
        self._prefix = teile.path.rstrip("/")
        self._timeout = timeout
        self._lokal = threading.local()
        self._alle: list[http.client.HTTPConnection] = []
        self._sperre = threading.Lock()

    def _verbindung(self) -> http.client.HTTPConnection:
        c: http.client.HTTPConnection | None = getattr(self._lokal, "c", None)
        if c is None:
            if self._https:
                c = http.client.HTTPSConnection(self._host, self._port, timeout=self._timeout, context=tls())
            else:
                c = http.client.HTTPConnection(self._host, self._port, timeout=self._timeout)
            self._lokal.c = c
            with self._sperre:
                self._alle.append(c)
        return c

    def _weg(self) -> None:
        c = getattr(self._lokal, "c", None)
        if c is not None:
            c.close()
            self._lokal.c = None

    def request(self, method: str, path: str, *, json: Any = None, headers: dict[str, Any] | None = None,
                params: dict[str, Any] | None = None) -> Antwort:
        ziel = self._prefix + path + (f"?{urlencode(params)}" if params else "")
        kopf = {k: str(v) for k, v in (headers or {}).items()}
        body = None
        if json is not None:
            body = jsonlib.dumps(json, ensure_ascii=False).encode("utf-8")
            kopf["Content-Type"] = "application/json"
        for versuch in (1, 2):  # a kept-alive connection the server closed meanwhile: once more
            c = self._verbindung()
            try:
                c.request(method, ziel, body=body, headers=kopf)
                if c.sock is not None:
                    c.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                r = c.getresponse()
                return Antwort(r.status, {k.lower(): v for k, v in r.getheaders()}, r.read())
            except (ConnectionError, http.client.RemoteDisconnected, http.client.BadStatusLine) as f:
                self._weg()
                if versuch == 2:
                    raise Unerreichbar(str(f)) from f
            except (OSError, http.client.HTTPException) as f:
                self._weg()
                raise Unerreichbar(str(f)) from f
            except BaseException:  # e.g. a header http.client cannot encode: the connection is spoilt
                self._weg()
                raise
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._sperre:
            for c in self._alle:
                c.close()
            self._alle.clear()
