"""Steps of the chapter "Anpassung in ams"."""

from __future__ import annotations

from pytest_bdd import given

from absprung import einrichtung
from absprung.systeme import Systeme


@given('beim ams Benutzer ist im cloud Konto "Maklerextranet aktivieren" angehakt')
def _(systeme: Systeme) -> None:
    einrichtung.maklerextranet_aktivieren(systeme)


@given("die Produktfreischaltungen des ams Benutzers sind aktualisiert")
def _(systeme: Systeme) -> None:
    einrichtung.produktfreischaltungen_aktualisieren(systeme)
