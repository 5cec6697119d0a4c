"""What ``python -m fakes`` does for training: choose and set up an exercise, serve the Schulung
page, print the accesses (all demo values, invented – including the btoken a trainee types in)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from fakes.common.errors import FakeError

from ..systems import Systems
from ..targets import SYSTEMS, embedded_fakes
from ..uebungen import UEBUNG, UEBUNGEN, Uebung
from .app import create

SYSTEM_TITEL = {"cloud": "assfinet cloud (assfinet drive)", "concenter": "con:center", "ams": "ams.5",
                "thinksurance": "Thinksurance – Gewerbeplattform"}


def liste() -> str:
    zeilen = [f"{len(UEBUNGEN)} Übungen (python -m fakes --uebung NAME):"]
    zeilen += [f"  {u.name:<28} {u.fehlerbild.szenario.titel}" for u in UEBUNGEN]
    return "\n".join(zeilen)


def uebung(name: str | None, *, leer: bool, ziel: str | None) -> Uebung | None:
    if name is None:
        return None
    if name not in UEBUNG:
        raise FakeError(f"Die Übung „{name}“ gibt es nicht. Möglich sind: {', '.join(UEBUNG)} (Liste: --uebungen).")
    if leer or ziel:
        raise FakeError("Eine Übung braucht alle vier Fakes mit Demodaten: --uebung nicht mit --leer oder --ziel.")
    return UEBUNG[name]


def app_bauer(u: Uebung | None) -> Callable[[dict[str, str]], Any]:
    return lambda urls: create(urls, u)


def herstellen(u: Uebung, urls: dict[str, str]) -> None:
    s = Systems.connect(embedded_fakes().with_fake_urls(urls))
    try:
        u.herstellen(s)
    finally:
        s.close()


def ausgabe(urls: dict[str, str], served: tuple[str, ...], zugaenge: dict[str, Any], schulung_url: str | None,
            u: Uebung | None, profil: Path | None) -> str:
    zeilen = ["Die Fakes laufen (Beenden mit Strg+C):"]
    for s in SYSTEMS:
        wie = "" if s in served else "  (entfernt, laut Zielprofil)"
        zeilen.append(f"  {SYSTEM_TITEL[s]:<34} {urls[s]}{wie}")
    if schulung_url:
        zeilen.append(f"  {'Schulung (Übung, Prüfen, Support)':<34} {schulung_url}")
    if set(served) == set(SYSTEMS):
        ts, cc = zugaenge["thinksurance"], zugaenge["concenter"]
        zeilen += ["", "Demo-Zugänge (alle erfunden):",
                   f"  ams.5-Benutzer {zugaenge['ams']['benutzer']} (Haupt-E-Mail {zugaenge['ams']['haupt_email']})",
                   f"  con:center {cc['benutzer']} / {cc['passwort']}",
                   f"  assfinet drive {zugaenge['cloud']['drive']}",
                   f"  btoken von Thinksurance (für con:center): {ts['bToken']}",
                   f"  Thinksurance-Partnerzugang: hash {ts['hash']}, secret {ts['secret']}, aToken {ts['aToken']}, "
                   f"nameTag {ts['nameTag']}"]
    if u is not None:
        zeilen += ["", f"Übung „{u.name}“: {u.fehlerbild.symptom}.", *([u.aufgabe] if u.aufgabe else []),
                   f"Ob sie gelöst ist, sagt {schulung_url}/pruefen."]
    if profil is not None:
        zeilen += ["", f"Diagnose: python -m absprung diagnose   (Zielprofil dieser Umgebung: {profil})"]
    return "\n".join(zeilen)

