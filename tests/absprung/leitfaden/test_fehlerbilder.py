"""Fehlerbilder: the labelled description lines, the declared cause they name, the fallback without
one, the callers' words, and every cause under its own anchor."""

from __future__ import annotations

from pathlib import Path

from absprung.leitfaden import pfade
from absprung.leitfaden.fehlerbilder import fehlerbild, warnings
from absprung.leitfaden.gherkin import Scenario
from absprung.leitfaden.site import build_site
from absprung.ursachen import URSACHE, URSACHEN

from .conftest import page


def test_trouble_convention_is_parsed(generated: dict[str, Path]) -> None:
    site = build_site(generated["features"], generated["run_json"], generated["root"])
    trouble = next(t for t in site.fehlerbilder if t.szenario.name == "Thinksurance öffnet sich ohne Kundendaten")
    assert (trouble.name, trouble.ursache, trouble.code) == ("maklerextranet", URSACHE["maklerextranet"],
                                                             "CC_KEIN_CLOUD_BENUTZER")
    assert trouble.suchbegriffe == ("Kundendaten fehlen", "leeres Formular")
    assert trouble.symptom == trouble.szenario.name


def test_symptom_label_and_note() -> None:
    sc = Scenario("f.feature", "F", "Name", 1, frozenset({"fehlerbild"}),
                  "Ein Hinweis vorab.\nSymptom: Kundendaten fehlen\nUrsache: api-zugriff\nCode: X", (), anchor="x")
    t = fehlerbild(sc)
    assert (t.symptom, t.name, t.code, t.hinweis) == ("Kundendaten fehlen", "api-zugriff", "X", "Ein Hinweis vorab.")


def test_a_cause_that_is_not_declared_or_a_code_that_is_not_its_own_warns() -> None:
    def beschrieben(text: str) -> list[str]:
        sc = Scenario("f.feature", "F", "N", 1, frozenset({"fehlerbild"}), text, (), anchor="x")
        return warnings([fehlerbild(sc)])

    symptom = "Symptom: Produkt fehlt unter DigiPro\n"
    assert beschrieben(symptom + "Ursache: produktfreischaltungen\nCode: AMS_PRODUKT_NICHT_IN_DIGIPRO") == []
    assert "keine erklärte Ursache" in beschrieben(symptom + "Ursache: gibts-nicht\nCode: X")[0]
    assert "keiner der Codes" in beschrieben(symptom + "Ursache: produktfreischaltungen\nCode: TAA_FEATURE_FEHLT")[0]
    assert "keines der erklärten" in beschrieben("Symptom: irgendwas\nUrsache: produktfreischaltungen\n"
                                                 "Code: AMS_PRODUKT_NICHT_IN_DIGIPRO")[0]


def test_trouble_without_cause_warns_and_falls_back(generated: dict[str, Path]) -> None:
    site = build_site(generated["features"], generated["run_json"], generated["root"])
    assert any("Produkt nicht in DigiPro" in w and "Ursache:" in w and "Code:" in w for w in site.warnings)
    text = page(generated, pfade.FEHLERBILDER)
    section = text.split("{#cloud--produkt-nicht-in-digipro}")[1]
    assert "die Produktfreischaltungen sind nicht aktualisiert" in section
    assert "(leitfaden/ams.md#g17)" in section


def test_every_cause_has_its_anchor_with_fix_and_its_fehlerbilder(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.FEHLERBILDER)
    for u in URSACHEN:
        assert f"{{#{u.anker}}}" in text, u.name
    maklerextranet = text.split(f"{{#{URSACHE['maklerextranet'].anker}}}")[1].split("\n### ")[0]
    assert URSACHE["maklerextranet"].behebung in maklerextranet
    assert "(#cloud--thinksurance-oeffnet-sich-ohne-kundendaten)" in maklerextranet
    assert "`python -m fakes --uebung ohne-kundendaten-1`" in maklerextranet


def test_troubles_are_findable_by_caller_words(generated: dict[str, Path]) -> None:
    text = page(generated, pfade.FEHLERBILDER)
    maklerextranet = text.split("{#cloud--thinksurance-oeffnet-sich-ohne-kundendaten}")[1].split("\n## ")[0]
    assert "**Suchbegriffe:** CC\\_KEIN\\_CLOUD\\_BENUTZER · Kundendaten fehlen · leeres Formular · keine Kundendaten" \
        in maklerextranet
    assert '!!! failure "Ursache"' in maklerextranet and '!!! success "Behebung"' in maklerextranet
    digipro = text.split("{#cloud--produkt-nicht-in-digipro}")[1]
    assert "Produkt nicht in DigiPro" in digipro
