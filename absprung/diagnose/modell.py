"""What a diagnosis says: one line per check, the first cause, the overall result and its exit code.

``Diagnose.json()`` is the documented ``--json`` shape (README, "Einrichtung eines Kunden prüfen")::

    {"ergebnis": "in_ordnung | ursache_gefunden | unklar",
     "ursache": null | {"leitfaden": ["G16"], "code": "…", "meldung": "…", "behebung": "…",
                        "fehlerbild": "generiert/fehlerbilder.html#…"},
     "pruefungen": [{"leitfaden": ["G01"], "pruefung": "…", "status": "ok | fehlt | nicht_pruefbar",
                     "hinweis": "…"}]}
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .befunde import BEFUND, Befund

OK, FEHLT, NICHT_PRUEFBAR = "ok", "fehlt", "nicht_pruefbar"
IN_ORDNUNG, URSACHE_GEFUNDEN, UNKLAR = "in_ordnung", "ursache_gefunden", "unklar"
EXIT = {IN_ORDNUNG: 0, URSACHE_GEFUNDEN: 1, UNKLAR: 3}
EXIT_ZIEL = 4  # profile, connection or input (unknown user or customer): nothing was diagnosed


@dataclass(frozen=True)
class Zeile:
    """One check: which cause it rules in or out, its status and what was seen."""

    befund: Befund
    status: str
    hinweis: str

    def json(self) -> dict[str, Any]:
        return {"leitfaden": list(self.befund.leitfaden), "pruefung": self.befund.pruefung,
                "status": self.status, "hinweis": self.hinweis}


def ok(befund: str, hinweis: str) -> Zeile:
    return Zeile(BEFUND[befund], OK, hinweis)


def fehlt(befund: str, hinweis: str) -> Zeile:
    return Zeile(BEFUND[befund], FEHLT, hinweis)


def nicht_pruefbar(befund: str, warum: str) -> Zeile:
    """The guide's menu path goes with it: there a person can look by hand."""
    b = BEFUND[befund]
    return Zeile(b, NICHT_PRUEFBAR, f"{warum} Von Hand prüfen: {b.pfad}.")


@dataclass(frozen=True)
class Ursache:
    befund: Befund
    code: str  # the code that identifies it (from the Fehlerbild), "" without one
    meldung: str  # what this check saw, concretely
    ursache: str  # the Fehlerbild's Ursache (general)
    behebung: str
    fehlerbild: str  # site path with anchor, "" without a Fehlerbild

    def json(self) -> dict[str, Any]:
        return {"leitfaden": list(self.befund.leitfaden), "code": self.code, "meldung": self.meldung,
                "behebung": self.behebung, "fehlerbild": self.fehlerbild}


@dataclass(frozen=True)
class Diagnose:
    zeilen: tuple[Zeile, ...]
    ursache: Ursache | None

    @property
    def ergebnis(self) -> str:
        if self.ursache is not None:
            return URSACHE_GEFUNDEN
        return UNKLAR if any(z.status == NICHT_PRUEFBAR for z in self.zeilen) else IN_ORDNUNG

    @property
    def exit_code(self) -> int:
        return EXIT[self.ergebnis]

    def json(self) -> dict[str, Any]:
        return {"ergebnis": self.ergebnis, "ursache": self.ursache.json() if self.ursache else None,
                "pruefungen": [z.json() for z in self.zeilen]}
