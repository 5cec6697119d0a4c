"""ams.5's ways to con:center and the assfinet cloud over HTTP (the project's own clients,
imported on first use). Refusals arrive in the model as ``ConcenterFehler`` with the message."""

from __future__ import annotations

from typing import Any

from .models import ConcenterFehler


class HttpConcenter:
    def __init__(self, concenter_url: str) -> None:
        self._url = concenter_url
        self._client: Any = None

    def _cc(self) -> Any:
        if self._client is None:
            from absprung.clients import ConcenterClient

            self._client = ConcenterClient(basis_url=self._url)
        return self._client

    def produktfreischaltungen(self, benutzer: str, passwort: str) -> list[str]:
        return _rufen(lambda: self._cc().produktfreischaltungen(benutzer, passwort))

    def start_anlegen(self, **daten: Any) -> str:
        return _rufen(lambda: self._cc().start_anlegen(**daten))


class HttpCloud:
    """Replication into the cloud; without a configured cloud URL it refuses in German."""

    def __init__(self, cloud_url: str | None) -> None:
        self._url = cloud_url
        self._client: Any = None

    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> None:
        if not self._url:
            raise ConcenterFehler("Für dieses ams.5 ist keine assfinet cloud eingerichtet.")
        if self._client is None:
            from absprung.clients import CloudClient

            self._client = CloudClient(basis_url=self._url)
        _rufen(lambda: self._client.kunde_replizieren(bestand, kundennummer, daten))


def _rufen(aufruf: Any) -> Any:
    """Run a client call; a neighbour's refusal reaches the model as ``ConcenterFehler``."""
    from absprung.clients import SystemFehler

    try:
        return aufruf()
    except SystemFehler as f:
        raise ConcenterFehler(f.meldung) from None
