"""Steps of the chapter "Voraussetzungen" (G01–G06)."""

from __future__ import annotations

from pytest_bdd import given, parsers, then, when

from absprung import einrichtung
from absprung.clients import RemoteError
from absprung.systems import Systems
from basis.secret import Secret
from steps.einrichter import Einrichter
from steps.nur_fake import nur_im_fake


@given("die Voraussetzungen des Leitfadens sind erfüllt")
def _(systems: Systems, einrichter: Einrichter) -> None:
    einrichtung.voraussetzungen_zeigen(systems, einrichter)
    w = systems.world
    bestand = systems.cloud.bestand(w.bestand)
    fehlend = {"API-Zugriff", "Con:CenterTAA"} - set(bestand["features"])
    assert not fehlend, f"Dem cloud-Bestand fehlen die Features: {', '.join(sorted(fehlend))}"
    rolle = bestand["benutzer"].get(w.haupt_email)
    assert rolle in ("Benutzer", "Administrator"), \
        f"Der ams Benutzer {w.haupt_email} hat in der cloud die Rolle {rolle!r}, nötig ist mindestens Benutzer."


@given(parsers.parse('der cloud-Bestand verfügt nicht über das Feature "{feature}"'))
@nur_im_fake("cloud", "Die Features eines Bestands bucht der assfinet Support")
def _(systems: Systems, feature: str) -> None:
    systems.cloud.feature_setzen(systems.world.bestand, feature, False)


@given(parsers.parse('der cloud-Bestand verfügt nicht über die Features "{erstes}" und "{zweites}"'))
@nur_im_fake("cloud", "Die Features eines Bestands bucht der assfinet Support")
def _(systems: Systems, erstes: str, zweites: str) -> None:
    for feature in (erstes, zweites):
        systems.cloud.feature_setzen(systems.world.bestand, feature, False)


@given(parsers.parse('der ams Benutzer hat in der assfinet cloud die Rolle "{rolle}"'))
def _(systems: Systems, rolle: str) -> None:
    systems.cloud.rolle_aendern(systems.world.bestand, systems.world.haupt_email, rolle)


@given('der con:center Benutzer des ams Benutzers verfügt nicht über das Produkt "Thinksurance"')
@nur_im_fake("concenter", "Produkte eines con:center Benutzers schaltet der assfinet Support frei")
def _(systems: Systems) -> None:
    systems.concenter.produkt_freischalten(systems.world.concenter_benutzer, "Thinksurance", False)


@given(parsers.parse('die Haupt-E-Mail-Adresse des ams Benutzers lautet "{email}"'))
def _(systems: Systems, email: str) -> None:
    systems.ams.haupt_email_aendern(systems.world.ams_benutzer, email)


# --- read-only checks (@lesend): they change nothing, so they also run against real systems -------

@when("sich das con:center mit seinem Partnerzugang bei Thinksurance anmeldet", target_fixture="security_token")
def _(systems: Systems) -> Secret:
    w = systems.world
    return systems.thinksurance.token(w.geheimnis("thinksurance_hash"), w.geheimnis("thinksurance_secret"))


@then("findet es unter den Konten des Partners das Konto mit dem vereinbarten nameTag")
def _(systems: Systems, security_token: Secret) -> None:
    konten = systems.thinksurance.account_tokens(security_token)
    gefunden = systems.thinksurance.account_token(security_token, systems.world.nametag) is not None
    assert gefunden, (f"Unter den Konten des Partners ist keines mit dem nameTag „{systems.world.nametag}“; "
                      f"Thinksurance nennt: {[(k.get('name'), k.get('nameTag')) for k in konten]}")


@when("Thinksurance nach dem Makler zur Haupt-E-Mail-Adresse des ams Benutzers gefragt wird",
      target_fixture="makler_btoken")
def _(systems: Systems) -> Secret:
    """V1.1 workflow: partner login, the account by its nameTag, Get Broker Token by e-mail (type 2)."""
    w, ts = systems.world, systems.thinksurance
    benutzer = systems.ams.benutzer(w.ams_benutzer)
    token = ts.token(w.geheimnis("thinksurance_hash"), w.geheimnis("thinksurance_secret"))
    konto = ts.account_token(token, w.nametag)
    assert konto is not None, f"Unter den Konten des Partners ist keines mit dem nameTag „{w.nametag}“."
    konten = benutzer["cloud_konten"]
    try:
        makler = ts.get_broker_token(token, konto, {
            "type": 2, "bEmail": benutzer["haupt_email"], "bLastName": str(benutzer["name"]).split()[-1],
            "bExternalId": konten[0]["cloud_benutzer"] if konten else benutzer["haupt_email"]})
    except RemoteError as f:
        raise AssertionError(f"Thinksurance kennt zur Haupt-E-Mail „{benutzer['haupt_email']}“ keinen aktiven "
                             f"Makler: {f.message}") from None
    btoken = makler.get("bToken")
    assert isinstance(btoken, Secret), "Thinksurance nennt zum Makler keinen b-Token."
    return btoken


@then("nennt Thinksurance einen aktiven Makler mit dem b-Token des Zielprofils")
def _(systems: Systems, makler_btoken: Secret) -> None:
    passt = makler_btoken == systems.world.geheimnis("btoken")  # compared, never shown
    assert passt, "Thinksurance nennt zur Haupt-E-Mail einen anderen b-Token als den des Zielprofils."


@then(parsers.parse('bietet con:center dem con:center Benutzer des ams Benutzers das Produkt "{produkt}" an'))
def _(systems: Systems, produkt: str) -> None:
    w = systems.world
    produkte = systems.concenter.produktfreischaltungen(w.concenter_benutzer, w.geheimnis("concenter_passwort"))
    assert produkt in produkte, f"con:center bietet „{w.concenter_benutzer}“ nur: {produkte}"
