"""Client of Thinksurance's public partner API V1.1 (plus the fake-only support call)."""

from __future__ import annotations

from typing import Any

from basis.secret import Secret, reveal
from basis.systeme import TITEL

from .base import Client

Key = Secret | str


class ThinksuranceClient(Client):
    system = TITEL["thinksurance"]

    def token(self, hash: Key, secret: Key) -> Secret:
        """V1.1 Authentication; the security token is a secret itself."""
        return Secret(self.text_field(self.obj("POST", "/api/ipn/tokens", json_body={"hash": hash, "secret": secret}),
                                      "token"))

    def account_tokens(self, token: Key) -> list[dict[str, Any]]:
        konten = self.items("GET", "/api/ipn/account/tokens", headers=self._bearer(token))
        return [_secret(k, "aToken") for k in konten if isinstance(k, dict)]

    def account_token(self, token: Key, nametag: str) -> Secret | None:
        """The aToken of the account with this nameTag (V1.1 workflow), or None without one."""
        for konto in self.account_tokens(token):
            atoken = konto.get("aToken")
            if konto.get("nameTag") == nametag and isinstance(atoken, Secret):
                return atoken
        return None

    def get_broker_token(self, token: Key, aToken: Key, daten: dict[str, Any]) -> dict[str, Any]:
        """The broker's answer; its bToken as a Secret."""
        return _secret(self.obj("POST", "/api/ipn/brokers/tokens", json_body=daten,
                        headers={**self._bearer(token), "X-Account-Token": aToken}), "bToken")

    def create_broker(self, token: Key, aToken: Key, daten: dict[str, Any]) -> dict[str, Any]:
        return self.obj("POST", "/api/ipn/brokers", json_body=daten,
                        headers={**self._bearer(token), "X-Account-Token": aToken})

    def broker_forward(self, token: Key, bToken: Key, daten: dict[str, Any]) -> str:
        antwort = self.obj("POST", "/api/ipn/brokers/forward", json_body=daten,
                           headers={**self._bearer(token), "X-Broker-Token": bToken})
        return self.text_field(antwort, "url")

    def produkte(self, token: Key, professionId: int | None = None) -> list[dict[str, Any]]:
        params = {"professionId": professionId} if professionId is not None else None
        return self.items("GET", "/api/ipn/products", headers=self._bearer(token), params=params)

    def support_neu_zuordnen(self, bToken: Key, bExternalId: str, bEmail: str | None = None, *, hash: Key,
                             secret: Key) -> dict[str, Any]:
        """Fake only: stands in for telling Thinksurance support the new user name (G23); the
        partner logs in first (only the broker's partner may ask)."""
        return self.obj("POST", "/_support/broker-zuordnung", headers=self._bearer(self.token(hash, secret)),
                        json_body={"bToken": bToken, "bExternalId": bExternalId, "bEmail": bEmail})

    @staticmethod
    def _bearer(token: Key) -> dict[str, str | Secret]:
        return {"Authorization": Secret(f"Bearer {reveal(token)}")}


def _secret(answer: dict[str, Any], key: str) -> dict[str, Any]:
    """The answer with the value under ``key`` (an aToken, a bToken) as a Secret."""
    return {**answer, key: Secret(answer[key])} if isinstance(answer.get(key), str) else answer
