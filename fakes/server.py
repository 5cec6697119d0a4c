"""Runs the fakes of a landscape on loopback ports: each in a thread of its own, or – for
``python -m fakes`` – each in a process of its own (``Options.prozesse``).

Used by the test session (one set per pytest process, so per xdist worker) and by
``python -m fakes``. A landscape may serve only some of the systems (``basis.systeme``) and name
the others' addresses (``Options.neighbours``): one merged address map wires every served fake to
its neighbours, served or remote. Sockets are bound first, so every fake knows its neighbours' URLs
(and its own, for one-time links) before any app is built. Serving: ``fakes.serving``.
"""

from __future__ import annotations

import functools
import http.client
import socket
import sys
import time
from types import TracebackType
from typing import Any, Callable, Mapping

import uvicorn

from basis.systeme import NAMEN, SYSTEM
from fakes.common.errors import StartError
from fakes.options import Options
from fakes.process import Child, Supervisor
from fakes.serving import BACKLOG, build, fake_module, guarded, serve_child, serve_in_thread

# Further apps served alongside the fakes (e.g. the training page): built once the fakes' URLs are known.
AppBuilder = Callable[[Mapping[str, str]], Any]


class Fakes:
    """The running fakes; ``urls`` maps every system of the landscape to its base URL."""

    def __init__(self, options: Options | None = None, zusaetze: dict[str, AppBuilder] | None = None) -> None:
        self.options = options or Options()
        self.zusaetze = zusaetze or {}
        self.urls: dict[str, str] = {}
        self.served: tuple[str, ...] = ()
        self.zusatz_urls: dict[str, str] = {}
        self._servers: list[uvicorn.Server] = []
        self._threads: list[Any] = []
        self._children: dict[str, Child] = {}
        self._supervisor: Supervisor | None = None
        self._error: BaseException | None = None

    def start(self, *, wait: float = 10.0) -> Fakes:
        o = self.options
        missing = [s for s in NAMEN if s not in o.serve and not o.neighbours.get(s)]
        if missing:
            raise StartError(f"Für {', '.join(missing)} fehlt eine Adresse: weder eingebettet noch angegeben.")
        served = [s for s in NAMEN if s in o.serve]
        self.served = tuple(served)
        sockets = {s: _bind(o.host, o.ports.get(s, 0)) for s in served}
        shown_host = "127.0.0.1" if o.host in ("0.0.0.0", "") else o.host
        own = {s: f"http://{shown_host}:{sock.getsockname()[1]}" for s, sock in sockets.items()}
        self.urls = {s: own.get(s) or o.neighbours[s] for s in NAMEN}
        if o.prozesse:
            for s in served:
                fake_module(s)  # imported once here: the forked children need not import it again
            for s in served:
                self._prozess(s, sockets[s])
            for child in self._children.values():  # only now other threads: the forks are done
                child.drain()
        else:
            for s in served:
                self._thread(s, guarded(build(s, o, self.urls), o), sockets[s])
        for name, bauen in self.zusaetze.items():
            sock = _bind(o.host, o.ports.get(name, 0))
            self.zusatz_urls[name] = f"http://{shown_host}:{sock.getsockname()[1]}"
            self._thread(name, guarded(bauen(self.urls), o), sock)
        try:
            self._wait_until_ready({s: own[s] for s in served}, wait)
            self._wait_until_ready(self.zusatz_urls, wait, path="/", any_answer=True)
        except StartError:
            self.stop()
            raise
        if self._children:
            self._supervisor = Supervisor(list(self._children.values()), self.say)
            self._supervisor.start()
        return self

    def say(self, text: str) -> None:
        """What the fakes have to tell the person running them (one German line on stderr)."""
        print(f"Hinweis: {text}", file=sys.stderr, flush=True)

    def _thread(self, name: str, app: Any, sock: socket.socket) -> None:
        srv, thread = serve_in_thread(name, app, sock, self._fehler)
        self._servers.append(srv)
        self._threads.append(thread)

    def _fehler(self, f: BaseException) -> None:
        self._error = f

    def _prozess(self, system: str, sock: socket.socket) -> None:
        """The parent keeps its copy of the socket: a child started again serves the same port."""
        child = Child(system, SYSTEM[system].titel, sock,
                      {"system": system, "urls": self.urls, "options": self.options.to_json()},
                      serve=functools.partial(serve_child, system, self.options, dict(self.urls)))
        child.spawn()
        self._children[system] = child

    def _wait_until_ready(self, urls: dict[str, str], wait: float, path: str = "/openapi.json",
                          any_answer: bool = False) -> None:
        """``any_answer``: an extension's page is ready when it answers at all (it may ask for a password)."""
        end = time.monotonic() + wait
        pending = dict(urls)
        while pending:
            if self._error is not None:
                raise StartError(f"Fakes konnten nicht starten: {self._error}")
            for child in self._children.values():
                if child.ended is not None:
                    time.sleep(0.05)  # the last lines of its stderr
                    raise StartError(f"Der Fake {child.title} endete beim Start ({child.why()}).")
            for s, url in list(pending.items()):
                if _answers(url, path, any_answer):
                    del pending[s]
            if pending and time.monotonic() > end:
                raise StartError(f"Fakes antworten nicht: {', '.join(pending)}")
            if pending:
                time.sleep(0.005)

    def stop(self) -> None:
        if self._supervisor is not None:
            self._supervisor.stop()
        for srv in self._servers:
            srv.should_exit = True
        for child in self._children.values():
            child.stop()
            child.sock.close()
        for thread in self._threads:
            thread.join(timeout=5)

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
    sock.listen(BACKLOG)
    sock.set_inheritable(True)
    return sock


def _answers(url: str, path: str, any_answer: bool = False) -> bool:
    host, port = url.removeprefix("http://").split(":")
    try:
        connection = http.client.HTTPConnection(host, int(port), timeout=0.5)
        connection.request("GET", path)
        status = connection.getresponse().status
        ok = status < 500 if any_answer else status == 200
        connection.close()
        return ok
    except OSError:
        return False


def demo_access(urls: dict[str, str], served: tuple[str, ...] = NAMEN) -> dict[str, dict[str, Any]]:
    """What a support person needs to practise: URLs and the demo logins (invented values) of the
    systems served here – each fake's ``demo_zugang``, else just its address."""
    access: dict[str, dict[str, Any]] = {}
    for s in served:
        zugang = getattr(fake_module(s), "demo_zugang", None)
        access[s] = zugang(urls[s]) if zugang is not None else {"url": urls[s]}
    return access
