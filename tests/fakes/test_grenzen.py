"""Stores with a bound and work that does not grow with them (finding 8 of the break-in): 40,000
Thinksurance brokers made each create scan all of them under the lock, 20,000 cloud tokens made
``GET …/tokens`` answer 3.7 MB. Limits are patched small here; what is checked is the rule, not time."""

from __future__ import annotations

from typing import Any, Iterator

import pytest

from basis import demo
from fakes.cloud import models as cloud_models
from fakes.cloud.models import Cloud
from fakes.thinksurance import makler
from fakes.thinksurance import models as ts_models
from fakes.thinksurance.makler import Maklerverzeichnis
from fakes.thinksurance.models import Thinksurance
from tests.fakes.inprocess import PLATZHALTER, AsgiClient, fake_app
from tests.helpers import refused

B, CC = demo.BESTAND, demo.CONCENTER_BENUTZER


@pytest.fixture
def ts() -> Thinksurance:
    t = Thinksurance()
    t.load("ausgangslage")
    return t


def _makler(i: int, **mehr: Any) -> dict[str, Any]:
    return {"type": 1, "bExternalId": f"m{i}@makler.example", "bLastName": f"M{i}", "bEmail": f"m{i}@makler.example",
            **mehr}


def test_makler_anlegen_und_finden_ohne_alle_durchzugehen(ts: Thinksurance, monkeypatch: pytest.MonkeyPatch) -> None:
    """Create Broker and Get Broker Token look up by index: walking the brokers fails the test."""
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    for i in range(300):
        ts.create_broker(token, demo.TS_ATOKEN, _makler(i))

    def verboten(self: Maklerverzeichnis) -> Iterator[str]:
        raise AssertionError("alle Makler durchgegangen")

    monkeypatch.setattr(Maklerverzeichnis, "__iter__", verboten)
    b, neu = ts.create_broker(token, demo.TS_ATOKEN, _makler(300))
    assert neu
    assert ts.create_broker(token, demo.TS_ATOKEN, _makler(7)) == (ts.broker[ts.get_broker_token(
        token, demo.TS_ATOKEN, {"type": 1, "bExternalId": "m7@makler.example"}).bToken], False)
    assert ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 2, "bEmail": " M300@Makler.example "}) is b
    ts.broker[b.bToken].bIsActive = False
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN,
            {"type": 1, "bExternalId": "m300@makler.example"})


def test_support_ordnet_im_verzeichnis_neu_zu(ts: Thinksurance) -> None:
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    ts.broker_forward(token, demo.TS_BTOKEN, {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL})
    ts.support_neu_zuordnen(token, demo.TS_BTOKEN, "neu@makler.example", "neu@makler.example")
    finden = {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL}
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN, finden)
    assert ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 1, "bExternalId": "neu@makler.example"}).bToken == \
        demo.TS_BTOKEN
    assert ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 2, "bEmail": "neu@makler.example"}).bToken == \
        demo.TS_BTOKEN
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN,
            {"type": 2, "bEmail": demo.MITARBEITER_EMAIL})


def test_ein_datenstand_erneut_geladen_ersetzt_die_makler_im_verzeichnis(ts: Thinksurance) -> None:
    """``POST /_steuerung/laden`` without a reset adds the seed's brokers again under their bTokens: the
    lookups must find the new ones, in the old order (review of finding 8)."""
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    ts.broker_forward(token, demo.TS_BTOKEN, {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL})
    neu = ts.create_broker(token, demo.TS_ATOKEN, _makler(1))[0]
    ts.load("ausgangslage")
    assert ts.broker[demo.TS_BTOKEN].bExternalId is None
    refused("TS_BROKER_NICHT_GEFUNDEN", ts.get_broker_token, token, demo.TS_ATOKEN,
            {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL})
    assert ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 2, "bEmail": demo.MITARBEITER_EMAIL}) is \
        ts.broker[demo.TS_BTOKEN]
    assert list(ts.broker) == [demo.TS_BTOKEN, demo.TS_BTOKEN_KOLLEGE, neu.bToken]
    assert ts.get_broker_token(token, demo.TS_ATOKEN, {"type": 1, "bExternalId": "m1@makler.example"}) is neu


def test_abgewiesene_bexternalids_bleiben_begrenzt(ts: Thinksurance) -> None:
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    ts.broker_forward(token, demo.TS_BTOKEN, {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL})
    for i in range(makler.ABGEWIESENE_MAX * 3):
        ts.broker_forward(token, demo.TS_BTOKEN, {"type": 1, "bExternalId": f"x{i}@fremd.example"})
    liste = ts.broker[demo.TS_BTOKEN].abgewiesene_bExternalIds
    assert len(liste) == makler.ABGEWIESENE_MAX and liste[-1] == f"x{makler.ABGEWIESENE_MAX * 3 - 1}@fremd.example"


def test_grenze_erreicht_makler(ts: Thinksurance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(makler, "MAKLER_MAX", len(ts.broker) + 3)
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    for i in range(3):
        ts.create_broker(token, demo.TS_ATOKEN, _makler(i))
    f = refused("GRENZE_ERREICHT", ts.create_broker, token, demo.TS_ATOKEN, _makler(99))
    assert "Makler" in f.message and "zurücksetzen" in f.message
    assert ts.create_broker(token, demo.TS_ATOKEN, _makler(1))[1] is False  # an existing one is still found


def test_thinksurance_vergisst_die_aeltesten_kunden(ts: Thinksurance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ts_models, "KUNDEN_MAX", 5)
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    for i in range(12):
        ts.broker_forward(token, demo.TS_BTOKEN, {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL,
                                                  "cExternalId": f"K-{i}", "cCompanyName": f"Firma {i}"})
    assert len(ts.kunden) == 5 and (demo.TS_BTOKEN, "K-11") in ts.kunden and (demo.TS_BTOKEN, "K-0") not in ts.kunden


def test_grenze_erreicht_agenturnummern(ts: Thinksurance, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ts_models, "AGENTURNUMMERN_MAX", 2)
    token = ts.token_anfordern(demo.TS_HASH, demo.TS_SECRET)[0]
    satz = {"insurerId": "V1", "agencyNumbers": [{"agencyNumber": "123"}]}
    ts.agenturnummern_hinzufuegen(token, demo.TS_BTOKEN, "", [satz, satz])
    refused("GRENZE_ERREICHT", ts.agenturnummern_hinzufuegen, token, demo.TS_BTOKEN, "", [satz])
    assert len(ts.agenturnummern_lesen(token, demo.TS_BTOKEN, "")) == 2


@pytest.fixture
def c() -> Cloud:
    c = Cloud()
    c.load("ausgangslage")
    return c


@pytest.mark.parametrize("grenze, anlegen", [
    ("BENUTZER_MAX", lambda c, i: c.benutzer_anlegen(B, f"b{i}@x.example", "Benutzer")),
    ("CONCENTER_MAX", lambda c, i: c.concenter_benutzer_hinterlegen(B, f"cc-{i}")),
    ("KUNDEN_MAX", lambda c, i: c.kunde_replizieren(B, f"K-9{i}", "VM-01", {})),
    ("FREISCHALTUNGEN_MAX", lambda c, i: c.kundenfreischaltung_anlegen(
        B, name=f"F{i}", kunden=["K-1001"], geteilt_mit=[demo.MITARBEITER_EMAIL])),
])
def test_grenze_erreicht_cloud(c: Cloud, monkeypatch: pytest.MonkeyPatch, grenze: str, anlegen: Any) -> None:
    b = c.bestand(B)
    jetzt = {"BENUTZER_MAX": len(b.benutzer), "CONCENTER_MAX": len(b.concenter), "KUNDEN_MAX": len(b.kunden),
             "FREISCHALTUNGEN_MAX": len(b.freischaltungen)}[grenze]
    monkeypatch.setattr(cloud_models, grenze, jetzt + 2)
    anlegen(c, 1)
    anlegen(c, 2)
    refused("GRENZE_ERREICHT", anlegen, c, 3)


def test_cloud_token_volle_liste_vergisst_widerrufene_und_findet_per_index(
        c: Cloud, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cloud_models, "TOKENS_MAX", 3)
    c.concenter_benutzer_hinterlegen(B, CC)
    erste = [c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC) for _ in range(3)]
    refused("GRENZE_ERREICHT", c.token_hinzufuegen, B, zweck="TaaData", concenter_benutzer=CC)
    c.token_widerrufen(B, erste[1][0].id)
    neu, klartext = c.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
    assert [t.id for t in c.tokens_auflisten(B)] == [erste[0][0].id, erste[2][0].id, neu.id]
    assert len(c.token_index) == 3
    assert c._token_finden(klartext)[1] is neu  # noqa: SLF001 - the lookup itself
    refused("TAA_TOKEN_UNGUELTIG", c.taa_daten_lesen, erste[1][1], "K-1001", demo.MITARBEITER_EMAIL)
    refused("TAA_TOKEN_UNGUELTIG", c.taa_daten_lesen, klartext[:-1] + "x", "K-1001", demo.MITARBEITER_EMAIL)


def test_cloud_token_seitenweise() -> None:
    with AsgiClient(fake_app("cloud", PLATZHALTER, seed="ausgangslage")) as http:
        http.post(f"/api/bestaende/{B}/concenter", json={"name": CC})
        for _ in range(250):
            http.post(f"/api/bestaende/{B}/tokens", json={"zweck": "TaaData", "concenter_benutzer": CC})
        erste = http.get(f"/api/bestaende/{B}/tokens")
        assert len(erste.json()) == 100 and erste.headers["x-gesamtzahl"] == "250" and erste.headers["x-seiten"] == "3"
        letzte = http.get(f"/api/bestaende/{B}/tokens", params={"seite": 3})
        assert len(letzte.json()) == 50
        assert http.get(f"/api/bestaende/{B}/tokens", params={"pro_seite": 1001}).status_code == 400


def test_cloud_client_liest_alle_seiten() -> None:
    from absprung.clients.cloud import CloudClient
    from fakes.server import Fakes

    with Fakes() as fakes:
        cloud = CloudClient(base_url=fakes.urls["cloud"])
        cloud.concenter_benutzer_hinterlegen(B, CC)
        for _ in range(230):
            cloud.token_hinzufuegen(B, zweck="TaaData", concenter_benutzer=CC)
        assert len(cloud.tokens(B)) == 230
        cloud.close()
