"""The lean transport of the fakes' neighbour calls: answers, errors, and a connection that survives."""

from __future__ import annotations

import http.server
import json
import threading
from typing import Iterator

import pytest

from absprung.clients.leicht import LeichtHttp, Unerreichbar


class _Echo(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        antwort = json.dumps({"pfad": self.path, "koerper": json.loads(body or b"null"),
                              "kopf": self.headers.get("x-test")}).encode()
        self.send_response(201)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(antwort)))
        self.send_header("X-Fehlercode", "KEINER")
        self.end_headers()
        self.wfile.write(antwort)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Echo)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_anfrage_und_antwort(server: str) -> None:
    http = LeichtHttp(server + "/basis", 5)
    a = http.request("POST", "/x", json={"ä": "€"}, headers={"X-Test": "1"}, params={"q": "ü w"})
    assert a.status_code == 201 and a.headers["x-fehlercode"] == "KEINER"
    assert a.json() == {"pfad": "/basis/x?q=%C3%BC+w", "koerper": {"ä": "€"}, "kopf": "1"}
    http.close()


def test_nicht_kodierbare_kopfzeile_verdirbt_die_verbindung_nicht(server: str) -> None:
    http = LeichtHttp(server, 5)
    with pytest.raises(UnicodeEncodeError):
        http.request("POST", "/x", headers={"X-Test": "b€"})  # http.client writes headers as latin-1
    assert http.request("POST", "/y", json={}).status_code == 201  # a fresh connection, not a spoilt one


def test_nicht_erreichbar() -> None:
    with pytest.raises(Unerreichbar):
        LeichtHttp("http://127.0.0.1:9", 1).request("POST", "/x")
