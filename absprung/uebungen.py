"""Übungen: the training world with the cause of one Fehlerbild in place.

An exercise is named like the cause the diagnosis finds (the ``Prüfung:`` line of its Fehlerbild).
``herstellen`` sets up the whole guide and then breaks exactly that link, through the same
functions the scenarios use; ``beheben`` is the model solution a test runs to show the
diagnosis then says ``in_ordnung``. The trainee fixes it in the UIs of the fakes (and, where the
guide says "beim Support", on the Support page of the training environment).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import einrichtung as e
from .diagnose import katalog
from .leitfaden.fehlerbilder import Fehlerbild
from .systems import Systems

NEUER_NAME = "anna.schmidt@neu-makler.de"  # G22: the cloud user after a rename
PRIVATE_EMAIL = "a.schmidt@privat-beispiel.de"  # G04: a Haupt-E-Mail the b-Token does not know


@dataclass(frozen=True)
class Uebung:
    name: str  # = the cause (Befund) the diagnosis must find
    herstellen: Callable[[Systems], object]
    beheben: Callable[[Systems], object]
    kunde: str = ""  # Kundennummer to check; "" = the Prüfkunde of the world
    aufgabe: str = ""  # what the trainee is told beyond the Fehlerbild's symptom

    @property
    def fehlerbild(self) -> Fehlerbild:
        fb = katalog.fehlerbild(self.name)
        assert fb is not None, f"Zur Übung „{self.name}“ gibt es kein Fehlerbild mit „Prüfung: {self.name}“."
        return fb

    def kundennummer(self, s: Systems) -> str:
        return self.kunde or s.world.kundennummer(s.world.pruefkunde)


def _alles(ausser: str = "", *, freischaltung: str = "empfohlen", kunden: list[str] | None = None,
           zweck: str = e.ZWECK) -> Callable[[Systems], None]:
    """The whole guide, optionally without one of its steps (``einrichtung.AUSLASSBAR``)."""
    def einrichten(s: Systems) -> None:
        e.vollstaendig_einrichten(s, ausser=frozenset({ausser} if ausser else ()), freischaltung=freischaltung,
                                  kunden=kunden, zweck=zweck)
    return einrichten


def _nach(vorher: Callable[[Systems], object], dann: Callable[[Systems], object]) -> Callable[[Systems], None]:
    def beide(s: Systems) -> None:
        vorher(s)
        dann(s)
    return beide


def _bestand(s: Systems) -> str:
    return s.world.bestand


def _produkt(aktiv: bool) -> Callable[[Systems], object]:
    return lambda s: s.concenter.produkt_freischalten(s.world.concenter_benutzer, "Thinksurance", aktiv)


def _feature(name: str, aktiv: bool) -> Callable[[Systems], object]:
    return lambda s: s.cloud.feature_setzen(_bestand(s), name, aktiv)


def _neuer_token(s: Systems) -> None:
    """The fix of every token cause: a new token with Zweck TaaData, its AccessToken into con:center."""
    e.produktgeber_hinterlegen(s, collaboration_api_token=e.token_hinzufuegen(s)["access_token"])


def _widerrufen(s: Systems) -> None:
    for t in s.cloud.tokens(_bestand(s)):
        s.cloud.token_widerrufen(_bestand(s), t["id"])


def _concenter_entfernen(s: Systems) -> None:
    s.cloud.concenter_benutzer_entfernen(_bestand(s), s.world.concenter_benutzer)


def _btoken(wert: str | None) -> Callable[[Systems], object]:
    """Changes only the btoken at the Produktgeber (None: the right one); the token stays."""
    return lambda s: s.concenter.produktgeber_einstellungen_aendern(
        s.world.concenter_benutzer, e.PRODUKTGEBER, {"btoken": s.world.geheimnis("btoken") if wert is None else wert})


def _nicht_geteilt(s: Systems) -> None:
    _alles("VM-Freischaltung")(s)
    e.kundenfreischaltung_anlegen(s, kunden=[s.world.kundennummer(s.world.pruefkunde)],
                                  geteilt_mit=s.world.kollege_email, hauptfreischaltung=False)


def _abspringen(s: Systems) -> None:
    w = s.world
    s.concenter.start_oeffnen(s.ams.produkt_waehlen(w.ams_benutzer, w.kundennummer(w.pruefkunde), e.PRODUKT))


def _umbenannt(s: Systems) -> None:
    """G22: a first launch binds the b-Token; then the cloud user is renamed everywhere but at Thinksurance."""
    _alles()(s)
    _abspringen(s)
    b = _bestand(s)
    s.cloud.benutzer_anlegen(b, NEUER_NAME, "Benutzer")
    e.mitarbeiterzugriff_eintragen(s, NEUER_NAME)
    f = next(x for x in s.cloud.bestand(b)["freischaltungen"] if x["name"] == e.VM_FREISCHALTUNG)
    s.cloud.geteilt_mit_hinzufuegen(b, f["id"], NEUER_NAME)
    s.cloud.hauptfreischaltung_festlegen(b, f["id"], NEUER_NAME)
    s.ams.cloud_benutzername_aendern(s.world.ams_benutzer, NEUER_NAME)


UEBUNGEN: tuple[Uebung, ...] = (
    Uebung("maklerextranet", _alles("Maklerextranet aktivieren"), e.maklerextranet_aktivieren),
    Uebung("produktfreischaltungen", _nach(_nach(_produkt(False), _alles()), _produkt(True)),
           e.produktfreischaltungen_aktualisieren,
           aufgabe="Der assfinet Support hat das Produkt Thinksurance gerade freigeschaltet."),
    Uebung("concenter-produkt", _nach(_produkt(False), _alles()),
           _nach(_produkt(True), e.produktfreischaltungen_aktualisieren)),
    Uebung("btoken-fehlt", _alles("btoken"), _btoken(None)),
    Uebung("btoken-falsch", _nach(_alles(), _btoken("btoken-mit-tippfehler")), _btoken(None)),
    Uebung("collaboration-token-fehlt", _alles("Collaboration API Token"), _neuer_token),
    Uebung("collaboration-token-falsch", _nach(_alles(), lambda s: e.produktgeber_hinterlegen(
        s, collaboration_api_token="aft_falsch_abgetippt_0000")), _neuer_token),
    Uebung("token-widerrufen", _nach(_alles(), _widerrufen), _neuer_token),
    Uebung("api-zugriff", _nach(_alles(), _feature("API-Zugriff", False)), _feature("API-Zugriff", True)),
    Uebung("concenter-taa", _nach(_alles(), _feature("Con:CenterTAA", False)), _feature("Con:CenterTAA", True)),
    Uebung("token-zweck", _alles(zweck="Collaboration"), _neuer_token),
    Uebung("concenter-liste", _nach(_alles(), _concenter_entfernen), e.concenter_benutzer_hinterlegen),
    Uebung("cloud-rolle", _nach(_alles(), lambda s: s.cloud.rolle_aendern(_bestand(s), s.world.haupt_email, "Gast")),
           lambda s: s.cloud.rolle_aendern(_bestand(s), s.world.haupt_email, "Benutzer")),
    Uebung("freischaltung-fehlt", _alles("VM-Freischaltung"), e.vm_freischaltung_anlegen),
    Uebung("freischaltung-nicht-geteilt", _nicht_geteilt, e.vm_freischaltung_anlegen),
    Uebung("freischaltung-nicht-haupt", _alles("Hauptfreischaltung"), lambda s: s.cloud.hauptfreischaltung_festlegen(
        _bestand(s), s.cloud.bestand(_bestand(s))["freischaltungen"][0]["id"], s.world.haupt_email)),
    Uebung("freischaltung-kunde", _alles(freischaltung="kunde", kunden=["K-1002"]),
           lambda s: e.kundenfreischaltung_anlegen(s, kunden=["K-1001", "K-1002"])),
    Uebung("mitarbeiterzugriff", _alles("Mitarbeiterzugriff"), e.mitarbeiterzugriff_eintragen),
    Uebung("kunde-repliziert", _alles(), lambda s: s.ams.kunde_replizieren(s.world.ams_benutzer, "K-1003"),
           kunde="K-1003", aufgabe="Der Kunde ist „Straßenbau Gülcan GmbH & Co. KG“ (K-1003)."),
    Uebung("makler-email", _nach(_alles(), lambda s: s.ams.haupt_email_aendern(s.world.ams_benutzer, PRIVATE_EMAIL)),
           lambda s: s.ams.haupt_email_aendern(s.world.ams_benutzer, s.world.haupt_email)),
    Uebung("btoken-bindung", _umbenannt, lambda s: s.thinksurance.support_neu_zuordnen(
        s.world.geheimnis("btoken"), NEUER_NAME, hash=s.world.geheimnis("thinksurance_hash"),
        secret=s.world.geheimnis("thinksurance_secret")), aufgabe="Anna Schmidt heißt in der cloud jetzt "
                                                          f"„{NEUER_NAME}“; in ams.5 ist das schon eingetragen."),
)
UEBUNG = {u.name: u for u in UEBUNGEN}
