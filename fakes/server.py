"""Runs the fakes of a landscape in one background event loop on loopback ports.

Used by the test session (one set per pytest process, so per xdist worker) and by
``python -m fakes``. A landscape may serve only some of the four systems and name the others'
addresses (``Options.neighbours``): one merged address map wires every served fake to its
neighbours, served or remote. Sockets are bound first, so every fake knows its neighbours' URLs
before any app is built; the one event loop serves them all, blocking model calls run in its
threadpool.
"""

from __future__ import annotations

import asyncio
import http.client
import socket
import threading
import time
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Callable

import uvicorn
from starlette.applications import Starlette

from fakes import demo
from fakes.ams.app import create as ams_app
from fakes.cloud.app import create as cloud_app
from fakes.concenter.app import create as concenter_app
from fakes.common.errors import StartError
from fakes.concenter.neighbours import PartnerAccess
from fakes.thinksurance.app import create as thinksurance_app
from fakes.thinksurance.forward import SWITCH_GUELTIGKEIT_STANDARD

SYSTEMS = ("cloud", "concenter", "ams", "thinksurance")


@dataclass
class Options:
    host: str = "127.0.0.1"
    ports: dict[str, int] = field(default_factory=dict)  # 0 / missing = free port
    control_on: bool = True
    seed: str | None = "ausgangslage"
    switch_gueltigkeit: int = SWITCH_GUELTIGKEIT_STANDARD
    serve: frozenset[str] = frozenset(SYSTEMS)  # the systems faked here
    neighbours: dict[str, str] = field(default_factory=dict)  # base URL of every system not served
    # con:center's partner credentials for Thinksurance (a real one needs real ones)
    thinksurance_hash: str = demo.TS_HASH
    thinksurance_secret: str = demo.TS_SECRET
    # Further apps served alongside (e.g. the training page), built once the fakes' URLs are known.
    zusaetze: dict[str, Callable[[dict[str, str]], Any]] = field(default_factory=dict)


class Fakes:
    """The running fakes; ``urls`` maps every system of the landscape to its base URL."""

    def __init__(self, options: Options | None = None) -> None:
        self.options = options or Options()
        self.urls: dict[str, str] = {}
        self.served: tuple[str, ...] = ()
        self.apps: dict[str, Starlette] = {}
        self.zusatz_urls: dict[str, str] = {}
        self._servers: list[uvicorn.Server] = []
        self._thread: threading.Thread | None = None
        self._error: BaseException | None = None

    def start(self, *, wait: float = 10.0) -> Fakes:
        o = self.options
        missing = [s for s in SYSTEMS if s not in o.serve and not o.neighbours.get(s)]
        if missing:
            raise StartError(f"Für {', '.join(missing)} fehlt eine Adresse: weder eingebettet noch angegeben.")
        served = [s for s in SYSTEMS if s in o.serve]
        self.served = tuple(served)
        sockets = {s: _bind(o.host, o.ports.get(s, 0)) for s in served}
        shown_host = "127.0.0.1" if o.host in ("0.0.0.0", "") else o.host
        own = {s: f"http://{shown_host}:{sock.getsockname()[1]}" for s, sock in sockets.items()}
        self.urls = {s: own.get(s) or o.neighbours[s] for s in SYSTEMS}
        apps: dict[str, Any] = {s: self._app(s) for s in served}
        self.apps = dict(apps)
        for name, bauen in o.zusaetze.items():
            sockets[name] = _bind(o.host, o.ports.get(name, 0))
            self.zusatz_urls[name] = f"http://{shown_host}:{sockets[name].getsockname()[1]}"
            apps[name] = bauen(self.urls)
        for name in apps:
            config = uvicorn.Config(apps[name], log_level="warning", access_log=False, lifespan="off",
                                    timeout_graceful_shutdown=1, limit_concurrency=200)
            # Served from a background thread, uvicorn installs no signal handlers: the owner of the
            # process (python -m fakes, pytest) handles them.
            self._servers.append(uvicorn.Server(config))

        async def serve_all() -> None:
            await asyncio.gather(*(srv.serve(sockets=[sockets[n]]) for n, srv in zip(apps, self._servers, strict=True)))

        def run() -> None:
            try:
                asyncio.run(serve_all())
            except BaseException as f:  # surfaced by start()
                self._error = f

        self._thread = threading.Thread(target=run, name="fakes", daemon=True)
        self._thread.start()
        self._wait_until_ready({s: own[s] for s in served}, wait)
        self._wait_until_ready(self.zusatz_urls, wait, path="/")
        return self

    def _app(self, system: str) -> Starlette:
        """One fake, wired to its neighbours through the merged address map."""
        o, u = self.options, self.urls
        if system == "cloud":
            return cloud_app(control_on=o.control_on, seed=o.seed)
        if system == "thinksurance":
            return thinksurance_app(control_on=o.control_on, seed=o.seed, switch_gueltigkeit=o.switch_gueltigkeit)
        if system == "concenter":
            access = PartnerAccess(cloud_url=u["cloud"], thinksurance_url=u["thinksurance"],
                                   hash=o.thinksurance_hash, secret=o.thinksurance_secret)
            return concenter_app(access, control_on=o.control_on, seed=o.seed)
        return ams_app(u["concenter"], cloud_url=u["cloud"], control_on=o.control_on, seed=o.seed)

    def _wait_until_ready(self, urls: dict[str, str], wait: float, path: str = "/openapi.json") -> None:
        end = time.monotonic() + wait
        pending = dict(urls)
        while pending:
            if self._error is not None:
                raise StartError(f"Fakes konnten nicht starten: {self._error}")
            for s, url in list(pending.items()):
                if _answers(url, path):
                    del pending[s]
            if pending and time.monotonic() > end:
                raise StartError(f"Fakes antworten nicht: {', '.join(pending)}")
            if pending:
                time.sleep(0.005)

    def stop(self) -> None:
        for srv in self._servers:
            srv.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Fakes:
        return self.start()

    def __exit__(self, typ: type[BaseException] | None, error: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()


def _bind(host: str, port: int) -> socket.socket:
    # proto=IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted sockets whose proto is
    # TCP; without it every keep-alive response waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def _answers(url: str, path: str) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        connection = http.client.HTTPConnection(host, int(port), timeout=0.5)
        connection.request("GET", path)
        ok = connection.getresponse().status == 200
        connection.close()
        return ok
    except OSError:
        return False


def demo_access(urls: dict[str, str], served: tuple[str, ...] = SYSTEMS) -> dict[str, dict[str, Any]]:
    """What a support person needs to practise: URLs and the demo logins (invented values) of the
    systems served here."""
    access = {
        "cloud": {"url": urls["cloud"], "drive": f"{urls['cloud']}/drive/{demo.BESTAND}",
                  "bestand": demo.BESTAND, "benutzer": demo.MITARBEITER_EMAIL},
        "concenter": {"url": urls["concenter"], "benutzer": demo.CONCENTER_BENUTZER,
                      "passwort": demo.CONCENTER_PASSWORT},
        "ams": {"url": urls["ams"], "benutzer": demo.AMS_KUERZEL, "haupt_email": demo.MITARBEITER_EMAIL},
        "thinksurance": {"url": urls["thinksurance"], "hash": demo.TS_HASH, "secret": demo.TS_SECRET,
                         "aToken": demo.TS_ATOKEN, "nameTag": demo.TS_NAMETAG,
                         "bToken": demo.TS_BTOKEN, "bEmail": demo.MITARBEITER_EMAIL},
    }
    return {s: access[s] for s in served}
