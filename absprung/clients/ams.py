"""Client of the simulated ams.5: users, cloud Konten, Produktfreischaltungen, Kundenmaske, DigiPro."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from basis.kundenfelder import Kundendaten
from basis.systeme import TITEL

from .base import Client


class AmsClient(Client):
    system = TITEL["ams"]

    def kunde_anlegen(self, kundennummer: str, vermittler: str, daten: dict[str, Any]) -> Kundendaten:
        """Bestand: a new customer of the office (not yet in the cloud)."""
        kunde = Kundendaten.aus_json(self.obj("POST", "/api/kunden", json_body={
            **daten, "kundennummer": kundennummer, "vermittler": vermittler}))
        self.melden("ams.kunde", kundennummer)
        return kunde

    def kunden(self) -> list[Kundendaten]:
        return [Kundendaten.aus_json(k) for k in self.items("GET", "/api/kunden") if isinstance(k, dict)]

    def kunde_loeschen(self, kundennummer: str) -> None:
        self.obj("DELETE", f"/api/kunden/{quote(kundennummer, safe='')}")

    def benutzer(self, kuerzel: str) -> dict[str, Any]:
        return self.obj("GET", f"/api/benutzer/{kuerzel}")

    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> dict[str, Any]:
        return self.obj("POST", f"/api/benutzer/{kuerzel}/cloud-konto", json_body={"maklerextranet": aktiv})

    def cloud_benutzername_aendern(self, kuerzel: str, cloud_benutzer: str) -> dict[str, Any]:
        return self.obj("POST", f"/api/benutzer/{kuerzel}/cloud-konto", json_body={"cloud_benutzer": cloud_benutzer})

    def haupt_email_aendern(self, kuerzel: str, email: str) -> dict[str, Any]:
        return self.obj("POST", f"/api/benutzer/{kuerzel}/haupt-email", json_body={"email": email})

    def produktfreischaltungen_aktualisieren(self, kuerzel: str) -> list[str]:
        return self.list_field(self.obj("POST", f"/api/benutzer/{kuerzel}/produktfreischaltungen"), "produkte")

    def kundenmaske(self, kuerzel: str, kunde: str) -> Kundendaten:
        return Kundendaten.aus_json(self.obj("GET", f"/api/benutzer/{kuerzel}/kunden/{kunde}"))

    def kunde_replizieren(self, kuerzel: str, kunde: str) -> Kundendaten:
        """Into the cloud – where the customer is new, the cloud has one more (reported as created)."""
        daten = Kundendaten.aus_json(self.obj("POST", f"/api/benutzer/{kuerzel}/kunden/{kunde}/replizieren"))
        self.melden("cloud.kunde", kunde)
        return daten

    def digipro(self, kuerzel: str, kunde: str) -> list[str]:
        return self.list_field(self.obj("GET", f"/api/benutzer/{kuerzel}/kunden/{kunde}/digipro"), "produkte")

    def produkt_waehlen(self, kuerzel: str, kunde: str, produkt: str) -> str:
        antwort = self.obj("POST", f"/api/benutzer/{kuerzel}/kunden/{kunde}/digipro", json_body={"produkt": produkt})
        return self.text_field(antwort, "url")
