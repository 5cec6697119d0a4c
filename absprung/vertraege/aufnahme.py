"""Recordings of real systems: the observed shape of each case, dated – never a value or a secret.

``vertraege/<system>/aufnahmen/<Datum>-<Ziel>.json``; the newest recording of a case counts.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..slug import slug
from .lauf import Beobachtung


@dataclass(frozen=True)
class Aufnahme:
    datei: Path
    ziel: str
    datum: str  # "YYYY-MM-DD HH:MM"
    faelle: dict[str, Beobachtung]
    nicht_pruefbar: dict[str, str]


def speichern(ordner: Path, system: str, ziel: str, faelle: dict[str, Beobachtung],
              nicht_pruefbar: dict[str, str], jetzt: datetime | None = None) -> Path:
    jetzt = jetzt or datetime.now()
    ziel_ordner = ordner / system / "aufnahmen"
    ziel_ordner.mkdir(parents=True, exist_ok=True)
    datei = ziel_ordner / f"{jetzt:%Y-%m-%d-%H%M}-{slug(ziel)}.json"
    daten = {"system": system, "ziel": ziel, "aufgenommen": f"{jetzt:%Y-%m-%d %H:%M}",
             "faelle": {k: {"status": b.status, "inhalt": b.inhalt, "form": b.form} for k, b in faelle.items()},
             "nicht_pruefbar": nicht_pruefbar}
    datei.write_text(json.dumps(daten, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return datei


def laden(ordner: Path, system: str) -> list[Aufnahme]:
    """All recordings of a system, oldest first."""
    ergebnis = []
    for datei in sorted((ordner / system / "aufnahmen").glob("*.json")):
        d = json.loads(datei.read_text(encoding="utf-8"))
        ergebnis.append(Aufnahme(datei, d["ziel"], d["aufgenommen"],
                                 {k: Beobachtung(v["status"], v["inhalt"], v["form"]) for k, v in d["faelle"].items()},
                                 dict(d.get("nicht_pruefbar") or {})))
    return sorted(ergebnis, key=lambda a: a.datum)


def neueste(aufnahmen: list[Aufnahme], fall_id: str) -> Aufnahme | None:
    return next((a for a in reversed(aufnahmen) if fall_id in a.faelle), None)
