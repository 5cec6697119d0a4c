"""``python -m absprung.leitfaden``: features/ + reports/lauf.json → docs/generiert/, docs/bilder/."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from absprung.aussagen import AUSSAGEN
from basis.befehlszeile import deutsch

from .pfade import GENERATED
from .suche import shim_bereitstellen
from .write import generate, used_pictures


def main(argv: list[str] | None = None) -> int:
    deutsch()
    parser = argparse.ArgumentParser(prog="python -m absprung.leitfaden",
                                     description="Erzeugt die Seiten der Leitfaden-Website aus Szenarien, "
                                                 "Laufprotokoll und Bildschirmfotos.")
    parser.add_argument("--features", type=Path, default=Path("features"), help="Ordner mit .feature-Dateien")
    parser.add_argument("--lauf", type=Path, default=Path("reports/lauf.json"), help="Laufprotokoll (lauf.json)")
    parser.add_argument("--docs", type=Path, default=Path("docs"), help="docs-Ordner der Website")
    parser.add_argument("--bildarchiv", type=Path, default=Path("reports/bildarchiv"),
                        help="Ordner mit den letzten guten Bildschirmfotos (bleiben sichtbar, wenn ihr Szenario "
                             "scheitert)")
    parser.add_argument("--vertraege", type=Path, default=Path("reports/vertraege.json"),
                        help="letzte Prüfung der Verträge (python -m absprung vertraege pruefen --json …)")
    parser.add_argument("--verlauf", type=Path, default=Path("reports/verlauf.jsonl"),
                        help="Verlauf der Läufe (pytest … --verlauf PFAD); zeigt je Aussage und Szenario die letzten "
                             "Läufe je Ziel")
    parser.add_argument("--wurzel", type=Path, default=Path("."),
                        help="Projektwurzel; Dateipfade im Laufprotokoll sind relativ zu ihr")
    args = parser.parse_args(argv)
    if not args.features.is_dir():
        print(f"Fehler: Den Ordner „{args.features}“ gibt es nicht.", file=sys.stderr)
        return 2
    site = generate(features=args.features, run_json=args.lauf, docs=args.docs, root=args.wurzel,
                    archive=args.bildarchiv, vertraege=args.vertraege, history=args.verlauf)
    suche = shim_bereitstellen(args.wurzel, args.docs)
    for warning in [*site.warnings, *([suche] if suche else [])]:
        print(f"Warnung: {warning}", file=sys.stderr)
    covered = sum(1 for a in AUSSAGEN if site.proving(a.id))
    print(f"Leitfaden-Seiten erzeugt in {args.docs / GENERATED}: {len(site.scenarios)} Szenarien, "
          f"{covered} von {len(AUSSAGEN)} Aussagen belegt, {len(used_pictures(site))} Bildschirmfotos.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
