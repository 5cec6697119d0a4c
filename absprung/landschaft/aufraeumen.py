"""One scenario on a landscape that is not reset: first whatever an interrupted run left is put back,
then the Stand is read and journaled, the scenario runs, and everything is put back – also when it
failed. A Stand that could not be put back at all (a system stopped answering) stays in the journal
for the next run."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from ..systems import Systems
from .journal import Journal
from .stand import lesen
from .wiederherstellen import Bilanz, herstellen


@dataclass
class Aufraeumen:
    szenario: str
    nachgeholt: Bilanz | None = None  # what an interrupted scenario of an earlier run had left
    nachgeholt_von: str = ""
    bilanz: Bilanz | None = None  # what this scenario changed and what was put back

    def to_json(self) -> dict[str, Any]:
        return {"bilanz": self.bilanz.to_json() if self.bilanz else {},
                "nachgeholt": self.nachgeholt.to_json() if self.nachgeholt else None,
                "nachgeholt_von": self.nachgeholt_von}


@contextmanager
def aufgeraeumt(s: Systems, szenario: str) -> Iterator[Aufraeumen]:
    """Around one scenario that writes to ``s.target.ohne_zuruecksetzen``."""
    systeme = s.target.ohne_zuruecksetzen
    journal = Journal(s.target.urls[x] for x in s.target.remote)
    ergebnis = Aufraeumen(szenario)
    offen = journal.offen()
    if offen is not None:
        ergebnis.nachgeholt, ergebnis.nachgeholt_von = herstellen(s, offen.stand), offen.szenario
        journal.schliessen()
    vorher = lesen(s, systeme)
    journal.oeffnen(vorher, szenario)
    try:
        yield ergebnis
    finally:
        ergebnis.bilanz = herstellen(s, vorher)
        journal.schliessen()


def nachholen(s: Systems) -> Aufraeumen | None:
    """Put back what an interrupted run left on this landscape (``python -m absprung aufraeumen``)."""
    journal = Journal(s.target.urls[x] for x in s.target.remote)
    offen = journal.offen()
    if offen is None:
        return None
    ergebnis = Aufraeumen("", herstellen(s, offen.stand), offen.szenario)
    journal.schliessen()
    return ergebnis
