"""con:center's neighbours over HTTP: the cloud (TaaData) and Thinksurance (partner API V1.1).

Uses the project's own clients; all addresses come from configuration, so a mixed target (e.g.
a real Thinksurance test system with the other systems faked) only changes URLs.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from fakes.common.errors import NeighbourError
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


TOKEN_WIEDERVERWENDEN_S = 600


class HttpNeighbours:
    interfaces = {"taa": "assfinet cloud GET /api/taa/kunden/{kunde}",
                  "token": "Thinksurance V1.1 POST /api/ipn/tokens",
                  "forward": "Thinksurance V1.1 POST /api/ipn/brokers/forward"}

    def __init__(self, access: PartnerAccess) -> None:
        self._access = access
        self._clients: tuple[CloudClient, ThinksuranceClient] | None = None
        self._token: tuple[str, float] | None = None  # security token and until when to reuse it
        self._sperre = threading.Lock()

    def _connected(self) -> tuple[CloudClient, ThinksuranceClient]:
        """The HTTP clients, built on first use so start-up does not import httpx."""
        if self._clients is None:
            from absprung.clients import CloudClient, ThinksuranceClient

            self._clients = (CloudClient(base_url=self._access.cloud_url, leicht=True),
                             ThinksuranceClient(base_url=self._access.thinksurance_url, leicht=True))
        return self._clients

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> dict[str, Any]:
        return call_neighbour(lambda: self._connected()[0].taa_daten_lesen(access_token, kunde, cloud_benutzer))

    def thinksurance_token(self) -> str:
        """The security token (valid 15 minutes) is reused for 10 minutes, as a partner does."""
        with self._sperre:
            if self._token is not None and self._token[1] > time.monotonic():
                return self._token[0]
        token = call_neighbour(lambda: self._connected()[1].token(self._access.hash, self._access.secret)).reveal()
        with self._sperre:
            self._token = (token, time.monotonic() + TOKEN_WIEDERVERWENDEN_S)
        return token

    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str:
        try:
            return call_neighbour(lambda: self._connected()[1].broker_forward(token, btoken, daten))
        except NeighbourError as f:
            if f.code != "TS_TOKEN_UNGUELTIG":
                raise
        with self._sperre:  # Thinksurance forgot the token (e.g. restarted): once with a new one
            self._token = None
        neu = self.thinksurance_token()
        return call_neighbour(lambda: self._connected()[1].broker_forward(neu, btoken, daten))

