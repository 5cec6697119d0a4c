"""A step that may be refused: keep the refusal for the Then-step instead of failing at once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from absprung.clients import RemoteError
from steps.einrichter import UiError


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
    except RemoteError as f:
        return Versuch(meldung=f.message, code=f.code)
    except UiError as f:
        return Versuch(meldung=str(f))
