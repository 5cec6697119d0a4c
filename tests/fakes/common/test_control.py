"""The control API (code "alle"): seeds, reset that keeps the state on refusal, bounded clock, off switch."""

from __future__ import annotations

from typing import Any, Callable

from fakes.cloud.api import dump
from fakes.cloud.app import create as cloud_app
from fakes.common.control import CLOCK_MAX_SECONDS, control_endpoints
from fakes.common.endpoints import Call
from fakes.common.state import FakeState
from fakes.thinksurance.app import create as thinksurance_app
from tests.fakes.inprocess import AsgiClient, fake_app, refused_answer
from tests.helpers import refused


def _control(state: FakeState, path: str) -> Callable[[Call], Any]:
    return next(e.handler for e in control_endpoints(state, lambda: {}) if e.path == path)


def _call(body: dict[str, Any]) -> Call:
    return Call(body=body, path={}, query={}, headers={})


def test_alle_seed_unbekannt() -> None:
    app = fake_app("thinksurance", seed=None)
    z = app.state.model
    z.load("ausgangslage")
    assert z.broker
    f = refused("SEED_UNBEKANNT", z.load, "gibts-nicht")
    assert "gibts-nicht" in f.message


def test_zuruecksetzen_mit_unbekanntem_datenstand_behaelt_den_zustand() -> None:
    app = cloud_app()
    z = app.state.model
    vorher = dump(z)
    refused("SEED_UNBEKANNT", _control(z, "/_steuerung/zuruecksetzen"), _call({"datenstand": "gibts-nicht"}))
    assert dump(z) == vorher
    _control(z, "/_steuerung/zuruecksetzen")(_call({}))
    assert dump(z) == {"bestaende": {}}


def test_alle_uhr_bereich() -> None:
    app = thinksurance_app()
    z = app.state.model
    uhr = _control(z, "/_steuerung/uhr")
    start = z.clock.now()
    uhr(_call({"sekunden": CLOCK_MAX_SECONDS}))
    assert (z.clock.now() - start).days >= 365 * 100 - 1
    f = refused("UHR_BEREICH", uhr, _call({"sekunden": 1}))
    assert "100 Jahre" in f.message
    uhr(_call({"sekunden": -CLOCK_MAX_SECONDS}))  # back again: allowed
    for zuviel in (CLOCK_MAX_SECONDS + 1, 10**30):
        with AsgiClient(app) as client:
            antwort = client.post("/_steuerung/uhr", json={"sekunden": zuviel})
        refused_answer(antwort, "FELD_BEREICH", 400)


def test_alle_steuerung_aus() -> None:
    an, aus = cloud_app(), fake_app("cloud", control_on=False)
    with AsgiClient(an) as client:
        assert client.get("/_steuerung/zustand").status_code == 200
    with AsgiClient(aus) as client:
        for m, pfad in (("GET", "/_steuerung/zustand"), ("POST", "/_steuerung/zuruecksetzen")):
            assert refused_answer(client.request(m, pfad), "STEUERUNG_AUS", 404)["code"] == "STEUERUNG_AUS"
    assert aus.state.model.bestaende, "abgeschaltete Steuerung darf nichts zurücksetzen"


def test_eingefrorene_uhr_steht_bis_sie_vorgestellt_wird() -> None:
    from datetime import timedelta

    from fakes.common.clock import Clock

    uhr = Clock()
    uhr.freeze()
    jetzt = uhr.now()
    assert uhr.now() == jetzt
    uhr.advance(1.5)
    assert uhr.now() - jetzt == timedelta(seconds=1.5)
    uhr.reset()
    assert uhr.now() == jetzt
