"""Control API of the fakes (reset, seed, clock, state dump); absent on real systems."""

from __future__ import annotations

from typing import Any

from .base import Client


class ControlClient(Client):
    system = "Steuerung"

    def reset(self, seed: str | None = "ausgangslage") -> None:
        self.json("POST", "/_steuerung/zuruecksetzen", json_body={"datenstand": seed} if seed else {})

    def advance_clock(self, seconds: int) -> None:
        self.json("POST", "/_steuerung/uhr", json_body={"sekunden": seconds})

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.json("GET", "/_steuerung/zustand")
        return result
