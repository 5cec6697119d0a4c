"""What a diagnosis says: one line per check, the first cause, the overall result and its exit code.

``Diagnose.json()`` is the documented ``--json`` shape (README, "Einrichtung eines Kunden prüfen")::

    {"ergebnis": "in_ordnung | ursache_gefunden | unklar",
     "ursache": null | {"leitfaden": ["G16"], "code": "…", "meldung": "…", "behebung": "…",
                        "fehlerbild": "generiert/fehlerbilder.html#…", "fehlerbild_url": "https://…"},
     "pruefungen": [{"leitfaden": ["G01"], "pruefung": "…", "status": "ok | fehlt | nicht_pruefbar",
                     "hinweis": "…", "quelle": "gelesen | beantwortet"}]}

``quelle``: read from the system, or answered by a person where it could not be read (guided);
``fehlerbild_url`` only where the living guide's address is known (``leitfaden_adresse``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..ursachen import FEHLT, NICHT_PRUEFBAR, OK, Ursache

__all__ = ["BEANTWORTET", "EXIT", "EXIT_ZIEL", "FEHLT", "GELESEN", "IN_ORDNUNG", "NICHT_PRUEFBAR", "OK", "UNKLAR",
           "URSACHE_GEFUNDEN", "Diagnose", "Zeile", "fehlerbild_link", "leitfaden_adresse"]

IN_ORDNUNG, URSACHE_GEFUNDEN, UNKLAR = "in_ordnung", "ursache_gefunden", "unklar"
GELESEN, BEANTWORTET = "gelesen", "beantwortet"
EXIT = {IN_ORDNUNG: 0, URSACHE_GEFUNDEN: 1, UNKLAR: 3}
EXIT_ZIEL = 4  # profile, connection or input (unknown user or customer): nothing was diagnosed
FEHLERBILDER = "generiert/fehlerbilder.html"  # the Fehlerbilder page, relative to the site's root
LEITFADEN_URL = "ABSPRUNG_LEITFADEN_URL"


def fehlerbild_link(u: Ursache) -> str:
    """Where the living guide explains the cause: its anchor on the Fehlerbilder page."""
    return f"{FEHLERBILDER}#{u.anker}"


def leitfaden_adresse(umgebung: dict[str, str], wurzel: Path) -> str | None:
    """The address of the living guide: ``ABSPRUNG_LEITFADEN_URL`` (where support reads it, e.g. the team's
    web server), else the site built here (``site/``, as a file:// address), else None."""
    eigene = umgebung.get(LEITFADEN_URL, "").strip()
    if eigene:
        return eigene.rstrip("/") + "/"
    site = wurzel / "site"
    return site.resolve().as_uri() + "/" if (site / "index.html").is_file() else None


@dataclass(frozen=True)
class Zeile:
    """One check: the cause it rules in or out, its status and what was seen."""

    ursache: Ursache
    status: str
    hinweis: str
    quelle: str = GELESEN

    def json(self) -> dict[str, Any]:
        return {"leitfaden": list(self.ursache.leitfaden), "pruefung": self.ursache.pruefung,
                "status": self.status, "hinweis": self.hinweis, "quelle": self.quelle}


@dataclass(frozen=True)
class Diagnose:
    zeilen: tuple[Zeile, ...]

    @property
    def erste(self) -> Zeile | None:
        """The first broken link in the data flow: the cause."""
        return next((z for z in self.zeilen if z.status == FEHLT), None)

    @property
    def ursache(self) -> Ursache | None:
        return self.erste.ursache if self.erste else None

    @property
    def ergebnis(self) -> str:
        if self.erste is not None:
            return URSACHE_GEFUNDEN
        return UNKLAR if any(z.status == NICHT_PRUEFBAR for z in self.zeilen) else IN_ORDNUNG

    @property
    def exit_code(self) -> int:
        return EXIT[self.ergebnis]

    def json(self, leitfaden: str | None = None) -> dict[str, Any]:
        """``leitfaden``: the living guide's address; then ``fehlerbild_url`` is the full address."""
        e = self.erste
        ursache = None if e is None else {
            "leitfaden": list(e.ursache.leitfaden), "code": e.ursache.code, "meldung": e.hinweis,
            "behebung": e.ursache.behebung, "fehlerbild": fehlerbild_link(e.ursache),
            **({"fehlerbild_url": leitfaden + fehlerbild_link(e.ursache)} if leitfaden else {})}
        return {"ergebnis": self.ergebnis, "ursache": ursache, "pruefungen": [z.json() for z in self.zeilen]}
