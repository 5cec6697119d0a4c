"""The Zielprofil of the running training environment: ``python -m fakes`` writes it on start and
removes it on exit, so ``python -m absprung diagnose`` without ``--ziel`` checks the demo office
there. Where: ``$ABSPRUNG_SCHULUNG_PROFIL``, else ``$XDG_STATE_HOME/absprung/schulung.toml``
(default ``~/.local/state/absprung/schulung.toml``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import zustandsordner
from .systeme import NAMEN


def pfad() -> Path:
    if os.environ.get("ABSPRUNG_SCHULUNG_PROFIL"):
        return Path(os.environ["ABSPRUNG_SCHULUNG_PROFIL"])
    return zustandsordner.ordner() / "schulung.toml"


def schreiben(urls: dict[str, str]) -> Path:
    """A profile for fakes with control (so the demo secrets apply); it allows no writes."""
    ziel = pfad()
    ziel.parent.mkdir(parents=True, exist_ok=True)
    zeilen = ['name = "Schulungsumgebung"', "schreiben_erlaubt = false", "steuerung = true", "[urls]",
              *(f"{s} = {json.dumps(urls[s])}" for s in NAMEN)]
    ziel.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    return ziel


def entfernen(ziel: Path) -> None:
    ziel.unlink(missing_ok=True)
