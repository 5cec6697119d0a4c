"""Rules of the simulated ams.5, called on the model directly (no HTTP).

con:center is reached through the ``ConcenterPort``; the tests use an in-memory port whose
product list can change behind ams.5's back (that is what the cached Produktfreischaltungen are
about).
"""

from __future__ import annotations

from typing import Any

import pytest

from basis import demo, leitfaden
from fakes.ams.api import benutzer_json
from fakes.ams.models import Ams
from fakes.common.errors import NeighbourError
from tests.helpers import refused

AS, JW = demo.AMS_KUERZEL, demo.AMS_KOLLEGE_KUERZEL
ANNA = demo.MITARBEITER_EMAIL
PRODUKT = leitfaden.PRODUKT
START_URL = "http://concenter.test/start/abc"


class Concenter:
    """In-memory con:center as ams.5 sees it: a product list and the launch hand-over."""

    def __init__(self, produkte: list[str] | None = None, fehler: str | None = None) -> None:
        self.produkte = [PRODUKT] if produkte is None else produkte
        self.fehler = fehler
        self.starts: list[dict[str, Any]] = []
        self.abrufe: list[tuple[str, str]] = []

    def produktfreischaltungen(self, benutzer: str, passwort: str) -> list[str]:
        self.abrufe.append((benutzer, passwort))
        if self.fehler:
            raise NeighbourError("TEST", self.fehler)
        return list(self.produkte)

    def start_anlegen(self, **daten: Any) -> str:
        if self.fehler:
            raise NeighbourError("TEST", self.fehler)
        self.starts.append(daten)
        return START_URL


@pytest.fixture
def ams() -> Ams:
    a = Ams()
    a.load("ausgangslage")
    return a


def test_benutzer_unbekannt(ams: Ams) -> None:
    assert ams.maklerextranet_setzen(AS, True).maklerextranet
    f = refused("AMS_BENUTZER_UNBEKANNT", ams.maklerextranet_setzen, "XY", True)
    assert "XY" in f.message
    refused("AMS_BENUTZER_UNBEKANNT", ams.haupt_email_aendern, "XY", ANNA)
    refused("AMS_BENUTZER_UNBEKANNT", ams.produktfreischaltungen_aktualisieren, "XY", Concenter())
    refused("AMS_BENUTZER_UNBEKANNT", ams.kundenmaske, "XY", "K-1001")


def test_kunde_unbekannt(ams: Ams) -> None:
    assert ams.kundenmaske(AS, "K-1002").daten["firma"] == "Bäckerei Köhler e. K."
    f = refused("AMS_KUNDE_UNBEKANNT", ams.kundenmaske, AS, "K-9999")
    assert "K-9999" in f.message
    refused("AMS_KUNDE_UNBEKANNT", ams.digipro, AS, "K-9999")
    refused("AMS_KUNDE_UNBEKANNT", ams.produkt_waehlen, AS, "K-9999", PRODUKT, Concenter())


def test_kein_cloud_konto(ams: Ams) -> None:
    assert ams.cloud_benutzername_aendern(JW, "jonas@makler-mueller.de").cloud_benutzer == "jonas@makler-mueller.de"
    ams.benutzer[JW].cloud_konten.clear()
    f = refused("AMS_KEIN_CLOUD_KONTO", ams.maklerextranet_setzen, JW, True)
    assert JW in f.message
    refused("AMS_KEIN_CLOUD_KONTO", ams.cloud_benutzername_aendern, JW, "jonas@makler-mueller.de")


@pytest.mark.parametrize("email", ["ohne-at-zeichen.de", " anna.schmidt@makler-mueller.de",
                                   "anna.schmidt@makler-mueller.de;", "anna schmidt@makler-mueller.de",
                                   "anna.schmidt@makler-mueller.de\n"])
def test_email_ungueltig(ams: Ams, email: str) -> None:
    vorher = benutzer_json(ams.benutzer[AS])
    f = refused("AMS_EMAIL_UNGUELTIG", ams.haupt_email_aendern, AS, email)
    assert email in f.message
    refused("AMS_EMAIL_UNGUELTIG", ams.cloud_benutzername_aendern, AS, email)
    assert benutzer_json(ams.benutzer[AS]) == vorher


def test_email_gueltig(ams: Ams) -> None:
    assert ams.haupt_email_aendern(AS, "a.schmidt@makler-mueller.de").haupt_email == "a.schmidt@makler-mueller.de"
    assert ams.cloud_benutzername_aendern(AS, "a.schmidt@makler-mueller.de").cloud_benutzer == \
        "a.schmidt@makler-mueller.de"


def test_produkt_nicht_in_digipro_ohne_aktualisieren(ams: Ams) -> None:
    """DigiPro lists the cached Produktfreischaltungen: empty until the first refresh."""
    cc = Concenter()
    assert ams.digipro(AS, "K-1001") == []
    f = refused("AMS_PRODUKT_NICHT_IN_DIGIPRO", ams.produkt_waehlen, AS, "K-1001", PRODUKT, cc)
    assert PRODUKT in f.message and "aktualisiert" in f.message
    assert cc.starts == []
    assert ams.produktfreischaltungen_aktualisieren(AS, cc) == [PRODUKT]
    assert cc.abrufe == [(demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT)]
    assert ams.digipro(AS, "K-1001") == [PRODUKT]
    assert ams.produkt_waehlen(AS, "K-1001", PRODUKT, cc) == START_URL


def test_produktfreischaltungen_bleiben_bis_zum_naechsten_aktualisieren(ams: Ams) -> None:
    cc = Concenter(produkte=[])
    ams.produktfreischaltungen_aktualisieren(JW, cc)
    cc.produkte = [PRODUKT]  # granted later in con:center
    assert ams.digipro(JW, "K-1002") == []
    refused("AMS_PRODUKT_NICHT_IN_DIGIPRO", ams.produkt_waehlen, JW, "K-1002", PRODUKT, cc)
    ams.produktfreischaltungen_aktualisieren(JW, cc)
    assert ams.digipro(JW, "K-1002") == [PRODUKT]
    cc.produkte = []  # revoked later: still listed until the next refresh
    assert ams.digipro(JW, "K-1002") == [PRODUKT]


def test_concenter_fehler(ams: Ams) -> None:
    gut = Concenter()
    ams.produktfreischaltungen_aktualisieren(AS, gut)
    schlecht = Concenter(fehler="Die Anmeldung am con:center ist fehlgeschlagen.")
    f = refused("AMS_CONCENTER_FEHLER", ams.produktfreischaltungen_aktualisieren, AS, schlecht)
    assert "Die Anmeldung am con:center ist fehlgeschlagen." in f.message
    assert ams.digipro(AS, "K-1001") == [PRODUKT]  # a failed refresh keeps the cache
    refused("AMS_CONCENTER_FEHLER", ams.produkt_waehlen, AS, "K-1001", PRODUKT, schlecht)


def test_ohne_maklerextranet_kein_cloud_benutzer(ams: Ams) -> None:
    cc = Concenter()
    ams.produktfreischaltungen_aktualisieren(AS, cc)
    ams.produkt_waehlen(AS, "K-1001", PRODUKT, cc)
    assert cc.starts[-1] == {"benutzer": demo.CONCENTER_BENUTZER, "passwort": demo.CONCENTER_PASSWORT,
                             "produkt": PRODUKT, "kunde": "K-1001", "email": ANNA}
    ams.maklerextranet_setzen(AS, True)
    ams.haupt_email_aendern(AS, "a.schmidt@makler-mueller.de")
    ams.produkt_waehlen(AS, "K-1001", PRODUKT, cc)
    assert cc.starts[-1]["cloud_benutzer"] == ANNA  # the cloud Konto's user, not the Haupt-E-Mail
    assert cc.starts[-1]["email"] == "a.schmidt@makler-mueller.de"
    ams.maklerextranet_setzen(AS, False)
    ams.produkt_waehlen(AS, "K-1001", PRODUKT, cc)
    assert "cloud_benutzer" not in cc.starts[-1]


class Cloud:
    """In-memory assfinet cloud as ams.5 sees it: takes replicated customers or refuses."""

    def __init__(self, fehler: str | None = None) -> None:
        self.fehler = fehler
        self.kunden: dict[tuple[str, str], dict[str, Any]] = {}

    def kunde_replizieren(self, bestand: str, kundennummer: str, daten: dict[str, Any]) -> None:
        if self.fehler:
            raise NeighbourError("TEST", self.fehler)
        self.kunden[(bestand, kundennummer)] = daten


def test_kunde_replizieren(ams: Ams) -> None:
    cloud = Cloud()
    assert not ams.kunden["K-1003"].repliziert
    assert ams.kunde_replizieren(AS, "K-1003", cloud).repliziert
    daten = cloud.kunden[(demo.BESTAND, "K-1003")]
    assert daten["vermittler"] == "VM-01" and daten["firma"] == "Straßenbau Gülcan GmbH & Co. KG"
    refused("AMS_KUNDE_UNBEKANNT", ams.kunde_replizieren, AS, "K-9999", cloud)


def test_cloud_fehler_beim_replizieren(ams: Ams) -> None:
    f = refused("AMS_CLOUD_FEHLER", ams.kunde_replizieren, AS, "K-1003",
                  Cloud("Der Vermittler „VM-01“ ist unbekannt."))
    assert "assfinet cloud" in f.message and "VM-01" in f.message
    assert not ams.kunden["K-1003"].repliziert  # nothing marked replicated on a refusal
    ams.benutzer[AS].cloud_konten.clear()
    refused("AMS_KEIN_CLOUD_KONTO", ams.kunde_replizieren, AS, "K-1003", Cloud())


def test_kunden_anlegen_und_loeschen(ams: Ams) -> None:
    k = ams.kunde_anlegen("K-9001", "VM-01", {"firma": "Neu GmbH", "umsatz": 1})
    assert not k.repliziert and ams.kundenmaske(demo.AMS_KUERZEL, "K-9001").daten["firma"] == "Neu GmbH"
    refused("AMS_KUNDE_DOPPELT", ams.kunde_anlegen, "K-9001", "VM-01", {})
    ams.kunde_loeschen("K-9001")
    refused("AMS_KUNDE_UNBEKANNT", ams.kunde_loeschen, "K-9001")
    refused("AMS_KUNDE_UNBEKANNT", ams.kundenmaske, demo.AMS_KUERZEL, "K-9001")
