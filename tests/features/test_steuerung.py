"""Fakes started elsewhere with their control API (``steuerung = true``) and ``-n 2``: each scenario resets
them; the workers take turns instead of resetting each other's systems mid-scenario."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.features.remote import API_ONLY, SYSTEMS, count, fakes_process, write_profile
from tests.helpers import ROOT


def test_zwei_worker_setzen_entfernte_fakes_nicht_gegenseitig_zurueck(tmp_path: Path) -> None:
    with fakes_process() as remote:
        profile = write_profile(tmp_path / "geteilt.toml", {s: remote[s]["url"] for s in SYSTEMS}, writes=True,
                                control=True)
        lauf = subprocess.run([sys.executable, "-m", "pytest", "features", "-n", "2", "-q",
                               "--ziel", str(profile), "-m", API_ONLY], cwd=ROOT, capture_output=True, text=True,
                              timeout=300)
    assert lauf.returncode == 0 and count("failed", lauf.stdout) == 0, lauf.stdout[-3000:]
    assert count("passed", lauf.stdout) >= 50
    assert "liefen deshalb nacheinander" in lauf.stdout
