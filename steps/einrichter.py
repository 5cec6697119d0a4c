"""Who performs the guide's setup tasks (``absprung.einrichtung``): the systems' interfaces (``Api``,
fast) or a person clicking the screens of the fakes (``Oberflaeche``, for scenarios tagged @ui).

The tasks are written once in ``absprung.einrichtung``; here is only how a person does each on the
screens – through the page objects, which know the labels – and, with @doku, a photograph of the
screen after each task (secret fields masked) for the published guide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, TypeVar

from absprung.einrichtung import Api, Performer
from absprung.systems import Systems
from basis.errors import MissingSecret
from basis.secret import Secret

if TYPE_CHECKING:
    from playwright.sync_api import Page

__all__ = ["Api", "Einrichter", "Oberflaeche", "UiError"]
T = TypeVar("T")


class UiError(AssertionError):
    """The steps' only exception: a screen of a fake showed an error (role=alert) after a step."""


class Oberflaeche:
    """Performs by clicking the screens of the fakes, as the guide describes it."""

    def __init__(self, systems: Systems, page: Page, foto: Callable[[str], None] | None) -> None:
        from steps.pages.ams import AmsSeiten
        from steps.pages.cloud import AssfinetDrive
        from steps.pages.concenter import ConcenterSeiten

        self.page, self._foto, self.systems = page, foto, systems
        u = systems.target.urls
        self.drive = AssfinetDrive(page, u["cloud"])
        self.cc = ConcenterSeiten(page, u["concenter"])
        self.ams = AmsSeiten(page, u["ams"])

    def fertig(self, bild: str) -> None:
        # One round trip instead of count() and inner_text(): the fakes' errors are role=alert. A click
        # that navigates returns once the new page commits, before its body is parsed: wait for that.
        self.page.wait_for_load_state("domcontentloaded")
        fehler = self.page.evaluate("() => document.querySelector('[role=alert]')?.innerText ?? null")
        if fehler is not None:
            raise UiError(f"Die Oberfläche meldet: {fehler.strip()}")
        if self._foto is not None:
            self._foto(bild)

    def voraussetzungen_zeigen(self, bestand: str) -> None:
        self.drive.uebersicht_oeffnen(bestand)

    def _neu(self, art: str, bestand: str, liste: str, aktion: Callable[[], T]) -> T:
        """What the screen created, as the interface lists it afterwards: reported like a client's answer."""
        def schluessel() -> set[str]:
            eintraege = self.systems.cloud.bestand(bestand)[liste]
            return {e if isinstance(e, str) else str(e["id"]) for e in eintraege}

        vorher = schluessel()
        ergebnis = aktion()
        for k in sorted(schluessel() - vorher):
            self.systems.gemeldet(art, k)
        return ergebnis

    def concenter_benutzer_hinterlegen(self, bestand: str, name: str) -> None:
        self._neu("cloud.concenter", bestand, "concenter",
                  lambda: self.drive.concenter_benutzer_hinterlegen(bestand, name))

    def token_hinzufuegen(self, bestand: str, *, name: str, zweck: str, concenter_benutzer: str) -> Secret:
        return self._neu("cloud.token", bestand, "tokens", lambda: self.drive.token_hinzufuegen(
            bestand, name=name, zweck=zweck, concenter_benutzer=concenter_benutzer))

    def mitarbeiterzugriff_eintragen(self, bestand: str, email: str) -> None:
        self.drive.mitarbeiterzugriff_eintragen(bestand, email)

    def vm_freischaltung_anlegen(self, bestand: str, *, name: str, geteilt_mit: str, sachbearbeiter: str,
                                 hauptfreischaltung: bool, vermittler: str | None) -> None:
        assert vermittler is None, "Die Oberfläche legt VM-Freischaltungen ohne Vermittler an (ganzer Bestand)."
        self._neu("cloud.freischaltung", bestand, "freischaltungen", lambda: self.drive.vm_freischaltung_anlegen(
            bestand, name=name, geteilt_mit=geteilt_mit, sachbearbeiter=sachbearbeiter,
            hauptfreischaltung=hauptfreischaltung))

    def kundenfreischaltung_anlegen(self, bestand: str, *, name: str, kunden: list[str], geteilt_mit: str,
                                    hauptfreischaltung: bool) -> None:
        self._neu("cloud.freischaltung", bestand, "freischaltungen", lambda: self.drive.kundenfreischaltung_anlegen(
            bestand, name=name, kunden=kunden, geteilt_mit=geteilt_mit, hauptfreischaltung=hauptfreischaltung))

    def produktgeber_hinterlegen(self, benutzer: str, passwort: Secret | None, produktgeber: str,
                                 werte: dict[str, Secret | str]) -> None:
        if passwort is None:
            raise MissingSecret("Zum Anmelden am con:center nennt das Zielprofil kein „concenter_passwort“.")
        self.cc.anmelden(benutzer, passwort)
        self.cc.produktgeber_oeffnen(produktgeber)
        self.cc.werte_hinterlegen(produktgeber, werte)

    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> None:
        self.ams.maklerextranet_setzen(kuerzel, aktiv)  # signs in first where needed

    def produktfreischaltungen_aktualisieren(self, kuerzel: str) -> None:
        self.ams.produktfreischaltungen_aktualisieren(kuerzel)


Einrichter = Performer
