"""``python -m absprung vertraege aufzeichnen|pruefen``.

* ``aufzeichnen --ziel PROFIL [--system thinksurance]`` replays the reading cases (the writing ones
  too if the profile allows writes) against the remote system and stores the observed shapes.
* ``pruefen`` runs every case against the embedded fake and compares fake, documentation and the
  newest recording of each case; German drift report, exit 1 on drift.
"""

from __future__ import annotations

import json
import sys
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Iterator

from basis.secret import mask
from basis.systeme import NAMEN, TITEL
from basis.ziel import embedded_fakes, load_profile

from ..clients import ControlClient, RemoteError
from ..clients.base import Client
from ..errors import ProfileError
from . import aufnahme, bericht, form
from .lauf import Beobachtung, NichtPruefbar, Werte, ausfuehren
from .modell import ORDNER, Fall, VertragsFehler, laden

EXIT_DRIFT, EXIT_ZIEL = 1, 4


@contextmanager
def eingebettet(system: str) -> Iterator[str]:
    """One fake on a loopback port (its neighbours are never called by the contracts)."""
    from fakes.options import Options
    from fakes.server import Fakes

    andere = {s: "http://127.0.0.1:9" for s in NAMEN if s != system}
    with Fakes(Options(serve=frozenset({system}), neighbours=andere)) as fakes:
        yield fakes.urls[system]


def gegen_fake(faelle: list[Fall]) -> dict[str, Beobachtung | str]:
    """Each case against a freshly reset fake: observation, or why it could not run."""
    ergebnis: dict[str, Beobachtung | str] = {}
    for system in sorted({f.system for f in faelle}):
        with eingebettet(system) as url:
            steuerung, client = ControlClient(base_url=url), Client(base_url=url)
            try:
                for f in (x for x in faelle if x.system == system):
                    steuerung.reset("ausgangslage")
                    try:
                        ergebnis[f.id] = ausfuehren(f, client, Werte(embedded_fakes().world, url))
                    except NichtPruefbar as n:
                        ergebnis[f.id] = str(n)
            finally:
                steuerung.close()
                client.close()
    return ergebnis


def vergleichen(faelle: list[Fall], ordner: Path) -> list[bericht.Ergebnis]:
    beobachtet = gegen_fake(faelle)
    aufnahmen = {s: aufnahme.laden(ordner, s) for s in {f.system for f in faelle}}
    ergebnisse = []
    for f in faelle:
        b = beobachtet[f.id]
        if isinstance(b, str):
            ergebnisse.append(bericht.Ergebnis(f, None, hinweis=b))
            continue
        e = bericht.Ergebnis(f, form.gegen_vertrag(f.antwort, b.status, b.inhalt, b.form))
        neu = aufnahme.neueste(aufnahmen[f.system], f.id)
        if neu is not None:
            r = neu.faelle[f.id]
            e.aufnahmen.append((neu.datei.name, neu.datum, form.gegen_vertrag(f.antwort, r.status, r.inhalt, r.form),
                                form.zwischen((b.status, b.form), (r.status, r.form), ("Fake", f"Aufnahme {neu.datum}"))))
        ergebnisse.append(e)
    return ergebnisse


def pruefen(ordner: Path = ORDNER, system: str | None = None, json_ziel: Path | None = None) -> int:
    try:
        faelle = laden(ordner, system)
    except VertragsFehler as grund:
        print(f"Fehler: {grund}", file=sys.stderr)
        return EXIT_ZIEL
    print(f"Prüfe {len(faelle)} Verträge gegen den eingebetteten Fake und die Aufnahmen …", flush=True)
    ergebnisse = vergleichen(faelle, ordner)
    print(bericht.text(ergebnisse))
    if json_ziel is not None:
        json_ziel.parent.mkdir(parents=True, exist_ok=True)
        json_ziel.write_text(json.dumps(bericht.json_status(ergebnisse, f"{datetime.now():%Y-%m-%d %H:%M}"),
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return EXIT_DRIFT if any(e.drift for e in ergebnisse) else 0


def aufzeichnen(profil: str, system: str = "thinksurance", ordner: Path = ORDNER) -> int:
    try:
        target = load_profile(profil)
        faelle = laden(ordner, system)
    except (ProfileError, VertragsFehler) as grund:
        print(f"Fehler: {grund}", file=sys.stderr)
        return EXIT_ZIEL
    if system not in target.remote:
        print(f"Fehler: {TITEL[system]} ist im Zielprofil „{target.name}“ eingebettet – aufgezeichnet wird nur ein "
              "entferntes System (eine Adresse unter [urls]).", file=sys.stderr)
        return EXIT_ZIEL
    url = target.urls[system]
    faelle = [f for f in faelle if f.lesend or target.writes_allowed]
    print(f"Zeichne {len(faelle)} Verträge von {TITEL[system]} ({url}) auf"
          f"{'' if target.writes_allowed else ' – nur die lesenden (schreiben_erlaubt = false)'} …", flush=True)
    werte, client = Werte(target.world, url), Client(base_url=url)
    gesehen: dict[str, Beobachtung] = {}
    offen: dict[str, str] = {}
    try:
        for i, f in enumerate(faelle, 1):
            try:
                gesehen[f.id] = b = ausfuehren(f, client, werte)
                print(f"[{i:>2}/{len(faelle)}] {f.id}: HTTP {b.status}, {len(b.form)} Pfade", flush=True)
            except NichtPruefbar as n:
                offen[f.id] = str(n)
                print(mask(f"[{i:>2}/{len(faelle)}] {f.id}: nicht prüfbar – {n}"), flush=True)
    except RemoteError as fehler:  # unreachable (or an answer no contract can read)
        print(mask(f"Fehler: {fehler} Keine Aufnahme gespeichert."), file=sys.stderr)
        return EXIT_ZIEL
    finally:
        client.close()
    datei = aufnahme.speichern(ordner, system, target.name, gesehen, offen)
    print(f"Aufnahme gespeichert: {datei} ({len(gesehen)} Verträge, {len(offen)} nicht prüfbar).")
    return 0
