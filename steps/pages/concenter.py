"""con:center screens: Anmeldung, Einstellungen → Produktgeber, Absprung-Protokoll."""

from __future__ import annotations

from playwright.sync_api import Page

from basis.secret import Secret, reveal

LABELS = {"collaboration_api_token": "Collaboration API Token", "btoken": "btoken"}  # field -> label on the screen


class ConcenterSeiten:
    def __init__(self, page: Page, basis_url: str) -> None:
        self.page, self.basis = page, basis_url

    def anmelden(self, benutzer: str, passwort: Secret) -> None:
        self.page.goto(f"{self.basis}/")
        self.page.get_by_label("Benutzer").fill(benutzer)
        self.page.get_by_label("Passwort").fill(passwort.reveal())
        self.page.get_by_role("button", name="Anmelden").click()

    def produktgeber_oeffnen(self, produktgeber: str) -> None:
        liste = f"{self.basis}/einstellungen/produktgeber"
        if self.page.url != liste:  # the login leads there already
            self.page.goto(liste)
        self.page.get_by_role("link", name=f"Einstellungen {produktgeber} öffnen").click()

    def werte_hinterlegen(self, produktgeber: str, werte: dict[str, Secret | str]) -> None:
        """Fills each value into the field with its label; an empty value ticks "entfernen"."""
        formular = self.page.get_by_role("form", name=f"Produktgeber {produktgeber}")
        for feld, wert in werte.items():
            label = LABELS.get(feld, feld)
            if reveal(wert):
                formular.get_by_label(label, exact=True).fill(reveal(wert))
            elif (entfernen := formular.get_by_label(f"{label} entfernen")).count():  # only where one is stored
                entfernen.check()
        formular.get_by_role("button", name="Aktualisieren").click()

    def protokoll_oeffnen(self) -> None:
        self.page.goto(f"{self.basis}/protokoll")
