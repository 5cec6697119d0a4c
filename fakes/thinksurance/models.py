"""Thinksurance: partner API users and their security tokens, accounts, brokers, products, Broker
Forward with the switch URL and the Gewerbeplattform session, IP notifications and agency numbers.

Follows Thinksurance's public partner API (V1.1 and the V1 subset) where it is documented:
field names, 15-minute security tokens, ``expired`` as ``YYYY-MM-DD hh:mm:ss``, the documented
error text for bad credentials. Customers are upserted by ``cExternalId`` as documented; the
binding of a bToken to its first bExternalId follows the guide's Anmerkungen (G22, G23). The
Gewerbeplattform of the fake creates no inquiries, so the notification list is empty – in the
documented shape; agency numbers are stored per broker (bToken) or account (aToken) as documented,
and what the add and delete calls answer is not documented: the fake answers with the stored sets.
Everything else is a modelling assumption and says so in ``source``.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any, Callable

from basis import demo
from fakes.common.bounded import keep, newest, platz
from fakes.common.compare import same_secret
from fakes.common.errors import Kind, rule
from fakes.common.sessions import Sessions
from fakes.common.state import FakeState

from . import daten
from .daten import BETRIEBSARTEN, BROKER_FELDER, KUNDEN_FELDER, PRODUKTE, Account, Broker, Kunde, Partner, Switch
from .makler import Maklerverzeichnis

S = "thinksurance"
TOKEN_GUELTIGKEIT = timedelta(minutes=15)  # documented

API_USER = rule(S, "TS_API_USER_UNGUELTIG", "API User is not existing or deactivated.", Kind.UNAUTHENTICATED,
                source="thinksurance-doku")
TOKEN_UNGUELTIG = rule(S, "TS_TOKEN_UNGUELTIG", "Der Security-Token ist unbekannt oder abgelaufen (gültig 15 Minuten).",
                       Kind.UNAUTHENTICATED, source="thinksurance-doku")
ACCOUNT_UNGUELTIG = rule(S, "TS_ACCOUNT_UNGUELTIG", "Der Account-Token (aToken) ist für diesen API User unbekannt.",
                         Kind.UNAUTHENTICATED)
BROKER_NICHT_GEFUNDEN = rule(S, "TS_BROKER_NICHT_GEFUNDEN", "Broker Api: no broker found for the provided request.",
                             Kind.NOT_FOUND, source="thinksurance-doku")
NAME_ODER_FIRMA = rule(S, "TS_NAME_ODER_FIRMA_FEHLT", "Es muss „bLastName“ oder „bCompany“ angegeben sein.",
                       source="thinksurance-doku")


TOKENS_MAX = 1000  # live security tokens kept; the oldest go first (assumption A21)

# --- Broker Forward, switch URL, platform session ---------------------------------------------------

SWITCH_GUELTIGKEIT_STANDARD = 120  # seconds; "time-restricted" is documented, the duration is not
# Retention (assumption A21): used or expired links are forgotten 10 minutes after expiry; sessions
# of the Gewerbeplattform last 8 hours; beyond these counts the oldest go first.
SWITCH_NACHLAUF = timedelta(minutes=10)
SWITCHES_MAX = 5000
SITZUNG_GUELTIGKEIT = timedelta(hours=8)
KUNDEN_MAX = 100_000  # customers of all brokers; the oldest are forgotten first
AGENTURNUMMERN_MAX = 1000  # agency number sets per broker or account

BROKER_TOKEN_UNGUELTIG = rule(S, "TS_BROKER_TOKEN_UNGUELTIG",
                              "Der b-Token ist bei Thinksurance unbekannt oder gehört nicht zu diesem Partner.",
                              Kind.UNAUTHENTICATED, guide=("G15",))
TYP_UNGUELTIG = rule(S, "TS_TYPE_UNGUELTIG", "Der Parameter „type“ muss 1 oder 2 sein.", source="thinksurance-doku")
EMAIL_UNSAUBER = rule(S, "TS_EMAIL_UNSAUBER",
                      "Die E-Mail-Adresse „{email}“ ist nicht sauber: keine Leerzeichen und kein „;“ erlaubt.",
                      source="thinksurance-doku")
BROKER_INAKTIV = rule(S, "TS_BROKER_INAKTIV", "Der Makler zu diesem b-Token ist deaktiviert und kann nicht abspringen.",
                      Kind.FORBIDDEN, source="thinksurance-doku")
EMAIL_PASST_NICHT = rule(
    S, "TS_EMAIL_PASST_NICHT",
    "Die E-Mail-Adresse „{email}“ passt nicht zu der E-Mail-Adresse, die Thinksurance für "
    "diesen b-Token hinterlegt hat. Bitte mit Thinksurance abstimmen.", Kind.FORBIDDEN, guide=("G04",))
SWITCH_UNBEKANNT = rule(S, "TS_SWITCH_UNBEKANNT", "Dieser Anmelde-Link ist unbekannt.", Kind.NOT_FOUND)
SWITCH_BENUTZT = rule(S, "TS_SWITCH_BENUTZT", "Dieser Anmelde-Link wurde bereits verwendet. Bitte springen Sie "
                      "erneut aus Ihrem Maklerverwaltungsprogramm ab.", Kind.FORBIDDEN)
SWITCH_ABGELAUFEN = rule(S, "TS_SWITCH_ABGELAUFEN", "Dieser Anmelde-Link ist abgelaufen. Bitte springen Sie erneut "
                         "aus Ihrem Maklerverwaltungsprogramm ab.", Kind.FORBIDDEN)
NICHT_ANGEMELDET = rule(S, "TS_NICHT_ANGEMELDET", "Bitte melden Sie sich über den Absprung aus Ihrem "
                        "Maklerverwaltungsprogramm an.", Kind.UNAUTHENTICATED)
KUNDE_UNBEKANNT = rule(S, "TS_KUNDE_UNBEKANNT", "Diesen Kunden gibt es nicht.", Kind.NOT_FOUND)
FRAGEBOGEN_UNGUELTIG = rule(
    S, "TS_FRAGEBOGEN_UNGUELTIG",
    "„qasCustProfile“ hat nicht die dokumentierte Form: „categories“ als Liste, darin je "
    "„questions“ als Liste von Fragen mit „id“ und einer Liste „answers“.", source="thinksurance-doku")

# --- IP notifications and agency numbers (V1.1) ------------------------------------------------------

KENNUNG_FEHLT = rule(S, "TS_KENNUNG_FEHLT", "Es muss ein „X-Broker-Token“ oder ein „X-Account-Token“ angegeben sein.",
                     source="thinksurance-doku")
AGENTURNUMMER_UNGUELTIG = rule(
    S, "TS_AGENTURNUMMER_UNGUELTIG", "Jeder Eintrag in „agencyNumberSets“ braucht genau eine von „baFinId“, "
    "„insurerId“ oder „supervisingAuthorityId“ und in „agencyNumbers“ je eine „agencyNumber“.",
    source="thinksurance-doku")
VERSICHERER_SCHLUESSEL = ("baFinId", "insurerId", "supervisingAuthorityId")


class Thinksurance(FakeState):
    system = S

    def __init__(self, *, switch_gueltigkeit: int = SWITCH_GUELTIGKEIT_STANDARD) -> None:
        self.switch_gueltigkeit = switch_gueltigkeit
        super().__init__()

    def reset(self) -> None:
        self.partner: dict[str, Partner] = {}
        self.accounts: dict[str, Account] = {}
        self.broker = Maklerverzeichnis()
        self.tokens: dict[str, tuple[str, datetime]] = {}
        self.kunden: dict[tuple[str, str], Kunde] = {}
        self.switches: dict[str, Switch] = {}
        self.sitzungen = Sessions(self.clock, dauer=SITZUNG_GUELTIGKEIT)  # of the platform: bToken
        self.agenturnummern: dict[str, list[dict[str, Any]]] = {}

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": self._ausgangslage}

    # --- authentication -----------------------------------------------------------------------

    def token_anfordern(self, hash: str, secret: str) -> tuple[str, str]:
        """POST /api/ipn/tokens: security token valid for 15 minutes."""
        p = self.partner.get(hash)
        if p is None or not p.aktiv or not same_secret(p.secret, secret):
            raise API_USER.refuse()
        token = secrets.token_hex(24)
        jetzt = self.clock.now()
        ablauf = jetzt + TOKEN_GUELTIGKEIT
        self.tokens[token] = (hash, ablauf)
        keep(self.tokens, lambda t: t[1] <= jetzt, TOKENS_MAX)
        return token, ablauf.strftime("%Y-%m-%d %H:%M:%S")

    def _partner(self, token: str) -> Partner:
        eintrag = self.tokens.get(token)
        if eintrag is None or eintrag[1] <= self.clock.now():
            raise TOKEN_UNGUELTIG.refuse()
        p = self.partner.get(eintrag[0])
        if p is None or not p.aktiv:
            raise API_USER.refuse()
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
            raise ACCOUNT_UNGUELTIG.refuse()
        return self.accounts[aToken]

    def get_broker_token(self, token: str, aToken: str, angaben: dict[str, Any]) -> Broker:
        """Type 1 matches the bound bExternalId, type 2 the registered e-mail (assumption A13). A
        deactivated broker has left the partner's account (documented) and is not found (A18)."""
        account = self._account(token, aToken)
        typ_pruefen(angaben["type"])
        treffer = (self.broker.mit_extern(account.aToken, angaben["bExternalId"]) if angaben["type"] == 1
                   else self.broker.mit_email(account.aToken, angaben.get("bEmail")))
        b = next((b for b in treffer if b.bIsActive), None)
        if b is None:
            raise BROKER_NICHT_GEFUNDEN.refuse()
        return b

    def create_broker(self, token: str, aToken: str, angaben: dict[str, Any]) -> tuple[Broker, bool]:
        """Returns (broker, created). An existing broker with the same bExternalId is returned."""
        account = self._account(token, aToken)
        typ_pruefen(angaben["type"])
        if not (angaben.get("bLastName") or angaben.get("bCompany")):
            raise NAME_ODER_FIRMA.refuse()
        emails_pruefen(angaben.get("bEmail"))
        vorhanden = next(self.broker.mit_extern(account.aToken, angaben["bExternalId"]), None)
        if vorhanden is not None:
            return vorhanden, False
        b = self.broker_anlegen(account.aToken, angaben["bExternalId"],
                                {k: angaben[k] for k in BROKER_FELDER if k in angaben})
        return b, True

    def broker_anlegen(self, aToken: str, bExternalId: str | None, angaben: dict[str, Any],
                       bToken: str | None = None) -> Broker:
        b = Broker(bToken or secrets.token_hex(16), aToken, "BC-" + secrets.token_hex(3).upper(), dict(angaben),
                   bExternalId=bExternalId)
        self.broker.hinzufuegen(b)
        return b

    def produkte(self, token: str, professionId: int | None = None) -> list[dict[str, Any]]:
        self._partner(token)
        if professionId is None:
            return PRODUKTE
        ids = BETRIEBSARTEN.get(professionId, [])
        return [p for p in PRODUKTE if p["id"] in ids]

    # --- Broker Forward, switch URL, platform session ----------------------------------------

    def broker_forward(self, token: str, bToken: str, angaben: dict[str, Any]) -> Switch:
        """POST /api/ipn/brokers/forward: update broker, upsert customer, return a switch.

        Every check runs before anything changes, so a refused forward leaves no trace — except
        an explicit ``bIsActive: false``, whose documented purpose is to deactivate the broker.
        """
        p = self._partner(token)
        b = self.broker.get(bToken)
        if b is None or b.aToken not in p.accounts:
            raise BROKER_TOKEN_UNGUELTIG.refuse()
        typ_pruefen(angaben["type"])
        emails_pruefen(angaben.get("bEmail"), angaben.get("cEmail"))
        neue_email = angaben.get("bEmail")
        if neue_email and not daten.gleich(neue_email, b.daten.get("bEmail")):
            raise EMAIL_PASST_NICHT.refuse(email=neue_email)  # assumption (G04)
        fragen = _fragebogen(angaben.get("qasCustProfile"))
        if isinstance(angaben.get("bIsActive"), bool):
            b.bIsActive = angaben["bIsActive"]  # documented: forward (de)activates a broker
        if not b.bIsActive:
            raise BROKER_INAKTIV.refuse()
        self.broker.binden(b, angaben["bExternalId"])
        b.daten.update({k: angaben[k] for k in BROKER_FELDER if k in angaben and k != "bEmail"})
        c_id = angaben.get("cExternalId")
        if c_id:
            self._kunde_upsert(b, c_id, angaben, fragen)
        jetzt = self.clock.now()
        s = Switch(secrets.token_urlsafe(18), b.bToken, c_id or None, jetzt + timedelta(seconds=self.switch_gueltigkeit))
        self.switches[s.id] = s
        # A used or expired link still says so for a while, then it is forgotten ("unbekannt").
        keep(self.switches, lambda x: x.ablauf + SWITCH_NACHLAUF <= jetzt, SWITCHES_MAX)
        return s

    def support_neu_zuordnen(self, token: str, bToken: str, bExternalId: str, bEmail: str | None) -> Broker:
        """Fake-only: what Thinksurance support does when told the new user name (G23). Only the
        partner the broker belongs to may ask (its security token)."""
        p = self._partner(token)
        b = self.broker.get(bToken)
        if b is None or b.aToken not in p.accounts:
            raise BROKER_TOKEN_UNGUELTIG.refuse()
        if bEmail:
            emails_pruefen(bEmail)
        self.broker.neu_zuordnen(b, bExternalId, bEmail)
        return b

    def _kunde_upsert(self, b: Broker, c_id: str, angaben: dict[str, Any], fragen: dict[str, list[str]]) -> Kunde:
        k = self.kunden.get((b.bToken, c_id))
        if k is None:
            k = Kunde(c_id, b.bToken, {})
            self.kunden[(b.bToken, c_id)] = k
            newest(self.kunden, KUNDEN_MAX)  # the platform forgets its oldest customers, never a jump
        k.daten.update({f: angaben[f] for f in KUNDEN_FELDER if f in angaben})
        for ref in angaben.get("cExternalReferences") or []:
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
            raise SWITCH_UNBEKANNT.refuse()
        if s.benutzt:
            raise SWITCH_BENUTZT.refuse()
        if s.ablauf <= self.clock.now():
            raise SWITCH_ABGELAUFEN.refuse()
        s.benutzt = True
        return self.sitzungen.issue(s.bToken), s

    def angemeldeter_broker(self, sitzung: str | None) -> Broker:
        bToken = self.sitzungen.read(sitzung)
        if bToken is None or bToken not in self.broker:
            raise NICHT_ANGEMELDET.refuse()
        return self.broker[bToken]

    def kunde_fuer(self, b: Broker, c_id: str) -> Kunde:
        k = self.kunden.get((b.bToken, c_id))
        if k is None:
            raise KUNDE_UNBEKANNT.refuse()
        return k

    # --- IP notifications and agency numbers (V1.1) ---------------------------------------------

    def _inhaber(self, token: str, bToken: str, aToken: str) -> str:
        """Whose data it is: the broker (X-Broker-Token) or the account (X-Account-Token)."""
        p = self._partner(token)
        if aToken and aToken not in p.accounts:  # given, it must be right, even beside a bToken
            raise ACCOUNT_UNGUELTIG.refuse()
        if bToken:
            b = self.broker.get(bToken)
            if b is None or b.aToken not in p.accounts:
                raise BROKER_TOKEN_UNGUELTIG.refuse()
            return bToken
        if aToken:
            return aToken
        raise KENNUNG_FEHLT.refuse()

    def inquiries_lesen(self, token: str, bToken: str, aToken: str) -> dict[str, Any]:
        """GET /api/ipn/inquiries: the fake's platform creates no inquiries."""
        self._inhaber(token, bToken, aToken)
        return {}

    def agenturnummern_lesen(self, token: str, bToken: str, aToken: str) -> list[dict[str, Any]]:
        return list(self.agenturnummern.get(self._inhaber(token, bToken, aToken), []))

    def agenturnummern_hinzufuegen(self, token: str, bToken: str, aToken: str,
                                   saetze: list[dict[str, Any]]) -> list[dict[str, Any]]:
        inhaber = self._inhaber(token, bToken, aToken)
        for satz in saetze:
            schluessel = [k for k in VERSICHERER_SCHLUESSEL if satz.get(k)]
            nummern = satz.get("agencyNumbers")
            if len(schluessel) != 1 or not isinstance(nummern, list) or not nummern or not all(
                    isinstance(n, dict) and isinstance(n.get("agencyNumber"), str) and n["agencyNumber"]
                    for n in nummern):
                raise AGENTURNUMMER_UNGUELTIG.refuse()
        liste = self.agenturnummern.setdefault(inhaber, [])
        platz(len(liste) + len(saetze) - 1, AGENTURNUMMERN_MAX, "Agenturnummern-Sätze für diesen Inhaber")
        liste += [{**satz, "active": True} for satz in saetze]
        return list(liste)

    def agenturnummern_entfernen(self, token: str, bToken: str, aToken: str,
                                 saetze: list[dict[str, Any]]) -> list[dict[str, Any]]:
        inhaber = self._inhaber(token, bToken, aToken)
        weg = {(k, s.get(k)) for s in saetze for k in VERSICHERER_SCHLUESSEL if s.get(k)}
        self.agenturnummern[inhaber] = [s for s in self.agenturnummern.get(inhaber, [])
                                       if not any((k, s.get(k)) in weg for k in VERSICHERER_SCHLUESSEL)]
        return list(self.agenturnummern[inhaber])

    # --- seed ---------------------------------------------------------------------------------

    def _ausgangslage(self) -> None:
        self.accounts[demo.TS_ATOKEN] = Account(demo.TS_ATOKEN, "assfinet Demo-Maklerbüro", demo.TS_NAMETAG)
        self.partner[demo.TS_HASH] = Partner(demo.TS_HASH, demo.TS_SECRET, [demo.TS_ATOKEN])
        # Thinksurance hands out the btoken; its cloud user is bound on first use (G22).
        self.broker_anlegen(demo.TS_ATOKEN, None, {"bFirstName": "Anna", "bLastName": "Schmidt",
                                                   "bEmail": demo.MITARBEITER_EMAIL, "bCompany": demo.BESTAND_NAME},
                            bToken=demo.TS_BTOKEN)
        self.broker_anlegen(demo.TS_ATOKEN, None, {"bFirstName": "Jonas", "bLastName": "Weber",
                                                   "bEmail": demo.KOLLEGE_EMAIL, "bCompany": demo.BESTAND_NAME},
                            bToken=demo.TS_BTOKEN_KOLLEGE)


def typ_pruefen(typ: Any) -> None:
    if typ not in (1, 2):
        raise TYP_UNGUELTIG.refuse()


def emails_pruefen(*emails: Any) -> None:
    # Documented notice: no leading/trailing spaces, no trailing ";". The fake refuses them.
    for e in emails:
        if isinstance(e, str) and (any(z.isspace() for z in e) or ";" in e or "@" not in e):
            raise EMAIL_UNSAUBER.refuse(email=e)


def _fragebogen(profil: Any) -> dict[str, list[str]]:
    """Answers by question id from a documented qasCustProfile; refuses any other shape."""
    if profil is None:
        return {}
    kategorien = profil.get("categories") if isinstance(profil, dict) else None
    if not isinstance(kategorien, list):
        raise FRAGEBOGEN_UNGUELTIG.refuse()
    antworten: dict[str, list[str]] = {}
    for kategorie in kategorien:
        fragen = kategorie.get("questions") if isinstance(kategorie, dict) else None
        if not isinstance(fragen, list):
            raise FRAGEBOGEN_UNGUELTIG.refuse()
        for frage in fragen:
            werte = frage.get("answers") if isinstance(frage, dict) else None
            if not isinstance(frage, dict) or not isinstance(frage.get("id"), str) or not isinstance(werte, list):
                raise FRAGEBOGEN_UNGUELTIG.refuse()
            antworten[frage["id"]] = [str(x) for x in werte]
    return antworten
