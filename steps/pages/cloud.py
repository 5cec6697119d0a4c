"""assfinet drive screens: Allgemein → con:center, assfinet api, Freischaltungen, Mitarbeiterzugriff."""

from __future__ import annotations

from playwright.sync_api import Page

from basis.secret import Secret


class AssfinetDrive:
    def __init__(self, page: Page, basis_url: str) -> None:
        self.page, self.basis_url = page, basis_url

    def _bestand(self, bestand: str) -> str:
        return f"{self.basis_url}/drive/{bestand}"

    def uebersicht_oeffnen(self, bestand: str) -> None:
        self.page.goto(self._bestand(bestand))

    def bereich_oeffnen(self, bestand: str, menue: str) -> None:
        """Click the menu like a person; open assfinet drive first only if it is not open yet."""
        if not self.page.url.startswith(self._bestand(bestand)):
            self.page.goto(self._bestand(bestand))
        self.page.get_by_role("navigation", name="Hauptmenü").get_by_role("link", name=menue).click()

    def concenter_benutzer_hinterlegen(self, bestand: str, name: str) -> None:
        self.bereich_oeffnen(bestand, "Allgemein → con:center")
        formular = self.page.get_by_role("form", name="con:center Benutzer hinterlegen")
        formular.get_by_label("con:center Benutzer").fill(name)
        formular.get_by_role("button", name="Speichern").click()

    def token_hinzufuegen(self, bestand: str, *, name: str, zweck: str, concenter_benutzer: str) -> Secret:
        """Saves the token and returns the AccessToken shown once in full."""
        self.bereich_oeffnen(bestand, "assfinet api")
        formular = self.page.get_by_role("form", name="Token hinzufügen")
        formular.get_by_label("Name", exact=True).fill(name)
        formular.get_by_label("Zweck").select_option(zweck)
        formular.get_by_label("Concenter Benutzername").select_option(concenter_benutzer)
        formular.get_by_role("button", name="Speichern").click()
        return Secret(self.page.get_by_label("AccessToken").input_value())

    def mitarbeiterzugriff_eintragen(self, bestand: str, email: str) -> None:
        self.bereich_oeffnen(bestand, "Mitarbeiterzugriff")
        formular = self.page.get_by_role("form", name="Benutzer eintragen")
        formular.get_by_label("Benutzer (E-Mail-Adresse)").fill(email)
        formular.get_by_role("button", name="Eintragen").click()

    def vm_freischaltung_anlegen(self, bestand: str, *, name: str, geteilt_mit: str, sachbearbeiter: str,
                                 hauptfreischaltung: bool) -> None:
        self.bereich_oeffnen(bestand, "Freischaltungen")
        formular = self.page.get_by_role("form", name="VM-Freischaltung anlegen")
        formular.get_by_label("Name der Freischaltung").fill(name)
        formular.get_by_label("Geteilt mit Benutzer (E-Mail-Adresse)").fill(geteilt_mit)
        formular.get_by_label("Hauptfreischaltung").set_checked(hauptfreischaltung)
        formular.get_by_label("Sachbearbeiter").fill(sachbearbeiter)
        formular.get_by_role("button", name="VM-Freischaltung anlegen").click()

    def kundenfreischaltung_anlegen(self, bestand: str, *, name: str, kunden: list[str], geteilt_mit: str,
                                    hauptfreischaltung: bool) -> None:
        self.bereich_oeffnen(bestand, "Freischaltungen")
        formular = self.page.get_by_role("form", name="Kundenfreischaltung anlegen")
        formular.get_by_label("Name der Freischaltung").fill(name)
        formular.get_by_label("Kunden (Kundennummern, mit Komma getrennt)").fill(", ".join(kunden))
        formular.get_by_label("Geteilt mit Benutzer (E-Mail-Adresse)").fill(geteilt_mit)
        formular.get_by_label("Hauptfreischaltung").set_checked(hauptfreischaltung)
        formular.get_by_role("button", name="Kundenfreischaltung anlegen").click()
