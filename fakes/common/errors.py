"""Domain errors of the fakes.

A rule refuses something by raising ``FachFehler`` built from a ``Regel``: a stable code for
machines and a German message for people. Errors never carry an HTTP status; each fake's web
layer maps the *kind* of error to a status in one place (``web.STATUS_JE_ART``).

Every ``Regel`` registers itself in ``REGISTER`` so the reference pages and the rule table are
generated from the code instead of being written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Art(str, Enum):
    """Kind of refusal; the web layer maps it to an HTTP status."""

    UNGUELTIG = "ungueltig"  # malformed or semantically invalid input
    NICHT_ANGEMELDET = "nicht_angemeldet"  # credential missing, unknown, expired
    VERBOTEN = "verboten"  # credential fine, but not allowed
    NICHT_GEFUNDEN = "nicht_gefunden"
    KONFLIKT = "konflikt"
    ZU_GROSS = "zu_gross"


@dataclass(frozen=True)
class Regel:
    """One refusal the fake can give: code, German message template, kind, and its source."""

    system: str
    code: str
    meldung: str
    art: Art = Art.UNGUELTIG
    # "leitfaden", "thinksurance-doku", "assfinet-doku", "annahme" (modelling assumption) or
    # "fake" (the fakes' own input validation and control API, no claim about a real system)
    quelle: str = "annahme"
    leitfaden: tuple[str, ...] = ()

    def fehler(self, **werte: object) -> "FachFehler":
        return FachFehler(self, self.meldung.format(**werte) if werte else self.meldung)


REGISTER: dict[str, Regel] = {}


def regel(system: str, code: str, meldung: str, art: Art = Art.UNGUELTIG, *,
          quelle: str = "annahme", leitfaden: tuple[str, ...] = ()) -> Regel:
    if code in REGISTER:
        raise ValueError(f"duplicate error code {code}")
    r = Regel(system, code, meldung, art, quelle, leitfaden)
    REGISTER[code] = r
    return r


class FachFehler(Exception):
    """Raised by model functions; carries the rule and the rendered German message."""

    def __init__(self, regel: Regel, meldung: str) -> None:
        super().__init__(meldung)
        self.regel = regel
        self.meldung = meldung

    @property
    def code(self) -> str:
        return self.regel.code


def _web(code: str, meldung: str, art: Art = Art.UNGUELTIG) -> Regel:
    """A rule of the fakes' own web layer (validation, control API): no claim about a real system."""
    return regel("alle", code, meldung, art, quelle="fake")


# Errors of the shared web layer (any fake).
UNGUELTIGES_JSON = _web("UNGUELTIGES_JSON",
                         "Der Anfragekörper ist kein gültiges JSON-Objekt.")
FELD_FEHLT = _web("FELD_FEHLT", "Das Pflichtfeld „{feld}“ fehlt.")
FELD_TYP = _web("FELD_TYP", "Das Feld „{feld}“ muss vom Typ {typ} sein.")
FELD_UNBEKANNT = _web("FELD_UNBEKANNT", "Das Feld „{feld}“ ist nicht vorgesehen.")
FELD_LEER = _web("FELD_LEER", "Das Feld „{feld}“ darf nicht leer sein.")
FELD_ZU_LANG = _web("FELD_ZU_LANG", "Das Feld „{feld}“ ist zu lang (höchstens {max} Zeichen).")
LISTE_ZU_LANG = _web("LISTE_ZU_LANG", "Die Liste „{feld}“ ist zu lang (höchstens {max} Einträge).")
ANFRAGE_ZU_GROSS = _web("ANFRAGE_ZU_GROSS",
                         "Die Anfrage ist zu groß (höchstens {max} Bytes).", Art.ZU_GROSS)
PFAD_UNBEKANNT = _web("PFAD_UNBEKANNT", "Diese Adresse gibt es nicht.", Art.NICHT_GEFUNDEN)
METHODE_FALSCH = _web("METHODE_FALSCH", "Diese Methode ist hier nicht erlaubt.")
STEUERUNG_AUS = _web("STEUERUNG_AUS",
                      "Die Steuerungs-Schnittstelle ist in diesem Betrieb abgeschaltet.",
                      Art.NICHT_GEFUNDEN)
SEED_UNBEKANNT = _web("SEED_UNBEKANNT", "Unbekannter Datenstand „{name}“.",
                       Art.NICHT_GEFUNDEN)
FELD_BEREICH = _web("FELD_BEREICH",
                     "Das Feld „{feld}“ muss zwischen {min} und {max} liegen.")
JSON_ZU_TIEF = _web("JSON_ZU_TIEF",
                     "Der Anfragekörper ist zu tief verschachtelt (höchstens {max} Ebenen).")
UHR_BEREICH = _web("UHR_BEREICH",
                    "Die Uhr des Fakes lässt sich insgesamt höchstens {jahre} Jahre vor- oder "
                    "zurückstellen.")
