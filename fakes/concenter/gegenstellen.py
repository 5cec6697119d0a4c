"""con:center's neighbours over HTTP: the cloud (TaaData) and Thinksurance (partner API V1.1).

Uses the project's own clients; all addresses come from configuration, so a mixed target (e.g.
a real Thinksurance test system with the other systems faked) only changes URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .models import GegenstellenFehler


@dataclass(frozen=True)
class Partnerzugang:
    """con:center-wide Thinksurance partner credentials (hash/secret) and addresses."""

    cloud_url: str
    thinksurance_url: str
    hash: str
    secret: str


class HttpGegenstellen:
    schnittstellen = {"taa": "assfinet cloud GET /api/taa/kunden/{kunde}",
                      "token": "Thinksurance V1.1 POST /api/ipn/tokens",
                      "forward": "Thinksurance V1.1 POST /api/ipn/brokers/forward"}

    def __init__(self, zugang: Partnerzugang) -> None:
        from absprung.clients import CloudClient, ThinksuranceClient  # lazy: keeps start-up fast

        self._cloud = CloudClient(basis_url=zugang.cloud_url)
        self._ts = ThinksuranceClient(basis_url=zugang.thinksurance_url)
        self._zugang = zugang

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> dict[str, Any]:
        with _uebersetzt():
            return self._cloud.taa_daten_lesen(access_token, kunde, cloud_benutzer)

    def thinksurance_token(self) -> str:
        with _uebersetzt():
            return self._ts.token(self._zugang.hash, self._zugang.secret)

    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str:
        with _uebersetzt():
            return self._ts.broker_forward(token, btoken, daten)


class _uebersetzt:
    def __enter__(self) -> None:
        return None

    def __exit__(self, typ: Any, fehler: Any, tb: Any) -> bool:
        from absprung.clients import SystemFehler

        if isinstance(fehler, SystemFehler):
            raise GegenstellenFehler(fehler.code, fehler.meldung) from None
        return False
