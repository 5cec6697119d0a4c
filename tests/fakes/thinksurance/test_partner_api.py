"""A partner client written from Thinksurance's public docs alone (V1.1 workflow), nothing of ours.

Only httpx, the documented paths, headers and fields: authenticate, pick the aToken by nameTag,
look up (404 when unknown) and create a broker, list products, forward with customer data and
open the returned URL once.
"""

from __future__ import annotations

from typing import Iterator

import httpx
import pytest

from basis import demo
from fakes.server import Fakes


@pytest.fixture(scope="module")
def ts() -> Iterator[str]:
    with Fakes() as fakes:
        yield fakes.urls["thinksurance"]


def test_v11_ablauf_aus_der_doku(ts: str) -> None:
    c = httpx.Client(base_url=ts, headers={"Content-Type": "application/json", "Accept": "application/json"})
    auth = c.post("/api/ipn/tokens", json={"hash": demo.TS_HASH, "secret": demo.TS_SECRET}).json()
    assert set(auth) == {"token", "expired"} and len(auth["expired"]) == len("2024-01-26 14:54:46")
    bearer = {"Authorization": f"Bearer {auth['token']}"}

    accounts = c.get("/api/ipn/account/tokens", headers=bearer).json()
    a_token = next(a["aToken"] for a in accounts if a["nameTag"] == demo.TS_NAMETAG)
    konto = {**bearer, "X-Account-Token": a_token}

    makler = {"type": 1, "bExternalId": "T5", "bEmail": "mustermann@email.com", "bLastName": "Mustermann"}
    unbekannt = c.post("/api/ipn/brokers/tokens", headers=konto, json=makler)
    assert unbekannt.status_code == 404 and "error" in unbekannt.json()
    angelegt = c.post("/api/ipn/brokers", headers=konto, json={**makler, "bFirstName": "Max"}).json()
    assert set(angelegt) == {"status", "bToken"}
    gefunden = c.post("/api/ipn/brokers/token", headers=konto, json=makler).json()
    assert gefunden["bToken"] == angelegt["bToken"]

    produkte = c.get("/api/ipn/products", headers=bearer).json()
    assert produkte and all(set(p) == {"id", "name"} for p in produkte)

    forward = c.post("/api/ipn/brokers/forward", headers={**bearer, "X-Broker-Token": angelegt["bToken"]}, json={
        "type": 1, "bExternalId": "T5", "cFirstName": "Max", "cLastName": "Mustermann",
        "cExternalId": "someCustomerId", "cEmail": "customer@gmail.com",
        "cExternalReferences": [{"origin": "crm", "paramKey": "AccountNumber", "paramValue": "1233436547564erf5434"}],
        "crmIdent": "openVIVAv1"}).json()
    browser = httpx.Client(follow_redirects=True)
    seite = browser.get(forward["url"])
    assert seite.status_code == 200 and 'value="Mustermann"' in seite.text
    assert httpx.get(forward["url"]).status_code == 410  # single use


def test_falsche_zugangsdaten_wie_dokumentiert(ts: str) -> None:
    antwort = httpx.post(f"{ts}/api/ipn/tokens", json={"hash": "x", "secret": "y"})
    assert antwort.status_code == 400
    assert antwort.json() == {"error": "API User is not existing or deactivated."}


def test_v1_ablauf_aus_der_doku(ts: str) -> None:
    token = httpx.post(f"{ts}/api/token", json={"hash": demo.TS_HASH, "secret": demo.TS_SECRET}).json()["token"]
    accounts = httpx.post(f"{ts}/api/account/get/tokens/{token}").json()
    a_token = accounts[0]["aToken"]
    neu = httpx.post(f"{ts}/api/broker/set/{token}", json={"aToken": a_token, "type": 1, "bExternalId": "V1-7",
                                                           "bEmail": "v1@example.com", "bCompany": "V1 GmbH"}).json()
    liste = httpx.post(f"{ts}/api/broker/get/{token}", json={"aToken": a_token, "type": 1, "bExternalId": "V1-7"}).json()
    assert liste[0]["bToken"] == neu["bToken"] and "bCode" in liste[0]
    url = httpx.post(f"{ts}/api/broker/fwd/{token}", json={"type": 1, "bToken": neu["bToken"],
                                                            "bExternalId": "V1-7"}).json()["url"]
    assert httpx.get(url, follow_redirects=True).status_code == 200
