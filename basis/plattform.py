"""The labels by which the browser check reads the Gewerbeplattform.

The fake's Gewerbeplattform labels its customer fields as below – an assumption, since
Thinksurance's screens are not public. A target profile can map each checked field to the
label the real platform shows (``[plattform.felder]``), so the same Then-steps read a real
Thinksurance test system.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ProfileError
from .kundenfelder import LABELS

# The customer fields the checks read, by the fake's labels (``basis.kundenfelder``); the keys of every mapping.
FELDER = LABELS
TITEL = "Thinksurance – Gewerbeplattform"
VERKNUEPFT = "Verknüpfter Benutzer"


@dataclass(frozen=True)
class Plattform:
    titel: str = TITEL  # the page heading (h1) and the name of the customer form
    felder: dict[str, str] = field(default_factory=lambda: {f: f for f in FELDER})  # field -> label shown
    verknuepft: str = VERKNUEPFT  # label of the cloud user bound to the b-Token

    def label(self, feld: str) -> str:
        return self.felder[feld]

    @classmethod
    def from_profile(cls, data: Any, path: Path) -> Plattform:
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise ProfileError(f"Im Zielprofil „{path}“ muss [plattform] eine Tabelle sein.")
        labels = dict(data.get("felder") or {})
        unknown = sorted(set(labels) - set(FELDER))
        if unknown:
            raise ProfileError(f"Im Zielprofil „{path}“ kennt [plattform.felder] diese Felder nicht: "
                               f"{', '.join(unknown)} (möglich: {', '.join(FELDER)}).")
        extra = sorted(set(data) - {"titel", "felder", "verknuepft"})
        if extra:
            raise ProfileError(f"Im Zielprofil „{path}“ ist unter [plattform] unbekannt: {', '.join(extra)}.")
        return cls(str(data.get("titel") or TITEL), {f: str(labels.get(f, f)) for f in FELDER},
                   str(data.get("verknuepft") or VERKNUEPFT))
