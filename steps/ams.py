"""Steps of the chapter "Anpassung in ams" (G16, G17) and the user rename of the Anmerkungen (G22)."""

from __future__ import annotations

from pytest_bdd import given, parsers

from absprung.systeme import Systeme
from steps.einrichter import Einrichter


@given('beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt')
def _(einrichter: Einrichter) -> None:
    einrichter.maklerextranet_aktivieren()


@given("die Produktfreischaltungen des ams Benutzers sind aktualisiert")
def _(einrichter: Einrichter) -> None:
    einrichter.produktfreischaltungen_aktualisieren()


@given(parsers.parse('im cloud Konto des ams Benutzers wird der cloud Benutzername in "{email}" geändert'))
def _(systeme: Systeme, email: str) -> None:
    systeme.ams.cloud_benutzername_aendern(systeme.welt.ams_benutzer, email)


@given(parsers.parse('der Kunde "{firma}" wurde aus ams.5 in die assfinet cloud repliziert'))
def _(systeme: Systeme, firma: str) -> None:
    systeme.ams.kunde_replizieren(systeme.welt.ams_benutzer, systeme.welt.kundennummer(firma))
