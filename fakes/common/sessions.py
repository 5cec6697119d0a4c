"""Who is signed in to a fake's pages: a random, unguessable id per login.

The store lives in the fake's state, so a reset of the fake (a new state) ends every session; a
session also ends when its user logs out and eight hours after the login by the fake's clock (the
control API's clock moves them too). At most ``JE_NAME`` per user are kept – a new login of the same
user ends that user's oldest –, so logins of one user cannot push out everybody else's; beyond
``SITZUNGEN_MAX`` in all the oldest go first.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from .bounded import keep
from .clock import Clock

DAUER = timedelta(hours=8)
SITZUNGEN_MAX = 1000
JE_NAME = 20


class Sessions:
    def __init__(self, clock: Clock, *, dauer: timedelta = DAUER, limit: int = SITZUNGEN_MAX) -> None:
        self._clock, self.dauer, self.limit = clock, dauer, limit
        self._eintraege: dict[str, tuple[str, datetime]] = {}
        self._je_name: dict[str, list[str]] = {}  # name -> its sessions, oldest first

    def __len__(self) -> int:
        return len(self._eintraege)

    def issue(self, name: str) -> str:
        jetzt = self._clock.now()
        sitzung = secrets.token_urlsafe(24)
        eigene = [s for s in self._je_name.get(name, []) if s in self._eintraege]
        for alt in eigene[:-JE_NAME + 1]:
            del self._eintraege[alt]
        self._je_name[name] = [*eigene[-JE_NAME + 1:], sitzung]
        self._eintraege[sitzung] = (name, jetzt + self.dauer)
        keep(self._eintraege, lambda e: e[1] <= jetzt, self.limit)
        return sitzung

    def read(self, sitzung: str | None) -> str | None:
        """The signed-in name, None for a missing, unknown, ended or expired session."""
        eintrag = self._eintraege.get(sitzung or "")
        if eintrag is None or eintrag[1] <= self._clock.now():
            return None
        return eintrag[0]

    def end(self, sitzung: str | None) -> None:
        self._eintraege.pop(sitzung or "", None)
