"""ams.5 screens: Anmeldung, Kundenmaske, DigiPro, Organisation → Benutzer."""

from __future__ import annotations

from playwright.sync_api import Page

# Who is signed in (the header) and whether the login form is shown – in one round trip.
_STAND = """() => ({angemeldet: [...document.querySelectorAll('header span')].map(e => e.innerText.trim())
                     .find(t => t.startsWith('Angemeldet:')) ?? null,
                  anmeldung: document.querySelector('select[name=kuerzel]') !== null})"""


class AmsSeiten:
    def __init__(self, page: Page, basis_url: str) -> None:
        self.page, self.basis = page, basis_url

    def anmelden(self, kuerzel: str) -> None:
        self.page.goto(f"{self.basis}/")
        self.page.get_by_label("Benutzer").select_option(kuerzel)
        self.page.get_by_role("button", name="Anmelden").click()

    def oeffnen(self, pfad: str, kuerzel: str) -> None:
        """A page of ams.5 as this user, without needless reloads: from outside ams.5 through the
        login (ams.5 returns to "weiter" after it); logs in only where ams.5 shows no or another user."""
        ziel = f"{self.basis}{pfad}"
        if self.page.url != ziel:
            self.page.goto(ziel if self.page.url.startswith(f"{self.basis}/") else f"{self.basis}/?weiter={pfad}")
        stand = self.page.evaluate(_STAND)
        if stand["angemeldet"] == f"Angemeldet: {kuerzel}" and self.page.url == ziel:
            return
        if not stand["anmeldung"]:
            self.page.goto(f"{self.basis}/?weiter={pfad}")
        self.page.get_by_label("Benutzer").select_option(kuerzel)
        self.page.get_by_role("button", name="Anmelden").click()

    def kundenmaske_oeffnen(self, firma: str) -> None:
        self.page.get_by_role("link", name=firma, exact=True).click()
        self.page.get_by_role("heading", name=f"Kundenmaske – {firma}").wait_for()

    def digipro_anklicken(self) -> list[str]:
        self.page.get_by_role("button", name="DigiPro").click()
        self.page.get_by_role("heading", name="DigiPro", exact=False).wait_for()
        return [t.strip() for t in self.page.get_by_role("list").get_by_role("button").all_inner_texts()]

    def produkt_waehlen(self, produkt: str) -> None:
        self.page.get_by_role("button", name=produkt, exact=True).click()
        self.page.wait_for_load_state("load")

    def benutzer_oeffnen(self, kuerzel: str) -> None:
        self.oeffnen(f"/organisation/benutzer/{kuerzel}", kuerzel)

    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> None:
        self.benutzer_oeffnen(kuerzel)
        self.page.get_by_label("Maklerextranet aktivieren").set_checked(aktiv)
        self.page.get_by_role("button", name="Speichern").click()

    def produktfreischaltungen_aktualisieren(self, kuerzel: str) -> None:
        self.benutzer_oeffnen(kuerzel)
        self.page.get_by_role("button", name="Produktfreischaltungen aktualisieren").click()
