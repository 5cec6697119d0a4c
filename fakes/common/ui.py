"""Small helpers for the fakes' web pages: read a form, run a model action, show its outcome."""

from __future__ import annotations

from typing import Any, Callable

from starlette.requests import Request

from .errors import FachFehler
from .web import MAX_KOERPER, Zustand, im_modell


class Formular:
    """A submitted HTML form; missing fields read as empty text, never as an error."""

    def __init__(self, daten: Any) -> None:
        self._daten = daten

    @classmethod
    async def lesen(cls, request: Request) -> "Formular":
        laenge = request.headers.get("content-length", "")
        if laenge.isdigit() and int(laenge) > MAX_KOERPER:
            return cls({})
        try:
            return cls(await request.form())
        except Exception:  # malformed multipart etc.: treat as empty form, the rule will refuse
            return cls({})

    def text(self, name: str) -> str:
        wert = self._daten.get(name)
        return wert.strip() if isinstance(wert, str) else ""

    def haken(self, name: str) -> bool:
        return self.text(name) in ("on", "ja", "true", "1")

    def liste(self, name: str) -> list[str]:
        getlist = getattr(self._daten, "getlist", None)
        werte = getlist(name) if getlist else []
        teile: list[str] = []
        for w in werte:
            if isinstance(w, str):
                teile += [t.strip() for t in w.replace(";", ",").replace("\n", ",").split(",")]
        return [t for t in teile if t]


async def ausfuehren(zustand: Zustand, funktion: Callable[..., Any], *args: Any,
                     **kwargs: Any) -> tuple[Any, str | None]:
    """Run a model action for a page; return (result, German error message or None)."""
    try:
        return await im_modell(zustand, lambda: funktion(*args, **kwargs)), None
    except FachFehler as f:
        return None, f.meldung
