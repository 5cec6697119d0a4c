"""Errors of the fakes, and the register of every rule.

Exception tree::

    FakeError               root of everything the fakes raise on purpose
    ├── Refusal             a rule refused a request: the rule (stable code) and a German message
    ├── NeighbourError      a neighbour system refused or could not be reached (code, message)
    └── StartError          the fakes could not start (port taken, no answer in time)

    OSError
    └── transport.Unreachable   inside the transport only: a neighbour did not answer; ``Transport.call``
        │                       turns it into NeighbourError("NICHT_ERREICHBAR")
        └── transport.TooSlow   … or not completely within the call's deadline: NeighbourError("ZU_LANGSAM")

A rule refuses something by raising the ``Refusal`` its ``Rule`` builds. Refusals never carry an
HTTP status; each fake's web layer maps the *kind* of refusal to a status in one place
(``fakes.common.app.STATUS_BY_KIND``).

Every ``Rule`` registers itself in ``REGISTER``, so the reference pages and the rule table are
generated from the code instead of being written twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Kind(str, Enum):
    """Kind of refusal; the web layer maps it to an HTTP status. Values appear on the site."""

    INVALID = "ungueltig"  # malformed or semantically invalid input
    UNAUTHENTICATED = "nicht_angemeldet"  # credential missing, unknown, expired
    FORBIDDEN = "verboten"  # credential fine, but not allowed
    NOT_FOUND = "nicht_gefunden"
    CONFLICT = "konflikt"
    TOO_LARGE = "zu_gross"
    UNSUPPORTED = "falsches_format"  # a body that does not say it is JSON
    OVERLOADED = "ueberlastet"  # too many requests at once: try again shortly


class FakeError(Exception):
    """Root of the fakes' own exceptions."""


@dataclass(frozen=True)
class Rule:
    """One refusal a fake can give: code, German message template, kind, and its source."""

    system: str
    code: str
    message: str
    kind: Kind = Kind.INVALID
    # "leitfaden", "thinksurance-doku", "assfinet-doku", "annahme" (modelling assumption) or
    # "fake" (the fakes' own input validation and control API, no claim about a real system)
    source: str = "annahme"
    guide: tuple[str, ...] = ()

    def refuse(self, **values: object) -> Refusal:
        return Refusal(self, self.message.format(**values) if values else self.message)


class Refusal(FakeError):
    """Raised by model functions; carries the rule and the rendered German message."""

    def __init__(self, rule: Rule, message: str) -> None:
        super().__init__(message)
        self.rule = rule
        self.message = message
        self.headers: dict[str, str] = {}  # for the answer, e.g. WWW-Authenticate with a 401

    @property
    def code(self) -> str:
        return self.rule.code


class NeighbourError(FakeError):
    """A neighbour system refused (its code and message) or could not be reached."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


class StartError(FakeError):
    """The fakes could not start; the message says why, in German."""


REGISTER: dict[str, Rule] = {}


def rule(system: str, code: str, message: str, kind: Kind = Kind.INVALID, *,
         source: str = "annahme", guide: tuple[str, ...] = ()) -> Rule:
    if code in REGISTER:
        raise ValueError(f"duplicate error code {code}")
    r = Rule(system, code, message, kind, source, guide)
    REGISTER[code] = r
    return r


def _web(code: str, message: str, kind: Kind = Kind.INVALID) -> Rule:
    """A rule of the fakes' own web layer (validation, control API): no claim about a real system."""
    return rule("alle", code, message, kind, source="fake")


# Rules of the shared web layer (any fake).
UNGUELTIGES_JSON = _web("UNGUELTIGES_JSON", "Der Anfragekörper ist kein gültiges JSON-Objekt.")
FELD_FEHLT = _web("FELD_FEHLT", "Das Pflichtfeld „{feld}“ fehlt.")
FELD_TYP = _web("FELD_TYP", "Das Feld „{feld}“ muss vom Typ {typ} sein.")
FELD_UNBEKANNT = _web("FELD_UNBEKANNT", "Das Feld „{feld}“ ist nicht vorgesehen.")
FELD_LEER = _web("FELD_LEER", "Das Feld „{feld}“ darf nicht leer sein.")
FELD_ZU_LANG = _web("FELD_ZU_LANG", "Das Feld „{feld}“ ist zu lang (höchstens {max} Zeichen).")
LISTE_ZU_LANG = _web("LISTE_ZU_LANG", "Die Liste „{feld}“ ist zu lang (höchstens {max} Einträge).")
ANFRAGE_ZU_GROSS = _web("ANFRAGE_ZU_GROSS", "Die Anfrage ist zu groß (höchstens {max} Bytes).", Kind.TOO_LARGE)
UEBERLASTET = _web("ZU_VIELE_ANFRAGEN", "Der Fake bearbeitet gerade zu viele Anfragen gleichzeitig ({max}). Bitte in einer "
                   "Sekunde erneut versuchen.", Kind.OVERLOADED)
PFAD_UNBEKANNT = _web("PFAD_UNBEKANNT", "Diese Adresse gibt es nicht.", Kind.NOT_FOUND)
METHODE_FALSCH = _web("METHODE_FALSCH", "Diese Methode ist hier nicht erlaubt.")
STEUERUNG_AUS = _web("STEUERUNG_AUS", "Die Steuerungs-Schnittstelle ist in diesem Betrieb abgeschaltet.",
                     Kind.NOT_FOUND)
SEED_UNBEKANNT = _web("SEED_UNBEKANNT", "Unbekannter Datenstand „{name}“.", Kind.NOT_FOUND)
FELD_BEREICH = _web("FELD_BEREICH", "Das Feld „{feld}“ muss zwischen {min} und {max} liegen.")
JSON_ZU_TIEF = _web("JSON_ZU_TIEF", "Der Anfragekörper ist zu tief verschachtelt (höchstens {max} Ebenen).")
INHALT_KEIN_JSON = _web("INHALT_KEIN_JSON", "Der Anfragekörper muss als JSON gesendet werden (Content-Type: "
                        "application/json), nicht als „{art}“.", Kind.UNSUPPORTED)
FREMDE_HERKUNFT = _web("FREMDE_HERKUNFT", "Diese Anfrage kommt von einer anderen Seite ({herkunft}) und ändert "
                       "Daten; sie wird abgelehnt.", Kind.FORBIDDEN)
GRENZE_ERREICHT = _web("GRENZE_ERREICHT", "Hier sind schon {max} {was} gespeichert; mehr nimmt dieser Fake nicht an. "
                       "Nicht mehr benötigte entfernen oder den Fake zurücksetzen.", Kind.CONFLICT)
HOST_FREMD = _web("HOST_FREMD", "Unter dem Namen „{host}“ antwortet dieser Fake nicht; er lauscht nur auf diesem "
                  "Rechner (127.0.0.1, localhost). Von anderen Rechnern aus: python -m fakes --host … starten.")
FELD_NULL = _web("FELD_NULL", "Das Feld „{feld}“ darf nicht null sein; um es leer zu lassen, das Feld weglassen.")
UHR_BEREICH = _web("UHR_BEREICH", "Die Uhr des Fakes lässt sich insgesamt höchstens {jahre} Jahre vor- oder "
                   "zurückstellen.")
PLATZ_UNBEKANNT = _web("PLATZ_UNBEKANNT", "Diesen Schulungsplatz gibt es hier nicht. Bitte die Adresse des Platzes "
                       "vollständig von der Trainerin oder dem Trainer übernehmen.", Kind.NOT_FOUND)
PASSWORT_NOETIG = _web("PASSWORT_NOETIG", "Dieser Bereich (Steuerung, Support, Plätze, Trainer) verlangt das "
                       "Trainer-Passwort.", Kind.UNAUTHENTICATED)
