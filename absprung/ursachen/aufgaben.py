"""The exercises as trainees see them: a neutral name and title by symptom, never the cause.

``ohne-kundendaten-3`` is the third exercise whose symptom is "Thinksurance öffnet sich, aber ohne
Kundendaten", counted in the order of the catalogue. The causes' own names (``maklerextranet``) still
select an exercise, so commands and bookmarks from before keep working; they are just not shown to
trainees any more. A test pins the numbering: a new exercise goes at the end of its symptom.
"""

from __future__ import annotations

from dataclasses import dataclass

from .katalog import UEBUNGEN
from .modell import (
    ABSPRUNG_SCHEITERT,
    EINGABE_ABGELEHNT,
    FRUEHERER_BENUTZER,
    OHNE_KUNDENDATEN,
    PRODUKT_FEHLT,
    Uebung,
    Ursache,
)

KURZ = {OHNE_KUNDENDATEN: "ohne-kundendaten", PRODUKT_FEHLT: "produkt-fehlt", ABSPRUNG_SCHEITERT: "absprung-scheitert",
        EINGABE_ABGELEHNT: "eingabe-abgelehnt", FRUEHERER_BENUTZER: "frueherer-benutzer"}


@dataclass(frozen=True)
class Aufgabe:
    name: str  # neutral: symptom and number
    nummer: int  # within its symptom
    ursache: Ursache  # the solution: only shown after solving or giving up

    @property
    def uebung(self) -> Uebung:
        assert self.ursache.uebung is not None
        return self.ursache.uebung

    @property
    def titel(self) -> str:
        return f"{self.uebung.symptom} (Fall {self.nummer})"


def _aufgaben() -> tuple[Aufgabe, ...]:
    gezaehlt: dict[str, int] = {}
    liste = []
    for u in UEBUNGEN:
        assert u.uebung is not None
        n = gezaehlt[u.uebung.symptom] = gezaehlt.get(u.uebung.symptom, 0) + 1
        liste.append(Aufgabe(f"{KURZ[u.uebung.symptom]}-{n}", n, u))
    return tuple(liste)


AUFGABEN = _aufgaben()
# Neutral names and, for commands from before, the causes' names.
AUFGABE: dict[str, Aufgabe] = {a.name: a for a in AUFGABEN} | {a.ursache.name: a for a in AUFGABEN}
