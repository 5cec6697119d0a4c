"""The Stand: what the scenarios can change on a landscape, read through the systems' interfaces.

Only the broker office of the target's world: its Bestand in the cloud, its con:center user's Produktgeber
values and product right, its ams user and the office's customers in ams.5. Stored secrets appear only as
the masks the systems show (assumption A20); customer data only as a fingerprint. What the guide's own
test leaves by design – the launch log, Thinksurance's customers, login links and the first binding of a
b-Token – is not part of it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from basis.leitfaden import PRODUKTGEBER

from ..clients import RemoteError
from ..systems import Systems

FELDER = ("collaboration_api_token", "btoken")  # the Produktgeber values of con:center (G15)


@dataclass
class CloudStand:
    features: list[str] = field(default_factory=list)
    benutzer: dict[str, str] = field(default_factory=dict)  # e-mail -> role
    concenter: list[str] = field(default_factory=list)
    tokens: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> name, zweck, user, widerrufen
    kunden: dict[str, str] = field(default_factory=dict)  # number -> fingerprint of what the cloud holds
    freischaltungen: dict[str, dict[str, Any]] = field(default_factory=dict)  # id -> all but the id
    mitarbeiterzugriff: list[str] = field(default_factory=list)

    def hauptfreischaltung(self) -> dict[str, str]:
        """E-mail -> id of the user's Hauptfreischaltung."""
        return {e: fid for fid, f in self.freischaltungen.items() for e in f["hauptfreischaltung_fuer"]}


@dataclass
class ConcenterStand:
    produktgeber: dict[str, str] = field(default_factory=dict)  # field -> mask, "" = not set
    produkte: list[str] | None = None  # the user's products; None where the profile has no password


@dataclass
class AmsStand:
    haupt_email: str = ""
    cloud_benutzer: str | None = None
    maklerextranet: bool | None = None
    produktfreischaltungen: list[str] = field(default_factory=list)
    kunden: list[str] = field(default_factory=list)


@dataclass
class Stand:
    cloud: CloudStand | None = None
    concenter: ConcenterStand | None = None
    ams: AmsStand | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Stand:
        return cls(CloudStand(**data["cloud"]) if data.get("cloud") else None,
                   ConcenterStand(**data["concenter"]) if data.get("concenter") else None,
                   AmsStand(**data["ams"]) if data.get("ams") else None)


def lesen(s: Systems, systeme: frozenset[str]) -> Stand:
    """The Stand of ``systeme`` (those a scenario writes to without a reset)."""
    return Stand(cloud_lesen(s) if "cloud" in systeme else None,
                 concenter_lesen(s) if "concenter" in systeme else None,
                 ams_lesen(s) if "ams" in systeme else None)


def cloud_lesen(s: Systems) -> CloudStand:
    b = s.cloud.bestand(s.world.bestand)
    return CloudStand(
        features=sorted(b.get("features", [])), benutzer=dict(b.get("benutzer", {})),
        concenter=list(b.get("concenter", [])),
        tokens={t["id"]: {k: t.get(k) for k in ("name", "zweck", "concenter_benutzer", "widerrufen")}
                for t in b.get("tokens", [])},
        kunden={k["kundennummer"]: fingerabdruck(k) for k in b.get("kunden", [])},
        freischaltungen={f["id"]: {k: v for k, v in f.items() if k != "id"} for f in b.get("freischaltungen", [])},
        mitarbeiterzugriff=list(b.get("mitarbeiterzugriff", [])))


def concenter_lesen(s: Systems) -> ConcenterStand:
    w = s.world
    werte = s.concenter.produktgeber_einstellungen(w.concenter_benutzer, PRODUKTGEBER)
    gezeigt = werte.get("maskiert")
    masken: dict[str, Any] = gezeigt if isinstance(gezeigt, dict) else {}
    produkte = None
    if w.concenter_passwort is not None:
        try:
            produkte = sorted(s.concenter.produktfreischaltungen(w.concenter_benutzer, w.concenter_passwort))
        except RemoteError:
            produkte = None
    return ConcenterStand({f: (str(masken.get(f) or "•") if werte.get(f) else "") for f in FELDER}, produkte)


def ams_lesen(s: Systems) -> AmsStand:
    b = s.ams.benutzer(s.world.ams_benutzer)
    konto: dict[str, Any] = (b.get("cloud_konten") or [{}])[0] or {}
    return AmsStand(str(b.get("haupt_email", "")), konto.get("cloud_benutzer"), konto.get("maklerextranet"),
                    list(b.get("produktfreischaltungen", [])), sorted(k.kundennummer for k in s.ams.kunden()))


def fingerabdruck(daten: dict[str, Any]) -> str:
    """Compares a customer's data without keeping it."""
    return hashlib.sha256(json.dumps(daten, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
