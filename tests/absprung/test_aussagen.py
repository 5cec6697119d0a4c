"""The guide's statements: one source, in chapter order; a new one needs no edit anywhere else."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from absprung import bilder
from absprung.aussagen import AUSSAGEN, IDS, KAPITEL, KAPITEL_VON, im_kapitel
from tests.helpers import ROOT


def test_ids_are_consecutive_and_in_chapter_order() -> None:
    assert list(IDS) == [f"G{i:02d}" for i in range(1, len(AUSSAGEN) + 1)]
    assert [a.id for k in KAPITEL for a in im_kapitel(k)] == list(IDS)
    for a in AUSSAGEN:
        assert KAPITEL_VON[a.id].slug == a.kapitel
        assert not a.abschnitt or a.abschnitt in {s.titel for s in KAPITEL_VON[a.id].abschnitte}, a.id
        assert set(a.bilder) <= set(bilder.ALLE), a.id


NEW = f"G{len(AUSSAGEN) + 1:02d}"
FEATURE = f"""# language: de
Funktionalität: Synthetische Aussage

  @{NEW}
  Szenario: Eine neue Aussage des Leitfadens ist belegt
    Angenommen alles ist nach dem Leitfaden eingerichtet
    Wenn der ams Benutzer für "Müller & Söhne Bau GmbH" über DigiPro das Produkt "Thinksurance - Gewerbeplattform" wählt
    Dann öffnet sich Thinksurance mit den Kundendaten von "Müller & Söhne Bau GmbH"
"""


def _run(folder: Path, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *command], cwd=folder, capture_output=True, text=True, timeout=240)


def test_a_new_statement_with_one_scenario_touches_two_files(tmp_path: Path) -> None:
    """In a copy of the project, add a statement to absprung/aussagen.py and one feature file —
    nothing else. Markers, traceability, the guide page and every stated count follow."""
    copy = tmp_path / "projekt"
    ignore = shutil.ignore_patterns(".venv", "reports", "site", "generiert", "bilder", "__pycache__", ".git")
    shutil.copytree(ROOT, copy, ignore=ignore)
    statements = copy / "absprung" / "aussagen.py"
    text = statements.read_text(encoding="utf-8")
    entry = (f'    Aussage("{NEW}", "anmerkungen", "Synthetische Aussage", "Ein neuer Satz des Leitfadens.",\n'
             '            "Ein Szenario zeigt ihn."),\n)\n\nKAPITEL')
    statements.write_text(text.replace(")\n\nKAPITEL", entry, 1), encoding="utf-8")
    (copy / "features" / "synthetisch.feature").write_text(FEATURE, encoding="utf-8")

    scenario = _run(copy, "-m", "pytest", "features", "-m", NEW, "-q", "-p", "no:xdist")
    assert scenario.returncode == 0 and "1 passed" in scenario.stdout, scenario.stdout[-2000:] + scenario.stderr[-2000:]
    checks = _run(copy, "-m", "pytest", "-q", "-p", "no:xdist", "tests/features/test_traceability.py",
                  "tests/absprung/leitfaden", "tests/absprung/test_aussagen.py", "-k", "not touches_two_files",
                  "--deselect", "tests/absprung/leitfaden/test_website.py")
    assert checks.returncode == 0, checks.stdout[-3000:]
    site = _run(copy, "-m", "absprung.leitfaden")
    assert site.returncode == 0, site.stderr
    assert f"{len(AUSSAGEN) + 1} von {len(AUSSAGEN) + 1} Aussagen belegt" in site.stdout
    chapter = (copy / "docs" / "generiert" / "leitfaden" / "anmerkungen.md").read_text(encoding="utf-8")
    assert f"{{#{NEW.lower()}}}" in chapter and "Eine neue Aussage des Leitfadens ist belegt" in chapter
    trace = (copy / "docs" / "generiert" / "nachweis.md").read_text(encoding="utf-8")
    assert f"(G01 bis {NEW})" in trace
