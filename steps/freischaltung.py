"""Steps of the Freischaltung scenarios (Kundenfreischaltung, empfohlenes Szenario)."""

from __future__ import annotations

from pytest_bdd import given, parsers

from absprung import einrichtung
from absprung.systeme import Systeme


@given("der ams Benutzer ist in der Liste für Mitarbeiterzugriff eingetragen")
def _(systeme: Systeme) -> None:
    einrichtung.mitarbeiterzugriff_eintragen(systeme)


@given(parsers.parse('eine VM-Freischaltung "{name}" ist angelegt, geteilt mit dem ams Benutzer, als '
                     'Hauptfreischaltung festgelegt und mit dem Sachbearbeiter "{sachbearbeiter}"'))
def _(systeme: Systeme, name: str, sachbearbeiter: str) -> None:
    einrichtung.vm_freischaltung_anlegen(systeme, name=name, sachbearbeiter=sachbearbeiter)
