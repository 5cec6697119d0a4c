"""``python -m absprung.leitfaden.drucken``: the customer edition as one PDF (``site/leitfaden-kundenausgabe.pdf``),
after ``mkdocs build`` (which empties ``site/``), from the same run and pictures as the site.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from absprung.aussagen import TITEL
from basis.befehlszeile import deutsch

from ..druck import DruckFehler, drucken
from .kundenausgabe import PDF, UNTERTITEL, markdown_text
from .pfade import PICTURES
from .write import model


def main(argv: list[str] | None = None) -> int:
    deutsch()
    parser = argparse.ArgumentParser(prog="python -m absprung.leitfaden.drucken",
                                     description="Druckt die Kundenausgabe des Leitfadens als PDF (Chromium).")
    parser.add_argument("--features", type=Path, default=Path("features"))
    parser.add_argument("--lauf", type=Path, default=Path("reports/lauf.json"))
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs-Ordner mit den Bildern (bilder/)")
    parser.add_argument("--bildarchiv", type=Path, default=Path("reports/bildarchiv"))
    parser.add_argument("--ziel", type=Path, default=Path("site") / PDF, help=f"die PDF-Datei (Standard site/{PDF})")
    parser.add_argument("--wurzel", type=Path, default=Path("."))
    a = parser.parse_args(argv)
    beginn = time.monotonic()
    site, _ = model(features=a.features, run_json=a.lauf, root=a.wurzel, archive=a.bildarchiv)
    text = markdown_text(site, lambda datei: f"{PICTURES}/{datei}", mit_titel=False)
    try:
        ergebnis = drucken(TITEL, UNTERTITEL, text, a.ziel, a.docs)
    except DruckFehler as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return 1
    print(f"Kundenausgabe als PDF: {ergebnis.pfad} ({ergebnis.seiten} Seiten, {time.monotonic() - beginn:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
