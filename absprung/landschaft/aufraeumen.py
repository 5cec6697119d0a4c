"""One scenario on a landscape that is not reset: first whatever an interrupted run left is put back,
then the Stand is read and journaled, the scenario runs – every object it creates noted in the journal
at once –, and everything is put back, also when it failed.

A system that stops answering while things are put back leaves the journal in place (nothing is known
then); so does a run killed in the middle. The next scenario on that landscape puts it back first – if
the journal is younger than ``ALT_STUNDEN``: an older one is put back only on request
(``python -m absprung aufraeumen``), because somebody may have worked there since.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Iterator

from basis.ziel import Target

from .. import locks
from ..errors import AbsprungError
from ..systems import Systems
from .journal import ALT_STUNDEN, Journal
from .stand import lesen
from .wiederherstellen import Bilanz, herstellen


class AltesJournal(AbsprungError):
    """An interrupted run left its Stand long ago: not put back without somebody deciding to."""


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


def journal(t: Target) -> Journal:
    return Journal((t.urls[x] for x in t.remote), t.world)


def sperre(t: Target, *, allein: bool) -> Any:
    """The landscape's lock: one per remote system, taken in one order, so overlapping landscapes wait for
    each other; alone to write or reset, shared to read."""
    return locks.alle_gehalten([locks.path("system", [t.urls[x]]) for x in t.remote], geteilt=not allein)


def alt(t: Target) -> str | None:
    """Why this run must not start: an old journal of this landscape and office, else None."""
    offen = journal(t).offen()
    if offen is None or offen.alter_stunden < ALT_STUNDEN:
        return None
    return (f"Auf „{t.name}“ hat ein abgebrochener Lauf am {offen.wann} nicht aufgeräumt („{offen.szenario}“). "
            f"Seitdem kann dort jemand gearbeitet haben, deshalb stellt kein Lauf den Stand von damals von sich aus "
            f"wieder her. Prüfen und wiederherstellen: python -m absprung aufraeumen --ziel {t.profile or 'PROFIL'}")


@contextmanager
def aufgeraeumt(s: Systems, szenario: str) -> Iterator[Aufraeumen]:
    """Around one scenario that writes to ``s.target.ohne_zuruecksetzen`` (the landscape's lock held)."""
    j = journal(s.target)
    ergebnis = Aufraeumen(szenario)
    offen = j.offen()
    if offen is not None:
        if offen.alter_stunden >= ALT_STUNDEN:
            raise AltesJournal(alt(s.target) or "")
        ergebnis.nachgeholt, ergebnis.nachgeholt_von = herstellen(s, offen.stand, offen.angelegt), offen.szenario
        j.schliessen()
    vorher = lesen(s, s.target.ohne_zuruecksetzen)
    j.oeffnen(vorher, szenario)
    s.szenario_beginnt(bei_anlage=j.angelegt)
    try:
        yield ergebnis
    finally:
        angelegt = list(s.angelegt)
        s.szenario_beginnt()  # what putting back creates again is not the scenario's
        ergebnis.bilanz = herstellen(s, vorher, angelegt)  # a system that does not answer: the journal stays
        j.schliessen()


def nachholen(s: Systems) -> Aufraeumen | None:
    """Put back what an interrupted run left on this landscape, whatever its age (``python -m absprung
    aufraeumen``); with the landscape's lock, so no running scenario is disturbed."""
    with sperre(s.target, allein=True):
        j = journal(s.target)
        offen = j.offen()
        if offen is None:
            return None
        s.szenario_beginnt()
        ergebnis = Aufraeumen("", herstellen(s, offen.stand, offen.angelegt), offen.szenario)
        j.schliessen()
        return ergebnis
