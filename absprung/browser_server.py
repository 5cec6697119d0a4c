"""A Playwright browser server instead of a local Chromium (as with a browser grid).

``ABSPRUNG_BROWSER_WS=ws://host:port/pfad`` (or ``browser_server`` in the target profile) makes the
browser scenarios connect there (pytest-playwright's ``connect_options``). Client and server must
have the same Playwright version: the server refuses others with "428 Precondition Required".

``python -m absprung.browser_server [--port N]`` starts such a server with the Node driver that
ships inside the Python package (so always the same version, no npm) and the Chromium that
``absprung.browser`` finds; it prints the endpoint and runs until Ctrl+C.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import inspect
import json
import os
import socket
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from basis.befehlszeile import deutsch

from .browser import launch_args
from .errors import BrowserServerError

ENV = "ABSPRUNG_BROWSER_WS"

_SERVER_JS = r"""
const { chromium } = require(process.env.PW_PAKET);
(async () => {
  const server = await chromium.launchServer({...JSON.parse(process.env.PW_START), host: process.env.PW_HOST,
                                              port: Number(process.env.PW_PORT), wsPath: '/absprung'});
  console.log(server.wsEndpoint());
  const stop = async () => { await server.close(); process.exit(0); };
  process.on('SIGTERM', stop); process.on('SIGINT', stop);
})().catch(e => { console.error('Browserserver nicht gestartet: ' + e.message); process.exit(1); });
"""


def checked(value: str) -> str:
    """The form of an endpoint (also for the profile, which imports this without Playwright)."""
    teile = urlsplit(value)
    if teile.scheme not in ("ws", "wss") or not teile.hostname:
        raise BrowserServerError(f"Browserserver „{value}“: erwartet wird eine Adresse wie "
                                 "ws://127.0.0.1:3000/absprung (ws:// oder wss://).")
    return value


def endpoint(profile_value: str | None = None) -> str | None:
    """The endpoint to use: the environment beats the profile."""
    value = os.environ.get(ENV) or profile_value
    return checked(value) if value else None


def reachable(value: str, timeout: float = 3.0) -> None:
    """Fail fast, before any scenario, when nothing listens there."""
    teile = urlsplit(value)
    port = teile.port or (443 if teile.scheme == "wss" else 80)
    try:
        socket.create_connection((teile.hostname, port), timeout=timeout).close()
    except OSError as f:
        raise BrowserServerError(f"Der Playwright-Browserserver {teile.scheme}://{teile.hostname}:{port} ist nicht "
                                 f"erreichbar ({f.strerror or f}). Server starten (python -m absprung.browser_server) "
                                 f"oder {ENV} bzw. browser_server im Zielprofil prüfen.") from None


def connect_options(value: str, *, headless: bool = True) -> dict[str, Any]:
    """pytest-playwright's ``connect_options``: a non-empty dict makes ``browser`` connect.

    pytest-playwright would send our local launch options (the local Chromium's path) in a header;
    a server decides its own browser, so only ``headless`` travels."""
    from playwright.sync_api import BrowserType

    # BrowserType.connect's endpoint keyword: `ws_endpoint` up to Playwright 1.58, `endpoint` after.
    keyword = list(inspect.signature(BrowserType.connect).parameters)[1]
    return {keyword: value, "timeout": 30_000,
            "headers": {"x-playwright-launch-options": json.dumps({"headless": headless})}}


def server_command(host: str = "127.0.0.1", port: int = 0) -> tuple[list[str], dict[str, str]]:
    """Command and environment of a launchServer with the bundled driver."""
    import playwright

    driver = Path(playwright.__file__).parent / "driver"
    start = {k if k != "executable_path" else "executablePath": v for k, v in launch_args().items()}
    env = {**os.environ, "PW_PAKET": str(driver / "package"), "PW_START": json.dumps({"headless": True, **start}),
           "PW_HOST": host, "PW_PORT": str(port)}
    return [str(driver / "node"), "-e", _SERVER_JS], env


def main(argv: list[str] | None = None) -> int:
    deutsch()
    parser = argparse.ArgumentParser(prog="python -m absprung.browser_server",
                                     description="Playwright-Browserserver für die Browser-Szenarien starten.")
    parser.add_argument("--host", default="127.0.0.1", help="Adresse (Standard: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=3000, help="Port (Standard: 3000, 0 = frei wählen)")
    args = parser.parse_args(argv)
    command, env = server_command(args.host, args.port)
    print(f"Playwright {importlib.metadata.version('playwright')}: Browserserver startet; die Endpunkt-Adresse folgt "
          f"(für {ENV}). Beenden mit Strg+C.", flush=True)
    os.execve(command[0], command, env)


if __name__ == "__main__":
    sys.exit(main())
