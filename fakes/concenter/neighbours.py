"""con:center's neighbours over HTTP: the cloud (TaaData) and Thinksurance (partner API V1.1).

Uses the project's own clients; all addresses come from configuration, so a mixed target (e.g.
a real Thinksurance test system with the other systems faked) only changes URLs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fakes.common.neighbours import call_neighbour

if TYPE_CHECKING:
    from absprung.clients import CloudClient, ThinksuranceClient


@dataclass(frozen=True)
class PartnerAccess:
    """con:center-wide Thinksurance partner credentials (hash/secret) and the neighbours' addresses."""

    cloud_url: str
    thinksurance_url: str
    hash: str
    secret: str


class HttpNeighbours:
    interfaces = {"taa": "assfinet cloud GET /api/taa/kunden/{kunde}",
                  "token": "Thinksurance V1.1 POST /api/ipn/tokens",
                  "forward": "Thinksurance V1.1 POST /api/ipn/brokers/forward"}

    def __init__(self, access: PartnerAccess) -> None:
        self._access = access
        self._clients: tuple[CloudClient, ThinksuranceClient] | None = None

    def _connected(self) -> tuple[CloudClient, ThinksuranceClient]:
        """The HTTP clients, built on first use so start-up does not import httpx."""
        if self._clients is None:
            from absprung.clients import CloudClient, ThinksuranceClient

            self._clients = (CloudClient(base_url=self._access.cloud_url),
                             ThinksuranceClient(base_url=self._access.thinksurance_url))
        return self._clients

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> dict[str, Any]:
        return call_neighbour(lambda: self._connected()[0].taa_daten_lesen(access_token, kunde, cloud_benutzer))

    def thinksurance_token(self) -> str:
        return call_neighbour(lambda: self._connected()[1].token(self._access.hash, self._access.secret)).reveal()

    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str:
        return call_neighbour(lambda: self._connected()[1].broker_forward(token, btoken, daten))

