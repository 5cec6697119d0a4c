"""Feature files: UTF-8 without BOM, NFC (decomposed umlauts break step matching), no undefined step."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from tests.helpers import ROOT, run_scenarios

FEATURES = sorted((ROOT / "features").glob("*.feature"))


def test_es_gibt_feature_dateien() -> None:
    assert len(FEATURES) >= 7


@pytest.mark.parametrize("datei", FEATURES, ids=lambda p: p.name)
def test_kodierung(datei: Path) -> None:
    roh = datei.read_bytes()
    assert not roh.startswith(b"\xef\xbb\xbf"), f"{datei.name} beginnt mit einem BOM"
    text = roh.decode("utf-8")  # raises on anything but UTF-8
    assert unicodedata.normalize("NFC", text) == text, f"{datei.name} ist nicht NFC (zerlegte Umlaute)"
    assert text.startswith("# language: de\n"), f"{datei.name} beginnt nicht mit „# language: de“"


def test_kein_schritt_ist_undefiniert() -> None:
    ergebnis = subprocess.run([sys.executable, "-m", "pytest", "--generate-missing", "--feature", "features",
                               "-p", "no:xdist", "-q"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    ausgabe = ergebnis.stdout + ergebnis.stderr
    assert "is not defined" not in ausgabe and "is not bound" not in ausgabe, ausgabe


def test_trockenlauf_findet_einen_tippfehler(tmp_path: Path) -> None:
    """The check above can fail: a one-letter typo in a step is reported."""
    feature = ("# language: de\nFunktionalität: Tippfehler\n  Szenario: Einrichtung\n"
               "    Angenommen alles ist nach dem Leitfaden eingerichet\n")
    ergebnis = run_scenarios(tmp_path, {"tippfehler.feature": feature}, "--generate-missing",
                                "--feature", str(tmp_path))
    assert 'Step Given "alles ist nach dem Leitfaden eingerichet" is not defined' in ergebnis.stdout, ergebnis.stdout
