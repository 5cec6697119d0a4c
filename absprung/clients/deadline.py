"""One deadline for a whole request of the clients, not per read.

httpx's timeouts count per network operation: a remote that drips one byte every half second never
trips a 3 s read timeout and held the preflight 103 s. Here every connect, read and write of a request
gets at most the time left until the request's deadline (``frist``); when none is left, httpcore's
timeout is raised and httpx reports it as usual (``httpx.TimeoutException``).

httpx offers no parameter for a network backend; the connection pool is built as httpx builds it,
with this backend (``tests/absprung/clients/test_deadline.py`` notices if an httpx release changes that).
"""

from __future__ import annotations

import ssl
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterable, Iterator

import httpcore
import httpx

_frist = threading.local()  # httpx's sync client works in the calling thread


@contextmanager
def frist(sekunden: float) -> Iterator[None]:
    """Everything the client does for one request inside this block ends after ``sekunden``."""
    _frist.ende = time.monotonic() + sekunden
    try:
        yield
    finally:
        _frist.ende = None


def _rest(timeout: float | None, fehler: type[Exception]) -> float | None:
    ende: float | None = getattr(_frist, "ende", None)
    if ende is None:
        return timeout
    rest = ende - time.monotonic()
    if rest <= 0:
        raise fehler("Die Frist für die ganze Anfrage ist abgelaufen.")
    return rest if timeout is None else min(timeout, rest)


class _Stream(httpcore.NetworkStream):
    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _rest(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _rest(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: ssl.SSLContext, server_hostname: str | None = None,
                  timeout: float | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _rest(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _Backend(httpcore.NetworkBackend):
    def __init__(self) -> None:
        self._inner = httpcore.SyncBackend()

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_tcp(host, port, _rest(timeout, httpcore.ConnectTimeout), local_address,
                                               socket_options))

    def connect_unix_socket(self, path: str, timeout: float | None = None,
                            socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        return _Stream(self._inner.connect_unix_socket(path, _rest(timeout, httpcore.ConnectTimeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


def transport(ssl_context: ssl.SSLContext, socket_options: list[tuple[int, int, int]]) -> httpx.HTTPTransport:
    """httpx's transport with httpx's default limits, its connections made by the deadline backend."""
    t = httpx.HTTPTransport(verify=ssl_context, socket_options=socket_options)
    grenzen = httpx.Limits(max_connections=100, max_keepalive_connections=20, keepalive_expiry=5.0)
    t._pool = httpcore.ConnectionPool(  # noqa: SLF001 - see the module docstring
        ssl_context=ssl_context, max_connections=grenzen.max_connections,
        max_keepalive_connections=grenzen.max_keepalive_connections, keepalive_expiry=grenzen.keepalive_expiry,
        socket_options=socket_options, network_backend=_Backend())
    return t
