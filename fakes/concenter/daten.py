"""con:center's data: product catalogue, users with Produktgeber settings, launches, the launch log."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from basis import leitfaden

KATALOG = [
    {"name": leitfaden.PRODUKT, "produktgeber": leitfaden.PRODUKTGEBER, "recht": leitfaden.RECHT},
    {"name": "Vergleichsrechner Privathaftpflicht", "produktgeber": "Vergleichsrechner", "recht": "Tarifrechner"},
]
PRODUKTGEBER: dict[str, tuple[str, ...]] = {leitfaden.PRODUKTGEBER: ("collaboration_api_token", "btoken"),
                                            "Vergleichsrechner": ()}
# The steps of a launch, in order, as the launch log names them.
SCHRITTE = ("Anmeldung am con:center", "Produktberechtigung", "Produktgeber-Einstellungen",
            "Kundendaten aus der cloud lesen", "Anmeldung bei Thinksurance", "Broker Forward")


@dataclass
class Benutzer:
    name: str
    passwort: str
    rechte: set[str]
    produktgeber: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Start:
    ticket: str
    benutzer: str
    passwort: str
    produkt: str
    kunde: str | None
    email: str
    cloud_benutzer: str | None
    ablauf: datetime


LAEUFT = "läuft"
PROTOKOLL_MAX = 1000  # launch-log entries kept (the oldest go first); python -m fakes --protokoll-max


@dataclass
class Protokolleintrag:
    id: int
    zeit: str
    benutzer: str
    produkt: str
    kunde: str | None
    ergebnis: str = "läuft"  # läuft (until its last step) | erfolgreich | ohne Kundendaten | fehlgeschlagen
    schritt: str | None = None
    code: str | None = None
    grund: str | None = None
    schritte: list[dict[str, str]] = field(default_factory=list)
