"""``python -m absprung diagnose`` (one customer's setup, reading only), ``python -m absprung
vertraege aufzeichnen|pruefen`` (contracts of the real interfaces, see ``absprung.vertraege``),
``python -m absprung aufraeumen`` (what an interrupted run left on a landscape, see ``absprung.landschaft``)
and ``python -m absprung zusammenfuehren`` (the parts of a split run, see ``absprung.record.zusammenfuehren``).

Diagnose: checks one customer's setup, reading only, and names the cause.

Exit codes: 0 in Ordnung, 1 Ursache gefunden, 3 unklar (nicht alles prüfbar), 4 Zielprofil,
Verbindung oder Eingabe (unbekannter Benutzer oder Kunde) – dann wurde nichts geprüft.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from basis import schulungsziel
from basis.befehlszeile import deutsch, programm
from basis.secret import mask
from basis.systeme import NAMEN, TITEL
from basis.ziel import Target, load_profile

from .diagnose import ausgabe, blatt, diagnose
from .diagnose import fall as fallakte
from .diagnose.fragen import Antworten, Datei, FalscheAntwort, Terminal
from .diagnose.modell import EXIT_ZIEL, leitfaden_adresse
from .druck import DruckFehler
from .errors import ProfileError, RemoteError
from .systems import Systems
from .ursachen import Eingabefehler


def main(argv: list[str] | None = None) -> int:
    deutsch()
    p = argparse.ArgumentParser(prog=programm("absprung", "absprung"),
                                description="Werkzeuge des ausführbaren Leitfadens.")
    sub = p.add_subparsers(dest="befehl", required=True, metavar="BEFEHL")
    d = sub.add_parser("diagnose", help="die Einrichtung eines Kunden prüfen (nur lesend) und die Ursache nennen",
                       description="Prüft die Kette des Leitfadens für einen ams Benutzer und einen Kunden, in der "
                                   "Reihenfolge des Datenflusses, und nennt die erste Ursache mit Behebung. Ändert "
                                   "nichts.")
    d.add_argument("--ziel", metavar="PROFIL", help="Zielprofil (TOML); Standard: die laufende Schulungsumgebung "
                                                    "(python -m fakes)")
    d.add_argument("--benutzer", metavar="KUERZEL", help="ams Benutzer (Standard: der des Zielprofils, z. B. AS)")
    d.add_argument("--kunde", metavar="KUNDENNUMMER", help="Kundennummer (Standard: der Prüfkunde des Zielprofils)")
    d.add_argument("--json", action="store_true", help="nur das Ergebnis als JSON ausgeben")
    d.add_argument("--antworten", type=Path, metavar="DATEI",
                   help="Antworten (TOML) auf die Fragen des Leitfadens, wo ein System nicht lesbar ist – für Skripte")
    d.add_argument("--fragen", action="store_const", const=True, default=None,
                   help="wo ein System nicht lesbar ist, die Frage des Leitfadens stellen (Standard im Terminal; "
                        "mit --json oder ohne Terminal nicht)")
    d.add_argument("--nicht-fragen", dest="fragen", action="store_const", const=False,
                   help="nie fragen: was nicht lesbar ist, bleibt „nicht prüfbar“")
    d.add_argument("--fall", type=Path, metavar="DATEI",
                   help="eine Falldatei schreiben: was gelesen und beantwortet wurde und die erste Ursache, ohne "
                        "Geheimnisse und persönliche Daten (nachstellen: python -m fakes --fall DATEI)")
    d.add_argument("--blatt", type=Path, metavar="PDF",
                   help="ein persönliches Blatt für das Maklerbüro als PDF: nur die Schritte, die noch zu tun sind, "
                        "mit Menüpfaden und Bildern")
    b = sub.add_parser("blatt", help="aus einer Falldatei das persönliche Blatt für ein Maklerbüro drucken (PDF)",
                       description="Druckt aus einer Falldatei der Diagnose die Schritte, die noch zu tun sind, in der "
                                   "Reihenfolge des Datenflusses, mit Menüpfaden und den Bildern des letzten Laufs. "
                                   "Die Falldatei kennt keine Namen; --ziel setzt die des Zielprofils ein.")
    b.add_argument("--fall", type=Path, required=True, metavar="DATEI", help="die Falldatei (diagnose --fall)")
    b.add_argument("--ausgabe", type=Path, default=Path("blatt.pdf"), metavar="PDF", help="Standard: blatt.pdf")
    b.add_argument("--ziel", metavar="PROFIL", help="Zielprofil, dessen Namen (ams und con:center Benutzer, "
                                                    "Bestand) das Blatt nennt")
    b.add_argument("--docs", type=Path, default=Path("docs"), help="wo die Bilder liegen (docs/bilder, von make)")
    v = sub.add_parser("vertraege", help="Verträge der Schnittstellen: aufzeichnen und prüfen",
                       description="Verträge (vertraege/<system>/*.json) gegen den Fake und Aufnahmen echter Systeme.")
    vs = v.add_subparsers(dest="aktion", required=True, metavar="AKTION")
    auf = vs.add_parser("aufzeichnen", help="die Formen der Antworten eines entfernten Systems aufzeichnen")
    auf.add_argument("--ziel", required=True, metavar="PROFIL", help="Zielprofil mit der Adresse des Systems")
    auf.add_argument("--system", default="thinksurance", choices=["thinksurance"])
    auf.add_argument("--ordner", type=Path, default=None, help="Ordner der Verträge (Standard: vertraege/)")
    pr = vs.add_parser("pruefen", help="Fake, Doku und Aufnahmen vergleichen (Exit 1 bei Abweichung)")
    pr.add_argument("--system", default=None, choices=["thinksurance"])
    pr.add_argument("--ordner", type=Path, default=None, help="Ordner der Verträge (Standard: vertraege/)")
    pr.add_argument("--json", type=Path, default=None, metavar="DATEI", help="Ergebnis zusätzlich als JSON")
    r = sub.add_parser("aufraeumen", help="was ein abgebrochener Lauf auf einer Testlandschaft hinterließ, "
                                          "zurücksetzen",
                       description="Stellt auf einer Testlandschaft ohne Zurücksetzen den Stand wieder her, den ein "
                                   "abgebrochener Lauf mitten in einem Szenario hinterlassen hat (sonst tut es der "
                                   "nächste Lauf vor seinem ersten schreibenden Szenario).")
    r.add_argument("--ziel", required=True, metavar="PROFIL", help="Zielprofil der Landschaft")
    z = sub.add_parser("zusammenfuehren", help="die Teile eines geteilten Laufs (--teil K/N) zu einem Lauf "
                                              "zusammenführen: lauf.json, Bericht, Formate, Verlauf",
                       description="Führt die Laufprotokolle der Teile eines geteilten Laufs (pytest features --teil "
                                   "K/N --lauf-json …) zu einem Lauf zusammen – so, als wäre er ungeteilt gelaufen, "
                                   "mit dem Teil jedes Szenarios. Prüft, dass die Teile zusammengehören und keiner "
                                   "fehlt. Exit-Codes: 0 bestanden, 1 fehlgeschlagen, 2 Teile passen nicht "
                                   "zusammen, 5 nichts geprüft.")
    z.add_argument("teile", nargs="+", type=Path, metavar="TEIL",
                   help="lauf.json eines Teils oder der Ordner, der es (und bilder/) enthält")
    z.add_argument("--ausgabe", type=Path, default=Path("reports"), metavar="ORDNER",
                   help="wohin lauf.json, bericht.html, junit.xml, die Cucumber-Dateien, allure-ergebnisse/ und "
                        "bilder/ kommen (Standard: reports)")
    z.add_argument("--verlauf", type=Path, default=Path("reports/verlauf.jsonl"), metavar="PFAD",
                   help="den zusammengeführten Lauf an diesen Verlauf anhängen (Standard: reports/verlauf.jsonl)")
    z.add_argument("--ohne-verlauf", action="store_true", help="keinen Verlauf schreiben")
    z.add_argument("--wurzel", type=Path, default=Path("."), metavar="ORDNER",
                   help="Projektwurzel der Teilläufe; die Feature-Dateien im Laufprotokoll sind relativ zu ihr "
                        "(Standard: der aktuelle Ordner)")
    a = p.parse_args(argv)
    if a.befehl == "blatt":
        return _blatt(a.fall, a.ausgabe, a.ziel, a.docs)
    if a.befehl == "zusammenfuehren":
        from .record.zusammenfuehren import befehl as zusammenfuehren

        return zusammenfuehren(a.teile, a.ausgabe, None if a.ohne_verlauf else a.verlauf, a.wurzel.resolve())
    if a.befehl == "aufraeumen":
        return _aufraeumen(a.ziel)
    if a.befehl == "vertraege":
        from .vertraege import befehl
        from .vertraege.modell import ORDNER

        if a.aktion == "aufzeichnen":
            return befehl.aufzeichnen(a.ziel, a.system, a.ordner or ORDNER)
        return befehl.pruefen(a.ordner or ORDNER, a.system, a.json)
    return _diagnose(a.ziel, a.benutzer, a.kunde, a.json, a.antworten, a.fragen, a.fall, a.blatt)


def _ziel(profil: str | None) -> Target:
    if profil is None:
        laufende = schulungsziel.laufende()
        if not laufende:
            raise ProfileError("Kein Ziel: Ohne --ziel prüft die Diagnose die laufende Schulungsumgebung – es läuft "
                               f"keine (kein Zielprofil in {schulungsziel.pfad().parent}). Starten Sie "
                               "„python -m fakes“ oder geben Sie mit --ziel ein Zielprofil an.")
        if len(laufende) > 1:
            liste = "; ".join(f"--ziel {u.profil}" + (f" (Schulungsseite {u.seite})" if u.seite else "")
                              for u in laufende)
            raise ProfileError(f"Es laufen {len(laufende)} Schulungsumgebungen; welche soll die Diagnose prüfen? "
                               f"Bitte eine wählen: {liste}")
        profil = str(laufende[0].profil)
    target = load_profile(Path(profil))
    if target.embedded:
        raise ProfileError(f"Die Diagnose prüft laufende Systeme; „eingebettet“ ist hier nicht möglich "
                           f"({', '.join(TITEL[s] for s in sorted(target.embedded))}). Für die Fakes "
                           "„python -m fakes“ starten und dessen Zielprofil nehmen.")
    return target


def _diagnose(profil: str | None, benutzer: str | None, kunde: str | None, als_json: bool,
              antwortdatei: Path | None = None, fragen: bool | None = None, fall: Path | None = None,
              blatt_pdf: Path | None = None) -> int:
    try:
        target = _ziel(profil)
        w = target.world
        benutzer, kunde = benutzer or w.ams_benutzer, kunde or w.kundennummer(w.pruefkunde)
        antworten = _antworten(antwortdatei, fragen, als_json)
    except (ProfileError, FalscheAntwort) as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return EXIT_ZIEL
    systems = Systems.connect(target)
    try:
        if not als_json:
            print(f"Diagnose für den ams Benutzer „{benutzer}“ und den Kunden „{kunde}“ – Ziel „{target.name}“ "
                  "(nur lesend" + (", wo nichts lesbar ist, mit Ihren Antworten" if antworten else "") + "):",
                  flush=True)
        d = diagnose(systems, benutzer, kunde, None if als_json else ausgabe.Fortschritt(sys.stdout), antworten)
    except (Eingabefehler, RemoteError) as f:  # RemoteError here: a system did not answer at all
        print(mask(f"Fehler: {f} Nichts wurde geprüft."), file=sys.stderr)
        return EXIT_ZIEL
    finally:
        systems.close()
    leitfaden = leitfaden_adresse(dict(os.environ), Path.cwd())
    if als_json:
        print(mask(json.dumps(d.json(leitfaden), ensure_ascii=False)), flush=True)
    else:
        print(mask(ausgabe.schluss(d, leitfaden)), flush=True)
    # The diagnosis stands, whatever happens to its files: a failure is said, the exit code stays the diagnosis'.
    if fall is not None:
        try:
            fallakte.schreiben(fall, d, antworten)
            if not als_json:
                print(f"Falldatei: {fall} (ohne Geheimnisse und persönliche Daten; nachstellen mit "
                      f"python -m fakes --fall {fall})")
        except fallakte.FalscherFall as f:
            print(f"Fehler: {f}", file=sys.stderr)
    if blatt_pdf is not None:
        namen = blatt.Namen(benutzer, target.world.concenter_benutzer, target.world.bestand)
        try:
            seiten, _ = blatt.schreiben(blatt_pdf, blatt.aus_diagnose(d), namen, Path("docs"))
            if not als_json:
                print(f"Persönliches Blatt: {blatt_pdf} ({seiten} Seite{'n' if seiten != 1 else ''})")
        except DruckFehler as f:
            print(f"Fehler: {f}", file=sys.stderr)
    return d.exit_code


def _blatt(datei: Path, ziel: Path, profil: str | None, docs: Path) -> int:
    """Exit 0: printed; 2: case file or profile unusable; 1: Chromium could not print."""
    try:
        fall = fallakte.laden(datei)
        namen = blatt.Namen()
        if profil is not None:
            w = load_profile(Path(profil)).world
            namen = blatt.Namen(w.ams_benutzer, w.concenter_benutzer, w.bestand)
    except (fallakte.FalscherFall, ProfileError) as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return 2
    try:
        seiten, _ = blatt.schreiben(ziel, blatt.aus_fall(list(fall.pruefungen)), namen, docs)
    except DruckFehler as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return 1
    print(f"Persönliches Blatt: {ziel} ({seiten} Seite{'n' if seiten != 1 else ''})")
    return 0


def _antworten(datei: Path | None, fragen: bool | None, als_json: bool) -> Antworten | None:
    """Who answers where nothing can be read: the file, the person at the terminal, or nobody."""
    if datei is not None:
        return Datei(datei)
    if fragen is None:
        fragen = not als_json and sys.stdin.isatty() and sys.stdout.isatty()
    return Terminal(sys.stdin, sys.stdout) if fragen else None


def _aufraeumen(profil: str) -> int:
    """Exit 0: nothing left or all put back; 1: something could not be put back; 4: profile or connection."""
    from .landschaft.aufraeumen import nachholen
    from .landschaft.wiederherstellen import zeile

    try:
        target = load_profile(Path(profil))
    except ProfileError as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return EXIT_ZIEL
    if not target.ohne_zuruecksetzen:
        print(f"„{target.name}“ ist keine Landschaft, in die ohne Zurücksetzen geschrieben wird "
              "(schreiben_erlaubt = true, steuerung = false, entfernte Systeme) – nichts aufzuräumen.")
        return 0
    systems = Systems.connect(target)
    try:
        ergebnis = nachholen(systems)
    except RemoteError as f:
        print(mask(f"Fehler: {f} Der Stand bleibt vermerkt; später erneut versuchen."), file=sys.stderr)
        return EXIT_ZIEL
    finally:
        systems.close()
    if ergebnis is None or ergebnis.nachgeholt is None:
        print(f"Auf „{target.name}“ ist nichts aufzuräumen.")
        return 0
    print(f"Wiederhergestellt, was „{ergebnis.nachgeholt_von}“ hinterlassen hatte:")
    bilanz = ergebnis.nachgeholt.to_json()
    for system in [s for s in NAMEN if s in bilanz]:
        print(f"  {zeile(system, bilanz[system])}")
    return 1 if any(z["offen"] for z in bilanz.values()) else 0

if __name__ == "__main__":
    sys.exit(main())
