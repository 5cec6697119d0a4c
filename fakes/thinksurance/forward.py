"""Thinksurance: Broker Forward, the switch URL and the Gewerbeplattform session (mixed into
``Thinksurance``). Customers are upserted by ``cExternalId`` as documented; the binding of a
bToken to its first bExternalId follows the guide's Anmerkungen (G22, G23)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from fakes.common.befristet import behalten
from fakes.common.errors import Kind, rule
from fakes.common.state import FakeState

from . import daten
from .daten import BROKER_FELDER, KUNDEN_FELDER, Broker, Kunde, Partner, Switch

S = "thinksurance"
SWITCH_GUELTIGKEIT_STANDARD = 120  # seconds; "time-restricted" is documented, the duration is not
# Retention (assumption A21): used or expired links are forgotten 10 minutes after expiry; sessions
# of the Gewerbeplattform last 8 hours; beyond these counts the oldest go first.
SWITCH_NACHLAUF = timedelta(minutes=10)
SWITCHES_MAX = 5000
SITZUNG_GUELTIGKEIT = timedelta(hours=8)
SITZUNGEN_MAX = 1000

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


class Forward(FakeState):
    broker: dict[str, Broker]  # provided by Thinksurance
    kunden: dict[tuple[str, str], Kunde]
    switches: dict[str, Switch]
    sitzungen: dict[str, tuple[str, datetime]]  # platform session -> (bToken, valid until)
    switch_gueltigkeit: int

    def _partner(self, token: str) -> Partner:
        raise NotImplementedError  # provided by Thinksurance

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
        _binden(b, angaben["bExternalId"])
        b.daten.update({k: angaben[k] for k in BROKER_FELDER if k in angaben and k != "bEmail"})
        c_id = angaben.get("cExternalId")
        if c_id:
            self._kunde_upsert(b, c_id, angaben, fragen)
        jetzt = self.clock.now()
        s = Switch(secrets.token_urlsafe(18), b.bToken, c_id or None, jetzt + timedelta(seconds=self.switch_gueltigkeit))
        self.switches[s.id] = s
        # A used or expired link still says so for a while, then it is forgotten ("unbekannt").
        behalten(self.switches, lambda x: x.ablauf + SWITCH_NACHLAUF <= jetzt, SWITCHES_MAX)
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
            b.daten["bEmail"] = bEmail
        b.bExternalId = bExternalId
        b.abgewiesene_bExternalIds = [x for x in b.abgewiesene_bExternalIds if x != bExternalId]
        return b

    def _kunde_upsert(self, b: Broker, c_id: str, angaben: dict[str, Any], fragen: dict[str, list[str]]) -> Kunde:
        k = self.kunden.get((b.bToken, c_id))
        if k is None:
            k = Kunde(c_id, b.bToken, {})
            self.kunden[(b.bToken, c_id)] = k
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
        sitzung = secrets.token_urlsafe(18)
        jetzt = self.clock.now()
        self.sitzungen[sitzung] = (s.bToken, jetzt + SITZUNG_GUELTIGKEIT)
        behalten(self.sitzungen, lambda x: x[1] <= jetzt, SITZUNGEN_MAX)
        return sitzung, s

    def angemeldeter_broker(self, sitzung: str | None) -> Broker:
        eintrag = self.sitzungen.get(sitzung or "")
        if eintrag is None or eintrag[1] <= self.clock.now() or eintrag[0] not in self.broker:
            raise NICHT_ANGEMELDET.refuse()
        return self.broker[eintrag[0]]

    def kunde_fuer(self, b: Broker, c_id: str) -> Kunde:
        k = self.kunden.get((b.bToken, c_id))
        if k is None:
            raise KUNDE_UNBEKANNT.refuse()
        return k


def typ_pruefen(typ: Any) -> None:
    if typ not in (1, 2):
        raise TYP_UNGUELTIG.refuse()


def emails_pruefen(*emails: Any) -> None:
    # Documented notice: no leading/trailing spaces, no trailing ";". The fake refuses them.
    for e in emails:
        if isinstance(e, str) and (any(z.isspace() for z in e) or ";" in e or "@" not in e):
            raise EMAIL_UNSAUBER.refuse(email=e)


def _binden(b: Broker, bExternalId: str) -> None:
    """Guide, Anmerkungen: the first cloud user seen stays bound to the bToken (G22)."""
    if b.bExternalId is None:
        b.bExternalId = bExternalId
    elif b.bExternalId != bExternalId and bExternalId not in b.abgewiesene_bExternalIds:
        b.abgewiesene_bExternalIds.append(bExternalId)


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
