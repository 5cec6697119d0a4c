"""Thinksurance partner API (V1.1 and the V1 subset), as documented: paths, headers, fields."""

from __future__ import annotations

from typing import Any, Mapping

from fakes.common.app import ADRESSE
from fakes.common.endpoints import Call, Endpoint, Param, bearer_token
from fakes.common.schema import Schema, array, boolean, integer, obj, string

from .daten import KUNDEN_FELDER, Broker, Kunde
from .models import Thinksurance

BEARER = Param("Authorization", "header", False, "Bearer <security token>")
# A body of the documented partner API: unknown fields are ignored and null counts as "not sent";
# our invented APIs refuse both.
DOKUMENTIERT: dict[str, Any] = {"extra_allowed": True, "null_is_absent": True}
X_ACCOUNT = Param("X-Account-Token", "header", False, "aToken")
X_BROKER = Param("X-Broker-Token", "header", False, "bToken")
PFAD_TOKEN = Param("token", "path", True, "security token (V1)")

ANMELDUNG = Schema({"hash": string("API user hash", required=True),
                    "secret": string("API user secret", required=True)},
                   **DOKUMENTIERT, example={"hash": "some long string value",
                                                   "secret": "some string value"})

_BROKER = {
    "type": integer("1 = bExternalId wird verwendet, 2 = ohne", required=True, enum=(1, 2)),
    "bExternalId": string("broker ID in partner system", required=True, max_length=200),
    "bGender": integer("1 = Herr, 2 = Frau", enum=(1, 2)),
    **{f: string(max_length=200) for f in ("bFirstName", "bLastName", "bCompany", "bStreet",
                                         "bStreetNumber", "bZip", "bCity", "bPhone",
                                         "bCompanyRegNumber", "bRegNumber")},
    "bEmail": string(max_length=200),
}
_REFERENZ = Schema({"origin": string(required=True, enum=("crm", "broker_crm", "insurer")),
                    "paramKey": string(required=True, max_length=200),
                    "paramValue": string(allow_empty=True, max_length=500)}, null_is_absent=True)
_FORWARD = {
    **_BROKER,
    "bIsActive": boolean("Makler aktivieren/deaktivieren"),
    "crmIdent": string(max_length=100),
    **{f: string(max_length=200) for f in ("cExternalId", *KUNDEN_FELDER)},
    "cExternalReferences": array(items=_REFERENZ),
    "iExternalReferences": array(items=_REFERENZ),
    "qasCustProfile": obj("Fragebogen-Vorbelegung (source, categories)"),
    "instantInquiryCreation": string(enum=("True", "False")),
    "productId": integer(), "professionId": integer(), "iId": integer(),
}
FORWARD = Schema(_FORWARD, **DOKUMENTIERT)
FORWARD_V1 = Schema({**_FORWARD, "bToken": string(required=True)}, **DOKUMENTIERT)
_GET_BROKER = {"type": _BROKER["type"], "bExternalId": _BROKER["bExternalId"],
               "bLastName": string(max_length=200), "bCompany": string(max_length=200)}
GET_BROKER = Schema({**_GET_BROKER, "bEmail": string(required=True, max_length=200)},
                    **DOKUMENTIERT)
GET_BROKER_V1 = Schema({**_GET_BROKER, "bEmail": string(max_length=200),
                        "aToken": string(required=True)}, **DOKUMENTIERT)
AGENTURNUMMERN = Schema({"agencyNumberSets": array("baFinId | insurerId | supervisingAuthorityId, agencyNumbers[]",
                                                   required=True, items="object")}, **DOKUMENTIERT)
CREATE_BROKER = Schema({**_BROKER, "bEmail": string(required=True, max_length=200)},
                       **DOKUMENTIERT)
CREATE_BROKER_V1 = Schema({**CREATE_BROKER.fields, "aToken": string(required=True)},
                          **DOKUMENTIERT)


def sicherheitstoken(headers: Mapping[str, str]) -> str:
    """The security token of ``Authorization: Bearer …``, or "" (the model refuses that)."""
    return bearer_token(headers, strip_quotes=True)


def kopf(headers: Mapping[str, str], name: str) -> str:
    return headers.get(name, "").strip().strip('"')


def broker_json(b: Broker) -> dict[str, Any]:
    return {"bToken": _maske(b.bToken), "bExternalId": b.bExternalId, "bIsActive": b.bIsActive,
            "abgewiesene_bExternalIds": b.abgewiesene_bExternalIds, **b.daten}


def kunde_json(k: Kunde) -> dict[str, Any]:
    return {"cExternalId": k.cExternalId, **k.daten,
            "cExternalReferences": [{"origin": o, "paramKey": p, "paramValue": v}
                                    for (o, p), v in k.referenzen.items()],
            "profil": k.profil}


def dump(ts: Thinksurance) -> dict[str, Any]:
    return {
        "accounts": [{"aToken": _maske(a.aToken), "name": a.name, "nameTag": a.nameTag} for a in ts.accounts.values()],
        "partner": [{"hash": _maske(p.hash), "aktiv": p.aktiv, "accounts": [_maske(a) for a in p.accounts]}
                    for p in ts.partner.values()],
        "broker": [broker_json(b) for b in ts.broker.values()],
        "kunden": [kunde_json(k) for k in ts.kunden.values()],
        "switches": [{"benutzt": s.benutzt, "cExternalId": s.cExternalId} for s in ts.switches.values()],
    }


def _maske(wert: str) -> str:
    return f"{wert[:4]}…{wert[-2:]}" if len(wert) > 8 else "…"


def endpoints(ts: Thinksurance, adresse: str = ADRESSE) -> list[Endpoint]:
    """``adresse``: the fake's configured base URL; one-time links are built from it, never from
    the request's Host header."""
    def token_anfordern(a: Call) -> Any:
        token, expired = ts.token_anfordern(a.body["hash"], a.body["secret"])
        return {"token": token, "expired": expired}

    def account_tokens(a: Call) -> Any:
        return [{"name": x.name, "aToken": x.aToken, "nameTag": x.nameTag}
                for x in ts.account_tokens(sicherheitstoken(a.headers))]

    def account_tokens_v1(a: Call) -> Any:
        return [{"name": x.name, "aToken": x.aToken} for x in ts.account_tokens(a.path["token"])]

    def get_broker_token(a: Call) -> Any:
        b = ts.get_broker_token(sicherheitstoken(a.headers), kopf(a.headers, "x-account-token"), a.body)
        return {"status": "Broker Api: existing broker for the provided request.", "bToken": b.bToken}

    def get_broker_token_v1(a: Call) -> Any:
        b = ts.get_broker_token(a.path["token"], a.body["aToken"], a.body)
        return [{"bToken": b.bToken, "bLastName": b.daten.get("bLastName"),
                 "bEmail": b.daten.get("bEmail"), "bCompany": b.daten.get("bCompany"),
                 "bCode": b.bCode}]

    def _angelegt(b: Broker, neu: bool) -> Any:
        status = "Broker Api: broker created." if neu else "Broker Api: existing broker for the provided request."
        return {"status": status, "bToken": b.bToken}

    def create_broker(a: Call) -> Any:
        return _angelegt(*ts.create_broker(sicherheitstoken(a.headers), kopf(a.headers, "x-account-token"),
                                           a.body))

    def create_broker_v1(a: Call) -> Any:
        return _angelegt(*ts.create_broker(a.path["token"], a.body["aToken"], a.body))

    def broker_forward(a: Call) -> Any:
        s = ts.broker_forward(sicherheitstoken(a.headers), kopf(a.headers, "x-broker-token"), a.body)
        return {"url": f"{adresse}/switch/{s.id}"}

    def broker_forward_v1(a: Call) -> Any:
        s = ts.broker_forward(a.path["token"], a.body["bToken"], a.body)
        return {"url": f"{adresse}/switch/{s.id}"}

    def _kennung(a: Call) -> tuple[str, str, str]:
        return sicherheitstoken(a.headers), kopf(a.headers, "x-broker-token"), kopf(a.headers, "x-account-token")

    def inquiries_lesen(a: Call) -> Any:
        return ts.inquiries_lesen(*_kennung(a))

    def agenturnummern_lesen(a: Call) -> Any:
        return ts.agenturnummern_lesen(*_kennung(a))

    def agenturnummern_hinzufuegen(a: Call) -> Any:
        return {"agencyNumberSets": ts.agenturnummern_hinzufuegen(*_kennung(a), a.body["agencyNumberSets"])}

    def agenturnummern_entfernen(a: Call) -> Any:
        return {"agencyNumberSets": ts.agenturnummern_entfernen(*_kennung(a), a.body["agencyNumberSets"])}

    def produkte(a: Call) -> Any:
        return ts.produkte(sicherheitstoken(a.headers), a.query.get("professionId"))

    def produkte_v1(a: Call) -> Any:
        return ts.produkte(a.body["token"], a.body.get("professionId"))

    def support_neu_zuordnen(a: Call) -> Any:
        b = ts.support_neu_zuordnen(sicherheitstoken(a.headers), a.body["bToken"], a.body["bExternalId"],
                                    a.body.get("bEmail"))
        return {"bExternalId": b.bExternalId, "bEmail": b.daten.get("bEmail")}

    return [
        Endpoint("POST", "/api/ipn/tokens", token_anfordern, "V1.1 Authentication", ANMELDUNG,
                 response="{token, expired}"),
        Endpoint("GET", "/api/ipn/account/tokens", account_tokens, "V1.1 Get Account Token",
                 params=(BEARER,)),
        Endpoint("POST", "/api/ipn/brokers/tokens", get_broker_token, "V1.1 Get Broker Token",
                 GET_BROKER, (BEARER, X_ACCOUNT)),
        Endpoint("POST", "/api/ipn/brokers/token", get_broker_token,
                 "V1.1 Get Broker Token (Schreibweise der Doku-Beispiele)", GET_BROKER,
                 (BEARER, X_ACCOUNT)),
        Endpoint("POST", "/api/ipn/brokers", create_broker, "V1.1 Create Broker", CREATE_BROKER,
                 (BEARER, X_ACCOUNT)),
        Endpoint("POST", "/api/ipn/brokers/forward", broker_forward, "V1.1 Broker Forward", FORWARD,
                 (BEARER, X_BROKER), response="{url}"),
        Endpoint("GET", "/api/ipn/products", produkte, "V1.1 Get Products",
                 params=(BEARER, Param("professionId", "query", False, type="integer"))),
        Endpoint("GET", "/api/ipn/inquiries", inquiries_lesen, "V1.1 Get IP Notifications by Inquiry",
                 params=(BEARER, X_BROKER, X_ACCOUNT, Param("inquiryId", "query", False, type="integer"),
                         Param("lastDays", "query", False, type="integer"))),
        Endpoint("GET", "/api/ipn/agency-numbers", agenturnummern_lesen, "V1.1 Get Agency Numbers",
                 params=(BEARER, X_BROKER, X_ACCOUNT)),
        Endpoint("POST", "/api/ipn/agency-numbers", agenturnummern_hinzufuegen, "V1.1 Add Agency Number",
                 AGENTURNUMMERN, (BEARER, X_BROKER, X_ACCOUNT)),
        Endpoint("DELETE", "/api/ipn/agency-numbers", agenturnummern_entfernen, "V1.1 Delete Agency Number",
                 AGENTURNUMMERN, (BEARER, X_BROKER, X_ACCOUNT)),
        Endpoint("POST", "/api/token", token_anfordern, "V1 Authentication", ANMELDUNG),
        Endpoint("POST", "/api/account/get/tokens/{token}", account_tokens_v1, "V1 Get Account Token",
                 params=(PFAD_TOKEN,)),
        Endpoint("POST", "/api/broker/get/{token}", get_broker_token_v1, "V1 Get Broker Token",
                 GET_BROKER_V1, (PFAD_TOKEN,)),
        Endpoint("POST", "/api/broker/set/{token}", create_broker_v1, "V1 Create Broker",
                 CREATE_BROKER_V1, (PFAD_TOKEN,)),
        Endpoint("POST", "/api/broker/fwd/{token}", broker_forward_v1, "V1 Broker Forward", FORWARD_V1,
                 (PFAD_TOKEN,)),
        Endpoint("POST", "/api/products", produkte_v1, "V1 Get Products",
                 Schema({"token": string(required=True), "professionId": integer()},
                        **DOKUMENTIERT)),
        Endpoint("POST", "/_support/broker-zuordnung", support_neu_zuordnen,
                 "Nur im Fake: Thinksurance-Support ordnet einen b-Token einem neuen cloud Benutzer zu",
                 Schema({"bToken": string(required=True), "bExternalId": string(required=True),
                         "bEmail": string()}), (BEARER,), tag="support"),
    ]
