"""ams.5 (simulated; the real one is a Windows desktop program).

Users with Haupt-E-Mail, con:center login and cloud Konten; the local customer database; the
Kundenmaske and DigiPro with the cached Produktfreischaltungen. con:center is reached through
the ``ConcenterZugang`` port, so no HTTP lives here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from fakes import demo
from fakes.common.errors import Art, regel
from fakes.common.web import Zustand

S = "ams"

BENUTZER_UNBEKANNT = regel(S, "AMS_BENUTZER_UNBEKANNT", "Den ams Benutzer „{kuerzel}“ gibt es nicht.",
                           Art.NICHT_GEFUNDEN)
KUNDE_UNBEKANNT = regel(S, "AMS_KUNDE_UNBEKANNT", "Den Kunden „{kunde}“ gibt es in ams.5 nicht.",
                        Art.NICHT_GEFUNDEN)
KEIN_CLOUD_KONTO = regel(S, "AMS_KEIN_CLOUD_KONTO",
                         "Beim ams Benutzer „{kuerzel}“ ist kein cloud Konto eingerichtet.")
EMAIL_UNGUELTIG = regel(S, "AMS_EMAIL_UNGUELTIG", "„{email}“ ist keine gültige E-Mail-Adresse.")
PRODUKT_NICHT_IN_DIGIPRO = regel(
    S, "AMS_PRODUKT_NICHT_IN_DIGIPRO",
    "Das Produkt „{produkt}“ steht unter DigiPro nicht zur Verfügung. Ist es im con:center "
    "freigeschaltet und wurden die Produktfreischaltungen aktualisiert?", Art.NICHT_GEFUNDEN,
    quelle="annahme", leitfaden=("G05", "G17"))
CONCENTER_FEHLER = regel(S, "AMS_CONCENTER_FEHLER", "con:center meldet: {grund}", Art.VERBOTEN)
CLOUD_FEHLER = regel(S, "AMS_CLOUD_FEHLER", "Die assfinet cloud meldet: {grund}", Art.VERBOTEN)


class ConcenterZugang(Protocol):
    def produktfreischaltungen(self, benutzer: str, passwort: str) -> list[str]: ...
    def start_anlegen(self, **daten: Any) -> str: ...


class CloudZugang(Protocol):
    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> None: ...


class ConcenterFehler(Exception):
    def __init__(self, meldung: str) -> None:
        super().__init__(meldung)
        self.meldung = meldung


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


class Ams(Zustand):
    system = S

    def reset(self) -> None:
        self.benutzer: dict[str, Benutzer] = {}
        self.kunden: dict[str, Kunde] = {}

    def datenstaende(self) -> dict[str, Any]:
        return {"ausgangslage": self._ausgangslage}

    def _benutzer(self, kuerzel: str) -> Benutzer:
        if kuerzel not in self.benutzer:
            raise BENUTZER_UNBEKANNT.fehler(kuerzel=kuerzel)
        return self.benutzer[kuerzel]

    def _konto(self, kuerzel: str) -> CloudKonto:
        b = self._benutzer(kuerzel)
        if not b.cloud_konten:
            raise KEIN_CLOUD_KONTO.fehler(kuerzel=kuerzel)
        return b.cloud_konten[0]

    # --- Organisation → Benutzer --------------------------------------------------------------

    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> CloudKonto:
        """cloud Konten: checkbox "Maklerextranet aktivieren" (G16)."""
        konto = self._konto(kuerzel)
        konto.maklerextranet = aktiv
        return konto

    def cloud_benutzername_aendern(self, kuerzel: str, cloud_benutzer: str) -> CloudKonto:
        _email_pruefen(cloud_benutzer)
        konto = self._konto(kuerzel)
        konto.cloud_benutzer = cloud_benutzer
        return konto

    def haupt_email_aendern(self, kuerzel: str, email: str) -> Benutzer:
        _email_pruefen(email)
        b = self._benutzer(kuerzel)
        b.haupt_email = email
        return b

    def produktfreischaltungen_aktualisieren(self, kuerzel: str, cc: ConcenterZugang) -> list[str]:
        """Refresh the cached product list from con:center (G17)."""
        b = self._benutzer(kuerzel)
        try:
            b.produktfreischaltungen = cc.produktfreischaltungen(b.concenter_benutzer, b.concenter_passwort)
        except ConcenterFehler as f:
            raise CONCENTER_FEHLER.fehler(grund=f.meldung) from None
        return b.produktfreischaltungen

    # --- Kundenmaske and DigiPro --------------------------------------------------------------

    def kundenmaske(self, kuerzel: str, kundennummer: str) -> Kunde:
        self._benutzer(kuerzel)
        if kundennummer not in self.kunden:
            raise KUNDE_UNBEKANNT.fehler(kunde=kundennummer)
        return self.kunden[kundennummer]

    def digipro(self, kuerzel: str, kundennummer: str) -> list[str]:
        """DigiPro lists the *cached* Produktfreischaltungen, not con:center's current ones."""
        self.kundenmaske(kuerzel, kundennummer)
        return list(self.benutzer[kuerzel].produktfreischaltungen)

    def produkt_waehlen(self, kuerzel: str, kundennummer: str, produkt: str,
                        cc: ConcenterZugang) -> str:
        """Hand the launch to con:center; returns the URL the browser opens next."""
        if produkt not in self.digipro(kuerzel, kundennummer):
            raise PRODUKT_NICHT_IN_DIGIPRO.fehler(produkt=produkt)
        b = self.benutzer[kuerzel]
        # Assumption: only with "Maklerextranet aktivieren" does ams send the cloud identity.
        konto = next((k for k in b.cloud_konten if k.maklerextranet), None)
        daten = {"benutzer": b.concenter_benutzer, "passwort": b.concenter_passwort,
                 "produkt": produkt, "kunde": kundennummer, "email": b.haupt_email}
        if konto is not None:
            daten["cloud_benutzer"] = konto.cloud_benutzer
        try:
            return cc.start_anlegen(**daten)
        except ConcenterFehler as f:
            raise CONCENTER_FEHLER.fehler(grund=f.meldung) from None

    def kunde_replizieren(self, kuerzel: str, kundennummer: str, cloud: CloudZugang) -> Kunde:
        """Copy one customer into the Bestand of the user's cloud Konto (the prefill's source)."""
        konto = self._konto(kuerzel)
        kunde = self.kundenmaske(kuerzel, kundennummer)
        try:
            cloud.kunde_replizieren(konto.bestand, kundennummer, {"vermittler": kunde.vermittler, **kunde.daten})
        except ConcenterFehler as f:  # the port reports any neighbour's refusal this way
            raise CLOUD_FEHLER.fehler(grund=f.meldung) from None
        kunde.repliziert = True
        return kunde

    # --- seeds and dump -----------------------------------------------------------------------

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

    def als_dict(self) -> dict[str, Any]:
        return {"benutzer": [benutzer_als_dict(b) for b in self.benutzer.values()],
                "kunden": [kunde_als_dict(k) for k in self.kunden.values()]}


def _email_pruefen(email: str) -> None:
    if "@" not in email or any(z.isspace() for z in email) or ";" in email:
        raise EMAIL_UNGUELTIG.fehler(email=email)


def benutzer_als_dict(b: Benutzer) -> dict[str, Any]:
    return {"kuerzel": b.kuerzel, "name": b.name, "haupt_email": b.haupt_email,
            "concenter_benutzer": b.concenter_benutzer,
            "cloud_konten": [vars(k) for k in b.cloud_konten],
            "produktfreischaltungen": b.produktfreischaltungen}


def kunde_als_dict(k: Kunde) -> dict[str, Any]:
    return {"kundennummer": k.kundennummer, "vermittler": k.vermittler, "repliziert": k.repliziert,
            **k.daten}
