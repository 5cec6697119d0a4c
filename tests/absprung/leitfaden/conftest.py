"""A small temporary project for the generator tests: one feature file, a run record, a picture."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from absprung import bilder
from absprung.leitfaden.site import Site
from absprung.leitfaden.write import generate

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
    Suchbegriffe: Kundendaten fehlen,
      leeres Formular
    Code: CC_KEIN_CLOUD_BENUTZER
    Ursache: maklerextranet
    Angenommen alles ist eingerichtet, außer "Maklerextranet aktivieren"
    Dann öffnet sich Thinksurance ohne Kundendaten

  @G17 @fehlerbild
  Szenario: Produkt nicht in DigiPro
    Angenommen die Produktfreischaltungen sind nicht aktualisiert
    Dann fehlt das Produkt unter DigiPro
"""


def record(name: str, line: int, status: str, tags: list[str], pictures: list[str] | None = None,
           message: str | None = None) -> dict[str, Any]:
    """One scenario of lauf.json; its only step took the given pictures (named Allgemein → con:center)."""
    return {"nodeid": f"features/test_szenarien.py::test_{line}", "datei": "features/cloud.feature",
            "feature": "Anpassung in der cloud einrichten", "szenario": name, "zeile": line, "tags": tags,
            "status": status, "dauer_s": 0.25, "meldung": message,
            "schritte": [{"keyword": "Wenn", "text": 'in assfinet drive unter "Allgemein → con:center" der '
                          'Benutzer "mueller-cc" hinterlegt wird', "status": status, "dauer_s": 0.1,
                          "bilder": pictures or [], "bildnamen": [bilder.ALLGEMEIN_CONCENTER] * len(pictures or [])}]}


def project(tmp_path: Path, status: str = "passed", *, with_run: bool = True) -> dict[str, Path]:
    (tmp_path / "features").mkdir(parents=True)
    (tmp_path / "features" / "cloud.feature").write_text(FEATURE, encoding="utf-8")
    (tmp_path / "reports" / "bilder").mkdir(parents=True)
    (tmp_path / "reports" / "bilder" / "cc.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    run = tmp_path / "reports" / "lauf.json"
    if with_run:
        run.write_text(json.dumps({
            "schema": 1, "erstellt": "2026-11-27 10:00:00", "commit": "abc1234", "ziel": "eingebettete Fakes",
            "szenarien": [
                record("Der con:center Benutzer wird hinterlegt", 7, status, ["G07", "doku"], ["bilder/cc.png"]),
                record('Ein Token mit dem Zweck "<zweck>" wird abgelehnt', 13, "passed", ["G09"]),
                record('Ein Token mit dem Zweck "<zweck>" wird abgelehnt', 13, "skipped", ["G09"]),
                record("Thinksurance öffnet sich ohne Kundendaten", 24, "failed", ["G16", "fehlerbild"],
                       message="Thinksurance zeigt <leer> statt Daten"),
            ]}, ensure_ascii=False), encoding="utf-8")
    return {"features": tmp_path / "features", "run_json": run, "docs": tmp_path / "docs", "root": tmp_path}


def generate_project(paths: dict[str, Path]) -> Site:
    return generate(features=paths["features"], run_json=paths["run_json"], docs=paths["docs"], root=paths["root"])


def page(paths: dict[str, Path], name: str) -> str:
    return (paths["docs"] / name).read_text(encoding="utf-8")


@pytest.fixture
def generated(tmp_path: Path) -> dict[str, Path]:
    paths = project(tmp_path)
    generate_project(paths)
    return paths
