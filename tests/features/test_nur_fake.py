"""@nur_fake and the steps that need a fake agree, both ways; otherwise the run does not start."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers import run_scenarios

OHNE_TAG = """# language: de
Funktionalität: Support
  Szenario: Ohne Tag
    Angenommen der cloud-Bestand verfügt nicht über das Feature "API-Zugriff"
"""
OHNE_BEDARF = """# language: de
Funktionalität: Support
  @nur_fake
  Szenario: Mit Tag ohne Bedarf
    Angenommen die Voraussetzungen des Leitfadens sind erfüllt
"""


@pytest.mark.parametrize("feature, meldung", [(OHNE_TAG, "das Tag fehlt im Feature"),
                                              (OHNE_BEDARF, "aber kein Schritt braucht einen Fake")])
@pytest.mark.parametrize("worker", [("-p", "no:xdist"), ("-n", "2")], ids=["seriell", "n2"])
def test_tag_und_schritte_muessen_passen(tmp_path: Path, feature: str, meldung: str, worker: tuple[str, str]) -> None:
    lauf = run_scenarios(tmp_path / "f", {"support.feature": feature}, *worker)
    ausgabe = lauf.stdout + lauf.stderr
    assert lauf.returncode == 1 and meldung in ausgabe and "INTERNALERROR" not in ausgabe, ausgabe[-2000:]


def test_mit_tag_laeuft_es_gegen_die_fakes(tmp_path: Path) -> None:
    feature = OHNE_TAG.replace("  Szenario:", "  @nur_fake\n  Szenario:")
    lauf = run_scenarios(tmp_path / "f", {"support.feature": feature}, "-p", "no:xdist")
    assert lauf.returncode == 0 and "1 passed" in lauf.stdout, lauf.stdout[-2000:]
