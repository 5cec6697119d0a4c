"""What the training environment adds to ``python -m fakes`` (an extension of the fakes, entry point
``fakes.zusaetze``): the Schulung page beside the fakes (``--port-schulung``), ``--uebung NAME`` to set up
an exercise, ``--uebungen`` to list them, with ``--plaetze N`` a page per seat and the trainer's overview,
and the Zielprofil that ``python -m absprung diagnose`` reads while it runs.
"""

from __future__ import annotations

import argparse
import threading
from pathlib import Path
from typing import Any, Callable, Mapping

import httpx

from basis import schulungsziel
from basis.ziel import embedded_fakes
from fakes.common.errors import FakeError
from fakes.common.plaetze import PASSWORT_KOPF, platz_urls
from fakes.options import Options
from fakes.server import AppBuilder, Fakes
from fakes.zusaetze import Started

from .. import einrichtung
from ..diagnose import fall as fallakte
from ..errors import AbsprungError
from ..systems import Systems
from ..ursachen.aufgaben import AUFGABE, AUFGABEN, Aufgabe
from .app import create
from .raum import Platz, Schulungsraum

TITEL = "Schulung (Übung, Prüfen, Support)"
VERGESSEN_MINUTEN = 120  # a seat nobody used that long is forgotten (its worlds freed)
SCHAUEN_ALLE_S = 60.0


def liste() -> str:
    zeilen = [f"{len(AUFGABEN)} Übungen (python -m fakes --uebung NAME):"]
    zeilen += [f"  {a.name:<22} {a.titel}" for a in AUFGABEN]
    return "\n".join(zeilen)


def aus_fall(datei: Path) -> Aufgabe | None:
    """What a case file rebuilds (None: the whole guide, nothing was broken); FakeError if it cannot."""
    try:
        return fallakte.laden(datei).aufgabe
    except fallakte.FalscherFall as f:
        raise FakeError(str(f)) from None


def uebung(name: str | None, *, leer: bool, ziel: str | None, fall: Path | None = None) -> Aufgabe | None:
    """The exercise ``name`` (neutral name, or the cause's name from before), or the one a case file rebuilds."""
    if fall is not None:
        if name is not None or leer or ziel:
            raise FakeError("Eine Falldatei braucht alle Fakes mit Demodaten und keine Übung: --fall nicht mit "
                            "--uebung, --leer oder --ziel.")
        return aus_fall(fall)
    if name is None:
        return None
    if name not in AUFGABE:
        raise FakeError(f"Die Übung „{name}“ gibt es nicht. Möglich sind: {', '.join(a.name for a in AUFGABEN)} "
                        "(Liste: --uebungen).")
    if leer or ziel:
        raise FakeError("Eine Übung braucht alle Fakes mit Demodaten: --uebung nicht mit --leer oder --ziel.")
    return AUFGABE[name]


def in_der_welt(urls: Mapping[str, str], handlung: Callable[[Systems], object]) -> None:
    """Does ``handlung`` through the interfaces of the fakes at ``urls``."""
    s = Systems.connect(embedded_fakes().with_fake_urls(dict(urls)))
    try:
        handlung(s)
    finally:
        s.close()


def herstellen(a: Aufgabe, urls: Mapping[str, str]) -> None:
    in_der_welt(urls, a.uebung.herstellen)


def raum_fuer(urls: Mapping[str, str], options: Options) -> Schulungsraum:
    """Seat 0 is the fakes' own world; seats 1…N live below /platz/<kennung> on every fake."""
    plaetze = [Platz(0, None, dict(urls))]
    plaetze += [Platz(i, k, platz_urls(urls, k)) for i, k in enumerate(options.plaetze, 1)]
    return Schulungsraum(plaetze, steuerung=options.control_on, passwort=options.passwort)


def app_bauer(a: Aufgabe | None = None, options: Options | None = None,
              raum_an: Callable[[Schulungsraum], None] = lambda _: None) -> AppBuilder:
    """The Schulung app once the fakes' addresses are known; ``a``: the exercise already set up in the
    fakes' own world (counts from the start); ``raum_an`` is told the training room."""
    def bauen(urls: Mapping[str, str]) -> Any:
        raum = raum_fuer(urls, options or Options())
        if a is not None:
            raum.uebernehmen(raum.plaetze[0], a)
        raum_an(raum)
        return create(raum)
    return bauen


class Aufraeumer:
    """Forgets the seats nobody used for a while: asks every fake how long each seat was idle; a seat
    idle on all of them is forgotten on all of them, and its seat is free again (its attempt kept)."""

    def __init__(self, raum: Schulungsraum, urls: Mapping[str, str], passwort: str, minuten: float) -> None:
        self.raum, self.urls, self.grenze_s = raum, dict(urls), minuten * 60
        self.kopf = {PASSWORT_KOPF: passwort}
        self._stop = threading.Event()
        self._faden = threading.Thread(target=self._laufen, name="schulung-aufraeumen", daemon=True)

    def starten(self) -> None:
        self._faden.start()

    def stoppen(self) -> None:
        self._stop.set()

    def einmal(self) -> list[int]:
        """One round; returns the numbers of the seats forgotten."""
        with httpx.Client(timeout=5.0) as http:
            staende = [http.get(f"{u}/_plaetze", headers=self.kopf).json()["plaetze"] for u in self.urls.values()]
            vergessen = []
            for platz in self.raum.plaetze.values():
                je_fake = [next((p for p in stand if p["kennung"] == platz.kennung), None) for stand in staende
                           ] if platz.kennung else []
                if None in je_fake:  # a fake that does not know the seat (restarting): next round
                    continue
                benutzt = [p for p in je_fake if p is not None and p["welt"]]
                if not benutzt or platz.vorbereitung or any(
                        p["unbenutzt_s"] is None or p["unbenutzt_s"] < self.grenze_s for p in benutzt if p):
                    continue
                for u in self.urls.values():
                    http.post(f"{u}/_plaetze/{platz.kennung}/vergessen", headers=self.kopf)
                self.raum.vergessen(platz)
                vergessen.append(platz.nummer)
        return vergessen

    def _laufen(self) -> None:
        while not self._stop.wait(SCHAUEN_ALLE_S):
            try:
                self.einmal()
            except (httpx.HTTPError, ValueError, KeyError):
                pass  # a fake restarting: next round


class Schulung:
    """The extension of ``python -m fakes`` (``fakes.zusaetze.Zusatz``)."""

    def __init__(self) -> None:
        self.raum: Schulungsraum | None = None

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--uebung", metavar="NAME",
                            help="eine Übung: die Einrichtung ist vollständig bis auf die Ursache eines Fehlerbilds")
        parser.add_argument("--uebungen", action="store_true", help="die Übungen auflisten und beenden")
        parser.add_argument("--fall", type=Path, metavar="DATEI",
                            help="eine Falldatei der Diagnose nachstellen: alles eingerichtet bis auf ihre erste "
                                 "Ursache")
        parser.add_argument("--port-schulung", type=int, default=0, metavar="PORT",
                            help="fester Port der Schulungsseite (Standard: frei gewählt)")
        parser.add_argument("--platz-vergessen", type=float, default=VERGESSEN_MINUTEN, metavar="MINUTEN",
                            help=f"einen Schulungsplatz nach so vielen Minuten ohne Anfrage vergessen "
                                 f"(Standard {VERGESSEN_MINUTEN})")

    def listing(self, args: argparse.Namespace) -> str | None:
        return liste() if args.uebungen else None

    def apps(self, args: argparse.Namespace, options: Options) -> dict[str, tuple[str, AppBuilder]]:
        uebung(args.uebung, leer=args.leer, ziel=args.ziel, fall=args.fall)  # refuses before anything starts
        if args.ziel:
            return {}

        def merken(raum: Schulungsraum) -> None:
            self.raum = raum
        return {"schulung": (TITEL, app_bauer(None, options, merken))}

    def started(self, args: argparse.Namespace, fakes: Fakes) -> Started:
        a = uebung(args.uebung, leer=args.leer, ziel=args.ziel, fall=args.fall)
        try:
            if a is not None:
                herstellen(a, fakes.urls)
            elif args.fall is not None:  # a case where nothing was broken: the whole guide
                in_der_welt(fakes.urls, einrichtung.vollstaendig_einrichten)
        except AbsprungError as f:
            raise FakeError(f"Die Übung „{a.name if a else 'Fall'}“ ließ sich nicht herstellen: {f}") from None
        if args.ziel or self.raum is None:
            return Started()
        raum = self.raum
        seite = fakes.zusatz_urls["schulung"]
        zeilen: list[str] = []
        stopps: list[Callable[[], None]] = [raum.schliessen]
        if args.fall is not None:
            zeilen.append(f"Fall aus {args.fall} nachgestellt" + (f" (wie Übung „{a.name}“)." if a else
                                                                  ": alles nach dem Leitfaden eingerichtet."))
        if a is not None:
            raum.uebernehmen(raum.plaetze[0], a)
            zeilen += [f"Übung „{a.name}“: {a.titel}.", *([a.uebung.aufgabe] if a.uebung.aufgabe else []),
                       f"Ob sie gelöst ist, sagt {seite}/pruefen."]
        json_teil: dict[str, Any] = {"url": seite}
        o = fakes.options
        if o.plaetze:
            assert o.passwort is not None
            zeilen += [f"{len(o.plaetze)} Schulungsplätze. Übersicht für die Trainerin/den Trainer: {seite}/trainer",
                       *(f"  Platz {i}: {seite}/platz/{k}/" for i, k in enumerate(o.plaetze, 1))]
            json_teil |= {"trainer": f"{seite}/trainer",
                          "plaetze": [f"{seite}/platz/{k}/" for k in o.plaetze]}
            aufraeumer = Aufraeumer(raum, {s: fakes.urls[s] for s in fakes.served}, o.passwort, args.platz_vergessen)
            aufraeumer.starten()
            stopps.append(aufraeumer.stoppen)
        if not args.ohne_steuerung:
            profil = schulungsziel.schreiben(fakes.urls, seite)
            stopps.append(lambda: schulungsziel.entfernen(profil))
            zeilen.append(f"Diagnose: python -m absprung diagnose   (Zielprofil dieser Umgebung: {profil})")

        def stoppen() -> None:
            for s in stopps:
                s()
        return Started(zeilen, stoppen, {"schulung": json_teil})
