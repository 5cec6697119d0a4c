"""The diagnosis as installed: only the packages, no repository next to them (no features/, no docs/).

It finds the cause of an exercise with the declared code, Ursache, Behebung and link – everything comes
from the package – and no module of the repository is imported.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from absprung.ursachen import URSACHE
from tests.helpers import ROOT

LAUF = """\
import runpy, sys
sys.argv = ["python -m absprung", *sys.argv[1:]]
try:
    runpy.run_module("absprung", run_name="__main__")
finally:
    datei = [str(getattr(m, "__file__", "") or "") for m in list(sys.modules.values())]
    fremd = sorted({d for d in datei if d.startswith(%r) and not d.startswith(%r)})
    print("AUS DEM REPOSITORY:", fremd, file=sys.stderr)
"""


def test_die_diagnose_arbeitet_aus_dem_installierten_paket(tmp_path: Path) -> None:
    installiert, leer = tmp_path / "site-packages", tmp_path / "anderswo"
    leer.mkdir()
    for paket in ("absprung", "basis", "fakes"):  # what the wheel holds besides steps/
        shutil.copytree(ROOT / paket, installiert / paket, ignore=shutil.ignore_patterns("__pycache__"))
    (leer / "lauf.py").write_text(LAUF % (str(ROOT), str(Path(sys.prefix))), encoding="utf-8")  # not the venv
    env = {**os.environ, "PYTHONPATH": str(installiert), "ABSPRUNG_SCHULUNG_PROFIL": str(tmp_path / "s.toml")}
    fakes = subprocess.Popen([sys.executable, "-m", "fakes", "--uebung", "maklerextranet"], cwd=leer,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    try:
        assert fakes.stdout is not None
        while not fakes.stdout.readline().startswith("Diagnose: python -m absprung diagnose"):
            assert fakes.poll() is None, fakes.stderr.read() if fakes.stderr else ""
        d = subprocess.run([sys.executable, "lauf.py", "diagnose", "--json"], cwd=leer, env=env, capture_output=True,
                           text=True, timeout=60)
    finally:
        fakes.terminate()
        fakes.wait(timeout=10)
    assert d.returncode == 1, d.stderr
    u = URSACHE["maklerextranet"]
    ursache = json.loads(d.stdout)["ursache"]
    assert (ursache["code"], ursache["behebung"], ursache["fehlerbild"]) == (
        u.code, u.behebung, f"generiert/fehlerbilder.html#{u.anker}")
    assert "AUS DEM REPOSITORY: []" in d.stderr, d.stderr
