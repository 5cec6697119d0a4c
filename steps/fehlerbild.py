"""Fehlerbild scenarios prove their ``Code:`` line and, where their state is the cause, the diagnosis.

The labels come from the scenario description (``absprung.leitfaden.fehlerbilder``): the steps that
see a code (launch log, refusal) check it is the Fehlerbild's ``Code:``, and "die Diagnose findet
diese Ursache" checks that ``python -m absprung diagnose`` names the Fehlerbild's ``Ursache:``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from pytest_bdd import then

from absprung.diagnose import diagnose
from absprung.leitfaden.fehlerbilder import DIAGNOSE_SCHRITT, labels
from absprung.systems import Systems
from absprung.ursachen import NICHT_PRUEFBAR

LABELS = pytest.StashKey[dict[str, str]]()
_CODE = re.compile(r"\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b")


def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    tags = set(scenario.tags) | set(feature.tags)
    request.node.stash[LABELS] = labels(scenario.description or "")[0] if "fehlerbild" in tags else {}


@pytest.fixture
def fehlerbild(request: pytest.FixtureRequest) -> dict[str, str]:
    """The labelled lines (Code, Prüfung, Ursache …) of the running Fehlerbild scenario; {} otherwise."""
    return request.node.stash.get(LABELS, {})


def codes_in(*texte: str | None) -> set[str]:
    """Stable codes named in launch-log fields ("… (TAA_KEINE_FREISCHALTUNG)")."""
    return {c for t in texte if t for c in _CODE.findall(t)}


def code_pruefen(fehlerbild: dict[str, str], gesehen: set[str]) -> None:
    erwartet = fehlerbild.get("Code")
    if erwartet and gesehen:
        assert erwartet in gesehen, (f"Das Fehlerbild nennt den Code {erwartet}, gesehen wurde aber: "
                                     f"{', '.join(sorted(gesehen))}.")


@then(DIAGNOSE_SCHRITT)
def _(systems: Systems, fehlerbild: dict[str, str]) -> None:
    erwartet = fehlerbild.get("Ursache")
    assert erwartet, "Dieses Szenario nennt in der Beschreibung keine Zeile „Ursache:“."
    w = systems.world
    letzter = systems.concenter.protokoll()[:1]
    kunde = (letzter[0].get("kunde") if letzter else None) or systems.kundennummer(w.pruefkunde)
    d = diagnose(systems, w.ams_benutzer, kunde)
    if d.erste is None:
        offen = [z for z in d.zeilen if z.status == NICHT_PRUEFBAR]
        if offen and systems.target.remote:
            pytest.skip(f"nicht prüfbar auf diesem Ziel: {offen[0].hinweis}")
    gefunden = d.erste.ursache.name if d.erste else d.ergebnis
    assert gefunden == erwartet, f"Die Diagnose nennt „{gefunden}“ statt „{erwartet}“: " + (
        d.erste.hinweis if d.erste else "keine Ursache")
