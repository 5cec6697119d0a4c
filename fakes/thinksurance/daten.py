"""Thinksurance's data: partner API users, accounts, brokers, customers, switch URLs (no rules)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from basis.kundenfelder import KUNDENFELDER_THINKSURANCE

PRODUKTE = [
    {"id": 12, "name": "Betriebshaftpflichtversicherung"},
    {"id": 31, "name": "Inhaltsversicherung"},
    {"id": 47, "name": "Gebäudeversicherung"},
    {"id": 95, "name": "Cyberversicherung"},
    {"id": 103, "name": "Bauleistungsversicherung"},
]
# professionId -> product ids (ids invented; the documented filter exists, its data is not public)
BETRIEBSARTEN = {501: [12, 31, 103], 113: [12, 31, 95]}

BROKER_FELDER = ("bGender", "bFirstName", "bLastName", "bEmail", "bCompany", "bStreet",
                 "bStreetNumber", "bZip", "bCity", "bPhone", "bCompanyRegNumber", "bRegNumber")
KUNDEN_FELDER = KUNDENFELDER_THINKSURANCE  # the customer fields a forward carries (basis.kundenfelder)


@dataclass
class Partner:
    hash: str
    secret: str
    accounts: list[str]
    aktiv: bool = True


@dataclass
class Account:
    aToken: str
    name: str
    nameTag: str


@dataclass
class Broker:
    bToken: str
    aToken: str
    bCode: str
    daten: dict[str, Any]
    bIsActive: bool = True
    # First bExternalId seen (G22). Assumption: kept until support reassigns it (G23).
    bExternalId: str | None = None
    abgewiesene_bExternalIds: list[str] = field(default_factory=list)


@dataclass
class Kunde:
    cExternalId: str
    bToken: str
    daten: dict[str, Any]
    referenzen: dict[tuple[str, str], str] = field(default_factory=dict)
    profil: dict[str, list[str]] = field(default_factory=dict)  # qasCustProfile answers by tag


@dataclass
class Switch:
    id: str
    bToken: str
    cExternalId: str | None
    ablauf: datetime
    benutzt: bool = False


def gleich(a: Any, b: Any) -> bool:
    """Two e-mail addresses are the same address (case and surrounding blanks do not count)."""
    return isinstance(a, str) and isinstance(b, str) and a.strip().lower() == b.strip().lower()
