"""The journal of a landscape: the Stand before the scenario that is writing there now.

It is on disk from before the scenario's first change until everything is put back. A run that ends
in the middle – Ctrl+C, a killed worker, a lost machine – leaves it behind; whoever writes to that
landscape next puts the Stand back first. One file per landscape (its addresses, loopback names
alike) in ``$XDG_STATE_HOME/absprung`` (``ABSPRUNG_JOURNAL`` names another folder); it holds no secret.
"""

from __future__ import annotations

import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from basis import zustandsordner

from .. import locks
from .stand import Stand


@dataclass(frozen=True)
class Eintrag:
    stand: Stand
    szenario: str  # which scenario left it (node id)
    zeit: str


class Journal:
    def __init__(self, urls: Iterable[str]) -> None:
        ordner = Path(os.environ["ABSPRUNG_JOURNAL"]) if os.environ.get("ABSPRUNG_JOURNAL") else \
            zustandsordner.ordner()
        self.datei = ordner / f"landschaft-{locks.schluessel(urls)}.json"

    def offen(self) -> Eintrag | None:
        """What an earlier scenario left to put back, or None."""
        try:
            data: dict[str, Any] = json.loads(self.datei.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return Eintrag(Stand.from_json(data["stand"]), str(data.get("szenario", "")), str(data.get("zeit", "")))

    def oeffnen(self, stand: Stand, szenario: str) -> None:
        """Written whole or not at all (a crash while writing leaves the previous file)."""
        self.datei.parent.mkdir(parents=True, exist_ok=True)
        inhalt = json.dumps({"stand": stand.to_json(), "szenario": szenario,
                             "zeit": time.strftime("%Y-%m-%d %H:%M:%S")}, ensure_ascii=False)
        fd, zwischen = tempfile.mkstemp(dir=self.datei.parent, prefix=".journal-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(inhalt)
        os.replace(zwischen, self.datei)

    def schliessen(self) -> None:
        self.datei.unlink(missing_ok=True)
