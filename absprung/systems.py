"""The four systems of one target, as clients: what steps and tools talk to."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from fakes import demo

from .clients import AmsClient, CloudClient, ConcenterClient, ControlClient, ThinksuranceClient
from .clients.base import Recorder
from .targets import NAMES, Target, World


@dataclass
class Systems:
    target: Target
    cloud: CloudClient
    concenter: ConcenterClient
    ams: AmsClient
    thinksurance: ThinksuranceClient
    _control: dict[str, ControlClient] = field(default_factory=dict, repr=False)
    _parallel: ThreadPoolExecutor = field(default_factory=lambda: ThreadPoolExecutor(max_workers=4), repr=False)

    @property
    def world(self) -> World:
        return self.target.world

    @classmethod
    def connect(cls, target: Target, record: Recorder | None = None) -> Systems:
        u = target.urls
        return cls(target, CloudClient(base_url=u["cloud"], record=record),
                   ConcenterClient(base_url=u["concenter"], record=record),
                   AmsClient(base_url=u["ams"], record=record),
                   ThinksuranceClient(base_url=u["thinksurance"], record=record))

    def system_of(self, url: str) -> str | None:
        """The name of the system a URL belongs to (for recording browser requests)."""
        return next((NAMES[s] for s, base in self.target.urls.items() if url.startswith(base)), None)

    def control(self, system: str) -> ControlClient:
        if system not in self._control:
            self._control[system] = ControlClient(base_url=self.target.urls[system])
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

    def close(self) -> None:
        for c in (self.cloud, self.concenter, self.ams, self.thinksurance, *self._control.values()):
            c.close()
        self._parallel.shutdown()
