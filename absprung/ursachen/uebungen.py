"""The building blocks of the exercises (``Uebung`` in ``katalog``): set up the whole guide, then
break exactly one link – through the same tasks the scenarios use (``absprung.einrichtung``) – and
the model solutions a test runs to show that the diagnosis then says ``in_ordnung``.
"""

from __future__ import annotations

from typing import Callable

from basis.leitfaden import PRODUKT, PRODUKTGEBER, RECHT, VM_FREISCHALTUNG, ZWECK

from .. import einrichtung as e
from ..einrichtung import Schritt
from ..systems import Systems

Handlung = Callable[[Systems], object]
NEUER_NAME = "anna.schmidt@neu-makler.de"  # G22: the cloud user after a rename
PRIVATE_EMAIL = "a.schmidt@privat-beispiel.de"  # G04: a Haupt-E-Mail the b-Token does not know


def alles(ausser: Schritt | None = None, *, freischaltung: str = "empfohlen", kunden: list[str] | None = None,
          zweck: str = ZWECK) -> Handlung:
    """The whole guide, optionally without one of its steps."""
    def einrichten(s: Systems) -> None:
        e.vollstaendig_einrichten(s, ausser=frozenset({ausser} if ausser else ()), freischaltung=freischaltung,
                                  kunden=kunden, zweck=zweck)
    return einrichten


def nach(*handlungen: Handlung) -> Handlung:
    """One after the other."""
    def alle(s: Systems) -> None:
        for h in handlungen:
            h(s)
    return alle


def produkt(aktiv: bool) -> Handlung:
    """What the assfinet support does: the con:center user gets (or loses) the product."""
    return lambda s: s.concenter.produkt_freischalten(s.world.concenter_benutzer, RECHT, aktiv)


def feature(name: str, aktiv: bool) -> Handlung:
    return lambda s: s.cloud.feature_setzen(s.world.bestand, name, aktiv)


def rolle(name: str) -> Handlung:
    return lambda s: s.cloud.rolle_aendern(s.world.bestand, s.world.haupt_email, name)


def haupt_email(email: str | None) -> Handlung:
    """The ams user's Haupt-E-Mail (None: the world's own)."""
    return lambda s: s.ams.haupt_email_aendern(s.world.ams_benutzer, email or s.world.haupt_email)


def neuer_token(s: Systems) -> None:
    """The fix of every token cause: a new token with Zweck TaaData, its AccessToken into con:center."""
    e.produktgeber_hinterlegen(s, collaboration_api_token=e.token_hinzufuegen(s))


def falscher_token(s: Systems) -> None:
    e.produktgeber_hinterlegen(s, collaboration_api_token="aft_falsch_abgetippt_0000")


def tokens_widerrufen(s: Systems) -> None:
    for t in s.cloud.tokens(s.world.bestand):
        s.cloud.token_widerrufen(s.world.bestand, t.id)


def concenter_entfernen(s: Systems) -> None:
    s.cloud.concenter_benutzer_entfernen(s.world.bestand, s.world.concenter_benutzer)


def btoken(wert: str | None) -> Handlung:
    """Changes only the btoken at the Produktgeber (None: the right one); the token stays."""
    return lambda s: s.concenter.produktgeber_einstellungen_aendern(
        s.world.concenter_benutzer, PRODUKTGEBER, {"btoken": s.world.geheimnis("btoken") if wert is None else wert},
        passwort=s.world.concenter_passwort)


def nicht_geteilt(s: Systems) -> None:
    """A Kundenfreischaltung shared with a colleague only, not with the user."""
    alles(Schritt.VM_FREISCHALTUNG)(s)
    e.kundenfreischaltung_anlegen(s, kunden=[s.world.kundennummer(s.world.pruefkunde)],
                                  geteilt_mit=s.world.kollege_email, hauptfreischaltung=False)


def hauptfreischaltung_festlegen(s: Systems) -> None:
    """The first Freischaltung shared with the user becomes his Hauptfreischaltung."""
    b = s.world.bestand
    f = next(x for x in s.cloud.bestand(b)["freischaltungen"] if s.world.haupt_email in x["geteilt_mit"])
    s.cloud.hauptfreischaltung_festlegen(b, f["id"], s.world.haupt_email)


def kunde_replizieren(kunde: str) -> Handlung:
    return lambda s: s.ams.kunde_replizieren(s.world.ams_benutzer, kunde)


def abspringen(s: Systems) -> None:
    w = s.world
    s.concenter.start_oeffnen(s.ams.produkt_waehlen(w.ams_benutzer, w.kundennummer(w.pruefkunde), PRODUKT))


def umbenannt(s: Systems) -> None:
    """G22: a first launch binds the b-Token; then the cloud user is renamed everywhere but at Thinksurance."""
    alles()(s)
    abspringen(s)
    b = s.world.bestand
    s.cloud.benutzer_anlegen(b, NEUER_NAME, "Benutzer")
    e.mitarbeiterzugriff_eintragen(s, email=NEUER_NAME)
    f = next(x for x in s.cloud.bestand(b)["freischaltungen"] if x["name"] == VM_FREISCHALTUNG)
    s.cloud.geteilt_mit_hinzufuegen(b, f["id"], NEUER_NAME)
    s.cloud.hauptfreischaltung_festlegen(b, f["id"], NEUER_NAME)
    s.ams.cloud_benutzername_aendern(s.world.ams_benutzer, NEUER_NAME)


def neu_zuordnen(s: Systems) -> None:
    """What Thinksurance support does when told the new user name with the b-Token (G23)."""
    w = s.world
    s.thinksurance.support_neu_zuordnen(w.geheimnis("btoken"), NEUER_NAME, hash=w.geheimnis("thinksurance_hash"),
                                        secret=w.geheimnis("thinksurance_secret"))
