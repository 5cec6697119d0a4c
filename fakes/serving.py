"""One fake as a server: build its app, serve it on a bound socket – in a thread of this process or
as a process of its own (``python -m fakes.serving``, started by ``fakes.server``).

Each fake has its own event loop (and thread pool): a fake that waits for a neighbour never holds
up that neighbour. In a process of its own it also has its own GIL – ``python -m fakes`` uses that,
so the fakes share the machine's cores.
"""

from __future__ import annotations

import asyncio
import gc
import importlib
import importlib.util
import json
import os
import signal
import socket
import sys
import threading
from types import ModuleType
from typing import Any, Callable, Mapping

import uvicorn

from basis.systeme import SYSTEM, objekt
from fakes.common.app import LOOPBACK, HostGuard
from fakes.common.plaetze import Passwortschutz, Plaetze
from fakes.options import Options
from fakes.process import watch_parent

BACKLOG = 2048  # pending connections per fake: a burst of launches waits in the kernel, not refused
# The C HTTP parser and event loop where installed (about twice the throughput of h11/asyncio here).
HTTP = "httptools" if importlib.util.find_spec("httptools") else "h11"
LOOP: Callable[[], asyncio.AbstractEventLoop] = (
    importlib.import_module("uvloop").new_event_loop if importlib.util.find_spec("uvloop") else asyncio.new_event_loop)


def fake_module(system: str) -> ModuleType:
    """The module of a system's fake, as the table of systems names it."""
    module: ModuleType = objekt(SYSTEM[system].fake)
    return module


def build(system: str, options: Options, urls: Mapping[str, str]) -> Any:
    """One fake's app, wired to its neighbours through the merged address map; with training seats,
    one more world per seat below ``/platz/<kennung>`` (``Plaetze``)."""
    create = fake_module(system).create
    if not options.plaetze:
        return create(options, urls)
    return Plaetze(create(options, urls), lambda seat_urls: create(options, seat_urls), urls, options.plaetze)


def guarded(app: Any, options: Options) -> Any:
    """An app as it is served: bound to loopback, it answers only to loopback names (``HostGuard``);
    with a trainer password, control, support and the seats' administration need it."""
    if options.passwort:
        app = Passwortschutz(app, options.passwort)
    return HostGuard(app) if options.host in LOOPBACK else app


def server(app: Any) -> uvicorn.Server:
    # "error": a malformed request is no news (uvicorn would warn on every one of them).
    config = uvicorn.Config(app, log_level="error", access_log=False, lifespan="off", timeout_graceful_shutdown=1,
                            limit_concurrency=None, backlog=BACKLOG, http=HTTP, loop="none", proxy_headers=False,
                            server_header=False)
    return uvicorn.Server(config)


def serve_in_thread(name: str, app: Any, sock: socket.socket,
                    on_error: Callable[[BaseException], None]) -> tuple[uvicorn.Server, threading.Thread]:
    """Served from a background thread, uvicorn installs no signal handlers: the owner of the
    process (python -m fakes, pytest) handles them."""
    srv = server(app)

    def run() -> None:
        try:
            with asyncio.Runner(loop_factory=LOOP) as runner:
                runner.run(srv.serve(sockets=[sock]))
        except BaseException as f:  # surfaced by the owner
            on_error(f)

    thread = threading.Thread(target=run, name=f"fake-{name}", daemon=True)
    thread.start()
    return srv, thread


def serve_child(system: str, options: Options, urls: Mapping[str, str], fd: int) -> None:
    """In a child process: serve one fake on the inherited socket ``fd`` until SIGTERM, or until the
    parent is gone (its end of our stdin closes)."""
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # not the parent's, if forked (uvicorn sets its own)
        signal.signal(sig, signal.SIG_DFL)
    _name(f"fake-{system}")
    watch_parent(lambda: os.kill(os.getpid(), signal.SIGTERM))
    sock = socket.socket(fileno=fd)
    app = guarded(build(system, options, urls), options)
    # Everything built so far lives as long as the process: keep it out of the collector's scans,
    # and collect young objects less often (a request allocates hundreds of short-lived ones).
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    with asyncio.Runner(loop_factory=LOOP) as runner:
        runner.run(server(app).serve(sockets=[sock]))  # SIGTERM ends it gracefully


def _name(name: str) -> None:
    """What ``ps -o comm`` and ``top`` show for this process (Linux; elsewhere nothing happens)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.prctl(15, name.encode()[:15], 0, 0, 0)  # PR_SET_NAME
    except (OSError, AttributeError):
        pass


def main() -> int:
    """Child process started anew (``python -m fakes.serving SYSTEM``): the spec (system, socket fd, URLs,
    options) comes on stdin, never in argv, because it carries the partner credentials."""
    spec = json.loads(sys.stdin.buffer.readline())
    serve_child(spec["system"], Options.from_json(spec["options"]), spec["urls"], spec["fd"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
