"""A clock per fake that tests can advance (15-minute tokens, time-limited switch URLs)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


class Uhr:
    def __init__(self) -> None:
        self.versatz = timedelta()

    def jetzt(self) -> datetime:
        return datetime.now(timezone.utc) + self.versatz

    def vorstellen(self, sekunden: float) -> None:
        self.versatz += timedelta(seconds=sekunden)

    def zuruecksetzen(self) -> None:
        self.versatz = timedelta()
