"""The journal of a landscape: the Stand before the scenario that is writing there now, and every object
that scenario created, noted the moment it was created.

It is on disk from before the scenario's first change until everything is put back. A run that ends in
the middle – a killed worker, a lost machine – leaves it behind; whoever writes to that landscape next
puts it back first. One file per landscape and broker office (the addresses, loopback names alike, and the
Bestand, ams user and con:center user of the profile's world), in ``$XDG_STATE_HOME/absprung``
(``ABSPRUNG_JOURNAL`` names another folder). It holds no secret – the Stand has masks only.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from basis import zustandsordner
from basis.ziel import World

from .. import locks
from .stand import Stand

ALT_STUNDEN = 2  # an older journal is not put back on its own: somebody may have worked there since


def buero(w: World) -> dict[str, str]:
    """Whose objects a Stand describes."""
    return {"bestand": w.bestand, "ams_benutzer": w.ams_benutzer, "concenter_benutzer": w.concenter_benutzer}


@dataclass
class Eintrag:
    stand: Stand
    szenario: str  # which scenario left it (node id)
    zeit: float  # seconds since the epoch, when the scenario began
    angelegt: list[tuple[str, str]] = field(default_factory=list)  # (kind, key) of what it created

    @property
    def alter_stunden(self) -> float:
        return (time.time() - self.zeit) / 3600

    @property
    def wann(self) -> str:
        return time.strftime("%d.%m.%Y %H:%M", time.localtime(self.zeit))


class Journal:
    def __init__(self, urls: Iterable[str], welt: World) -> None:
        ordner = Path(os.environ["ABSPRUNG_JOURNAL"]) if os.environ.get("ABSPRUNG_JOURNAL") else \
            zustandsordner.ordner()
        wer = hashlib.sha256(json.dumps(buero(welt), sort_keys=True).encode()).hexdigest()[:8]
        self.datei = ordner / f"landschaft-{locks.schluessel(urls)}-{wer}.json"
        self._offen: Eintrag | None = None

    def offen(self) -> Eintrag | None:
        """What an earlier scenario left to put back, or None."""
        try:
            data: dict[str, Any] = json.loads(self.datei.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return Eintrag(Stand.from_json(data["stand"]), str(data.get("szenario", "")), float(data.get("zeit", 0)),
                       [(str(a), str(k)) for a, k in data.get("angelegt", [])])

    def oeffnen(self, stand: Stand, szenario: str) -> None:
        self._offen = Eintrag(stand, szenario, time.time())
        self._schreiben()

    def angelegt(self, art: str, schluessel: str) -> None:
        """Noted before anyone can lose it: the restore removes only what is listed here."""
        if self._offen is not None and (art, schluessel) not in self._offen.angelegt:
            self._offen.angelegt.append((art, schluessel))
            self._schreiben()

    def schliessen(self) -> None:
        self._offen = None
        self.datei.unlink(missing_ok=True)

    def _schreiben(self) -> None:
        """Written whole or not at all (a crash while writing leaves the previous file)."""
        assert self._offen is not None
        self.datei.parent.mkdir(parents=True, exist_ok=True)
        inhalt = json.dumps({"stand": self._offen.stand.to_json(), "szenario": self._offen.szenario,
                             "zeit": self._offen.zeit, "angelegt": self._offen.angelegt}, ensure_ascii=False)
        fd, zwischen = tempfile.mkstemp(dir=self.datei.parent, prefix=".journal-")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(inhalt)
        os.replace(zwischen, self.datei)
