"""Rules of the request body schemas (code "alle"): types, required, length, range, unknown fields."""

from __future__ import annotations

from fakes.common import schema as sch
from tests.helpers import refused

SCHEMA = sch.Schema({"name": sch.string("Name", required=True, max_length=5),
                     "anzahl": sch.integer(minimum=0, maximum=10),
                     "aktiv": sch.boolean(),
                     "liste": sch.array(items=sch.Schema({"k": sch.string(required=True)}))})


def test_alle_feld_fehlt() -> None:
    assert SCHEMA.validate({"name": "A"}) == {"name": "A"}
    f = refused("FELD_FEHLT", SCHEMA.validate, {})
    assert "„name“" in f.message
    f = refused("FELD_FEHLT", SCHEMA.validate, {"name": "A", "liste": [{"k": "v"}, {}]})
    assert "liste[1].k" in f.message


def test_alle_feld_typ() -> None:
    assert SCHEMA.validate({"name": "A", "anzahl": 3, "aktiv": False, "liste": []})["anzahl"] == 3
    for falsch in ({"name": 1}, {"name": "A", "anzahl": "3"}, {"name": "A", "anzahl": True},
                   {"name": "A", "anzahl": 1.5}, {"name": "A", "aktiv": "ja"},
                   {"name": "A", "liste": {}}, {"name": "A", "liste": ["x"]}):
        f = refused("FELD_TYP", SCHEMA.validate, falsch)
        assert "Typ" in f.message
    enum = sch.Schema({"typ": sch.integer(enum=(1, 2))})
    assert enum.validate({"typ": 2}) == {"typ": 2}
    assert "1, 2" in refused("FELD_TYP", enum.validate, {"typ": 3}).message


def test_alle_feld_unbekannt() -> None:
    offen = sch.Schema({"a": sch.string()}, extra_allowed=True)
    assert offen.validate({"a": "x", "b": 1}) == {"a": "x", "b": 1}
    f = refused("FELD_UNBEKANNT", SCHEMA.validate, {"name": "A", "b": 1})
    assert "„b“" in f.message


def test_alle_feld_leer() -> None:
    leer_ok = sch.Schema({"a": sch.string(allow_empty=True)})
    assert leer_ok.validate({"a": ""}) == {"a": ""}
    for leer in ("", "   ", "\t\n"):
        refused("FELD_LEER", SCHEMA.validate, {"name": leer})


def test_alle_feld_zu_lang() -> None:
    assert SCHEMA.validate({"name": "äöüßÄ"})["name"] == "äöüßÄ"
    f = refused("FELD_ZU_LANG", SCHEMA.validate, {"name": "äöüßÄx"})
    assert "5" in f.message


def test_alle_liste_zu_lang() -> None:
    assert len(SCHEMA.validate({"name": "A", "liste": [{"k": "v"}] * 200})["liste"]) == 200
    f = refused("LISTE_ZU_LANG", SCHEMA.validate, {"name": "A", "liste": [{"k": "v"}] * 201})
    assert "200 Einträge" in f.message


def test_alle_feld_bereich() -> None:
    assert SCHEMA.validate({"name": "A", "anzahl": 10})["anzahl"] == 10
    f = refused("FELD_BEREICH", SCHEMA.validate, {"name": "A", "anzahl": 11})
    assert "0" in f.message and "10" in f.message
    refused("FELD_BEREICH", SCHEMA.validate, {"name": "A", "anzahl": -1})
    ohne_grenze = sch.Schema({"n": sch.integer()})
    assert ohne_grenze.validate({"n": sch.SAFE_INTEGER})["n"] == sch.SAFE_INTEGER
    refused("FELD_BEREICH", ohne_grenze.validate, {"n": 10**40})


def test_alle_feld_null() -> None:
    """Our invented APIs refuse null (``{"datenstand": null}`` once reset a fake to empty, ``btoken: null``
    cleared a btoken): to leave a field out, leave it out."""
    for mit_null in ({"name": None}, {"name": "A", "anzahl": None}, {"name": "A", "liste": [{"k": None}]}):
        f = refused("FELD_NULL", SCHEMA.validate, mit_null)
        assert "weglassen" in f.message


def test_null_heisst_bei_thinksurance_nicht_angegeben() -> None:
    """Thinksurance's documented bodies take a field sent as null for "not sent": the handler sees no None
    where a type is promised, and the OpenAPI says so."""
    dokumentiert = sch.Schema(SCHEMA.fields, null_is_absent=True)
    geprueft = dokumentiert.validate({"name": "A", "anzahl": None, "aktiv": None, "liste": [{"k": "v"}]})
    assert geprueft == {"name": "A", "liste": [{"k": "v"}]}
    refused("FELD_FEHLT", dokumentiert.validate, {"name": None})
    assert dokumentiert.json_schema()["properties"]["anzahl"]["nullable"] is True
    assert "nullable" not in SCHEMA.json_schema()["properties"]["anzahl"]
