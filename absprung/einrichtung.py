"""The guide's setup tasks, each written once: with the broker office's values, the guide's
conventions (``basis.leitfaden``) and the screenshot that illustrates it.

A task says *what* the guide asks for; a performer knows *how* (the Screenplay shape: a task once,
abilities per performer). ``Api`` performs through the systems' interfaces – fast, for most
scenarios, the exercises and the tools; ``steps.pages.Oberflaeche`` clicks the screens of the fakes
as a person would (scenarios tagged ``@ui``) and photographs them (``@doku``).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Protocol

from basis.leitfaden import PRODUKTGEBER, SACHBEARBEITER, TOKEN_NAME, VM_FREISCHALTUNG, ZWECK
from basis.secret import Secret

from . import bilder
from .systems import Systems


class Performer(Protocol):
    """What a task asks of a performer, in the systems' own terms."""

    def voraussetzungen_zeigen(self, bestand: str) -> None: ...
    def concenter_benutzer_hinterlegen(self, bestand: str, name: str) -> None: ...
    def token_hinzufuegen(self, bestand: str, *, name: str, zweck: str, concenter_benutzer: str) -> Secret:
        """Returns the AccessToken, shown this once in full."""
    def mitarbeiterzugriff_eintragen(self, bestand: str, email: str) -> None: ...
    def vm_freischaltung_anlegen(self, bestand: str, *, name: str, geteilt_mit: str, sachbearbeiter: str,
                                 hauptfreischaltung: bool, vermittler: str | None) -> None: ...
    def kundenfreischaltung_anlegen(self, bestand: str, *, name: str, kunden: list[str], geteilt_mit: str,
                                    hauptfreischaltung: bool) -> None: ...
    def produktgeber_hinterlegen(self, benutzer: str, passwort: Secret | None, produktgeber: str,
                                 werte: dict[str, Secret | str]) -> None:
        """``passwort``: the con:center user's, where the target names it (a person must log in)."""
    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> None: ...
    def produktfreischaltungen_aktualisieren(self, kuerzel: str) -> None: ...

    def fertig(self, bild: str) -> None:
        """After a task: the screen shows no error, and ``@doku`` photographs it as ``bild``."""


class Api:
    """Performs through the systems' interfaces (their clients)."""

    def __init__(self, s: Systems) -> None:
        self.s = s

    def voraussetzungen_zeigen(self, bestand: str) -> None:
        """Nothing to show: the step checks the prerequisites through the interface itself."""

    def concenter_benutzer_hinterlegen(self, bestand: str, name: str) -> None:
        self.s.cloud.concenter_benutzer_hinterlegen(bestand, name)

    def token_hinzufuegen(self, bestand: str, *, name: str, zweck: str, concenter_benutzer: str) -> Secret:
        token = self.s.cloud.token_hinzufuegen(bestand, name=name, zweck=zweck, concenter_benutzer=concenter_benutzer)
        assert token.access_token is not None  # the answer to saving carries it in full
        return token.access_token

    def mitarbeiterzugriff_eintragen(self, bestand: str, email: str) -> None:
        self.s.cloud.mitarbeiterzugriff_eintragen(bestand, email)

    def vm_freischaltung_anlegen(self, bestand: str, *, name: str, geteilt_mit: str, sachbearbeiter: str,
                                 hauptfreischaltung: bool, vermittler: str | None) -> None:
        self.s.cloud.vm_freischaltung_anlegen(bestand, name=name, geteilt_mit=[geteilt_mit],
                                              sachbearbeiter=sachbearbeiter, hauptfreischaltung=hauptfreischaltung,
                                              vermittler=vermittler)

    def kundenfreischaltung_anlegen(self, bestand: str, *, name: str, kunden: list[str], geteilt_mit: str,
                                    hauptfreischaltung: bool) -> None:
        self.s.cloud.kundenfreischaltung_anlegen(bestand, name=name, kunden=kunden, geteilt_mit=[geteilt_mit],
                                                 hauptfreischaltung=hauptfreischaltung)

    def produktgeber_hinterlegen(self, benutzer: str, passwort: Secret | None, produktgeber: str,
                                 werte: dict[str, Secret | str]) -> None:
        self.s.concenter.produktgeber_einstellungen_speichern(benutzer, produktgeber, werte, passwort=passwort)

    def maklerextranet_setzen(self, kuerzel: str, aktiv: bool) -> None:
        self.s.ams.maklerextranet_setzen(kuerzel, aktiv)

    def produktfreischaltungen_aktualisieren(self, kuerzel: str) -> None:
        self.s.ams.produktfreischaltungen_aktualisieren(kuerzel)

    def fertig(self, bild: str) -> None:
        """An interface refuses by raising; there is nothing to photograph."""


# --- the tasks: what the guide asks for, with its values ------------------------------------------------

def voraussetzungen_zeigen(s: Systems, wer: Performer | None = None) -> None:
    """Voraussetzungen: the Bestand's features (G01–G03)."""
    wer = wer or Api(s)
    wer.voraussetzungen_zeigen(s.world.bestand)
    wer.fertig(bilder.FEATURES_DES_BESTANDS)


def concenter_benutzer_hinterlegen(s: Systems, wer: Performer | None = None, *, name: str | None = None,
                                   falls_noetig: bool = False) -> None:
    """Cloud einrichten 1: assfinet drive → Allgemein → con:center (G07). ``falls_noetig``: a user already
    listed is reused (a Given on a landscape that is not reset)."""
    name = name or s.world.concenter_benutzer
    if falls_noetig and name in _bestand(s)["concenter"]:
        return
    wer = wer or Api(s)
    wer.concenter_benutzer_hinterlegen(s.world.bestand, name)
    wer.fertig(bilder.ALLGEMEIN_CONCENTER)


def concenter_benutzer_nicht_hinterlegt(s: Systems, *, name: str | None = None) -> None:
    """The opposite, where it is there: off the list under Allgemein → con:center."""
    name = name or s.world.concenter_benutzer
    if name in _bestand(s)["concenter"]:
        s.cloud.concenter_benutzer_entfernen(s.world.bestand, name)


def token_hinzufuegen(s: Systems, wer: Performer | None = None, *, name: str = TOKEN_NAME, zweck: str = ZWECK,
                      concenter_benutzer: str | None = None) -> Secret:
    """Cloud einrichten 2–4: assfinet api → Token; returns the AccessToken to note (G08–G10)."""
    wer = wer or Api(s)
    token = wer.token_hinzufuegen(s.world.bestand, name=name, zweck=zweck,
                                  concenter_benutzer=concenter_benutzer or s.world.concenter_benutzer)
    wer.fertig(bilder.TOKEN_GESPEICHERT)
    return token


def mitarbeiterzugriff_eintragen(s: Systems, wer: Performer | None = None, *, email: str | None = None,
                                 falls_noetig: bool = False) -> None:
    """Empfohlenes Szenario: the user in the list for Mitarbeiterzugriff (G13)."""
    email = email or s.world.haupt_email
    if falls_noetig and email in _bestand(s)["mitarbeiterzugriff"]:
        return
    wer = wer or Api(s)
    wer.mitarbeiterzugriff_eintragen(s.world.bestand, email)
    wer.fertig(bilder.MITARBEITERZUGRIFF)


def mitarbeiterzugriff_nicht_eingetragen(s: Systems, *, email: str | None = None) -> None:
    email = email or s.world.haupt_email
    if email in _bestand(s)["mitarbeiterzugriff"]:
        s.cloud.mitarbeiterzugriff_austragen(s.world.bestand, email)


def vm_freischaltung_anlegen(s: Systems, wer: Performer | None = None, *, name: str = VM_FREISCHALTUNG,
                             geteilt_mit: str | None = None, hauptfreischaltung: bool = True,
                             sachbearbeiter: str = SACHBEARBEITER, vermittler: str | None = None,
                             falls_noetig: bool = False) -> None:
    """Empfohlenes Szenario: VM-Freischaltung, shared, Hauptfreischaltung, Sachbearbeiter cloudtransfer (G13).
    ``falls_noetig``: one that is there with these values is reused (made the Hauptfreischaltung if asked)."""
    geteilt_mit = geteilt_mit or s.world.haupt_email
    if falls_noetig and _wiederverwendet(s, geteilt_mit, hauptfreischaltung, art="vermittler", name=name,
                                         vermittler=vermittler, sachbearbeiter=sachbearbeiter):
        return
    wer = wer or Api(s)
    wer.vm_freischaltung_anlegen(s.world.bestand, name=name, geteilt_mit=geteilt_mit, sachbearbeiter=sachbearbeiter,
                                 hauptfreischaltung=hauptfreischaltung, vermittler=vermittler)
    wer.fertig(bilder.VM_FREISCHALTUNG)


def keine_freischaltung_nach_leitfaden(s: Systems, *, email: str | None = None) -> None:
    """No Freischaltung of the guide for the user – neither the recommended VM-Freischaltung nor a
    Kundenfreischaltung: those made in assfinet drive and shared with him are deleted (rights brought over
    from ams6 and the like stay)."""
    email = email or s.world.haupt_email
    for f in _bestand(s)["freischaltungen"]:
        if f.get("herkunft") == "cloud" and email in f["geteilt_mit"]:
            s.cloud.freischaltung_loeschen(s.world.bestand, f["id"])


def keine_hauptfreischaltung(s: Systems, *, email: str | None = None) -> None:
    email = email or s.world.haupt_email
    if any(email in f.get("hauptfreischaltung_fuer", []) for f in _bestand(s)["freischaltungen"]):
        s.cloud.hauptfreischaltung_aufheben(s.world.bestand, email)


def kundenfreischaltung_anlegen(s: Systems, wer: Performer | None = None, *, kunden: list[str],
                                name: str = VM_FREISCHALTUNG, geteilt_mit: str | None = None,
                                hauptfreischaltung: bool = True, falls_noetig: bool = False) -> None:
    """Szenario mit Kundenfreischaltung: shared with the user, Hauptfreischaltung (G12)."""
    geteilt_mit = geteilt_mit or s.world.haupt_email
    if falls_noetig and _wiederverwendet(s, geteilt_mit, hauptfreischaltung, art="kunde", name=name,
                                         kunden=sorted(kunden)):
        return
    wer = wer or Api(s)
    wer.kundenfreischaltung_anlegen(s.world.bestand, name=name, kunden=kunden, geteilt_mit=geteilt_mit,
                                    hauptfreischaltung=hauptfreischaltung)
    wer.fertig(bilder.KUNDENFREISCHALTUNG)


def _wiederverwendet(s: Systems, email: str, haupt: bool, **werte: object) -> bool:
    """A Freischaltung shared with ``email`` that has these values is there (True) – and is his
    Hauptfreischaltung now if ``haupt``; False if none is."""
    for f in _bestand(s)["freischaltungen"]:
        eigene = {k: sorted(f.get(k) or []) if k == "kunden" else f.get(k) for k in werte}
        if eigene == werte and email in f["geteilt_mit"]:
            if haupt and email not in f.get("hauptfreischaltung_fuer", []):
                s.cloud.hauptfreischaltung_festlegen(s.world.bestand, f["id"], email)
            return True
    return False


def _bestand(s: Systems) -> dict[str, Any]:
    return s.cloud.bestand(s.world.bestand)


def produktgeber_hinterlegen(s: Systems, wer: Performer | None = None, *,
                             collaboration_api_token: Secret | str | None, btoken: Secret | str | None = None,
                             benutzer: str | None = None) -> None:
    """con:center einrichten: Produktgeber Thinksurance → Collaboration API Token = the noted AccessToken,
    btoken from Thinksurance (G14, G15)."""
    wer = wer or Api(s)
    w = s.world
    werte: dict[str, Secret | str] = {"collaboration_api_token": collaboration_api_token or "",
                                      "btoken": w.geheimnis("btoken") if btoken is None else btoken}
    wer.produktgeber_hinterlegen(benutzer or w.concenter_benutzer, w.concenter_passwort, PRODUKTGEBER, werte)
    wer.fertig(bilder.PRODUKTGEBER_THINKSURANCE)


def maklerextranet_aktivieren(s: Systems, wer: Performer | None = None, *, aktiv: bool = True,
                              kuerzel: str | None = None, falls_noetig: bool = False) -> None:
    """ams einrichten: cloud Konten → „Maklerextranet aktivieren“ (G16)."""
    kuerzel = kuerzel or s.world.ams_benutzer
    if falls_noetig:
        konten = s.ams.benutzer(kuerzel).get("cloud_konten") or [{}]
        if bool(konten[0].get("maklerextranet")) == aktiv:
            return
    wer = wer or Api(s)
    wer.maklerextranet_setzen(kuerzel, aktiv)
    wer.fertig(bilder.CLOUD_KONTEN)


def produktfreischaltungen_aktualisieren(s: Systems, wer: Performer | None = None, *,
                                         kuerzel: str | None = None) -> None:
    """ams einrichten: Produktfreischaltungen aktualisieren (G17)."""
    wer = wer or Api(s)
    wer.produktfreischaltungen_aktualisieren(kuerzel or s.world.ams_benutzer)
    wer.fertig(bilder.PRODUKTFREISCHALTUNGEN)


class Schritt(str, Enum):
    """The guide's steps by the names scenarios use to leave one out ("alles außer …")."""

    CONCENTER_BENUTZER = "con:center Benutzer hinterlegen"
    TOKEN = "Token hinzufügen"
    MITARBEITERZUGRIFF = "Mitarbeiterzugriff"
    VM_FREISCHALTUNG = "VM-Freischaltung"
    HAUPTFREISCHALTUNG = "Hauptfreischaltung"
    COLLABORATION_TOKEN = "Collaboration API Token"
    BTOKEN = "btoken"
    MAKLEREXTRANET = "Maklerextranet aktivieren"
    AKTUALISIEREN = "Produktfreischaltungen aktualisieren"

    @classmethod
    def benannt(cls, name: str) -> Schritt:
        """The step a scenario names; an unknown name is refused with the possible ones."""
        try:
            return cls(name)
        except ValueError:
            raise ValueError(f"Den Schritt „{name}“ kennt der Leitfaden nicht; möglich: "
                             f"{', '.join(s.value for s in cls)}") from None


def vollstaendig_einrichten(s: Systems, *, freischaltung: str = "empfohlen", kunden: list[str] | None = None,
                            ausser: frozenset[Schritt] = frozenset(), zweck: str = ZWECK) -> Secret | None:
    """The whole guide in order through the interfaces, optionally leaving out named steps; returns the
    noted AccessToken. From whatever state the systems are in: what is there and right is reused, a step
    left out is undone where it was done (on a landscape that is not reset, put back after the scenario).

    ``freischaltung`` is "empfohlen" (VM-Freischaltung + Mitarbeiterzugriff) or "kunde"
    (Kundenfreischaltung for ``kunden``, default all customers of the office).
    """
    if Schritt.CONCENTER_BENUTZER in ausser:
        concenter_benutzer_nicht_hinterlegt(s)
    else:
        concenter_benutzer_hinterlegen(s, falls_noetig=True)
    access_token: Secret | None = None
    if Schritt.TOKEN not in ausser:
        access_token = token_hinzufuegen(s, zweck=zweck)
    haupt = Schritt.HAUPTFREISCHALTUNG not in ausser
    if freischaltung == "empfohlen":
        if Schritt.MITARBEITERZUGRIFF in ausser:
            mitarbeiterzugriff_nicht_eingetragen(s)
        else:
            mitarbeiterzugriff_eintragen(s, falls_noetig=True)
        if Schritt.VM_FREISCHALTUNG in ausser:
            keine_freischaltung_nach_leitfaden(s)
        else:
            vm_freischaltung_anlegen(s, hauptfreischaltung=haupt, falls_noetig=True)
    else:
        kundenfreischaltung_anlegen(s, kunden=kunden or [nr for _, nr in s.world.kunden], hauptfreischaltung=haupt,
                                    falls_noetig=True)
    if not haupt:
        keine_hauptfreischaltung(s)
    produktgeber_hinterlegen(
        s, collaboration_api_token=None if Schritt.COLLABORATION_TOKEN in ausser else access_token,
        btoken="" if Schritt.BTOKEN in ausser else None)
    maklerextranet_aktivieren(s, aktiv=Schritt.MAKLEREXTRANET not in ausser, falls_noetig=True)
    if Schritt.AKTUALISIEREN not in ausser:
        produktfreischaltungen_aktualisieren(s)
    return access_token
