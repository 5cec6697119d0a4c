"""A clock per fake that tests can advance (15-minute tokens, time-limited switch URLs).

It runs with the wall clock, shifted by what the control API advanced. Tests that count seconds up
to a deadline ``freeze`` it: then no time passes unless advanced, and a stall of the machine cannot
turn "still valid" into "expired".
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta()
        self._frozen: datetime | None = None

    def now(self) -> datetime:
        return (self._frozen or datetime.now(timezone.utc)) + self.offset

    def advance(self, seconds: float) -> None:
        self.offset += timedelta(seconds=seconds)

    def freeze(self) -> None:
        """From now on, time moves only when advanced."""
        self._frozen = datetime.now(timezone.utc)

    def reset(self) -> None:
        self.offset = timedelta()
