"""con:center: users, products, Produktgeber settings, Produktfreischaltungen and the launch
(DigiPro → product). State and rules only, no HTTP.

A launch reads TaaData from the cloud and forwards to Thinksurance. The model talks to both
through the ``Neighbours`` port; every launch is written to the launch log (Absprung-Protokoll)
with its outcome, the failed step and the reason.
"""

from __future__ import annotations

import secrets
from collections import deque
from dataclasses import replace
from datetime import timedelta
from typing import Any, Callable, Protocol

from basis import demo
from basis.kundenfelder import Kundendaten, nach_thinksurance
from fakes.common import paging
from fakes.common.bounded import keep
from fakes.common.compare import same_secret
from fakes.common.errors import Kind, NeighbourError, Refusal, rule
from fakes.common.sessions import Sessions
from fakes.common.state import FakeState, sperrt_selbst

from .daten import KATALOG, LAEUFT, PRODUKTGEBER, PROTOKOLL_MAX, SCHRITTE, Benutzer, Protokolleintrag, Start

S = "concenter"
START_GUELTIGKEIT = timedelta(seconds=60)
STARTS_MAX = 5000  # launches handed over but not yet opened; beyond that the oldest go first

BENUTZER_UNBEKANNT = rule(S, "CC_BENUTZER_UNBEKANNT", "Den con:center Benutzer „{name}“ gibt es nicht.",
                          Kind.NOT_FOUND)
PRODUKTGEBER_UNBEKANNT = rule(S, "CC_PRODUKTGEBER_UNBEKANNT", "Den Produktgeber „{name}“ gibt es im con:center nicht.",
                              Kind.NOT_FOUND, guide=("G14",))
RECHT_UNBEKANNT = rule(S, "CC_RECHT_UNBEKANNT", "Die Produktberechtigung „{name}“ gibt es nicht.")
ANMELDUNG = rule(S, "CC_ANMELDUNG_FEHLGESCHLAGEN", "Die Anmeldung am con:center mit dem Benutzer „{name}“ ist "
                 "fehlgeschlagen.", Kind.UNAUTHENTICATED)
ANMELDUNG_NOETIG = rule(S, "CC_ANMELDUNG_NOETIG", "Die Einstellungen von „{name}“ ändert nur „{name}“ selbst: "
                        "bitte mit Benutzer und Passwort anmelden (HTTP Basic).", Kind.UNAUTHENTICATED)
NUR_EIGENE = rule(S, "CC_NUR_EIGENE_EINSTELLUNGEN", "Angemeldet als „{angemeldet}“ lassen sich die Einstellungen von "
                  "„{name}“ nicht ändern – nur die eigenen.", Kind.FORBIDDEN)
PRODUKT_UNBEKANNT = rule(S, "CC_PRODUKT_UNBEKANNT", "Das Produkt „{name}“ gibt es nicht.", Kind.NOT_FOUND)
PRODUKT_NICHT_FREIGESCHALTET = rule(
    S, "CC_PRODUKT_NICHT_FREIGESCHALTET",
    "Der con:center Benutzer „{name}“ verfügt nicht über das Produkt „{recht}“ (beim assfinet "
    "Support erfragen).", Kind.FORBIDDEN, source="leitfaden", guide=("G05",))
BTOKEN_FEHLT = rule(S, "CC_BTOKEN_FEHLT", "Beim Produktgeber Thinksurance ist für „{name}“ kein btoken hinterlegt.",
                    Kind.FORBIDDEN, source="leitfaden", guide=("G15",))
START_UNGUELTIG = rule(S, "CC_START_UNGUELTIG", "Dieser Absprung ist unbekannt, abgelaufen oder wurde schon "
                       "ausgeführt. Bitte in ams.5 erneut DigiPro wählen.", Kind.NOT_FOUND)
# Launch outcomes that are not refusals of the request but reasons in the launch log.
KEIN_CLOUD_BENUTZER = rule(
    S, "CC_KEIN_CLOUD_BENUTZER",
    "ams.5 hat keinen cloud Benutzer übermittelt – beim cloud Konto des ams Benutzers ist "
    "„Maklerextranet aktivieren“ nicht angehakt. Thinksurance öffnet sich ohne Kundendaten.",
    source="annahme", guide=("G16",))
COLLABORATION_TOKEN_FEHLT = rule(
    S, "CC_COLLABORATION_TOKEN_FEHLT",
    "Beim Produktgeber Thinksurance ist kein Collaboration API Token hinterlegt. Thinksurance "
    "öffnet sich ohne Kundendaten.", source="leitfaden", guide=("G15",))
CLOUD_ABGELEHNT = rule(
    S, "CC_CLOUD_ABGELEHNT",
    "Die assfinet cloud hat die Kundendaten nicht herausgegeben: {grund} Thinksurance öffnet "
    "sich ohne Kundendaten.", guide=("G15",))
THINKSURANCE_ANMELDUNG = rule(S, "CC_THINKSURANCE_ANMELDUNG",
                              "Die Anmeldung des con:center bei Thinksurance ist fehlgeschlagen: {grund}",
                              Kind.FORBIDDEN, source="fake")
THINKSURANCE_ABGELEHNT = rule(S, "CC_THINKSURANCE_ABGELEHNT", "Thinksurance hat den Absprung abgelehnt: {grund}",
                              Kind.FORBIDDEN, guide=("G04", "G15"))
UNERWARTET = rule(S, "CC_ABSPRUNG_UNERWARTET", "Der Absprung ist unerwartet gescheitert ({grund}). Bitte erneut "
                  "abspringen; bleibt es dabei, den assfinet Support mit diesem Eintrag des Protokolls fragen.",
                  Kind.FORBIDDEN, source="fake")


class Neighbours(Protocol):
    """The cloud and Thinksurance as con:center sees them; refusals arrive as NeighbourError."""

    # Which interface each call uses, for the launch log (e.g. "V1.1 POST /api/ipn/tokens").
    interfaces: dict[str, str]

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> Kundendaten: ...
    def thinksurance_token(self) -> str: ...
    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str: ...


class Concenter(FakeState):
    system = S

    def __init__(self, protokoll_max: int = PROTOKOLL_MAX) -> None:
        self.protokoll_max = protokoll_max
        super().__init__()

    def reset(self) -> None:
        self.benutzer: dict[str, Benutzer] = {}
        self.starts: dict[str, Start] = {}
        self.protokoll: deque[Protokolleintrag] = deque(maxlen=self.protokoll_max)
        self.protokoll_zaehler = 0
        self.sitzungen = Sessions(self.clock)  # of the pages: a reset ends every login

    def _neuer_eintrag(self, s: Start) -> Protokolleintrag:
        """A new launch-log entry; the log keeps the newest ``protokoll_max`` (retention)."""
        self.protokoll_zaehler += 1
        e = Protokolleintrag(self.protokoll_zaehler, self.clock.now().strftime("%Y-%m-%d %H:%M:%S"),
                             s.benutzer, s.produkt, s.kunde)
        self.protokoll.append(e)
        return e

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": self._ausgangslage}

    def anmelden(self, name: str, passwort: str) -> Benutzer:
        b = self.benutzer.get(name)
        if b is None or not same_secret(b.passwort, passwort):
            raise ANMELDUNG.refuse(name=name)
        return b

    def selbst(self, name: str, zugang: tuple[str, str] | None) -> Benutzer:
        """Only the user themself, with their password, changes their Produktgeber settings (a btoken
        overwritten by anyone would send every launch to someone else's account)."""
        if zugang is None:
            raise ANMELDUNG_NOETIG.refuse(name=name)
        b = self.anmelden(*zugang)
        if b.name != name:
            raise NUR_EIGENE.refuse(name=name, angemeldet=b.name)
        return b

    def _benutzer(self, name: str) -> Benutzer:
        if name not in self.benutzer:
            raise BENUTZER_UNBEKANNT.refuse(name=name)
        return self.benutzer[name]

    def benutzer_anlegen(self, name: str, passwort: str, rechte: list[str]) -> Benutzer:
        for r in rechte:
            self._recht_pruefen(r)
        self.benutzer[name] = Benutzer(name, passwort, set(rechte))
        return self.benutzer[name]

    @staticmethod
    def _recht_pruefen(recht: str) -> None:
        if recht not in {p["recht"] for p in KATALOG}:
            raise RECHT_UNBEKANNT.refuse(name=recht)

    def produkt_freischalten(self, name: str, recht: str, aktiv: bool = True) -> set[str]:
        """What assfinet support does when a user gets (or loses) the product Thinksurance."""
        self._recht_pruefen(recht)
        b = self._benutzer(name)
        (b.rechte.add if aktiv else b.rechte.discard)(recht)
        return b.rechte

    def produktfreischaltungen(self, name: str, passwort: str) -> list[str]:
        """The product list ams.5 refreshes: only products whose right the user holds (G05)."""
        b = self.anmelden(name, passwort)
        return [p["name"] for p in KATALOG if p["recht"] in b.rechte]

    def produktgeber_einstellungen_speichern(self, name: str, produktgeber: str,
                                             werte: dict[str, str]) -> dict[str, str]:
        """Replaces all values; a field not given is emptied."""
        leer = {f: "" for f in PRODUKTGEBER.get(produktgeber, ())}
        return self.produktgeber_einstellungen_aendern(name, produktgeber, {**leer, **werte})

    def produktgeber_einstellungen_aendern(self, name: str, produktgeber: str,
                                           werte: dict[str, str]) -> dict[str, str]:
        """Changes only the fields given; the others keep their stored value."""
        alt = self.produktgeber_einstellungen(name, produktgeber)
        self._benutzer(name).produktgeber[produktgeber] = {
            f: (werte[f] or "").strip() if f in werte else alt[f] for f in PRODUKTGEBER[produktgeber]}
        return self._benutzer(name).produktgeber[produktgeber]

    def produktgeber_einstellungen(self, name: str, produktgeber: str) -> dict[str, str]:
        b = self._benutzer(name)
        if produktgeber not in PRODUKTGEBER:
            raise PRODUKTGEBER_UNBEKANNT.refuse(name=produktgeber)
        return b.produktgeber.get(produktgeber, {f: "" for f in PRODUKTGEBER[produktgeber]})

    def protokoll_lesen(self, seite: int = 1, pro_seite: int = PROTOKOLL_MAX) -> tuple[list[Protokolleintrag], int]:
        """One page of the launch log, newest first, and how many entries it keeps in all."""
        return paging.seite(list(reversed(self.protokoll)), seite, pro_seite, PROTOKOLL_MAX), len(self.protokoll)

    # --- the launch (DigiPro → product) -------------------------------------------------------

    def start_anlegen(self, *, benutzer: str, passwort: str, produkt: str, kunde: str | None,
                      email: str, cloud_benutzer: str | None) -> Start:
        """ams.5 hands over a launch; the browser then opens it (see ``start_ausfuehren``)."""
        if produkt not in {p["name"] for p in KATALOG}:
            raise PRODUKT_UNBEKANNT.refuse(name=produkt)
        jetzt = self.clock.now()
        s = Start(secrets.token_urlsafe(18), benutzer, passwort, produkt, kunde, email, cloud_benutzer,
                  jetzt + START_GUELTIGKEIT)
        self.starts[s.ticket] = s
        keep(self.starts, lambda x: x.ablauf <= jetzt, STARTS_MAX)
        return s

    @sperrt_selbst
    def start_ausfuehren(self, ticket: str, neighbours: Neighbours) -> tuple[Protokolleintrag, str | None]:
        """Runs the launch once; returns the log entry and the Thinksurance URL (None on failure).

        The lock is held only around con:center's own state, never while a neighbour answers.
        Invariant: the entry says "erfolgreich" only if every step ran and succeeded; an exception
        anywhere ends it as "fehlgeschlagen" in the step it happened, with the reason."""
        with self.lock:
            s = self.starts.pop(ticket, None)
            if s is None or s.ablauf <= self.clock.now():
                raise START_UNGUELTIG.refuse()
            e = self._neuer_eintrag(s)
        try:
            url = self._absprung(s, e, neighbours)
        except Exception as f:  # noqa: BLE001 - recorded, never "erfolgreich"
            with self.lock:
                _gescheitert(e, _offener_schritt(e), UNERWARTET.refuse(grund=f"{type(f).__name__}: {f}"[:300]))
            return e, None
        with self.lock:
            if url is None:
                return e, None
            if e.ergebnis == LAEUFT:
                e.ergebnis = "erfolgreich"
            return e, url

    def _absprung(self, s: Start, e: Protokolleintrag, n: Neighbours) -> str | None:
        with self.lock:
            einstellungen = self._pruefen(s, e)
        if einstellungen is None:
            return None
        btoken = einstellungen["btoken"]
        kunde = self._kundendaten(s, einstellungen.get("collaboration_api_token", ""), e, n)
        try:
            token = n.thinksurance_token()
        except NeighbourError as f:
            with self.lock:
                _gescheitert(e, SCHRITTE[4], THINKSURANCE_ANMELDUNG.refuse(grund=f"{f.message} ({f.code})"))
            return None
        with self.lock:
            _ok(e, SCHRITTE[4], n.interfaces.get("token", ""))
        daten = {"type": 1, "bExternalId": s.cloud_benutzer or s.email, "bEmail": s.email,
                 **(nach_thinksurance(kunde) if kunde else {})}
        try:
            url = n.broker_forward(token, btoken, daten)
        except NeighbourError as f:
            with self.lock:
                _gescheitert(e, SCHRITTE[5], THINKSURANCE_ABGELEHNT.refuse(grund=f"{f.message} ({f.code})"))
            return None
        with self.lock:
            _ok(e, SCHRITTE[5], n.interfaces.get("forward", ""))
        return url

    def _kundendaten(self, s: Start, collaboration_token: str, e: Protokolleintrag,
                     n: Neighbours) -> Kundendaten | None:
        """Missing customer data does not stop the launch: Thinksurance opens empty (assumption A02)."""
        schritt = SCHRITTE[3]
        if s.kunde is None:
            with self.lock:
                e.schritte.append({"schritt": schritt, "status": "übersprungen", "grund": "kein Kunde gewählt"})
            return None
        if not s.cloud_benutzer:
            hinweis = KEIN_CLOUD_BENUTZER.refuse()
        elif not collaboration_token:
            hinweis = COLLABORATION_TOKEN_FEHLT.refuse()
        else:
            try:
                daten = n.taa_daten(collaboration_token, s.kunde, s.cloud_benutzer)
                with self.lock:
                    _ok(e, schritt)
                # cExternalId is the ams customer number; a cloud that does not repeat it still means this one
                return daten if daten.kundennummer else replace(daten, kundennummer=s.kunde)
            except NeighbourError as f:
                hinweis = CLOUD_ABGELEHNT.refuse(grund=f"{f.message} ({f.code})")
        with self.lock:
            e.ergebnis, e.schritt, e.code, e.grund = "ohne Kundendaten", schritt, hinweis.code, hinweis.message
            e.schritte.append({"schritt": schritt, "status": "ohne Kundendaten", "grund": hinweis.message})
        return None

    def _pruefen(self, s: Start, e: Protokolleintrag) -> dict[str, str] | None:
        """con:center's own steps (under the lock): login, product, Produktgeber settings."""
        b = self.benutzer.get(s.benutzer)
        if b is None or not same_secret(b.passwort, s.passwort):
            _gescheitert(e, SCHRITTE[0], ANMELDUNG.refuse(name=s.benutzer))
            return None
        _ok(e, SCHRITTE[0])
        recht = next(p["recht"] for p in KATALOG if p["name"] == s.produkt)
        if recht not in b.rechte:
            _gescheitert(e, SCHRITTE[1], PRODUKT_NICHT_FREIGESCHALTET.refuse(name=b.name, recht=recht))
            return None
        _ok(e, SCHRITTE[1])
        einstellungen = dict(b.produktgeber.get("Thinksurance", {}))
        if not einstellungen.get("btoken", ""):
            _gescheitert(e, SCHRITTE[2], BTOKEN_FEHLT.refuse(name=b.name))
            return None
        _ok(e, SCHRITTE[2])
        return einstellungen

    # --- seed ---------------------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        self.benutzer_anlegen(demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT, ["Thinksurance", "Tarifrechner"])
        self.benutzer_anlegen(demo.CONCENTER_KOLLEGE, demo.CONCENTER_KOLLEGE_PASSWORT, ["Tarifrechner"])


def _offener_schritt(e: Protokolleintrag) -> str:
    """The step an unexpected error happened in: the first one not yet recorded."""
    erledigt = {x["schritt"] for x in e.schritte}
    return next((x for x in SCHRITTE if x not in erledigt), SCHRITTE[-1])


def _ok(e: Protokolleintrag, schritt: str, schnittstelle: str = "") -> None:
    e.schritte.append({"schritt": schritt, "status": "ok", "grund": "", "schnittstelle": schnittstelle})


def _gescheitert(e: Protokolleintrag, schritt: str, f: Refusal) -> None:
    e.ergebnis, e.schritt, e.code, e.grund = "fehlgeschlagen", schritt, f.code, f.message
    e.schritte.append({"schritt": schritt, "status": "fehlgeschlagen", "grund": f.message})
