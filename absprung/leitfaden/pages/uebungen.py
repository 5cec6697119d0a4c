"""Übungen: every cause the training environment can set up, with its command."""

from __future__ import annotations

from absprung.ursachen import UEBUNGEN

from .. import pfade
from ..markdown import cell, link, table
from ..site import Site

PAGE = pfade.UEBUNGEN


def pages(site: Site) -> dict[str, str]:
    rows = [(f"`{u.name}`", cell(u.uebung.symptom), f"[{cell(u.pruefung)}]({link(PAGE, pfade.FEHLERBILDER, u.anker)})",
             f"`python -m fakes --uebung {u.name}`") for u in UEBUNGEN if u.uebung]
    parts = ["# Übungen in der Schulungsumgebung",
             f"{len(UEBUNGEN)} Übungen, eine je Ursache eines Fehlerbilds. Jede startet die Schulungsumgebung mit "
             "vollständiger Einrichtung – bis auf genau diese Ursache. Die Übenden hören nur das Symptom, suchen die "
             "Ursache in den Oberflächen der Fakes und beheben sie dort; was in der Wirklichkeit der Support tut "
             "(ein Feature buchen, das Produkt freischalten, den b-Token neu zuordnen), tun sie auf der Seite "
             "„Support“ der Schulung. Die Seite „Prüfen“ sagt mit der Diagnose, ob die Übung gelöst ist.",
             f"Wie die Schulungsumgebung startet, steht unter [Schulungsumgebung]({link(PAGE, 'schulung.md')}); "
             "die Liste gibt auch `python -m fakes --uebungen` aus.",
             table(("Übung", "Symptom", "Ursache (Lösung)", "Start"), rows)]
    return {PAGE: "\n\n".join(parts) + "\n"}
