"""The second net: a failing test whose message carries a secret or a one-time URL in plain text
shows neither on the terminal nor in the run record."""

from __future__ import annotations

import json
from pathlib import Path

from tests.helpers import run_scenarios

FEATURE = """# language: de
Funktionalität: Maske
  Szenario: Ein Schritt nennt ein Geheimnis im Klartext
    Angenommen ein Schritt, der ein Geheimnis im Klartext meldet
"""
STEPS = '''
from pytest_bdd import given
from basis.secret import Secret


@given("ein Schritt, der ein Geheimnis im Klartext meldet")
def _():
    token = Secret("klartext-geheimnis-4711-xyz")
    print("ausgegeben:", token.reveal())
    raise AssertionError(f"Antwort enthielt {token.reveal()} und http://x/switch/AbCdEfGh1234")
'''


def test_a_plain_secret_in_a_failure_is_masked_everywhere(tmp_path: Path) -> None:
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "schritte_maske.py").write_text(STEPS, encoding="utf-8")
    run = tmp_path / "lauf.json"
    result = run_scenarios(folder, {"maske.feature": FEATURE}, "-p", "schritte_maske", f"--lauf-json={run}",
                           "-rA", environment={"PYTHONPATH": str(folder)})
    assert result.returncode == 1, result.stdout[-2000:]
    everything = result.stdout + result.stderr + run.read_text(encoding="utf-8")
    assert "klartext-geheimnis-4711-xyz" not in everything and "AbCdEfGh1234" not in everything
    assert "Antwort enthielt •••" in result.stdout and "/switch/•••" in result.stdout
    assert json.loads(run.read_text(encoding="utf-8"))["szenarien"][0]["meldung"].startswith("AssertionError: Antwort")
