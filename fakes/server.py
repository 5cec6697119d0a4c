"""Runs all four fakes in one background event loop on loopback ports.

Used by the test session (one set per pytest process, so per xdist worker) and by
``python -m fakes``. Sockets are bound first, so every fake knows its neighbours' URLs before
any app is built; the one event loop serves all four, blocking model calls run in its threadpool.
"""

from __future__ import annotations

import asyncio
import http.client
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import uvicorn

from fakes import demo
from fakes.ams.app import erstellen as ams_app
from fakes.cloud.app import erstellen as cloud_app
from fakes.concenter.app import erstellen as concenter_app
from fakes.concenter.gegenstellen import Partnerzugang
from fakes.thinksurance.app import erstellen as thinksurance_app
from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD

SYSTEME = ("cloud", "concenter", "ams", "thinksurance")


@dataclass
class Optionen:
    host: str = "127.0.0.1"
    ports: dict[str, int] = field(default_factory=dict)  # 0 / missing = free port
    steuerung_an: bool = True
    datenstand: str | None = "ausgangslage"
    switch_gueltigkeit: int = SWITCH_GUELTIGKEIT_STANDARD
    # A mixed target: con:center may talk to a real Thinksurance instead of the fake.
    thinksurance_url: str | None = None
    thinksurance_hash: str = demo.TS_HASH
    thinksurance_secret: str = demo.TS_SECRET


class Fakes:
    """The four running fakes; ``urls`` maps system name to its base URL."""

    def __init__(self, optionen: Optionen | None = None) -> None:
        self.optionen = optionen or Optionen()
        self.urls: dict[str, str] = {}
        self._server: list[uvicorn.Server] = []
        self._thread: threading.Thread | None = None
        self._fehler: BaseException | None = None

    def starten(self, *, warten: float = 10.0) -> "Fakes":
        o = self.optionen
        sockets = {s: _binden(o.host, o.ports.get(s, 0)) for s in SYSTEME}
        anzeige_host = "127.0.0.1" if o.host in ("0.0.0.0", "") else o.host
        self.urls = {s: f"http://{anzeige_host}:{sock.getsockname()[1]}" for s, sock in sockets.items()}
        zugang = Partnerzugang(cloud_url=self.urls["cloud"],
                               thinksurance_url=o.thinksurance_url or self.urls["thinksurance"],
                               hash=o.thinksurance_hash, secret=o.thinksurance_secret)
        apps = {
            "cloud": cloud_app(steuerung_an=o.steuerung_an, datenstand=o.datenstand),
            "thinksurance": thinksurance_app(steuerung_an=o.steuerung_an, datenstand=o.datenstand,
                                             switch_gueltigkeit=o.switch_gueltigkeit),
            "concenter": concenter_app(zugang, steuerung_an=o.steuerung_an, datenstand=o.datenstand),
            "ams": ams_app(self.urls["concenter"], cloud_url=self.urls["cloud"], steuerung_an=o.steuerung_an,
                           datenstand=o.datenstand),
        }
        self.apps = apps
        for s in SYSTEME:
            config = uvicorn.Config(apps[s], log_level="warning", access_log=False, lifespan="off",
                                    timeout_graceful_shutdown=1, limit_concurrency=200)
            server = uvicorn.Server(config)
            server.install_signal_handlers = lambda: None  # type: ignore[method-assign]
            self._server.append(server)

        async def alle() -> None:
            await asyncio.gather(*(srv.serve(sockets=[sockets[s]])
                                   for s, srv in zip(SYSTEME, self._server)))

        def laufen() -> None:
            try:
                asyncio.run(alle())
            except BaseException as f:  # surfaced by starten()
                self._fehler = f

        self._thread = threading.Thread(target=laufen, name="fakes", daemon=True)
        self._thread.start()
        self._warten_bis_bereit(warten)
        return self

    def _warten_bis_bereit(self, warten: float) -> None:
        ende = time.monotonic() + warten
        offen = dict(self.urls)
        while offen:
            if self._fehler is not None:
                raise RuntimeError(f"Fakes konnten nicht starten: {self._fehler}")
            for s, url in list(offen.items()):
                if _antwortet(url):
                    del offen[s]
            if offen and time.monotonic() > ende:
                raise RuntimeError(f"Fakes antworten nicht: {', '.join(offen)}")
            if offen:
                time.sleep(0.005)

    def stoppen(self) -> None:
        for srv in self._server:
            srv.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> "Fakes":
        return self.starten()

    def __exit__(self, *exc: Any) -> None:
        self.stoppen()


def _binden(host: str, port: int) -> socket.socket:
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose proto is
    # TCP; without it every keep-alive response waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _antwortet(url: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        verbindung = http.client.HTTPConnection(host, int(port), timeout=0.5)
        verbindung.request("GET", "/openapi.json")
        ok = verbindung.getresponse().status == 200
        verbindung.close()
        return ok
    except OSError:
        return False


def demo_zugaenge(urls: dict[str, str]) -> dict[str, dict[str, Any]]:
    """What a support person needs to practise: URLs and the demo logins (invented values)."""
    return {
        "cloud": {"url": urls["cloud"], "drive": f"{urls['cloud']}/drive/{demo.BESTAND}",
                  "bestand": demo.BESTAND, "benutzer": demo.MITARBEITER_EMAIL},
        "concenter": {"url": urls["concenter"], "benutzer": demo.CONCENTER_BENUTZER,
                      "passwort": demo.CONCENTER_PASSWORT},
        "ams": {"url": urls["ams"], "benutzer": demo.AMS_KUERZEL,
                "haupt_email": demo.MITARBEITER_EMAIL},
        "thinksurance": {"url": urls["thinksurance"], "hash": demo.TS_HASH, "secret": demo.TS_SECRET,
                         "aToken": demo.TS_ATOKEN, "nameTag": demo.TS_NAMETAG,
                         "bToken": demo.TS_BTOKEN, "bEmail": demo.MITARBEITER_EMAIL},
    }
