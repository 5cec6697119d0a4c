"""Fixtures of the acceptance suite: target, running fakes, clients per scenario, operation mode."""

from __future__ import annotations

import os
from typing import Callable, Iterator

import pytest

from absprung import lauf
from absprung.browser import startargumente
from absprung.systeme import Systeme
from absprung.targets import ProfilFehler, Ziel, eingebettete_fakes, profil_laden
from fakes.server import Fakes, Optionen
from steps.bedienung import Bedienung, BrowserBedienung, HttpBedienung
from steps.einrichter import ApiEinrichter, UiEinrichter

LEITFADEN_IDS = [f"G{i:02d}" for i in range(1, 25)]
MARKER = {
    "browser": "prüft im echten Browser (Chromium, Playwright)",
    "ui": "richtet über die Oberflächen der Fakes ein, wie ein Mensch nach dem Leitfaden",
    "doku": "nimmt Bildschirmfotos für den veröffentlichten Leitfaden auf",
    "lesend": "ändert keine Daten; läuft auch gegen Ziele ohne Schreibrecht",
    "fehlerbild": "zeigt ein Fehlerbild: Symptom, Ursache, Behebung",
}


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.getgroup("absprung").addoption(
        "--ziel", default=os.environ.get("ABSPRUNG_ZIEL"), metavar="PROFIL",
        help="Zielprofil (TOML); ohne Angabe laufen die Szenarien gegen die eingebetteten Fakes")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    # With -n, xdist's "load" mode hands out the scenarios in collection order. "loadgroup" plus
    # the groups set below let the long browser scenarios start first (see there).
    if getattr(config.option, "dist", "no") == "load":
        config.option.dist = "loadgroup"
    for gid in LEITFADEN_IDS:
        config.addinivalue_line("markers", f"{gid}: belegt die Leitfaden-Aussage {gid}")
    for name, text in MARKER.items():
        config.addinivalue_line("markers", f"{name}: {text}")
    # Registered by xdist too; needed here when a run disables xdist (-p no:xdist).
    config.addinivalue_line("markers", "xdist_group(name): Szenarien derselben Gruppe laufen im selben Worker")
    profil = config.getoption("--ziel", default=None)
    try:
        ziel = profil_laden(profil) if profil else eingebettete_fakes()
    except ProfilFehler as f:
        raise pytest.UsageError(str(f)) from None
    config._absprung_ziel = ziel  # type: ignore[attr-defined]
    config._absprung_ziel_name = ziel.name  # type: ignore[attr-defined]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Scenarios that drive a browser first, longest first, each its own xdist group: they start
    early on different workers while the fast HTTP scenarios fill the gaps."""
    def gewicht(item: pytest.Item) -> int:
        return 2 * bool(item.get_closest_marker("ui") and item.get_closest_marker("browser")) \
            + bool(item.get_closest_marker("browser") or item.get_closest_marker("ui"))

    langsam = sorted((i for i in items if gewicht(i)), key=gewicht, reverse=True)
    for item in langsam:
        item.add_marker(pytest.mark.xdist_group(item.nodeid))
    items[:] = langsam + [i for i in items if not gewicht(i)]


@pytest.fixture(scope="session")
def ziel(pytestconfig: pytest.Config) -> Iterator[Ziel]:
    """The target; embedded fakes are started once per test process (so per xdist worker)."""
    z: Ziel = pytestconfig._absprung_ziel  # type: ignore[attr-defined]
    if not z.eingebettete:
        yield z
        return
    w = z.welt
    optionen = Optionen(thinksurance_url=None if "thinksurance" in z.eingebettete else z.urls["thinksurance"],
                        thinksurance_hash=w.thinksurance_hash, thinksurance_secret=w.thinksurance_secret)
    with Fakes(optionen) as fakes:
        yield z.mit_fake_urls(fakes.urls)


@pytest.fixture(scope="session")
def verbindungen(ziel: Ziel) -> Iterator[Systeme]:
    """One set of clients per test process; exchanges are recorded into the running scenario."""
    s = Systeme.verbinden(ziel, lauf.http_aufzeichnen)
    yield s
    s.schliessen()


@pytest.fixture
def systeme(verbindungen: Systeme, request: pytest.FixtureRequest) -> Systeme:
    """The four systems; every scenario starts from the seed where the target allows it."""
    ziel = verbindungen.ziel
    if not ziel.schreiben_erlaubt and request.node.get_closest_marker("lesend") is None:
        pytest.skip(f"Das Zielprofil „{ziel.name}“ erlaubt kein Schreiben (schreiben_erlaubt = false), "
                    "und dieses Szenario ändert Daten.")
    verbindungen.zuruecksetzen()
    return verbindungen


def _foto(request: pytest.FixtureRequest) -> Callable[[str], None] | None:
    """With @doku: photograph the page's main area after a step, secret fields masked."""
    if request.node.get_closest_marker("doku") is None:
        return None
    page = request.getfixturevalue("page")

    def foto(name: str) -> None:
        # A clipped page screenshot is ~40 % cheaper than an element screenshot here.
        bereich = page.get_by_role("main").bounding_box()
        png = page.screenshot(clip=bereich, full_page=True, mask=[page.locator("[data-geheim]")])
        lauf.bild_anhaengen(request.node, png, name)

    return foto


@pytest.fixture
def bedienung(request: pytest.FixtureRequest, systeme: Systeme) -> Iterator[Bedienung]:
    """Browser for scenarios tagged @browser, HTTP otherwise — same steps, same view."""
    if request.node.get_closest_marker("browser"):
        b: BrowserBedienung | HttpBedienung = BrowserBedienung(systeme, request.getfixturevalue("page"),
                                                                _foto(request))
    else:
        b = HttpBedienung(systeme, lauf.http_aufzeichnen)
    yield b
    b.schliessen()


@pytest.fixture
def einrichter(request: pytest.FixtureRequest, systeme: Systeme) -> ApiEinrichter | UiEinrichter:
    """Setup by clicking the screens for scenarios tagged @ui, through the APIs otherwise."""
    if request.node.get_closest_marker("ui"):
        return UiEinrichter(systeme, request.getfixturevalue("page"), _foto(request))
    return ApiEinrichter(systeme)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's Chromium where present (no browser download possible here), else Playwright's."""
    eigene = startargumente(headless=browser_type_launch_args.get("headless", True))
    return {**browser_type_launch_args, **eigene,
            "args": [*browser_type_launch_args.get("args", []), *eigene["args"]]}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    return {**browser_context_args, "locale": "de-DE", "viewport": {"width": 1100, "height": 900}}
