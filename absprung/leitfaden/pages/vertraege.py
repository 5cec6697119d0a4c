"""Contracts of the real interfaces: per Thinksurance endpoint its cases, where each comes from
(documentation page, recordings with their dates) and how the last verification went."""

from __future__ import annotations

from typing import Any

from absprung.vertraege.modell import Fall, endpunkte, laden

from .. import pfade
from ..markdown import admonition, cell, table
from ..site import Site

PAGE = pfade.VERTRAEGE
WIKI = "https://thinksurance.atlassian.net/wiki/spaces/TSWIKI/pages/"
STATUS = {"ok": "✔ ohne Abweichung", "drift": "✘ Abweichung", "nicht_pruefbar": "? nicht prüfbar"}


def pages(site: Site) -> dict[str, str]:
    status: dict[str, Any] = site.vertragsstatus.get("faelle", {})
    stand = site.vertragsstatus.get("geprueft")
    faelle = laden(system="thinksurance")
    parts = ["# Verträge der Schnittstellen",
             f"Für jede Schnittstelle von Thinksurance, die der Leitfaden braucht, hält `vertraege/thinksurance/` "
             f"Verträge: eine Anfrage und die Form der erwarteten Antwort (Status, Inhaltstyp, Schlüsselpfade mit "
             f"Typen) – aus der Dokumentation geschrieben und, wo ein echtes System aufgezeichnet wurde, neben seinen "
             f"Aufnahmen. {len(faelle)} Fälle an {len(endpunkte(faelle))} Endpunkten laufen in `make test` gegen den "
             "Fake; `python -m absprung vertraege pruefen` vergleicht Fake, Dokumentation und Aufnahmen, "
             "`python -m absprung vertraege aufzeichnen --ziel PROFIL` zeichnet ein echtes System auf (siehe "
             "„Für QA und CI“).",
             f"**Letzte Prüfung:** {stand}" if stand else admonition(
                 "info", "Noch nicht geprüft", "Es liegt kein Ergebnis von `vertraege pruefen` vor "
                 "(reports/vertraege.json); `make` erzeugt es.")]
    for endpunkt, liste in endpunkte(faelle).items():
        parts += [f"## {cell(endpunkt)}", _quelle(liste[0]) + (f" – {cell(liste[0].hinweis)}" if liste[0].hinweis else ""),
                  table(("Fall", "Was", "Art", "Aufnahmen", "Stand"), [_zeile(f, status.get(f.id)) for f in liste])]
    return {PAGE: "\n\n".join(parts) + "\n"}


def _quelle(f: Fall) -> str:
    seite = f.quelle.split()[1] if f.quelle.startswith("Doku ") else ""
    return f"Quelle: [{cell(f.quelle)}]({WIKI}{seite})" if seite.isdigit() else f"Quelle: {cell(f.quelle)}"


def _zeile(f: Fall, s: dict[str, Any] | None) -> tuple[str, ...]:
    art = "lesend" if f.lesend else "schreibend (nur mit schreiben_erlaubt)"
    if s is None:
        return (f"`{f.id.split('#')[1]}`", cell(f.beschreibung), art, "—", "nicht geprüft")
    aufnahmen = ", ".join(f"{a['datum']} ({'✘' if a['doku'] or a['fake'] else '✔'})" for a in s["aufnahmen"]) or "—"
    details = "; ".join(a["text"] for a in s["fake"])
    return (f"`{f.id.split('#')[1]}`", cell(f.beschreibung), art, cell(aufnahmen),
            cell(STATUS.get(s["status"], s["status"]) + (f": {details}" if details else "")))
