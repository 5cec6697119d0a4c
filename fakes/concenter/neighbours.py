"""con:center's neighbours over HTTP: the cloud (TaaData) and Thinksurance (partner API V1.1),
through the fakes' own transport. All addresses come from configuration, so a mixed landscape
(e.g. a real Thinksurance test system with the other systems faked) only changes URLs.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from basis.kundenfelder import Kundendaten
from basis.systeme import TITEL
from fakes.common.errors import NeighbourError
from fakes.common.transport import Transport


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
        self._cloud = Transport(access.cloud_url, TITEL["cloud"])
        self._ts = Transport(access.thinksurance_url, TITEL["thinksurance"])
        self._token: tuple[str, float] | None = None  # security token and until when to reuse it
        self._lock = threading.Lock()

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> Kundendaten:
        antwort = self._cloud.call("GET", f"/api/taa/kunden/{quote(kunde, safe='')}",
                                   headers={"Authorization": f"Bearer {access_token}"},
                                   params={"cloud_benutzer": cloud_benutzer})
        return Kundendaten.aus_json(_objekt(antwort, TITEL["cloud"]))

    def thinksurance_token(self) -> str:
        """The security token (valid 15 minutes) is reused for 10 minutes, as a partner does."""
        with self._lock:
            if self._token is not None and self._token[1] > time.monotonic():
                return self._token[0]
        antwort = _objekt(self._ts.call("POST", "/api/ipn/tokens",
                                        json={"hash": self._access.hash, "secret": self._access.secret}),
                          TITEL["thinksurance"])
        token = antwort.get("token")
        if not isinstance(token, str):
            raise NeighbourError("ANTWORT_UNERWARTET", f"{TITEL['thinksurance']} nennt keinen Security-Token.")
        with self._lock:
            self._token = (token, time.monotonic() + TOKEN_WIEDERVERWENDEN_S)
        return token

    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str:
        try:
            return self._forward(token, btoken, daten)
        except NeighbourError as f:
            if f.code != "TS_TOKEN_UNGUELTIG":
                raise
        with self._lock:  # Thinksurance forgot the token (e.g. restarted): once with a new one
            self._token = None
        return self._forward(self.thinksurance_token(), btoken, daten)

    def _forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str:
        antwort = _objekt(self._ts.call("POST", "/api/ipn/brokers/forward", json=daten,
                                        headers={"Authorization": f"Bearer {token}", "X-Broker-Token": btoken}),
                          TITEL["thinksurance"])
        url = antwort.get("url")
        if not isinstance(url, str):
            raise NeighbourError("ANTWORT_UNERWARTET", f"{TITEL['thinksurance']} nennt keine Anmelde-Adresse.")
        return url


def _objekt(antwort: Any, name: str) -> dict[str, Any]:
    if not isinstance(antwort, dict):
        raise NeighbourError("ANTWORT_UNERWARTET", f"{name} antwortet nicht mit einem JSON-Objekt.")
    return antwort
