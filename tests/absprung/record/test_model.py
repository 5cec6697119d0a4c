"""The typed run record: JSON round trip, German status words, older records without picture names."""

from __future__ import annotations

import json

import pytest

from absprung.record.model import (
    FAILED,
    NOT_RUN,
    PASSED,
    SKIPPED,
    STATUS_WORDS,
    UNDEFINED,
    Herkunft,
    Picture,
    Run,
    ScenarioRecord,
    StepRecord,
    example_title,
)


def _run() -> Run:
    steps = [StepRecord("Angenommen", "alles ist eingerichtet", PASSED, 0.25,
                        [Picture("ams.5 – DigiPro", "bilder/a-123456-ams-5-digipro.png")]),
             StepRecord("Wenn", "ein Schritt, den es nicht gibt", FAILED, 0.0, error="Schritt nicht definiert"),
             StepRecord("Dann", "öffnet sich Thinksurance", NOT_RUN)]
    scenario = ScenarioRecord("features/test_szenarien.py::test_x", "features/test.feature", "Test", "Müller & Söhne",
                              12, ["G18", "doku"], FAILED, 1.5, "Thinksurance zeigt <leer>", steps,
                              [{"system": "ams.5", "methode": "GET", "url": "http://x/api", "status": 200}])
    return Run("2026-12-02 10:00:00", "abc1234", "eingebettete Fakes", 3.25,
               [scenario, ScenarioRecord("n2", "features/a.feature", status=SKIPPED, message="kein Schreibrecht")])


def test_round_trip_through_json() -> None:
    run = _run()
    again = Run.from_json(json.loads(json.dumps(run.to_json(), ensure_ascii=False)))
    assert again == run
    assert again.to_json()["zusammenfassung"] == {FAILED: 1, SKIPPED: 1}


def test_json_keys_are_those_of_lauf_json_schema_1() -> None:
    data = _run().to_json()
    assert set(data) == {"schema", "erstellt", "commit", "ziel", "dauer_s", "zusammenfassung", "unterbrochen",
                         "szenarien", "herkunft", "alle_szenarien"}
    scenario = data["szenarien"][0]
    assert set(scenario) == {"nodeid", "datei", "feature", "szenario", "zeile", "tags", "status", "abgestuerzt",
                             "dauer_s", "meldung", "schritte", "http", "aufgeraeumt", "beispiel", "beispiel_nr",
                             "titel", "teil", "beginn"}
    assert set(data["herkunft"]) == {"profil", "systeme", "geaendert", "versionen", "browser", "teil", "teile", "ci",
                                     "rechner"}
    assert scenario["schritte"][0]["bilder"] == ["bilder/a-123456-ams-5-digipro.png"]
    assert scenario["schritte"][0]["bildnamen"] == ["ams.5 – DigiPro"]
    assert scenario["schritte"][1]["fehler"] == "Schritt nicht definiert"


def test_a_record_of_schema_1_before_provenance_and_examples_still_reads() -> None:
    data = _run().to_json()
    for key in ("herkunft", "alle_szenarien"):
        del data[key]
    for key in ("beispiel", "beispiel_nr", "titel", "teil", "beginn"):
        del data["szenarien"][0][key]
    run = Run.from_json(data)
    assert run.herkunft == Herkunft() and run.scenarios[0].example == {} and run.scenarios[0].part is None


def test_every_example_of_an_outline_has_a_name_of_its_own() -> None:
    plain = ScenarioRecord("n", "features/f.feature", scenario="Kommt an", example={"kunde": "Müller", "rolle": "VM"},
                           example_index=2)
    assert plain.titel == "Kommt an (kunde = Müller, rolle = VM)"
    filled = ScenarioRecord("n", "features/f.feature", scenario="Mit der Rolle „VM“", example={"rolle": "VM"},
                            example_index=1)
    assert filled.titel == "Mit der Rolle „VM“"  # the name holds its values already
    assert plain.key == "features/f.feature::Kommt an (kunde = Müller, rolle = VM)"
    assert ScenarioRecord("n", "features/f.feature", scenario="Einfach").titel == "Einfach"
    # at collection the template decides: its <placeholders> name every column, or the values are added
    assert example_title("Mit der Rolle „<rolle>“", "Mit der Rolle „VM“", {"rolle": "VM"}) == "Mit der Rolle „VM“"
    assert example_title("Kommt an", "Kommt an", {"firma": ""}) == "Kommt an (firma = )"
    assert example_title("Kunde <firma> kommt an", "Kunde an kommt an", {"firma": "an", "ort": "x"}) == \
        "Kunde an kommt an (firma = an, ort = x)"


def test_a_record_without_picture_names_still_reads() -> None:
    data = _run().to_json()
    del data["szenarien"][0]["schritte"][0]["bildnamen"]
    picture = Run.from_json(data).scenarios[0].steps[0].pictures[0]
    assert picture == Picture("", "bilder/a-123456-ams-5-digipro.png")


@pytest.mark.parametrize("data", [{"schema": 2}, [], {"schema": 1, "szenarien": [{"zeile": "zwölf"}]}])
def test_another_schema_or_a_broken_record_is_refused(data: object) -> None:
    with pytest.raises(ValueError):
        Run.from_json(data)


def test_every_status_has_a_german_word() -> None:
    assert STATUS_WORDS == {PASSED: "bestanden", FAILED: "fehlgeschlagen", SKIPPED: "übersprungen",
                            NOT_RUN: "nicht ausgeführt", UNDEFINED: "nicht definiert"}
