"""Steps of the chapter "Voraussetzungen" (G01–G06)."""

from __future__ import annotations

from pytest_bdd import given, parsers

from absprung.systems import Systems
from steps.einrichter import Einrichter


@given("die Voraussetzungen des Leitfadens sind erfüllt")
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichter.voraussetzungen_zeigen()
    w = systems.world
    bestand = systems.cloud.bestand(w.bestand)
    fehlend = {"API-Zugriff", "Con:CenterTAA"} - set(bestand["features"])
    assert not fehlend, f"Dem cloud-Bestand fehlen die Features: {', '.join(sorted(fehlend))}"
    rolle = bestand["benutzer"].get(w.haupt_email)
    assert rolle in ("Benutzer", "Administrator"), \
        f"Der ams Benutzer {w.haupt_email} hat in der cloud die Rolle {rolle!r}, nötig ist mindestens Benutzer."


@given(parsers.parse('der cloud-Bestand verfügt nicht über das Feature "{feature}"'))
def _(systems: Systems, feature: str) -> None:
    systems.cloud.feature_setzen(systems.world.bestand, feature, False)


@given(parsers.parse('der cloud-Bestand verfügt nicht über die Features "{erstes}" und "{zweites}"'))
def _(systems: Systems, erstes: str, zweites: str) -> None:
    for feature in (erstes, zweites):
        systems.cloud.feature_setzen(systems.world.bestand, feature, False)


@given(parsers.parse('der ams Benutzer hat in der assfinet cloud die Rolle "{rolle}"'))
def _(systems: Systems, rolle: str) -> None:
    systems.cloud.rolle_aendern(systems.world.bestand, systems.world.haupt_email, rolle)


@given('der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt "Thinksurance"')
def _(systems: Systems) -> None:
    systems.concenter.produkt_freischalten(systems.world.concenter_benutzer, "Thinksurance", False)


@given(parsers.parse('die Haupt-E-Mail-Adresse des ams Benutzers lautet "{email}"'))
def _(systems: Systems, email: str) -> None:
    systems.ams.haupt_email_aendern(systems.world.ams_benutzer, email)
