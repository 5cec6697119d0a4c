"""Fehlerbilder: the labelled description lines, the fallback without them, the callers' words."""

from __future__ import annotations

from pathlib import Path

from absprung.leitfaden import pfade
from absprung.leitfaden.fehlerbilder import fehlerbild
from absprung.leitfaden.gherkin import Scenario
from absprung.leitfaden.site import build_site

from .conftest import page


def test_trouble_convention_is_parsed(generated: dict[str, Path]) -> None:
    site = build_site(generated["features"], generated["run_json"], generated["root"])
    trouble = next(t for t in site.fehlerbilder if t.szenario.name == "Thinksurance öffnet sich ohne Kundendaten")
    assert trouble.ursache == "Beim cloud Konto ist „Maklerextranet aktivieren“ nicht angehakt."
    assert trouble.behebung == "In ams.5 „Maklerextranet aktivieren“ anhaken."
    assert trouble.suchbegriffe == ("Kundendaten fehlen", "leeres Formular")
    assert trouble.symptom == trouble.szenario.name


def test_symptom_label_and_note() -> None:
    sc = Scenario("f.feature", "F", "Name", 1, frozenset({"fehlerbild"}),
                     "Ein Hinweis vorab.\nSymptom: Kundendaten fehlen\nUrsache: A\nBehebung: B", (), anchor="x")
    t = fehlerbild(sc)
    assert (t.symptom, t.ursache, t.behebung, t.hinweis) == ("Kundendaten fehlen", "A", "B", "Ein Hinweis vorab.")


def test_trouble_without_cause_and_fix_warns_and_falls_back(generated: dict[str, Path]) -> None:
    site = build_site(generated["features"], generated["run_json"], generated["root"])
    assert any("Produkt nicht in DigiPro" in w and "Ursache:" in w and "Behebung:" in w for w in site.warnings)
    text = page(generated, pfade.FEHLERBILDER)
    section = text.split("{#cloud--produkt-nicht-in-digipro}")[1]
    assert "die Produktfreischaltungen sind nicht aktualisiert" in section
    assert "(leitfaden/ams.md#g17)" in section


def test_troubles_are_findable_by_caller_words(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.FEHLERBILDER)
    maklerextranet = text.split("{#cloud--thinksurance-oeffnet-sich-ohne-kundendaten}")[1].split("\n## ")[0]
    assert "**Suchbegriffe:** Kundendaten fehlen · leeres Formular · keine Kundendaten" in maklerextranet
    assert '!!! failure "Ursache"' in maklerextranet and '!!! success "Behebung"' in maklerextranet
    digipro = text.split("{#cloud--produkt-nicht-in-digipro}")[1]
    assert "Produkt nicht in DigiPro" in digipro
