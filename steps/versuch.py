"""A step that may be refused: keep the refusal for the Then-step instead of failing at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from absprung.clients import SystemFehler
from steps.einrichter import UiFehler


@dataclass
class Versuch:
    wert: Any = None
    meldung: str | None = None  # German message of the refusal
    code: str | None = None

    @property
    def abgelehnt(self) -> bool:
        return self.meldung is not None


def versuchen(aufruf: Callable[[], Any]) -> Versuch:
    try:
        return Versuch(wert=aufruf())
    except SystemFehler as f:
        return Versuch(meldung=f.meldung, code=f.code)
    except UiFehler as f:
        return Versuch(meldung=str(f))
