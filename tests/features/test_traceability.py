"""Traceability: every guide statement (absprung.aussagen) is proven by a scenario; no unknown @G.. tag."""

from __future__ import annotations

import re
from pathlib import Path

from pytest_bdd.feature import get_features

from absprung.aussagen import IDS
from tests.helpers import ROOT


def tags_je_szenario(ordner: Path) -> dict[str, set[str]]:
    ergebnis = {}
    for feature in get_features([str(ordner)]):
        for name, szenario in feature.scenarios.items():
            ergebnis[f"{Path(feature.filename).name}: {name}"] = set(szenario.tags) | set(feature.tags)
    return ergebnis


def probleme(tags: dict[str, set[str]]) -> list[str]:
    benutzt = {t for ts in tags.values() for t in ts if re.fullmatch(r"G\d+", t)}
    meldungen = [f"Leitfaden-Aussage {g} ist durch kein Szenario belegt" for g in sorted(set(IDS) - benutzt)]
    meldungen += [f"Unbekannte Markierung @{g} in {name}" for name, ts in tags.items() for g in sorted(ts)
                  if re.fullmatch(r"G\d+", g) and g not in IDS]
    return meldungen


def test_jede_leitfaden_aussage_ist_belegt() -> None:
    assert probleme(tags_je_szenario(ROOT / "features")) == []


def test_mindestens_dreissig_szenarien() -> None:
    assert len(tags_je_szenario(ROOT / "features")) >= 30


def test_unbelegte_und_unbekannte_ids_werden_gemeldet() -> None:
    tags = {"a.feature: x": set(IDS[:-1]) | {"G99"}}
    assert probleme(tags) == [f"Leitfaden-Aussage {IDS[-1]} ist durch kein Szenario belegt",
                              "Unbekannte Markierung @G99 in a.feature: x"]
