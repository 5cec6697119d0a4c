"""What the training environment adds to ``python -m fakes`` (an extension of the fakes, entry point
``fakes.zusaetze``): the Schulung page beside the fakes, ``--uebung NAME`` to set up an exercise,
``--uebungen`` to list them, and the Zielprofil that ``python -m absprung diagnose`` reads while it runs.
"""

from __future__ import annotations

import argparse
from typing import Any, Callable, Mapping

from basis import schulungsziel
from basis.ziel import embedded_fakes
from fakes.common.errors import FakeError
from fakes.options import Options
from fakes.server import AppBuilder, Fakes
from fakes.zusaetze import Started

from ..errors import AbsprungError
from ..systems import Systems
from ..ursachen import UEBUNGEN, URSACHE, Ursache
from .app import create

TITEL = "Schulung (Übung, Prüfen, Support)"


def liste() -> str:
    zeilen = [f"{len(UEBUNGEN)} Übungen (python -m fakes --uebung NAME):"]
    zeilen += [f"  {u.name:<28} {u.uebung.symptom}" for u in UEBUNGEN if u.uebung]
    return "\n".join(zeilen)


def uebung(name: str | None, *, leer: bool, ziel: str | None) -> Ursache | None:
    """The cause to set up as the exercise ``name``."""
    if name is None:
        return None
    namen = [u.name for u in UEBUNGEN]
    if name not in namen:
        raise FakeError(f"Die Übung „{name}“ gibt es nicht. Möglich sind: {', '.join(namen)} (Liste: --uebungen).")
    if leer or ziel:
        raise FakeError("Eine Übung braucht alle Fakes mit Demodaten: --uebung nicht mit --leer oder --ziel.")
    return URSACHE[name]


def app_bauer(u: Ursache | None) -> Callable[[Mapping[str, str]], Any]:
    return lambda urls: create(dict(urls), u)


def herstellen(u: Ursache, urls: Mapping[str, str]) -> None:
    assert u.uebung is not None
    s = Systems.connect(embedded_fakes().with_fake_urls(dict(urls)))
    try:
        u.uebung.herstellen(s)
    finally:
        s.close()


class Schulung:
    """The extension of ``python -m fakes`` (``fakes.zusaetze.Zusatz``)."""

    def add_arguments(self, parser: argparse.ArgumentParser) -> None:
        parser.add_argument("--uebung", metavar="NAME",
                            help="eine Übung: die Einrichtung ist vollständig bis auf die Ursache eines Fehlerbilds")
        parser.add_argument("--uebungen", action="store_true", help="die Übungen auflisten und beenden")

    def listing(self, args: argparse.Namespace) -> str | None:
        return liste() if args.uebungen else None

    def apps(self, args: argparse.Namespace, options: Options) -> dict[str, tuple[str, AppBuilder]]:
        u = uebung(args.uebung, leer=args.leer, ziel=args.ziel)
        return {} if args.ziel else {"schulung": (TITEL, app_bauer(u))}

    def started(self, args: argparse.Namespace, fakes: Fakes) -> Started:
        u = uebung(args.uebung, leer=args.leer, ziel=args.ziel)
        if u is not None:
            try:
                herstellen(u, fakes.urls)
            except AbsprungError as f:
                raise FakeError(f"Die Übung „{u.name}“ ließ sich nicht herstellen: {f}") from None
        if args.ziel:
            return Started()
        seite = fakes.zusatz_urls["schulung"]
        zeilen = []
        if u is not None:
            assert u.uebung is not None
            zeilen += [f"Übung „{u.name}“: {u.uebung.symptom}.", *([u.uebung.aufgabe] if u.uebung.aufgabe else []),
                       f"Ob sie gelöst ist, sagt {seite}/pruefen."]
        if args.ohne_steuerung:
            return Started(zeilen)
        profil = schulungsziel.schreiben(fakes.urls)
        zeilen.append(f"Diagnose: python -m absprung diagnose   (Zielprofil dieser Umgebung: {profil})")
        return Started(zeilen, lambda: schulungsziel.entfernen(profil))
