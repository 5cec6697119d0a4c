"""Unit tests of the guide generator (absprung/leitfaden.py) on small temporary projects."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from absprung import leitfaden as lf

FEATURE = """\
# language: de
@kapitel-cloud
Funktionalität: Anpassung in der cloud einrichten
  Die Schritte in assfinet drive.

  @G07 @doku
  Szenario: Der con:center Benutzer wird hinterlegt
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt
    Wenn in assfinet drive unter "Allgemein → con:center" der Benutzer "mueller-cc" hinterlegt wird
    Dann ist er als Concenter Benutzername wählbar

  @G09
  Szenariogrundriss: Ein Token mit dem Zweck "<zweck>" wird abgelehnt
    Angenommen ein Token mit dem Zweck "<zweck>" und dem Namen *Test_1*
    Dann lehnt die cloud ab
      | Code | Meldung |
      | TAA_ZWECK_FALSCH | Zweck \\| falsch |

    Beispiele:
      | zweck   |
      | Drive   |
      | Formular |

  @G16 @fehlerbild
  Szenario: Thinksurance öffnet sich ohne Kundendaten
    Suchbegriffe: Kundendaten fehlen, leeres Formular
    Ursache: Beim cloud Konto ist „Maklerextranet aktivieren“
      nicht angehakt.
    Behebung: In ams.5 „Maklerextranet aktivieren“ anhaken.
    Angenommen alles ist eingerichtet, außer "Maklerextranet aktivieren"
    Dann öffnet sich Thinksurance ohne Kundendaten

  @G17 @fehlerbild
  Szenario: Produkt nicht in DigiPro
    Angenommen die Produktfreischaltungen sind nicht aktualisiert
    Dann fehlt das Produkt unter DigiPro
"""


def _record(name: str, line: int, status: str, tags: list[str], pictures: list[str] | None = None,
            message: str | None = None) -> dict:
    return {"nodeid": f"features/test_szenarien.py::test_{line}", "datei": "features/cloud.feature",
            "feature": "Anpassung in der cloud einrichten", "szenario": name, "zeile": line, "tags": tags,
            "status": status, "dauer_s": 0.25, "meldung": message,
            "schritte": [{"keyword": "Wenn", "text": 'in assfinet drive unter "Allgemein → con:center" der '
                          'Benutzer "mueller-cc" hinterlegt wird', "status": status, "dauer_s": 0.1,
                          "bilder": pictures or []}]}


def _project(tmp_path: Path, status: str = "passed", *, with_run: bool = True) -> dict[str, Path]:
    (tmp_path / "features").mkdir(parents=True)
    (tmp_path / "features" / "cloud.feature").write_text(FEATURE, encoding="utf-8")
    (tmp_path / "reports" / "bilder").mkdir(parents=True)
    (tmp_path / "reports" / "bilder" / "cc.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    run = tmp_path / "reports" / "lauf.json"
    if with_run:
        run.write_text(json.dumps({
            "schema": 1, "erstellt": "2026-11-27 10:00:00", "commit": "abc1234", "ziel": "eingebettete Fakes",
            "szenarien": [
                _record("Der con:center Benutzer wird hinterlegt", 7, status, ["G07", "doku"], ["bilder/cc.png"]),
                _record('Ein Token mit dem Zweck "<zweck>" wird abgelehnt', 13, "passed", ["G09"]),
                _record('Ein Token mit dem Zweck "<zweck>" wird abgelehnt', 13, "skipped", ["G09"]),
                _record("Thinksurance öffnet sich ohne Kundendaten", 24, "failed", ["G16", "fehlerbild"],
                        message="Thinksurance zeigt <leer> statt Daten"),
            ]}, ensure_ascii=False), encoding="utf-8")
    return {"features": tmp_path / "features", "run_json": run, "docs": tmp_path / "docs", "root": tmp_path}


def _generate(paths: dict[str, Path]) -> lf.Site:
    return lf.generate(features=paths["features"], run_json=paths["run_json"], docs=paths["docs"],
                       root=paths["root"])


def _page(paths: dict[str, Path], page: str) -> str:
    return (paths["docs"] / page).read_text(encoding="utf-8")


@pytest.fixture
def generated(tmp_path: Path) -> dict[str, Path]:
    paths = _project(tmp_path)
    _generate(paths)
    return paths


# --- status words --------------------------------------------------------------------------------

def test_status_words_are_german(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_SCENARIOS)
    for word in ("bestanden", "fehlgeschlagen", "übersprungen", "nicht ausgeführt"):
        assert word in text
    assert not re.search(r"\b(passed|failed|skipped)\b", text)


def test_outline_runs_combine_to_the_worst_status(generated: dict[str, Path]) -> None:
    site = lf.build_site(generated["features"], generated["run_json"], generated["root"])
    outline = next(sc for sc in site.scenarios if sc.examples)
    assert site.outcomes[outline.anchor].status == "skipped"


def test_without_run_record_everything_is_not_run(tmp_path: Path) -> None:
    paths = _project(tmp_path, with_run=False)
    site = _generate(paths)
    assert {o.status for o in site.outcomes.values()} == {lf.NOT_RUN}
    text = _page(paths, lf.PAGE_SCENARIOS)
    assert "Es liegt noch kein Lauf vor" in text
    assert "bestanden" not in text.replace("nicht ausgeführt", "")


def test_unreadable_run_record_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    paths = _project(tmp_path)
    paths["run_json"].write_text("{kaputt", encoding="utf-8")
    site = _generate(paths)
    assert any("unlesbar" in w for w in site.warnings)
    assert {o.status for o in site.outcomes.values()} == {lf.NOT_RUN}


def test_stand_line_names_date_and_commit(generated: dict[str, Path]) -> None:
    for page in (lf.PAGE_SCENARIOS, lf.PAGE_TRACE, lf.PAGE_TROUBLE, "generiert/leitfaden/cloud.md"):
        assert "**Stand:** Lauf vom 27.11.2026, 10:00 Uhr · Commit `abc1234`" in _page(generated, page)


def test_failure_message_is_shown_as_literal_code(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_SCENARIOS)
    assert '!!! failure "Meldung des letzten Laufs"\n        Thinksurance zeigt <leer> statt Daten' in text


# --- matching run records to scenarios ---------------------------------------------------------

def test_matching_by_name_survives_moved_lines() -> None:
    sc = lf.Scenario("features/a.feature", "F", "Name", 30, frozenset(), "", (), anchor="a--name")
    run = lf.Run("", "", "", ({"datei": "features/a.feature", "szenario": "Name", "zeile": 3, "status": "failed"},),
                 Path("."))
    assert lf.match_outcomes([sc], run)["a--name"].status == "failed"


def test_matching_by_line_when_the_name_changed() -> None:
    sc = lf.Scenario("features/a.feature", "F", "Neuer Name", 3, frozenset(), "", (), anchor="a--neuer-name")
    run = lf.Run("", "", "", ({"datei": "features/a.feature", "szenario": "Alt", "zeile": 3, "status": "passed"},),
                 Path("."))
    assert lf.match_outcomes([sc], run)["a--neuer-name"].status == "passed"


# --- anchors -------------------------------------------------------------------------------------

def _anchors_and_headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_anchors_and_headings_do_not_change_with_status(tmp_path: Path) -> None:
    passed = _project(tmp_path / "a", "passed")
    failed = _project(tmp_path / "b", "failed")
    _generate(passed)
    _generate(failed)
    for page in (lf.PAGE_SCENARIOS, lf.PAGE_TRACE, lf.PAGE_TROUBLE, "generiert/leitfaden/cloud.md"):
        before, after = _page(passed, page), _page(failed, page)
        assert before != after or page == lf.PAGE_TROUBLE
        assert _anchors_and_headings(before) == _anchors_and_headings(after)


def test_scenario_anchor_comes_from_file_and_name() -> None:
    assert lf.scenario_anchor("features/cloud_einrichten.feature", "Der Token öffnet „Kundendaten“") \
        == "cloud-einrichten--der-token-oeffnet-kundendaten"


def test_every_scenario_has_an_explicit_unique_anchor(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_SCENARIOS)
    anchors = re.findall(r"^### .* \{#([a-z0-9-]+)\}$", text, flags=re.MULTILINE)
    assert len(anchors) == 4 and len(set(anchors)) == 4
    assert "cloud--der-con-center-benutzer-wird-hinterlegt" in anchors


def test_no_status_word_in_any_heading(generated: dict[str, Path]) -> None:
    for page in (lf.PAGE_SCENARIOS, lf.PAGE_TRACE, lf.PAGE_TROUBLE):
        for heading in _anchors_and_headings(_page(generated, page)):
            assert not re.search(r"bestanden|fehlgeschlagen|übersprungen|nicht ausgeführt|[✔✘↷○]", heading)


# --- escaping ------------------------------------------------------------------------------------

def test_placeholders_are_escaped(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_SCENARIOS)
    assert 'Ein Token mit dem Zweck "&lt;zweck&gt;" wird abgelehnt' in text
    assert "<zweck>" not in text


def test_markdown_characters_in_steps_are_literal(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_SCENARIOS)
    assert r"\*Test\_1\*" in text
    assert r"Zweck \| falsch" in text  # pipe inside a data table cell


@pytest.mark.parametrize(("raw", "escaped"), [
    ("<firma>", "&lt;firma&gt;"), ("Müller & Söhne", "Müller &amp; Söhne"), ("{feld}", r"\{feld\}"),
    ("a_b*c", r"a\_b\*c"), ("[x](y)", r"\[x\](y)"),
])
def test_md_escapes(raw: str, escaped: str) -> None:
    assert lf.md(raw) == escaped


# --- traceability --------------------------------------------------------------------------------

def test_uncovered_statements_stand_out(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_TRACE)
    uncovered = [s.id for s in lf.STATEMENTS if s.id not in {"G07", "G09", "G16", "G17"}]
    assert f'!!! danger "Nicht belegt: {", ".join(uncovered)}"' in text
    assert "**4 von 24 Aussagen sind durch Szenarien belegt.**" in text
    g07 = text.split("{#g07}")[1].split("\n## ")[0]
    assert "nicht belegt" not in g07 and "Der con:center Benutzer wird hinterlegt" in g07
    g08 = text.split("{#g08}")[1].split("\n## ")[0]
    assert '!!! danger "nicht belegt"' in g08


def test_guide_step_without_scenario_says_so(generated: dict[str, Path]) -> None:
    text = _page(generated, "generiert/leitfaden/cloud.md")
    g08 = text.split("{#g08}")[1].split("\n## ")[0]
    assert '!!! warning "G08 nicht belegt"' in g08


def test_statements_cover_g01_to_g24_in_chapter_order() -> None:
    assert [s.id for s in lf.STATEMENTS] == [f"G{i:02d}" for i in range(1, 25)]
    assert [i for c in lf.CHAPTERS for i in c.ids] == [s.id for s in lf.STATEMENTS]
    for s in lf.STATEMENTS:
        assert s.chapter == lf.CHAPTER_OF[s.id].slug


def test_statements_match_the_shared_requirements_when_present() -> None:
    source = Path(__file__).resolve().parents[1].parent / "shared" / "guide" / "anforderungen.md"
    if not source.is_file():
        pytest.skip("../shared/guide/anforderungen.md fehlt auf diesem Rechner")
    ids = re.findall(r"^\| (G\d\d) \|", source.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert ids == [s.id for s in lf.STATEMENTS]


def test_unknown_guide_tag_is_reported(tmp_path: Path) -> None:
    paths = _project(tmp_path)
    (paths["features"] / "extra.feature").write_text(
        "# language: de\nFunktionalität: X\n  @G99\n  Szenario: Y\n    Angenommen z\n", encoding="utf-8")
    assert any("@G99" in w for w in _generate(paths).warnings)


# --- screenshots ---------------------------------------------------------------------------------

def test_screenshot_of_passed_doku_scenario_illustrates_its_step(generated: dict[str, Path]) -> None:
    assert (generated["docs"] / "bilder" / "cc.png").is_file()
    g07 = _page(generated, "generiert/leitfaden/cloud.md").split("{#g07}")[1].split("\n## ")[0]
    assert "](../../bilder/cc.png)" in g07
    assert "Noch kein Bildschirmfoto" not in g07
    g09 = _page(generated, "generiert/leitfaden/cloud.md").split("{#g09}")[1].split("\n## ")[0]
    assert '!!! info "Noch kein Bildschirmfoto"' in g09


def test_failed_scenario_does_not_illustrate_the_guide(tmp_path: Path) -> None:
    paths = _project(tmp_path, "failed")
    _generate(paths)
    g07 = _page(paths, "generiert/leitfaden/cloud.md").split("{#g07}")[1].split("\n## ")[0]
    assert "Noch kein Bildschirmfoto" in g07 and "grafik-20240522-113850.png" in g07


def test_missing_screenshot_file_gives_no_link(tmp_path: Path) -> None:
    paths = _project(tmp_path)
    (paths["root"] / "reports" / "bilder" / "cc.png").unlink()
    _generate(paths)
    assert "cc.png" not in "".join(p.read_text(encoding="utf-8") for p in (paths["docs"] / "generiert").rglob("*.md"))


def test_screenshot_goes_to_the_step_whose_words_match() -> None:
    sc = lf.Scenario("f.feature", "F", "S", 1, frozenset({"G18", "G19", "G21", "doku"}), "", (), anchor="s")
    assert lf._illustrated(sc, "DigiPro anklickt") == "G19"
    assert lf._illustrated(sc, "öffnet sich die Thinksurance – Gewerbeplattform") == "G21"
    assert lf._illustrated(sc, "etwas ganz anderes") is None
    single = lf.Scenario("f.feature", "F", "S", 1, frozenset({"G11", "doku"}), "", (), anchor="s")
    assert lf._illustrated(single, "etwas ganz anderes") == "G11"


# --- Fehlerbilder --------------------------------------------------------------------------------

def test_trouble_convention_is_parsed(generated: dict[str, Path]) -> None:
    site = lf.build_site(generated["features"], generated["run_json"], generated["root"])
    trouble = next(t for t in site.troubles if t.scenario.name == "Thinksurance öffnet sich ohne Kundendaten")
    assert trouble.cause == "Beim cloud Konto ist „Maklerextranet aktivieren“ nicht angehakt."
    assert trouble.fix == "In ams.5 „Maklerextranet aktivieren“ anhaken."
    assert trouble.keywords == ("Kundendaten fehlen", "leeres Formular")
    assert trouble.symptom == trouble.scenario.name


def test_symptom_label_and_note() -> None:
    sc = lf.Scenario("f.feature", "F", "Name", 1, frozenset({"fehlerbild"}),
                     "Ein Hinweis vorab.\nSymptom: Kundendaten fehlen\nUrsache: A\nBehebung: B", (), anchor="x")
    t = lf.parse_trouble(sc)
    assert (t.symptom, t.cause, t.fix, t.note) == ("Kundendaten fehlen", "A", "B", "Ein Hinweis vorab.")


def test_trouble_without_cause_and_fix_warns_and_falls_back(generated: dict[str, Path]) -> None:
    site = lf.build_site(generated["features"], generated["run_json"], generated["root"])
    assert any("Produkt nicht in DigiPro" in w and "Ursache:" in w and "Behebung:" in w for w in site.warnings)
    text = _page(generated, lf.PAGE_TROUBLE)
    section = text.split("{#cloud--produkt-nicht-in-digipro}")[1]
    assert "die Produktfreischaltungen sind nicht aktualisiert" in section
    assert "(leitfaden/ams.md#g17)" in section


def test_troubles_are_findable_by_caller_words(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_TROUBLE)
    maklerextranet = text.split("{#cloud--thinksurance-oeffnet-sich-ohne-kundendaten}")[1].split("\n## ")[0]
    assert "**Suchbegriffe:** Kundendaten fehlen · leeres Formular · keine Kundendaten" in maklerextranet
    assert '!!! failure "Ursache"' in maklerextranet and '!!! success "Behebung"' in maklerextranet
    digipro = text.split("{#cloud--produkt-nicht-in-digipro}")[1]
    assert "Produkt nicht in DigiPro" in digipro


# --- reference pages are generated from the fakes' code (drift checks) --------------------------

def test_every_error_code_is_documented(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_CODES)
    register = lf.error_register()
    assert register
    for code, rule in register.items():
        assert f'<span id="{lf.code_anchor(code)}"></span>{lf.code_html(code)}' in text
        assert lf.cell(rule.meldung) in text
    documented = {c.replace("<wbr>", "") for c in re.findall(r"</span><code>([A-Z0-9_<wbr>]+)</code>", text)}
    assert documented == set(register)


def test_every_endpoint_is_documented(generated: dict[str, Path]) -> None:
    text = _page(generated, lf.PAGE_ENDPOINTS)
    for name, app in lf.fake_apps().items():
        for path, operations in app.state.openapi["paths"].items():
            for method in operations:
                assert f"| `{method.upper()}` | {lf.code_html(path, '/')} |" in text, (name, method, path)


def test_every_assumption_and_assumed_rule_is_listed(generated: dict[str, Path]) -> None:
    from fakes.annahmen import ANNAHMEN

    text = _page(generated, lf.PAGE_ASSUMPTIONS)
    for a in ANNAHMEN:
        assert f"{{#{a.id.lower()}}}" in text
    for code, rule in lf.error_register().items():
        listed = f"[{lf.code_html(code)}]" in text
        assert listed == (rule.quelle == "annahme" or any(code in a.codes for a in ANNAHMEN)), code


def test_background_page_states_the_durations_of_the_fakes() -> None:
    from fakes.concenter.models import START_GUELTIGKEIT
    from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD, TOKEN_GUELTIGKEIT

    text = (Path(__file__).resolve().parents[1] / "docs" / "hintergrund" / "datenfluss.md").read_text(encoding="utf-8")
    assert f"{int(TOKEN_GUELTIGKEIT.total_seconds() // 60)} Minuten (dokumentiert)" in text
    assert f"{SWITCH_GUELTIGKEIT_STANDARD} Sekunden, nur einmal verwendbar" in text
    assert f"{int(START_GUELTIGKEIT.total_seconds())} Sekunden, nur einmal verwendbar" in text


def test_diagram_is_self_contained_svg(generated: dict[str, Path]) -> None:
    svg = _page(generated, lf.DIAGRAM)
    assert svg.startswith("<svg ") and "</svg>" in svg
    assert not re.search(r"(href|src)=\"https?:", svg)
    for participant in lf.PARTICIPANTS:
        assert participant in svg


# --- files ---------------------------------------------------------------------------------------

def test_pages_are_utf8_nfc(generated: dict[str, Path]) -> None:
    for path in (generated["docs"] / "generiert").rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path
        assert not text.startswith("\ufeff"), path


def test_hand_written_pages_are_utf8_nfc() -> None:
    docs = Path(__file__).resolve().parents[1] / "docs"
    pages = [p for p in docs.rglob("*.md") if "generiert" not in p.parts]
    assert pages
    for path in pages:
        assert unicodedata.is_normalized("NFC", path.read_text(encoding="utf-8")), path


def test_regenerating_removes_stale_pages_and_pictures(generated: dict[str, Path]) -> None:
    stale = generated["docs"] / "generiert" / "alt.md"
    stale.write_text("alt", encoding="utf-8")
    (generated["docs"] / "bilder" / "alt.png").write_bytes(b"")
    _generate(generated)
    assert not stale.exists() and not (generated["docs"] / "bilder" / "alt.png").exists()


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    paths = _project(tmp_path)
    code = lf.main(["--features", str(paths["features"]), "--lauf", str(paths["run_json"]),
                    "--docs", str(paths["docs"]), "--wurzel", str(paths["root"])])
    out, err = capsys.readouterr()
    assert code == 0
    assert "4 Szenarien, 4 von 24 Aussagen belegt, 1 Bildschirmfotos" in out
    assert "Warnung: Fehlerbild „Produkt nicht in DigiPro“" in err
    assert lf.main(["--features", str(tmp_path / "fehlt")]) == 2


def test_failing_statements_are_listed(tmp_path: Path) -> None:
    paths = _project(tmp_path, "failed")
    _generate(paths)
    assert '!!! warning "Im letzten Lauf fehlgeschlagen: G07, G16"' in _page(paths, lf.PAGE_TRACE)


def test_outline_runs_match_by_name_template_even_after_lines_moved() -> None:
    sc = lf.Scenario("features/a.feature", "F", "Zweck „<zweck>“ wird abgelehnt", 40, frozenset(), "", (),
                     (lf.Examples("", ("zweck",), (("Drive",), ("Formular",))),), anchor="a--zweck")
    records = tuple({"datei": "features/a.feature", "szenario": f"Zweck „{z}“ wird abgelehnt", "zeile": 28,
                     "status": s} for z, s in (("Drive", "passed"), ("Formular", "failed")))
    assert lf.match_outcomes([sc], lf.Run("", "", "", records, Path(".")))["a--zweck"].status == "failed"


def test_broken_feature_file_is_skipped_with_a_warning(tmp_path: Path) -> None:
    paths = _project(tmp_path)
    (paths["features"] / "kaputt.feature").write_text("# language: de\nFunktionalität: X\n  @tag\n  Angenommen b\n",
                                                      encoding="utf-8")
    site = _generate(paths)
    assert any("kaputt.feature ist kein gültiges Gherkin" in w for w in site.warnings)
    assert len(site.scenarios) == 4
