"""The generated pages: German statuses, stable anchors, escaping, traceability, reference drift checks."""

from __future__ import annotations

import re
from pathlib import Path

from absprung.aussagen import AUSSAGEN
from absprung.leitfaden import pfade
from absprung.leitfaden.markdown import cell, code_anchor, code_html
from absprung.leitfaden.pages import datenfluss, referenz
from tests.helpers import ROOT

from .conftest import generate_project, page, project


def test_status_words_are_german(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.SZENARIEN)
    for word in ("bestanden", "fehlgeschlagen", "übersprungen", "nicht ausgeführt"):
        assert word in text
    assert not re.search(r"\b(passed|failed|skipped)\b", text)


def test_stand_line_names_date_and_commit(generated: dict[str, Path]) -> None:
    for name in (pfade.SZENARIEN, pfade.NACHWEIS, pfade.FEHLERBILDER, "generiert/leitfaden/cloud.md"):
        assert "**Stand:** Lauf vom 27.11.2026, 10:00 Uhr · Commit `abc1234`" in page(generated, name)


def test_failure_message_is_shown_as_literal_code(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.SZENARIEN)
    assert '!!! failure "Meldung des letzten Laufs"\n        Thinksurance zeigt <leer> statt Daten' in text


def _anchors_and_headings(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")]


def test_anchors_and_headings_do_not_change_with_status(tmp_path: Path) -> None:
    passed = project(tmp_path / "a", "passed")
    failed = project(tmp_path / "b", "failed")
    generate_project(passed)
    generate_project(failed)
    for name in (pfade.SZENARIEN, pfade.NACHWEIS, pfade.FEHLERBILDER, "generiert/leitfaden/cloud.md"):
        before, after = page(passed, name), page(failed, name)
        assert before != after or name == pfade.FEHLERBILDER
        assert _anchors_and_headings(before) == _anchors_and_headings(after)


def test_every_scenario_has_an_explicit_unique_anchor(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.SZENARIEN)
    anchors = re.findall(r"^### .* \{#([a-z0-9-]+)\}$", text, flags=re.MULTILINE)
    assert len(anchors) == 4 and len(set(anchors)) == 4
    assert "cloud--der-con-center-benutzer-wird-hinterlegt" in anchors


def test_no_status_word_in_any_heading(generated: dict[str, Path]) -> None:
    for name in (pfade.SZENARIEN, pfade.NACHWEIS, pfade.FEHLERBILDER):
        for heading in _anchors_and_headings(page(generated, name)):
            assert not re.search(r"bestanden|fehlgeschlagen|übersprungen|nicht ausgeführt|[✔✘↷○]", heading)


def test_placeholders_are_filled_in_titles_and_escaped_in_steps(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.SZENARIEN)
    assert '### Ein Token mit dem Zweck "Drive oder Formular" wird abgelehnt {#' in text
    assert 'mit dem Zweck "&lt;zweck&gt;" und' in text  # the outline's step, as written
    assert "<zweck>" not in text


def test_markdown_characters_in_steps_are_literal(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.SZENARIEN)
    assert r"\*Test\_1\*" in text
    assert r"Zweck \| falsch" in text  # pipe inside a data table cell


def test_uncovered_statements_stand_out(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.NACHWEIS)
    uncovered = [s.id for s in AUSSAGEN if s.id not in {"G07", "G09", "G16", "G17"}]
    assert f'!!! danger "Nicht belegt: {", ".join(uncovered)}"' in text
    assert f"**4 von {len(AUSSAGEN)} Aussagen sind durch Szenarien belegt.**" in text
    g07 = text.split("{#g07}")[1].split("\n## ")[0]
    assert "nicht belegt" not in g07 and "Der con:center Benutzer wird hinterlegt" in g07
    g08 = text.split("{#g08}")[1].split("\n## ")[0]
    assert '!!! danger "nicht belegt"' in g08


def test_guide_step_without_scenario_says_so(generated: dict[str, Path]) -> None:
    text = page(generated, "generiert/leitfaden/cloud.md")
    g08 = text.split("{#g08}")[1].split("\n## ")[0]
    assert '!!! warning "G08 nicht belegt"' in g08


def test_every_error_code_is_documented(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.FEHLERCODES)
    register = referenz.rule_register()
    assert register
    for code, rule in register.items():
        assert f'<span id="{code_anchor(code)}"></span>{code_html(code)}' in text
        assert cell(rule.message) in text
    documented = {c.replace("<wbr>", "") for c in re.findall(r"</span><code>([A-Z0-9_<wbr>]+)</code>", text)}
    assert documented == set(register)


def test_every_endpoint_is_documented(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.SCHNITTSTELLEN)
    for name, app in referenz.fake_apps().items():
        for path, operations in app.state.openapi["paths"].items():
            for method in operations:
                assert f"| `{method.upper()}` | {code_html(path, '/')} |" in text, (name, method, path)


def test_every_assumption_and_assumed_rule_is_listed(generated: dict[str, Path]) -> None:
    from fakes.annahmen import ANNAHMEN

    text = page(generated, pfade.ANNAHMEN)
    for a in ANNAHMEN:
        assert f"{{#{a.id.lower()}}}" in text
    for code, rule in referenz.rule_register().items():
        listed = f"[{code_html(code)}]" in text
        assert listed == (rule.source == "annahme" or any(code in a.codes for a in ANNAHMEN)), code


def test_background_page_states_the_durations_of_the_fakes() -> None:
    from fakes.concenter.models import START_GUELTIGKEIT
    from fakes.thinksurance.models import SWITCH_GUELTIGKEIT_STANDARD, TOKEN_GUELTIGKEIT

    text = (ROOT / "docs" / "hintergrund" / "datenfluss.md").read_text(encoding="utf-8")
    assert f"{int(TOKEN_GUELTIGKEIT.total_seconds() // 60)} Minuten (dokumentiert)" in text
    assert f"{SWITCH_GUELTIGKEIT_STANDARD} Sekunden, nur einmal verwendbar" in text
    assert f"{int(START_GUELTIGKEIT.total_seconds())} Sekunden, nur einmal verwendbar" in text


def test_diagram_is_self_contained_svg(generated: dict[str, Path]) -> None:
    svg = page(generated, pfade.DIAGRAMM)
    assert svg.startswith("<svg ") and "</svg>" in svg
    assert not re.search(r"(href|src)=\"https?:", svg)
    assert [titel for _, titel in datenfluss.PARTICIPANTS] == ["Browser", "ams.5", "con:center", "assfinet cloud",
                                                                "Thinksurance"]
    for _, titel in datenfluss.PARTICIPANTS:
        assert titel in svg


def test_failing_statements_are_listed(tmp_path: Path) -> None:
    paths = project(tmp_path, "failed")
    generate_project(paths)
    assert '!!! warning "Im letzten Lauf fehlgeschlagen: G07, G16"' in page(paths, pfade.NACHWEIS)
