"""The control API for tests (reset, load a seed, advance the clock, dump the state).

A production-like deployment switches it off (``python -m fakes --ohne-steuerung``).
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any, Callable

from .endpoints import Call, Endpoint
from .errors import SEED_UNBEKANNT, UHR_BEREICH
from .schema import Schema, integer, string
from .state import FakeState

CLOCK_MAX_YEARS = 100
CLOCK_MAX_OFFSET = timedelta(days=365 * CLOCK_MAX_YEARS)
CLOCK_MAX_SECONDS = int(CLOCK_MAX_OFFSET.total_seconds())


def control_endpoints(state: FakeState, dump: Callable[[], dict[str, Any]]) -> list[Endpoint]:
    def zuruecksetzen(call: Call) -> dict[str, Any]:
        name = call.body.get("datenstand")
        if name and name not in state.seeds():
            raise SEED_UNBEKANNT.refuse(name=name)  # before reset: a refusal keeps the state
        state.reset()
        state.clock.reset()
        if name:
            state.load(name)
        return {"ok": True}

    def laden(call: Call) -> dict[str, Any]:
        state.load(call.body["name"])
        return {"ok": True}

    def uhr(call: Call) -> dict[str, Any]:
        if abs(state.clock.offset + timedelta(seconds=call.body["sekunden"])) > CLOCK_MAX_OFFSET:
            raise UHR_BEREICH.refuse(jahre=CLOCK_MAX_YEARS)
        state.clock.advance(call.body["sekunden"])
        return {"jetzt": state.clock.now().strftime("%Y-%m-%d %H:%M:%S")}

    def zustand(call: Call) -> dict[str, Any]:
        return dump()

    return [
        Endpoint("POST", "/_steuerung/zuruecksetzen", zuruecksetzen,
                 "Zustand leeren, optional einen Datenstand laden",
                 Schema({"datenstand": string("Name des Datenstands, z. B. ausgangslage")}), tag="steuerung"),
        Endpoint("POST", "/_steuerung/laden", laden, "Datenstand laden",
                 Schema({"name": string("Name des Datenstands", required=True)}), tag="steuerung"),
        Endpoint("POST", "/_steuerung/uhr", uhr, "Uhr des Fakes vorstellen",
                 Schema({"sekunden": integer("Sekunden", required=True, minimum=-CLOCK_MAX_SECONDS,
                                             maximum=CLOCK_MAX_SECONDS)}), tag="steuerung"),
        Endpoint("GET", "/_steuerung/zustand", zustand, "Zustand ausgeben", tag="steuerung"),
    ]
