"""``python -m fakes``: serve the fakes with demo data for practice and remote tests.

With ``--ziel PROFIL`` only the systems the profile marks "eingebettet" are served, wired to the
remote ones it names – so one fake can stand in for one system of a staging landscape.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from dataclasses import replace

from absprung.secret import reveal
from fakes.common.errors import FakeError, StartError
from fakes.server import SYSTEMS, Fakes, Options, demo_access

NAMEN = {"cloud": "assfinet cloud (assfinet drive)", "concenter": "con:center",
         "ams": "ams.5", "thinksurance": "Thinksurance – Gewerbeplattform"}


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
                       help=f"fester Port für {NAMEN[s]} (Standard: frei gewählt)")
    p.add_argument("--ohne-steuerung", action="store_true",
                   help="Steuerungs-Schnittstelle (/_steuerung) abschalten, z. B. für eine gemeinsame Demo")
    p.add_argument("--leer", action="store_true", help="ohne Demodaten starten")
    p.add_argument("--switch-gueltigkeit", type=int, default=120, metavar="SEKUNDEN",
                   help="Gültigkeit der Thinksurance-Anmeldelinks (Standard 120)")
    p.add_argument("--ziel", metavar="PROFIL",
                   help="nur die im Zielprofil eingebetteten Systeme starten, verbunden mit den dort genannten")
    a = p.parse_args(argv)
    o = Options(host=a.host, control_on=not a.ohne_steuerung, seed=None if a.leer else "ausgangslage",
                switch_gueltigkeit=a.switch_gueltigkeit, ports={s: getattr(a, f"port_{s}") for s in SYSTEMS})
    if a.ziel:
        try:
            o = landscape(o, a.ziel)
        except FakeError as f:
            print(f"Fehler: {f}", file=sys.stderr)
            return 2
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        fakes = Fakes(o).start()
    except (OSError, StartError) as f:
        print(f"Fehler: Die Fakes konnten nicht starten: {f}", file=sys.stderr)
        return 2
    zugaenge = demo_access(fakes.urls, fakes.served)
    if a.json:
        print(json.dumps(zugaenge, ensure_ascii=False), flush=True)
    else:
        print("Die Fakes laufen (Beenden mit Strg+C):")
        for s in SYSTEMS:
            wie = "" if s in fakes.served else "  (entfernt, laut Zielprofil)"
            print(f"  {NAMEN[s]:<34} {fakes.urls[s]}{wie}")
        if set(fakes.served) == set(SYSTEMS):
            print(f"\nDemo-Zugänge: ams.5-Benutzer {zugaenge['ams']['benutzer']}, "
                  f"con:center {zugaenge['concenter']['benutzer']} / {zugaenge['concenter']['passwort']}, "
                  f"assfinet drive {zugaenge['cloud']['drive']}", flush=True)
        if a.host not in ("127.0.0.1", "localhost"):
            print(f"Achtung: Die Fakes lauschen auf {a.host}, nicht nur auf 127.0.0.1.", flush=True)
    stop.wait()
    fakes.stop()
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
