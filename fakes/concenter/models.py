"""con:center: users, products, Produktgeber settings, Produktfreischaltungen; the launch is in
``absprung`` (mixed in). State and rules only, no HTTP."""

from __future__ import annotations

from collections import deque
from typing import Callable

from fakes import demo
from fakes.common.errors import FELD_BEREICH, Kind, rule
from fakes.common.geheim import gleich

from .absprung import ANMELDUNG, Absprung
from .daten import KATALOG, PRODUKTGEBER, PROTOKOLL_MAX, Benutzer, Protokolleintrag, Start

S = "concenter"
SEITEN_MAX = 100_000

BENUTZER_UNBEKANNT = rule(S, "CC_BENUTZER_UNBEKANNT", "Den con:center Benutzer „{name}“ gibt es nicht.",
                          Kind.NOT_FOUND)
PRODUKTGEBER_UNBEKANNT = rule(S, "CC_PRODUKTGEBER_UNBEKANNT", "Den Produktgeber „{name}“ gibt es im con:center nicht.",
                              Kind.NOT_FOUND, guide=("G14",))
RECHT_UNBEKANNT = rule(S, "CC_RECHT_UNBEKANNT", "Die Produktberechtigung „{name}“ gibt es nicht.")


class Concenter(Absprung):
    system = S

    def __init__(self, protokoll_max: int = PROTOKOLL_MAX) -> None:
        self.protokoll_max = protokoll_max
        super().__init__()

    def reset(self) -> None:
        self.benutzer: dict[str, Benutzer] = {}
        self.starts: dict[str, Start] = {}
        self.protokoll: deque[Protokolleintrag] = deque(maxlen=self.protokoll_max)
        self.protokoll_zaehler = 0

    def _neuer_eintrag(self, s: Start) -> Protokolleintrag:
        """A new launch-log entry; the log keeps the newest ``protokoll_max`` (retention)."""
        self.protokoll_zaehler += 1
        e = Protokolleintrag(self.protokoll_zaehler, self.clock.now().strftime("%Y-%m-%d %H:%M:%S"),
                             s.benutzer, s.produkt, s.kunde)
        self.protokoll.append(e)
        return e

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": self._ausgangslage}

    def anmelden(self, name: str, passwort: str) -> Benutzer:
        b = self.benutzer.get(name)
        if b is None or not gleich(b.passwort, passwort):
            raise ANMELDUNG.refuse(name=name)
        return b

    def _benutzer(self, name: str) -> Benutzer:
        if name not in self.benutzer:
            raise BENUTZER_UNBEKANNT.refuse(name=name)
        return self.benutzer[name]

    def benutzer_anlegen(self, name: str, passwort: str, rechte: list[str]) -> Benutzer:
        for r in rechte:
            self._recht_pruefen(r)
        self.benutzer[name] = Benutzer(name, passwort, set(rechte))
        return self.benutzer[name]

    @staticmethod
    def _recht_pruefen(recht: str) -> None:
        if recht not in {p["recht"] for p in KATALOG}:
            raise RECHT_UNBEKANNT.refuse(name=recht)

    def produkt_freischalten(self, name: str, recht: str, aktiv: bool = True) -> set[str]:
        """What assfinet support does when a user gets (or loses) the product Thinksurance."""
        self._recht_pruefen(recht)
        b = self._benutzer(name)
        (b.rechte.add if aktiv else b.rechte.discard)(recht)
        return b.rechte

    def produktfreischaltungen(self, name: str, passwort: str) -> list[str]:
        """The product list ams.5 refreshes: only products whose right the user holds (G05)."""
        b = self.anmelden(name, passwort)
        return [p["name"] for p in KATALOG if p["recht"] in b.rechte]

    def produktgeber_einstellungen_speichern(self, name: str, produktgeber: str,
                                             werte: dict[str, str]) -> dict[str, str]:
        """Replaces all values; a field not given is emptied."""
        leer = {f: "" for f in PRODUKTGEBER.get(produktgeber, ())}
        return self.produktgeber_einstellungen_aendern(name, produktgeber, {**leer, **werte})

    def produktgeber_einstellungen_aendern(self, name: str, produktgeber: str,
                                           werte: dict[str, str]) -> dict[str, str]:
        """Changes only the fields given; the others keep their stored value."""
        alt = self.produktgeber_einstellungen(name, produktgeber)
        self._benutzer(name).produktgeber[produktgeber] = {
            f: (werte[f] or "").strip() if f in werte else alt[f] for f in PRODUKTGEBER[produktgeber]}
        return self._benutzer(name).produktgeber[produktgeber]

    def produktgeber_einstellungen(self, name: str, produktgeber: str) -> dict[str, str]:
        b = self._benutzer(name)
        if produktgeber not in PRODUKTGEBER:
            raise PRODUKTGEBER_UNBEKANNT.refuse(name=produktgeber)
        return b.produktgeber.get(produktgeber, {f: "" for f in PRODUKTGEBER[produktgeber]})

    def protokoll_lesen(self, seite: int = 1, pro_seite: int = PROTOKOLL_MAX) -> tuple[list[Protokolleintrag], int]:
        """One page of the launch log, newest first, and how many entries it keeps in all."""
        if not (1 <= seite <= SEITEN_MAX):
            raise FELD_BEREICH.refuse(feld="seite", min=1, max=SEITEN_MAX)
        if not (1 <= pro_seite <= PROTOKOLL_MAX):
            raise FELD_BEREICH.refuse(feld="pro_seite", min=1, max=PROTOKOLL_MAX)
        neueste = list(reversed(self.protokoll))
        return neueste[(seite - 1) * pro_seite:seite * pro_seite], len(neueste)

    def _ausgangslage(self) -> None:
        self.benutzer_anlegen(demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT, ["Thinksurance", "Tarifrechner"])
        self.benutzer_anlegen(demo.CONCENTER_KOLLEGE, demo.CONCENTER_KOLLEGE_PASSWORT, ["Tarifrechner"])
