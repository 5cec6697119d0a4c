"""ams.5 (simulated; the real one is a Windows desktop program).

Users with Haupt-E-Mail, con:center login and cloud Konten; the local customer database; the
Kundenmaske and DigiPro with the cached Produktfreischaltungen. con:center and the cloud are
reached through the ``ConcenterPort`` and ``CloudPort``, so no HTTP lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from basis import demo
from fakes.common.bounded import platz
from fakes.common.errors import Kind, NeighbourError, rule
from fakes.common.sessions import Sessions
from fakes.common.state import FakeState, sperrt_selbst

S = "ams"
KUNDEN_MAX = 10_000  # customers of the office (assumption A21)

BENUTZER_UNBEKANNT = rule(S, "AMS_BENUTZER_UNBEKANNT", "Den ams Benutzer „{kuerzel}“ gibt es nicht.",
                           Kind.NOT_FOUND)
KUNDE_UNBEKANNT = rule(S, "AMS_KUNDE_UNBEKANNT", "Den Kunden „{kunde}“ gibt es in ams.5 nicht.",
                        Kind.NOT_FOUND)
KEIN_CLOUD_KONTO = rule(S, "AMS_KEIN_CLOUD_KONTO",
                         "Beim ams Benutzer „{kuerzel}“ ist kein cloud Konto eingerichtet.")
EMAIL_UNGUELTIG = rule(S, "AMS_EMAIL_UNGUELTIG", "„{email}“ ist keine gültige E-Mail-Adresse.")
PRODUKT_NICHT_IN_DIGIPRO = rule(
    S, "AMS_PRODUKT_NICHT_IN_DIGIPRO",
    "Das Produkt „{produkt}“ steht unter DigiPro nicht zur Verfügung. Ist es im con:center "
    "freigeschaltet und wurden die Produktfreischaltungen aktualisiert?", Kind.NOT_FOUND,
    source="annahme", guide=("G05", "G17"))
KUNDE_DOPPELT = rule(S, "AMS_KUNDE_DOPPELT", "Die Kundennummer „{kunde}“ ist in ams.5 schon vergeben.", Kind.CONFLICT)
CONCENTER_FEHLER = rule(S, "AMS_CONCENTER_FEHLER", "con:center meldet: {grund}", Kind.FORBIDDEN)
CLOUD_FEHLER = rule(S, "AMS_CLOUD_FEHLER", "Die assfinet cloud meldet: {grund}", Kind.FORBIDDEN)


class ConcenterPort(Protocol):
    """con:center as ams.5 sees it; refusals arrive as NeighbourError."""

    def produktfreischaltungen(self, benutzer: str, passwort: str) -> list[str]: ...
    def start_anlegen(self, **daten: Any) -> str: ...


class CloudPort(Protocol):
    """The assfinet cloud as ams.5 sees it (replication); refusals arrive as NeighbourError."""

    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> None: ...


@dataclass
class CloudKonto:
    bestand: str
    cloud_benutzer: str  # the cloud user name is an e-mail address
    maklerextranet: bool = False


@dataclass
class Benutzer:
    kuerzel: str
    name: str
    haupt_email: str
    concenter_benutzer: str
    concenter_passwort: str
    cloud_konten: list[CloudKonto] = field(default_factory=list)
    produktfreischaltungen: list[str] = field(default_factory=list)  # cached until refreshed


@dataclass
class Kunde:
    kundennummer: str
    vermittler: str
    repliziert: bool
    daten: dict[str, Any]


class Ams(FakeState):
    system = S

    def reset(self) -> None:
        self.benutzer: dict[str, Benutzer] = {}
        self.kunden: dict[str, Kunde] = {}
        self.sitzungen = Sessions(self.clock)  # of the pages: a reset ends every login

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": self._ausgangslage}

    def benutzer_lesen(self, kuerzel: str) -> Benutzer:
        if kuerzel not in self.benutzer:
            raise BENUTZER_UNBEKANNT.refuse(kuerzel=kuerzel)
        return self.benutzer[kuerzel]

    def _konto(self, kuerzel: str) -> CloudKonto:
        b = self.benutzer_lesen(kuerzel)
        if not b.cloud_konten:
            raise KEIN_CLOUD_KONTO.refuse(kuerzel=kuerzel)
        return b.cloud_konten[0]

    # --- Organisation → Benutzer --------------------------------------------------------------

    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> CloudKonto:
        """cloud Konten: checkbox "Maklerextranet aktivieren" (G16)."""
        konto = self._konto(kuerzel)
        konto.maklerextranet = aktiv
        return konto

    def cloud_konto_aendern(self, kuerzel: str, *, maklerextranet: bool | None = None,
                            cloud_benutzer: str | None = None) -> Benutzer:
        """The cloud Konten form: a new cloud user name and/or the Maklerextranet checkbox."""
        if cloud_benutzer is not None:
            self.cloud_benutzername_aendern(kuerzel, cloud_benutzer)
        if maklerextranet is not None:
            self.maklerextranet_setzen(kuerzel, maklerextranet)
        return self.benutzer_lesen(kuerzel)

    def cloud_benutzername_aendern(self, kuerzel: str, cloud_benutzer: str) -> CloudKonto:
        _email_pruefen(cloud_benutzer)
        konto = self._konto(kuerzel)
        konto.cloud_benutzer = cloud_benutzer
        return konto

    def haupt_email_aendern(self, kuerzel: str, email: str) -> Benutzer:
        _email_pruefen(email)
        b = self.benutzer_lesen(kuerzel)
        b.haupt_email = email
        return b

    @sperrt_selbst
    def produktfreischaltungen_aktualisieren(self, kuerzel: str, cc: ConcenterPort) -> list[str]:
        """Refresh the cached product list from con:center (G17)."""
        with self.lock:
            b = self.benutzer_lesen(kuerzel)
            benutzer, passwort = b.concenter_benutzer, b.concenter_passwort
        try:
            produkte = cc.produktfreischaltungen(benutzer, passwort)
        except NeighbourError as f:
            raise CONCENTER_FEHLER.refuse(grund=f.message) from None
        with self.lock:
            b.produktfreischaltungen = list(produkte)
            return list(b.produktfreischaltungen)

    # --- Kundenmaske and DigiPro --------------------------------------------------------------

    def kundenmaske(self, kuerzel: str, kundennummer: str) -> Kunde:
        self.benutzer_lesen(kuerzel)
        if kundennummer not in self.kunden:
            raise KUNDE_UNBEKANNT.refuse(kunde=kundennummer)
        return self.kunden[kundennummer]

    def digipro(self, kuerzel: str, kundennummer: str) -> list[str]:
        """DigiPro lists the *cached* Produktfreischaltungen, not con:center's current ones."""
        self.kundenmaske(kuerzel, kundennummer)
        return list(self.benutzer[kuerzel].produktfreischaltungen)

    @sperrt_selbst
    def produkt_waehlen(self, kuerzel: str, kundennummer: str, produkt: str,
                        cc: ConcenterPort) -> str:
        """Hand the launch to con:center; returns the URL the browser opens next."""
        with self.lock:
            if produkt not in self.digipro(kuerzel, kundennummer):
                raise PRODUKT_NICHT_IN_DIGIPRO.refuse(produkt=produkt)
            b = self.benutzer[kuerzel]
            # Assumption: only with "Maklerextranet aktivieren" does ams send the cloud identity.
            konto = next((k for k in b.cloud_konten if k.maklerextranet), None)
            daten = {"benutzer": b.concenter_benutzer, "passwort": b.concenter_passwort,
                     "produkt": produkt, "kunde": kundennummer, "email": b.haupt_email}
            if konto is not None:
                daten["cloud_benutzer"] = konto.cloud_benutzer
        try:
            return cc.start_anlegen(**daten)
        except NeighbourError as f:
            raise CONCENTER_FEHLER.refuse(grund=f.message) from None

    @sperrt_selbst
    def kunde_replizieren(self, kuerzel: str, kundennummer: str, cloud: CloudPort) -> Kunde:
        """Copy one customer into the Bestand of the user's cloud Konto (the prefill's source)."""
        with self.lock:
            bestand = self._konto(kuerzel).bestand
            kunde = self.kundenmaske(kuerzel, kundennummer)
            daten = {"vermittler": kunde.vermittler, **kunde.daten}
        try:
            cloud.kunde_replizieren(bestand, kundennummer, daten)
        except NeighbourError as f:
            raise CLOUD_FEHLER.refuse(grund=f.message) from None
        with self.lock:
            kunde.repliziert = True
            return kunde

    # --- Bestand: customers ----------------------------------------------------------------

    def kunde_anlegen(self, kundennummer: str, vermittler: str, daten: dict[str, Any]) -> Kunde:
        """A new customer of the office; the cloud knows him only once he is replicated."""
        if kundennummer in self.kunden:
            raise KUNDE_DOPPELT.refuse(kunde=kundennummer)
        platz(len(self.kunden), KUNDEN_MAX, "Kunden")
        self.kunden[kundennummer] = Kunde(kundennummer, vermittler, False, dict(daten))
        return self.kunden[kundennummer]

    def kunden_auflisten(self) -> list[Kunde]:
        return list(self.kunden.values())

    def kunde_loeschen(self, kundennummer: str) -> None:
        if kundennummer not in self.kunden:
            raise KUNDE_UNBEKANNT.refuse(kunde=kundennummer)
        del self.kunden[kundennummer]

    # --- seed -----------------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        self.benutzer[demo.AMS_KUERZEL] = Benutzer(
            demo.AMS_KUERZEL, demo.MITARBEITER_NAME, demo.MITARBEITER_EMAIL,
            demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT,
            [CloudKonto(demo.BESTAND, demo.MITARBEITER_EMAIL)])
        self.benutzer[demo.AMS_KOLLEGE_KUERZEL] = Benutzer(
            demo.AMS_KOLLEGE_KUERZEL, "Jonas Weber", demo.KOLLEGE_EMAIL,
            demo.CONCENTER_KOLLEGE, demo.CONCENTER_KOLLEGE_PASSWORT,
            [CloudKonto(demo.BESTAND, demo.KOLLEGE_EMAIL)])
        for k in demo.KUNDEN:
            daten = {f: v for f, v in k.items() if f not in ("kundennummer", "vermittler", "repliziert")}
            self.kunden[k["kundennummer"]] = Kunde(k["kundennummer"], k["vermittler"], k["repliziert"], daten)


def _email_pruefen(email: str) -> None:
    if "@" not in email or any(z.isspace() for z in email) or ";" in email:
        raise EMAIL_UNGUELTIG.refuse(email=email)
