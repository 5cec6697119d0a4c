"""Thinksurance: partner access, the b-Token, the broker of the Haupt-E-Mail and the binding of the
b-Token to a cloud user (G04, G15, G22, G23). Get Broker Token only reads; nothing is forwarded."""

from __future__ import annotations

from basis.secret import Secret, reveal

from ...clients import RemoteError
from ...errors import NoAnswer
from .. import masken
from ..kontext import Kontext
from ..modell import Befund, fehlt, nicht_pruefbar, ok

BROKER_FORWARD = "Broker Forward"  # the launch-log step that reaches Thinksurance


def partnerzugang(k: Kontext) -> Befund:
    try:
        _, atoken = k.thinksurance
    except NoAnswer:
        raise
    except RemoteError as f:
        return fehlt(f"Thinksurance lehnt den Partnerzugang ab: „{f.message}“ ({f.code}).")
    if atoken is None:
        return fehlt(f"Unter den Konten des Partners ist keines mit dem nameTag "
                                      f"„{k.systems.world.nametag}“.")
    return ok(f"Anmeldung angenommen, Konto „{k.systems.world.nametag}“ gefunden.")


def _hinterlegt_ist(k: Kontext, btoken: Secret) -> bool | None:
    return masken.passt(k.maske("btoken"), reveal(btoken))


def btoken_passt(k: Kontext) -> Befund:
    if masken.sichtbar(k.maske("btoken")) is None:
        return nicht_pruefbar("Es ist kein vergleichbarer btoken hinterlegt.")
    bekannt = k.systems.world.btoken
    quelle = "dem b-Token aus dem Zielprofil"
    if bekannt is None:
        bekannt, quelle = k.makler(2, k.cloud_benutzer or k.haupt_email), "dem b-Token zur Haupt-E-Mail"
    if bekannt is None:
        return nicht_pruefbar("Weder das Zielprofil noch Thinksurance nennt den richtigen b-Token.")
    if _hinterlegt_ist(k, bekannt):
        return ok(f"entspricht {quelle}.")
    return fehlt(f"Der hinterlegte btoken entspricht nicht {quelle}.")


def makler(k: Kontext) -> Befund:
    gefunden = k.makler(2, k.cloud_benutzer or k.haupt_email)
    if gefunden is None:
        return fehlt(f"Thinksurance kennt keinen aktiven Makler mit der Haupt-E-Mail-Adresse "
                                     f"„{k.haupt_email}“ des ams Benutzers.")
    bekannt = k.systems.world.btoken
    if bekannt is not None and reveal(gefunden) != reveal(bekannt):
        return fehlt(f"Die Haupt-E-Mail-Adresse „{k.haupt_email}“ gehört bei Thinksurance zu einem "
                                     "anderen b-Token als dem aus dem Zielprofil.")
    return ok(f"aktiver Makler zu „{k.haupt_email}“.")


def bindung(k: Kontext) -> Befund:
    # con:center sends the cloud user as bExternalId, or the Haupt-E-Mail without Maklerextranet.
    extern = k.cloud_benutzer if k.maklerextranet_angehakt and k.cloud_benutzer else k.haupt_email
    gefunden = k.makler(1, extern)
    if gefunden is not None:
        if _hinterlegt_ist(k, gefunden) is False:
            return nicht_pruefbar(f"„{extern}“ ist an einen anderen als den hinterlegten btoken "
                                                    "gebunden (siehe btoken).")
        return ok(f"an „{extern}“ gebunden.")
    schon = any(e.get("benutzer") == k.concenter_benutzer and any(
        s.get("schritt") == BROKER_FORWARD and s.get("status") == "ok" for s in e.get("schritte") or [])
        for e in k.protokoll)
    if not schon:
        return ok(f"noch nicht gebunden: der erste Absprung bindet den b-Token an „{extern}“.")
    return fehlt(f"Thinksurance findet über den cloud Benutzer „{extern}“ keinen Makler, obwohl "
                                   "schon abgesprungen wurde: Der b-Token ist an einen früheren cloud Benutzer "
                                   "gebunden.")
