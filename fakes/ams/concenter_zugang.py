"""ams.5's way to con:center over HTTP (the project's own client, imported on first use)."""

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
        return self._rufen(lambda: self._cc().produktfreischaltungen(benutzer, passwort))

    def start_anlegen(self, **daten: Any) -> str:
        return self._rufen(lambda: self._cc().start_anlegen(**daten))

    @staticmethod
    def _rufen(aufruf: Any) -> Any:
        from absprung.clients import SystemFehler

        try:
            return aufruf()
        except SystemFehler as f:
            raise ConcenterFehler(f.meldung) from None
