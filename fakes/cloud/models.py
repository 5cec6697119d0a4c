"""assfinet cloud: Bestand, users, the con:center list, API tokens, replicated customers, the
Freischaltungen (G11–G13) and TaaData, the customer read of a calculator jump.

State and rules only; no HTTP. Each rule raises one ``Rule`` declared right here. Where a rule
copies an assumption rather than public documentation, its ``source`` says so.

TaaData is checked in exactly this order, each step with its own stable code and German message
(assumption A07): a bearer token is present → token known and not revoked → Bestand features →
Zweck TaaData → the token's con:center user still listed → cloud user exists with role ≥ Benutzer
→ customer known → a Hauptfreischaltung covers the customer → customer replicated.
"""

from __future__ import annotations

import hashlib
import secrets
from typing import Any, Callable

from basis import demo, leitfaden
from fakes.common.bounded import platz
from fakes.common.compare import same_secret
from fakes.common.errors import Kind, rule
from fakes.common.state import FakeState

from .daten import (
    FEATURES,
    HERKUENFTE,
    KUNDENFELDER,
    ROLLEN,
    ROLLEN_MIT_DATENZUGRIFF,
    TOKEN_STANDARDNAME,
    ZWECKE,
    Bestand,
    Freischaltung,
    Kunde,
    Rechte,
    Token,
)

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


# --- Freischaltungen and Mitarbeiterzugriff (G11–G13) ----------------------------------------------

MITARBEITERZUGRIFF_FEHLT = rule(
    S, "CLOUD_FEATURE_MITARBEITERZUGRIFF_FEHLT", "Der Bestand verfügt nicht über das Feature „Mitarbeiterzugriff“.",
    Kind.FORBIDDEN, source="leitfaden", guide=("G03",))
VM_FREISCHALTUNGEN_FEHLT = rule(
    S, "CLOUD_FEATURE_VERMITTLERFREISCHALTUNGEN_FEHLT",
    "Der Bestand verfügt nicht über das Feature „Vermittlerfreischaltungen“; eine "
    "VM-Freischaltung kann nicht angelegt werden.", Kind.FORBIDDEN, source="leitfaden", guide=("G03",))
FREISCHALTUNG_UNBEKANNT = rule(S, "CLOUD_FREISCHALTUNG_UNBEKANNT", "Die Freischaltung „{id}“ gibt es nicht.",
                               Kind.NOT_FOUND)
FREISCHALTUNG_OHNE_KUNDEN = rule(S, "CLOUD_FREISCHALTUNG_OHNE_KUNDEN",
                                 "Eine Kundenfreischaltung braucht mindestens einen Kunden.")
FREISCHALTUNG_NICHT_GETEILT = rule(
    S, "CLOUD_FREISCHALTUNG_NICHT_GETEILT",
    "Die Freischaltung „{name}“ ist nicht mit „{email}“ geteilt; sie kann für diesen Benutzer "
    "keine Hauptfreischaltung sein.", source="annahme", guide=("G12", "G13"))
SACHBEARBEITER_UNGUELTIG = rule(
    S, "CLOUD_SACHBEARBEITER_UNGUELTIG",
    "Als Sachbearbeiter ist nur ein Benutzer mit der Rolle Administrator oder Benutzer möglich "
    "(z. B. cloudtransfer); „{email}“ ist das nicht.", source="assfinet-doku", guide=("G13",))
HERKUNFT_UNGUELTIG = rule(S, "CLOUD_HERKUNFT_UNGUELTIG", "Die Herkunft „{herkunft}“ gibt es nicht.")

# --- TaaData ----------------------------------------------------------------------------------------

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


# Nothing grows without bound (assumption A21); what nobody may lose is refused beyond its limit.
BENUTZER_MAX = 1000  # per Bestand
CONCENTER_MAX = 100  # con:center users under Allgemein → con:center, per Bestand
TOKENS_MAX = 1000  # per Bestand; revoked tokens beyond it are forgotten, oldest first
KUNDEN_MAX = 10_000  # replicated customers per Bestand
FREISCHALTUNGEN_MAX = 1000  # per Bestand


def _fingerabdruck(access_token: str) -> str:
    """TaaData finds a token by this digest in one step: no scan over every token, and no comparison
    whose duration depends on how much of a guessed token is right."""
    return hashlib.sha256(access_token.encode("utf-8", "surrogatepass")).hexdigest()


class Cloud(FakeState):
    system = S

    def reset(self) -> None:
        self.bestaende: dict[str, Bestand] = {}
        self.token_index: dict[str, tuple[str, str]] = {}  # digest of the AccessToken -> (Bestand, token id)
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
        platz(len(b.benutzer), BENUTZER_MAX, "Benutzer in diesem Bestand")
        b.benutzer[email] = rolle

    def rolle_aendern(self, bestand_id: str, email: str, rolle: str) -> None:
        b = self.bestand(bestand_id)
        self._rolle_pruefen(rolle)
        self._benutzer(b, email)
        b.benutzer[email] = rolle

    def benutzer_entfernen(self, bestand_id: str, email: str) -> None:
        """The user leaves the Bestand, and with it every list and Freischaltung that names him."""
        b = self.bestand(bestand_id)
        self._benutzer(b, email)
        del b.benutzer[email]
        b.mitarbeiterzugriff = [e for e in b.mitarbeiterzugriff if e != email]
        b.hauptfreischaltung.pop(email, None)
        for f in b.freischaltungen.values():
            f.geteilt_mit = [e for e in f.geteilt_mit if e != email]

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
        platz(len(b.concenter), CONCENTER_MAX, "con:center Benutzer in diesem Bestand")
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
        self._platz_fuer_token(b)
        klartext = "aft_" + secrets.token_urlsafe(24)
        t = Token(self._neue_id("T"), name.strip() or TOKEN_STANDARDNAME, zweck, concenter_benutzer,
                  klartext, self.clock.now())
        b.tokens[t.id] = t
        self.token_index[_fingerabdruck(klartext)] = (b.id, t.id)
        return t, klartext

    def _platz_fuer_token(self, b: Bestand) -> None:
        """A full list forgets its oldest revoked token; with none revoked, it refuses."""
        if len(b.tokens) < TOKENS_MAX:
            return
        alt = next((t for t in b.tokens.values() if t.widerrufen), None)
        if alt is None:
            platz(len(b.tokens), TOKENS_MAX, "gültige Token in diesem Bestand")
            return
        del b.tokens[alt.id]
        self.token_index.pop(_fingerabdruck(alt.access_token), None)

    def token_loeschen(self, bestand_id: str, token_id: str) -> None:
        """assfinet api → Token löschen: the token and its AccessToken are gone for good."""
        b = self.bestand(bestand_id)
        if token_id not in b.tokens:
            raise TOKEN_UNBEKANNT.refuse(token=token_id)
        t = b.tokens.pop(token_id)
        self.token_index.pop(_fingerabdruck(t.access_token), None)

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
        if kundennummer not in b.kunden:
            platz(len(b.kunden), KUNDEN_MAX, "Kunden in diesem Bestand")
        k = Kunde(kundennummer, vermittler, True, {f: daten.get(f) for f in KUNDENFELDER})
        b.kunden[kundennummer] = k
        return k

    def kunde_entfernen(self, bestand_id: str, kundennummer: str) -> None:
        """A customer deleted in the office leaves the cloud too; replicated again, he comes back."""
        b = self.bestand(bestand_id)
        self.kunde(bestand_id, kundennummer)
        del b.kunden[kundennummer]

    def kunde(self, bestand_id: str, kundennummer: str) -> Kunde:
        b = self.bestand(bestand_id)
        if kundennummer not in b.kunden:
            raise KUNDE_UNBEKANNT.refuse(kunde=kundennummer)
        return b.kunden[kundennummer]

    # --- Freischaltungen: who may read which customer (G11–G13) ----------------------------------

    def kundenfreischaltung_anlegen(self, bestand_id: str, *, name: str, kunden: list[str],
                                    geteilt_mit: list[str], hauptfreischaltung: bool = False,
                                    herkunft: str = "cloud") -> Freischaltung:
        b = self.bestand(bestand_id)
        if not kunden:
            raise FREISCHALTUNG_OHNE_KUNDEN.refuse()
        for k in kunden:
            self.kunde(bestand_id, k)
        return self._freischaltung_speichern(
            b, Freischaltung(self._neue_id("F"), "kunde", name, list(geteilt_mit), kunden=list(kunden),
                             herkunft=herkunft), hauptfreischaltung)

    def vm_freischaltung_anlegen(self, bestand_id: str, *, name: str, geteilt_mit: list[str],
                                 sachbearbeiter: str, vermittler: str | None = None,
                                 hauptfreischaltung: bool = False, herkunft: str = "cloud") -> Freischaltung:
        b = self.bestand(bestand_id)
        if "Vermittlerfreischaltungen" not in b.features:
            raise VM_FREISCHALTUNGEN_FEHLT.refuse()
        if vermittler is not None:
            self._vermittler_pruefen(b, vermittler)
        self.sachbearbeiter_pruefen(b, sachbearbeiter)
        return self._freischaltung_speichern(
            b, Freischaltung(self._neue_id("F"), "vermittler", name, list(geteilt_mit), vermittler=vermittler,
                             sachbearbeiter=sachbearbeiter, herkunft=herkunft), hauptfreischaltung)

    @staticmethod
    def sachbearbeiter_pruefen(b: Bestand, email: str) -> None:
        # assfinet KB: selectable Sachbearbeiter are users with role Administrator or Benutzer.
        if b.benutzer.get(email) not in ROLLEN_MIT_DATENZUGRIFF:
            raise SACHBEARBEITER_UNGUELTIG.refuse(email=email)

    def _freischaltung_speichern(self, b: Bestand, f: Freischaltung, haupt: bool) -> Freischaltung:
        if f.herkunft not in HERKUENFTE:
            raise HERKUNFT_UNGUELTIG.refuse(herkunft=f.herkunft)
        for email in f.geteilt_mit:
            self._benutzer(b, email)
        platz(len(b.freischaltungen), FREISCHALTUNGEN_MAX, "Freischaltungen in diesem Bestand")
        b.freischaltungen[f.id] = f
        if haupt:
            for email in f.geteilt_mit:
                b.hauptfreischaltung[email] = f.id
        return f

    def hauptfreischaltung_festlegen(self, bestand_id: str, freischaltung_id: str, email: str) -> None:
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        if email not in f.geteilt_mit:
            raise FREISCHALTUNG_NICHT_GETEILT.refuse(name=f.name, email=email)
        b.hauptfreischaltung[email] = f.id

    def freischaltung_loeschen(self, bestand_id: str, freischaltung_id: str) -> None:
        """Gone, and no user keeps it as his Hauptfreischaltung."""
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        del b.freischaltungen[f.id]
        for email in [e for e, fid in b.hauptfreischaltung.items() if fid == f.id]:
            del b.hauptfreischaltung[email]

    def hauptfreischaltung_aufheben(self, bestand_id: str, email: str) -> None:
        """The user has no Hauptfreischaltung any more (nothing to do if he had none)."""
        b = self.bestand(bestand_id)
        self._benutzer(b, email)
        b.hauptfreischaltung.pop(email, None)

    def geteilt_mit_entfernen(self, bestand_id: str, freischaltung_id: str, email: str) -> None:
        """No longer shared with the user; if it was his Hauptfreischaltung, he has none."""
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        self._benutzer(b, email)
        f.geteilt_mit = [e for e in f.geteilt_mit if e != email]
        if b.hauptfreischaltung.get(email) == f.id:
            del b.hauptfreischaltung[email]

    def geteilt_mit_hinzufuegen(self, bestand_id: str, freischaltung_id: str, email: str) -> None:
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        self._benutzer(b, email)
        if email not in f.geteilt_mit:
            f.geteilt_mit.append(email)

    @staticmethod
    def _freischaltung(b: Bestand, freischaltung_id: str) -> Freischaltung:
        if freischaltung_id not in b.freischaltungen:
            raise FREISCHALTUNG_UNBEKANNT.refuse(id=freischaltung_id)
        return b.freischaltungen[freischaltung_id]

    def mitarbeiterzugriff_eintragen(self, bestand_id: str, email: str) -> list[str]:
        b = self.bestand(bestand_id)
        if "Mitarbeiterzugriff" not in b.features:
            raise MITARBEITERZUGRIFF_FEHLT.refuse()
        self._benutzer(b, email)
        if email not in b.mitarbeiterzugriff:
            b.mitarbeiterzugriff.append(email)
        return b.mitarbeiterzugriff

    def mitarbeiterzugriff_austragen(self, bestand_id: str, email: str) -> list[str]:
        b = self.bestand(bestand_id)
        self._benutzer(b, email)
        b.mitarbeiterzugriff = [e for e in b.mitarbeiterzugriff if e != email]
        return b.mitarbeiterzugriff

    def umfasst(self, b: Bestand, email: str, kunde: Kunde) -> bool:
        """Does the user's Hauptfreischaltung cover this customer?"""
        return self.rechte(b, email, kunde).umfasst

    @staticmethod
    def rechte(b: Bestand, email: str, kunde: Kunde) -> Rechte:
        """What the user's Freischaltungen give for this customer, with the first reason against it.

        Assumption: only the main Freischaltung grants rights; a VM-Freischaltung without
        Vermittler grants the whole Bestand only to users on the Mitarbeiterzugriff list.
        """
        f = b.freischaltungen.get(b.hauptfreischaltung.get(email, ""))
        if f is None or email not in f.geteilt_mit:
            if any(email in x.geteilt_mit for x in b.freischaltungen.values()):
                return Rechte("nicht-haupt")
            # One that would cover the customer but is shared with others only: share it; none at all: make one.
            fuer_kunden = any(_fuer_kunden(x, kunde) for x in b.freischaltungen.values())
            return Rechte("nicht-geteilt" if fuer_kunden else "keine")
        if f.art == "kunde":
            return Rechte("ok" if kunde.kundennummer in f.kunden else "kunde-fehlt", f.name)
        if "Vermittlerfreischaltungen" not in b.features:
            return Rechte("vm-feature-fehlt", f.name)
        if f.vermittler is not None:
            return Rechte("ok" if kunde.vermittler == f.vermittler else "vermittler-fehlt", f.name)
        ok = "Mitarbeiterzugriff" in b.features and email in b.mitarbeiterzugriff
        return Rechte("ok" if ok else "mitarbeiterzugriff-fehlt", f.name)

    def rechte_pruefen(self, bestand_id: str, email: str, kundennummer: str) -> Rechte:
        """assfinet drive → Freischaltungen → Rechte prüfen: read-only, for support."""
        b = self.bestand(bestand_id)
        self._benutzer(b, email)
        return self.rechte(b, email, self.kunde(bestand_id, kundennummer))

    # --- TaaData ------------------------------------------------------------------------------

    def taa_daten_lesen(self, access_token: str, kundennummer: str, cloud_benutzer: str) -> Kunde:
        """Read one customer for a calculator jump (``access_token`` "" = no bearer sent)."""
        if not access_token:
            raise TAA_BEARER_FEHLT.refuse()
        b, t = self._token_finden(access_token)
        for feature in ("API-Zugriff", "Con:CenterTAA"):
            if feature not in b.features:
                raise TAA_FEATURE_FEHLT.refuse(feature=feature)
        if t.zweck != leitfaden.ZWECK:
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
        bestand_id, token_id = self.token_index.get(_fingerabdruck(access_token), ("", ""))
        b = self.bestaende.get(bestand_id)
        t = b.tokens.get(token_id) if b is not None else None
        if b is None or t is None or t.widerrufen or not same_secret(t.access_token, access_token):
            raise TAA_TOKEN_UNGUELTIG.refuse()
        return b, t

    # --- seed ---------------------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        b = self.bestand_anlegen(demo.BESTAND, demo.BESTAND_NAME, list(demo.CLOUD_FEATURES))
        b.benutzer.update(demo.CLOUD_BENUTZER)
        b.vermittler.update(demo.VERMITTLER)
        for k in demo.KUNDEN:
            b.kunden[k["kundennummer"]] = Kunde(
                k["kundennummer"], k["vermittler"], k["repliziert"],
                {f: k[f] for f in KUNDENFELDER} if k["repliziert"] else {})


def _fuer_kunden(f: Freischaltung, kunde: Kunde) -> bool:
    """Would this Freischaltung cover the customer (for whoever it is shared with)?"""
    if f.art == "kunde":
        return kunde.kundennummer in f.kunden
    return f.vermittler is None or f.vermittler == kunde.vermittler
