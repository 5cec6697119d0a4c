"""Thinksurance: IP notifications and agency numbers (V1.1), mixed into ``Thinksurance``.

The Gewerbeplattform of the fake creates no inquiries, so the notification list is empty – in the
documented shape (a dictionary keyed by inquiry id). Agency numbers are stored per broker (bToken)
or account (aToken) as documented; what the add and delete calls answer is not documented, the
fake answers with the stored sets.
"""

from __future__ import annotations

from typing import Any

from fakes.common.errors import Kind, rule
from fakes.common.state import FakeState

from .daten import Broker, Partner

S = "thinksurance"
KENNUNG_FEHLT = rule(S, "TS_KENNUNG_FEHLT", "Es muss ein „X-Broker-Token“ oder ein „X-Account-Token“ angegeben sein.",
                     source="thinksurance-doku")
AGENTURNUMMER_UNGUELTIG = rule(
    S, "TS_AGENTURNUMMER_UNGUELTIG", "Jeder Eintrag in „agencyNumberSets“ braucht genau eine von „baFinId“, "
    "„insurerId“ oder „supervisingAuthorityId“ und in „agencyNumbers“ je eine „agencyNumber“.",
    source="thinksurance-doku")
VERSICHERER_SCHLUESSEL = ("baFinId", "insurerId", "supervisingAuthorityId")


class Agenturen(FakeState):
    broker: dict[str, Broker]  # provided by Thinksurance
    agenturnummern: dict[str, list[dict[str, Any]]]

    def _partner(self, token: str) -> Partner:
        raise NotImplementedError  # provided by Thinksurance

    def _inhaber(self, token: str, bToken: str, aToken: str) -> str:
        """Whose data it is: the broker (X-Broker-Token) or the account (X-Account-Token)."""
        from .models import ACCOUNT_UNGUELTIG  # the account check lives with the accounts
        from .forward import BROKER_TOKEN_UNGUELTIG

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
        liste += [{**satz, "active": True} for satz in saetze]
        return list(liste)

    def agenturnummern_entfernen(self, token: str, bToken: str, aToken: str,
                                 saetze: list[dict[str, Any]]) -> list[dict[str, Any]]:
        inhaber = self._inhaber(token, bToken, aToken)
        weg = {(k, s.get(k)) for s in saetze for k in VERSICHERER_SCHLUESSEL if s.get(k)}
        self.agenturnummern[inhaber] = [s for s in self.agenturnummern.get(inhaber, [])
                                       if not any((k, s.get(k)) in weg for k in VERSICHERER_SCHLUESSEL)]
        return list(self.agenturnummern[inhaber])
