"""Steps of the chapter "Anpassung in con:center einrichten" (G14, G15)."""

from __future__ import annotations

from typing import Any

from pytest_bdd import given, parsers, then

from absprung import einrichtung
from absprung.systems import Systems
from basis.secret import Secret
from steps.einrichter import Einrichter
from steps.nur_fake import nur_im_fake

FELDER = ("collaboration_api_token", "btoken")


def hinterlegt(einstellungen: dict[str, Any]) -> dict[str, Any]:
    """Only "set or not" of the two secrets; the partial masks con:center also shows are not compared."""
    return {feld: einstellungen.get(feld) for feld in FELDER}


@given('beim con:center Benutzer sind für den Produktgeber "Thinksurance" der vermerkte AccessToken als '
       'Collaboration API Token und der btoken von Thinksurance hinterlegt')
def _(systems: Systems, einrichter: Einrichter, access_token: Secret) -> None:
    einrichtung.produktgeber_hinterlegen(systems, einrichter, collaboration_api_token=access_token)
    gesetzt = systems.concenter.produktgeber_einstellungen(systems.world.concenter_benutzer, "Thinksurance")
    assert hinterlegt(gesetzt) == {"collaboration_api_token": True, "btoken": True}, hinterlegt(gesetzt)


@given(parsers.parse('beim Produktgeber "Thinksurance" ist statt des btoken von Thinksurance "{btoken}" hinterlegt'))
def _(systems: Systems, access_token: Secret, btoken: str) -> None:
    einrichtung.produktgeber_hinterlegen(systems, collaboration_api_token=access_token, btoken=btoken)


@given(parsers.parse('beim Produktgeber "Thinksurance" ist statt des AccessToken "{token}" als Collaboration API '
                     'Token hinterlegt'))
def _(systems: Systems, token: str) -> None:
    einrichtung.produktgeber_hinterlegen(systems, collaboration_api_token=token)


@then(parsers.parse('hat der con:center Benutzer "{benutzer}" beim Produktgeber "Thinksurance" weder Token noch btoken'))
def _(systems: Systems, benutzer: str) -> None:
    gesetzt = systems.concenter.produktgeber_einstellungen(benutzer, "Thinksurance")
    assert hinterlegt(gesetzt) == {"collaboration_api_token": False, "btoken": False}, hinterlegt(gesetzt)


@given('der assfinet Support schaltet dem con:center Benutzer das Produkt "Thinksurance" frei')
@nur_im_fake("concenter", "Produkte eines con:center Benutzers schaltet der assfinet Support frei")
def _(systems: Systems) -> None:
    systems.concenter.produkt_freischalten(systems.world.concenter_benutzer, "Thinksurance", True)


@then(parsers.parse('sind beim Produktgeber "{produktgeber}" des con:center Benutzers Collaboration API Token und '
                    'btoken hinterlegt'))
def _(systems: Systems, produktgeber: str) -> None:
    gesetzt = systems.concenter.produktgeber_einstellungen(systems.world.concenter_benutzer, produktgeber)
    fehlt = [feld for feld in FELDER if gesetzt.get(feld) is not True]
    assert not fehlt, f"Beim Produktgeber {produktgeber} fehlt: {', '.join(fehlt)}"
