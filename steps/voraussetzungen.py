"""Steps of the chapter "Voraussetzungen" (G01–G06)."""

from __future__ import annotations

from pytest_bdd import given, parsers

from absprung.systeme import Systeme
from steps.einrichter import Einrichter


@given("die Voraussetzungen des Leitfadens sind erfüllt")
def _(systeme: Systeme, einrichter: Einrichter) -> None:
    einrichter.voraussetzungen_zeigen()
    w = systeme.welt
    bestand = systeme.cloud.bestand(w.bestand)
    fehlend = {"API-Zugriff", "Con:CenterTAA"} - set(bestand["features"])
    assert not fehlend, f"Dem cloud-Bestand fehlen die Features: {', '.join(sorted(fehlend))}"
    rolle = bestand["benutzer"].get(w.haupt_email)
    assert rolle in ("Benutzer", "Administrator"), \
        f"Der ams Benutzer {w.haupt_email} hat in der cloud die Rolle {rolle!r}, nötig ist mindestens Benutzer."


@given(parsers.parse('der cloud-Bestand verfügt nicht über das Feature "{feature}"'))
def _(systeme: Systeme, feature: str) -> None:
    systeme.cloud.feature_setzen(systeme.welt.bestand, feature, False)


@given(parsers.parse('der cloud-Bestand verfügt nicht über die Features "{erstes}" und "{zweites}"'))
def _(systeme: Systeme, erstes: str, zweites: str) -> None:
    for feature in (erstes, zweites):
        systeme.cloud.feature_setzen(systeme.welt.bestand, feature, False)


@given(parsers.parse('der ams Benutzer hat in der assfinet cloud die Rolle "{rolle}"'))
def _(systeme: Systeme, rolle: str) -> None:
    systeme.cloud.rolle_aendern(systeme.welt.bestand, systeme.welt.haupt_email, rolle)


@given('der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt "Thinksurance"')
def _(systeme: Systeme) -> None:
    systeme.concenter.produkt_freischalten(systeme.welt.concenter_benutzer, "Thinksurance", False)


@given(parsers.parse('die Haupt-E-Mail-Adresse des ams Benutzers lautet "{email}"'))
def _(systeme: Systeme, email: str) -> None:
    systeme.ams.haupt_email_aendern(systeme.welt.ams_benutzer, email)
