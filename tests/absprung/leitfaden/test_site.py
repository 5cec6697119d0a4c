"""The site model: outcomes matched to scenarios, run record reading, screenshots per statement."""

from __future__ import annotations

from pathlib import Path

from absprung import bilder
from absprung.aussagen import AUSSAGEN
from absprung.leitfaden import pfade
from absprung.leitfaden.gherkin import Examples, Scenario
from absprung.leitfaden.site import Outcome, Shot, assign_screenshots, build_site, match_outcomes
from absprung.record.model import NOT_RUN, PASSED, Run, ScenarioRecord

from .conftest import generate_project, page, project


def test_outline_runs_combine_to_the_worst_status(generated: dict[str, Path]) -> None:
    site = build_site(generated["features"], generated["run_json"], generated["root"])
    outline = next(sc for sc in site.scenarios if sc.examples)
    assert site.outcomes[outline.anchor].status == "skipped"


def test_without_run_record_everything_is_not_run(tmp_path: Path) -> None:
    paths = project(tmp_path, with_run=False)
    site = generate_project(paths)
    assert {o.status for o in site.outcomes.values()} == {NOT_RUN}
    text = page(paths, pfade.SZENARIEN)
    assert "Es liegt noch kein Lauf vor" in text
    assert "bestanden" not in text.replace("nicht ausgeführt", "")


def test_unreadable_run_record_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    paths = project(tmp_path)
    paths["run_json"].write_text("{kaputt", encoding="utf-8")
    site = generate_project(paths)
    assert any("unlesbar" in w for w in site.warnings)
    assert {o.status for o in site.outcomes.values()} == {NOT_RUN}


def test_matching_by_name_survives_moved_lines() -> None:
    sc = Scenario("features/a.feature", "F", "Name", 30, frozenset(), "", (), anchor="a--name")
    run = Run("", "", "", scenarios=[ScenarioRecord("n", "features/a.feature", "F", "Name", 3, status="failed")])
    assert match_outcomes([sc], run, Path("."))["a--name"].status == "failed"


def test_matching_by_line_when_the_name_changed() -> None:
    sc = Scenario("features/a.feature", "F", "Neuer Name", 3, frozenset(), "", (), anchor="a--neuer-name")
    run = Run("", "", "", scenarios=[ScenarioRecord("n", "features/a.feature", "F", "Alt", 3, status="passed")])
    assert match_outcomes([sc], run, Path("."))["a--neuer-name"].status == "passed"


def test_outline_runs_match_by_name_template_even_after_lines_moved() -> None:
    sc = Scenario("features/a.feature", "F", "Zweck „<zweck>“ wird abgelehnt", 40, frozenset(), "", (),
                  (Examples("", ("zweck",), (("Drive",), ("Formular",))),), anchor="a--zweck")
    records = [ScenarioRecord("n", "features/a.feature", "F", f"Zweck „{z}“ wird abgelehnt", 28, status=s)
               for z, s in (("Drive", "passed"), ("Formular", "failed"))]
    assert match_outcomes([sc], Run("", "", "", scenarios=records), Path("."))["a--zweck"].status == "failed"


def test_a_screenshot_illustrates_the_statements_that_list_it(tmp_path: Path) -> None:
    """By name: the DigiPro picture goes to every tagged statement that lists it, nowhere else."""
    (tmp_path / "d.png").write_bytes(b"png")
    sc = Scenario("f.feature", "F", "S", 1, frozenset({"G05", "G18", "G19", "doku"}), "", (), anchor="s")
    shots = (Shot(tmp_path / "d.png", bilder.DIGIPRO, "DigiPro anklickt"),
             Shot(tmp_path / "d.png", "unbekanntes Bild", "etwas"))
    assigned = assign_screenshots([sc], {"s": Outcome(PASSED, shots=shots)})
    by_statement = {i: [s.name for s, _ in v] for i, v in assigned.items()}
    assert by_statement == {"G05": [bilder.DIGIPRO], "G19": [bilder.DIGIPRO]}


def test_every_picture_illustrates_a_statement() -> None:
    listed = {b for a in AUSSAGEN for b in a.bilder}
    assert listed == set(bilder.ALLE), set(bilder.ALLE) ^ listed


def test_failed_scenario_does_not_illustrate_the_guide(tmp_path: Path) -> None:
    paths = project(tmp_path, "failed")
    generate_project(paths)
    g07 = page(paths, "generiert/leitfaden/cloud.md").split("{#g07}")[1].split("\n## ")[0]
    assert "Noch kein Bildschirmfoto" in g07 and "grafik-20240522-113850.png" in g07


def test_missing_screenshot_file_gives_no_link(tmp_path: Path) -> None:
    paths = project(tmp_path)
    (paths["root"] / "reports" / "bilder" / "cc.png").unlink()
    generate_project(paths)
    assert "cc.png" not in "".join(p.read_text(encoding="utf-8") for p in (paths["docs"] / "generiert").rglob("*.md"))


def test_screenshot_of_passed_doku_scenario_illustrates_its_step(generated: dict[str, Path]) -> None:
    assert (generated["docs"] / "bilder" / "cc.png").is_file()
    g07 = page(generated, "generiert/leitfaden/cloud.md").split("{#g07}")[1].split("\n## ")[0]
    assert "](../../bilder/cc.png)" in g07
    assert "Noch kein Bildschirmfoto" not in g07
    g09 = page(generated, "generiert/leitfaden/cloud.md").split("{#g09}")[1].split("\n## ")[0]
    assert '!!! info "Noch kein Bildschirmfoto"' in g09
