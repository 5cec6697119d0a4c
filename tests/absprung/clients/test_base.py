"""Clients: errors carry code and German message; recorded exchanges never contain secrets."""

from __future__ import annotations

from typing import Iterator

import pytest

from absprung.clients import RemoteError, ThinksuranceClient, Unreachable, redact
from absprung.clients.base import redact_url
from basis import demo
from fakes.server import Fakes


@pytest.fixture(scope="module")
def urls() -> Iterator[dict[str, str]]:
    with Fakes() as fakes:
        yield fakes.urls


def test_fehler_mit_code_und_meldung(urls: dict[str, str]) -> None:
    ts = ThinksuranceClient(base_url=urls["thinksurance"])
    with pytest.raises(RemoteError) as fehler:
        ts.token("falsch", "falsch")
    assert fehler.value.code == "TS_API_USER_UNGUELTIG" and fehler.value.status == 400
    assert fehler.value.message == "API User is not existing or deactivated."


def test_nicht_erreichbar() -> None:
    with pytest.raises(Unreachable, match="nicht erreichbar"):
        ThinksuranceClient(base_url="http://127.0.0.1:9", timeout=1).token("a", "b")


def test_aufzeichnung_enthaelt_keine_geheimnisse(urls: dict[str, str]) -> None:
    protokoll: list[dict] = []
    ts = ThinksuranceClient(base_url=urls["thinksurance"], record=protokoll.append)
    token = ts.token(demo.TS_HASH, demo.TS_SECRET)
    url = ts.broker_forward(token, demo.TS_BTOKEN, {"type": 1, "bExternalId": demo.MITARBEITER_EMAIL})
    text = repr(protokoll)
    assert repr(token) == "Secret('•••')" and str(token) == "•••"
    for geheim in (demo.TS_HASH, demo.TS_SECRET, token.reveal(), demo.TS_BTOKEN, url.rsplit("/", 1)[1]):
        assert geheim not in text
    assert protokoll[1]["kopfzeilen"] == {"Authorization": "•••", "X-Broker-Token": "•••"}


def test_schwaerzen() -> None:
    assert redact({"a": 1, "secret": "s", "liste": [{"btoken": "b"}], "leer": ""}) == \
        {"a": 1, "secret": "•••", "liste": [{"btoken": "•••"}], "leer": ""}
    assert redact_url("http://x/api/broker/fwd/abc123") == "http://x/api/broker/fwd/•••"
    assert redact_url("http://x/switch/geheim") == "http://x/switch/•••"
