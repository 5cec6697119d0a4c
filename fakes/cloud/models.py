"""assfinet cloud: Bestand, users, the con:center list, API tokens and replicated customers.

State and rules only; no HTTP. Each rule raises one ``Rule`` declared right here; the
Freischaltungen (G11–G13) and TaaData live in their own modules, mixed into ``Cloud``.
Where a rule copies an assumption rather than public documentation, its ``source`` says so.
"""

from __future__ import annotations

import secrets
from typing import Any, Callable

from fakes import demo
from fakes.common.errors import Kind, rule

from .daten import FEATURES, KUNDENFELDER, ROLLEN, TOKEN_STANDARDNAME, ZWECKE, Bestand, Kunde, Token
from .taa import TaaData

S = "cloud"

BESTAND_UNBEKANNT = rule(S, "CLOUD_BESTAND_UNBEKANNT", "Der Bestand „{bestand}“ ist unbekannt.", Kind.NOT_FOUND)
FEATURE_UNBEKANNT = rule(S, "CLOUD_FEATURE_UNBEKANNT", "Das Feature „{feature}“ gibt es nicht.")
API_ZUGRIFF_FEHLT = rule(
    S, "CLOUD_FEATURE_API_ZUGRIFF_FEHLT",
    "Der Bestand verfügt nicht über das Feature „API-Zugriff“; Token können nicht hinterlegt werden.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G01",))
CONCENTER_TAA_FEHLT = rule(
    S, "CLOUD_FEATURE_CONCENTER_TAA_FEHLT",
    "Der Bestand verfügt nicht über das Feature „Con:CenterTAA“; con:center Benutzer können nicht "
    "hinterlegt werden.", Kind.FORBIDDEN, source="leitfaden", guide=("G02",))
CONCENTER_DOPPELT = rule(S, "CLOUD_CONCENTER_BENUTZER_DOPPELT",
                         "Der con:center Benutzer „{name}“ ist bereits hinterlegt.", Kind.CONFLICT)
CONCENTER_UNBEKANNT = rule(
    S, "CLOUD_CONCENTER_BENUTZER_UNBEKANNT",
    "Der Concenter Benutzername „{name}“ ist unter Allgemein → con:center nicht hinterlegt.",
    source="leitfaden", guide=("G07", "G09"))
ZWECK_UNGUELTIG = rule(S, "CLOUD_ZWECK_UNGUELTIG", "Der Zweck „{zweck}“ gibt es nicht. Möglich sind: {zwecke}.",
                       source="leitfaden", guide=("G09",))
TOKEN_UNBEKANNT = rule(S, "CLOUD_TOKEN_UNBEKANNT", "Den Token „{token}“ gibt es nicht.", Kind.NOT_FOUND)
BENUTZER_UNBEKANNT = rule(S, "CLOUD_BENUTZER_UNBEKANNT", "Den Benutzer „{email}“ gibt es in diesem Bestand nicht.",
                          Kind.NOT_FOUND)
BENUTZER_DOPPELT = rule(S, "CLOUD_BENUTZER_DOPPELT", "Den Benutzer „{email}“ gibt es bereits.", Kind.CONFLICT)
ROLLE_UNGUELTIG = rule(S, "CLOUD_ROLLE_UNGUELTIG", "Die Rolle „{rolle}“ gibt es nicht. Möglich sind: {rollen}.")
KUNDE_UNBEKANNT = rule(S, "CLOUD_KUNDE_UNBEKANNT", "Den Kunden „{kunde}“ gibt es in diesem Bestand nicht.",
                       Kind.NOT_FOUND)
VERMITTLER_UNBEKANNT = rule(S, "CLOUD_VERMITTLER_UNBEKANNT",
                            "Den Vermittler „{vermittler}“ gibt es in diesem Bestand nicht.")


class Cloud(TaaData):
    system = S

    def reset(self) -> None:
        self.bestaende: dict[str, Bestand] = {}
        self._zaehler = 0

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": self._ausgangslage}

    def _neue_id(self, praefix: str) -> str:
        self._zaehler += 1
        return f"{praefix}-{self._zaehler}"

    # --- Bestand and users -------------------------------------------------------------------

    def bestand_anlegen(self, bestand_id: str, name: str, features: list[str]) -> Bestand:
        for f in features:
            self._feature_pruefen(f)
        b = Bestand(bestand_id, name, set(features))
        b.benutzer.update({"cloudtransfer": "Administrator", "serviceadmin": "Administrator"})
        self.bestaende[bestand_id] = b
        return b

    def bestand(self, bestand_id: str) -> Bestand:
        if bestand_id not in self.bestaende:
            raise BESTAND_UNBEKANNT.refuse(bestand=bestand_id)
        return self.bestaende[bestand_id]

    @staticmethod
    def _feature_pruefen(feature: str) -> None:
        if feature not in FEATURES:
            raise FEATURE_UNBEKANNT.refuse(feature=feature)

    def feature_setzen(self, bestand_id: str, feature: str, aktiv: bool) -> Bestand:
        """Features are switched by assfinet support; the fake offers it as an API."""
        self._feature_pruefen(feature)
        b = self.bestand(bestand_id)
        (b.features.add if aktiv else b.features.discard)(feature)
        return b

    def benutzer_anlegen(self, bestand_id: str, email: str, rolle: str) -> None:
        b = self.bestand(bestand_id)
        self._rolle_pruefen(rolle)
        if email in b.benutzer:
            raise BENUTZER_DOPPELT.refuse(email=email)
        b.benutzer[email] = rolle

    def rolle_aendern(self, bestand_id: str, email: str, rolle: str) -> None:
        b = self.bestand(bestand_id)
        self._rolle_pruefen(rolle)
        self._benutzer(b, email)
        b.benutzer[email] = rolle

    @staticmethod
    def _rolle_pruefen(rolle: str) -> None:
        if rolle not in ROLLEN:
            raise ROLLE_UNGUELTIG.refuse(rolle=rolle, rollen=", ".join(ROLLEN))

    def _benutzer(self, b: Bestand, email: str) -> str:
        if email not in b.benutzer:
            raise BENUTZER_UNBEKANNT.refuse(email=email)
        return b.benutzer[email]

    # --- Allgemein → con:center (G07) ---------------------------------------------------------

    def concenter_benutzer_hinterlegen(self, bestand_id: str, name: str) -> list[str]:
        b = self.bestand(bestand_id)
        if "Con:CenterTAA" not in b.features:
            raise CONCENTER_TAA_FEHLT.refuse()
        if name in b.concenter:
            raise CONCENTER_DOPPELT.refuse(name=name)
        b.concenter.append(name)
        return b.concenter

    def concenter_benutzer_entfernen(self, bestand_id: str, name: str) -> list[str]:
        b = self.bestand(bestand_id)
        if name not in b.concenter:
            raise CONCENTER_UNBEKANNT.refuse(name=name)
        b.concenter.remove(name)
        return b.concenter

    # --- assfinet api → Token (G08–G10) -------------------------------------------------------

    def token_hinzufuegen(self, bestand_id: str, *, zweck: str, concenter_benutzer: str,
                          name: str = TOKEN_STANDARDNAME) -> tuple[Token, str]:
        """Returns the token and its AccessToken in full — the only time it is shown."""
        b = self.bestand(bestand_id)
        if "API-Zugriff" not in b.features:
            raise API_ZUGRIFF_FEHLT.refuse()
        if zweck not in ZWECKE:
            raise ZWECK_UNGUELTIG.refuse(zweck=zweck, zwecke=", ".join(ZWECKE))
        if concenter_benutzer not in b.concenter:
            raise CONCENTER_UNBEKANNT.refuse(name=concenter_benutzer)
        klartext = "aft_" + secrets.token_urlsafe(24)
        t = Token(self._neue_id("T"), name.strip() or TOKEN_STANDARDNAME, zweck, concenter_benutzer,
                  klartext, self.clock.now())
        b.tokens[t.id] = t
        return t, klartext

    def tokens_auflisten(self, bestand_id: str) -> list[Token]:
        b = self.bestand(bestand_id)
        if "API-Zugriff" not in b.features:
            raise API_ZUGRIFF_FEHLT.refuse()
        return list(b.tokens.values())

    def token_widerrufen(self, bestand_id: str, token_id: str) -> Token:
        b = self.bestand(bestand_id)
        if token_id not in b.tokens:
            raise TOKEN_UNBEKANNT.refuse(token=token_id)
        b.tokens[token_id].widerrufen = True
        return b.tokens[token_id]

    # --- customers (replicated from ams.5) ----------------------------------------------------

    def _vermittler_pruefen(self, b: Bestand, vermittler: str) -> None:
        if vermittler not in b.vermittler:
            raise VERMITTLER_UNBEKANNT.refuse(vermittler=vermittler)

    def kunde_replizieren(self, bestand_id: str, kundennummer: str, vermittler: str,
                          daten: dict[str, Any]) -> Kunde:
        b = self.bestand(bestand_id)
        self._vermittler_pruefen(b, vermittler)
        k = Kunde(kundennummer, vermittler, True, {f: daten.get(f) for f in KUNDENFELDER})
        b.kunden[kundennummer] = k
        return k

    def kunde(self, bestand_id: str, kundennummer: str) -> Kunde:
        b = self.bestand(bestand_id)
        if kundennummer not in b.kunden:
            raise KUNDE_UNBEKANNT.refuse(kunde=kundennummer)
        return b.kunden[kundennummer]

    # --- seed ---------------------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        b = self.bestand_anlegen(demo.BESTAND, demo.BESTAND_NAME, list(demo.CLOUD_FEATURES))
        b.benutzer.update(demo.CLOUD_BENUTZER)
        b.vermittler.update(demo.VERMITTLER)
        for k in demo.KUNDEN:
            b.kunden[k["kundennummer"]] = Kunde(
                k["kundennummer"], k["vermittler"], k["repliziert"],
                {f: k[f] for f in KUNDENFELDER} if k["repliziert"] else {})
