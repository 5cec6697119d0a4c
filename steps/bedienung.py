"""How a scenario operates ams.5 for the jump (the guide's chapter "Test", G18–G21): the tasks once,
performed in a real browser (@browser) or over HTTP.

Both performers follow the same redirects (ams.5 → con:center → Thinksurance switch →
Gewerbeplattform) and return the same ``Ansicht``, so one set of steps serves both; HTTP mode is what
keeps the API scenarios fast. The browser photographs each screen for the published guide (@doku).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol

import httpx

from absprung import bilder
from absprung.clients.base import Recorder, redact_url, transport
from absprung.systems import Systems
from steps.ansicht import Ansicht, aus_html

if TYPE_CHECKING:
    from playwright.sync_api import Page


class Bedienung(Protocol):
    def kundenmaske_oeffnen(self, kundennummer: str, firma: str) -> None: ...
    def digipro_anklicken(self) -> list[str]: ...
    def produkt_waehlen(self, produkt: str) -> None: ...
    def ansicht(self) -> Ansicht: ...
    def fertig(self, bild: str) -> None:
        """After a task: with @doku the browser photographs the screen as ``bild``."""


# --- the tasks --------------------------------------------------------------------------------------

def kundenmaske_oeffnen(wer: Bedienung, s: Systems, firma: str) -> str:
    """G18: the Kundenmaske of the customer; returns its Kundennummer."""
    nummer = s.kundennummer(firma)
    wer.kundenmaske_oeffnen(nummer, firma)
    wer.fertig(bilder.KUNDENMASKE)
    return nummer


def digipro_anklicken(wer: Bedienung) -> list[str]:
    """G19: the products DigiPro offers."""
    produkte = wer.digipro_anklicken()
    wer.fertig(bilder.DIGIPRO)
    return produkte


def ansicht(wer: Bedienung) -> Ansicht:
    """G21: what opens after choosing the product (G20)."""
    gezeigt = wer.ansicht()
    wer.fertig(bilder.GEWERBEPLATTFORM)
    return gezeigt


class HttpBedienung:
    def __init__(self, systems: Systems, aufzeichnen: Recorder | None) -> None:
        self.s = systems
        self._aufzeichnen = aufzeichnen
        self._browser = httpx.Client(follow_redirects=True, timeout=10, transport=transport())
        self._kunde: str | None = None
        self._seite: httpx.Response | None = None

    def kundenmaske_oeffnen(self, kundennummer: str, firma: str) -> None:
        maske = self.s.ams.kundenmaske(self.s.world.ams_benutzer, kundennummer)
        assert maske.firma == firma, f"Die Kundenmaske zeigt „{maske.firma}“ statt „{firma}“."
        self._kunde = kundennummer

    def digipro_anklicken(self) -> list[str]:
        assert self._kunde, "Erst die Kundenmaske öffnen."
        return self.s.ams.digipro(self.s.world.ams_benutzer, self._kunde)

    def produkt_waehlen(self, produkt: str) -> None:
        assert self._kunde, "Erst die Kundenmaske öffnen."
        url = self.s.ams.produkt_waehlen(self.s.world.ams_benutzer, self._kunde, produkt)
        self._seite = self._browser.get(url)
        if self._aufzeichnen:
            for r in [*self._seite.history, self._seite]:
                self._aufzeichnen({"system": f"{self.s.system_of(str(r.url)) or 'unbekannt'} (Browser)",
                                   "methode": "GET", "url": redact_url(str(r.url)), "status": r.status_code,
                                   "weiterleitung": redact_url(r.headers.get("location", "")) or None})

    def ansicht(self) -> Ansicht:
        assert self._seite is not None, "Es wurde noch kein Produkt gewählt."
        return aus_html(str(self._seite.url), self._seite.text, self.s.target.plattform)

    def fertig(self, bild: str) -> None:
        """Over HTTP there is no screen to photograph."""

    def close(self) -> None:
        self._browser.close()


class BrowserBedienung:
    def __init__(self, systems: Systems, page: Page, foto: Callable[[str], None] | None = None) -> None:
        from steps.pages.ams import AmsSeiten
        from steps.pages.thinksurance import GewerbeplattformSeite

        self.s = systems
        self.page = page
        self.ams = AmsSeiten(page, systems.target.urls["ams"])
        self.plattform = GewerbeplattformSeite(page, systems.target.plattform)
        self._foto = foto or (lambda name: None)

    def kundenmaske_oeffnen(self, kundennummer: str, firma: str) -> None:
        self.ams.oeffnen("/kunden", self.s.world.ams_benutzer)
        self.ams.kundenmaske_oeffnen(firma)

    def digipro_anklicken(self) -> list[str]:
        return self.ams.digipro_anklicken()

    def produkt_waehlen(self, produkt: str) -> None:
        self.ams.produkt_waehlen(produkt)

    def ansicht(self) -> Ansicht:
        return self.plattform.ansicht()

    def fertig(self, bild: str) -> None:
        self._foto(bild)

    def close(self) -> None:
        pass
