"""Reading a request body: JSON only, bounded in size and depth (code "alle")."""

from __future__ import annotations

import json

from fakes.common import schema as sch
from fakes.common.endpoints import MAX_BODY, MAX_DEPTH, parse_json
from tests.fakes.inprocess import AsgiClient, fake_app, refused_answer
from tests.helpers import refused

SCHEMA = sch.Schema({"name": sch.string("Name", required=True, max_length=5)})


def test_alle_ungueltiges_json() -> None:
    assert parse_json(b'{"name": "Anna"}', SCHEMA) == {"name": "Anna"}
    assert parse_json(b"", sch.Schema({})) == {}
    for roh in (b'{"name": ', b"[]", b'"x"', b"null", b'{"name": NaN}', b'{"name": Infinity}',
                b'{"name": "\\ud800"}', b'{"\\udfff": 1}', b'\xff'):
        f = refused("UNGUELTIGES_JSON", parse_json, roh, SCHEMA)
        assert "JSON" in f.message


def test_alle_json_zu_tief() -> None:
    flach = sch.Schema({"o": sch.obj()})
    tief_erlaubt = b'{"o": ' + b'{"a": ' * (MAX_DEPTH - 2) + b"1" + b"}" * (MAX_DEPTH - 1)
    assert parse_json(tief_erlaubt, flach)["o"]
    zu_tief = b'{"o": ' + b'{"a": ' * MAX_DEPTH + b"1" + b"}" * (MAX_DEPTH + 1)
    f = refused("JSON_ZU_TIEF", parse_json, zu_tief, flach)
    assert str(MAX_DEPTH) in f.message
    refused("JSON_ZU_TIEF", parse_json, b"[" * 100_000 + b"]" * 100_000, flach)


def test_alle_anfrage_zu_gross() -> None:
    app = fake_app("concenter")
    koerper = json.dumps({"name": "ausgangslage"}).encode()
    knapp = koerper + b" " * (MAX_BODY - len(koerper))
    json_art = {"Content-Type": "application/json"}
    with AsgiClient(app) as client:
        assert client.post("/_steuerung/laden", content=knapp, headers=json_art).status_code == 200
        for kw in ({"content": knapp + b" "}, {"content": iter([knapp, b" "])}):
            antwort = client.post("/_steuerung/laden", headers=json_art, **kw)
            assert "65536" in refused_answer(antwort, "ANFRAGE_ZU_GROSS", 413)["error"]

