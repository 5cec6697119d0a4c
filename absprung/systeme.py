"""The four systems of one target, as clients: what steps and tools talk to."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from .clients import AmsClient, CloudClient, ConcenterClient, SteuerungClient, ThinksuranceClient
from .clients.basis import Aufzeichnung
from .targets import Welt, Ziel


@dataclass
class Systeme:
    ziel: Ziel
    cloud: CloudClient
    concenter: ConcenterClient
    ams: AmsClient
    thinksurance: ThinksuranceClient
    _steuerung: dict[str, SteuerungClient] = field(default_factory=dict, repr=False)
    _parallel: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=4), repr=False)

    @property
    def welt(self) -> Welt:
        return self.ziel.welt

    @classmethod
    def verbinden(cls, ziel: Ziel, aufzeichnen: Aufzeichnung | None = None) -> "Systeme":
        u = ziel.urls
        return cls(ziel, CloudClient(basis_url=u["cloud"], aufzeichnen=aufzeichnen),
                   ConcenterClient(basis_url=u["concenter"], aufzeichnen=aufzeichnen),
                   AmsClient(basis_url=u["ams"], aufzeichnen=aufzeichnen),
                   ThinksuranceClient(basis_url=u["thinksurance"], aufzeichnen=aufzeichnen))

    def steuerung(self, system: str) -> SteuerungClient:
        if system not in self._steuerung:
            self._steuerung[system] = SteuerungClient(basis_url=self.ziel.urls[system])
        return self._steuerung[system]

    def zuruecksetzen(self, datenstand: str = "ausgangslage") -> None:
        """Every scenario starts from the known seed (only where the target has a control API).

        The systems are reset side by side: this runs before every scenario."""
        laufend = [self._parallel.submit(self.steuerung(s).zuruecksetzen, datenstand)
                   for s in sorted(self.ziel.steuerbar)]
        for ergebnis in laufend:
            ergebnis.result()

    def schliessen(self) -> None:
        for c in (self.cloud, self.concenter, self.ams, self.thinksurance, *self._steuerung.values()):
            c.schliessen()
        self._parallel.shutdown()
