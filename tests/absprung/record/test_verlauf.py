"""The history of runs: transitions, bounds, robustness, no secrets."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

import pytest

from absprung.record import verlauf
from absprung.record.model import FAILED, PASSED, SKIPPED, Herkunft, Run, ScenarioRecord
from basis.secret import Secret


def _run(zeit: str, status: str, *, commit: str = "abc1234", ziel: str = "eingebettete Fakes",
         message: str | None = None, teile: list[str] | None = None) -> Run:
    scenarios = [ScenarioRecord("n1", "features/a.feature", "A", "Eins", 3, ["G16"], status, message=message),
                 ScenarioRecord("n2", "features/a.feature", "A", "Zwei", 9, ["G16", "G17"], PASSED)]
    return Run(f"2026-12-0{zeit} 10:00:00", commit, ziel, scenarios=scenarios, herkunft=Herkunft(teile=teile or []))


def _hinweise(laeufe: list[verlauf.Eintrag], ziel: str = "eingebettete Fakes") -> tuple[list[str], list[str]]:
    szenario = verlauf.verlauf_von(laeufe, ziel, szenario="features/a.feature::Eins".__eq__)
    return szenario.hinweise(), verlauf.verlauf_von(laeufe, ziel, aussage="G16").hinweise()


def test_regression_then_fixed_on_different_commits(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    assert _hinweise(verlauf.anhaengen(pfad, _run("1", PASSED, commit="a1"))) == (["neu"], ["neu"])
    assert _hinweise(verlauf.anhaengen(pfad, _run("2", FAILED, commit="a2"))) == (["wieder fehlgeschlagen"],
                                                                                  ["wieder fehlgeschlagen"])
    assert _hinweise(verlauf.anhaengen(pfad, _run("3", FAILED, commit="a3"))) == ([], [])
    laeufe = verlauf.anhaengen(pfad, _run("4", PASSED, commit="a4"))
    assert _hinweise(laeufe) == (["behoben"], ["behoben"])
    v = verlauf.verlauf_von(laeufe, "eingebettete Fakes", aussage="G17")
    assert v.hinweise() == [] and v.zuletzt_bestanden == "2026-12-04 10:00:00"


def test_both_outcomes_on_one_commit_are_flaky_besides_the_transition(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    verlauf.anhaengen(pfad, _run("1", PASSED))
    laeufe = verlauf.anhaengen(pfad, _run("2", FAILED))
    assert _hinweise(laeufe)[0] == ["wieder fehlgeschlagen", "wechselhaft"]
    v = verlauf.verlauf_von(laeufe, "eingebettete Fakes", szenario="features/a.feature::Eins".__eq__)
    assert v.fehlgeschlagen_seit == "2026-12-02 10:00:00" and v.zuletzt_bestanden == "2026-12-01 10:00:00"


def test_skipped_is_no_evidence_and_targets_are_apart(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    verlauf.anhaengen(pfad, _run("1", PASSED))
    verlauf.anhaengen(pfad, _run("2", SKIPPED))
    verlauf.anhaengen(pfad, _run("3", FAILED, ziel="staging", commit="b"))
    laeufe = verlauf.anhaengen(pfad, _run("4", FAILED, commit="c"))
    assert _hinweise(laeufe)[0] == ["wieder fehlgeschlagen"]  # compared with run 1, not the skip
    assert _hinweise(laeufe, "staging")[0] == ["neu"]
    assert verlauf.ziele(laeufe) == ["eingebettete Fakes", "staging"]
    uebergaenge = verlauf.uebergaenge(laeufe, _run("4", FAILED, commit="c"))
    assert uebergaenge == [("wieder fehlgeschlagen", ["features/a.feature::Eins"])]


def test_bounded_per_target_and_in_targets(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(verlauf, "JE_ZIEL", 3)
    monkeypatch.setattr(verlauf, "ZIELE", 2)
    pfad = tmp_path / "verlauf.jsonl"
    for tag in range(1, 8):
        verlauf.anhaengen(pfad, _run(str(tag), PASSED, ziel="a"))
    verlauf.anhaengen(pfad, _run("8", PASSED, ziel="b"))
    laeufe = verlauf.anhaengen(pfad, _run("9", PASSED, ziel="c"))
    assert [(lauf.ziel, lauf.zeit[8:10]) for lauf in laeufe] == [("b", "08"), ("c", "09")]
    assert len(pfad.read_text(encoding="utf-8").splitlines()) == 2


def test_an_unreadable_line_is_left_out_with_a_warning(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    verlauf.anhaengen(pfad, _run("1", PASSED))
    with pfad.open("a", encoding="utf-8") as datei:
        datei.write('{"halb": \n\x00\n[1, 2]\n')
    warnungen: list[str] = []
    laeufe = verlauf.anhaengen(pfad, _run("2", FAILED, commit="x"), warnungen)
    assert len(laeufe) == 2 and len(warnungen) == 3 and all("unlesbar" in w for w in warnungen)
    pfad.write_bytes(b"\xff\xfe kaputt")
    warnungen = []
    assert verlauf.lesen(pfad, warnungen) == [] and "unlesbar" in warnungen[0]


def test_the_history_holds_no_secret(tmp_path: Path) -> None:
    geheim = Secret("geheimer-btoken-4711")  # remembered: basis.secret.mask knows it
    pfad = tmp_path / "verlauf.jsonl"
    verlauf.anhaengen(pfad, _run("1", FAILED, message=f"Antwort: btoken={geheim.reveal()} und "
                                                     "https://ts.example/start/AbCdEfGhIjKlMn"))
    text = pfad.read_text(encoding="utf-8")
    assert "geheimer-btoken-4711" not in text and "AbCdEfGhIjKlMn" not in text and "Antwort: btoken=" in text


def _anhaengen(pfad: str, tag: int) -> None:
    verlauf.anhaengen(Path(pfad), _run(str(tag), PASSED, commit=f"c{tag}"))


def test_runs_side_by_side_lose_nothing(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    prozesse = [multiprocessing.get_context("fork").Process(target=_anhaengen, args=(str(pfad), tag))
                for tag in range(1, 9)]
    for p in prozesse:
        p.start()
    for p in prozesse:
        p.join(30)
    laeufe = verlauf.lesen(pfad)
    assert sorted(lauf.commit for lauf in laeufe) == [f"c{tag}" for tag in range(1, 9)]
    assert all(json.loads(z) for z in pfad.read_text(encoding="utf-8").splitlines())


def test_uncommitted_changes_and_unknown_commits_are_not_flaky(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    for tag, status, commit, geaendert in (("1", PASSED, "a1", True), ("2", FAILED, "a1", True),
                                           ("3", PASSED, "unbekannt", False), ("4", FAILED, "unbekannt", False)):
        run = _run(tag, status, commit=commit)
        run.herkunft.geaendert = geaendert
        laeufe = verlauf.anhaengen(pfad, run)
        assert "wechselhaft" not in _hinweise(laeufe)[0], tag


def test_a_statement_passes_where_its_executed_scenarios_pass(tmp_path: Path) -> None:
    """Scenarios skipped on a real target (@nur_fake) hide nothing: G16 fails, then passes beside a skip."""
    pfad = tmp_path / "verlauf.jsonl"
    verlauf.anhaengen(pfad, _run("1", FAILED, commit="a"))
    run = _run("2", PASSED, commit="b")
    run.scenarios[1].status = SKIPPED
    laeufe = verlauf.anhaengen(pfad, run)
    assert laeufe[-1].aussagen["G16"] == PASSED and laeufe[-1].aussagen["G17"] == SKIPPED
    assert verlauf.verlauf_von(laeufe, "eingebettete Fakes", aussage="G16").hinweise() == ["behoben"]


def test_the_same_parts_merged_again_replace_their_line(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    verlauf.anhaengen(pfad, _run("1", FAILED, teile=["1/2", "2/2"]))
    laeufe = verlauf.anhaengen(pfad, _run("1", PASSED, teile=["1/2", "2/2"]))  # part 2 run again, merged again
    assert len(laeufe) == 1 and laeufe[0].szenarien["features/a.feature::Eins"].status == PASSED
    laeufe = verlauf.anhaengen(pfad, _run("1", PASSED))  # two unsplit runs in one second are two runs
    assert len(laeufe) == 2


def test_a_history_that_cannot_be_read_is_left_as_it_is(tmp_path: Path) -> None:
    pfad = tmp_path / "verlauf.jsonl"
    pfad.mkdir()  # reading fails with an OSError, not just a bad line
    with pytest.raises(OSError):
        verlauf.anhaengen(pfad, _run("1", PASSED))
    assert pfad.is_dir()
    warnungen: list[str] = []
    assert verlauf.lesbar(pfad, warnungen) == [] and "nicht lesbar" in warnungen[0]
