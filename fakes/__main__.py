"""``python -m fakes``: serve all four fakes with demo data for practice and remote tests."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading

from fakes.common.errors import StartError
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
    a = p.parse_args(argv)
    o = Options(host=a.host, control_on=not a.ohne_steuerung, seed=None if a.leer else "ausgangslage",
                switch_gueltigkeit=a.switch_gueltigkeit, ports={s: getattr(a, f"port_{s}") for s in SYSTEMS})
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    try:
        fakes = Fakes(o).start()
    except (OSError, StartError) as f:
        print(f"Fehler: Die Fakes konnten nicht starten: {f}", file=sys.stderr)
        return 2
    zugaenge = demo_access(fakes.urls)
    if a.json:
        print(json.dumps(zugaenge, ensure_ascii=False), flush=True)
    else:
        print("Die Fakes laufen (Beenden mit Strg+C):")
        for s, z in zugaenge.items():
            print(f"  {NAMEN[s]:<34} {z['url']}")
        print(f"\nDemo-Zugänge: ams.5-Benutzer {zugaenge['ams']['benutzer']}, "
              f"con:center {zugaenge['concenter']['benutzer']} / {zugaenge['concenter']['passwort']}, "
              f"assfinet drive {zugaenge['cloud']['drive']}", flush=True)
        if a.host not in ("127.0.0.1", "localhost"):
            print(f"Achtung: Die Fakes lauschen auf {a.host}, nicht nur auf 127.0.0.1.", flush=True)
    stop.wait()
    fakes.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
