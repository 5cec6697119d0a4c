"""After a click that navigates, the steps read and photograph the new page only once it is parsed:
Playwright's click returns when the navigation commits, and under load the body can still be
missing then (seen as ``TypeError: … getBoundingClientRect`` in the landscape test under the full
test run)."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import Iterator, cast

import pytest
from playwright.sync_api import Page

from absprung.systems import Systems
from steps.einrichter import Oberflaeche, UiError
from steps.fixtures import fotografieren
from tests.helpers import QuietHandler, loopback_server

START = b'<html><body><main><a href="/langsam">weiter</a></main></body></html>'
# The head arrives at once (the navigation commits), the body a moment later.
KOPF = b"<html><head><title>langsam</title></head>" + b" " * 2048
RUMPF = b'<body><main><h1>Angekommen</h1><p role="alert">Bestand unbekannt</p></main></body></html>'


class _Langsam(QuietHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        if self.path != "/langsam":
            self.wfile.write(START)
            return
        self.wfile.write(KOPF)
        self.wfile.flush()
        time.sleep(0.6)
        self.wfile.write(RUMPF)


@pytest.fixture(scope="module")
def basis() -> Iterator[str]:
    with loopback_server(_Langsam) as url:
        yield url


def _weiter(seite: Page, basis: str) -> None:
    seite.goto(f"{basis}/")
    seite.get_by_role("link", name="weiter").click()


def test_das_foto_wartet_auf_die_neue_seite(page: Page, basis: str) -> None:
    _weiter(page, basis)
    png = fotografieren(page)
    assert png.startswith(b"\x89PNG")
    assert page.get_by_role("heading", name="Angekommen").is_visible()


def test_die_fehlerpruefung_wartet_auf_die_neue_seite(page: Page, basis: str) -> None:
    urls = {"cloud": basis, "concenter": basis, "ams": basis}
    systeme = cast(Systems, SimpleNamespace(target=SimpleNamespace(urls=urls)))
    _weiter(page, basis)
    with pytest.raises(UiError, match="Bestand unbekannt"):
        Oberflaeche(systeme, page, None).fertig("bild")
