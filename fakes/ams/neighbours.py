"""ams.5's ways to con:center and the assfinet cloud over HTTP, through the fakes' own transport.
Refusals reach the model as ``NeighbourError`` with the neighbour's code and message."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from basis.systeme import TITEL
from fakes.common.errors import NeighbourError
from fakes.common.transport import Transport


class HttpConcenter:
    def __init__(self, concenter_url: str) -> None:
        self._cc = Transport(concenter_url, TITEL["concenter"])

    def produktfreischaltungen(self, benutzer: str, passwort: str) -> list[str]:
        antwort = self._cc.call("POST", "/api/produktfreischaltungen",
                                json={"benutzer": benutzer, "passwort": passwort})
        produkte = antwort.get("produkte") if isinstance(antwort, dict) else None
        if not isinstance(produkte, list):
            raise NeighbourError("ANTWORT_UNERWARTET", f"{TITEL['concenter']} nennt keine Produktliste.")
        return [str(p) for p in produkte]

    def start_anlegen(self, **daten: Any) -> str:
        antwort = self._cc.call("POST", "/api/starts", json=daten)
        url = antwort.get("url") if isinstance(antwort, dict) else None
        if not isinstance(url, str):
            raise NeighbourError("ANTWORT_UNERWARTET", f"{TITEL['concenter']} nennt keinen Absprung-Link.")
        return url


class HttpCloud:
    """Replication into the cloud; without a configured cloud URL it refuses in German."""

    def __init__(self, cloud_url: str | None) -> None:
        self._cloud = Transport(cloud_url, TITEL["cloud"]) if cloud_url else None

    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> None:
        if self._cloud is None:
            raise NeighbourError("AMS_OHNE_CLOUD", "Für dieses ams.5 ist keine assfinet cloud eingerichtet.")
        self._cloud.call("PUT", f"/api/bestaende/{quote(bestand, safe='')}/kunden/{quote(kundennummer, safe='')}",
                         json=daten)
