"""The diagnosis of one customer's setup: every check of the declared causes (``absprung.ursachen``)
in data-flow order, the first broken link is the cause.

Every check runs, so support sees all broken links; the first one is the cause, with the Ursache and
Behebung of its declaration.
"""

from __future__ import annotations

from typing import Callable

from ..systems import Systems
from ..ursachen import NACH_RECHTE, NICHT_PRUEFBAR, URSACHEN, Befund, Kontext, NichtLesbar, Ursache
from .modell import Diagnose, Zeile

KETTE: tuple[Ursache, ...] = tuple(u for u in URSACHEN if u.pruefen is not None)


def diagnose(systems: Systems, benutzer: str, kunde: str,
             fortschritt: Callable[[int, int, Zeile], None] | None = None) -> Diagnose:
    """Reads only. Raises ``Eingabefehler`` for an unknown user or customer and ``NoAnswer``
    for a system that does not answer; both mean: nothing was diagnosed."""
    k = Kontext(systems, benutzer, kunde)
    _ = k.ams_benutzer, k.kundenmaske  # an unknown user or customer stops here, before any check
    zeilen = []
    for i, u in enumerate(KETTE, 1):
        zeile = pruefen(u, k)
        zeilen.append(zeile)
        if fortschritt is not None:
            fortschritt(i, len(KETTE), zeile)
    return Diagnose(tuple(zeilen))


def pruefen(u: Ursache, k: Kontext) -> Zeile:
    """One check as a line of the report; "nicht prüfbar" with the guide's menu path."""
    assert u.pruefen is not None
    try:
        b = u.pruefen(k)
    except NichtLesbar as f:
        b = Befund(NICHT_PRUEFBAR, str(f))
    if b.rechte:
        gefunden = NACH_RECHTE.get(b.rechte)
        if gefunden is None:
            b, gefunden = Befund(NICHT_PRUEFBAR, f"„Rechte prüfen“ antwortet unerwartet ({b.rechte!r})."), u
        u = gefunden
    hinweis = f"{b.hinweis} Von Hand prüfen: {u.pfad}." if b.status == NICHT_PRUEFBAR else b.hinweis
    return Zeile(u, b.status, hinweis)
