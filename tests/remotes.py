"""Careless remotes for tests, on loopback: one refuses every request with a plain-text echo of what it
got (headers and body), as some gateways do – the worst case for secrets in error messages; one
answers late; one drips its answer a byte at a time – the worst case for per-read timeouts."""

from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Any, Iterator

from tests.helpers import QuietHandler, loopback_server


class _Echo(QuietHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out separately: no 40 ms wait per request

    def _echo(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        antwort = b"Abgelehnt: " + body + b" " + str(self.headers).encode("latin-1")
        self.send_response(400)
        self.send_header("content-type", "text/plain")
        self.send_header("content-length", str(len(antwort)))
        self.end_headers()
        self.wfile.write(antwort)

    do_GET = do_POST = do_PUT = do_PATCH = _echo  # noqa: N815 - stdlib names


class _Langsam(QuietHandler):
    """Waits ``vorher`` seconds, then sends an empty JSON object of ``laenge`` bytes, ``pause`` seconds apart each."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    vorher, pause, laenge = 0.0, 0.0, 2

    def _antworten(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        time.sleep(self.vorher)
        antwort = b"{" + b" " * (self.laenge - 2) + b"}"
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(antwort)))
        self.end_headers()
        try:
            for byte in antwort:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(self.pause)
        except OSError:
            pass  # the caller gave up: that is what is tested

    do_GET = do_POST = do_PUT = _antworten  # noqa: N815 - stdlib names


class _Schliessend(QuietHandler):
    """Reads the request, waits ``vorher`` seconds and closes the connection without an answer."""

    protocol_version = "HTTP/1.1"
    vorher = 0.0
    gesehen: list[str] = []

    def _schliessen(self) -> None:
        self.rfile.read(int(self.headers.get("content-length", 0)))
        self.gesehen.append(f"{self.command} {self.path}")
        time.sleep(self.vorher)
        self.close_connection = True

    do_GET = do_POST = _schliessen  # noqa: N815 - stdlib names


def echo_server() -> Any:
    return loopback_server(_Echo)


def slow_server(*, vorher: float = 0.0, pause: float = 0.0, laenge: int = 2) -> Any:
    """Answers ``vorher`` seconds late, or drips ``laenge`` bytes ``pause`` seconds apart."""
    return loopback_server(type("Langsam", (_Langsam,), {"vorher": vorher, "pause": pause, "laenge": laenge}))


@contextmanager
def closing_server(vorher: float = 0.0) -> Iterator[tuple[str, list[str]]]:
    """Closes every connection without an answer after ``vorher`` seconds; yields the URL and the
    requests it saw."""
    gesehen: list[str] = []
    with loopback_server(type("Schliessend", (_Schliessend,), {"vorher": vorher, "gesehen": gesehen})) as url:
        yield url, gesehen
