"""The assfinet cloud's data: Bestand, users, tokens, customers, Freischaltungen (no rules here)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from basis import leitfaden
from basis.kundenfelder import CLOUD_KEYS
from fakes.common.masking import partly

FEATURES = leitfaden.FEATURES
ROLLEN = ("Administrator", "Benutzer", "Gast")
ROLLEN_MIT_DATENZUGRIFF = leitfaden.ROLLEN_MIT_DATENZUGRIFF
ZWECKE = (leitfaden.ZWECK, "Collaboration", "Dokumentenablage", "Bestandsexport")
HERKUENFTE = ("cloud", "data", "forms", "ams6")
TOKEN_STANDARDNAME = leitfaden.TOKEN_NAME
KUNDENFELDER = CLOUD_KEYS  # the customer's fields, declared once in basis.kundenfelder


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
        return partly(self.access_token)


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


@dataclass(frozen=True)
class Rechte:
    """What a user's Freischaltungen give for one customer, and why (assfinet drive, "Rechte prüfen")."""

    befund: str  # "ok" or one of BEFUNDE: the first reason in the order of the rule
    freischaltung: str | None = None  # name of the user's Hauptfreischaltung, if any

    @property
    def umfasst(self) -> bool:
        return self.befund == "ok"


BEFUNDE = {
    "keine": "Im Bestand gibt es keine Freischaltung für diesen Kunden, und keine ist mit dem Benutzer geteilt.",
    "nicht-geteilt": "Eine Freischaltung für diesen Kunden gibt es, sie ist aber nicht mit dem Benutzer geteilt.",
    "nicht-haupt": "Freischaltungen sind mit dem Benutzer geteilt, aber keine ist als seine Hauptfreischaltung "
                   "festgelegt.",
    "kunde-fehlt": "Die Hauptfreischaltung ist eine Kundenfreischaltung ohne diesen Kunden.",
    "vm-feature-fehlt": "Die Hauptfreischaltung ist eine VM-Freischaltung, dem Bestand fehlt aber das Feature "
                        "„Vermittlerfreischaltungen“.",
    "vermittler-fehlt": "Die Hauptfreischaltung gilt für einen anderen Vermittler als den des Kunden.",
    "mitarbeiterzugriff-fehlt": "Die Hauptfreischaltung ist eine VM-Freischaltung ohne Vermittler; der Benutzer "
                                "steht nicht in der Liste für Mitarbeiterzugriff.",
}


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
