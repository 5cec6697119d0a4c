"""Runs the acceptance suite in a separate pytest process on scenarios written by a test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable

import pytest

from fakes.common.errors import FachFehler

WURZEL = Path(__file__).resolve().parent.parent


def szenarien_laufen(ordner: Path, features: dict[str, str], *argumente: str,
                     umgebung: dict[str, str] | None = None, timeout: int = 180) -> subprocess.CompletedProcess[str]:
    """Write ``features`` (file name -> Gherkin) into ``ordner`` and run them with our steps."""
    ordner.mkdir(parents=True, exist_ok=True)
    for name, text in features.items():
        (ordner / name).write_text(text, encoding="utf-8")
    (ordner / "test_tmp_szenarien.py").write_text(
        f"from pytest_bdd import scenarios\nscenarios({str(ordner)!r})\n", encoding="utf-8")
    (ordner / "pytest.ini").write_text("[pytest]\naddopts = --strict-markers -p no:cacheprovider -p no:schemathesis\n",
                                       encoding="utf-8")
    # As in the project's root conftest: conftest fixtures (Chromium launch args) beat plugin ones.
    (ordner / "conftest.py").write_text('pytest_plugins = ["steps.alle"]\n', encoding="utf-8")
    befehl = [sys.executable, "-m", "pytest", "-c", str(ordner / "pytest.ini"), "--rootdir", str(ordner),
              str(ordner), *argumente]
    return subprocess.run(befehl, cwd=WURZEL, capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(umgebung or {})})


def abgelehnt(code: str, funktion: Callable[..., Any], *args: Any, **kw: Any) -> FachFehler:
    """Call, expect the rule ``code``; the German message must be complete and readable."""
    with pytest.raises(FachFehler) as info:
        funktion(*args, **kw)
    f = info.value
    assert f.code == code, f"erwartet {code}, bekommen {f.code}: {f.meldung}"
    assert len(f.meldung) > 15 and "{" not in f.meldung and f.meldung.endswith((".", ")", "?")), f.meldung
    return f
