"""Client of Thinksurance's public partner API V1.1 (plus the fake-only support call)."""

from __future__ import annotations

from typing import Any

from .base import Client


class ThinksuranceClient(Client):
    system = "Thinksurance"

    def token(self, hash: str, secret: str) -> str:
        return self.text_field(self.obj("POST", "/api/ipn/tokens", json_body={"hash": hash, "secret": secret}), "token")

    def account_tokens(self, token: str) -> list[dict[str, Any]]:
        return self.items("GET", "/api/ipn/account/tokens", headers=self._bearer(token))

    def get_broker_token(self, token: str, aToken: str, daten: dict[str, Any]) -> dict[str, Any]:
        return self.obj("POST", "/api/ipn/brokers/tokens", json_body=daten,
                        headers={**self._bearer(token), "X-Account-Token": aToken})

    def create_broker(self, token: str, aToken: str, daten: dict[str, Any]) -> dict[str, Any]:
        return self.obj("POST", "/api/ipn/brokers", json_body=daten,
                        headers={**self._bearer(token), "X-Account-Token": aToken})

    def broker_forward(self, token: str, bToken: str, daten: dict[str, Any]) -> str:
        antwort = self.obj("POST", "/api/ipn/brokers/forward", json_body=daten,
                           headers={**self._bearer(token), "X-Broker-Token": bToken})
        return self.text_field(antwort, "url")

    def produkte(self, token: str, professionId: int | None = None) -> list[dict[str, Any]]:
        params = {"professionId": professionId} if professionId is not None else None
        return self.items("GET", "/api/ipn/products", headers=self._bearer(token), params=params)

    def support_neu_zuordnen(self, bToken: str, bExternalId: str, bEmail: str | None = None) -> dict[str, Any]:
        """Fake only: stands in for telling Thinksurance support the new user name (G23)."""
        return self.obj("POST", "/_support/broker-zuordnung",
                        json_body={"bToken": bToken, "bExternalId": bExternalId, "bEmail": bEmail})

    @staticmethod
    def _bearer(token: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {token}"}
