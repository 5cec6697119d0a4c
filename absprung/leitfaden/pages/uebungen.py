"""Übungen: every exercise the training environment can set up, by its neutral name and symptom, with its
command; the solutions folded away below, for trainers."""

from __future__ import annotations

from absprung.ursachen.aufgaben import AUFGABEN

from .. import pfade
from ..markdown import cell, link, table
from ..site import Site

PAGE = pfade.UEBUNGEN


def pages(site: Site) -> dict[str, str]:
    rows = [(f"`{a.name}`", cell(a.titel), f"`python -m fakes --uebung {a.name}`") for a in AUFGABEN]
    loesungen = [f'??? note "Lösung zu {a.name}"\n    [{cell(a.ursache.pruefung)}]'
                 f"({link(PAGE, pfade.FEHLERBILDER, a.ursache.anker)}) – {cell(a.ursache.behebung)}" for a in AUFGABEN]
    parts = ["# Übungen in der Schulungsumgebung",
             f"{len(AUFGABEN)} Übungen, eine je Ursache eines Fehlerbilds. Jede startet die Schulungsumgebung mit "
             "vollständiger Einrichtung – bis auf genau diese Ursache. Die Übenden hören nur das Symptom (der Name "
             "einer Übung nennt nur das Symptom und eine Nummer), suchen die Ursache in den Oberflächen der Fakes "
             "und beheben sie dort; was in der Wirklichkeit der Support tut (ein Feature buchen, das Produkt "
             "freischalten, den b-Token neu zuordnen), tun sie auf der Seite „Support“ der Schulung. Die Seite "
             "„Prüfen“ sagt mit der Diagnose, ob die Übung gelöst ist; Hinweise gibt es in zwei Schritten, die "
             "Lösung nach dem Lösen oder Aufgeben.",
             f"Wie die Schulungsumgebung startet – allein oder für eine Gruppe mit einem Platz je Teilnehmerin und "
             f"Teilnehmer –, steht unter [Schulungsumgebung]({link(PAGE, 'schulung.md')}); die Liste gibt auch "
             "`python -m fakes --uebungen` aus. Die früheren Namen der Übungen (nach ihrer Ursache) gelten weiter.",
             table(("Übung", "Symptom", "Start"), rows),
             "## Lösungen für Trainerinnen und Trainer",
             "Zugeklappt, damit ein Blick auf die Liste die Lösung nicht verrät.",
             *loesungen]
    return {PAGE: "\n\n".join(parts) + "\n"}
