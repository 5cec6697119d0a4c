"""make takes -n 2 only where it measured faster: this machine's measurement first, else the reference
machine's figures, which are the README's."""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

from tests.helpers import ROOT


def _parallel() -> ModuleType:
    spec = importlib.util.spec_from_file_location("parallel", ROOT / "scripts" / "parallel.py")
    assert spec is not None and spec.loader is not None
    modul = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modul)
    return modul


P = _parallel()


def test_die_messung_dieses_rechners_entscheidet() -> None:
    messung = {"rechner": "hier", "cpu_kerne": 2, "beschleunigung_n2": 1.30, "beschleunigung_tests_n2": 0.90}
    optionen, grund = P.entscheiden("szenarien", messung, 2, "hier")
    assert optionen == "-n 2" and "1,30× schneller" in grund and "auf diesem Rechner gemessen" in grund
    optionen, grund = P.entscheiden("tests", messung, 2, "hier")
    assert optionen == P.SERIELL and "0,90×" in grund


def test_knapp_unter_der_schwelle_bleibt_seriell() -> None:
    messung = {"rechner": "hier", "cpu_kerne": 2, "beschleunigung_n2": 1.04}
    assert P.entscheiden("szenarien", messung, 2, "hier")[0] == P.SERIELL


def test_eine_fremde_messung_gilt_nicht() -> None:
    """A benchmark.json copied from another machine or taken with other cores is not this machine's."""
    for rechner, kerne in (("anderer", 2), ("hier", 8)):
        messung = {"rechner": rechner, "cpu_kerne": 2, "beschleunigung_n2": 3.0, "beschleunigung_tests_n2": 0.5}
        optionen, grund = P.entscheiden("szenarien", messung, kerne, "hier")
        assert optionen == P.SERIELL and "Referenzrechner" in grund
        assert P.entscheiden("tests", messung, kerne, "hier")[0] == "-n 2"


def test_ein_kern_immer_seriell() -> None:
    assert P.entscheiden("tests", None, 1, "hier") == (P.SERIELL, "seriell: dieser Rechner hat 1 Kern")


def test_die_referenz_ist_die_tabelle_des_readme() -> None:
    """The factors make falls back on are the ones the README's speed table reports."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tests = re.search(r"alle Tests .*? – \*\*Faktor (\d+,\d+)\*\*", readme)
    szenarien = re.search(r"alle \d+ Szenarien seriell / mit `-n 2`.*? – Faktor (\d+,\d+)", readme)
    assert tests and szenarien
    assert f"{P.REFERENZ['tests']:.2f}".replace(".", ",") == tests.group(1)
    assert f"{P.REFERENZ['szenarien']:.2f}".replace(".", ",") == szenarien.group(1)
