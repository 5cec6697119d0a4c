"""``python -m fakes``: serve the fakes with demo data for practice and remote tests.

With ``--ziel PROFIL`` only the systems the profile marks "eingebettet" are served, wired to the
remote ones it names – so one fake can stand in for one system of a staging landscape. Installed
extensions (``fakes.zusaetze``) add their own options and apps – the project's training page with
its exercises (``--uebung NAME``) is one.
"""

from __future__ import annotations

import argparse
import json
import secrets
import signal
import sys
import threading
from dataclasses import replace
from typing import Any

from basis.befehlszeile import deutsch, programm
from basis.errors import ProfileError
from basis.secret import reveal
from basis.systeme import SYSTEME
from basis.ziel import load_profile
from fakes.common.errors import FakeError, StartError
from fakes.common.plaetze import platz_urls
from fakes.concenter.daten import PROTOKOLL_MAX
from fakes.options import Options
from fakes.passwort import TrainerPasswort, trainer_passwort
from fakes.server import AppBuilder, Fakes, demo_access
from fakes.serving import fake_module
from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD
from fakes.zusaetze import Started, Zusatz, installed

PLAETZE_MAX = 100  # seats of one training server (each a world of all four systems)


def parser(zusaetze: list[Zusatz]) -> argparse.ArgumentParser:
    """The options of ``python -m fakes``, the installed extensions' included."""
    deutsch()
    p = argparse.ArgumentParser(prog=programm("fakes", "absprung-fakes"),
                                description=f"Startet die Fakes ({', '.join(s.titel for s in SYSTEME)}) mit "
                                            "Demodaten.")
    p.add_argument("--json", action="store_true",
                   help="eine JSON-Zeile mit URLs und Demo-Zugängen ausgeben, sobald alle antworten")
    p.add_argument("--host", default="127.0.0.1",
                   help="Adresse zum Lauschen (Standard 127.0.0.1; andere nur bewusst setzen)")
    for s in SYSTEME:
        p.add_argument(f"--port-{s.name}", type=int, default=0, metavar="PORT",
                       help=f"fester Port für {s.titel_lang} (Standard: frei gewählt)")
    p.add_argument("--feste-ports", action="store_true",
                   help="die üblichen Ports: " + ", ".join(f"{s.titel} {s.port}" for s in SYSTEME))
    p.add_argument("--ohne-steuerung", action="store_true",
                   help="Steuerungs-Schnittstelle (/_steuerung) abschalten, z. B. für eine gemeinsame Demo")
    p.add_argument("--leer", action="store_true", help="ohne Demodaten starten")
    p.add_argument("--switch-gueltigkeit", type=int, default=SWITCH_GUELTIGKEIT_STANDARD, metavar="SEKUNDEN",
                   help=f"Gültigkeit der Thinksurance-Anmeldelinks (Standard {SWITCH_GUELTIGKEIT_STANDARD})")
    p.add_argument("--ziel", metavar="PROFIL",
                   help="nur die im Zielprofil eingebetteten Systeme starten, verbunden mit den dort genannten")
    p.add_argument("--protokoll-max", type=int, default=PROTOKOLL_MAX, metavar="N",
                   help=f"Einträge, die das Absprung-Protokoll des con:center behält (Standard {PROTOKOLL_MAX})")
    p.add_argument("--ein-prozess", action="store_true",
                   help="alle Fakes in diesem einen Prozess (Standard: je Fake ein Prozess, nutzt alle Kerne)")
    p.add_argument("--plaetze", type=int, default=0, metavar="N",
                   help=f"N Schulungsplätze (höchstens {PLAETZE_MAX}), jeder mit einer eigenen Welt aller Systeme "
                        "unter /platz/<Kennung>/; braucht das Trainer-Passwort")
    for z in zusaetze:
        z.add_arguments(p)
    return p


def main(argv: list[str] | None = None) -> int:
    zusaetze = installed()
    a = parser(zusaetze).parse_args(argv)
    for z in zusaetze:
        text = z.listing(a)
        if text is not None:
            print(text)
            return 0
    if a.protokoll_max < 1:
        print("Fehler: --protokoll-max muss mindestens 1 sein.", file=sys.stderr)
        return 2
    if not 0 <= a.plaetze <= PLAETZE_MAX or (a.plaetze and (a.ziel or a.leer)):
        print(f"Fehler: --plaetze nimmt 1 bis {PLAETZE_MAX} Plätze, und nur mit allen Fakes und ihren Demodaten "
              "(nicht mit --ziel oder --leer).", file=sys.stderr)
        return 2
    ports = {s.name: getattr(a, f"port_{s.name}") or (s.port if a.feste_ports else 0) for s in SYSTEME}
    # The extensions' pages (e.g. --port-schulung) take a fixed port the same way.
    ports |= {n.removeprefix("port_"): v for n, v in vars(a).items() if n.startswith("port_") and v
              and n.removeprefix("port_") not in ports}
    passwort = trainer_passwort(a.host, a.plaetze)
    o = Options(host=a.host, control_on=not a.ohne_steuerung, seed=None if a.leer else "ausgangslage",
                switch_gueltigkeit=a.switch_gueltigkeit, ports=ports, protokoll_max=a.protokoll_max,
                prozesse=not a.ein_prozess, plaetze=tuple(secrets.token_urlsafe(16) for _ in range(a.plaetze)),
                passwort=passwort.wert if passwort else None)
    apps: dict[str, tuple[str, AppBuilder]] = {}
    try:
        if a.ziel:
            o = landscape(o, a.ziel)
        for z in zusaetze:
            apps |= z.apps(a, o)
    except FakeError as f:
        print(f"Fehler: {f}", file=sys.stderr)
        return 2
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):  # SIGHUP: the terminal was closed
        signal.signal(sig, lambda *_: stop.set())
    try:
        fakes = Fakes(o, {name: bauen for name, (_, bauen) in apps.items()}).start()
    except (OSError, StartError) as f:
        _passwort_weg(passwort)
        print(f"Fehler: Die Fakes konnten nicht starten: {f}", file=sys.stderr)
        return 2
    gestartet: list[Started] = [Started(stop=lambda: _passwort_weg(passwort))]
    try:
        for z in zusaetze:
            gestartet.append(z.started(a, fakes))
    except FakeError as f:
        _beenden(fakes, gestartet)
        print(f"Fehler: {f}", file=sys.stderr)
        return 2
    zugaenge = demo_access(fakes.urls, fakes.served)
    if a.json:
        # The systems as scripts expect them; then what the extensions add (each with its "url") and the seats.
        extra: dict[str, Any] = {k: v for g in gestartet for k, v in g.json.items()}
        if o.plaetze:
            extra["plaetze"] = plaetze_json(fakes.urls, o.plaetze)
        if passwort is not None and passwort.datei is not None:
            extra["passwort_datei"] = str(passwort.datei)
        print(json.dumps(zugaenge | extra, ensure_ascii=False), flush=True)
    else:
        print(ausgabe(fakes, zugaenge, {titel: fakes.zusatz_urls[name] for name, (titel, _) in apps.items()},
                      [*(line for g in gestartet for line in g.lines), *([passwort.zeile()] if passwort else [])]),
              flush=True)
        if a.host not in ("127.0.0.1", "localhost"):
            print(f"Achtung: Die Fakes lauschen auf {a.host}, nicht nur auf 127.0.0.1.", flush=True)
    try:
        stop.wait()
    finally:
        _beenden(fakes, gestartet)
    return 0


def _passwort_weg(passwort: TrainerPasswort | None) -> None:
    if passwort is not None:
        passwort.entfernen()


def plaetze_json(urls: dict[str, str], kennungen: tuple[str, ...]) -> list[dict[str, Any]]:
    """Each seat's systems (the kennung is part of every address)."""
    return [{"nummer": i, "urls": platz_urls(urls, k)} for i, k in enumerate(kennungen, 1)]


def _beenden(fakes: Fakes, gestartet: list[Started]) -> None:
    fakes.stop()
    for g in gestartet:
        g.stop()


def landscape(options: Options, profile: str) -> Options:
    """The options for the embedded part of a profile's landscape (FakeError when unusable)."""
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


def ausgabe(fakes: Fakes, zugaenge: dict[str, dict[str, Any]], apps: dict[str, str], mehr: list[str]) -> str:
    """For people: every system's address, the demo logins (all invented – including the btoken a
    trainee types in), the extensions' apps and what they say."""
    zeilen = ["Die Fakes laufen (Beenden mit Strg+C):"]
    for s in SYSTEME:
        wie = "" if s.name in fakes.served else "  (entfernt, laut Zielprofil)"
        zeilen.append(f"  {s.titel_lang:<34} {fakes.urls[s.name]}{wie}")
    zeilen += [f"  {titel:<34} {url}" for titel, url in apps.items()]
    demo = [line for s, z in zugaenge.items() for line in getattr(fake_module(s), "demo_zeilen", lambda _: [])(z)]
    if demo:
        zeilen += ["", "Demo-Zugänge (alle erfunden):", *(f"  {line}" for line in demo)]
    return "\n".join([*zeilen, *([""] if mehr else []), *mehr])


if __name__ == "__main__":
    sys.exit(main())
