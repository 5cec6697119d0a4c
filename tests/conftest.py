"""The tests keep what tools store between processes (training profiles, landscape journals, the trainer
password file) in a folder of their own, never in the user's ``~/.local/state``: a test that kills
``python -m fakes`` on purpose would leave its profile there."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

_ORDNER: list[str] = []


def pytest_configure(config: pytest.Config) -> None:
    ordner = tempfile.mkdtemp(prefix="absprung-tests-zustand-")
    _ORDNER.append(ordner)
    os.environ["XDG_STATE_HOME"] = ordner  # subprocesses inherit it


def pytest_unconfigure(config: pytest.Config) -> None:
    for ordner in _ORDNER:
        shutil.rmtree(ordner, ignore_errors=True)
