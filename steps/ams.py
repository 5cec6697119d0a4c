"""Steps of the chapter "Anpassung in ams" (G16, G17) and the user rename of the Anmerkungen (G22)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then

from absprung import einrichtung
from absprung.systems import Systems
from steps.einrichter import Einrichter


@given('beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt')
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.maklerextranet_aktivieren(systems, einrichter)


@given("die Produktfreischaltungen des ams Benutzers sind aktualisiert")
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.produktfreischaltungen_aktualisieren(systems, einrichter)


@given(parsers.parse('im cloud Konto des ams Benutzers wird der cloud Benutzername in "{email}" geändert'))
def _(systems: Systems, email: str) -> None:
    systems.ams.cloud_benutzername_aendern(systems.world.ams_benutzer, email)


@given(parsers.parse('der Kunde "{firma}" wurde aus ams.5 in die assfinet cloud repliziert'))
def _(systems: Systems, firma: str) -> None:
    systems.ams.kunde_replizieren(systems.world.ams_benutzer, systems.world.kundennummer(firma))


@then('ist beim cloud Konto des ams Benutzers "Maklerextranet aktivieren" angehakt')
def _(systems: Systems) -> None:
    konten = systems.ams.benutzer(systems.world.ams_benutzer)["cloud_konten"]
    assert any(k.get("maklerextranet") for k in konten), \
        f"Bei keinem cloud Konto des ams Benutzers ist „Maklerextranet aktivieren“ angehakt: {konten}"
