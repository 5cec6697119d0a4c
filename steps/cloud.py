"""Steps of the chapter "Anpassung in der cloud einrichten" (G07–G10)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from absprung import einrichtung
from absprung.systems import Systems
from basis.secret import Secret
from steps.einrichter import Einrichter
from steps.versuch import Versuch, versuchen


@given('in assfinet drive ist unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt')
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.concenter_benutzer_hinterlegen(systems, einrichter, falls_noetig=True)


@given('unter "Allgemein → con:center" ist der con:center Benutzer des ams Benutzers noch nicht hinterlegt')
def _(systems: Systems) -> None:
    einrichtung.concenter_benutzer_nicht_hinterlegt(systems)


@given(parsers.parse('unter "assfinet api" ist ein Token mit dem Namen "{name}", dem Zweck "{zweck}" '
                     'und diesem Concenter Benutzernamen hinzugefügt'), target_fixture="access_token")
def _(systems: Systems, einrichter: Einrichter, name: str, zweck: str) -> Secret:
    return einrichtung.token_hinzufuegen(systems, einrichter, name=name, zweck=zweck)


@given("der generierte AccessToken ist vermerkt", target_fixture="access_token")
def _(access_token: Secret) -> Secret:
    vollstaendig = bool(access_token) and "•" not in access_token.reveal()
    assert vollstaendig, "Der AccessToken wurde nach dem Speichern nicht vollständig angezeigt."
    return access_token


@when('in assfinet drive unter "Allgemein → con:center" der con:center Benutzer des ams Benutzers hinterlegt wird',
      target_fixture="versuch")
def _(systems: Systems) -> Versuch:
    return versuchen(lambda: einrichtung.concenter_benutzer_hinterlegen(systems))


@when(parsers.parse('unter "assfinet api" ein Token mit dem Zweck "{zweck}" für den Concenter Benutzernamen '
                    '"{name}" hinzugefügt wird'), target_fixture="versuch")
def _(systems: Systems, zweck: str, name: str) -> Versuch:
    return versuchen(lambda: einrichtung.token_hinzufuegen(systems, zweck=zweck, concenter_benutzer=name))


@when('unter "assfinet api" ein Token ohne Namen mit dem Zweck "TaaData" hinzugefügt wird', target_fixture="versuch")
def _(systems: Systems) -> Versuch:
    return versuchen(lambda: einrichtung.token_hinzufuegen(systems, name=""))


@then(parsers.parse('trägt der Token den Namen "{name}"'))
def _(systems: Systems, versuch: Versuch, name: str) -> None:
    assert not versuch.abgelehnt, versuch.meldung
    gezeigt = systems.cloud.tokens(systems.world.bestand)[-1].name  # as assfinet drive lists it
    assert gezeigt == name, f"Der Token heißt „{gezeigt}“."


@then("ist der con:center Benutzer als Concenter Benutzername eines Tokens wählbar")
def _(systems: Systems) -> None:
    einrichtung.token_hinzufuegen(systems)
    token = systems.cloud.tokens(systems.world.bestand)[-1]
    assert token.concenter_benutzer == systems.world.concenter_benutzer, token.concenter_benutzer


@then("zeigt assfinet drive den AccessToken beim Speichern vollständig und danach nur noch maskiert")
def _(systems: Systems, access_token: Secret) -> None:
    liste = systems.cloud.tokens(systems.world.bestand)
    assert liste, "assfinet drive zeigt keinen Token an."
    gezeigt = liste[-1].maske
    maskiert = gezeigt != access_token.reveal() and "•" in gezeigt
    assert maskiert, "Der AccessToken steht unmaskiert in der Liste."
    passt = gezeigt[-4:] == access_token.reveal()[-4:]
    assert passt, "Die Maske passt nicht zum vermerkten AccessToken."


@then(parsers.parse('liefert die assfinet cloud mit dem vermerkten AccessToken über TaaData die Daten von "{firma}"'))
def _(systems: Systems, access_token: Secret, firma: str) -> None:
    w = systems.world
    daten = systems.cloud.taa_daten_lesen(access_token, systems.kundennummer(firma), w.haupt_email)
    assert daten.firma == firma, f"TaaData liefert die Firma „{daten.firma}“ statt „{firma}“."


@given("der Token wurde in assfinet drive widerrufen")
def _(systems: Systems) -> None:
    """The scenario's own token – one others use stays (a revoke cannot be taken back)."""
    eigene = systems.angelegte("cloud.token")
    assert eigene, "Dieses Szenario hat keinen Token hinzugefügt, den es widerrufen könnte."
    for token_id in eigene:
        systems.cloud.token_widerrufen(systems.world.bestand, token_id)


@given('der con:center Benutzer wurde unter "Allgemein → con:center" wieder entfernt')
def _(systems: Systems) -> None:
    systems.cloud.concenter_benutzer_entfernen(systems.world.bestand, systems.world.concenter_benutzer)


@then("liefert die assfinet cloud mit dem vermerkten AccessToken über TaaData die Daten des Prüfkunden")
def _(systems: Systems, access_token: Secret | None) -> None:
    w = systems.world
    token = access_token or w.geheimnis("access_token")
    firma = systems.cloud.taa_daten_lesen(token, systems.kundennummer(w.pruefkunde), w.haupt_email).firma
    assert firma == w.pruefkunde, f"TaaData liefert die Firma „{firma}“ statt „{w.pruefkunde}“."
