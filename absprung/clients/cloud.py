"""Client of the assfinet cloud: assfinet drive administration and TaaData."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from basis.kundenfelder import Kundendaten
from basis.leitfaden import TOKEN_NAME
from basis.secret import Secret, reveal
from basis.systeme import TITEL

from .base import Client


@dataclass(frozen=True)
class Token:
    """A token under "assfinet api": its AccessToken in full only right after saving, else masked."""

    id: str
    name: str
    zweck: str
    concenter_benutzer: str
    access_token: Secret | None  # in full: only in the answer to saving it
    maske: str  # how assfinet drive shows it afterwards (first and last characters)
    widerrufen: bool = False


class CloudClient(Client):
    system = TITEL["cloud"]

    def _b(self, bestand: str) -> str:
        return f"/api/bestaende/{bestand}"

    def bestand(self, bestand: str) -> dict[str, Any]:
        return self.obj("GET", self._b(bestand))

    def feature_setzen(self, bestand: str, feature: str, aktiv: bool) -> dict[str, Any]:
        return self.obj("POST", f"{self._b(bestand)}/features",
                        json_body={"feature": feature, "aktiv": aktiv})

    def benutzer_anlegen(self, bestand: str, email: str, rolle: str) -> dict[str, Any]:
        antwort = self.obj("POST", f"{self._b(bestand)}/benutzer", json_body={"email": email, "rolle": rolle})
        self.melden("cloud.benutzer", email)
        return antwort

    def benutzer_entfernen(self, bestand: str, email: str) -> None:
        self.obj("DELETE", f"{self._b(bestand)}/benutzer/{_teil(email)}")

    def rolle_aendern(self, bestand: str, email: str, rolle: str) -> dict[str, Any]:
        return self.obj("POST", f"{self._b(bestand)}/benutzer/rolle",
                        json_body={"email": email, "rolle": rolle})

    def concenter_benutzer_hinterlegen(self, bestand: str, name: str) -> list[str]:
        liste = self.list_field(self.obj("POST", f"{self._b(bestand)}/concenter", json_body={"name": name}),
                                "concenter")
        self.melden("cloud.concenter", name)
        return liste

    def concenter_benutzer_entfernen(self, bestand: str, name: str) -> list[str]:
        return self.list_field(self.obj("DELETE", f"{self._b(bestand)}/concenter/{_teil(name)}"), "concenter")

    def token_hinzufuegen(self, bestand: str, *, zweck: str, concenter_benutzer: str,
                          name: str = TOKEN_NAME) -> Token:
        """The saved token; its AccessToken, shown this once in full, as a Secret."""
        antwort = self.obj("POST", f"{self._b(bestand)}/tokens",
                           json_body={"name": name, "zweck": zweck, "concenter_benutzer": concenter_benutzer})
        token = self._token(antwort, Secret(self.text_field(antwort, "access_token")))
        self.melden("cloud.token", token.id)
        return token

    def tokens(self, bestand: str) -> list[Token]:
        return [self._token(t) for t in self.all_pages(f"{self._b(bestand)}/tokens") if isinstance(t, dict)]

    def token_widerrufen(self, bestand: str, token_id: str) -> Token:
        return self._token(self.obj("POST", f"{self._b(bestand)}/tokens/{token_id}/widerrufen"))

    def _token(self, t: dict[str, Any], access_token: Secret | None = None) -> Token:
        return Token(id=self.text_field(t, "id"), name=str(t.get("name") or ""), zweck=str(t.get("zweck") or ""),
                     concenter_benutzer=str(t.get("concenter_benutzer") or ""), access_token=access_token,
                     maske="" if access_token else str(t.get("access_token") or ""),
                     widerrufen=t.get("widerrufen") is True)

    def token_loeschen(self, bestand: str, token_id: str) -> None:
        self.obj("DELETE", f"{self._b(bestand)}/tokens/{_teil(token_id)}")

    def kunde_entfernen(self, bestand: str, kundennummer: str) -> None:
        self.obj("DELETE", f"{self._b(bestand)}/kunden/{_teil(kundennummer)}")

    def kunde(self, bestand: str, kundennummer: str) -> Kundendaten:
        return Kundendaten.aus_json(self.obj("GET", f"{self._b(bestand)}/kunden/{kundennummer}"))

    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> Kundendaten:
        kunde = Kundendaten.aus_json(self.obj("PUT", f"{self._b(bestand)}/kunden/{_teil(kundennummer)}",
                                              json_body=daten))
        self.melden("cloud.kunde", kundennummer)
        return kunde

    def kundenfreischaltung_anlegen(self, bestand: str, *, name: str, kunden: list[str],
                                    geteilt_mit: list[str], hauptfreischaltung: bool,
                                    herkunft: str = "cloud") -> dict[str, Any]:
        return self._freischaltung(self.obj("POST", f"{self._b(bestand)}/freischaltungen/kunden", json_body={
            "name": name, "kunden": kunden, "geteilt_mit": geteilt_mit,
            "hauptfreischaltung": hauptfreischaltung, "herkunft": herkunft}))

    def vm_freischaltung_anlegen(self, bestand: str, *, name: str, geteilt_mit: list[str],
                                 sachbearbeiter: str, hauptfreischaltung: bool,
                                 vermittler: str | None = None, herkunft: str = "cloud") -> dict[str, Any]:
        body: dict[str, Any] = {"name": name, "geteilt_mit": geteilt_mit, "sachbearbeiter": sachbearbeiter,
                                "hauptfreischaltung": hauptfreischaltung, "herkunft": herkunft}
        if vermittler:
            body["vermittler"] = vermittler
        return self._freischaltung(self.obj("POST", f"{self._b(bestand)}/freischaltungen/vermittler", json_body=body))

    def _freischaltung(self, antwort: dict[str, Any]) -> dict[str, Any]:
        self.melden("cloud.freischaltung", self.text_field(antwort, "id"))
        return antwort

    def hauptfreischaltung_festlegen(self, bestand: str, freischaltung: str, email: str) -> dict[str, Any]:
        return self.obj("POST", f"{self._b(bestand)}/freischaltungen/{freischaltung}/hauptfreischaltung",
                        json_body={"email": email})

    def geteilt_mit_hinzufuegen(self, bestand: str, freischaltung: str, email: str) -> dict[str, Any]:
        return self.obj("POST", f"{self._b(bestand)}/freischaltungen/{freischaltung}/geteilt-mit",
                        json_body={"email": email})

    def freischaltung_loeschen(self, bestand: str, freischaltung: str) -> None:
        self.obj("DELETE", f"{self._b(bestand)}/freischaltungen/{_teil(freischaltung)}")

    def geteilt_mit_entfernen(self, bestand: str, freischaltung: str, email: str) -> None:
        self.obj("DELETE", f"{self._b(bestand)}/freischaltungen/{_teil(freischaltung)}/geteilt-mit/{_teil(email)}")

    def hauptfreischaltung_aufheben(self, bestand: str, email: str) -> None:
        self.obj("DELETE", f"{self._b(bestand)}/hauptfreischaltung/{_teil(email)}")

    def mitarbeiterzugriff_austragen(self, bestand: str, email: str) -> list[str]:
        return self.list_field(self.obj("DELETE", f"{self._b(bestand)}/mitarbeiterzugriff/{_teil(email)}"),
                               "mitarbeiterzugriff")

    def mitarbeiterzugriff_eintragen(self, bestand: str, email: str) -> list[str]:
        return self.list_field(self.obj("POST", f"{self._b(bestand)}/mitarbeiterzugriff", json_body={"email": email}),
                               "mitarbeiterzugriff")

    def rechte_pruefen(self, bestand: str, email: str, kundennummer: str) -> dict[str, Any]:
        return self.obj("GET", f"{self._b(bestand)}/rechte", params={"benutzer": email, "kunde": kundennummer})

    def taa_daten_lesen(self, access_token: Secret | str, kundennummer: str, cloud_benutzer: str) -> Kundendaten:
        return Kundendaten.aus_json(self.obj("GET", f"/api/taa/kunden/{kundennummer}",
                                             headers={"Authorization": Secret(f"Bearer {reveal(access_token)}")},
                                             params={"cloud_benutzer": cloud_benutzer}))


def _teil(wert: str) -> str:
    """One path segment, whatever it contains (e-mail addresses, numbers with slashes)."""
    return quote(wert, safe="")
