"""Rules of the Thinksurance fake (partner API V1.1/V1 and the switch), on the model directly.

Where the public API documents behaviour (15-minute security tokens, ``expired`` layout, the
"API User ..." text, upsert by ``cExternalId``, empty ``paramValue`` deletes), the tests pin it.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import pytest

from basis import demo
from fakes.thinksurance import api
from fakes.thinksurance.api import dump
from fakes.thinksurance.daten import PRODUKTE, Account, Partner
from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD, TOKEN_GUELTIGKEIT, Thinksurance
from tests.helpers import refused

BT, BT_JONAS = demo.TS_BTOKEN, demo.TS_BTOKEN_KOLLEGE
ANNA, JONAS = demo.MITARBEITER_EMAIL, demo.KOLLEGE_EMAIL
API_USER_TEXT = "API User is not existing or deactivated."


@pytest.fixture
def ts() -> Thinksurance:
    """Frozen clock: time passes only when a test advances it, so deadlines are exact to the second."""
    t = Thinksurance()
    t.clock.freeze()
    t.load("ausgangslage")
    return t


@pytest.fixture
def token(ts: Thinksurance) -> str:
    return ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]


def forward(ts: Thinksurance, token: str, bToken: str = BT, **felder: Any) -> Any:
    return ts.broker_forward(token, bToken, {"type": 1, "bExternalId": ANNA, **felder})


def _zweiter_partner(ts: Thinksurance) -> str:
    """Another partner with its own account and broker; returns that broker's bToken."""
    ts.accounts["a-fremd"] = Account("a-fremd", "Fremdpool", "fremd")
    ts.partner["h-fremd"] = Partner("h-fremd", "s-fremd", ["a-fremd"])
    return ts.broker_anlegen("a-fremd", None, {"bLastName": "Fremd", "bEmail": "f@fremd.de"}).bToken


# --- authentication -------------------------------------------------------------------------------

def test_api_user_ungueltig(ts: Thinksurance) -> None:
    token, expired = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)
    assert len(token) >= 32
    for hash_, secret in ((demo.TS_HASH, "falsch"), ("unbekannt", demo.TS_SECRET), (demo.TS_HASH, "")):
        f = refused("TS_API_USER_UNGUELTIG", ts.token_anfordern, hash_, secret)
        assert f.message == API_USER_TEXT  # documented text, verbatim


def test_deaktivierter_api_user(ts: Thinksurance, token: str) -> None:
    assert ts.account_tokens(token)[0].aToken == demo.TS_ATOKEN
    ts.partner_deaktivieren(demo.TS_HASH)
    refused("TS_API_USER_UNGUELTIG", ts.token_anfordern, demo.TS_HASH, demo.TS_SECRET)
    f = refused("TS_API_USER_UNGUELTIG", ts.account_tokens, token)  # issued before: stops working
    assert f.message == API_USER_TEXT


def test_security_token_gilt_15_minuten(ts: Thinksurance) -> None:
    vorher = ts.clock.now().replace(microsecond=0)
    token, expired = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)
    ablauf = datetime.strptime(expired, "%Y-%m-%d %H:%M:%S").replace(tzinfo=timezone.utc)
    assert ablauf == vorher + TOKEN_GUELTIGKEIT
    assert TOKEN_GUELTIGKEIT == timedelta(minutes=15)
    ts.clock.advance(15 * 60 - 1)
    assert ts.produkte(token) == PRODUKTE
    ts.clock.advance(1)
    f = refused("TS_TOKEN_UNGUELTIG", ts.produkte, token)
    assert "15 Minuten" in f.message
    neu, _ = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)  # a new one works again
    assert ts.produkte(neu) == PRODUKTE


def test_token_ungueltig(ts: Thinksurance, token: str) -> None:
    assert api.sicherheitstoken({"authorization": f'Bearer "{token}"'}) == token
    refused("TS_TOKEN_UNGUELTIG", ts.produkte, "gibts-nicht")
    refused("TS_TOKEN_UNGUELTIG", forward, ts, "gibts-nicht")
    for kopf in ({}, {"authorization": "Basic x"}, {"authorization": "Bearer "}):
        assert api.sicherheitstoken(kopf) == ""  # no bearer: the model refuses the empty token
        refused("TS_TOKEN_UNGUELTIG", ts.produkte, api.sicherheitstoken(kopf))


def test_produkte_nach_betriebsart(ts: Thinksurance, token: str) -> None:
    assert [p["id"] for p in ts.produkte(token, 113)] == [12, 31, 95]
    assert ts.produkte(token, 999) == []


# --- accounts and brokers ---------------------------------------------------------------------------

def test_account_ungueltig(ts: Thinksurance, token: str) -> None:
    forward(ts, token)  # binds Anna's bExternalId
    b = ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 1, "bExternalId": ANNA, "bEmail": ANNA})
    assert b.bToken == BT
    f = refused("TS_ACCOUNT_UNGUELTIG", ts.get_broker_token, token, "falscher-atoken",
                  {"type": 1, "bExternalId": ANNA, "bEmail": ANNA})
    assert "aToken" in f.message
    _zweiter_partner(ts)
    refused("TS_ACCOUNT_UNGUELTIG", ts.create_broker, token, "a-fremd",
              {"type": 1, "bExternalId": "x", "bLastName": "X", "bEmail": "x@y.de"})


def test_broker_nicht_gefunden(ts: Thinksurance, token: str) -> None:
    suche = {"type": 1, "bExternalId": ANNA, "bEmail": ANNA}
    f = refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN, suche)
    assert f.message == "Broker Api: no broker found for the provided request."  # not yet bound
    forward(ts, token)
    assert ts.get_broker_token(token, demo.TS_ATOKEN, suche).bToken == BT
    per_mail = {"type": 2, "bExternalId": "egal", "bEmail": " Jonas.Weber@makler-mueller.de "}
    assert ts.get_broker_token(token, demo.TS_ATOKEN, per_mail).bToken == BT_JONAS
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN,
              {"type": 2, "bExternalId": "egal", "bEmail": "niemand@x.de"})


def test_ein_deaktivierter_makler_wird_nicht_mehr_gefunden(ts: Thinksurance, token: str) -> None:
    """Assumption A18: a deactivated broker has left the partner's account."""
    per_mail = {"type": 2, "bExternalId": "egal", "bEmail": ANNA}
    assert ts.get_broker_token(token, demo.TS_ATOKEN, per_mail).bToken == BT
    ts.broker[BT].bIsActive = False
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN, per_mail)


def test_type_ungueltig(ts: Thinksurance, token: str) -> None:
    assert forward(ts, token, type=2).bToken == BT
    for typ in (0, 3, "1"):
        f = refused("TS_TYPE_UNGUELTIG", forward, ts, token, type=typ)
        assert "type" in f.message
    refused("TS_TYPE_UNGUELTIG", ts.get_broker_token, token, demo.TS_ATOKEN,
              {"type": 3, "bExternalId": ANNA, "bEmail": ANNA})
    refused("TS_TYPE_UNGUELTIG", ts.create_broker, token, demo.TS_ATOKEN,
              {"type": 3, "bExternalId": "neu", "bLastName": "Neu", "bEmail": "neu@x.de"})


def test_name_oder_firma(ts: Thinksurance, token: str) -> None:
    for name in ({"bLastName": "Neu"}, {"bCompany": "Neu GmbH"}):
        b, neu = ts.create_broker(token, demo.TS_ATOKEN,
                                  {"type": 1, "bExternalId": f"ext-{name}", "bEmail": "neu@x.de", **name})
        assert neu and b.bExternalId == f"ext-{name}"
    anzahl = len(ts.broker)
    f = refused("TS_NAME_ODER_FIRMA_FEHLT", ts.create_broker, token, demo.TS_ATOKEN,
                  {"type": 1, "bExternalId": "ext-3", "bEmail": "neu@x.de", "bFirstName": "Nur"})
    assert "bLastName" in f.message and "bCompany" in f.message
    assert len(ts.broker) == anzahl


def test_create_broker_liefert_bestehenden(ts: Thinksurance, token: str) -> None:
    daten = {"type": 1, "bExternalId": "T5", "bEmail": "mustermann@email.com", "bLastName": "Mustermann"}
    b1, neu1 = ts.create_broker(token, demo.TS_ATOKEN, daten)
    b2, neu2 = ts.create_broker(token, demo.TS_ATOKEN, daten)
    assert (neu1, neu2) == (True, False) and b1.bToken == b2.bToken


@pytest.mark.parametrize("email", [" anna.schmidt@makler-mueller.de", "anna.schmidt@makler-mueller.de;",
                                   " exampleMail@mailProvider.com;", "anna schmidt@makler-mueller.de",
                                   "ohne-at"])
def test_email_unsauber(ts: Thinksurance, token: str, email: str) -> None:
    vorher = dump(ts)
    f = refused("TS_EMAIL_UNSAUBER", forward, ts, token, bEmail=email)
    assert email in f.message
    refused("TS_EMAIL_UNSAUBER", forward, ts, token, cEmail=email, cExternalId="K-1")
    refused("TS_EMAIL_UNSAUBER", ts.create_broker, token, demo.TS_ATOKEN,
              {"type": 1, "bExternalId": "neu", "bLastName": "Neu", "bEmail": email})
    refused("TS_EMAIL_UNSAUBER", ts.support_neu_zuordnen, token, BT, JONAS, email)
    assert dump(ts) == vorher


def test_saubere_emails(ts: Thinksurance, token: str) -> None:
    assert forward(ts, token, bEmail=ANNA, cEmail="info@mueller-soehne-bau.de", cExternalId="K-1001")


def test_broker_inaktiv(ts: Thinksurance, token: str) -> None:
    refused("TS_BROKER_INAKTIV", forward, ts, token, bIsActive=False)  # documented: forward deactivates
    assert not ts.broker[BT].bIsActive
    f = refused("TS_BROKER_INAKTIV", forward, ts, token)
    assert "deaktiviert" in f.message
    assert forward(ts, token, bIsActive=True).bToken == BT  # and re-activates
    assert forward(ts, token).bToken == BT


def test_email_passt_nicht(ts: Thinksurance, token: str) -> None:
    assert forward(ts, token).bToken == BT  # no bEmail: nothing to compare
    assert forward(ts, token, bEmail="Anna.Schmidt@Makler-Mueller.de").bToken == BT  # case-insensitive
    f = refused("TS_EMAIL_PASST_NICHT", forward, ts, token, bEmail="anna@privat.de")
    assert "anna@privat.de" in f.message
    assert ts.broker[BT].daten["bEmail"] == ANNA


def test_broker_token_ungueltig(ts: Thinksurance, token: str) -> None:
    fremd = _zweiter_partner(ts)
    assert forward(ts, token).bToken == BT
    f = refused("TS_BROKER_TOKEN_UNGUELTIG", forward, ts, token, bToken="gibts-nicht")
    assert "b-Token" in f.message
    refused("TS_BROKER_TOKEN_UNGUELTIG", forward, ts, token, bToken=fremd)  # other partner's broker
    refused("TS_BROKER_TOKEN_UNGUELTIG", ts.support_neu_zuordnen, token, "gibts-nicht", JONAS, None)
    refused("TS_TOKEN_UNGUELTIG", ts.support_neu_zuordnen, "kein-token", BT, JONAS, None)
    _zweiter_partner(ts)  # another partner may not reassign this partner's broker
    fremd = ts.token_anfordern("h-fremd", "s-fremd")[0]
    refused("TS_BROKER_TOKEN_UNGUELTIG", ts.support_neu_zuordnen, fremd, BT, JONAS, None)


# --- bToken binding (guide, Anmerkungen) -------------------------------------------------------------

def test_btoken_bindet_den_ersten_bexternalid(ts: Thinksurance, token: str) -> None:
    assert ts.broker[BT].bExternalId is None
    forward(ts, token)
    assert ts.broker[BT].bExternalId == ANNA
    assert forward(ts, token, bExternalId="anna.neu@makler-mueller.de").bToken == BT  # jump still works
    b = ts.broker[BT]
    assert b.bExternalId == ANNA and b.abgewiesene_bExternalIds == ["anna.neu@makler-mueller.de"]
    forward(ts, token, bExternalId="anna.neu@makler-mueller.de")
    assert b.abgewiesene_bExternalIds == ["anna.neu@makler-mueller.de"]  # noted once
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN,
              {"type": 1, "bExternalId": "anna.neu@makler-mueller.de", "bEmail": ANNA})


def test_support_ordnet_neu_zu(ts: Thinksurance, token: str) -> None:
    forward(ts, token)
    forward(ts, token, bExternalId="anna.neu@makler-mueller.de")
    b = ts.support_neu_zuordnen(token, BT, "anna.neu@makler-mueller.de", "anna.neu@makler-mueller.de")
    assert b.bExternalId == "anna.neu@makler-mueller.de" and b.abgewiesene_bExternalIds == []
    assert b.daten["bEmail"] == "anna.neu@makler-mueller.de"
    assert ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 1, "bExternalId": "anna.neu@makler-mueller.de",
                                                       "bEmail": "x@y.de"}).bToken == BT
    forward(ts, token, bExternalId=ANNA)  # the old one is now the stranger
    assert b.bExternalId == "anna.neu@makler-mueller.de" and b.abgewiesene_bExternalIds == [ANNA]


# --- customers -----------------------------------------------------------------------------------------

def test_kunde_wird_ueber_cexternalid_angelegt_oder_aktualisiert(ts: Thinksurance, token: str) -> None:
    forward(ts, token, cExternalId="K-1001", cCompany="Müller & Söhne Bau GmbH", cCity="Köln",
            cExternalReferences=[{"origin": "crm", "paramKey": "ams-Kundennummer", "paramValue": "K-1001"},
                                 {"origin": "crm", "paramKey": "Alt", "paramValue": "1"}],
            qasCustProfile={"source": "crm", "categories": [{"id": "default", "questions": [
                {"id": "umsatz", "answers": ["245000000"]}, {"id": "anzahl_vollzeitmitarbeiter", "answers": [18]}]}]})
    forward(ts, token, cExternalId="K-1001", cCity="Bonn",
            cExternalReferences=[{"origin": "crm", "paramKey": "Alt", "paramValue": ""}])  # "" deletes
    forward(ts, token, cExternalId="K-1002", cCompany="Bäckerei Köhler e. K.")
    assert len(ts.kunden) == 2
    k = ts.kunden[(BT, "K-1001")]
    assert k.daten == {"cCompany": "Müller & Söhne Bau GmbH", "cCity": "Bonn"}
    assert k.referenzen == {("crm", "ams-Kundennummer"): "K-1001"}
    assert k.profil == {"umsatz": ["245000000"], "anzahl_vollzeitmitarbeiter": ["18"]}


def test_kunde_unbekannt(ts: Thinksurance, token: str) -> None:
    forward(ts, token, cExternalId="K-1001")
    b = ts.broker[BT]
    assert ts.kunde_fuer(b, "K-1001").cExternalId == "K-1001"
    f = refused("TS_KUNDE_UNBEKANNT", ts.kunde_fuer, b, "K-9999")
    assert "Kunden" in f.message
    refused("TS_KUNDE_UNBEKANNT", ts.kunde_fuer, ts.broker[BT_JONAS], "K-1001")  # other broker's customer


@pytest.mark.parametrize("profil", [{"categories": "abc"}, {"categories": [1]}, {"categories": {"a": 1}},
                                    {"categories": [{"questions": [{"id": "umsatz", "answers": 5}]}]},
                                    {"source": "crm"}],
                         ids=["categories-text", "category-zahl", "categories-objekt", "answers-zahl",
                              "ohne-categories"])
def test_forward_fragebogen_in_falscher_form_wird_abgelehnt(ts: Thinksurance, token: str,
                                                            profil: dict[str, Any]) -> None:
    ts.broker[BT].bIsActive = False  # a refused forward must not even reactivate the broker
    vorher = dump(ts)
    f = refused("TS_FRAGEBOGEN_UNGUELTIG", forward, ts, token, cExternalId="K-1", qasCustProfile=profil,
                  bIsActive=True)
    assert "qasCustProfile" in f.message
    assert dump(ts) == vorher


def test_forward_fragebogen_wird_uebernommen(ts: Thinksurance, token: str) -> None:
    forward(ts, token, cExternalId="K-1", qasCustProfile={"source": "crm", "categories": [
        {"id": "default", "questions": [{"id": "umsatz", "answers": ["100"]}]}]})
    assert ts.kunden[(BT, "K-1")].profil == {"umsatz": ["100"]}


def test_abgelehnter_forward_aendert_den_makler_nicht(ts: Thinksurance, token: str) -> None:
    ts.broker[BT].bIsActive = False
    vorher = dump(ts)
    refused("TS_EMAIL_PASST_NICHT", forward, ts, token, bIsActive=True, bEmail="anna@privat.de")
    assert dump(ts) == vorher


# --- switch URL and platform session ------------------------------------------------------------------

def test_switch_einmalig(ts: Thinksurance, token: str) -> None:
    s = forward(ts, token, cExternalId="K-1001")
    sitzung, geoeffnet = ts.switch_oeffnen(s.id)
    assert geoeffnet.cExternalId == "K-1001" and ts.angemeldeter_broker(sitzung).bToken == BT
    f = refused("TS_SWITCH_BENUTZT", ts.switch_oeffnen, s.id)
    assert "erneut" in f.message
    ohne_kunde = forward(ts, token)
    assert ts.switch_oeffnen(ohne_kunde.id)[1].cExternalId is None  # dashboard


def test_switch_befristet(ts: Thinksurance, token: str) -> None:
    knapp, alt = forward(ts, token), forward(ts, token)
    ts.clock.advance(SWITCH_GUELTIGKEIT_STANDARD - 1)
    assert ts.switch_oeffnen(knapp.id)
    ts.clock.advance(1)
    f = refused("TS_SWITCH_ABGELAUFEN", ts.switch_oeffnen, alt.id)
    assert "abgelaufen" in f.message
    assert not ts.switches[alt.id].benutzt


def test_switch_dauer_einstellbar() -> None:
    ts = Thinksurance(switch_gueltigkeit=5)
    ts.clock.freeze()
    ts.load("ausgangslage")
    token, _ = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)
    s, knapp = forward(ts, token), forward(ts, token)
    ts.clock.advance(4)
    assert ts.switch_oeffnen(knapp.id)
    ts.clock.advance(1)
    refused("TS_SWITCH_ABGELAUFEN", ts.switch_oeffnen, s.id)


def test_switch_unbekannt(ts: Thinksurance, token: str) -> None:
    assert ts.switch_oeffnen(forward(ts, token).id)
    f = refused("TS_SWITCH_UNBEKANNT", ts.switch_oeffnen, "gibts-nicht")
    assert "Link" in f.message


def test_nicht_angemeldet(ts: Thinksurance, token: str) -> None:
    sitzung, _ = ts.switch_oeffnen(forward(ts, token).id)
    assert ts.angemeldeter_broker(sitzung).bToken == BT
    for falsch in (None, "", "erfunden"):
        f = refused("TS_NICHT_ANGEMELDET", ts.angemeldeter_broker, falsch)
        assert "Absprung" in f.message


# --- retention: nothing grows without bound (assumption A21) --------------------------------------------

def test_sicherheitstoken_haben_eine_obergrenze(ts: Thinksurance) -> None:
    from fakes.thinksurance.models import TOKENS_MAX

    erster = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    for _ in range(TOKENS_MAX + 10):
        ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)
    assert len(ts.tokens) <= TOKENS_MAX
    refused("TS_TOKEN_UNGUELTIG", ts.produkte, erster)  # the oldest went first


def test_switches_und_sitzungen_werden_vergessen(ts: Thinksurance, token: str) -> None:
    from fakes.common.bounded import CHECK_EVERY
    from fakes.thinksurance.models import SITZUNG_GUELTIGKEIT, SWITCH_NACHLAUF

    alt = forward(ts, token)
    sitzung, _ = ts.switch_oeffnen(forward(ts, token).id)
    ts.clock.advance((SITZUNG_GUELTIGKEIT + SWITCH_NACHLAUF).total_seconds() + 1)
    refused("TS_NICHT_ANGEMELDET", ts.angemeldeter_broker, sitzung)  # sessions end
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    for _ in range(CHECK_EVERY):
        ts.switch_oeffnen(forward(ts, token).id)
    assert alt.id not in ts.switches and len(ts.switches) <= CHECK_EVERY
    refused("TS_SWITCH_UNBEKANNT", ts.switch_oeffnen, alt.id)
    assert len(ts.sitzungen) <= CHECK_EVERY


# --- IP notifications and agency numbers (V1.1) --------------------------------------------------------

def test_inquiries_leer_aber_nur_mit_kennung(ts: Thinksurance, token: str) -> None:
    assert ts.inquiries_lesen(token, BT, "") == {} and ts.inquiries_lesen(token, "", demo.TS_ATOKEN) == {}
    refused("TS_KENNUNG_FEHLT", ts.inquiries_lesen, token, "", "")
    refused("TS_BROKER_TOKEN_UNGUELTIG", ts.inquiries_lesen, token, "gibts-nicht", "")
    refused("TS_ACCOUNT_UNGUELTIG", ts.inquiries_lesen, token, "", "gibts-nicht")
    refused("TS_TOKEN_UNGUELTIG", ts.inquiries_lesen, "kein-token", BT, "")


def test_agenturnummern_hinzufuegen_lesen_entfernen(ts: Thinksurance, token: str) -> None:
    satz = {"baFinId": "5342", "agencyNumbers": [{"agencyNumber": "A-1", "matchCode": "Haupt"}]}
    assert ts.agenturnummern_hinzufuegen(token, BT, "", [satz]) == [{**satz, "active": True}]
    assert ts.agenturnummern_lesen(token, BT, "") == [{**satz, "active": True}]
    assert ts.agenturnummern_lesen(token, "", demo.TS_ATOKEN) == []  # the account's own list
    for falsch in ({"agencyNumbers": [{"agencyNumber": "A"}]}, {"baFinId": "1", "insurerId": "2",
                   "agencyNumbers": [{"agencyNumber": "A"}]}, {"baFinId": "1", "agencyNumbers": []},
                   {"baFinId": "1", "agencyNumbers": [{"matchCode": "x"}]}):
        refused("TS_AGENTURNUMMER_UNGUELTIG", ts.agenturnummern_hinzufuegen, token, BT, "", [falsch])
    assert ts.agenturnummern_entfernen(token, BT, "", [{"baFinId": "5342"}]) == []
