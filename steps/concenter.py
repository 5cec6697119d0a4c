"""Steps of the chapter "Anpassung in con:center einrichten"."""

from __future__ import annotations

from pytest_bdd import given

from absprung import einrichtung
from absprung.systeme import Systeme


@given('beim con:center Benutzer sind für den Produktgeber "Thinksurance" der vermerkte AccessToken als '
       'Collaboration API Token und der btoken von Thinksurance hinterlegt')
def _(systeme: Systeme, access_token: str) -> None:
    einrichtung.produktgeber_hinterlegen(systeme, collaboration_api_token=access_token)
    gesetzt = systeme.concenter.produktgeber_einstellungen(systeme.welt.concenter_benutzer, "Thinksurance")
    assert gesetzt == {"collaboration_api_token": True, "btoken": True}, gesetzt
