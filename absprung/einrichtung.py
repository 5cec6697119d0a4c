"""The guide's setup tasks, each written once: with the broker office's values, the guide's
conventions (``basis.leitfaden``) and the screenshot that illustrates it.

A task says *what* the guide asks for; a performer knows *how* (the Screenplay shape: a task once,
abilities per performer). ``Api`` performs through the systems' interfaces – fast, for most
scenarios, the exercises and the tools; ``steps.pages.Oberflaeche`` clicks the screens of the fakes
as a person would (scenarios tagged ``@ui``) and photographs them (``@doku``).
"""

from __future__ import annotations

from enum import Enum
from typing import Protocol

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


def concenter_benutzer_hinterlegen(s: Systems, wer: Performer | None = None, *, name: str | None = None) -> None:
    """Cloud einrichten 1: assfinet drive → Allgemein → con:center (G07)."""
    wer = wer or Api(s)
    wer.concenter_benutzer_hinterlegen(s.world.bestand, name or s.world.concenter_benutzer)
    wer.fertig(bilder.ALLGEMEIN_CONCENTER)


def token_hinzufuegen(s: Systems, wer: Performer | None = None, *, name: str = TOKEN_NAME, zweck: str = ZWECK,
                      concenter_benutzer: str | None = None) -> Secret:
    """Cloud einrichten 2–4: assfinet api → Token; returns the AccessToken to note (G08–G10)."""
    wer = wer or Api(s)
    token = wer.token_hinzufuegen(s.world.bestand, name=name, zweck=zweck,
                                  concenter_benutzer=concenter_benutzer or s.world.concenter_benutzer)
    wer.fertig(bilder.TOKEN_GESPEICHERT)
    return token


def mitarbeiterzugriff_eintragen(s: Systems, wer: Performer | None = None, *, email: str | None = None) -> None:
    """Empfohlenes Szenario: the user in the list for Mitarbeiterzugriff (G13)."""
    wer = wer or Api(s)
    wer.mitarbeiterzugriff_eintragen(s.world.bestand, email or s.world.haupt_email)
    wer.fertig(bilder.MITARBEITERZUGRIFF)


def vm_freischaltung_anlegen(s: Systems, wer: Performer | None = None, *, name: str = VM_FREISCHALTUNG,
                             geteilt_mit: str | None = None, hauptfreischaltung: bool = True,
                             sachbearbeiter: str = SACHBEARBEITER, vermittler: str | None = None) -> None:
    """Empfohlenes Szenario: VM-Freischaltung, shared, Hauptfreischaltung, Sachbearbeiter cloudtransfer (G13)."""
    wer = wer or Api(s)
    wer.vm_freischaltung_anlegen(s.world.bestand, name=name, geteilt_mit=geteilt_mit or s.world.haupt_email,
                                 sachbearbeiter=sachbearbeiter, hauptfreischaltung=hauptfreischaltung,
                                 vermittler=vermittler)
    wer.fertig(bilder.VM_FREISCHALTUNG)


def kundenfreischaltung_anlegen(s: Systems, wer: Performer | None = None, *, kunden: list[str],
                                name: str = VM_FREISCHALTUNG, geteilt_mit: str | None = None,
                                hauptfreischaltung: bool = True) -> None:
    """Szenario mit Kundenfreischaltung: shared with the user, Hauptfreischaltung (G12)."""
    wer = wer or Api(s)
    wer.kundenfreischaltung_anlegen(s.world.bestand, name=name, kunden=kunden,
                                    geteilt_mit=geteilt_mit or s.world.haupt_email,
                                    hauptfreischaltung=hauptfreischaltung)
    wer.fertig(bilder.KUNDENFREISCHALTUNG)


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
                              kuerzel: str | None = None) -> None:
    """ams einrichten: cloud Konten → „Maklerextranet aktivieren“ (G16)."""
    wer = wer or Api(s)
    wer.maklerextranet_setzen(kuerzel or s.world.ams_benutzer, aktiv)
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
    noted AccessToken.

    ``freischaltung`` is "empfohlen" (VM-Freischaltung + Mitarbeiterzugriff) or "kunde"
    (Kundenfreischaltung for ``kunden``, default all customers of the office).
    """
    if Schritt.CONCENTER_BENUTZER not in ausser:
        concenter_benutzer_hinterlegen(s)
    access_token: Secret | None = None
    if Schritt.TOKEN not in ausser:
        access_token = token_hinzufuegen(s, zweck=zweck)
    haupt = Schritt.HAUPTFREISCHALTUNG not in ausser
    if freischaltung == "empfohlen":
        if Schritt.MITARBEITERZUGRIFF not in ausser:
            mitarbeiterzugriff_eintragen(s)
        if Schritt.VM_FREISCHALTUNG not in ausser:
            vm_freischaltung_anlegen(s, hauptfreischaltung=haupt)
    else:
        kundenfreischaltung_anlegen(s, kunden=kunden or [nr for _, nr in s.world.kunden], hauptfreischaltung=haupt)
    produktgeber_hinterlegen(
        s, collaboration_api_token=None if Schritt.COLLABORATION_TOKEN in ausser else access_token,
        btoken="" if Schritt.BTOKEN in ausser else None)
    if Schritt.MAKLEREXTRANET not in ausser:
        maklerextranet_aktivieren(s)
    if Schritt.AKTUALISIEREN not in ausser:
        produktfreischaltungen_aktualisieren(s)
    return access_token
