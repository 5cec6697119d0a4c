"""The diagnosis of one customer's setup: every check of the declared causes (``absprung.ursachen``)
in data-flow order, the first broken link is the cause.

Every check runs, so support sees all broken links; the first one is the cause, with the Ursache and
Behebung of its declaration. Guided (``antworten``), a check that cannot read its system asks the guide's
question instead, down the same decision path as the Fehlerbilder page – until the first cause is found.
"""

from __future__ import annotations

import itertools
from typing import Callable

from ..systems import Systems
from ..ursachen import FEHLT, NACH_RECHTE, NICHT_PRUEFBAR, OK, URSACHE, URSACHEN, Befund, Kontext, NichtLesbar, Ursache
from .fragen import Antworten
from .modell import BEANTWORTET, Diagnose, Zeile

KETTE: tuple[Ursache, ...] = tuple(u for u in URSACHEN if u.pruefen is not None)


def _entschieden_von(u: Ursache) -> tuple[Ursache, ...]:
    """The causes without a check of their own that follow ``u`` in the data flow: its check tells them apart
    (the Freischaltung's "Rechte prüfen"), and the Fehlerbilder page asks their questions in this order."""
    folgende = URSACHEN[URSACHEN.index(u) + 1:]
    return tuple(itertools.takewhile(lambda x: x.pruefen is None, folgende))


NACH_FREISCHALTUNG = _entschieden_von(URSACHE["freischaltung-fehlt"])


def diagnose(systems: Systems, benutzer: str, kunde: str,
             fortschritt: Callable[[int, int, Zeile], None] | None = None,
             antworten: Antworten | None = None) -> Diagnose:
    """Reads only. Raises ``Eingabefehler`` for an unknown user or customer and ``NoAnswer``
    for a system that does not answer (unguided); both mean: nothing was diagnosed."""
    k = Kontext(systems, benutzer, kunde, antworten.angabe if antworten is not None else None)
    _ = k.ams_lesbar  # an unknown user or customer stops here, before any check
    zeilen: list[Zeile] = []
    for i, u in enumerate(KETTE, 1):
        gefunden = k.ursache_gefunden = any(z.status == FEHLT for z in zeilen)
        zeile = pruefen(u, k, None if gefunden else antworten)
        zeilen.append(zeile)
        if fortschritt is not None:
            fortschritt(i, len(KETTE), zeile)
    return Diagnose(tuple(zeilen))


def pruefen(u: Ursache, k: Kontext, antworten: Antworten | None = None) -> Zeile:
    """One check as a line of the report; "nicht prüfbar" with the guide's menu path – or, with
    ``antworten``, a person's answer where the system could not be read."""
    assert u.pruefen is not None
    try:
        b = u.pruefen(k)
    except NichtLesbar as f:
        if antworten is not None:
            return fragen(u, str(f), antworten)
        b = Befund(NICHT_PRUEFBAR, str(f))
    if b.rechte:
        gefunden = NACH_RECHTE.get(b.rechte)
        if gefunden is None:
            b, gefunden = Befund(NICHT_PRUEFBAR, f"„Rechte prüfen“ antwortet unerwartet ({b.rechte!r})."), u
        u = gefunden
    hinweis = f"{b.hinweis} Von Hand prüfen: {u.pfad}." if b.status == NICHT_PRUEFBAR else b.hinweis
    return Zeile(u, b.status, hinweis)


def fragen(u: Ursache, warum: str, antworten: Antworten) -> Zeile:
    """The person's answer to the guide's question; for the Freischaltung, on "ja" the questions that
    tell its causes apart, until the first "nein"."""
    folge = (u, *_entschieden_von(u))
    for x in folge:
        antwort = antworten.frage(x, warum)
        if antwort is None:
            return Zeile(x, NICHT_PRUEFBAR, f"{warum} Antwort: weiß nicht. Von Hand prüfen: {x.pfad}.", BEANTWORTET)
        if antwort is False:
            return Zeile(x, FEHLT, f"Antwort: nein – {x.text}", BEANTWORTET)
    return Zeile(u, OK, "Antwort: ja" + (" (auf jede Frage zur Freischaltung)." if len(folge) > 1 else "."),
                 BEANTWORTET)
