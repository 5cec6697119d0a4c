"""How the fakes of a landscape are run: the options of ``python -m fakes`` and of the test session.

One ``Options`` goes to every fake's app factory (``create(options, urls)``, named in
``basis.systeme``); each takes what concerns it. A child process gets it as JSON on stdin.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from basis import demo
from basis.systeme import NAMEN


@dataclass(frozen=True)
class Options:
    host: str = "127.0.0.1"
    ports: dict[str, int] = field(default_factory=dict)  # 0 / missing = free port
    control_on: bool = True
    seed: str | None = "ausgangslage"
    switch_gueltigkeit: int | None = None  # seconds a Thinksurance switch URL lives; None = the fake's default
    serve: frozenset[str] = frozenset(NAMEN)  # the systems faked here
    neighbours: dict[str, str] = field(default_factory=dict)  # base URL of every system not served
    # con:center's partner credentials for Thinksurance (a real one needs real ones)
    thinksurance_hash: str = demo.TS_HASH
    thinksurance_secret: str = demo.TS_SECRET
    protokoll_max: int | None = None  # launch-log entries con:center keeps; None = the fake's default
    prozesse: bool = False  # each fake in a process of its own (its own GIL)
    plaetze: tuple[str, ...] = ()  # the kennungen of the training seats (``fakes.common.plaetze``)
    passwort: str | None = None  # the trainer password: control, support and seats' administration need it

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        return {**data, "serve": sorted(self.serve), "plaetze": list(self.plaetze)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Options:
        return cls(**{**data, "serve": frozenset(data.get("serve", NAMEN)), "plaetze": tuple(data.get("plaetze", ()))})
