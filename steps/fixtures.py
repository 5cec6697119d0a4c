"""Fixtures of the acceptance suite: markers, order, clients per scenario, operation mode (the
target and its embedded fakes: ``steps.ziel``)."""

from __future__ import annotations

from typing import Any, Callable, Iterator

import pytest
from playwright.sync_api import Page, Response

from absprung import browser_server
from absprung.aussagen import IDS
from absprung.browser import launch_args
from absprung.clients.base import redact_url
from absprung.errors import AbsprungError
from absprung.landschaft import aufraeumen
from absprung.record import plugin
from absprung.systems import Systems
from basis.ziel import Target
from steps import nur_fake
from steps.bedienung import Bedienung, BrowserBedienung, HttpBedienung
from steps.einrichter import Api, Einrichter, Oberflaeche

MARKERS = {
    "browser": "prüft im echten Browser (Chromium, Playwright)",
    "ui": "richtet über die Oberflächen der Fakes ein, wie ein Mensch nach dem Leitfaden",
    "doku": "nimmt Bildschirmfotos für den veröffentlichten Leitfaden auf",
    "lesend": "ändert keine Daten; läuft auch gegen Ziele ohne Schreibrecht",
    "fehlerbild": "zeigt ein Fehlerbild: Symptom, Ursache, Behebung",
    "nur_fake": "braucht etwas, das nur ein Fake bietet (Steuerung, Support); sonst übersprungen",
}


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    for statement_id in IDS:
        config.addinivalue_line("markers", f"{statement_id}: belegt die Leitfaden-Aussage {statement_id}")
    for name, text in MARKERS.items():
        config.addinivalue_line("markers", f"{name}: {text}")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Scenarios that drive a browser first, longest first: they start early while the fast HTTP
    scenarios fill the gaps. (No xdist groups: with "loadgroup" pytest-xdist 3.8 waits forever once a
    worker dies; "load" replaces the worker and reports the scenario it ran as failed.)"""
    def weight(item: pytest.Item) -> int:
        return 2 * bool(item.get_closest_marker("ui") and item.get_closest_marker("browser")) \
            + bool(item.get_closest_marker("browser") or item.get_closest_marker("ui"))

    items[:] = sorted((i for i in items if weight(i)), key=weight, reverse=True) + [i for i in items if not weight(i)]


@pytest.fixture(scope="session")
def connections(target: Target) -> Iterator[Systems]:
    """One set of clients per test process; exchanges are recorded into the running scenario."""
    s = Systems.connect(target, plugin.record_http)
    yield s
    s.close()


@pytest.fixture
def systems(connections: Systems, request: pytest.FixtureRequest) -> Iterator[Systems]:
    """The systems; every scenario starts from the seed where the target allows it.

    A remote landscape is shared by every process of the run (and by other runs on this machine): a
    scenario that resets it (``steuerung = true``) or writes to it holds its lock alone, read-only ones
    (@lesend) share it. On a landscape that is not reset, a writing scenario puts back what it changed
    (``absprung.landschaft``), and the run record says what that was."""
    t = connections.target
    lesend = request.node.get_closest_marker("lesend") is not None
    if not t.writes_allowed and not lesend:
        pytest.skip(f"Das Zielprofil „{t.name}“ erlaubt kein Schreiben (schreiben_erlaubt = false), "
                    "und dieses Szenario ändert Daten.")
    nur_fake.ueberspringen(request.node, t)
    connections.szenario_beginnt()
    if not t.remote:
        connections.reset()
        yield connections
        return
    allein = bool(t.controllable - t.embedded) or (not lesend and bool(t.ohne_zuruecksetzen))
    with aufraeumen.sperre(t, allein=allein):
        connections.reset()
        if lesend or not t.ohne_zuruecksetzen:
            yield connections
            return
        try:
            with aufraeumen.aufgeraeumt(connections, request.node.nodeid) as bericht:
                yield connections
        except AbsprungError as f:  # an old journal, or a system that stopped answering while putting back
            pytest.fail(str(f), pytrace=False)
        plugin.record_cleanup(bericht.to_json())


@pytest.fixture
def seite(page: Page, systems: Systems) -> Page:
    """The browser page of a scenario; its requests to the four systems go into the run record."""
    def recorded(answer: Response) -> None:
        system = systems.system_of(answer.url)
        if system is not None:
            plugin.record_http({"system": f"{system} (Browser)", "methode": answer.request.method,
                                "url": redact_url(answer.url), "status": answer.status})

    page.on("response", recorded)
    browser = page.context.browser
    if browser is not None:  # what the scenario really ran in, for the run's provenance
        plugin.record_browser(f"{browser.browser_type.name.capitalize()} {browser.version}")
    return page


_MAIN_AREA = """() => { const m = document.querySelector('main, [role=main]') || document.body;
    const r = m.getBoundingClientRect();
    return {x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height,
            geheim: document.querySelector('[data-geheim]') !== null,
            unten: r.bottom + scrollY, sichtbar: scrollY + innerHeight}; }"""


def fotografieren(page: Page) -> bytes:
    """The page's main area as PNG, secret fields masked."""
    # A clipped page screenshot is ~40 % cheaper than an element screenshot here; the area and
    # whether secret fields exist come in one round trip, and masking only costs where they do.
    # A click that navigates returns once the new page commits; its body may not be parsed yet.
    page.wait_for_load_state("domcontentloaded")
    area = page.evaluate(_MAIN_AREA)
    mask = [page.locator("[data-geheim]")] if area.pop("geheim") else []
    beyond = area.pop("unten") > area.pop("sichtbar")  # a full-page shot resizes the view: ~20 ms
    return page.screenshot(clip=area, full_page=beyond, mask=mask, caret="initial")


def _foto(request: pytest.FixtureRequest) -> Callable[[str], None] | None:
    """With @doku: photograph the page's main area after a step."""
    if request.node.get_closest_marker("doku") is None:
        return None
    page = request.getfixturevalue("seite")

    def foto(name: str) -> None:
        plugin.attach_picture(request.node, fotografieren(page), name)

    return foto


@pytest.fixture
def bedienung(request: pytest.FixtureRequest, systems: Systems) -> Iterator[Bedienung]:
    """Browser for scenarios tagged @browser, HTTP otherwise — same steps, same view."""
    if request.node.get_closest_marker("browser"):
        b: BrowserBedienung | HttpBedienung = BrowserBedienung(systems, request.getfixturevalue("seite"),
                                                                _foto(request))
    else:
        b = HttpBedienung(systems, plugin.record_http)
    yield b
    b.close()


@pytest.fixture
def einrichter(request: pytest.FixtureRequest, systems: Systems) -> Einrichter:
    """Who performs the setup tasks: a person clicking the screens for scenarios tagged @ui, the
    interfaces otherwise."""
    if request.node.get_closest_marker("ui"):
        return Oberflaeche(systems, request.getfixturevalue("seite"), _foto(request))
    return Api(systems)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    """Debian's Chromium where present (no browser download possible here), else Playwright's."""
    own = launch_args(headless=browser_type_launch_args.get("headless", True))
    return {**browser_type_launch_args, **own, "args": [*browser_type_launch_args.get("args", []), *own["args"]]}


@pytest.fixture(scope="session")
def connect_options(target: Target, browser_type_launch_args: dict[str, Any]) -> dict[str, Any] | None:
    """A Playwright browser server (ABSPRUNG_BROWSER_WS or the profile's browser_server) instead
    of the local Chromium; checked for an answer in steps.ziel before any scenario."""
    endpoint = browser_server.endpoint(target.browser_server)
    if endpoint is None:
        return None
    return browser_server.connect_options(endpoint, headless=browser_type_launch_args.get("headless", True))


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict[str, Any]) -> dict[str, Any]:
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1100, "height": 900}}
