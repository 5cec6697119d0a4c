"""Shapes of JSON answers and their differences, as the drift report words them."""

from __future__ import annotations

from absprung.vertraege.form import beliebige, form_von, gegen_vertrag, zwischen
from absprung.vertraege.modell import Erwartung


def test_form_ohne_werte() -> None:
    assert form_von({"a": 1, "b": [{"c": "x"}, {"c": None}], "d": {}}) == {
        "": "object", "a": "integer", "b": "array", "b[]": "object", "b[].c": "null", "d": "object"}
    assert form_von([]) == {"": "array"}
    assert form_von({"123": {"sHash": "x"}}, beliebig=frozenset({""})) == {"": "object", "{}": "object",
                                                                         "{}.sHash": "string"}


def test_abweichungen_gegen_den_vertrag() -> None:
    e = Erwartung((200,), felder={"": "object", "token": "string", "expired": "string", "n": "number"},
                  optional=frozenset({"n"}), weitere=False)
    assert gegen_vertrag(e, 200, "application/json", form_von({"token": "t", "expired": "x", "n": 3})) == []
    arten = {(a.pfad, a.art) for a in gegen_vertrag(e, 400, "text/html", form_von({"token": 1, "expires": "x"}))}
    assert arten == {("", "status"), ("", "inhalt"), ("token", "Typ"), ("expired", "fehlt"), ("expires", "zusätzlich")}


def test_leere_liste_und_woerterbuch_verbergen_nichts() -> None:
    e = Erwartung((200,), felder={"": "array", "[]": "object", "[].id": "integer"})
    assert gegen_vertrag(e, 200, "application/json", form_von([])) == []
    d = Erwartung((200,), felder={"": "object", "{}": "object", "{}.sHash": "string"})
    assert gegen_vertrag(d, 200, "application/json", form_von({}, beliebig=beliebige(d))) == []
    assert [a.art for a in gegen_vertrag(e, 200, "application/json", form_von([{"name": "x"}]))] == ["fehlt"]


def test_zwei_beobachtungen() -> None:
    a = (200, form_von({"token": "x", "expired": "y"}))
    b = (200, form_von({"token": "x", "expires": "y"}))
    texte = [x.text for x in zwischen(a, b, ("Fake", "Aufnahme"))]
    assert texte == ["Feld „expired“ nur bei Fake (string)", "Feld „expires“ fehlt bei Fake (Aufnahme: string)"]
