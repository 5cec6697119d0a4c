"""The browser scenarios through a Playwright browser server on loopback instead of a local Chromium."""

from __future__ import annotations

import inspect
import selectors
import socket
import subprocess
from typing import Iterator

import pytest
from playwright.sync_api import BrowserType

from absprung import browser_server
from absprung.errors import BrowserServerError
from tests.helpers import run_scenarios

FEATURE = """# language: de
Funktionalität: Entfernter Browser

  @G16 @browser
  Szenario: Der Absprung im Browser des Servers
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"
"""


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    command, env = browser_server.server_command("127.0.0.1", 0)
    prozess = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        auswahl = selectors.DefaultSelector()
        assert prozess.stdout is not None
        auswahl.register(prozess.stdout, selectors.EVENT_READ)
        assert auswahl.select(timeout=30), "Der Browserserver nannte in 30 s keinen Endpunkt."
        endpunkt = prozess.stdout.readline().strip()
        assert endpunkt.startswith("ws://127.0.0.1:") and endpunkt.endswith("/absprung"), endpunkt
        yield endpunkt
    finally:
        prozess.terminate()
        prozess.wait(timeout=10)


def test_szenario_laeuft_im_browser_des_servers(server: str, tmp_path: pytest.TempPathFactory) -> None:
    # A local launch would fail: this Chromium does not exist. Only the server's browser can pass.
    ergebnis = run_scenarios(tmp_path / "f", {"entfernt.feature": FEATURE}, "-p", "no:xdist",
                             environment={"ABSPRUNG_BROWSER_WS": server, "ABSPRUNG_CHROMIUM": "/nicht/da/chromium"})
    assert ergebnis.returncode == 0, ergebnis.stdout[-3000:]
    assert "1 passed" in ergebnis.stdout


def test_ohne_server_endet_der_lauf_vor_dem_ersten_szenario(tmp_path: pytest.TempPathFactory) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        frei = s.getsockname()[1]
    # Bounded by the connect timeout, not per scenario: a wait per scenario would end in the timeout here.
    ergebnis = run_scenarios(tmp_path / "f", {"entfernt.feature": FEATURE}, "-p", "no:xdist", timeout=60,
                             environment={"ABSPRUNG_BROWSER_WS": f"ws://127.0.0.1:{frei}/absprung"})
    ausgabe = ergebnis.stdout + ergebnis.stderr
    assert ergebnis.returncode == 4, ausgabe[-2000:]
    assert f"Der Playwright-Browserserver ws://127.0.0.1:{frei} ist nicht erreichbar" in ausgabe
    assert "Traceback" not in ausgabe and "passed" not in ausgabe


def test_adresse_muss_ws_sein(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(browser_server.ENV, raising=False)
    assert browser_server.endpoint(None) is None
    assert browser_server.endpoint("ws://grid:3000/x") == "ws://grid:3000/x"
    with pytest.raises(BrowserServerError, match="erwartet wird eine Adresse wie ws://"):
        browser_server.endpoint("http://grid:3000")
    monkeypatch.setenv(browser_server.ENV, "wss://andere:443/y")
    assert browser_server.endpoint("ws://grid:3000/x") == "wss://andere:443/y"  # environment beats profile


def test_verbindungsoptionen_passen_zu_playwright() -> None:
    optionen = browser_server.connect_options("ws://127.0.0.1:1/x")
    parameter = inspect.signature(BrowserType.connect).parameters
    assert set(optionen) <= set(parameter), set(optionen) - set(parameter)
    assert "executable_path" not in optionen["headers"]["x-playwright-launch-options"]
