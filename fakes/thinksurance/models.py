"""Thinksurance: partner API users and their security tokens, accounts, brokers, products.

Follows Thinksurance's public partner API (V1.1 and the V1 subset) where it is documented:
field names, 15-minute security tokens, ``expired`` as ``YYYY-MM-DD hh:mm:ss``, the documented
error text for bad credentials. Everything else is a modelling assumption and says so in
``source``. Broker Forward, switch URLs and the platform session live in ``forward`` (mixed in).
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any, Callable

from fakes import demo
from fakes.common.errors import Kind, rule
from fakes.common.befristet import behalten
from fakes.common.geheim import gleich

from . import daten
from .daten import BETRIEBSARTEN, BROKER_FELDER, PRODUKTE, Account, Broker, Kunde, Partner, Switch
from .agenturen import Agenturen
from .forward import SWITCH_GUELTIGKEIT_STANDARD, Forward, emails_pruefen, typ_pruefen

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


class Thinksurance(Forward, Agenturen):
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
        self.sitzungen: dict[str, tuple[str, datetime]] = {}
        self.agenturnummern: dict[str, list[dict[str, Any]]] = {}

    def seeds(self) -> dict[str, Callable[[], None]]:
        return {"ausgangslage": self._ausgangslage}

    # --- authentication -----------------------------------------------------------------------

    def token_anfordern(self, hash: str, secret: str) -> tuple[str, str]:
        """POST /api/ipn/tokens: security token valid for 15 minutes."""
        p = self.partner.get(hash)
        if p is None or not p.aktiv or not gleich(p.secret, secret):
            raise API_USER.refuse()
        token = secrets.token_hex(24)
        jetzt = self.clock.now()
        ablauf = jetzt + TOKEN_GUELTIGKEIT
        self.tokens[token] = (hash, ablauf)
        behalten(self.tokens, lambda t: t[1] <= jetzt, TOKENS_MAX)
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
        for b in self.broker.values():
            if b.aToken != account.aToken or not b.bIsActive:
                continue
            if angaben["type"] == 1 and b.bExternalId == angaben["bExternalId"]:
                return b
            if angaben["type"] == 2 and daten.gleich(b.daten.get("bEmail"), angaben.get("bEmail")):
                return b
        raise BROKER_NICHT_GEFUNDEN.refuse()

    def create_broker(self, token: str, aToken: str, angaben: dict[str, Any]) -> tuple[Broker, bool]:
        """Returns (broker, created). An existing broker with the same bExternalId is returned."""
        account = self._account(token, aToken)
        typ_pruefen(angaben["type"])
        if not (angaben.get("bLastName") or angaben.get("bCompany")):
            raise NAME_ODER_FIRMA.refuse()
        emails_pruefen(angaben.get("bEmail"))
        for b in self.broker.values():
            if b.aToken == account.aToken and b.bExternalId == angaben["bExternalId"]:
                return b, False
        b = self.broker_anlegen(account.aToken, angaben["bExternalId"],
                                {k: angaben[k] for k in BROKER_FELDER if k in angaben})
        return b, True

    def broker_anlegen(self, aToken: str, bExternalId: str | None, angaben: dict[str, Any],
                       bToken: str | None = None) -> Broker:
        b = Broker(bToken or secrets.token_hex(16), aToken, "BC-" + secrets.token_hex(3).upper(), dict(angaben),
                   bExternalId=bExternalId)
        self.broker[b.bToken] = b
        return b

    def produkte(self, token: str, professionId: int | None = None) -> list[dict[str, Any]]:
        self._partner(token)
        if professionId is None:
            return PRODUKTE
        ids = BETRIEBSARTEN.get(professionId, [])
        return [p for p in PRODUKTE if p["id"] in ids]

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

