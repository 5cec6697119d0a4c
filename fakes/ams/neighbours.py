"""ams.5's ways to con:center and the assfinet cloud over HTTP (the project's own clients,
imported on first use). Refusals reach the model as ``NeighbourError`` with code and message."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from fakes.common.errors import NeighbourError
from fakes.common.neighbours import call_neighbour

if TYPE_CHECKING:
    from absprung.clients import CloudClient, ConcenterClient


class HttpConcenter:
    def __init__(self, concenter_url: str) -> None:
        self._url = concenter_url
        self._client: ConcenterClient | None = None

    def _cc(self) -> ConcenterClient:
        if self._client is None:
            from absprung.clients import ConcenterClient

            self._client = ConcenterClient(base_url=self._url, leicht=True)
        return self._client

    def produktfreischaltungen(self, benutzer: str, passwort: str) -> list[str]:
        return call_neighbour(lambda: self._cc().produktfreischaltungen(benutzer, passwort))

    def start_anlegen(self, **daten: Any) -> str:
        return call_neighbour(lambda: self._cc().start_anlegen(**daten))


class HttpCloud:
    """Replication into the cloud; without a configured cloud URL it refuses in German."""

    def __init__(self, cloud_url: str | None) -> None:
        self._url = cloud_url
        self._client: CloudClient | None = None

    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> None:
        if not self._url:
            raise NeighbourError("AMS_OHNE_CLOUD", "Für dieses ams.5 ist keine assfinet cloud eingerichtet.")
        if self._client is None:
            from absprung.clients import CloudClient

            self._client = CloudClient(base_url=self._url, leicht=True)
        client = self._client
        call_neighbour(lambda: client.kunde_replizieren(bestand, kundennummer, daten))

