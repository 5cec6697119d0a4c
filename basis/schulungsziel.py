"""The Zielprofile of the running training environments: each ``python -m fakes`` writes its own on start
and removes it on exit, so ``python -m absprung diagnose`` without ``--ziel`` checks the one that runs –
and, where several run, names them instead of guessing.

Where: ``$ABSPRUNG_SCHULUNG_PROFIL`` (exactly this file, for one environment), else one file per
environment, named by its process, in ``$XDG_STATE_HOME/absprung/schulung/`` (default
``~/.local/state/absprung/schulung/``). A file whose process has ended is left over from a crash and
is removed when the environments are listed.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass
from pathlib import Path

from . import zustandsordner
from .systeme import NAMEN


@dataclass(frozen=True)
class Umgebung:
    profil: Path
    seite: str  # its training page ("" if it has none)


def ordner() -> Path:
    return zustandsordner.ordner() / "schulung"


def pfad() -> Path:
    """Where this process writes its profile."""
    if os.environ.get("ABSPRUNG_SCHULUNG_PROFIL"):
        return Path(os.environ["ABSPRUNG_SCHULUNG_PROFIL"])
    return ordner() / f"{os.getpid()}.toml"


def schreiben(urls: dict[str, str], seite: str = "") -> Path:
    """A profile for fakes with control (so the demo secrets apply); it allows no writes."""
    ziel = pfad()
    ziel.parent.mkdir(parents=True, exist_ok=True)
    zeilen = ['name = "Schulungsumgebung"', "schreiben_erlaubt = false", "steuerung = true",
              f"prozess = {os.getpid()}", f"schulungsseite = {json.dumps(seite)}", "[urls]",
              *(f"{s} = {json.dumps(urls[s])}" for s in NAMEN)]
    ziel.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    return ziel


def entfernen(ziel: Path) -> None:
    ziel.unlink(missing_ok=True)


def laufende() -> list[Umgebung]:
    """The environments running now (``$ABSPRUNG_SCHULUNG_PROFIL`` alone if set and present)."""
    if os.environ.get("ABSPRUNG_SCHULUNG_PROFIL"):
        eine = Path(os.environ["ABSPRUNG_SCHULUNG_PROFIL"])
        return [Umgebung(eine, "")] if eine.is_file() else []
    umgebungen = []
    for datei in sorted(ordner().glob("*.toml")) if ordner().is_dir() else []:
        try:
            daten = tomllib.loads(datei.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            continue  # being written, or not ours
        pid = daten.get("prozess")
        if isinstance(pid, int) and not zustandsordner.prozess_laeuft(pid):
            datei.unlink(missing_ok=True)  # left over from an environment that crashed
            continue
        umgebungen.append(Umgebung(datei, str(daten.get("schulungsseite", ""))))
    return umgebungen
