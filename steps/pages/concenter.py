"""con:center screens: Anmeldung, Einstellungen → Produktgeber, Absprung-Protokoll."""

from __future__ import annotations

from playwright.sync_api import Page

from absprung.secret import Secret


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

    def werte_hinterlegen(self, *, collaboration_api_token: Secret, btoken: Secret) -> None:
        formular = self.page.get_by_role("form", name="Produktgeber Thinksurance")
        formular.get_by_label("Collaboration API Token", exact=True).fill(collaboration_api_token.reveal())
        formular.get_by_label("btoken", exact=True).fill(btoken.reveal())
        formular.get_by_role("button", name="Aktualisieren").click()

    def protokoll_oeffnen(self) -> None:
        self.page.goto(f"{self.basis}/protokoll")
