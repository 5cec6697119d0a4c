"""Rules of the con:center fake, called on the model directly (no HTTP).

The launch talks to the cloud and to Thinksurance through the ``Neighbours`` port; the tests
use a small in-memory port that records calls and can refuse at any step.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from basis import demo, leitfaden
from basis.kundenfelder import Kundendaten
from fakes.common.errors import NeighbourError
from fakes.concenter.api import dump, eintrag_json
from fakes.concenter.daten import LAEUFT, SCHRITTE, Protokolleintrag
from fakes.concenter.models import START_GUELTIGKEIT, Concenter
from tests.helpers import logged, refused

CC, PW = demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT
WEBER, WEBER_PW = demo.CONCENTER_KOLLEGE, demo.CONCENTER_KOLLEGE_PASSWORT
ANNA = demo.MITARBEITER_EMAIL
PRODUKT = leitfaden.PRODUKT
URL = "https://thinksurance.test/switch/abc"
KUNDE_K1001 = {"kundennummer": "K-1001", "vermittler": "VM-01",
               **{k: v for k, v in demo.KUNDEN[0].items() if k not in ("kundennummer", "vermittler", "repliziert")}}


class Port:
    """In-memory neighbours: cloud TaaData and Thinksurance, each can be told to refuse."""

    interfaces = {"taa": "Test-cloud TaaData", "token": "Test-Thinksurance Token",
                      "forward": "Test-Thinksurance Broker Forward"}

    def __init__(self, *, taa: Exception | None = None, anmeldung: Exception | None = None,
                 forward: Exception | None = None) -> None:
        self.fehler = {"taa": taa, "anmeldung": anmeldung, "forward": forward}
        self.aufrufe: list[tuple[str, tuple[Any, ...]]] = []

    def _rufen(self, name: str, *args: Any) -> None:
        self.aufrufe.append((name, args))
        fehler = self.fehler[name]
        if fehler is not None:
            raise fehler

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> Kundendaten:
        self._rufen("taa", access_token, kunde, cloud_benutzer)
        return Kundendaten.aus_json(KUNDE_K1001)

    def thinksurance_token(self) -> str:
        self._rufen("anmeldung")
        return "security-token"

    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str:
        self._rufen("forward", token, btoken, daten)
        return URL

    def namen(self) -> list[str]:
        return [n for n, _ in self.aufrufe]

    def forward_daten(self) -> dict[str, Any]:
        return next(a for n, a in self.aufrufe if n == "forward")[2]


@pytest.fixture
def cc() -> Concenter:
    """Frozen clock: time passes only when a test advances it, so deadlines are exact to the second."""
    cc = Concenter()
    cc.clock.freeze()
    cc.load("ausgangslage")
    cc.produktgeber_einstellungen_speichern(CC, "Thinksurance", {"collaboration_api_token": "aft_geheim",
                                                                  "btoken": demo.TS_BTOKEN})
    return cc


def starten(cc: Concenter, port: Port, **abweichend: Any) -> tuple[Protokolleintrag, str | None]:
    daten = {"benutzer": CC, "passwort": PW, "produkt": PRODUKT, "kunde": "K-1001", "email": ANNA,
             "cloud_benutzer": ANNA, **abweichend}
    s = cc.start_anlegen(**daten)
    return cc.start_ausfuehren(s.ticket, port)


def _status(e: Protokolleintrag) -> list[tuple[str, str]]:
    return [(s["schritt"], s["status"]) for s in e.schritte]


# --- users, products, settings ---------------------------------------------------------------------

def test_anmeldung_fehlgeschlagen(cc: Concenter) -> None:
    assert cc.anmelden(CC, PW).name == CC
    for name, pw in ((CC, "falsch"), (CC, ""), ("niemand", PW)):
        f = refused("CC_ANMELDUNG_FEHLGESCHLAGEN", cc.anmelden, name, pw)
        assert name in f.message
    refused("CC_ANMELDUNG_FEHLGESCHLAGEN", cc.produktfreischaltungen, CC, "falsch")


def test_benutzer_unbekannt(cc: Concenter) -> None:
    assert cc.produktgeber_einstellungen(WEBER, "Thinksurance") == {"collaboration_api_token": "", "btoken": ""}
    f = refused("CC_BENUTZER_UNBEKANNT", cc.produktgeber_einstellungen, "niemand", "Thinksurance")
    assert "niemand" in f.message
    refused("CC_BENUTZER_UNBEKANNT", cc.produkt_freischalten, "niemand", "Thinksurance")
    refused("CC_BENUTZER_UNBEKANNT", cc.produktgeber_einstellungen_speichern, "niemand", "Thinksurance", {})


def test_produktgeber_unbekannt(cc: Concenter) -> None:
    werte = cc.produktgeber_einstellungen_speichern(WEBER, "Thinksurance", {"btoken": "  bt  ", "fremd": "x"})
    assert werte == {"collaboration_api_token": "", "btoken": "bt"}
    f = refused("CC_PRODUKTGEBER_UNBEKANNT", cc.produktgeber_einstellungen_speichern, WEBER, "Thinksurence",
                  {"btoken": "x"})
    assert "Thinksurence" in f.message
    refused("CC_PRODUKTGEBER_UNBEKANNT", cc.produktgeber_einstellungen, WEBER, "Thinksurence")
    assert set(cc.benutzer[WEBER].produktgeber) == {"Thinksurance"}


def test_recht_unbekannt(cc: Concenter) -> None:
    assert "Thinksurance" in cc.produkt_freischalten(WEBER, "Thinksurance")
    assert "Thinksurance" not in cc.produkt_freischalten(WEBER, "Thinksurance", aktiv=False)
    f = refused("CC_RECHT_UNBEKANNT", cc.produkt_freischalten, WEBER, "Gewerbe")
    assert "Gewerbe" in f.message
    refused("CC_RECHT_UNBEKANNT", cc.benutzer_anlegen, "neu", "pw", ["Gewerbe"])
    assert "neu" not in cc.benutzer


def test_produktfreischaltungen_nur_mit_produkt_thinksurance(cc: Concenter) -> None:
    assert PRODUKT in cc.produktfreischaltungen(CC, PW)
    assert PRODUKT not in cc.produktfreischaltungen(WEBER, WEBER_PW)
    cc.produkt_freischalten(WEBER, "Thinksurance")
    assert PRODUKT in cc.produktfreischaltungen(WEBER, WEBER_PW)


def test_geheimnisse_verlassen_das_modell_nicht(cc: Concenter) -> None:
    ausgabe = json.dumps(dump(cc), ensure_ascii=False)
    assert "aft_geheim" not in ausgabe and demo.TS_BTOKEN not in ausgabe and PW not in ausgabe
    assert '"btoken": "•••"' in ausgabe


# --- hand-over from ams.5 and the launch -------------------------------------------------------------

def test_produkt_unbekannt(cc: Concenter) -> None:
    s = cc.start_anlegen(benutzer=CC, passwort=PW, produkt=PRODUKT, kunde=None, email=ANNA, cloud_benutzer=None)
    assert s.ticket in cc.starts
    f = refused("CC_PRODUKT_UNBEKANNT", cc.start_anlegen, benutzer=CC, passwort=PW, produkt="Gewerbe",
                  kunde=None, email=ANNA, cloud_benutzer=None)
    assert "Gewerbe" in f.message
    assert len(cc.starts) == 1


def test_absprung_erfolgreich_mit_kundendaten(cc: Concenter) -> None:
    port = Port()
    e, url = starten(cc, port)
    assert url == URL
    assert e.ergebnis == "erfolgreich" and e.code is None and e.grund is None
    assert _status(e) == [(s, "ok") for s in SCHRITTE]
    assert port.namen() == ["taa", "anmeldung", "forward"]
    assert port.aufrufe[0][1] == ("aft_geheim", "K-1001", ANNA)
    _, (token, btoken, daten) = port.aufrufe[2]
    assert (token, btoken) == ("security-token", demo.TS_BTOKEN)
    assert daten["type"] == 1 and daten["bExternalId"] == ANNA and daten["bEmail"] == ANNA
    assert daten["cExternalId"] == "K-1001" and daten["cCompany"] == "Müller & Söhne Bau GmbH"
    assert daten["cFirstName"] == "Jürgen" and daten["cCity"] == "Köln"
    fragen = {q["id"]: q["answers"] for q in daten["qasCustProfile"]["categories"][0]["questions"]}
    assert fragen == {"umsatz": ["245000000"], "anzahl_vollzeitmitarbeiter": ["18"],
                      "anzahl_teilzeitmitarbeiter": ["4"]}  # revenue in cent (documented tag)
    assert list(cc.protokoll) == [e] and eintrag_json(e)["ergebnis"] == "erfolgreich"


def test_start_ungueltig_unbekannt_einmalig_befristet(cc: Concenter) -> None:
    port = Port()
    f = refused("CC_START_UNGUELTIG", cc.start_ausfuehren, "gibts-nicht", port)
    assert "DigiPro" in f.message
    s = cc.start_anlegen(benutzer=CC, passwort=PW, produkt=PRODUKT, kunde="K-1001", email=ANNA,
                         cloud_benutzer=ANNA)
    assert cc.start_ausfuehren(s.ticket, port)[1] == URL
    refused("CC_START_UNGUELTIG", cc.start_ausfuehren, s.ticket, port)  # single use
    knapp = cc.start_anlegen(benutzer=CC, passwort=PW, produkt=PRODUKT, kunde=None, email=ANNA,
                             cloud_benutzer=None)
    alt = cc.start_anlegen(benutzer=CC, passwort=PW, produkt=PRODUKT, kunde=None, email=ANNA,
                           cloud_benutzer=None)
    cc.clock.advance(START_GUELTIGKEIT.total_seconds() - 1)
    assert cc.start_ausfuehren(knapp.ticket, port)[1] == URL
    cc.clock.advance(1)
    refused("CC_START_UNGUELTIG", cc.start_ausfuehren, alt.ticket, port)
    assert len(cc.protokoll) == 2  # refused tickets are not launches


def test_absprung_anmeldung_fehlgeschlagen(cc: Concenter) -> None:
    port = Port()
    e, url = starten(cc, port, passwort="falsch")
    assert url is None and port.aufrufe == []
    logged(e, "CC_ANMELDUNG_FEHLGESCHLAGEN", "fehlgeschlagen", SCHRITTE[0])
    assert CC in (e.grund or "")


def test_produkt_nicht_freigeschaltet(cc: Concenter) -> None:
    port = Port()
    cc.produktgeber_einstellungen_speichern(WEBER, "Thinksurance", {"btoken": "bt-weber"})
    e, url = starten(cc, port, benutzer=WEBER, passwort=WEBER_PW)
    assert url is None and port.aufrufe == []
    logged(e, "CC_PRODUKT_NICHT_FREIGESCHALTET", "fehlgeschlagen", SCHRITTE[1])
    assert WEBER in (e.grund or "") and "Thinksurance" in (e.grund or "")
    cc.produkt_freischalten(WEBER, "Thinksurance")
    e, url = starten(cc, port, benutzer=WEBER, passwort=WEBER_PW)
    assert url == URL and e.ergebnis == "ohne Kundendaten"  # no Collaboration API Token for Weber


def test_btoken_fehlt(cc: Concenter) -> None:
    port = Port()
    cc.produktgeber_einstellungen_speichern(CC, "Thinksurance", {"collaboration_api_token": "aft_geheim",
                                                                  "btoken": "   "})
    e, url = starten(cc, port)
    assert url is None and port.aufrufe == []
    logged(e, "CC_BTOKEN_FEHLT", "fehlgeschlagen", SCHRITTE[2])
    assert "btoken" in (e.grund or "")


def test_kein_cloud_benutzer_springt_ohne_kundendaten(cc: Concenter) -> None:
    port = Port()
    e, url = starten(cc, port, cloud_benutzer=None)
    assert url == URL and "taa" not in port.namen()
    logged(e, "CC_KEIN_CLOUD_BENUTZER", "ohne Kundendaten", SCHRITTE[3])
    assert "Maklerextranet aktivieren" in (e.grund or "")
    daten = port.forward_daten()
    assert "cExternalId" not in daten and daten["bExternalId"] == ANNA  # falls back to the e-mail


def test_collaboration_token_fehlt(cc: Concenter) -> None:
    port = Port()
    cc.produktgeber_einstellungen_speichern(CC, "Thinksurance", {"btoken": demo.TS_BTOKEN})
    e, url = starten(cc, port)
    assert url == URL and "taa" not in port.namen()
    logged(e, "CC_COLLABORATION_TOKEN_FEHLT", "ohne Kundendaten")
    assert "Collaboration API Token" in (e.grund or "")
    assert "cExternalId" not in port.forward_daten()


def test_cloud_abgelehnt(cc: Concenter) -> None:
    port = Port(taa=NeighbourError("TAA_KEINE_FREISCHALTUNG", "Keine Hauptfreischaltung."))
    e, url = starten(cc, port)
    assert url == URL and port.namen() == ["taa", "anmeldung", "forward"]
    logged(e, "CC_CLOUD_ABGELEHNT", "ohne Kundendaten", SCHRITTE[3])
    assert "Keine Hauptfreischaltung." in (e.grund or "") and "TAA_KEINE_FREISCHALTUNG" in (e.grund or "")
    assert "cExternalId" not in port.forward_daten()


def test_ohne_gewaehlten_kunden_wird_der_schritt_uebersprungen(cc: Concenter) -> None:
    port = Port()
    e, url = starten(cc, port, kunde=None)
    assert url == URL and e.ergebnis == "erfolgreich" and "taa" not in port.namen()
    assert (SCHRITTE[3], "übersprungen") in _status(e)


def test_thinksurance_anmeldung(cc: Concenter) -> None:
    port = Port(anmeldung=NeighbourError("TS_API_USER_UNGUELTIG", "API User is not existing or deactivated."))
    e, url = starten(cc, port)
    assert url is None and "forward" not in port.namen()
    logged(e, "CC_THINKSURANCE_ANMELDUNG", "fehlgeschlagen", SCHRITTE[4])
    assert "API User is not existing or deactivated." in (e.grund or "")


def test_thinksurance_abgelehnt(cc: Concenter) -> None:
    port = Port(forward=NeighbourError("TS_EMAIL_PASST_NICHT", "Die E-Mail-Adresse passt nicht."))
    e, url = starten(cc, port)
    assert url is None
    logged(e, "CC_THINKSURANCE_ABGELEHNT", "fehlgeschlagen", SCHRITTE[5])
    assert "Die E-Mail-Adresse passt nicht." in (e.grund or "")
    assert [s for s, st in _status(e) if st == "ok"] == list(SCHRITTE[:5])


def test_protokoll_haelt_jeden_absprung_fest(cc: Concenter) -> None:
    starten(cc, Port())
    starten(cc, Port(), passwort="falsch")
    starten(cc, Port(), cloud_benutzer=None)
    assert [(e.id, e.ergebnis) for e in cc.protokoll] == [
        (1, "erfolgreich"), (2, "fehlgeschlagen"), (3, "ohne Kundendaten")]
    assert [x["id"] for x in dump(cc)["protokoll"]] == [1, 2, 3]


def test_aendern_laesst_die_uebrigen_werte_stehen(cc: Concenter) -> None:
    cc.produktgeber_einstellungen_speichern(WEBER, "Thinksurance", {"collaboration_api_token": "aft_a", "btoken": "b"})
    assert cc.produktgeber_einstellungen_aendern(WEBER, "Thinksurance", {"btoken": " neu "}) == {
        "collaboration_api_token": "aft_a", "btoken": "neu"}
    assert cc.produktgeber_einstellungen_speichern(WEBER, "Thinksurance", {"btoken": "b2"}) == {
        "collaboration_api_token": "", "btoken": "b2"}  # replacing empties what is not given
    refused("CC_PRODUKTGEBER_UNBEKANNT", cc.produktgeber_einstellungen_aendern, WEBER, "Thinksurence", {})


# --- invariant: "erfolgreich" only if every step ran and succeeded ----------------------------------

ORT = {"taa": SCHRITTE[3], "anmeldung": SCHRITTE[4], "forward": SCHRITTE[5]}


@pytest.mark.parametrize("wo", list(ORT))
@pytest.mark.parametrize("fehler", [TypeError("kein str"), KeyError("feld"), RuntimeError("kaputt"),
                                    UnicodeEncodeError("ascii", "ä", 0, 1, "nur ASCII")],
                         ids=lambda f: type(f).__name__)
def test_unerwarteter_fehler_im_schritt_wird_protokolliert(cc: Concenter, wo: str, fehler: Exception) -> None:
    e, url = starten(cc, Port(**{wo: fehler}))
    assert url is None
    logged(e, "CC_ABSPRUNG_UNERWARTET", "fehlgeschlagen", ORT[wo])
    assert type(fehler).__name__ in (e.grund or "")


def test_erfolgreich_nur_wenn_jeder_schritt_gelang(cc: Concenter) -> None:
    """Every combination of outcomes at the three neighbour calls, with and without a Collaboration
    API Token: the entry is never left "läuft", and "erfolgreich" means all six steps are ok."""
    ausgaenge: list[Exception | None] = [None, NeighbourError("X_ABGELEHNT", "abgelehnt."), RuntimeError("kaputt")]
    for token in ("aft_geheim", ""):
        cc.produktgeber_einstellungen_aendern(CC, "Thinksurance", {"collaboration_api_token": token})
        for taa in ausgaenge:
            for anmeldung in ausgaenge:
                for forward in ausgaenge:
                    e, url = starten(cc, Port(taa=taa, anmeldung=anmeldung, forward=forward))
                    alle_ok = [x["status"] for x in e.schritte] == ["ok"] * len(SCHRITTE)
                    assert e.ergebnis != LAEUFT
                    assert (e.ergebnis == "erfolgreich") == (url is not None and alle_ok), (e.ergebnis, e.schritte)


def test_protokoll_behaelt_die_neuesten(cc: Concenter) -> None:
    klein = Concenter(protokoll_max=3)
    klein.load("ausgangslage")
    for _ in range(5):
        starten(klein, Port(), passwort="falsch")
    assert [e.id for e in klein.protokoll] == [3, 4, 5]
    assert [e.id for e in klein.protokoll_lesen(1, 2)[0]] == [5, 4] and klein.protokoll_lesen(1, 2)[1] == 3
    refused("FELD_BEREICH", klein.protokoll_lesen, 0, 2)


def test_nie_geoeffnete_absprunge_verfallen(cc: Concenter) -> None:
    from fakes.common.bounded import CHECK_EVERY

    alt = cc.start_anlegen(benutzer=CC, passwort=PW, produkt=PRODUKT, kunde=None, email=ANNA, cloud_benutzer=None)
    cc.clock.advance(START_GUELTIGKEIT.total_seconds() + 1)
    for _ in range(CHECK_EVERY):
        cc.start_anlegen(benutzer=CC, passwort=PW, produkt=PRODUKT, kunde=None, email=ANNA, cloud_benutzer=None)
    assert alt.ticket not in cc.starts
