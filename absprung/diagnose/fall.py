"""The case file of a diagnosis: what was read and answered, and the first cause – for the ticket, and for a
colleague to rebuild the customer's state in the training world (``python -m fakes --fall DATEI``).

It holds no secret and no personal datum: per check only the cause's name, its status and whether it
was read or answered; the answers as ja/nein/weiß nicht; of the facts a person gave for ams.5 only which
ones. No hints (they name users and addresses), no addresses, no profile name. Its form::

    {"fall": 1, "erstellt": "2026-12-06T17:20:00", "ergebnis": "ursache_gefunden",
     "ursache": "maklerextranet", "leitfaden": ["G16"],
     "pruefungen": [{"ursache": "cloud-konto", "status": "ok", "quelle": "gelesen"}, …],
     "antworten": {"maklerextranet": "nein"}, "angaben": ["haupt_email"]}

Rebuilt is the first cause: the whole guide set up except it (the exercise of that cause), so the
diagnosis there finds the same cause. Further broken links stand in the file, but are not rebuilt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import AbsprungError
from ..ursachen import URSACHE
from ..ursachen.aufgaben import AUFGABE, Aufgabe
from .fragen import Antworten
from .modell import EXIT, Diagnose

FORM = 1


class FalscherFall(AbsprungError):
    """A case file that cannot be read or rebuilt; the message says why, in German."""


def inhalt(d: Diagnose, antworten: Antworten | None = None) -> dict[str, Any]:
    u = d.ursache
    return {"fall": FORM, "erstellt": datetime.now().isoformat(timespec="seconds"), "ergebnis": d.ergebnis,
            "ursache": u.name if u else None, "leitfaden": list(u.leitfaden) if u else [],
            "pruefungen": [{"ursache": z.ursache.name, "status": z.status, "quelle": z.quelle} for z in d.zeilen],
            "antworten": dict(antworten.gegeben) if antworten else {},
            "angaben": sorted(antworten.angaben) if antworten else []}


def schreiben(pfad: Path, d: Diagnose, antworten: Antworten | None = None) -> None:
    try:
        pfad.parent.mkdir(parents=True, exist_ok=True)
        pfad.write_text(json.dumps(inhalt(d, antworten), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    except OSError as f:
        raise FalscherFall(f"Die Falldatei „{pfad}“ ließ sich nicht schreiben: {f.strerror or f}.") from None


@dataclass(frozen=True)
class Fall:
    ergebnis: str
    ursache: str | None
    offen: tuple[str, ...]  # checks that stayed "nicht prüfbar"
    pruefungen: tuple[tuple[str, str], ...] = ()  # (cause, status) in the order of the checks

    @property
    def aufgabe(self) -> Aufgabe | None:
        """What the training world sets up: None = the whole guide (nothing was found broken)."""
        if self.ursache is None:
            return None
        if self.ursache not in AUFGABE:
            u = URSACHE[self.ursache]
            raise FalscherFall(f"Den Fall „{u.pruefung}“ kann die Schulungsumgebung nicht nachstellen: für diese "
                               "Ursache gibt es keine Übung. Behebung laut Leitfaden: " + u.behebung)
        return AUFGABE[self.ursache]


def lesen(text: str, wo: str = "Fall") -> Fall:
    try:
        daten = json.loads(text)
    except ValueError as f:
        raise FalscherFall(f"{wo} ist keine Falldatei (kein JSON: {f}).") from None
    if not isinstance(daten, dict) or daten.get("fall") != FORM:
        raise FalscherFall(f"{wo} ist keine Falldatei der Diagnose (Feld „fall“: {FORM} fehlt).")
    ergebnis, ursache = daten.get("ergebnis"), daten.get("ursache")
    if not isinstance(ergebnis, str) or not (ursache is None or isinstance(ursache, str)):
        raise FalscherFall(f"{wo}: „ergebnis“ und „ursache“ müssen Text sein.")
    if ergebnis not in EXIT or (ursache is not None and ursache not in URSACHE) or (
            (ursache is None) != (ergebnis != "ursache_gefunden")):
        raise FalscherFall(f"{wo}: Ergebnis „{ergebnis}“ und Ursache „{ursache}“ passen nicht zusammen oder sind "
                           "unbekannt.")
    pruefungen = daten.get("pruefungen")
    if not isinstance(pruefungen, list):
        pruefungen = []
    stand = tuple((str(p.get("ursache")), str(p.get("status"))) for p in pruefungen if isinstance(p, dict))
    return Fall(str(ergebnis), ursache, tuple(n for n, s in stand if s == "nicht_pruefbar"), stand)


def laden(pfad: Path) -> Fall:
    try:
        return lesen(pfad.read_text(encoding="utf-8"), f"„{pfad}“")
    except FileNotFoundError:
        raise FalscherFall(f"Die Falldatei „{pfad}“ gibt es nicht.") from None
    except (OSError, UnicodeDecodeError) as f:
        raise FalscherFall(f"Die Falldatei „{pfad}“ ist nicht lesbar: {f}") from None

