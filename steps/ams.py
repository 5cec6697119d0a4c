"""Steps of the chapter "Anpassung in ams" (G16, G17) and the user rename of the Anmerkungen (G22)."""

from __future__ import annotations

import secrets

from pytest_bdd import given, parsers, then

from absprung import einrichtung
from absprung.systems import Systems
from steps.einrichter import Einrichter


@given('beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt')
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.maklerextranet_aktivieren(systems, einrichter, falls_noetig=True)


@given("die Produktfreischaltungen des ams Benutzers sind aktualisiert")
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.produktfreischaltungen_aktualisieren(systems, einrichter)


@given(parsers.parse('im cloud Konto des ams Benutzers wird der cloud Benutzername in "{email}" geändert'))
def _(systems: Systems, email: str) -> None:
    systems.ams.cloud_benutzername_aendern(systems.world.ams_benutzer, email)


@given(parsers.parse('der Kunde "{firma}" wurde in ams.5 neu angelegt und noch nicht in die assfinet cloud '
                     'repliziert'))
def _(systems: Systems, firma: str) -> None:
    """A customer of the scenario's own (a new number, the data of the office's customer of that name):
    the cloud has never seen it, on any landscape, and it leaves with the scenario."""
    vorlage = systems.ams.kundenmaske(systems.world.ams_benutzer, systems.world.kundennummer(firma))
    nummer = f"{vorlage.kundennummer}-{secrets.token_hex(3)}"
    daten = {k: v for k, v in vorlage.daten().items() if v is not None}
    systems.ams.kunde_anlegen(nummer, vorlage.vermittler or "", daten)
    systems.eigene_kunden[firma] = nummer


@given(parsers.parse('der Kunde "{firma}" wurde aus ams.5 in die assfinet cloud repliziert'))
def _(systems: Systems, firma: str) -> None:
    systems.ams.kunde_replizieren(systems.world.ams_benutzer, systems.kundennummer(firma))


@then('ist beim cloud Konto des ams Benutzers "Maklerextranet aktivieren" angehakt')
def _(systems: Systems) -> None:
    konten = systems.ams.benutzer(systems.world.ams_benutzer)["cloud_konten"]
    assert any(k.get("maklerextranet") for k in konten), \
        f"Bei keinem cloud Konto des ams Benutzers ist „Maklerextranet aktivieren“ angehakt: {konten}"
