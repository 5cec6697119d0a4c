"""A split run: ``--teil k/N`` runs part k of N, by pytest-split and the committed durations.

pytest-split (``--splits N --group k``) does the split: by the durations in ``features/laufzeiten.json``
(refreshed by ``make laufzeiten``), every scenario lands in exactly one part and the parts take about
as long. ``--teil`` sets its options, records the part in the run record (``teil`` on the run and
each scenario, the whole suite in ``alle_szenarien``) and so lets ``python -m absprung
zusammenfuehren`` check that the parts it merges make the whole suite.

A part run without its split settings fails loudly rather than running everything: a CI job that
GitLab started as one of several (``parallel:``, ``CI_NODE_TOTAL`` > 1) and that has no ``--teil``
(nor ``ABSPRUNG_TEIL``) stops with exit code 4 before any scenario, as does a malformed ``--teil``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from .plugin import PART

LAUFZEITEN = Path("features") / "laufzeiten.json"
ENV = "ABSPRUNG_TEIL"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("absprung")
    group.addoption("--teil", default=os.environ.get(ENV) or None, metavar="K/N",
                    help="nur Teil K von N der Szenarien ausführen (nach features/laufzeiten.json; "
                         f"auch {ENV}); zusammenführen mit python -m absprung zusammenfuehren")


def teil(text: str) -> tuple[int, int]:
    """"k/N" -> (k, N); raises ValueError with a German message."""
    m = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", text)
    if m is None:
        raise ValueError(f"--teil „{text}“ ist keine Angabe der Form K/N (z. B. 1/2).")
    k, n = int(m[1]), int(m[2])
    if not 1 <= k <= n:
        raise ValueError(f"--teil {k}/{n}: K muss zwischen 1 und {n} liegen.")
    return k, n


@pytest.hookimpl(tryfirst=True)  # before pytest-split's configure reads its options
def pytest_configure(config: pytest.Config) -> None:
    angabe = config.getoption("--teil", None)
    gesamt = os.environ.get("CI_NODE_TOTAL", "")
    if angabe is None:
        if gesamt.isdigit() and int(gesamt) > 1 and not config.getoption("splits", None):
            raise pytest.UsageError(
                f"Dieser CI-Job ist Teil {os.environ.get('CI_NODE_INDEX', '?')} von {gesamt} (CI_NODE_INDEX/"
                "CI_NODE_TOTAL), aber --teil fehlt – er würde alle Szenarien ausführen. Aufruf: pytest features "
                f'--teil "$CI_NODE_INDEX/$CI_NODE_TOTAL" (oder {ENV} setzen).')
        return
    try:
        k, n = teil(str(angabe))
    except ValueError as f:
        raise pytest.UsageError(str(f)) from None
    if not config.pluginmanager.hasplugin("pytest-split"):
        raise pytest.UsageError("--teil braucht das Paket pytest-split (pip install -e \".[test]\" oder make).")
    laufzeiten = Path(str(config.rootpath)) / LAUFZEITEN
    config.option.splits, config.option.group = n, k
    config.option.durations_path = str(laufzeiten)
    if not any(str(a).startswith("--splitting-algorithm") for a in config.invocation_params.args):
        config.option.splitting_algorithm = "least_duration"  # parts of equal time, not chunks in file order
    config.stash[PART] = f"{k}/{n}"


def pytest_report_header(config: pytest.Config) -> list[str]:
    part = config.stash.get(PART, None)
    if part is None:
        return []
    laufzeiten = Path(str(config.rootpath)) / LAUFZEITEN
    hinweis = "" if laufzeiten.is_file() else f" – {LAUFZEITEN} fehlt, die Teile sind nur gleich viele Szenarien"
    return [f"Teil {part} der Szenarien (aufgeteilt nach {LAUFZEITEN}){hinweis}"]
