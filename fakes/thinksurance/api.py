"""Thinksurance partner API (V1.1 and the V1 subset), as documented: paths, headers, fields."""

from __future__ import annotations

from typing import Any

from fakes.common.schema import Schema, liste, objekt, schalter, text, zahl
from fakes.common.web import Anfrage, Endpunkt, Param, bearer

from .models import TOKEN_UNGUELTIG, Thinksurance

BEARER = Param("Authorization", "header", False, "Bearer <security token>")
X_ACCOUNT = Param("X-Account-Token", "header", False, "aToken")
X_BROKER = Param("X-Broker-Token", "header", False, "bToken")
PFAD_TOKEN = Param("token", "path", True, "security token (V1)")

ANMELDUNG = Schema({"hash": text("API user hash", pflicht=True),
                    "secret": text("API user secret", pflicht=True)},
                   weitere_erlaubt=True, beispiel={"hash": "some long string value",
                                                   "secret": "some string value"})

_BROKER = {
    "type": zahl("1 = bExternalId wird verwendet, 2 = ohne", pflicht=True, enum=(1, 2)),
    "bExternalId": text("broker ID in partner system", pflicht=True, max_laenge=200),
    "bGender": zahl("1 = Herr, 2 = Frau", enum=(1, 2)),
    **{f: text(max_laenge=200) for f in ("bFirstName", "bLastName", "bCompany", "bStreet",
                                         "bStreetNumber", "bZip", "bCity", "bPhone",
                                         "bCompanyRegNumber", "bRegNumber")},
    "bEmail": text(max_laenge=200),
}
_REFERENZ = Schema({"origin": text(pflicht=True, enum=("crm", "broker_crm", "insurer")),
                    "paramKey": text(pflicht=True, max_laenge=200),
                    "paramValue": text(leer_erlaubt=True, max_laenge=500)})
_FORWARD = {
    **_BROKER,
    "bIsActive": schalter("Makler aktivieren/deaktivieren"),
    "crmIdent": text(max_laenge=100),
    **{f: text(max_laenge=200) for f in ("cExternalId", "cFirstName", "cLastName", "cEmail",
                                         "cCompany", "cStreet", "cStreetNumber", "cZip", "cCity",
                                         "cPhone")},
    "cExternalReferences": liste(element=_REFERENZ),
    "iExternalReferences": liste(element=_REFERENZ),
    "qasCustProfile": objekt("Fragebogen-Vorbelegung (source, categories)"),
    "instantInquiryCreation": text(enum=("True", "False")),
    "productId": zahl(), "professionId": zahl(), "iId": zahl(),
}
FORWARD = Schema(_FORWARD, weitere_erlaubt=True)
FORWARD_V1 = Schema({**_FORWARD, "bToken": text(pflicht=True)}, weitere_erlaubt=True)
_GET_BROKER = {"type": _BROKER["type"], "bExternalId": _BROKER["bExternalId"],
               "bLastName": text(max_laenge=200), "bCompany": text(max_laenge=200)}
GET_BROKER = Schema({**_GET_BROKER, "bEmail": text(pflicht=True, max_laenge=200)},
                    weitere_erlaubt=True)
GET_BROKER_V1 = Schema({**_GET_BROKER, "bEmail": text(max_laenge=200),
                        "aToken": text(pflicht=True)}, weitere_erlaubt=True)
CREATE_BROKER = Schema({**_BROKER, "bEmail": text(pflicht=True, max_laenge=200)},
                       weitere_erlaubt=True)
CREATE_BROKER_V1 = Schema({**CREATE_BROKER.felder, "aToken": text(pflicht=True)},
                          weitere_erlaubt=True)


def sicherheitstoken(headers: Any) -> str:
    return bearer(headers, TOKEN_UNGUELTIG, anfuehrungszeichen_weg=True)


def kopf(headers: Any, name: str) -> str:
    return headers.get(name, "").strip().strip('"')


def endpunkte(ts: Thinksurance) -> list[Endpunkt]:
    def anmelden(a: Anfrage) -> Any:
        token, expired = ts.token_anfordern(a.body["hash"], a.body["secret"])
        return {"token": token, "expired": expired}

    def accounts(a: Anfrage) -> Any:
        return [{"name": x.name, "aToken": x.aToken, "nameTag": x.nameTag}
                for x in ts.account_tokens(sicherheitstoken(a.headers))]

    def accounts_v1(a: Anfrage) -> Any:
        return [{"name": x.name, "aToken": x.aToken} for x in ts.account_tokens(a.pfad["token"])]

    def broker_token(a: Anfrage) -> Any:
        b = ts.get_broker_token(sicherheitstoken(a.headers), kopf(a.headers, "x-account-token"), a.body)
        return {"status": "Broker Api: existing broker for the provided request.", "bToken": b.bToken}

    def broker_token_v1(a: Anfrage) -> Any:
        b = ts.get_broker_token(a.pfad["token"], a.body["aToken"], a.body)
        return [{"bToken": b.bToken, "bLastName": b.daten.get("bLastName"),
                 "bEmail": b.daten.get("bEmail"), "bCompany": b.daten.get("bCompany"),
                 "bCode": b.bCode}]

    def _angelegt(b: Any, neu: bool) -> Any:
        status = "Broker Api: broker created." if neu else \
            "Broker Api: existing broker for the provided request."
        return {"status": status, "bToken": b.bToken}

    def broker_neu(a: Anfrage) -> Any:
        return _angelegt(*ts.create_broker(sicherheitstoken(a.headers), kopf(a.headers, "x-account-token"),
                                           a.body))

    def broker_neu_v1(a: Anfrage) -> Any:
        return _angelegt(*ts.create_broker(a.pfad["token"], a.body["aToken"], a.body))

    def forward(a: Anfrage) -> Any:
        s = ts.broker_forward(sicherheitstoken(a.headers), kopf(a.headers, "x-broker-token"), a.body)
        return {"url": f"{a.basis_url}/switch/{s.id}"}

    def forward_v1(a: Anfrage) -> Any:
        s = ts.broker_forward(a.pfad["token"], a.body["bToken"], a.body)
        return {"url": f"{a.basis_url}/switch/{s.id}"}

    def produkte(a: Anfrage) -> Any:
        return ts.produkte(sicherheitstoken(a.headers), a.query.get("professionId"))

    def produkte_v1(a: Anfrage) -> Any:
        return ts.produkte(a.body["token"], a.body.get("professionId"))

    def support(a: Anfrage) -> Any:
        b = ts.support_neu_zuordnen(a.body["bToken"], a.body["bExternalId"], a.body.get("bEmail"))
        return {"bExternalId": b.bExternalId, "bEmail": b.daten.get("bEmail")}

    return [
        Endpunkt("POST", "/api/ipn/tokens", anmelden, "V1.1 Authentication", ANMELDUNG,
                 antwort="{token, expired}"),
        Endpunkt("GET", "/api/ipn/account/tokens", accounts, "V1.1 Get Account Token",
                 parameter=(BEARER,)),
        Endpunkt("POST", "/api/ipn/brokers/tokens", broker_token, "V1.1 Get Broker Token",
                 GET_BROKER, (BEARER, X_ACCOUNT)),
        Endpunkt("POST", "/api/ipn/brokers/token", broker_token,
                 "V1.1 Get Broker Token (Schreibweise der Doku-Beispiele)", GET_BROKER,
                 (BEARER, X_ACCOUNT)),
        Endpunkt("POST", "/api/ipn/brokers", broker_neu, "V1.1 Create Broker", CREATE_BROKER,
                 (BEARER, X_ACCOUNT)),
        Endpunkt("POST", "/api/ipn/brokers/forward", forward, "V1.1 Broker Forward", FORWARD,
                 (BEARER, X_BROKER), antwort="{url}"),
        Endpunkt("GET", "/api/ipn/products", produkte, "V1.1 Get Products",
                 parameter=(BEARER, Param("professionId", "query", False, typ="integer"))),
        Endpunkt("POST", "/api/token", anmelden, "V1 Authentication", ANMELDUNG),
        Endpunkt("POST", "/api/account/get/tokens/{token}", accounts_v1, "V1 Get Account Token",
                 parameter=(PFAD_TOKEN,)),
        Endpunkt("POST", "/api/broker/get/{token}", broker_token_v1, "V1 Get Broker Token",
                 GET_BROKER_V1, (PFAD_TOKEN,)),
        Endpunkt("POST", "/api/broker/set/{token}", broker_neu_v1, "V1 Create Broker",
                 CREATE_BROKER_V1, (PFAD_TOKEN,)),
        Endpunkt("POST", "/api/broker/fwd/{token}", forward_v1, "V1 Broker Forward", FORWARD_V1,
                 (PFAD_TOKEN,)),
        Endpunkt("POST", "/api/products", produkte_v1, "V1 Get Products",
                 Schema({"token": text(pflicht=True), "professionId": zahl()},
                        weitere_erlaubt=True)),
        Endpunkt("POST", "/_support/broker-zuordnung", support,
                 "Nur im Fake: Thinksurance-Support ordnet einen b-Token einem neuen cloud Benutzer zu",
                 Schema({"bToken": text(pflicht=True), "bExternalId": text(pflicht=True),
                         "bEmail": text()}), tag="support"),
    ]
