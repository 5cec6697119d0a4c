"""Client of con:center: Produktgeber settings, Produktfreischaltungen, launch and launch log."""

from __future__ import annotations

import base64
from typing import Any

from basis.secret import Secret
from basis.systeme import TITEL

from .base import Client


class ConcenterClient(Client):
    system = TITEL["concenter"]

    def produktgeber_einstellungen_speichern(self, benutzer: str, produktgeber: str, werte: dict[str, Secret | str],
                                             *, passwort: Secret | str | None) -> dict[str, Any]:
        """Only the user themself changes them: signed in with their password (without one con:center
        refuses with CC_ANMELDUNG_NOETIG)."""
        return self.obj("PUT", f"/api/benutzer/{benutzer}/produktgeber/{produktgeber}", json_body=werte,
                        headers=_basic(benutzer, passwort))

    def produktgeber_einstellungen_aendern(self, benutzer: str, produktgeber: str, werte: dict[str, Secret | str],
                                           *, passwort: Secret | str | None) -> dict[str, Any]:
        """Only the given values; the others stay (PATCH)."""
        return self.obj("PATCH", f"/api/benutzer/{benutzer}/produktgeber/{produktgeber}", json_body=werte,
                        headers=_basic(benutzer, passwort))

    def produktgeber_einstellungen(self, benutzer: str, produktgeber: str) -> dict[str, Any]:
        return self.obj("GET", f"/api/benutzer/{benutzer}/produktgeber/{produktgeber}")

    def produkt_freischalten(self, benutzer: str, recht: str, aktiv: bool = True) -> dict[str, Any]:
        return self.obj("POST", f"/api/benutzer/{benutzer}/rechte", json_body={"recht": recht, "aktiv": aktiv})

    def produktfreischaltungen(self, benutzer: str, passwort: Secret | str) -> list[str]:
        antwort = self.obj("POST", "/api/produktfreischaltungen",
                           json_body={"benutzer": benutzer, "passwort": passwort})
        return self.list_field(antwort, "produkte")

    def start_anlegen(self, **daten: Any) -> str:
        return self.text_field(self.obj("POST", "/api/starts", json_body=daten), "url")

    def start_oeffnen(self, url: str) -> tuple[int, str | None]:
        """Open a launch URL like a browser would, without following the redirect."""
        antwort = self.request("GET", url.removeprefix(self.base_url))
        return antwort.status_code, antwort.headers.get("location")

    def protokoll(self) -> list[dict[str, Any]]:
        return self.items("GET", "/api/protokoll")


def _basic(benutzer: str, passwort: Secret | str | None) -> dict[str, str | Secret]:
    if passwort is None:
        return {}
    klar = passwort.reveal() if isinstance(passwort, Secret) else passwort
    return {"Authorization": Secret("Basic " + base64.b64encode(f"{benutzer}:{klar}".encode()).decode())}
