"""Steps of the chapter "Voraussetzungen"."""

from __future__ import annotations

from pytest_bdd import given

from absprung.systeme import Systeme


@given("die Voraussetzungen des Leitfadens sind erfüllt")
def _(systeme: Systeme) -> None:
    w = systeme.welt
    bestand = systeme.cloud.bestand(w.bestand)
    fehlend = {"API-Zugriff", "Con:CenterTAA"} - set(bestand["features"])
    assert not fehlend, f"Dem cloud-Bestand fehlen die Features: {', '.join(sorted(fehlend))}"
    rolle = bestand["benutzer"].get(w.haupt_email)
    assert rolle in ("Benutzer", "Administrator"), \
        f"Der ams Benutzer {w.haupt_email} hat in der cloud die Rolle {rolle!r}, nötig ist mindestens Benutzer."
