"""Rules of the assfinet cloud fake, called on the model directly (no HTTP).

Every rule has an allowed and a refused case; the refusal is checked by its stable code and a
German message that names what is wrong. ``tests/fakes/test_rules.py`` maps each code to these tests.
"""

from __future__ import annotations

import json
from typing import Any, Callable

import pytest

from basis import demo
from fakes.cloud import api
from fakes.cloud.models import Cloud
from fakes.common.endpoints import bearer_token
from tests.helpers import refused

B = demo.BESTAND
CC = demo.CONCENTER_BENUTZER
ANNA, JONAS, GAST = demo.MITARBEITER_EMAIL, demo.KOLLEGE_EMAIL, demo.GAST_EMAIL
ALLE_FEATURES = list(demo.CLOUD_FEATURES)


@pytest.fixture
def c() -> Cloud:
    c = Cloud()
    c.load("ausgangslage")
    return c


def eingerichtet(c: Cloud, *, zweck: str = "TaaData") -> str:
    """The guide's cloud steps for Anna: con:center user, token, main customer Freischaltung."""
    c.concenter_benutzer_hinterlegen(B, CC)
    _, klartext = c.token_hinzufuegen(B, zweck=zweck, concenter_benutzer=CC)
    c.kundenfreischaltung_anlegen(B, name="Anna", kunden=["K-1001", "K-1003"], geteilt_mit=[ANNA],
                                  hauptfreischaltung=True)
    return klartext


# --- Bestand, features, users ---------------------------------------------------------------------

def test_bestand_unbekannt(c: Cloud) -> None:
    assert c.bestand(B).name == demo.BESTAND_NAME
    f = refused("CLOUD_BESTAND_UNBEKANNT", c.bestand, "MB-999")
    assert "MB-999" in f.message
    refused("CLOUD_BESTAND_UNBEKANNT", c.benutzer_anlegen, "MB-999", "x@y.de", "Benutzer")


def test_feature_unbekannt(c: Cloud) -> None:
    assert "API-Zugriff" not in c.feature_setzen(B, "API-Zugriff", False).features
    assert "API-Zugriff" in c.feature_setzen(B, "API-Zugriff", True).features
    f = refused("CLOUD_FEATURE_UNBEKANNT", c.feature_setzen, B, "Superkräfte", True)
    assert "Superkräfte" in f.message
    refused("CLOUD_FEATURE_UNBEKANNT", c.bestand_anlegen, "MB-2", "Neu", ["Superkräfte"])
    assert "MB-2" not in c.bestaende


def test_technische_benutzer_in_jedem_bestand(c: Cloud) -> None:
    b = c.bestand_anlegen("MB-2", "Neu", [])
    assert b.benutzer == {"cloudtransfer": "Administrator", "serviceadmin": "Administrator"}


def test_benutzer_doppelt(c: Cloud) -> None:
    c.benutzer_anlegen(B, "neu@makler-mueller.de", "Benutzer")
    assert c.bestand(B).benutzer["neu@makler-mueller.de"] == "Benutzer"
    f = refused("CLOUD_BENUTZER_DOPPELT", c.benutzer_anlegen, B, ANNA, "Administrator")
    assert ANNA in f.message
    assert c.bestand(B).benutzer[ANNA] == "Benutzer"


def test_rolle_ungueltig(c: Cloud) -> None:
    c.rolle_aendern(B, GAST, "Benutzer")
    assert c.bestand(B).benutzer[GAST] == "Benutzer"
    f = refused("CLOUD_ROLLE_UNGUELTIG", c.rolle_aendern, B, GAST, "Chef")
    assert "Chef" in f.message and "Administrator, Benutzer, Gast" in f.message
    refused("CLOUD_ROLLE_UNGUELTIG", c.benutzer_anlegen, B, "x@y.de", "Chef")
    assert "x@y.de" not in c.bestand(B).benutzer


def test_benutzer_unbekannt(c: Cloud) -> None:
    c.rolle_aendern(B, JONAS, "Administrator")
    f = refused("CLOUD_BENUTZER_UNBEKANNT", c.rolle_aendern, B, "niemand@x.de", "Benutzer")
    assert "niemand@x.de" in f.message
    refused("CLOUD_BENUTZER_UNBEKANNT", c.mitarbeiterzugriff_eintragen, B, "niemand@x.de")
    refused("CLOUD_BENUTZER_UNBEKANNT", c.kundenfreischaltung_anlegen, B, name="F",
              kunden=["K-1001"], geteilt_mit=["niemand@x.de"])
    assert not c.bestand(B).freischaltungen


# --- Allgemein → con:center --------------------------------------------------------------------------

def test_concenter_taa_fehlt(c: Cloud) -> None:
    assert c.concenter_benutzer_hinterlegen(B, CC) == [CC]
    c.feature_setzen(B, "Con:CenterTAA", False)
    f = refused("CLOUD_FEATURE_CONCENTER_TAA_FEHLT", c.concenter_benutzer_hinterlegen, B, "weber-cc")
    assert "Con:CenterTAA" in f.message
    assert c.bestand(B).concenter == [CC]


def test_concenter_benutzer_doppelt(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    c.concenter_benutzer_hinterlegen(B, "weber-cc")
    f = refused("CLOUD_CONCENTER_BENUTZER_DOPPELT", c.concenter_benutzer_hinterlegen, B, CC)
    assert CC in f.message
    assert c.bestand(B).concenter == [CC, "weber-cc"]


def test_concenter_benutzer_unbekannt(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    t, _ = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    assert t.concenter_benutzer == CC
    f = refused("CLOUD_CONCENTER_BENUTZER_UNBEKANNT", c.token_hinzufuegen, B, zweck="TaaData",
                  concenter_benutzer="weber-cc")
    assert "weber-cc" in f.message and "Allgemein → con:center" in f.message
    assert c.concenter_benutzer_entfernen(B, CC) == []
    refused("CLOUD_CONCENTER_BENUTZER_UNBEKANNT", c.concenter_benutzer_entfernen, B, CC)


# --- assfinet api → Token ----------------------------------------------------------------------------

def test_api_zugriff_fehlt(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    assert len(c.tokens_auflisten(B)) == 1
    c.feature_setzen(B, "API-Zugriff", False)
    f = refused("CLOUD_FEATURE_API_ZUGRIFF_FEHLT", c.token_hinzufuegen, B, zweck="TaaData",
                  concenter_benutzer=CC)
    assert "API-Zugriff" in f.message
    refused("CLOUD_FEATURE_API_ZUGRIFF_FEHLT", c.tokens_auflisten, B)
    assert len(c.bestand(B).tokens) == 1


def test_zweck_ungueltig(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    for zweck in ("TaaData", "Collaboration"):
        assert c.token_hinzufuegen(B, zweck=zweck, concenter_benutzer=CC)[0].zweck == zweck
    f = refused("CLOUD_ZWECK_UNGUELTIG", c.token_hinzufuegen, B, zweck="Taadata", concenter_benutzer=CC)
    assert "Taadata" in f.message and "TaaData" in f.message
    assert len(c.bestand(B).tokens) == 2


def test_token_name_standard_thinksurance(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    assert c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)[0].name == "Thinksurance"
    assert c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC, name="  ")[0].name == "Thinksurance"
    assert c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC, name="Eigen")[0].name == "Eigen"


def test_access_token_nur_einmal_im_klartext(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    t, klartext = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    assert klartext == t.access_token and len(klartext) > 20
    gezeigt = api.token_json(t)["access_token"]
    assert gezeigt != klartext and "••" in gezeigt
    assert gezeigt.startswith(klartext[:4]) and gezeigt.endswith(klartext[-4:])
    assert all(x["access_token"] == gezeigt for x in map(api.token_json, c.tokens_auflisten(B)))
    for ausgabe in (api.dump(c), api.bestand_json(c.bestand(B))):
        assert klartext not in json.dumps(ausgabe, ensure_ascii=False)


def test_token_unbekannt(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    t, _ = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    assert c.token_widerrufen(B, t.id).widerrufen
    f = refused("CLOUD_TOKEN_UNBEKANNT", c.token_widerrufen, B, "T-999")
    assert "T-999" in f.message


def test_widerrufener_token_wirkt_sofort_nicht_mehr(c: Cloud) -> None:
    klartext = eingerichtet(c)
    _, zweiter = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    assert c.taa_daten_lesen(klartext, "K-1001", ANNA).daten["firma"]
    t = next(t for t in c.bestand(B).tokens.values() if t.access_token == klartext)
    c.token_widerrufen(B, t.id)
    refused("TAA_TOKEN_UNGUELTIG", c.taa_daten_lesen, klartext, "K-1001", ANNA)
    assert c.taa_daten_lesen(zweiter, "K-1001", ANNA).kundennummer == "K-1001"
    assert api.token_json(t)["widerrufen"] is True


# --- customers -----------------------------------------------------------------------------------------

def test_kunde_unbekannt(c: Cloud) -> None:
    assert c.kunde(B, "K-1001").daten["firma"] == "Müller & Söhne Bau GmbH"
    f = refused("CLOUD_KUNDE_UNBEKANNT", c.kunde, B, "K-9999")
    assert "K-9999" in f.message
    refused("CLOUD_KUNDE_UNBEKANNT", c.kundenfreischaltung_anlegen, B, name="F",
              kunden=["K-1001", "K-9999"], geteilt_mit=[ANNA])
    assert not c.bestand(B).freischaltungen


def test_vermittler_unbekannt(c: Cloud) -> None:
    k = c.kunde_replizieren(B, "K-2000", "VM-02", {"firma": "Neu GmbH", "umsatz": 10, "fremd": "x"})
    assert k.repliziert and k.daten["firma"] == "Neu GmbH" and "fremd" not in k.daten
    f = refused("CLOUD_VERMITTLER_UNBEKANNT", c.kunde_replizieren, B, "K-2001", "VM-99", {})
    assert "VM-99" in f.message
    assert "K-2001" not in c.bestand(B).kunden
    refused("CLOUD_VERMITTLER_UNBEKANNT", c.vm_freischaltung_anlegen, B, name="VM", geteilt_mit=[ANNA],
              sachbearbeiter="cloudtransfer", vermittler="VM-99")


def test_replizieren_macht_kunden_lesbar(c: Cloud) -> None:
    assert not c.kunde(B, "K-1003").repliziert
    klartext = eingerichtet(c)
    refused("TAA_KUNDE_NICHT_REPLIZIERT", c.taa_daten_lesen, klartext, "K-1003", ANNA)
    c.kunde_replizieren(B, "K-1003", "VM-01", {"firma": "Straßenbau Gülcan GmbH & Co. KG"})
    assert c.taa_daten_lesen(klartext, "K-1003", ANNA).daten["firma"] == "Straßenbau Gülcan GmbH & Co. KG"


# --- Freischaltungen -----------------------------------------------------------------------------------

def test_freischaltung_ohne_kunden(c: Cloud) -> None:
    f = c.kundenfreischaltung_anlegen(B, name="F", kunden=["K-1001"], geteilt_mit=[ANNA])
    assert f.kunden == ["K-1001"] and f.art == "kunde"
    refused("CLOUD_FREISCHALTUNG_OHNE_KUNDEN", c.kundenfreischaltung_anlegen, B, name="Leer",
              kunden=[], geteilt_mit=[ANNA])
    assert len(c.bestand(B).freischaltungen) == 1


def test_freischaltung_unbekannt(c: Cloud) -> None:
    f = c.kundenfreischaltung_anlegen(B, name="F", kunden=["K-1001"], geteilt_mit=[ANNA])
    c.hauptfreischaltung_festlegen(B, f.id, ANNA)
    e = refused("CLOUD_FREISCHALTUNG_UNBEKANNT", c.hauptfreischaltung_festlegen, B, "F-999", ANNA)
    assert "F-999" in e.message
    refused("CLOUD_FREISCHALTUNG_UNBEKANNT", c.geteilt_mit_hinzufuegen, B, "F-999", ANNA)


def test_freischaltung_nicht_geteilt(c: Cloud) -> None:
    f = c.kundenfreischaltung_anlegen(B, name="Bau", kunden=["K-1001"], geteilt_mit=[ANNA])
    e = refused("CLOUD_FREISCHALTUNG_NICHT_GETEILT", c.hauptfreischaltung_festlegen, B, f.id, JONAS)
    assert "Bau" in e.message and JONAS in e.message
    assert JONAS not in c.bestand(B).hauptfreischaltung
    c.geteilt_mit_hinzufuegen(B, f.id, JONAS)
    c.hauptfreischaltung_festlegen(B, f.id, JONAS)
    assert c.bestand(B).hauptfreischaltung[JONAS] == f.id


def test_sachbearbeiter_nur_administrator_oder_benutzer(c: Cloud) -> None:
    for sachbearbeiter in ("cloudtransfer", ANNA):
        f = c.vm_freischaltung_anlegen(B, name="VM", geteilt_mit=[ANNA], sachbearbeiter=sachbearbeiter)
        assert f.sachbearbeiter == sachbearbeiter
    for falsch in (GAST, "niemand@x.de"):
        e = refused("CLOUD_SACHBEARBEITER_UNGUELTIG", c.vm_freischaltung_anlegen, B, name="VM",
                      geteilt_mit=[ANNA], sachbearbeiter=falsch)
        assert falsch in e.message and "cloudtransfer" in e.message
    assert len(c.bestand(B).freischaltungen) == 2


def test_vm_freischaltungen_feature_fehlt(c: Cloud) -> None:
    c.vm_freischaltung_anlegen(B, name="VM", geteilt_mit=[ANNA], sachbearbeiter="cloudtransfer")
    c.feature_setzen(B, "Vermittlerfreischaltungen", False)
    e = refused("CLOUD_FEATURE_VERMITTLERFREISCHALTUNGEN_FEHLT", c.vm_freischaltung_anlegen, B,
                  name="VM2", geteilt_mit=[ANNA], sachbearbeiter="cloudtransfer")
    assert "Vermittlerfreischaltungen" in e.message
    assert len(c.bestand(B).freischaltungen) == 1


def test_herkunft_ungueltig(c: Cloud) -> None:
    for herkunft in ("cloud", "data", "forms", "ams6"):
        f = c.kundenfreischaltung_anlegen(B, name=herkunft, kunden=["K-1001"], geteilt_mit=[ANNA],
                                          herkunft=herkunft)
        assert api.freischaltung_json(f, c.bestand(B))["herkunft"] == herkunft
    e = refused("CLOUD_HERKUNFT_UNGUELTIG", c.kundenfreischaltung_anlegen, B, name="X",
                  kunden=["K-1001"], geteilt_mit=[ANNA], herkunft="excel")
    assert "excel" in e.message
    assert len(c.bestand(B).freischaltungen) == 4


def test_bestehende_freischaltung_zaehlt_wie_jede_andere(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    _, klartext = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    c.kundenfreischaltung_anlegen(B, name="Aus ams6", kunden=["K-1001"], geteilt_mit=[ANNA],
                                  hauptfreischaltung=True, herkunft="ams6")
    assert c.taa_daten_lesen(klartext, "K-1001", ANNA).kundennummer == "K-1001"


def test_nur_die_hauptfreischaltung_gibt_rechte(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    _, klartext = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    bau = c.kundenfreischaltung_anlegen(B, name="Bau", kunden=["K-1001"], geteilt_mit=[ANNA])
    baeckerei = c.kundenfreischaltung_anlegen(B, name="Bäckerei", kunden=["K-1002"], geteilt_mit=[ANNA])
    e = refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1001", ANNA)
    assert ANNA in e.message and "K-1001" in e.message
    c.hauptfreischaltung_festlegen(B, bau.id, ANNA)
    assert c.taa_daten_lesen(klartext, "K-1001", ANNA).kundennummer == "K-1001"
    refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1002", ANNA)
    c.hauptfreischaltung_festlegen(B, baeckerei.id, ANNA)  # only one main Freischaltung per user
    assert c.taa_daten_lesen(klartext, "K-1002", ANNA).kundennummer == "K-1002"
    refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1001", ANNA)


# --- Mitarbeiterzugriff ------------------------------------------------------------------------------

def test_mitarbeiterzugriff_feature_fehlt(c: Cloud) -> None:
    assert c.mitarbeiterzugriff_eintragen(B, ANNA) == [ANNA]
    assert c.mitarbeiterzugriff_eintragen(B, ANNA) == [ANNA]  # no duplicates
    c.feature_setzen(B, "Mitarbeiterzugriff", False)
    e = refused("CLOUD_FEATURE_MITARBEITERZUGRIFF_FEHLT", c.mitarbeiterzugriff_eintragen, B, JONAS)
    assert "Mitarbeiterzugriff" in e.message
    assert c.bestand(B).mitarbeiterzugriff == [ANNA]


def test_vm_freischaltung_ohne_vermittler_nur_mit_mitarbeiterzugriff(c: Cloud) -> None:
    """Whole Bestand through a VM-Freischaltung without Vermittler only for listed employees."""
    c.concenter_benutzer_hinterlegen(B, CC)
    _, klartext = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    c.vm_freischaltung_anlegen(B, name="Ganzer Bestand", geteilt_mit=[ANNA, JONAS],
                               sachbearbeiter="cloudtransfer", hauptfreischaltung=True)
    for kunde in ("K-1001", "K-1002"):
        refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, kunde, ANNA)
    c.mitarbeiterzugriff_eintragen(B, ANNA)
    for kunde in ("K-1001", "K-1002"):  # both Vermittler
        assert c.taa_daten_lesen(klartext, kunde, ANNA).kundennummer == kunde
    refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1002", JONAS)  # not listed
    c.feature_setzen(B, "Mitarbeiterzugriff", False)
    refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1001", ANNA)


def test_vm_freischaltung_mit_vermittler_gibt_dessen_kunden(c: Cloud) -> None:
    c.concenter_benutzer_hinterlegen(B, CC)
    _, klartext = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    c.vm_freischaltung_anlegen(B, name="VM-01", geteilt_mit=[ANNA], sachbearbeiter="cloudtransfer",
                               vermittler="VM-01", hauptfreischaltung=True)
    assert c.taa_daten_lesen(klartext, "K-1001", ANNA).vermittler == "VM-01"
    refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1002", ANNA)
    c.feature_setzen(B, "Vermittlerfreischaltungen", False)  # switched off later: no effect any more
    refused("TAA_KEINE_FREISCHALTUNG", c.taa_daten_lesen, klartext, "K-1001", ANNA)


def test_rechte_pruefen_nennt_den_ersten_grund(c: Cloud) -> None:
    """"Rechte prüfen" gives the same answer TaaData acts on, with the first reason against it."""
    assert c.rechte_pruefen(B, ANNA, "K-1001").befund == "keine"
    bau = c.kundenfreischaltung_anlegen(B, name="Bau", kunden=["K-1001"], geteilt_mit=[JONAS])
    assert c.rechte_pruefen(B, ANNA, "K-1001").befund == "nicht-geteilt"
    c.geteilt_mit_hinzufuegen(B, bau.id, ANNA)
    assert c.rechte_pruefen(B, ANNA, "K-1001").befund == "nicht-haupt"
    c.hauptfreischaltung_festlegen(B, bau.id, ANNA)
    r = c.rechte_pruefen(B, ANNA, "K-1001")
    assert (r.befund, r.freischaltung, r.umfasst) == ("ok", "Bau", True)
    assert c.rechte_pruefen(B, ANNA, "K-1002").befund == "kunde-fehlt"
    vm = c.vm_freischaltung_anlegen(B, name="VM-01", geteilt_mit=[ANNA], sachbearbeiter="cloudtransfer",
                                    vermittler="VM-01", hauptfreischaltung=True)
    assert c.rechte_pruefen(B, ANNA, "K-1002").befund == "vermittler-fehlt"
    c.feature_setzen(B, "Vermittlerfreischaltungen", False)
    assert c.rechte_pruefen(B, ANNA, "K-1001").befund == "vm-feature-fehlt"
    c.feature_setzen(B, "Vermittlerfreischaltungen", True)
    ganz = c.vm_freischaltung_anlegen(B, name="Ganz", geteilt_mit=[ANNA], sachbearbeiter="cloudtransfer",
                                      hauptfreischaltung=True)
    assert c.rechte_pruefen(B, ANNA, "K-1002").befund == "mitarbeiterzugriff-fehlt"
    c.mitarbeiterzugriff_eintragen(B, ANNA)
    assert c.rechte_pruefen(B, ANNA, "K-1002").umfasst
    assert vm.id != ganz.id
    refused("CLOUD_BENUTZER_UNBEKANNT", c.rechte_pruefen, B, "niemand@example.de", "K-1001")
    refused("CLOUD_KUNDE_UNBEKANNT", c.rechte_pruefen, B, ANNA, "K-9999")


def test_rechte_pruefen_aendert_nichts(c: Cloud) -> None:
    vorher = json.dumps(api.dump(c), sort_keys=True, default=str)
    c.rechte_pruefen(B, ANNA, "K-1001")
    assert json.dumps(api.dump(c), sort_keys=True, default=str) == vorher


# --- TaaData: each check with its own code, in the documented order -----------------------------------

def _stufe_token(c: Cloud) -> tuple[str, str, str]:
    eingerichtet(c)
    return "aft_gibt_es_nicht", "K-1001", ANNA


def _stufe_feature_api(c: Cloud) -> tuple[str, str, str]:
    klartext = eingerichtet(c)
    c.feature_setzen(B, "API-Zugriff", False)
    return klartext, "K-1001", ANNA


def _stufe_feature_taa(c: Cloud) -> tuple[str, str, str]:
    klartext = eingerichtet(c)
    c.feature_setzen(B, "Con:CenterTAA", False)
    return klartext, "K-1001", ANNA


def _stufe_zweck(c: Cloud) -> tuple[str, str, str]:
    return eingerichtet(c, zweck="Collaboration"), "K-1001", ANNA


def _stufe_concenter(c: Cloud) -> tuple[str, str, str]:
    klartext = eingerichtet(c)
    c.concenter_benutzer_entfernen(B, CC)
    return klartext, "K-1001", ANNA


def _stufe_benutzer(c: Cloud) -> tuple[str, str, str]:
    return eingerichtet(c), "K-1001", "niemand@makler-mueller.de"


def _stufe_rolle(c: Cloud) -> tuple[str, str, str]:
    klartext = eingerichtet(c)
    c.rolle_aendern(B, ANNA, "Gast")
    return klartext, "K-1001", ANNA


def _stufe_freischaltung(c: Cloud) -> tuple[str, str, str]:
    return eingerichtet(c), "K-1002", ANNA


def _stufe_repliziert(c: Cloud) -> tuple[str, str, str]:
    return eingerichtet(c), "K-1003", ANNA


TAA_STUFEN = [
    ("TAA_TOKEN_UNGUELTIG", _stufe_token, "Collaboration API Token"),
    ("TAA_FEATURE_FEHLT", _stufe_feature_api, "API-Zugriff"),
    ("TAA_FEATURE_FEHLT", _stufe_feature_taa, "Con:CenterTAA"),
    ("TAA_ZWECK_FALSCH", _stufe_zweck, "Collaboration"),
    ("TAA_CONCENTER_BENUTZER_FEHLT", _stufe_concenter, CC),
    ("TAA_BENUTZER_UNBEKANNT", _stufe_benutzer, "niemand@makler-mueller.de"),
    ("TAA_ROLLE_UNZUREICHEND", _stufe_rolle, "Gast"),
    ("TAA_KEINE_FREISCHALTUNG", _stufe_freischaltung, "K-1002"),
    ("TAA_KUNDE_NICHT_REPLIZIERT", _stufe_repliziert, "K-1003"),
]


@pytest.mark.parametrize(("code", "aufbau", "in_meldung"), TAA_STUFEN,
                         ids=[f"{code}-{a.__name__}" for code, a, _ in TAA_STUFEN])
def test_taa_stufe(c: Cloud, code: str, aufbau: Callable[[Cloud], tuple[str, str, str]],
                   in_meldung: str) -> None:
    """Every earlier check passes, this one fails with its own code."""
    token, kunde, benutzer = aufbau(c)
    e = refused(code, c.taa_daten_lesen, token, kunde, benutzer)
    assert in_meldung in e.message


def test_taa_erlaubt(c: Cloud) -> None:
    klartext = eingerichtet(c)
    kunde = c.taa_daten_lesen(klartext, "K-1001", ANNA)
    assert kunde.kundennummer == "K-1001" and kunde.vermittler == "VM-01"
    assert kunde.daten["firma"] == "Müller & Söhne Bau GmbH" and kunde.daten["umsatz"] == 2450000
    c.rolle_aendern(B, ANNA, "Administrator")
    assert c.taa_daten_lesen(klartext, "K-1001", ANNA).daten["ort"] == "Köln"


def test_taa_reihenfolge(c: Cloud) -> None:
    """Everything broken at once: the codes come in the documented order, one repair at a time."""
    c.concenter_benutzer_hinterlegen(B, CC)
    _, falscher_zweck = c.token_hinzufuegen(B, zweck="Collaboration", concenter_benutzer=CC)
    _, richtig = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    c.concenter_benutzer_entfernen(B, CC)
    c.feature_setzen(B, "API-Zugriff", False)
    token, benutzer = "aft_falsch", "praktikant@makler-mueller.de.invalid"

    def lesen() -> Any:
        return c.taa_daten_lesen(token, "K-1003", benutzer)

    refused("TAA_TOKEN_UNGUELTIG", lesen)
    token = falscher_zweck
    refused("TAA_FEATURE_FEHLT", lesen)
    c.feature_setzen(B, "API-Zugriff", True)
    refused("TAA_ZWECK_FALSCH", lesen)
    token = richtig
    refused("TAA_CONCENTER_BENUTZER_FEHLT", lesen)
    c.concenter_benutzer_hinterlegen(B, CC)
    refused("TAA_BENUTZER_UNBEKANNT", lesen)
    benutzer = GAST
    refused("TAA_ROLLE_UNZUREICHEND", lesen)
    c.rolle_aendern(B, GAST, "Benutzer")
    refused("TAA_KEINE_FREISCHALTUNG", lesen)
    c.kundenfreischaltung_anlegen(B, name="Gülcan", kunden=["K-1003"], geteilt_mit=[GAST],
                                  hauptfreischaltung=True)
    refused("TAA_KUNDE_NICHT_REPLIZIERT", lesen)
    c.kunde_replizieren(B, "K-1003", "VM-01", {"firma": "Straßenbau Gülcan GmbH & Co. KG"})
    assert lesen().daten["firma"] == "Straßenbau Gülcan GmbH & Co. KG"


def test_taa_bearer_fehlt(c: Cloud) -> None:
    klartext = eingerichtet(c)
    assert bearer_token({"authorization": f"Bearer {klartext}"}) == klartext
    assert bearer_token({"authorization": f"bearer  {klartext} "}) == klartext
    assert c.taa_daten_lesen(bearer_token({"authorization": f"Bearer {klartext}"}), "K-1001", ANNA).kundennummer
    for kopf in ({}, {"authorization": ""}, {"authorization": f"Basic {klartext}"}, {"authorization": "Bearer    "}):
        e = refused("TAA_BEARER_FEHLT", c.taa_daten_lesen, bearer_token(kopf), "K-1001", ANNA)
        assert "Authorization: Bearer" in e.message


# --- what a person can take back in assfinet drive (used to leave a test landscape as it was) ----------

def test_entfernen_und_loeschen_nimmt_zurueck_was_anlegen_tat(c: Cloud) -> None:
    klartext = eingerichtet(c)
    b = c.bestand(B)
    [token] = b.tokens.values()
    c.token_loeschen(B, token.id)
    assert token.id not in b.tokens and not c.token_index
    refused("TAA_TOKEN_UNGUELTIG", c.taa_daten_lesen, klartext, "K-1001", ANNA)
    refused("CLOUD_TOKEN_UNBEKANNT", c.token_loeschen, B, token.id)
    [f] = [x for x in b.freischaltungen.values() if x.name == "Anna"]
    assert b.hauptfreischaltung[ANNA] == f.id
    c.geteilt_mit_hinzufuegen(B, f.id, JONAS)
    c.hauptfreischaltung_festlegen(B, f.id, JONAS)
    c.geteilt_mit_entfernen(B, f.id, ANNA)
    assert ANNA not in f.geteilt_mit and ANNA not in b.hauptfreischaltung and b.hauptfreischaltung[JONAS] == f.id
    c.hauptfreischaltung_aufheben(B, JONAS)
    c.hauptfreischaltung_aufheben(B, JONAS)  # none left: nothing to do
    assert JONAS not in b.hauptfreischaltung
    c.hauptfreischaltung_festlegen(B, f.id, JONAS)
    c.freischaltung_loeschen(B, f.id)
    assert f.id not in b.freischaltungen and JONAS not in b.hauptfreischaltung
    refused("CLOUD_FREISCHALTUNG_UNBEKANNT", c.freischaltung_loeschen, B, f.id)
    refused("CLOUD_BENUTZER_UNBEKANNT", c.hauptfreischaltung_aufheben, B, "niemand@x.de")
    c.mitarbeiterzugriff_eintragen(B, ANNA)
    assert c.mitarbeiterzugriff_austragen(B, ANNA) == [] and c.mitarbeiterzugriff_austragen(B, ANNA) == []
    c.kunde_entfernen(B, "K-1001")
    refused("CLOUD_KUNDE_UNBEKANNT", c.kunde_entfernen, B, "K-1001")
    refused("TAA_KUNDE_NICHT_REPLIZIERT", c.taa_daten_lesen, eingerichtet_nochmal(c), "K-1001", ANNA)


def eingerichtet_nochmal(c: Cloud) -> str:
    return c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)[1]


def test_benutzer_entfernen_nimmt_ihn_aus_listen_und_freischaltungen(c: Cloud) -> None:
    eingerichtet(c)
    c.benutzer_anlegen(B, "neu@makler.example", "Benutzer")
    c.mitarbeiterzugriff_eintragen(B, "neu@makler.example")
    f = c.vm_freischaltung_anlegen(B, name="V", geteilt_mit=["neu@makler.example"], sachbearbeiter="cloudtransfer",
                                   hauptfreischaltung=True)
    c.benutzer_entfernen(B, "neu@makler.example")
    b = c.bestand(B)
    assert "neu@makler.example" not in b.benutzer and "neu@makler.example" not in b.mitarbeiterzugriff
    assert f.geteilt_mit == [] and "neu@makler.example" not in b.hauptfreischaltung
    refused("CLOUD_BENUTZER_UNBEKANNT", c.benutzer_entfernen, B, "neu@makler.example")
