"""The assfinet cloud's data: Bestand, users, tokens, customers, Freischaltungen (no rules here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

FEATURES = ("API-Zugriff", "Con:CenterTAA", "Mitarbeiterzugriff", "Vermittlerfreischaltungen")
ROLLEN = ("Administrator", "Benutzer", "Gast")
ROLLEN_MIT_DATENZUGRIFF = ("Administrator", "Benutzer")
ZWECKE = ("TaaData", "Collaboration", "Dokumentenablage", "Bestandsexport")
HERKUENFTE = ("cloud", "data", "forms", "ams6")
TOKEN_STANDARDNAME = "Thinksurance"
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
