"""con:center: the launch (DigiPro → product), mixed into ``Concenter``.

A launch reads TaaData from the cloud and forwards to Thinksurance. The model talks to both
through the ``Neighbours`` port, so no HTTP lives here; every launch is written to the launch
log (Absprung-Protokoll) with its outcome, the failed step and the reason.
"""

from __future__ import annotations

import secrets
from collections import deque
from datetime import timedelta
from typing import Any, Protocol

from fakes.common.befristet import behalten
from fakes.common.errors import Kind, NeighbourError, Refusal, rule
from fakes.common.geheim import gleich
from fakes.common.state import FakeState, sperrt_selbst

from .daten import KATALOG, LAEUFT, SCHRITTE, Benutzer, Protokolleintrag, Start

S = "concenter"
START_GUELTIGKEIT = timedelta(seconds=60)
STARTS_MAX = 5000  # launches handed over but not yet opened; beyond that the oldest go first

ANMELDUNG = rule(S, "CC_ANMELDUNG_FEHLGESCHLAGEN", "Die Anmeldung am con:center mit dem Benutzer „{name}“ ist "
                 "fehlgeschlagen.", Kind.UNAUTHENTICATED)
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

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> dict[str, Any]: ...
    def thinksurance_token(self) -> str: ...
    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str: ...


class Absprung(FakeState):
    benutzer: dict[str, Benutzer]  # provided by Concenter
    starts: dict[str, Start]
    protokoll: deque[Protokolleintrag]

    def start_anlegen(self, *, benutzer: str, passwort: str, produkt: str, kunde: str | None,
                      email: str, cloud_benutzer: str | None) -> Start:
        """ams.5 hands over a launch; the browser then opens it (see ``start_ausfuehren``)."""
        if produkt not in {p["name"] for p in KATALOG}:
            raise PRODUKT_UNBEKANNT.refuse(name=produkt)
        jetzt = self.clock.now()
        s = Start(secrets.token_urlsafe(18), benutzer, passwort, produkt, kunde, email, cloud_benutzer,
                  jetzt + START_GUELTIGKEIT)
        self.starts[s.ticket] = s
        behalten(self.starts, lambda x: x.ablauf <= jetzt, STARTS_MAX)
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

    def _neuer_eintrag(self, s: Start) -> Protokolleintrag:
        raise NotImplementedError  # provided by Concenter (numbering, retention)

    def _absprung(self, s: Start, e: Protokolleintrag, n: Neighbours) -> str | None:
        with self.lock:
            einstellungen = self._pruefen(s, e)
        if einstellungen is None:
            return None
        btoken = einstellungen["btoken"]
        kunde = _kundendaten(s, einstellungen.get("collaboration_api_token", ""), e, n, self.lock)
        try:
            token = n.thinksurance_token()
        except NeighbourError as f:
            with self.lock:
                _gescheitert(e, SCHRITTE[4], THINKSURANCE_ANMELDUNG.refuse(grund=f"{f.message} ({f.code})"))
            return None
        with self.lock:
            _ok(e, SCHRITTE[4], n.interfaces.get("token", ""))
        daten = {"type": 1, "bExternalId": s.cloud_benutzer or s.email, "bEmail": s.email,
                 **(kunde_fuer_thinksurance(kunde) if kunde else {})}
        try:
            url = n.broker_forward(token, btoken, daten)
        except NeighbourError as f:
            with self.lock:
                _gescheitert(e, SCHRITTE[5], THINKSURANCE_ABGELEHNT.refuse(grund=f"{f.message} ({f.code})"))
            return None
        with self.lock:
            _ok(e, SCHRITTE[5], n.interfaces.get("forward", ""))
        return url

    def _pruefen(self, s: Start, e: Protokolleintrag) -> dict[str, str] | None:
        """con:center's own steps (under the lock): login, product, Produktgeber settings."""
        b = self.benutzer.get(s.benutzer)
        if b is None or not gleich(b.passwort, s.passwort):
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


def _offener_schritt(e: Protokolleintrag) -> str:
    """The step an unexpected error happened in: the first one not yet recorded."""
    erledigt = {x["schritt"] for x in e.schritte}
    return next((x for x in SCHRITTE if x not in erledigt), SCHRITTE[-1])


def _kundendaten(s: Start, collaboration_token: str, e: Protokolleintrag, n: Neighbours,
                 lock: Any) -> dict[str, Any] | None:
    """Missing customer data does not stop the launch: Thinksurance opens empty (assumption A02)."""
    schritt = SCHRITTE[3]
    if s.kunde is None:
        with lock:
            e.schritte.append({"schritt": schritt, "status": "übersprungen", "grund": "kein Kunde gewählt"})
        return None
    if not s.cloud_benutzer:
        hinweis = KEIN_CLOUD_BENUTZER.refuse()
    elif not collaboration_token:
        hinweis = COLLABORATION_TOKEN_FEHLT.refuse()
    else:
        try:
            daten = n.taa_daten(collaboration_token, s.kunde, s.cloud_benutzer)
            with lock:
                _ok(e, schritt)
            return daten
        except NeighbourError as f:
            hinweis = CLOUD_ABGELEHNT.refuse(grund=f"{f.message} ({f.code})")
    with lock:
        e.ergebnis, e.schritt, e.code, e.grund = "ohne Kundendaten", schritt, hinweis.code, hinweis.message
        e.schritte.append({"schritt": schritt, "status": "ohne Kundendaten", "grund": hinweis.message})
    return None


def _ok(e: Protokolleintrag, schritt: str, schnittstelle: str = "") -> None:
    e.schritte.append({"schritt": schritt, "status": "ok", "grund": "", "schnittstelle": schnittstelle})


def _gescheitert(e: Protokolleintrag, schritt: str, f: Refusal) -> None:
    e.ergebnis, e.schritt, e.code, e.grund = "fehlgeschlagen", schritt, f.code, f.message
    e.schritte.append({"schritt": schritt, "status": "fehlgeschlagen", "grund": f.message})


def kunde_fuer_thinksurance(k: dict[str, Any]) -> dict[str, Any]:
    """cloud customer → Broker Forward fields. Company and address fields are assumed by analogy
    with the documented broker fields; revenue and staff use the documented qasCustProfile tags."""
    fragen = []
    umsatz = _zahl(k.get("umsatz"))
    if umsatz is not None:
        fragen.append({"id": "umsatz", "answers": [str(round(umsatz * 100))]})  # cent
    for tag, feld in (("anzahl_vollzeitmitarbeiter", "mitarbeiter_vollzeit"),
                      ("anzahl_teilzeitmitarbeiter", "mitarbeiter_teilzeit")):
        anzahl = _zahl(k.get(feld))
        if anzahl is not None:
            fragen.append({"id": tag, "answers": [str(int(anzahl))]})  # documented: integers only
    felder: dict[str, Any] = {
        "cExternalId": k["kundennummer"], "cCompany": k.get("firma"), "cStreet": k.get("strasse"),
        "cStreetNumber": k.get("hausnummer"), "cZip": k.get("plz"), "cCity": k.get("ort"),
        "cPhone": k.get("telefon"), "cEmail": k.get("email"), "cFirstName": k.get("ansprechpartner_vorname"),
        "cLastName": k.get("ansprechpartner_nachname"),
        "cExternalReferences": [{"origin": "crm", "paramKey": "ams-Kundennummer", "paramValue": k["kundennummer"]}]}
    if fragen:
        felder["qasCustProfile"] = {"source": "crm", "categories": [{"id": "default", "questions": fragen}]}
    return {f: w for f, w in felder.items() if w not in (None, "")}


def _zahl(wert: Any) -> float | None:
    """A number from a real cloud may arrive as text; anything unreadable is left out."""
    try:
        return float(str(wert).replace(",", ".")) if wert not in (None, "") else None
    except ValueError:
        return None
