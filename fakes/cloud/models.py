"""assfinet cloud: Bestand, users, con:center list, API tokens, Freischaltungen, TaaData.

State and rules only; no HTTP. Each rule raises one ``Regel`` declared right here.
Where a rule copies an assumption rather than public documentation, its ``quelle`` says so.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from fakes import demo
from fakes.common.errors import Art, regel
from fakes.common.web import Zustand

S = "cloud"

FEATURES = ("API-Zugriff", "Con:CenterTAA", "Mitarbeiterzugriff", "Vermittlerfreischaltungen")
ROLLEN = ("Administrator", "Benutzer", "Gast")
ROLLEN_MIT_DATENZUGRIFF = ("Administrator", "Benutzer")
ZWECKE = ("TaaData", "Collaboration", "Dokumentenablage", "Bestandsexport")
TOKEN_STANDARDNAME = "Thinksurance"

BESTAND_UNBEKANNT = regel(S, "CLOUD_BESTAND_UNBEKANNT", "Der Bestand „{bestand}“ ist unbekannt.",
                          Art.NICHT_GEFUNDEN)
FEATURE_UNBEKANNT = regel(S, "CLOUD_FEATURE_UNBEKANNT", "Das Feature „{feature}“ gibt es nicht.")
API_ZUGRIFF_FEHLT = regel(
    S, "CLOUD_FEATURE_API_ZUGRIFF_FEHLT",
    "Der Bestand verfügt nicht über das Feature „API-Zugriff“; Token können nicht hinterlegt werden.",
    Art.VERBOTEN, quelle="leitfaden", leitfaden=("G01",))
CONCENTER_TAA_FEHLT = regel(
    S, "CLOUD_FEATURE_CONCENTER_TAA_FEHLT",
    "Der Bestand verfügt nicht über das Feature „Con:CenterTAA“; con:center Benutzer können nicht "
    "hinterlegt werden.", Art.VERBOTEN, quelle="leitfaden", leitfaden=("G02",))
MITARBEITERZUGRIFF_FEHLT = regel(
    S, "CLOUD_FEATURE_MITARBEITERZUGRIFF_FEHLT",
    "Der Bestand verfügt nicht über das Feature „Mitarbeiterzugriff“.", Art.VERBOTEN,
    quelle="leitfaden", leitfaden=("G03",))
VM_FREISCHALTUNGEN_FEHLT = regel(
    S, "CLOUD_FEATURE_VERMITTLERFREISCHALTUNGEN_FEHLT",
    "Der Bestand verfügt nicht über das Feature „Vermittlerfreischaltungen“; eine "
    "VM-Freischaltung kann nicht angelegt werden.", Art.VERBOTEN, quelle="leitfaden",
    leitfaden=("G03",))
CONCENTER_DOPPELT = regel(S, "CLOUD_CONCENTER_BENUTZER_DOPPELT",
                          "Der con:center Benutzer „{name}“ ist bereits hinterlegt.", Art.KONFLIKT)
CONCENTER_UNBEKANNT = regel(
    S, "CLOUD_CONCENTER_BENUTZER_UNBEKANNT",
    "Der Concenter Benutzername „{name}“ ist unter Allgemein → con:center nicht hinterlegt.",
    quelle="leitfaden", leitfaden=("G07", "G09"))
ZWECK_UNGUELTIG = regel(S, "CLOUD_ZWECK_UNGUELTIG",
                        "Der Zweck „{zweck}“ gibt es nicht. Möglich sind: {zwecke}.",
                        quelle="leitfaden", leitfaden=("G09",))
TOKEN_UNBEKANNT = regel(S, "CLOUD_TOKEN_UNBEKANNT", "Den Token „{token}“ gibt es nicht.",
                        Art.NICHT_GEFUNDEN)
BENUTZER_UNBEKANNT = regel(S, "CLOUD_BENUTZER_UNBEKANNT",
                           "Den Benutzer „{email}“ gibt es in diesem Bestand nicht.",
                           Art.NICHT_GEFUNDEN)
BENUTZER_DOPPELT = regel(S, "CLOUD_BENUTZER_DOPPELT", "Den Benutzer „{email}“ gibt es bereits.",
                         Art.KONFLIKT)
ROLLE_UNGUELTIG = regel(S, "CLOUD_ROLLE_UNGUELTIG",
                        "Die Rolle „{rolle}“ gibt es nicht. Möglich sind: {rollen}.")
KUNDE_UNBEKANNT = regel(S, "CLOUD_KUNDE_UNBEKANNT", "Den Kunden „{kunde}“ gibt es in diesem Bestand nicht.",
                        Art.NICHT_GEFUNDEN)
VERMITTLER_UNBEKANNT = regel(S, "CLOUD_VERMITTLER_UNBEKANNT",
                             "Den Vermittler „{vermittler}“ gibt es in diesem Bestand nicht.")
FREISCHALTUNG_UNBEKANNT = regel(S, "CLOUD_FREISCHALTUNG_UNBEKANNT",
                                "Die Freischaltung „{id}“ gibt es nicht.", Art.NICHT_GEFUNDEN)
FREISCHALTUNG_OHNE_KUNDEN = regel(S, "CLOUD_FREISCHALTUNG_OHNE_KUNDEN",
                                  "Eine Kundenfreischaltung braucht mindestens einen Kunden.")
FREISCHALTUNG_NICHT_GETEILT = regel(
    S, "CLOUD_FREISCHALTUNG_NICHT_GETEILT",
    "Die Freischaltung „{name}“ ist nicht mit „{email}“ geteilt; sie kann für diesen Benutzer "
    "keine Hauptfreischaltung sein.", quelle="annahme", leitfaden=("G12", "G13"))
SACHBEARBEITER_UNGUELTIG = regel(
    S, "CLOUD_SACHBEARBEITER_UNGUELTIG",
    "Als Sachbearbeiter ist nur ein Benutzer mit der Rolle Administrator oder Benutzer möglich "
    "(z. B. cloudtransfer); „{email}“ ist das nicht.", quelle="assfinet-doku", leitfaden=("G13",))
HERKUNFT_UNGUELTIG = regel(S, "CLOUD_HERKUNFT_UNGUELTIG", "Die Herkunft „{herkunft}“ gibt es nicht.")

# TaaData: checked in exactly this order (fake-world.md), each with its own code.
TAA_TOKEN_UNGUELTIG = regel(
    S, "TAA_TOKEN_UNGUELTIG",
    "Der Collaboration API Token ist unbekannt oder wurde widerrufen.", Art.NICHT_ANGEMELDET,
    leitfaden=("G10", "G15"))
TAA_FEATURE_FEHLT = regel(
    S, "TAA_FEATURE_FEHLT",
    "Dem cloud-Bestand fehlt das Feature „{feature}“; Kundendaten werden nicht herausgegeben.",
    Art.VERBOTEN, quelle="leitfaden", leitfaden=("G01", "G02"))
TAA_ZWECK_FALSCH = regel(
    S, "TAA_ZWECK_FALSCH",
    "Der Token hat den Zweck „{zweck}“; für den Absprung ist der Zweck „TaaData“ nötig.",
    Art.VERBOTEN, quelle="leitfaden", leitfaden=("G09",))
TAA_CONCENTER_BENUTZER_FEHLT = regel(
    S, "TAA_CONCENTER_BENUTZER_FEHLT",
    "Der con:center Benutzer „{name}“ des Tokens ist unter Allgemein → con:center nicht mehr "
    "hinterlegt.", Art.VERBOTEN, leitfaden=("G07", "G09"))
TAA_BENUTZER_UNBEKANNT = regel(
    S, "TAA_BENUTZER_UNBEKANNT",
    "Den cloud Benutzer „{email}“ gibt es im Bestand nicht.", Art.VERBOTEN, leitfaden=("G06",))
TAA_ROLLE_UNZUREICHEND = regel(
    S, "TAA_ROLLE_UNZUREICHEND",
    "Der cloud Benutzer „{email}“ hat die Rolle „{rolle}“; nötig ist mindestens „Benutzer“.",
    Art.VERBOTEN, quelle="leitfaden", leitfaden=("G06",))
TAA_KEINE_FREISCHALTUNG = regel(
    S, "TAA_KEINE_FREISCHALTUNG",
    "Für „{email}“ gibt es keine Hauptfreischaltung, die den Kunden „{kunde}“ umfasst.",
    Art.VERBOTEN, quelle="leitfaden", leitfaden=("G11", "G12", "G13"))
TAA_KUNDE_NICHT_REPLIZIERT = regel(
    S, "TAA_KUNDE_NICHT_REPLIZIERT",
    "Der Kunde „{kunde}“ ist noch nicht in die assfinet cloud repliziert.", Art.NICHT_GEFUNDEN,
    quelle="assfinet-doku")

KUNDENFELDER = ("firma", "rechtsform", "strasse", "hausnummer", "plz", "ort", "branche", "telefon",
                "email", "ansprechpartner_vorname", "ansprechpartner_nachname", "umsatz",
                "mitarbeiter_vollzeit", "mitarbeiter_teilzeit")


@dataclass
class Token:
    id: str
    name: str
    zweck: str
    concenter_benutzer: str
    access_token: str
    angelegt: datetime
    widerrufen: bool = False

    def maskiert(self) -> str:
        return f"{self.access_token[:4]}••••••••{self.access_token[-4:]}"


@dataclass
class Kunde:
    kundennummer: str
    vermittler: str
    repliziert: bool
    daten: dict[str, Any]


@dataclass
class Freischaltung:
    id: str
    art: str  # "kunde" | "vermittler"
    name: str
    geteilt_mit: list[str]
    kunden: list[str] = field(default_factory=list)
    vermittler: str | None = None
    sachbearbeiter: str | None = None
    herkunft: str = "cloud"  # pre-existing ones come from data, forms or ams6


@dataclass
class Bestand:
    id: str
    name: str
    features: set[str]
    benutzer: dict[str, str] = field(default_factory=dict)  # e-mail -> role
    vermittler: dict[str, str] = field(default_factory=dict)
    concenter: list[str] = field(default_factory=list)
    tokens: dict[str, Token] = field(default_factory=dict)
    kunden: dict[str, Kunde] = field(default_factory=dict)
    freischaltungen: dict[str, Freischaltung] = field(default_factory=dict)
    mitarbeiterzugriff: list[str] = field(default_factory=list)
    hauptfreischaltung: dict[str, str] = field(default_factory=dict)  # e-mail -> Freischaltung id


class Cloud(Zustand):
    system = S

    def reset(self) -> None:
        self.bestaende: dict[str, Bestand] = {}
        self._zaehler = 0

    def datenstaende(self) -> dict[str, Any]:
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
            raise BESTAND_UNBEKANNT.fehler(bestand=bestand_id)
        return self.bestaende[bestand_id]

    @staticmethod
    def _feature_pruefen(feature: str) -> None:
        if feature not in FEATURES:
            raise FEATURE_UNBEKANNT.fehler(feature=feature)

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
            raise BENUTZER_DOPPELT.fehler(email=email)
        b.benutzer[email] = rolle

    def rolle_aendern(self, bestand_id: str, email: str, rolle: str) -> None:
        b = self.bestand(bestand_id)
        self._rolle_pruefen(rolle)
        self._benutzer(b, email)
        b.benutzer[email] = rolle

    @staticmethod
    def _rolle_pruefen(rolle: str) -> None:
        if rolle not in ROLLEN:
            raise ROLLE_UNGUELTIG.fehler(rolle=rolle, rollen=", ".join(ROLLEN))

    @staticmethod
    def _benutzer(b: Bestand, email: str) -> str:
        if email not in b.benutzer:
            raise BENUTZER_UNBEKANNT.fehler(email=email)
        return b.benutzer[email]

    # --- Allgemein → con:center (G07) ---------------------------------------------------------

    def concenter_benutzer_hinterlegen(self, bestand_id: str, name: str) -> list[str]:
        b = self.bestand(bestand_id)
        if "Con:CenterTAA" not in b.features:
            raise CONCENTER_TAA_FEHLT.fehler()
        if name in b.concenter:
            raise CONCENTER_DOPPELT.fehler(name=name)
        b.concenter.append(name)
        return b.concenter

    def concenter_benutzer_entfernen(self, bestand_id: str, name: str) -> list[str]:
        b = self.bestand(bestand_id)
        if name not in b.concenter:
            raise CONCENTER_UNBEKANNT.fehler(name=name)
        b.concenter.remove(name)
        return b.concenter

    # --- assfinet api → Token (G08–G10) -------------------------------------------------------

    def token_hinzufuegen(self, bestand_id: str, *, zweck: str, concenter_benutzer: str,
                          name: str = TOKEN_STANDARDNAME) -> tuple[Token, str]:
        """Returns the token and its AccessToken in full — the only time it is shown."""
        b = self.bestand(bestand_id)
        if "API-Zugriff" not in b.features:
            raise API_ZUGRIFF_FEHLT.fehler()
        if zweck not in ZWECKE:
            raise ZWECK_UNGUELTIG.fehler(zweck=zweck, zwecke=", ".join(ZWECKE))
        if concenter_benutzer not in b.concenter:
            raise CONCENTER_UNBEKANNT.fehler(name=concenter_benutzer)
        klartext = "aft_" + secrets.token_urlsafe(24)
        t = Token(self._neue_id("T"), name.strip() or TOKEN_STANDARDNAME, zweck, concenter_benutzer,
                  klartext, self.uhr.jetzt())
        b.tokens[t.id] = t
        return t, klartext

    def tokens_auflisten(self, bestand_id: str) -> list[Token]:
        b = self.bestand(bestand_id)
        if "API-Zugriff" not in b.features:
            raise API_ZUGRIFF_FEHLT.fehler()
        return list(b.tokens.values())

    def token_widerrufen(self, bestand_id: str, token_id: str) -> Token:
        b = self.bestand(bestand_id)
        if token_id not in b.tokens:
            raise TOKEN_UNBEKANNT.fehler(token=token_id)
        b.tokens[token_id].widerrufen = True
        return b.tokens[token_id]

    # --- customers (replicated from ams.5) ----------------------------------------------------

    def kunde_replizieren(self, bestand_id: str, kundennummer: str, vermittler: str,
                          daten: dict[str, Any]) -> Kunde:
        b = self.bestand(bestand_id)
        if vermittler not in b.vermittler:
            raise VERMITTLER_UNBEKANNT.fehler(vermittler=vermittler)
        k = Kunde(kundennummer, vermittler, True, {f: daten.get(f) for f in KUNDENFELDER})
        b.kunden[kundennummer] = k
        return k

    def kunde(self, bestand_id: str, kundennummer: str) -> Kunde:
        b = self.bestand(bestand_id)
        if kundennummer not in b.kunden:
            raise KUNDE_UNBEKANNT.fehler(kunde=kundennummer)
        return b.kunden[kundennummer]

    # --- Freischaltungen (G11–G13) ------------------------------------------------------------

    def kundenfreischaltung_anlegen(self, bestand_id: str, *, name: str, kunden: list[str],
                                    geteilt_mit: list[str], hauptfreischaltung: bool = False,
                                    herkunft: str = "cloud") -> Freischaltung:
        b = self.bestand(bestand_id)
        if not kunden:
            raise FREISCHALTUNG_OHNE_KUNDEN.fehler()
        for k in kunden:
            self.kunde(bestand_id, k)
        return self._freischaltung_speichern(
            b, Freischaltung(self._neue_id("F"), "kunde", name, list(geteilt_mit), kunden=list(kunden),
                             herkunft=herkunft), hauptfreischaltung)

    def vm_freischaltung_anlegen(self, bestand_id: str, *, name: str, geteilt_mit: list[str],
                                 sachbearbeiter: str, vermittler: str | None = None,
                                 hauptfreischaltung: bool = False,
                                 herkunft: str = "cloud") -> Freischaltung:
        b = self.bestand(bestand_id)
        if "Vermittlerfreischaltungen" not in b.features:
            raise VM_FREISCHALTUNGEN_FEHLT.fehler()
        if vermittler is not None and vermittler not in b.vermittler:
            raise VERMITTLER_UNBEKANNT.fehler(vermittler=vermittler)
        self.sachbearbeiter_pruefen(b, sachbearbeiter)
        return self._freischaltung_speichern(
            b, Freischaltung(self._neue_id("F"), "vermittler", name, list(geteilt_mit),
                             vermittler=vermittler, sachbearbeiter=sachbearbeiter,
                             herkunft=herkunft), hauptfreischaltung)

    @staticmethod
    def sachbearbeiter_pruefen(b: Bestand, email: str) -> None:
        # assfinet KB: selectable Sachbearbeiter are users with role Administrator or Benutzer.
        if b.benutzer.get(email) not in ROLLEN_MIT_DATENZUGRIFF:
            raise SACHBEARBEITER_UNGUELTIG.fehler(email=email)

    def _freischaltung_speichern(self, b: Bestand, f: Freischaltung, haupt: bool) -> Freischaltung:
        if f.herkunft not in ("cloud", "data", "forms", "ams6"):
            raise HERKUNFT_UNGUELTIG.fehler(herkunft=f.herkunft)
        for email in f.geteilt_mit:
            self._benutzer(b, email)
        b.freischaltungen[f.id] = f
        if haupt:
            for email in f.geteilt_mit:
                b.hauptfreischaltung[email] = f.id
        return f

    def hauptfreischaltung_festlegen(self, bestand_id: str, freischaltung_id: str,
                                     email: str) -> None:
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        if email not in f.geteilt_mit:
            raise FREISCHALTUNG_NICHT_GETEILT.fehler(name=f.name, email=email)
        b.hauptfreischaltung[email] = f.id

    def geteilt_mit_hinzufuegen(self, bestand_id: str, freischaltung_id: str, email: str) -> None:
        b = self.bestand(bestand_id)
        f = self._freischaltung(b, freischaltung_id)
        self._benutzer(b, email)
        if email not in f.geteilt_mit:
            f.geteilt_mit.append(email)

    @staticmethod
    def _freischaltung(b: Bestand, freischaltung_id: str) -> Freischaltung:
        if freischaltung_id not in b.freischaltungen:
            raise FREISCHALTUNG_UNBEKANNT.fehler(id=freischaltung_id)
        return b.freischaltungen[freischaltung_id]

    def mitarbeiterzugriff_eintragen(self, bestand_id: str, email: str) -> list[str]:
        b = self.bestand(bestand_id)
        if "Mitarbeiterzugriff" not in b.features:
            raise MITARBEITERZUGRIFF_FEHLT.fehler()
        self._benutzer(b, email)
        if email not in b.mitarbeiterzugriff:
            b.mitarbeiterzugriff.append(email)
        return b.mitarbeiterzugriff

    def umfasst(self, b: Bestand, email: str, kunde: Kunde) -> bool:
        """Does the user's Hauptfreischaltung cover this customer?

        Assumption: only the main Freischaltung grants rights; a VM-Freischaltung without
        Vermittler grants the whole Bestand only to users on the Mitarbeiterzugriff list.
        """
        f = b.freischaltungen.get(b.hauptfreischaltung.get(email, ""))
        if f is None or email not in f.geteilt_mit:
            return False
        if f.art == "kunde":
            return kunde.kundennummer in f.kunden
        if "Vermittlerfreischaltungen" not in b.features:
            return False
        if f.vermittler is not None:
            return kunde.vermittler == f.vermittler
        return "Mitarbeiterzugriff" in b.features and email in b.mitarbeiterzugriff

    # --- TaaData ------------------------------------------------------------------------------

    def taa_daten_lesen(self, access_token: str, kundennummer: str, cloud_benutzer: str) -> dict[str, Any]:
        """Read one customer for a calculator jump, checks in the documented order."""
        b, t = self._token_finden(access_token)
        for feature in ("API-Zugriff", "Con:CenterTAA"):
            if feature not in b.features:
                raise TAA_FEATURE_FEHLT.fehler(feature=feature)
        if t.zweck != "TaaData":
            raise TAA_ZWECK_FALSCH.fehler(zweck=t.zweck)
        if t.concenter_benutzer not in b.concenter:
            raise TAA_CONCENTER_BENUTZER_FEHLT.fehler(name=t.concenter_benutzer)
        if cloud_benutzer not in b.benutzer:
            raise TAA_BENUTZER_UNBEKANNT.fehler(email=cloud_benutzer)
        rolle = b.benutzer[cloud_benutzer]
        if rolle not in ROLLEN_MIT_DATENZUGRIFF:
            raise TAA_ROLLE_UNZUREICHEND.fehler(email=cloud_benutzer, rolle=rolle)
        kunde = b.kunden.get(kundennummer)
        if kunde is None:  # never replicated: the cloud does not know the customer at all
            raise TAA_KUNDE_NICHT_REPLIZIERT.fehler(kunde=kundennummer)
        if not self.umfasst(b, cloud_benutzer, kunde):
            raise TAA_KEINE_FREISCHALTUNG.fehler(email=cloud_benutzer, kunde=kundennummer)
        if not kunde.repliziert:
            raise TAA_KUNDE_NICHT_REPLIZIERT.fehler(kunde=kundennummer)
        return {"kundennummer": kunde.kundennummer, "vermittler": kunde.vermittler, **kunde.daten}

    def _token_finden(self, access_token: str) -> tuple[Bestand, Token]:
        for b in self.bestaende.values():
            for t in b.tokens.values():
                if secrets.compare_digest(t.access_token, access_token) and not t.widerrufen:
                    return b, t
        raise TAA_TOKEN_UNGUELTIG.fehler()

    # --- seeds and dump -----------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        b = self.bestand_anlegen(demo.BESTAND, demo.BESTAND_NAME, list(demo.CLOUD_FEATURES))
        b.benutzer.update(demo.CLOUD_BENUTZER)
        b.vermittler.update(demo.VERMITTLER)
        for k in demo.KUNDEN:
            b.kunden[k["kundennummer"]] = Kunde(
                k["kundennummer"], k["vermittler"], k["repliziert"],
                {f: k[f] for f in KUNDENFELDER} if k["repliziert"] else {})

    def als_dict(self) -> dict[str, Any]:
        return {"bestaende": {bid: bestand_als_dict(b) for bid, b in self.bestaende.items()}}


def token_als_dict(t: Token) -> dict[str, Any]:
    return {"id": t.id, "name": t.name, "zweck": t.zweck, "concenter_benutzer": t.concenter_benutzer,
            "access_token": t.maskiert(), "angelegt": t.angelegt.strftime("%Y-%m-%d %H:%M:%S"),
            "widerrufen": t.widerrufen}


def freischaltung_als_dict(f: Freischaltung, b: Bestand) -> dict[str, Any]:
    return {"id": f.id, "art": f.art, "name": f.name, "geteilt_mit": f.geteilt_mit,
            "kunden": f.kunden, "vermittler": f.vermittler, "sachbearbeiter": f.sachbearbeiter,
            "herkunft": f.herkunft,
            "hauptfreischaltung_fuer": sorted(e for e, fid in b.hauptfreischaltung.items() if fid == f.id)}


def kunde_als_dict(k: Kunde) -> dict[str, Any]:
    return {"kundennummer": k.kundennummer, "vermittler": k.vermittler, "repliziert": k.repliziert,
            **k.daten}


def bestand_als_dict(b: Bestand) -> dict[str, Any]:
    return {
        "id": b.id, "name": b.name, "features": sorted(b.features), "benutzer": b.benutzer,
        "vermittler": b.vermittler, "concenter": b.concenter,
        "tokens": [token_als_dict(t) for t in b.tokens.values()],
        "kunden": [kunde_als_dict(k) for k in b.kunden.values()],
        "freischaltungen": [freischaltung_als_dict(f, b) for f in b.freischaltungen.values()],
        "mitarbeiterzugriff": b.mitarbeiterzugriff,
    }
