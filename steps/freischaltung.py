"""Steps of the Freischaltung scenarios (G11–G13)."""

from __future__ import annotations

from pytest_bdd import given, parsers, when

from absprung import einrichtung
from absprung.systems import Systems
from basis.leitfaden import VM_FREISCHALTUNG
from steps.einrichter import Einrichter
from steps.versuch import Versuch, versuchen


@given("der ams Benutzer ist in der Liste für Mitarbeiterzugriff eingetragen")
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.mitarbeiterzugriff_eintragen(systems, einrichter, falls_noetig=True)


@given(parsers.parse('eine VM-Freischaltung "{name}" ist angelegt, geteilt mit dem ams Benutzer, als '
                     'Hauptfreischaltung festgelegt und mit dem Sachbearbeiter "{sachbearbeiter}"'))
def _(systems: Systems, einrichter: Einrichter, name: str, sachbearbeiter: str) -> None:
    einrichtung.vm_freischaltung_anlegen(systems, einrichter, name=name, sachbearbeiter=sachbearbeiter,
                                         falls_noetig=True)


@given(parsers.parse('eine Kundenfreischaltung für "{firma}" ist angelegt, geteilt mit dem ams Benutzer und '
                     'als Hauptfreischaltung festgelegt'))
def _(systems: Systems, einrichter: Einrichter, firma: str) -> None:
    einrichtung.kundenfreischaltung_anlegen(systems, einrichter, kunden=[systems.kundennummer(firma)],
                                            falls_noetig=True)


@given(parsers.parse('der ams Benutzer hat aus "{herkunft}" bereits eine Freischaltung für seine Kunden als '
                     'Hauptfreischaltung'))
def _(systems: Systems, herkunft: str) -> None:
    w = systems.world
    systems.cloud.vm_freischaltung_anlegen(w.bestand, name=f"Rechte aus {herkunft}", geteilt_mit=[w.haupt_email],
                                           sachbearbeiter=w.haupt_email, hauptfreischaltung=True,
                                           vermittler="VM-01", herkunft=herkunft)


@when(parsers.parse('eine VM-Freischaltung "{name}" mit dem Sachbearbeiter "{sachbearbeiter}" angelegt wird'),
      target_fixture="versuch")
def _(systems: Systems, name: str, sachbearbeiter: str) -> Versuch:
    return versuchen(lambda: einrichtung.vm_freischaltung_anlegen(systems, name=name, sachbearbeiter=sachbearbeiter))


@when("der ams Benutzer in die Liste für Mitarbeiterzugriff eingetragen wird", target_fixture="versuch")
def _(systems: Systems) -> Versuch:
    return versuchen(lambda: einrichtung.mitarbeiterzugriff_eintragen(systems))


@when(parsers.parse('eine Kundenfreischaltung für "{firma}" angelegt wird, geteilt mit dem ams Benutzer'),
      target_fixture="versuch")
def _(systems: Systems, firma: str) -> Versuch:
    return versuchen(lambda: einrichtung.kundenfreischaltung_anlegen(
        systems, kunden=[systems.kundennummer(firma)]))


@when(parsers.parse('eine Kundenfreischaltung für "{firma}" nur mit "{kollege}" geteilt und für den ams Benutzer '
                    'als Hauptfreischaltung festgelegt wird'), target_fixture="versuch")
def _(systems: Systems, firma: str, kollege: str) -> Versuch:
    w = systems.world
    f = systems.cloud.kundenfreischaltung_anlegen(w.bestand, name=VM_FREISCHALTUNG,
                                                  kunden=[systems.kundennummer(firma)], geteilt_mit=[kollege],
                                                  hauptfreischaltung=False)
    return versuchen(lambda: systems.cloud.hauptfreischaltung_festlegen(w.bestand, f["id"], w.haupt_email))
