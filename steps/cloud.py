"""Steps of the chapter "Anpassung in der cloud einrichten"."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers

from absprung import einrichtung
from absprung.systeme import Systeme


@given('in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt')
def _(systeme: Systeme) -> None:
    einrichtung.concenter_benutzer_hinterlegen(systeme)


@given(parsers.parse('unter "assfinet api" ist ein Token mit dem Namen "{name}", dem Zweck "{zweck}" '
                     'und diesem Concenter Benutzernamen hinzugefügt'), target_fixture="token")
def _(systeme: Systeme, name: str, zweck: str) -> dict[str, Any]:
    return einrichtung.token_hinzufuegen(systeme, name=name, zweck=zweck)


@given("der generierte AccessToken ist vermerkt", target_fixture="access_token")
def _(token: dict[str, Any]) -> str:
    wert = token["access_token"]
    assert "•" not in wert, "Der AccessToken wurde nach dem Speichern nicht vollständig angezeigt."
    return wert
