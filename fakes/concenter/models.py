"""con:center: users, products, Produktgeber settings, Produktfreischaltungen, the launch.

The launch (DigiPro → product) reads TaaData from the cloud and forwards to Thinksurance. The
model talks to both through the ``Gegenstellen`` port, so no HTTP lives here; every launch is
written to the launch log (Absprung-Protokoll) with outcome, failed step and reason.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from fakes import demo
from fakes.common.errors import Art, regel
from fakes.common.web import Zustand

S = "concenter"
START_GUELTIGKEIT = timedelta(seconds=60)

KATALOG = [
    {"name": demo.PRODUKT, "produktgeber": "Thinksurance", "recht": "Thinksurance"},
    {"name": "Vergleichsrechner Privathaftpflicht", "produktgeber": "Vergleichsrechner",
     "recht": "Tarifrechner"},
]
PRODUKTGEBER = {"Thinksurance": ("collaboration_api_token", "btoken"), "Vergleichsrechner": ()}

ANMELDUNG = regel(S, "CC_ANMELDUNG_FEHLGESCHLAGEN",
                  "Die Anmeldung am con:center mit dem Benutzer „{name}“ ist fehlgeschlagen.",
                  Art.NICHT_ANGEMELDET)
BENUTZER_UNBEKANNT = regel(S, "CC_BENUTZER_UNBEKANNT", "Den con:center Benutzer „{name}“ gibt es nicht.",
                           Art.NICHT_GEFUNDEN)
PRODUKTGEBER_UNBEKANNT = regel(S, "CC_PRODUKTGEBER_UNBEKANNT",
                               "Den Produktgeber „{name}“ gibt es im con:center nicht.",
                               Art.NICHT_GEFUNDEN, leitfaden=("G14",))
PRODUKT_UNBEKANNT = regel(S, "CC_PRODUKT_UNBEKANNT", "Das Produkt „{name}“ gibt es nicht.",
                          Art.NICHT_GEFUNDEN)
RECHT_UNBEKANNT = regel(S, "CC_RECHT_UNBEKANNT", "Die Produktberechtigung „{name}“ gibt es nicht.")
PRODUKT_NICHT_FREIGESCHALTET = regel(
    S, "CC_PRODUKT_NICHT_FREIGESCHALTET",
    "Der con:center Benutzer „{name}“ verfügt nicht über das Produkt „{recht}“ (beim assfinet "
    "Support erfragen).", Art.VERBOTEN, quelle="leitfaden", leitfaden=("G05",))
BTOKEN_FEHLT = regel(
    S, "CC_BTOKEN_FEHLT",
    "Beim Produktgeber Thinksurance ist für „{name}“ kein btoken hinterlegt.", Art.VERBOTEN,
    quelle="leitfaden", leitfaden=("G15",))
START_UNGUELTIG = regel(S, "CC_START_UNGUELTIG",
                        "Dieser Absprung ist unbekannt, abgelaufen oder wurde schon ausgeführt. "
                        "Bitte in ams.5 erneut DigiPro wählen.", Art.NICHT_GEFUNDEN)
# Launch outcomes that are not refusals of the request but reasons in the launch log.
KEIN_CLOUD_BENUTZER = regel(
    S, "CC_KEIN_CLOUD_BENUTZER",
    "ams.5 hat keinen cloud Benutzer übermittelt – beim cloud Konto des ams Benutzers ist "
    "„Maklerextranet aktivieren“ nicht angehakt. Thinksurance öffnet sich ohne Kundendaten.",
    quelle="annahme", leitfaden=("G16",))
COLLABORATION_TOKEN_FEHLT = regel(
    S, "CC_COLLABORATION_TOKEN_FEHLT",
    "Beim Produktgeber Thinksurance ist kein Collaboration API Token hinterlegt. Thinksurance "
    "öffnet sich ohne Kundendaten.", quelle="leitfaden", leitfaden=("G15",))
CLOUD_ABGELEHNT = regel(
    S, "CC_CLOUD_ABGELEHNT",
    "Die assfinet cloud hat die Kundendaten nicht herausgegeben: {grund} Thinksurance öffnet "
    "sich ohne Kundendaten.", leitfaden=("G15",))
THINKSURANCE_ANMELDUNG = regel(
    S, "CC_THINKSURANCE_ANMELDUNG",
    "Die Anmeldung des con:center bei Thinksurance ist fehlgeschlagen: {grund}", Art.VERBOTEN)
THINKSURANCE_ABGELEHNT = regel(
    S, "CC_THINKSURANCE_ABGELEHNT", "Thinksurance hat den Absprung abgelehnt: {grund}",
    Art.VERBOTEN, leitfaden=("G04", "G15"))

SCHRITTE = ("Anmeldung am con:center", "Produktberechtigung", "Produktgeber-Einstellungen",
            "Kundendaten aus der cloud lesen", "Anmeldung bei Thinksurance", "Broker Forward")


class GegenstellenFehler(Exception):
    """A neighbour system refused or could not be reached."""

    def __init__(self, code: str, meldung: str) -> None:
        super().__init__(meldung)
        self.code, self.meldung = code, meldung


class Gegenstellen(Protocol):
    # Which interface each call uses, for the launch log (e.g. "V1.1 POST /api/ipn/tokens").
    schnittstellen: dict[str, str]

    def taa_daten(self, access_token: str, kunde: str, cloud_benutzer: str) -> dict[str, Any]: ...
    def thinksurance_token(self) -> str: ...
    def broker_forward(self, token: str, btoken: str, daten: dict[str, Any]) -> str: ...


@dataclass
class Benutzer:
    name: str
    passwort: str
    rechte: set[str]
    produktgeber: dict[str, dict[str, str]] = field(default_factory=dict)


@dataclass
class Start:
    ticket: str
    benutzer: str
    passwort: str
    produkt: str
    kunde: str | None
    email: str
    cloud_benutzer: str | None
    ablauf: datetime


@dataclass
class Protokolleintrag:
    id: int
    zeit: str
    benutzer: str
    produkt: str
    kunde: str | None
    ergebnis: str = "erfolgreich"  # erfolgreich | ohne Kundendaten | fehlgeschlagen
    schritt: str | None = None
    code: str | None = None
    grund: str | None = None
    schritte: list[dict[str, str]] = field(default_factory=list)


class Concenter(Zustand):
    system = S

    def reset(self) -> None:
        self.benutzer: dict[str, Benutzer] = {}
        self.starts: dict[str, Start] = {}
        self.protokoll: list[Protokolleintrag] = []

    def datenstaende(self) -> dict[str, Any]:
        return {"ausgangslage": self._ausgangslage}

    # --- users, products, settings ------------------------------------------------------------

    def anmelden(self, name: str, passwort: str) -> Benutzer:
        b = self.benutzer.get(name)
        if b is None or not secrets.compare_digest(b.passwort, passwort):
            raise ANMELDUNG.fehler(name=name)
        return b

    def _benutzer(self, name: str) -> Benutzer:
        if name not in self.benutzer:
            raise BENUTZER_UNBEKANNT.fehler(name=name)
        return self.benutzer[name]

    def benutzer_anlegen(self, name: str, passwort: str, rechte: list[str]) -> Benutzer:
        for r in rechte:
            self._recht_pruefen(r)
        self.benutzer[name] = Benutzer(name, passwort, set(rechte))
        return self.benutzer[name]

    @staticmethod
    def _recht_pruefen(recht: str) -> None:
        if recht not in {p["recht"] for p in KATALOG}:
            raise RECHT_UNBEKANNT.fehler(name=recht)

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
        b = self._benutzer(name)
        if produktgeber not in PRODUKTGEBER:
            raise PRODUKTGEBER_UNBEKANNT.fehler(name=produktgeber)
        felder = PRODUKTGEBER[produktgeber]
        b.produktgeber[produktgeber] = {f: (werte.get(f) or "").strip() for f in felder}
        return b.produktgeber[produktgeber]

    def produktgeber_einstellungen(self, name: str, produktgeber: str) -> dict[str, str]:
        b = self._benutzer(name)
        if produktgeber not in PRODUKTGEBER:
            raise PRODUKTGEBER_UNBEKANNT.fehler(name=produktgeber)
        return b.produktgeber.get(produktgeber, {f: "" for f in PRODUKTGEBER[produktgeber]})

    # --- launch -------------------------------------------------------------------------------

    def start_anlegen(self, *, benutzer: str, passwort: str, produkt: str, kunde: str | None,
                      email: str, cloud_benutzer: str | None) -> Start:
        """ams.5 hands over a launch; the browser then opens it (see ``start_ausfuehren``)."""
        if produkt not in {p["name"] for p in KATALOG}:
            raise PRODUKT_UNBEKANNT.fehler(name=produkt)
        s = Start(secrets.token_urlsafe(18), benutzer, passwort, produkt, kunde, email,
                  cloud_benutzer, self.uhr.jetzt() + START_GUELTIGKEIT)
        self.starts[s.ticket] = s
        return s

    def start_ausfuehren(self, ticket: str, gegenstellen: Gegenstellen) -> tuple[Protokolleintrag, str | None]:
        """Runs the launch once; returns the log entry and the Thinksurance URL (None on failure)."""
        s = self.starts.pop(ticket, None)
        if s is None or s.ablauf <= self.uhr.jetzt():
            raise START_UNGUELTIG.fehler()
        e = Protokolleintrag(len(self.protokoll) + 1, self.uhr.jetzt().strftime("%Y-%m-%d %H:%M:%S"),
                             s.benutzer, s.produkt, s.kunde)
        self.protokoll.append(e)
        try:
            return e, self._absprung(s, e, gegenstellen)
        except _Abbruch:
            return e, None

    def _absprung(self, s: Start, e: Protokolleintrag, g: Gegenstellen) -> str:
        b = self.benutzer.get(s.benutzer)
        if b is None or not secrets.compare_digest(b.passwort, s.passwort):
            _scheitern(e, SCHRITTE[0], ANMELDUNG.fehler(name=s.benutzer))
        _ok(e, SCHRITTE[0])
        recht = next(p["recht"] for p in KATALOG if p["name"] == s.produkt)
        if recht not in b.rechte:
            _scheitern(e, SCHRITTE[1], PRODUKT_NICHT_FREIGESCHALTET.fehler(name=b.name, recht=recht))
        _ok(e, SCHRITTE[1])
        einstellungen = b.produktgeber.get("Thinksurance", {})
        btoken = einstellungen.get("btoken", "")
        if not btoken:
            _scheitern(e, SCHRITTE[2], BTOKEN_FEHLT.fehler(name=b.name))
        _ok(e, SCHRITTE[2])
        kunde = self._kundendaten(s, einstellungen.get("collaboration_api_token", ""), e, g)
        try:
            token = g.thinksurance_token()
        except GegenstellenFehler as f:
            _scheitern(e, SCHRITTE[4], THINKSURANCE_ANMELDUNG.fehler(grund=f.meldung))
        _ok(e, SCHRITTE[4], g.schnittstellen.get("token", ""))
        daten = {"type": 1, "bExternalId": s.cloud_benutzer or s.email, "bEmail": s.email,
                 **(kunde_fuer_thinksurance(kunde) if kunde else {})}
        try:
            url = g.broker_forward(token, btoken, daten)
        except GegenstellenFehler as f:
            _scheitern(e, SCHRITTE[5], THINKSURANCE_ABGELEHNT.fehler(grund=f.meldung))
        _ok(e, SCHRITTE[5], g.schnittstellen.get("forward", ""))
        return url

    @staticmethod
    def _kundendaten(s: Start, collaboration_token: str, e: Protokolleintrag,
                     g: Gegenstellen) -> dict[str, Any] | None:
        """Missing customer data does not stop the launch: Thinksurance opens empty (fake-world)."""
        schritt = SCHRITTE[3]
        if s.kunde is None:
            e.schritte.append({"schritt": schritt, "status": "übersprungen", "grund": "kein Kunde gewählt"})
            return None
        hinweis = None
        if not s.cloud_benutzer:
            hinweis = KEIN_CLOUD_BENUTZER.fehler()
        elif not collaboration_token:
            hinweis = COLLABORATION_TOKEN_FEHLT.fehler()
        else:
            try:
                daten = g.taa_daten(collaboration_token, s.kunde, s.cloud_benutzer)
                _ok(e, schritt)
                return daten
            except GegenstellenFehler as f:
                hinweis = CLOUD_ABGELEHNT.fehler(grund=f"{f.meldung} ({f.code})")
        e.ergebnis, e.schritt, e.code, e.grund = "ohne Kundendaten", schritt, hinweis.code, hinweis.meldung
        e.schritte.append({"schritt": schritt, "status": "ohne Kundendaten", "grund": hinweis.meldung})
        return None

    def _ausgangslage(self) -> None:
        self.benutzer_anlegen(demo.CONCENTER_BENUTZER, demo.CONCENTER_PASSWORT,
                              ["Thinksurance", "Tarifrechner"])
        self.benutzer_anlegen(demo.CONCENTER_KOLLEGE, demo.CONCENTER_KOLLEGE_PASSWORT, ["Tarifrechner"])

    def als_dict(self) -> dict[str, Any]:
        return {
            "benutzer": [{"name": b.name, "rechte": sorted(b.rechte),
                          "produktgeber": {p: {k: ("•••" if v else "") for k, v in w.items()}
                                           for p, w in b.produktgeber.items()}}
                         for b in self.benutzer.values()],
            "protokoll": [eintrag_als_dict(e) for e in self.protokoll],
        }


class _Abbruch(Exception):
    pass


def _ok(e: Protokolleintrag, schritt: str, schnittstelle: str = "") -> None:
    e.schritte.append({"schritt": schritt, "status": "ok", "grund": "", "schnittstelle": schnittstelle})


def _scheitern(e: Protokolleintrag, schritt: str, f: Any) -> None:
    e.ergebnis, e.schritt, e.code, e.grund = "fehlgeschlagen", schritt, f.code, f.meldung
    e.schritte.append({"schritt": schritt, "status": "fehlgeschlagen", "grund": f.meldung})
    raise _Abbruch


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
    felder = {"cExternalId": k["kundennummer"], "cCompany": k.get("firma"),
              "cStreet": k.get("strasse"), "cStreetNumber": k.get("hausnummer"),
              "cZip": k.get("plz"), "cCity": k.get("ort"), "cPhone": k.get("telefon"),
              "cEmail": k.get("email"), "cFirstName": k.get("ansprechpartner_vorname"),
              "cLastName": k.get("ansprechpartner_nachname"),
              "cExternalReferences": [{"origin": "crm", "paramKey": "ams-Kundennummer",
                                       "paramValue": k["kundennummer"]}]}
    if fragen:
        felder["qasCustProfile"] = {"source": "crm",
                                    "categories": [{"id": "default", "questions": fragen}]}
    return {f: w for f, w in felder.items() if w not in (None, "")}


def _zahl(wert: Any) -> float | None:
    """A number from a real cloud may arrive as text; anything unreadable is left out."""
    try:
        return float(str(wert).replace(",", ".")) if wert not in (None, "") else None
    except ValueError:
        return None


def eintrag_als_dict(e: Protokolleintrag) -> dict[str, Any]:
    return {"id": e.id, "zeit": e.zeit, "benutzer": e.benutzer, "produkt": e.produkt,
            "kunde": e.kunde, "ergebnis": e.ergebnis, "schritt": e.schritt, "code": e.code,
            "grund": e.grund, "schritte": e.schritte}
