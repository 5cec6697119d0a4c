"""The history of runs per target, what changed in each target's last run, and where the last run's
results came from (everything ``herkunft`` says)."""

from __future__ import annotations

from collections import Counter

from absprung.record import herkunft, verlauf
from absprung.record.model import FAILED, PASSED, SKIPPED
from absprung.record.verlauf import Eintrag

from .. import pfade
from ..markdown import admonition, cell, german_date, link, md, table
from ..site import Site, history_matcher

PAGE = pfade.VERLAUF
ZEILEN = 15  # runs shown per target


def pages(site: Site) -> dict[str, str]:
    parts = ["# Verlauf und Herkunft der Läufe", site.stand(),
             "Jeder Lauf von `make` (und jede Zusammenführung eines geteilten Laufs) hängt seine Ergebnisse an "
             f"`reports/verlauf.jsonl` an; der Verlauf behält je Ziel die letzten {verlauf.JE_ZIEL} Läufe. Daraus "
             "steht hier und bei jeder Aussage und jedem Szenario, was sich geändert hat: **neu** (erstes Ergebnis "
             "gegen dieses Ziel), **wieder fehlgeschlagen** (fehlgeschlagen, nachdem es zuletzt bestanden hatte), "
             "**behoben** (bestanden, nachdem es zuletzt fehlgeschlagen war) und **wechselhaft** (auf demselben "
             "Commit gegen dasselbe Ziel bestanden und fehlgeschlagen). Übersprungene Szenarien zählen dabei nicht."]
    parts.append(_herkunft(site))
    if not site.verlauf:
        parts.append(admonition("info", "Noch kein Verlauf",
                                "`reports/verlauf.jsonl` fehlt oder ist leer; `make` legt ihn beim nächsten Lauf an."))
    for ziel in site.ziele():
        parts.append(_ziel(site, ziel))
    return {PAGE: "\n\n".join(parts) + "\n"}


def _herkunft(site: Site) -> str:
    if site.run is None:
        return "## Herkunft des letzten Laufs {#herkunft}\n\nEs liegt noch kein Lauf vor."
    zeilen = [(cell(label), cell(wert)) for _, label, wert in herkunft.eintraege(site.run)]
    return "## Herkunft des letzten Laufs {#herkunft}\n\n" + table(("Angabe", "Wert"), zeilen)


def _ziel(site: Site, ziel: str) -> str:
    laeufe = [lauf for lauf in site.verlauf if lauf.ziel == ziel]
    letzter = laeufe[-1]
    parts = [f"## Gegen „{md(ziel)}“", f"{len(laeufe)} Läufe im Verlauf, der letzte am {german_date(letzter.zeit)}."]
    aenderungen = []
    for sc in site.scenarios:
        v = verlauf.verlauf_von(site.verlauf, ziel, szenario=history_matcher(sc))
        if v.letzter is not None and v.letzter[0] is letzter and v.hinweise():
            aenderungen.append((v.hinweise(), sc))
    aenderungen.sort(key=lambda a: min(verlauf.REIHENFOLGE.index(h) for h in a[0]))
    neu = [a for a in aenderungen if a[0] == [verlauf.NEU]]
    wichtig = [a for a in aenderungen if a[0] != [verlauf.NEU]]
    if wichtig:
        parts.append("**Im letzten Lauf geändert:**\n\n" + "\n".join(
            f"- {', '.join(f'**{h}**' for h in hinweise)}: [{md(sc.titel)}]({link(PAGE, pfade.SZENARIEN, sc.anchor)})"
            for hinweise, sc in wichtig))
    if neu:
        parts.append(f"Zum ersten Mal gegen dieses Ziel: {len(neu)} Szenario(s).")
    parts.append(table(("Lauf", "Commit", "Teile", "bestanden", "fehlgeschlagen", "übersprungen"),
                       (_zeile(lauf) for lauf in reversed(laeufe[-ZEILEN:]))))
    return "\n\n".join(parts)


def _zeile(lauf: Eintrag) -> tuple[str, ...]:
    zaehler = Counter(e.status for e in lauf.szenarien.values())
    return (german_date(lauf.zeit), f"`{lauf.commit}`", ", ".join(lauf.teile) or "–", str(zaehler[PASSED]),
            str(zaehler[FAILED]), str(zaehler[SKIPPED]))
