"""A cause of a Fehlerbild, declared once: what it is, how the diagnosis recognises it, how it is
mended, and how the training environment sets it up as an exercise.

A check (``pruefen``) reads the systems through ``Kontext`` and returns a ``Befund``; the diagnosis
(``absprung.diagnose``) runs the checks in data-flow order and attaches the cause. One check may
decide among several causes: the Freischaltung check reports the reason "Rechte prüfen" named, and
the cause whose ``rechte`` is that reason is the one found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from ..systems import Systems
    from .kontext import Kontext

OK, FEHLT, NICHT_PRUEFBAR = "ok", "fehlt", "nicht_pruefbar"

# The symptoms callers report; every Fehlerbild names one of them (``Symptom:``).
OHNE_KUNDENDATEN = "Thinksurance öffnet sich, aber ohne Kundendaten"
PRODUKT_FEHLT = "Produkt fehlt unter DigiPro"
ABSPRUNG_SCHEITERT = "Der Absprung scheitert mit einer Meldung des con:center"
EINGABE_ABGELEHNT = "Beim Einrichten wird eine Eingabe abgelehnt"
FRUEHERER_BENUTZER = "Thinksurance zeigt den früheren cloud Benutzer"
SYMPTOME = (OHNE_KUNDENDATEN, PRODUKT_FEHLT, ABSPRUNG_SCHEITERT, EINGABE_ABGELEHNT, FRUEHERER_BENUTZER)


@dataclass(frozen=True)
class Befund:
    """What a check saw: ok, fehlt or nicht_pruefbar, and one German line."""

    status: str
    hinweis: str
    rechte: str = ""  # the Freischaltung check: the reason "Rechte prüfen" named (see ``Ursache.rechte``)


def ok(hinweis: str) -> Befund:
    return Befund(OK, hinweis)


def fehlt(hinweis: str, *, rechte: str = "") -> Befund:
    return Befund(FEHLT, hinweis, rechte)


def nicht_pruefbar(warum: str) -> Befund:
    """The diagnosis adds the cause's menu path: there a person can look by hand."""
    return Befund(NICHT_PRUEFBAR, warum)


@dataclass(frozen=True)
class Uebung:
    """The cause as an exercise: the whole guide set up except this cause, and the model solution."""

    herstellen: Callable[[Systems], object]
    beheben: Callable[[Systems], object]
    symptom: str  # what the trainee is told (one of SYMPTOME)
    kunde: str = ""  # Kundennummer to check; "" = the Prüfkunde of the world
    aufgabe: str = ""  # what the trainee is told beyond the symptom

    def kundennummer(self, s: Systems) -> str:
        return self.kunde or s.world.kundennummer(s.world.pruefkunde)


@dataclass(frozen=True)
class Ursache:
    name: str  # what features (``Ursache: NAME``), the diagnosis and the exercises call it
    leitfaden: tuple[str, ...]  # the guide statements it breaks
    pruefung: str  # what the diagnosis checks, one line of its report
    frage: str  # the question that tells it apart from the other causes of its symptom
    pfad: str  # where a person looks by hand
    text: str  # the cause, in words
    behebung: str  # how to mend it
    codes: tuple[str, ...] = ()  # codes that make it recognisable (launch log, refusal); the first is the diagnosis'
    pruefen: Callable[[Kontext], Befund] | None = None  # its check; None: decided by another check, or no state
    rechte: str = ""  # the reason of "Rechte prüfen" that names it (the Freischaltung check decides)
    uebung: Uebung | None = None

    @property
    def code(self) -> str:
        return self.codes[0] if self.codes else ""

    @property
    def anker(self) -> str:
        """Its anchor on the Fehlerbilder page."""
        return f"ursache-{self.name}"
