"""The systems of one target, as clients: what steps and tools talk to.

The clients come from the table of systems (``basis.systeme``); a system without a client of its own
gets the generic one. The four of the guide are also attributes, typed, because steps call them by name.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, TypeVar

from basis import demo
from basis.secret import Secret
from basis.systeme import SYSTEME, TITEL, objekt
from basis.ziel import Target, World

from .clients import AmsClient, CloudClient, ConcenterClient, ControlClient, ThinksuranceClient
from .clients.base import Client, Recorder

C = TypeVar("C", bound=Client)


@dataclass
class Systems:
    target: Target
    clients: dict[str, Client]
    _control: dict[str, ControlClient] = field(default_factory=dict, repr=False)
    _parallel: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=4), repr=False)
    # Customers a scenario created for itself (firm -> number): they stand in for the world's of that name.
    eigene_kunden: dict[str, str] = field(default_factory=dict)
    # What the running scenario created (kind, key), as the clients report it; told on to ``_bei_anlage``.
    angelegt: list[tuple[str, str]] = field(default_factory=list)
    _bei_anlage: Callable[[str, str], None] | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        for c in self.clients.values():
            c.angelegt = self.gemeldet

    def szenario_beginnt(self, bei_anlage: Callable[[str, str], None] | None = None) -> None:
        """Forget what the last scenario created; tell ``bei_anlage`` of what this one creates."""
        self.angelegt.clear()
        self.eigene_kunden.clear()
        self._bei_anlage = bei_anlage

    def gemeldet(self, art: str, schluessel: str) -> None:
        """An object the scenario created (a client's answer said so, or a screen showed one more)."""
        if (art, schluessel) not in self.angelegt:
            self.angelegt.append((art, schluessel))
            if self._bei_anlage is not None:
                self._bei_anlage(art, schluessel)

    def angelegte(self, art: str) -> list[str]:
        return [k for a, k in self.angelegt if a == art]

    @property
    def world(self) -> World:
        return self.target.world

    @classmethod
    def connect(cls, target: Target, record: Recorder | None = None) -> Systems:
        return cls(target, {s.name: client(s.name, target.urls[s.name], record,
                                           steuerung_passwort=target.steuerung_passwort) for s in SYSTEME})

    def _typed(self, name: str, typ: type[C]) -> C:
        c = self.clients[name]
        assert isinstance(c, typ), f"{name}: {type(c).__name__}"
        return c

    @property
    def cloud(self) -> CloudClient:
        return self._typed("cloud", CloudClient)

    @property
    def concenter(self) -> ConcenterClient:
        return self._typed("concenter", ConcenterClient)

    @property
    def ams(self) -> AmsClient:
        return self._typed("ams", AmsClient)

    @property
    def thinksurance(self) -> ThinksuranceClient:
        return self._typed("thinksurance", ThinksuranceClient)

    def kundennummer(self, firma: str) -> str:
        """The number of the customer ``firma``: one the scenario created for itself, else the world's."""
        return self.eigene_kunden.get(firma) or self.world.kundennummer(firma)

    def system_of(self, url: str) -> str | None:
        """The name of the system a URL belongs to (for recording browser requests)."""
        return next((TITEL[s] for s, base in self.target.urls.items() if url.startswith(base)), None)

    def control(self, system: str) -> ControlClient:
        if system not in self._control:
            self._control[system] = ControlClient(base_url=self.target.urls[system],
                                                  steuerung_passwort=self.target.steuerung_passwort)
        return self._control[system]

    def reset(self, seed: str = "ausgangslage") -> None:
        """Every scenario starts from the known seed (only where the target has a control API).

        The systems are reset side by side: this runs before every scenario."""
        running = [self._parallel.submit(self.control(s).reset, seed) for s in sorted(self.target.controllable)]
        for result in running:
            result.result()
        self._adopt_haupt_email()

    def _adopt_haupt_email(self) -> None:
        """Embedded fakes take the world's Haupt-E-Mail (e.g. the e-mail of a real b-Token), so a
        mixed landscape fits together; the demo office needs nothing."""
        w, embedded = self.world, self.target.embedded
        if w.haupt_email == demo.MITARBEITER_EMAIL:
            return
        if "ams" in embedded:
            self.ams.haupt_email_aendern(w.ams_benutzer, w.haupt_email)
            self.ams.cloud_benutzername_aendern(w.ams_benutzer, w.haupt_email)
        if "cloud" in embedded:
            self.cloud.benutzer_anlegen(w.bestand, w.haupt_email, "Benutzer")
        if "thinksurance" in embedded:
            self.thinksurance.support_neu_zuordnen(w.geheimnis("btoken"), w.haupt_email, w.haupt_email,
                                                   hash=w.geheimnis("thinksurance_hash"),
                                                   secret=w.geheimnis("thinksurance_secret"))

    def __enter__(self) -> Systems:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        for c in (*self.clients.values(), *self._control.values()):
            c.close()
        self._parallel.shutdown()


def client(system: str, url: str, record: Recorder | None = None, timeout: float = 10.0, *,
           steuerung_passwort: Secret | None = None) -> Client:
    """The client of a system, as its row in the table names it (else the generic one)."""
    zeile = next(s for s in SYSTEME if s.name == system)
    if zeile.client:
        klasse: type[Client] = objekt(zeile.client)
        return klasse(base_url=url, record=record, timeout=timeout, steuerung_passwort=steuerung_passwort)
    return Client(base_url=url, record=record, timeout=timeout, system=zeile.titel,
                  steuerung_passwort=steuerung_passwort)
