"""Steps of the chapter "Test": Kundenmaske, DigiPro, product, Gewerbeplattform."""

from __future__ import annotations

from typing import Any

import pytest
from pytest_bdd import parsers, then, when

from absprung import diagnose, lauf
from absprung.systeme import Systeme
from steps.ansicht import Ansicht
from steps.bedienung import Bedienung

# Which cloud field the Gewerbeplattform shows under which label (the test oracle).
CLOUD_ZU_PLATTFORM = {"Firma": "firma", "Straße": "strasse", "Hausnummer": "hausnummer", "PLZ": "plz",
                      "Ort": "ort", "Ansprechpartner Vorname": "ansprechpartner_vorname",
                      "Ansprechpartner Nachname": "ansprechpartner_nachname", "E-Mail": "email",
                      "Telefon": "telefon", "Jahresumsatz in Euro": "umsatz",
                      "Vollzeitmitarbeiter": "mitarbeiter_vollzeit", "Teilzeitmitarbeiter": "mitarbeiter_teilzeit"}


@when(parsers.parse('der ams Benutzer die Kundenmaske von "{firma}" öffnet'), target_fixture="kundennummer")
def _(systeme: Systeme, bedienung: Bedienung, firma: str) -> str:
    nummer = systeme.welt.kundennummer(firma)
    bedienung.kundenmaske_oeffnen(nummer, firma)
    return nummer


@when("DigiPro anklickt", target_fixture="digipro_produkte")
def _(bedienung: Bedienung) -> list[str]:
    return bedienung.digipro_anklicken()


@when(parsers.parse('das Produkt "{produkt}" wählt'))
def _(bedienung: Bedienung, digipro_produkte: list[str], produkt: str) -> None:
    assert produkt in digipro_produkte, f"DigiPro bietet „{produkt}“ nicht an, nur: {digipro_produkte}"
    bedienung.produkt_waehlen(produkt)


@then("öffnet sich die Thinksurance – Gewerbeplattform mit den Kundendaten aus der assfinet cloud",
      target_fixture="ansicht")
def _(systeme: Systeme, bedienung: Bedienung, request: pytest.FixtureRequest) -> Ansicht:
    ansicht = bedienung.ansicht()
    _bild(request, bedienung, "Gewerbeplattform")
    warum = diagnose.erklaerung(diagnose.letzter_absprung(systeme.concenter))
    assert ansicht.ist_gewerbeplattform, f"Statt Thinksurance erscheint: {ansicht.fehler}. {warum}"
    assert ansicht.mit_kundendaten, (f"Thinksurance hat sich ohne Kundendaten geöffnet "
                                     f"(„{ansicht.hinweis}“). {warum}")
    return ansicht


@then(parsers.parse('sie zeigt für "{firma}" die Werte aus der assfinet cloud: {felder}'))
def _(systeme: Systeme, ansicht: Ansicht, firma: str, felder: str) -> None:
    kunde = systeme.cloud.kunde(systeme.welt.bestand, systeme.welt.kundennummer(firma))
    abweichungen = _abweichungen(kunde, ansicht, [f.strip() for f in felder.replace(" und ", ",").split(",")])
    assert not abweichungen, "Thinksurance zeigt andere Werte als die assfinet cloud: " + "; ".join(abweichungen)


def _abweichungen(kunde: dict[str, Any], ansicht: Ansicht, labels: list[str]) -> list[str]:
    gruppen = {"Anschrift": ["Straße", "Hausnummer", "PLZ", "Ort"],
               "Ansprechpartner": ["Ansprechpartner Vorname", "Ansprechpartner Nachname"],
               "Mitarbeiter": ["Vollzeitmitarbeiter", "Teilzeitmitarbeiter"], "Umsatz": ["Jahresumsatz in Euro"]}
    fehler = []
    for label in [x for name in labels for x in gruppen.get(name, [name])]:
        erwartet = str(kunde[CLOUD_ZU_PLATTFORM[label]])
        gezeigt = ansicht.felder.get(label)
        if gezeigt != erwartet:
            fehler.append(f"{label}: erwartet „{erwartet}“, gezeigt „{gezeigt}“")
    return fehler


def _bild(request: pytest.FixtureRequest, bedienung: Bedienung, name: str) -> None:
    page = getattr(bedienung, "page", None)
    if page is not None:
        lauf.bild_anhaengen(request.node, page.screenshot(full_page=True), name)
