"""Who performs the guide's setup steps: the API (fast) or a person clicking the screens (@ui).

Both offer the same methods, so a step reads the same either way. With @doku the clicking
variant photographs the screen after each step (secret fields masked) for the published guide.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from absprung import bilder, einrichtung
from absprung.secret import Secret
from absprung.systems import Systems

if TYPE_CHECKING:
    from playwright.sync_api import Page


class ApiEinrichter:
    def __init__(self, systems: Systems) -> None:
        self.s = systems

    def voraussetzungen_zeigen(self) -> None:
        """Nothing to show: the prerequisites are checked through the API by the step itself."""

    def concenter_benutzer_hinterlegen(self) -> None:
        einrichtung.concenter_benutzer_hinterlegen(self.s)

    def token_hinzufuegen(self, *, name: str, zweck: str) -> Secret:
        token: Secret = einrichtung.token_hinzufuegen(self.s, name=name, zweck=zweck)["access_token"]
        return token

    def mitarbeiterzugriff_eintragen(self) -> None:
        einrichtung.mitarbeiterzugriff_eintragen(self.s)

    def vm_freischaltung_anlegen(self, *, name: str, sachbearbeiter: str) -> None:
        einrichtung.vm_freischaltung_anlegen(self.s, name=name, sachbearbeiter=sachbearbeiter)

    def kundenfreischaltung_anlegen(self, *, kunden: list[str]) -> None:
        einrichtung.kundenfreischaltung_anlegen(self.s, kunden=kunden)

    def produktgeber_hinterlegen(self, *, collaboration_api_token: Secret) -> None:
        einrichtung.produktgeber_hinterlegen(self.s, collaboration_api_token=collaboration_api_token)

    def maklerextranet_aktivieren(self) -> None:
        einrichtung.maklerextranet_aktivieren(self.s)

    def produktfreischaltungen_aktualisieren(self) -> None:
        einrichtung.produktfreischaltungen_aktualisieren(self.s)


class UiError(AssertionError):
    """The steps' only exception: a screen of a fake showed an error (role=alert) after a step."""


class UiEinrichter:
    def __init__(self, systems: Systems, page: Page, foto: Callable[[str], None] | None) -> None:
        from steps.pages.ams import AmsSeiten
        from steps.pages.cloud import AssfinetDrive
        from steps.pages.concenter import ConcenterSeiten

        self.s, self.page, self._foto = systems, page, foto
        w, u = systems.world, systems.target.urls
        self.drive = AssfinetDrive(page, u["cloud"], w.bestand)
        self.cc = ConcenterSeiten(page, u["concenter"])
        self.ams = AmsSeiten(page, u["ams"])

    def _fertig(self, name: str) -> None:
        # One round trip instead of count() and inner_text(): the fakes' errors are role=alert.
        fehler = self.page.evaluate("() => document.querySelector('[role=alert]')?.innerText ?? null")
        if fehler is not None:
            raise UiError(f"Die Oberfläche meldet: {fehler.strip()}")
        if self._foto is not None:
            self._foto(name)

    def voraussetzungen_zeigen(self) -> None:
        self.drive.uebersicht_oeffnen()
        self._fertig(bilder.FEATURES_DES_BESTANDS)

    def concenter_benutzer_hinterlegen(self) -> None:
        self.drive.concenter_benutzer_hinterlegen(self.s.world.concenter_benutzer)
        self._fertig(bilder.ALLGEMEIN_CONCENTER)

    def token_hinzufuegen(self, *, name: str, zweck: str) -> Secret:
        token = self.drive.token_hinzufuegen(name=name, zweck=zweck,
                                             concenter_benutzer=self.s.world.concenter_benutzer)
        self._fertig(bilder.TOKEN_GESPEICHERT)
        return token

    def mitarbeiterzugriff_eintragen(self) -> None:
        self.drive.mitarbeiterzugriff_eintragen(self.s.world.haupt_email)
        self._fertig(bilder.MITARBEITERZUGRIFF)

    def vm_freischaltung_anlegen(self, *, name: str, sachbearbeiter: str) -> None:
        self.drive.vm_freischaltung_anlegen(name=name, geteilt_mit=self.s.world.haupt_email,
                                            sachbearbeiter=sachbearbeiter, hauptfreischaltung=True)
        self._fertig(bilder.VM_FREISCHALTUNG)

    def kundenfreischaltung_anlegen(self, *, kunden: list[str]) -> None:
        self.drive.kundenfreischaltung_anlegen(name="Thinksurance", kunden=kunden,
                                               geteilt_mit=self.s.world.haupt_email, hauptfreischaltung=True)
        self._fertig(bilder.KUNDENFREISCHALTUNG)

    def produktgeber_hinterlegen(self, *, collaboration_api_token: Secret) -> None:
        w = self.s.world
        self.cc.anmelden(w.concenter_benutzer, w.geheimnis("concenter_passwort"))
        self.cc.produktgeber_oeffnen("Thinksurance")
        self.cc.werte_hinterlegen(collaboration_api_token=collaboration_api_token, btoken=w.geheimnis("btoken"))
        self._fertig(bilder.PRODUKTGEBER_THINKSURANCE)

    def maklerextranet_aktivieren(self) -> None:
        self.ams.maklerextranet_aktivieren(self.s.world.ams_benutzer)  # signs in first where needed
        self._fertig(bilder.CLOUD_KONTEN)

    def produktfreischaltungen_aktualisieren(self) -> None:
        self.ams.produktfreischaltungen_aktualisieren(self.s.world.ams_benutzer)
        self._fertig(bilder.PRODUKTFREISCHALTUNGEN)


Einrichter = ApiEinrichter | UiEinrichter
