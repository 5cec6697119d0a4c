"""Clients: errors carry code and German message; recorded exchanges never contain secrets."""

from __future__ import annotations

from typing import Iterator

import pytest

from absprung.clients import RemoteError, ThinksuranceClient, Unreachable, redact
from absprung.clients.base import redact_url
from basis import demo
from basis.secret import Secret
from fakes.server import Fakes
from tests.remotes import echo_server, slow_server


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


def test_ein_echo_der_gegenstelle_zeigt_kein_geheimnis() -> None:
    """Finding 7: the error text was cut to 200 characters before masking; a remote echoing the request
    showed 21 of 22 characters of the hash. Now masked first, also at the cut."""
    with echo_server() as url:
        ts = ThinksuranceClient(base_url=url, timeout=5)
        for auffuellen in range(0, 200, 3):  # the secret at every position around the cut
            with pytest.raises(RemoteError) as f:
                ts.json("POST", "/api/ipn/tokens", json_body={"auffuellen": "p" * auffuellen,
                                                              "hash": Secret(demo.TS_HASH),
                                                              "secret": Secret(demo.TS_SECRET)})
            for geheim in (demo.TS_HASH, demo.TS_SECRET):
                assert geheim[:8] not in f.value.message, (auffuellen, f.value.message)
        passwort = 'Pässwört"1234'  # echoed as JSON writes it: escaped quote, \u00e4 or raw
        with pytest.raises(RemoteError) as f:
            ts.json("POST", "/x", json_body={"passwort": Secret(passwort)})
        assert "sswört" not in f.value.message and "u00e4" not in f.value.message, f.value.message
        assert '{"passwort":"•••"}' in f.value.message


@pytest.mark.parametrize("langsam", [{"vorher": 3.0}, {"pause": 0.05, "laenge": 200}], ids=["spaet", "tropfend"])
def test_langsame_gegenstelle_ist_zu_langsam_nicht_unerreichbar(langsam: dict[str, float]) -> None:
    """Finding 9: late was called "nicht erreichbar", a drip held the client as long as it dripped
    (httpx counts its timeout per read). One deadline per request: ``Slow`` (ZU_LANGSAM)."""
    with slow_server(**langsam) as url:
        ts = ThinksuranceClient(base_url=url, timeout=1)
        with pytest.raises(RemoteError) as f:
            ts.json("GET", "/")
        assert type(f.value).__name__ == "Slow" and not isinstance(f.value, Unreachable), repr(f.value)
        assert f.value.code == "ZU_LANGSAM"
        assert "antwortet zu langsam" in f.value.message and "binnen 1 s" in f.value.message
        ts.close()
    with slow_server(pause=0.001, laenge=20) as url:
        assert ThinksuranceClient(base_url=url, timeout=5).json("GET", "/") == {}
