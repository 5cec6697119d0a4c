"""Control API of the fakes (reset, seed, clock, state dump); absent on real systems."""

from __future__ import annotations

from typing import Any

from .basis import Client


class SteuerungClient(Client):
    system = "Steuerung"

    def zuruecksetzen(self, datenstand: str | None = "ausgangslage") -> None:
        self.json("POST", "/_steuerung/zuruecksetzen",
                  json_body={"datenstand": datenstand} if datenstand else {})

    def uhr_vorstellen(self, sekunden: int) -> None:
        self.json("POST", "/_steuerung/uhr", json_body={"sekunden": sekunden})

    def zustand(self) -> dict[str, Any]:
        return self.json("GET", "/_steuerung/zustand")
