"""Remote target: the API scenarios run through a profile against a separately started `python -m fakes`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from tests.helpers import ROOT


@pytest.fixture(scope="module")
def entfernte_fakes() -> Iterator[dict]:
    prozess = subprocess.Popen([sys.executable, "-m", "fakes", "--json"], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert prozess.stdout is not None
        yield json.loads(prozess.stdout.readline())
    finally:
        prozess.terminate()
        prozess.wait(timeout=10)


def _profil(pfad: Path, fakes: dict, *, schreiben: bool, geheimnisse: str = "") -> Path:
    urls = "\n".join(f'{s} = "{w["url"]}"' for s, w in fakes.items())
    pfad.write_text(f'name = "entfernte Fakes"\nschreiben_erlaubt = {str(schreiben).lower()}\nsteuerung = true\n'
                    f"[urls]\n{urls}\n{geheimnisse}", encoding="utf-8")
    return pfad


def _laufen(profil: Path, *argumente: str, umgebung: dict | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "pytest", "features", "-p", "no:xdist", "-q", "--ziel", str(profil),
                           "-m", "not browser and not ui", *argumente], cwd=ROOT, capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(umgebung or {})})


def test_api_szenarien_laufen_gegen_entfernte_fakes(entfernte_fakes: dict, tmp_path: Path) -> None:
    ergebnis = _laufen(_profil(tmp_path / "ziel.toml", entfernte_fakes, schreiben=True))
    assert ergebnis.returncode == 0, ergebnis.stdout[-3000:]
    treffer = re.search(r"(\d+) passed", ergebnis.stdout)
    assert treffer is not None, ergebnis.stdout[-2000:]
    bestanden = int(treffer.group(1))
    assert bestanden >= 30 and "failed" not in ergebnis.stdout


def test_ohne_schreibrecht_werden_aendernde_szenarien_uebersprungen(entfernte_fakes: dict, tmp_path: Path) -> None:
    ergebnis = _laufen(_profil(tmp_path / "ziel.toml", entfernte_fakes, schreiben=False), "-rs")
    assert ergebnis.returncode == 0, ergebnis.stdout[-3000:]
    assert "erlaubt kein Schreiben (schreiben_erlaubt = false)" in ergebnis.stdout
    assert "passed" not in ergebnis.stdout.splitlines()[-1] or "skipped" in ergebnis.stdout.splitlines()[-1]


def test_fehlende_umgebungsvariable_stoppt_vor_dem_ersten_schritt(entfernte_fakes: dict, tmp_path: Path) -> None:
    profil = _profil(tmp_path / "ziel.toml", entfernte_fakes, schreiben=True,
                     geheimnisse='[geheimnisse]\nbtoken = "ABSPRUNG_TEST_BTOKEN_FEHLT"\n')
    ergebnis = _laufen(profil, umgebung={"ABSPRUNG_TEST_BTOKEN_FEHLT": ""})
    assert ergebnis.returncode == 4
    assert "Die Umgebungsvariable ABSPRUNG_TEST_BTOKEN_FEHLT für „btoken“ ist nicht gesetzt" in ergebnis.stderr
