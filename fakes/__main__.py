"""``python -m fakes``: serve the fakes with demo data for practice and remote tests.

With ``--ziel PROFIL`` only the systems the profile marks "eingebettet" are served, wired to the
remote ones it names – so one fake can stand in for one system of a staging landscape. Otherwise
it is the training environment: a Schulung page beside the four fakes, ``--uebung NAME`` sets up
an exercise, and a Zielprofil for ``python -m absprung diagnose`` is left while it runs.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from dataclasses import replace

from absprung import schulungsziel
from absprung.errors import AbsprungError
from absprung.schulung import start as schulung
from absprung.secret import reveal
from fakes.common.errors import FakeError, StartError
from fakes.concenter.daten import PROTOKOLL_MAX
from fakes.server import SYSTEMS, Fakes, Options, demo_access


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m fakes",
                                description="Startet die vier Fakes (assfinet cloud, con:center, "
                                            "ams.5, Thinksurance) mit Demodaten.")
    p.add_argument("--json", action="store_true",
                   help="eine JSON-Zeile mit URLs und Demo-Zugängen ausgeben, sobald alle antworten")
    p.add_argument("--host", default="127.0.0.1",
                   help="Adresse zum Lauschen (Standard 127.0.0.1; andere nur bewusst setzen)")
    for s in SYSTEMS:
        p.add_argument(f"--port-{s}", type=int, default=0, metavar="PORT",
                       help=f"fester Port für {schulung.SYSTEM_TITEL[s]} (Standard: frei gewählt)")
    p.add_argument("--ohne-steuerung", action="store_true",
                   help="Steuerungs-Schnittstelle (/_steuerung) abschalten, z. B. für eine gemeinsame Demo")
    p.add_argument("--leer", action="store_true", help="ohne Demodaten starten")
    p.add_argument("--switch-gueltigkeit", type=int, default=120, metavar="SEKUNDEN",
                   help="Gültigkeit der Thinksurance-Anmeldelinks (Standard 120)")
    p.add_argument("--ziel", metavar="PROFIL",
                   help="nur die im Zielprofil eingebetteten Systeme starten, verbunden mit den dort genannten")
    p.add_argument("--protokoll-max", type=int, default=PROTOKOLL_MAX, metavar="N",
                   help=f"Einträge, die das Absprung-Protokoll des con:center behält (Standard {PROTOKOLL_MAX})")
    p.add_argument("--ein-prozess", action="store_true",
                   help="alle Fakes in diesem einen Prozess (Standard: je Fake ein Prozess, nutzt alle Kerne)")
    p.add_argument("--uebung", metavar="NAME",
                   help="eine Übung: die Einrichtung ist vollständig bis auf die Ursache eines Fehlerbilds")
    p.add_argument("--uebungen", action="store_true", help="die Übungen auflisten und beenden")
    a = p.parse_args(argv)
    if a.uebungen:
        print(schulung.liste())
        return 0
    if a.protokoll_max < 1:
        print("Fehler: --protokoll-max muss mindestens 1 sein.", file=sys.stderr)
        return 2
    o = Options(host=a.host, control_on=not a.ohne_steuerung, seed=None if a.leer else "ausgangslage",
                switch_gueltigkeit=a.switch_gueltigkeit, ports={s: getattr(a, f"port_{s}") for s in SYSTEMS},
                protokoll_max=a.protokoll_max, prozesse=not a.ein_prozess)
    try:
        uebung = schulung.uebung(a.uebung, leer=a.leer, ziel=a.ziel)
        if a.ziel:
            o = landscape(o, a.ziel)
    except FakeError as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return 2
    if not a.ziel:
        o = replace(o, zusaetze={"schulung": schulung.app_bauer(uebung)})
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        fakes = Fakes(o).start()
    except (OSError, StartError) as f:
        print(f"Fehler: Die Fakes konnten nicht starten: {f}", file=sys.stderr)
        return 2
    try:
        if uebung is not None:
            schulung.herstellen(uebung, fakes.urls)
    except AbsprungError as f:
        fakes.stop()
        print(f"Fehler: Die Übung „{a.uebung}“ ließ sich nicht herstellen: {f}", file=sys.stderr)
        return 2
    profil = schulungsziel.schreiben(fakes.urls) if not a.ziel and not a.ohne_steuerung else None
    zugaenge = demo_access(fakes.urls, fakes.served)
    if a.json:
        print(json.dumps(zugaenge, ensure_ascii=False), flush=True)  # the four systems, as scripts expect them
    else:
        print(schulung.ausgabe(fakes.urls, fakes.served, zugaenge, fakes.zusatz_urls.get("schulung"), uebung, profil),
              flush=True)
        if a.host not in ("127.0.0.1", "localhost"):
            print(f"Achtung: Die Fakes lauschen auf {a.host}, nicht nur auf 127.0.0.1.", flush=True)
    try:
        stop.wait()
    finally:
        fakes.stop()
        if profil is not None:
            schulungsziel.entfernen(profil)
    return 0


def landscape(options: Options, profile: str) -> Options:
    """The options for the embedded part of a profile's landscape (FakeError when unusable)."""
    from absprung.errors import ProfileError
    from absprung.targets import load_profile

    try:
        target = load_profile(profile)
    except ProfileError as f:
        raise FakeError(str(f)) from None
    if not target.embedded:
        raise FakeError(f"Das Zielprofil „{profile}“ bettet kein System ein – hier ist nichts zu starten.")
    w = target.world
    if "concenter" in target.embedded and "thinksurance" not in target.embedded and not (
            w.thinksurance_hash and w.thinksurance_secret):
        raise FakeError("Der eingebettete con:center braucht für das entfernte Thinksurance den Partnerzugang: "
                        "[geheimnisse] thinksurance_hash und thinksurance_secret im Zielprofil angeben.")
    return replace(options, serve=target.embedded, neighbours={s: target.urls[s] for s in target.remote},
                   thinksurance_hash=reveal(w.thinksurance_hash or options.thinksurance_hash),
                   thinksurance_secret=reveal(w.thinksurance_secret or options.thinksurance_secret))


if __name__ == "__main__":
    sys.exit(main())
