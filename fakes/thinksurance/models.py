"""Thinksurance: partner API users, accounts, brokers, customers, switch URLs.

Follows Thinksurance's public partner API (V1.1 and the V1 subset) where it is documented:
field names, 15-minute security tokens, ``expired`` as ``YYYY-MM-DD hh:mm:ss``, upsert of the
customer by ``cExternalId``, the documented error text for bad credentials. Everything else is
a modelling assumption and says so in ``quelle``.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from fakes import demo
from fakes.common.errors import Art, regel
from fakes.common.web import Zustand

S = "thinksurance"
TOKEN_GUELTIGKEIT = timedelta(minutes=15)  # documented
SWITCH_GUELTIGKEIT_STANDARD = 120  # seconds; "time-restricted" is documented, the duration is not

API_USER = regel(S, "TS_API_USER_UNGUELTIG", "API User is not existing or deactivated.",
                 Art.NICHT_ANGEMELDET, quelle="thinksurance-doku")
TOKEN_UNGUELTIG = regel(S, "TS_TOKEN_UNGUELTIG",
                        "Der Security-Token ist unbekannt oder abgelaufen (gültig 15 Minuten).",
                        Art.NICHT_ANGEMELDET, quelle="thinksurance-doku")
ACCOUNT_UNGUELTIG = regel(S, "TS_ACCOUNT_UNGUELTIG",
                          "Der Account-Token (aToken) ist für diesen API User unbekannt.",
                          Art.NICHT_ANGEMELDET)
BROKER_TOKEN_UNGUELTIG = regel(
    S, "TS_BROKER_TOKEN_UNGUELTIG",
    "Der b-Token ist bei Thinksurance unbekannt oder gehört nicht zu diesem Partner.",
    Art.NICHT_ANGEMELDET, leitfaden=("G15",))
BROKER_NICHT_GEFUNDEN = regel(S, "TS_BROKER_NICHT_GEFUNDEN",
                              "Broker Api: no broker found for the provided request.",
                              Art.NICHT_GEFUNDEN, quelle="thinksurance-doku")
TYP_UNGUELTIG = regel(S, "TS_TYPE_UNGUELTIG", "Der Parameter „type“ muss 1 oder 2 sein.",
                      quelle="thinksurance-doku")
NAME_ODER_FIRMA = regel(S, "TS_NAME_ODER_FIRMA_FEHLT",
                        "Es muss „bLastName“ oder „bCompany“ angegeben sein.",
                        quelle="thinksurance-doku")
EMAIL_UNSAUBER = regel(
    S, "TS_EMAIL_UNSAUBER",
    "Die E-Mail-Adresse „{email}“ ist nicht sauber: keine Leerzeichen und kein „;“ erlaubt.",
    quelle="thinksurance-doku")
BROKER_INAKTIV = regel(S, "TS_BROKER_INAKTIV",
                       "Der Makler zu diesem b-Token ist deaktiviert und kann nicht abspringen.",
                       Art.VERBOTEN, quelle="thinksurance-doku")
EMAIL_PASST_NICHT = regel(
    S, "TS_EMAIL_PASST_NICHT",
    "Die E-Mail-Adresse „{email}“ passt nicht zu der E-Mail-Adresse, die Thinksurance für "
    "diesen b-Token hinterlegt hat. Bitte mit Thinksurance abstimmen.", Art.VERBOTEN,
    leitfaden=("G04",))
SWITCH_UNBEKANNT = regel(S, "TS_SWITCH_UNBEKANNT", "Dieser Anmelde-Link ist unbekannt.",
                         Art.NICHT_GEFUNDEN)
SWITCH_BENUTZT = regel(S, "TS_SWITCH_BENUTZT",
                       "Dieser Anmelde-Link wurde bereits verwendet. Bitte springen Sie erneut aus "
                       "Ihrem Maklerverwaltungsprogramm ab.", Art.VERBOTEN)
SWITCH_ABGELAUFEN = regel(S, "TS_SWITCH_ABGELAUFEN",
                          "Dieser Anmelde-Link ist abgelaufen. Bitte springen Sie erneut aus Ihrem "
                          "Maklerverwaltungsprogramm ab.", Art.VERBOTEN)
NICHT_ANGEMELDET = regel(S, "TS_NICHT_ANGEMELDET",
                         "Bitte melden Sie sich über den Absprung aus Ihrem "
                         "Maklerverwaltungsprogramm an.", Art.NICHT_ANGEMELDET)
KUNDE_UNBEKANNT = regel(S, "TS_KUNDE_UNBEKANNT", "Diesen Kunden gibt es nicht.", Art.NICHT_GEFUNDEN)
FRAGEBOGEN_UNGUELTIG = regel(
    S, "TS_FRAGEBOGEN_UNGUELTIG",
    "„qasCustProfile“ hat nicht die dokumentierte Form: „categories“ als Liste, darin je "
    "„questions“ als Liste von Fragen mit „id“ und einer Liste „answers“.", quelle="thinksurance-doku")

PRODUKTE = [
    {"id": 12, "name": "Betriebshaftpflichtversicherung"},
    {"id": 31, "name": "Inhaltsversicherung"},
    {"id": 47, "name": "Gebäudeversicherung"},
    {"id": 95, "name": "Cyberversicherung"},
    {"id": 103, "name": "Bauleistungsversicherung"},
]
# professionId -> product ids (ids invented; the documented filter exists, its data is not public)
BETRIEBSARTEN = {501: [12, 31, 103], 113: [12, 31, 95]}

BROKER_FELDER = ("bGender", "bFirstName", "bLastName", "bEmail", "bCompany", "bStreet",
                 "bStreetNumber", "bZip", "bCity", "bPhone", "bCompanyRegNumber", "bRegNumber")
KUNDEN_FELDER = ("cFirstName", "cLastName", "cEmail", "cCompany", "cStreet", "cStreetNumber",
                 "cZip", "cCity", "cPhone")


@dataclass
class Partner:
    hash: str
    secret: str
    accounts: list[str]
    aktiv: bool = True


@dataclass
class Account:
    aToken: str
    name: str
    nameTag: str


@dataclass
class Broker:
    bToken: str
    aToken: str
    bCode: str
    daten: dict[str, Any]
    bIsActive: bool = True
    # First bExternalId seen (G22). Assumption: kept until support reassigns it (G23).
    bExternalId: str | None = None
    abgewiesene_bExternalIds: list[str] = field(default_factory=list)


@dataclass
class Kunde:
    cExternalId: str
    bToken: str
    daten: dict[str, Any]
    referenzen: dict[tuple[str, str], str] = field(default_factory=dict)
    profil: dict[str, list[str]] = field(default_factory=dict)  # qasCustProfile answers by tag


@dataclass
class Switch:
    id: str
    bToken: str
    cExternalId: str | None
    ablauf: datetime
    benutzt: bool = False


class Thinksurance(Zustand):
    system = S

    def __init__(self, *, switch_gueltigkeit: int = SWITCH_GUELTIGKEIT_STANDARD) -> None:
        self.switch_gueltigkeit = switch_gueltigkeit
        super().__init__()

    def reset(self) -> None:
        self.partner: dict[str, Partner] = {}
        self.accounts: dict[str, Account] = {}
        self.broker: dict[str, Broker] = {}
        self.tokens: dict[str, tuple[str, datetime]] = {}
        self.kunden: dict[tuple[str, str], Kunde] = {}
        self.switches: dict[str, Switch] = {}
        self.sitzungen: dict[str, str] = {}

    def datenstaende(self) -> dict[str, Any]:
        return {"ausgangslage": self._ausgangslage}

    # --- authentication -----------------------------------------------------------------------

    def token_anfordern(self, hash: str, secret: str) -> tuple[str, str]:
        """POST /api/ipn/tokens: security token valid for 15 minutes."""
        p = self.partner.get(hash)
        if p is None or not p.aktiv or not secrets.compare_digest(p.secret, secret):
            raise API_USER.fehler()
        token = secrets.token_hex(24)
        ablauf = self.uhr.jetzt() + TOKEN_GUELTIGKEIT
        self.tokens[token] = (hash, ablauf)
        return token, ablauf.strftime("%Y-%m-%d %H:%M:%S")

    def _partner(self, token: str) -> Partner:
        eintrag = self.tokens.get(token)
        if eintrag is None or eintrag[1] <= self.uhr.jetzt():
            raise TOKEN_UNGUELTIG.fehler()
        p = self.partner.get(eintrag[0])
        if p is None or not p.aktiv:
            raise API_USER.fehler()
        return p

    def partner_deaktivieren(self, hash: str) -> None:
        if hash in self.partner:
            self.partner[hash].aktiv = False

    # --- accounts and brokers -----------------------------------------------------------------

    def account_tokens(self, token: str) -> list[Account]:
        return [self.accounts[a] for a in self._partner(token).accounts]

    def _account(self, token: str, aToken: str) -> Account:
        p = self._partner(token)
        if aToken not in p.accounts:
            raise ACCOUNT_UNGUELTIG.fehler()
        return self.accounts[aToken]

    def get_broker_token(self, token: str, aToken: str, daten: dict[str, Any]) -> Broker:
        """Type 1 matches the bound bExternalId, type 2 the registered e-mail (assumption)."""
        account = self._account(token, aToken)
        self._typ_pruefen(daten["type"])
        for b in self.broker.values():
            if b.aToken != account.aToken:
                continue
            if daten["type"] == 1 and b.bExternalId == daten["bExternalId"]:
                return b
            if daten["type"] == 2 and _gleich(b.daten.get("bEmail"), daten.get("bEmail")):
                return b
        raise BROKER_NICHT_GEFUNDEN.fehler()

    def create_broker(self, token: str, aToken: str, daten: dict[str, Any]) -> tuple[Broker, bool]:
        """Returns (broker, created). An existing broker with the same bExternalId is returned."""
        account = self._account(token, aToken)
        self._typ_pruefen(daten["type"])
        if not (daten.get("bLastName") or daten.get("bCompany")):
            raise NAME_ODER_FIRMA.fehler()
        self._emails_pruefen(daten.get("bEmail"))
        for b in self.broker.values():
            if b.aToken == account.aToken and b.bExternalId == daten["bExternalId"]:
                return b, False
        b = self.broker_anlegen(account.aToken, daten["bExternalId"],
                                {k: daten[k] for k in BROKER_FELDER if k in daten})
        return b, True

    def broker_anlegen(self, aToken: str, bExternalId: str | None, daten: dict[str, Any],
                       bToken: str | None = None) -> Broker:
        b = Broker(bToken or secrets.token_hex(16), aToken, "BC-" + secrets.token_hex(3).upper(),
                   dict(daten), bExternalId=bExternalId)
        self.broker[b.bToken] = b
        return b

    @staticmethod
    def _typ_pruefen(typ: Any) -> None:
        if typ not in (1, 2):
            raise TYP_UNGUELTIG.fehler()

    @staticmethod
    def _emails_pruefen(*emails: Any) -> None:
        # Documented notice: no leading/trailing spaces, no trailing ";". The fake refuses them.
        for e in emails:
            if isinstance(e, str) and (any(z.isspace() for z in e) or ";" in e or "@" not in e):
                raise EMAIL_UNSAUBER.fehler(email=e)

    # --- broker forward and switch ------------------------------------------------------------

    def broker_forward(self, token: str, bToken: str, daten: dict[str, Any]) -> Switch:
        """POST /api/ipn/brokers/forward: update broker, upsert customer, return a switch.

        Every check runs before anything changes, so a refused forward leaves no trace — except
        an explicit ``bIsActive: false``, whose documented purpose is to deactivate the broker.
        """
        p = self._partner(token)
        b = self.broker.get(bToken)
        if b is None or b.aToken not in p.accounts:
            raise BROKER_TOKEN_UNGUELTIG.fehler()
        self._typ_pruefen(daten["type"])
        self._emails_pruefen(daten.get("bEmail"), daten.get("cEmail"))
        neue_email = daten.get("bEmail")
        if neue_email and not _gleich(neue_email, b.daten.get("bEmail")):
            raise EMAIL_PASST_NICHT.fehler(email=neue_email)  # assumption (G04)
        fragen = _fragebogen(daten.get("qasCustProfile"))
        if isinstance(daten.get("bIsActive"), bool):
            b.bIsActive = daten["bIsActive"]  # documented: forward (de)activates a broker
        if not b.bIsActive:
            raise BROKER_INAKTIV.fehler()
        self._binden(b, daten["bExternalId"])
        b.daten.update({k: daten[k] for k in BROKER_FELDER if k in daten and k != "bEmail"})
        c_id = daten.get("cExternalId")
        if c_id:
            self._kunde_upsert(b, c_id, daten, fragen)
        s = Switch(secrets.token_urlsafe(18), b.bToken, c_id or None,
                   self.uhr.jetzt() + timedelta(seconds=self.switch_gueltigkeit))
        self.switches[s.id] = s
        return s

    @staticmethod
    def _binden(b: Broker, bExternalId: str) -> None:
        """Guide, Anmerkungen: the first cloud user seen stays bound to the bToken (G22)."""
        if b.bExternalId is None:
            b.bExternalId = bExternalId
        elif b.bExternalId != bExternalId and bExternalId not in b.abgewiesene_bExternalIds:
            b.abgewiesene_bExternalIds.append(bExternalId)

    def support_neu_zuordnen(self, bToken: str, bExternalId: str, bEmail: str | None) -> Broker:
        """Fake-only: what Thinksurance support does when told the new user name (G23)."""
        b = self.broker.get(bToken)
        if b is None:
            raise BROKER_TOKEN_UNGUELTIG.fehler()
        if bEmail:
            self._emails_pruefen(bEmail)
            b.daten["bEmail"] = bEmail
        b.bExternalId = bExternalId
        b.abgewiesene_bExternalIds = [x for x in b.abgewiesene_bExternalIds if x != bExternalId]
        return b

    def _kunde_upsert(self, b: Broker, c_id: str, daten: dict[str, Any],
                      fragen: dict[str, list[str]]) -> Kunde:
        k = self.kunden.get((b.bToken, c_id))
        if k is None:
            k = Kunde(c_id, b.bToken, {})
            self.kunden[(b.bToken, c_id)] = k
        k.daten.update({f: daten[f] for f in KUNDEN_FELDER if f in daten})
        for ref in daten.get("cExternalReferences") or []:
            schluessel = (ref["origin"], ref["paramKey"])
            if ref.get("paramValue", "") == "":
                k.referenzen.pop(schluessel, None)  # documented: empty value deletes
            else:
                k.referenzen[schluessel] = ref["paramValue"]
        k.profil.update(fragen)
        return k

    def switch_oeffnen(self, switch_id: str) -> tuple[str, Switch]:
        """Opens a switch URL once; returns a new platform session id."""
        s = self.switches.get(switch_id)
        if s is None:
            raise SWITCH_UNBEKANNT.fehler()
        if s.benutzt:
            raise SWITCH_BENUTZT.fehler()
        if s.ablauf <= self.uhr.jetzt():
            raise SWITCH_ABGELAUFEN.fehler()
        s.benutzt = True
        sitzung = secrets.token_urlsafe(18)
        self.sitzungen[sitzung] = s.bToken
        return sitzung, s

    def angemeldeter_broker(self, sitzung: str | None) -> Broker:
        bToken = self.sitzungen.get(sitzung or "")
        if bToken is None or bToken not in self.broker:
            raise NICHT_ANGEMELDET.fehler()
        return self.broker[bToken]

    def kunde_fuer(self, b: Broker, c_id: str) -> Kunde:
        k = self.kunden.get((b.bToken, c_id))
        if k is None:
            raise KUNDE_UNBEKANNT.fehler()
        return k

    def produkte(self, token: str, professionId: int | None = None) -> list[dict[str, Any]]:
        self._partner(token)
        if professionId is None:
            return PRODUKTE
        ids = BETRIEBSARTEN.get(professionId, [])
        return [p for p in PRODUKTE if p["id"] in ids]

    # --- seeds and dump -----------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        self.accounts[demo.TS_ATOKEN] = Account(demo.TS_ATOKEN, "assfinet Demo-Maklerbüro",
                                                demo.TS_NAMETAG)
        self.partner[demo.TS_HASH] = Partner(demo.TS_HASH, demo.TS_SECRET, [demo.TS_ATOKEN])
        # Thinksurance hands out the btoken; its cloud user is bound on first use (G22).
        self.broker_anlegen(demo.TS_ATOKEN, None,
                            {"bFirstName": "Anna", "bLastName": "Schmidt",
                             "bEmail": demo.MITARBEITER_EMAIL, "bCompany": demo.BESTAND_NAME},
                            bToken=demo.TS_BTOKEN)
        self.broker_anlegen(demo.TS_ATOKEN, None,
                            {"bFirstName": "Jonas", "bLastName": "Weber",
                             "bEmail": demo.KOLLEGE_EMAIL, "bCompany": demo.BESTAND_NAME},
                            bToken=demo.TS_BTOKEN_KOLLEGE)

    def als_dict(self) -> dict[str, Any]:
        return {
            "accounts": [vars(a) for a in self.accounts.values()],
            "partner": [{"hash": _maske(p.hash), "aktiv": p.aktiv, "accounts": [_maske(a) for a in p.accounts]}
                        for p in self.partner.values()],
            "broker": [broker_als_dict(b) for b in self.broker.values()],
            "kunden": [kunde_als_dict(k) for k in self.kunden.values()],
            "switches": [{"benutzt": s.benutzt, "cExternalId": s.cExternalId} for s in self.switches.values()],
        }


def _fragebogen(profil: Any) -> dict[str, list[str]]:
    """Answers by question id from a documented qasCustProfile; refuses any other shape."""
    if profil is None:
        return {}
    kategorien = profil.get("categories") if isinstance(profil, dict) else None
    if not isinstance(kategorien, list):
        raise FRAGEBOGEN_UNGUELTIG.fehler()
    antworten: dict[str, list[str]] = {}
    for kategorie in kategorien:
        fragen = kategorie.get("questions") if isinstance(kategorie, dict) else None
        if not isinstance(fragen, list):
            raise FRAGEBOGEN_UNGUELTIG.fehler()
        for frage in fragen:
            werte = frage.get("answers") if isinstance(frage, dict) else None
            if not isinstance(frage, dict) or not isinstance(frage.get("id"), str) or not isinstance(werte, list):
                raise FRAGEBOGEN_UNGUELTIG.fehler()
            antworten[frage["id"]] = [str(x) for x in werte]
    return antworten


def _gleich(a: Any, b: Any) -> bool:
    return isinstance(a, str) and isinstance(b, str) and a.strip().lower() == b.strip().lower()


def _maske(wert: str) -> str:
    return f"{wert[:4]}…{wert[-2:]}" if len(wert) > 8 else "…"


def broker_als_dict(b: Broker) -> dict[str, Any]:
    return {"bToken": _maske(b.bToken), "bExternalId": b.bExternalId, "bIsActive": b.bIsActive,
            "abgewiesene_bExternalIds": b.abgewiesene_bExternalIds, **b.daten}


def kunde_als_dict(k: Kunde) -> dict[str, Any]:
    return {"cExternalId": k.cExternalId, **k.daten,
            "cExternalReferences": [{"origin": o, "paramKey": p, "paramValue": v}
                                    for (o, p), v in k.referenzen.items()],
            "profil": k.profil}
