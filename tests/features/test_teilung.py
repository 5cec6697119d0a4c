"""A run split into parts (``--teil k/N``) and merged (``python -m absprung zusammenfuehren``) equals the
unsplit run in every output, with each scenario's part recorded; parts that do not make one run are
refused; a part run without its split settings fails loudly."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests import pruefer
from tests.absprung.record.conftest import FEATURE
from tests.helpers import ROOT, alle_formate, bericht_daten, once_per_run, run_scenarios

WEITERE = """
  Szenario: Wird übersprungen
    Angenommen ein Schritt, der mit Grund überspringt

  Szenariogrundriss: Jeder Kunde kommt an
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt

    Beispiele:
      | firma  |
      | Müller |
      | Köhler |
"""
STEPS = '''
import pytest
from pytest_bdd import given


@given("ein Schritt, der mit Grund überspringt")
def _ueberspringt():
    pytest.skip("Grund: nur zum Zeigen")
'''
FEATURES = {"lauf.feature": FEATURE + WEITERE}


def _lauf(ordner: Path, *argumente: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_scenarios(ordner / "projekt", FEATURES, "-p", "no:xdist", *argumente, steps=STEPS,
                         environment=env)


def _merge(*argumente: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "absprung", "zusammenfuehren", *map(str, argumente)], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def laeufe(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An unsplit run (ungeteilt/) and the two parts (teil1/, teil2/) merged (zusammen/)."""
    def machen(ordner: Path) -> subprocess.CompletedProcess[str]:
        ganz = _lauf(ordner, *alle_formate(ordner / "ungeteilt"))
        assert ganz.returncode == 1, ganz.stdout[-2000:]
        for k in (1, 2):
            teil = _lauf(ordner, "--teil", f"{k}/2", f"--lauf-json={ordner / f'teil{k}' / 'lauf.json'}",
                         f"--bilder={ordner / f'teil{k}' / 'bilder'}")
            assert teil.returncode in (0, 1), teil.stdout[-2000:]
            assert f"Teil {k}/2 der Szenarien" in teil.stdout
        return _merge(ordner / "teil1", ordner / "teil2", "--ausgabe", ordner / "zusammen", "--ohne-verlauf",
                      "--wurzel", ordner / "projekt")
    ordner, merge = once_per_run(tmp_path_factory, "teilung", machen)
    assert merge.returncode == 1, merge.stdout[-2000:] + merge.stderr[-2000:]
    return ordner


def _lauf_json(ordner: Path) -> dict[str, Any]:
    return dict(json.loads((ordner / "lauf.json").read_text(encoding="utf-8")))


def test_the_parts_share_the_suite_and_record_their_part(laeufe: Path) -> None:
    teile = [_lauf_json(laeufe / f"teil{k}") for k in (1, 2)]
    assert all(t["szenarien"] for t in teile), "ein Teil lief ohne Szenario"
    assert teile[0]["alle_szenarien"] == teile[1]["alle_szenarien"] and len(teile[0]["alle_szenarien"]) == 7
    assert not {s["titel"] for s in teile[0]["szenarien"]} & {s["titel"] for s in teile[1]["szenarien"]}
    assert {s["teil"] for s in teile[0]["szenarien"]} == {"1/2"} and teile[1]["herkunft"]["teil"] == "2/2"


def test_merged_equals_the_unsplit_run_in_every_output(laeufe: Path, tmp_path: Path) -> None:
    ganz, zusammen = laeufe / "ungeteilt", laeufe / "zusammen"
    a, b = _lauf_json(ganz), _lauf_json(zusammen)
    # the reasons' beginnings (their ends name the fakes' ports, which differ from run to run)
    assert [(s["titel"], s["status"], (s["meldung"] or "")[:60]) for s in a["szenarien"]] == \
           [(s["titel"], s["status"], (s["meldung"] or "")[:60]) for s in b["szenarien"]]
    assert a["zusammenfassung"] == b["zusammenfassung"] == {"passed": 3, "failed": 3, "skipped": 1}
    assert {s["teil"] for s in b["szenarien"]} == {"1/2", "2/2"} and b["herkunft"]["teile"] == ["1/2", "2/2"]
    assert [[st["status"] for st in s["schritte"]] for s in a["szenarien"]] == \
           [[st["status"] for st in s["schritte"]] for s in b["szenarien"]]

    def junit(ordner: Path) -> list[tuple[str | None, str]]:
        faelle = ET.parse(ordner / "junit.xml").getroot().iter("testcase")
        return sorted((f.get("name"), ",".join(sorted(k.tag for k in f if k.tag != "properties"))) for f in faelle)
    assert junit(ganz) == junit(zusammen)
    teil_eigenschaften = [p.get("value") for p in ET.parse(zusammen / "junit.xml").getroot().iter("property")
                          if p.get("name") == "teil"]
    assert sorted(set(teil_eigenschaften)) == ["1/2", "2/2"]

    def cucumber(ordner: Path) -> list[tuple[str, list[str]]]:
        daten = json.loads((ordner / "cucumber.json").read_text(encoding="utf-8"))
        return sorted((e["name"], [s["result"]["status"] for s in e["steps"]]) for f in daten for e in f["elements"])
    assert cucumber(ganz) == cucumber(zusammen)

    def nachrichten(ordner: Path) -> Counter[str]:
        zeilen = [json.loads(z) for z in (ordner / "cucumber.ndjson").read_text(encoding="utf-8").splitlines()]
        return Counter(n["testStepFinished"]["testStepResult"]["status"] for n in zeilen if "testStepFinished" in n)
    assert nachrichten(ganz) == nachrichten(zusammen)

    def bericht(ordner: Path) -> list[tuple[str, str]]:
        daten = bericht_daten(ordner / "bericht.html")
        return sorted((z["resultsTableRow"][1], z["result"]) for laeufe in daten["tests"].values() for z in laeufe)
    teil = re.compile(r" <small>Teil \d/2</small>")
    assert bericht(ganz) == [(teil.sub("", name), ergebnis) for name, ergebnis in bericht(zusammen)]
    assert all(teil.search(name) for name, _ in bericht(zusammen))
    assert "Zusammengeführt aus" in json.dumps(bericht_daten(zusammen / "bericht.html")["environment"],
                                               ensure_ascii=False)
    assert len(list((zusammen / "bilder").glob("*.png"))) == 3

    summe_a, _ = pruefer.allure(ganz / "allure-ergebnisse", tmp_path / "a")
    summe_b, _ = pruefer.allure(zusammen / "allure-ergebnisse", tmp_path / "b")
    assert summe_a["stats"] == summe_b["stats"]


def test_parts_that_do_not_make_one_run_are_refused(laeufe: Path, tmp_path: Path) -> None:
    fehlt = _merge(laeufe / "teil1", "--ausgabe", tmp_path / "x", "--ohne-verlauf")
    assert fehlt.returncode == 2 and "Es fehlt Teil 2/2" in fehlt.stderr
    doppelt = _merge(laeufe / "teil1", laeufe / "teil1", laeufe / "teil2", "--ausgabe", tmp_path / "x",
                     "--ohne-verlauf")
    assert doppelt.returncode == 2 and "mehrfach" in doppelt.stderr
    ungeteilt = _merge(laeufe / "ungeteilt", "--ausgabe", tmp_path / "x", "--ohne-verlauf")
    assert ungeteilt.returncode == 2 and "kein Teil eines geteilten Laufs" in ungeteilt.stderr
    anders = json.loads((laeufe / "teil2" / "lauf.json").read_text(encoding="utf-8"))
    anders["ziel"] = "staging"
    (tmp_path / "anders").mkdir()
    (tmp_path / "anders" / "lauf.json").write_text(json.dumps(anders), encoding="utf-8")
    fremd = _merge(laeufe / "teil1", tmp_path / "anders", "--ausgabe", tmp_path / "x", "--ohne-verlauf")
    assert fremd.returncode == 2 and "nicht die Teile eines Laufs" in fremd.stderr
    assert not (tmp_path / "x").exists(), "bei unvereinbaren Teilen wurde trotzdem geschrieben"


def test_a_part_run_without_its_split_settings_fails_loudly(tmp_path: Path) -> None:
    ohne = _lauf(tmp_path / "a", env={**os.environ, "CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "3"})
    assert ohne.returncode == 4 and "Teil 2 von 3" in ohne.stderr and "--teil fehlt" in ohne.stderr, ohne.stderr
    falsch = _lauf(tmp_path / "b", "--teil", "3/2")
    assert falsch.returncode == 4 and "K muss zwischen 1 und 2 liegen" in falsch.stderr
    mit = _lauf(tmp_path / "c", "--teil", "2/3", env={**os.environ, "CI_NODE_INDEX": "2", "CI_NODE_TOTAL": "3"})
    assert mit.returncode in (0, 1) and "Teil 2/3 der Szenarien" in mit.stdout


def test_the_site_of_a_merged_run_names_its_parts(laeufe: Path, tmp_path: Path) -> None:
    seiten = subprocess.run([sys.executable, "-m", "absprung.leitfaden", "--features", str(laeufe / "projekt"),
                             "--lauf", str(laeufe / "zusammen" / "lauf.json"), "--verlauf", str(tmp_path / "v.jsonl"),
                             "--docs", str(tmp_path / "docs"), "--wurzel", str(laeufe / "projekt"),
                             "--bildarchiv", str(tmp_path / "archiv")], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert seiten.returncode == 0, seiten.stderr
    szenarien = (tmp_path / "docs" / "generiert" / "szenarien.md").read_text(encoding="utf-8")
    assert "zusammengeführt aus Teil 1/2, Teil 2/2" in szenarien
    teile = re.findall(r"\*\*Letzter Lauf:\*\* .*· Teil (\d/2)", szenarien)
    assert len(teile) == 6 and set(teile) == {"1/2", "2/2"}, teile  # the outline's two examples: one entry


def test_parts_under_xdist_and_a_selection_know_their_whole_suite(tmp_path: Path) -> None:
    """-k chooses the suite before the split; under -n 2 every worker splits alike and the controller
    records the whole suite; the merge then accepts exactly that suite."""
    for k in (1, 2):
        ordner = tmp_path / f"teil{k}"
        teil = _lauf(tmp_path, "-n", "2", "-p", "xdist", "-k", "not Gelingt", "--teil", f"{k}/2",
                     f"--lauf-json={ordner / 'lauf.json'}", f"--bilder={ordner / 'bilder'}")
        assert teil.returncode in (0, 1), teil.stdout[-2000:] + teil.stderr[-2000:]
        assert "2 workers" in teil.stdout, teil.stdout[:600]
    teile = [_lauf_json(tmp_path / f"teil{k}") for k in (1, 2)]
    assert len(teile[0]["alle_szenarien"]) == 6 and not any("Gelingt" in s for s in teile[0]["alle_szenarien"])
    assert sum(len(t["szenarien"]) for t in teile) == 6
    merge = _merge(tmp_path / "teil1", tmp_path / "teil2", "--ausgabe", tmp_path / "zusammen", "--ohne-verlauf",
                   "--wurzel", tmp_path / "projekt")
    assert merge.returncode == 1, merge.stdout[-1500:] + merge.stderr[-1500:]
    assert len(_lauf_json(tmp_path / "zusammen")["szenarien"]) == 6


def test_a_broken_part_record_is_refused_in_german(laeufe: Path, tmp_path: Path) -> None:
    gut = json.loads((laeufe / "teil2" / "lauf.json").read_text(encoding="utf-8"))
    for name, aendern, erwartet in (
            ("teil", lambda d: d["herkunft"].update(teil="0/0"), "N (die Zahl der Teile) muss mindestens 1 sein"),
            ("suite", lambda d: d.update(alle_szenarien=[]), "nennt die ganze Suite nicht"),
            ("kaputt", None, "kein gültiges JSON (Zeile 1)"),
            ("form", lambda d: d.update(szenarien=[1, 2]), "kein lesbares Laufprotokoll: fehlerhafter Eintrag")):
        ordner = tmp_path / name
        ordner.mkdir()
        if aendern is None:
            (ordner / "lauf.json").write_text("{kaputt", encoding="utf-8")
        else:
            daten = json.loads(json.dumps(gut))
            aendern(daten)
            (ordner / "lauf.json").write_text(json.dumps(daten), encoding="utf-8")
        ergebnis = _merge(laeufe / "teil1", ordner, "--ausgabe", tmp_path / "x", "--ohne-verlauf")
        assert ergebnis.returncode == 2 and erwartet in ergebnis.stderr, (name, ergebnis.stderr)
        assert "Traceback" not in ergebnis.stderr and not (tmp_path / "x").exists(), name


def test_a_part_with_only_skipped_scenarios_is_not_nothing_checked(tmp_path: Path) -> None:
    """One part may hold only skips (a read-only target): its job stays green; the merge judges."""
    teil = _lauf(tmp_path, "-k", "übersprungen", "--teil", "1/1")
    assert teil.returncode == 0, teil.stdout[-1500:]  # unsplit, the same selection ends 5 ("nichts geprüft")
    assert "1 skipped" in teil.stdout
