"""The contracts as data: one JSON file per endpoint under ``vertraege/<system>/``."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import AbsprungError

ORDNER = Path(__file__).resolve().parents[2] / "vertraege"


class VertragsFehler(AbsprungError):
    """A contract file that cannot be read; the message says which and why (German)."""


@dataclass(frozen=True)
class Anfrage:
    methode: str
    pfad: str  # with {{placeholders}}
    kopfzeilen: dict[str, str] = field(default_factory=dict)
    koerper: Any = None


@dataclass(frozen=True)
class Erwartung:
    status: tuple[int, ...]
    inhalt: str = "application/json"
    felder: dict[str, str] = field(default_factory=dict)  # JSON key path -> type
    optional: frozenset[str] = frozenset()
    weitere: bool = True  # may other keys appear?


@dataclass(frozen=True)
class Fall:
    system: str
    endpunkt: str
    id: str  # "<file stem>#<case>"
    beschreibung: str
    lesend: bool
    anfrage: Anfrage
    antwort: Erwartung
    quelle: str  # the documentation page (or its section)
    hinweis: str = ""  # where the documentation contradicts itself and what the contract follows


def _fall(system: str, endpunkt: str, stamm: str, quelle: str, roh: dict[str, Any], hinweis: str) -> Fall:
    a, e = roh["anfrage"], roh["antwort"]
    return Fall(system, endpunkt, f"{stamm}#{roh['id']}", roh.get("beschreibung", ""), bool(roh.get("lesend")),
                Anfrage(a["methode"].upper(), a["pfad"], dict(a.get("kopfzeilen") or {}), a.get("koerper")),
                Erwartung(tuple(e["status"]), e.get("inhalt", "application/json"), dict(e.get("felder") or {}),
                          frozenset(e.get("optional") or ()), bool(e.get("weitere", True))), quelle, hinweis)


def laden(ordner: Path = ORDNER, system: str | None = None) -> list[Fall]:
    """Every case of every contract (of one system), in file order."""
    faelle = []
    for datei in sorted(ordner.glob("*/*.json")):
        try:
            daten = json.loads(datei.read_text(encoding="utf-8"))
            if system and daten["system"] != system:
                continue
            doku = daten.get("doku") or {}
            quelle = f"Doku {doku.get('seite', '?')} „{doku.get('titel', daten['endpunkt'])}“"
            faelle += [_fall(daten["system"], daten["endpunkt"], datei.stem, quelle, f, daten.get("hinweis", ""))
                       for f in daten["faelle"]]
        except (OSError, ValueError, KeyError, TypeError) as f:
            raise VertragsFehler(f"Der Vertrag {datei} ist nicht lesbar: {f}") from None
    return faelle


def endpunkte(faelle: list[Fall]) -> dict[str, list[Fall]]:
    gruppen: dict[str, list[Fall]] = {}
    for f in faelle:
        gruppen.setdefault(f.endpunkt, []).append(f)
    return gruppen
