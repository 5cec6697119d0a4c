"""The fakes' own transport to their neighbours: answers, refusals as NeighbourError, a connection that survives."""

from __future__ import annotations

import http.server
import json
import threading
from typing import Iterator

import pytest

from fakes.common.errors import NeighbourError
from fakes.common.transport import Transport, Unreachable
from tests.remotes import closing_server, echo_server, slow_server


class _Echo(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        """A refusal: in the fakes' shape on /abgelehnt, as plain text elsewhere."""
        if self.path == "/abgelehnt":
            antwort, art, kopf = b'{"error": "Nein, weil.", "code": "IM_KOERPER"}', "application/json", "IM_KOPF"
        else:
            antwort, art, kopf = b"<html>kaputt</html>", "text/html", ""
        self.send_response(403)
        self.send_header("content-type", art)
        self.send_header("content-length", str(len(antwort)))
        if kopf:
            self.send_header("X-Fehlercode", kopf)
        self.end_headers()
        self.wfile.write(antwort)

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
    http = Transport(server + "/basis", "Echo", 5)
    a = http.request("POST", "/x", json={"ä": "€"}, headers={"X-Test": "1"}, params={"q": "ü w"})
    assert a.status_code == 201 and a.headers["x-fehlercode"] == "KEINER"
    assert a.json() == {"pfad": "/basis/x?q=%C3%BC+w", "koerper": {"ä": "€"}, "kopf": "1"}
    http.close()


def test_nicht_kodierbare_kopfzeile_verdirbt_die_verbindung_nicht(server: str) -> None:
    http = Transport(server, "Echo", 5)
    with pytest.raises(UnicodeEncodeError):
        http.request("POST", "/x", headers={"X-Test": "b€"})  # http.client writes headers as latin-1
    assert http.request("POST", "/y", json={}).status_code == 201  # a fresh connection, not a spoilt one


def test_nicht_erreichbar() -> None:
    with pytest.raises(Unreachable):
        Transport("http://127.0.0.1:9", "Echo", 1).request("POST", "/x")
    with pytest.raises(NeighbourError) as f:
        Transport("http://127.0.0.1:9", "Echo", 1).call("POST", "/x")
    assert f.value.code == "NICHT_ERREICHBAR"
    assert "Echo unter http://127.0.0.1:9 ist nicht erreichbar" in f.value.message


def test_ablehnung_des_nachbarn_mit_code_und_meldung(server: str) -> None:
    http = Transport(server, "Echo", 5)
    with pytest.raises(NeighbourError) as f:
        http.call("GET", "/abgelehnt")
    assert (f.value.code, f.value.message) == ("IM_KOPF", "Nein, weil.")  # the header beats the body's code
    with pytest.raises(NeighbourError) as f:
        http.call("GET", "/anders")
    assert f.value.code == "HTTP_403" and "<" not in f.value.message and "Webseite (HTTP 403)" in f.value.message
    with pytest.raises(NeighbourError) as f:
        http.call("POST", "/x", headers={"X-Test": "b€"})
    assert f.value.code == "ANFRAGE_UNGUELTIG"
    assert http.call("POST", "/x", json={"a": 1})["koerper"] == {"a": 1}


def test_ein_echo_des_nachbarn_zeigt_kein_geheimnis() -> None:
    """Finding 7: what a fake sent (hash, secret, a Bearer token) never comes back in its launch log,
    not even cut off."""
    geheim = {"hash": "hash-0123456789abcdefg", "secret": "sécret-\"9876543210zyxw"}  # echoed JSON-escaped
    token = "tok-ABCDEFGHIJKLMNOPQRSTUV"
    with echo_server() as url:
        with pytest.raises(NeighbourError) as f:
            Transport(url, "Echo", 5).call("POST", "/api/ipn/tokens", json=geheim,
                                           headers={"Authorization": f"Bearer {token}"})
    assert f.value.code == "HTTP_400" and "Abgelehnt" in f.value.message
    for wert in (*geheim.values(), token):
        for form in (wert, json.dumps(wert)[1:-1]):
            assert form[:10] not in f.value.message, f.value.message


@pytest.mark.parametrize("langsam", [{"vorher": 3.0}, {"pause": 0.05, "laenge": 200}], ids=["spaet", "tropfend"])
def test_langsamer_nachbar_ist_zu_langsam_nicht_unerreichbar(langsam: dict[str, float]) -> None:
    """Finding 9: a per-read timeout let a dripping neighbour hold a launch for minutes, and late was
    called unreachable. One deadline for the whole call (here 1 s; the drip needs 10 s)."""
    with slow_server(**langsam) as url:
        http = Transport(url, "Tropf", 1)
        with pytest.raises(NeighbourError) as f:
            http.call("GET", "/")
        assert f.value.code == "ZU_LANGSAM" and "antwortet zu langsam" in f.value.message and "1 s" in f.value.message
        http.close()
    with slow_server(pause=0.001, laenge=20) as url:  # slow but within the deadline: an answer, no error
        assert Transport(url, "Tropf", 5).call("GET", "/") == {}


def test_ein_frischer_aufruf_geht_nur_einmal_hinaus() -> None:
    """A neighbour that closes without an answer: a fresh connection is not tried again (the POST would
    reach it twice, and the second try doubled the call's deadline) – review of finding 9."""
    with closing_server(vorher=0.3) as (url, gesehen):
        with pytest.raises(NeighbourError) as f:
            Transport(url, "Schliessend", 1).call("POST", "/api/starts", json={"a": 1})
    assert f.value.code == "NICHT_ERREICHBAR" and gesehen == ["POST /api/starts"]


def test_eine_wiederverwendete_verbindung_die_der_nachbar_schloss_wird_neu_aufgebaut(server: str) -> None:
    http = Transport(server, "Echo", 5)
    assert http.call("POST", "/x", json={"a": 1})["koerper"] == {"a": 1}
    c = http._connection()  # noqa: SLF001 - the kept-alive connection itself
    assert c.sock is not None
    c.sock.shutdown(2)  # as if the neighbour had closed it while idle
    assert http.call("POST", "/y", json={"b": 2})["koerper"] == {"b": 2}
