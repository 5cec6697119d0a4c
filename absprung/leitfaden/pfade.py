"""Where the generated pages live, relative to ``docs/`` (their anchors are public: support links)."""

from __future__ import annotations

from absprung.aussagen import Kapitel

GENERATED = "generiert"
PICTURES = "bilder"
GUIDE_INDEX = f"{GENERATED}/leitfaden/index.md"
FEHLERBILDER = f"{GENERATED}/fehlerbilder.md"
UEBUNGEN = f"{GENERATED}/uebungen.md"
KUNDENAUSGABE = f"{GENERATED}/kundenausgabe.md"
NACHWEIS = f"{GENERATED}/nachweis.md"
SZENARIEN = f"{GENERATED}/szenarien.md"
VERLAUF = f"{GENERATED}/verlauf.md"
SCHNITTSTELLEN = f"{GENERATED}/referenz/schnittstellen.md"
FEHLERCODES = f"{GENERATED}/referenz/fehlercodes.md"
ANNAHMEN = f"{GENERATED}/referenz/annahmen.md"
VERTRAEGE = f"{GENERATED}/referenz/vertraege.md"
DIAGRAMM = f"{GENERATED}/datenfluss.svg"
HISTORY = "hintergrund/aktuell-historisch.md"  # hand-written


def kapitel(k: Kapitel) -> str:
    return f"{GENERATED}/leitfaden/{k.slug}.md"
