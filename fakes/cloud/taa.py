"""assfinet cloud: TaaData, the customer read of a calculator jump, mixed into ``Cloud``.

Checked in exactly this order, each step with its own stable code and German message: a bearer
token is present → token known and not revoked → Bestand features → Zweck TaaData → the
token's con:center user still listed → cloud user exists with role ≥ Benutzer → customer known
→ a Hauptfreischaltung covers the customer → customer replicated.
"""

from __future__ import annotations


from fakes.common.errors import Kind, rule
from fakes.common.geheim import gleich

from .daten import ROLLEN_MIT_DATENZUGRIFF, Bestand, Kunde, Token
from .freischaltungen import Freischaltungen

S = "cloud"

TAA_BEARER_FEHLT = rule(S, "TAA_BEARER_FEHLT",
                        "Es wurde kein Collaboration API Token (Authorization: Bearer …) mitgeschickt.",
                        Kind.UNAUTHENTICATED)
TAA_TOKEN_UNGUELTIG = rule(S, "TAA_TOKEN_UNGUELTIG", "Der Collaboration API Token ist unbekannt oder wurde widerrufen.",
                           Kind.UNAUTHENTICATED, guide=("G10", "G15"))
TAA_FEATURE_FEHLT = rule(
    S, "TAA_FEATURE_FEHLT", "Dem cloud-Bestand fehlt das Feature „{feature}“; Kundendaten werden nicht herausgegeben.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G01", "G02"))
TAA_ZWECK_FALSCH = rule(
    S, "TAA_ZWECK_FALSCH", "Der Token hat den Zweck „{zweck}“; für den Absprung ist der Zweck „TaaData“ nötig.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G09",))
TAA_CONCENTER_BENUTZER_FEHLT = rule(
    S, "TAA_CONCENTER_BENUTZER_FEHLT",
    "Der con:center Benutzer „{name}“ des Tokens ist unter Allgemein → con:center nicht mehr hinterlegt.",
    Kind.FORBIDDEN, guide=("G07", "G09"))
TAA_BENUTZER_UNBEKANNT = rule(S, "TAA_BENUTZER_UNBEKANNT", "Den cloud Benutzer „{email}“ gibt es im Bestand nicht.",
                              Kind.FORBIDDEN, guide=("G06",))
TAA_ROLLE_UNZUREICHEND = rule(
    S, "TAA_ROLLE_UNZUREICHEND",
    "Der cloud Benutzer „{email}“ hat die Rolle „{rolle}“; nötig ist mindestens „Benutzer“.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G06",))
TAA_KEINE_FREISCHALTUNG = rule(
    S, "TAA_KEINE_FREISCHALTUNG", "Für „{email}“ gibt es keine Hauptfreischaltung, die den Kunden „{kunde}“ umfasst.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G11", "G12", "G13"))
TAA_KUNDE_NICHT_REPLIZIERT = rule(
    S, "TAA_KUNDE_NICHT_REPLIZIERT", "Der Kunde „{kunde}“ ist noch nicht in die assfinet cloud repliziert.",
    Kind.NOT_FOUND, source="assfinet-doku")


class TaaData(Freischaltungen):
    bestaende: dict[str, Bestand]  # provided by Cloud

    def taa_daten_lesen(self, access_token: str, kundennummer: str, cloud_benutzer: str) -> Kunde:
        """Read one customer for a calculator jump (``access_token`` "" = no bearer sent)."""
        if not access_token:
            raise TAA_BEARER_FEHLT.refuse()
        b, t = self._token_finden(access_token)
        for feature in ("API-Zugriff", "Con:CenterTAA"):
            if feature not in b.features:
                raise TAA_FEATURE_FEHLT.refuse(feature=feature)
        if t.zweck != "TaaData":
            raise TAA_ZWECK_FALSCH.refuse(zweck=t.zweck)
        if t.concenter_benutzer not in b.concenter:
            raise TAA_CONCENTER_BENUTZER_FEHLT.refuse(name=t.concenter_benutzer)
        if cloud_benutzer not in b.benutzer:
            raise TAA_BENUTZER_UNBEKANNT.refuse(email=cloud_benutzer)
        rolle = b.benutzer[cloud_benutzer]
        if rolle not in ROLLEN_MIT_DATENZUGRIFF:
            raise TAA_ROLLE_UNZUREICHEND.refuse(email=cloud_benutzer, rolle=rolle)
        kunde = b.kunden.get(kundennummer)
        if kunde is None:  # never replicated: the cloud does not know the customer at all
            raise TAA_KUNDE_NICHT_REPLIZIERT.refuse(kunde=kundennummer)
        if not self.umfasst(b, cloud_benutzer, kunde):
            raise TAA_KEINE_FREISCHALTUNG.refuse(email=cloud_benutzer, kunde=kundennummer)
        if not kunde.repliziert:
            raise TAA_KUNDE_NICHT_REPLIZIERT.refuse(kunde=kundennummer)
        return kunde

    def _token_finden(self, access_token: str) -> tuple[Bestand, Token]:
        for b in self.bestaende.values():
            for t in b.tokens.values():
                if gleich(t.access_token, access_token) and not t.widerrufen:
                    return b, t
        raise TAA_TOKEN_UNGUELTIG.refuse()
