"""A split run: ``--teil k/N`` runs part k of N, split by pytest-split's algorithm and the committed durations.

pytest-split's ``least_duration`` algorithm (used as a library) splits by the durations in
``features/laufzeiten.json`` (refreshed by ``make laufzeiten``): every scenario lands in exactly one
part and the parts take about as long. The split happens here, last in collection – after ``-k``,
``-m`` and ``--deselect`` chose the suite, in every process (under xdist each worker splits the same
way) – so the part knows the whole suite it is a part of. The part is recorded in the run record
(``teil`` on the run and each scenario, the whole suite's keys in ``alle_szenarien``) and lets
``python -m absprung zusammenfuehren`` check that the parts it merges make that suite.

A part run without its split settings fails loudly rather than running everything: a CI job that
GitLab started as one of several (``parallel:``, ``CI_NODE_TOTAL`` > 1) and that has no ``--teil``
(nor ``ABSPRUNG_TEIL``) stops with exit code 4 before any scenario, as does a malformed ``--teil``.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from .plugin import PART, RECORD, WHOLE_SUITE

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
        raise ValueError(f"„{text}“ ist keine Angabe eines Teils der Form K/N (z. B. 1/2).")
    k, n = int(m[1]), int(m[2])
    if n < 1:
        raise ValueError(f"Teil {k}/{n}: N (die Zahl der Teile) muss mindestens 1 sein.")
    if not 1 <= k <= n:
        raise ValueError(f"Teil {k}/{n}: K muss zwischen 1 und {n} liegen.")
    return k, n


@pytest.hookimpl(tryfirst=True)
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
        raise pytest.UsageError(f"--teil: {f}") from None
    if config.getoption("splits", None):
        raise pytest.UsageError("--teil teilt selbst; dazu nicht auch pytest-splits --splits/--group angeben.")
    try:
        import pytest_split.algorithms  # noqa: F401 - the split's algorithm
    except ImportError:
        raise pytest.UsageError("--teil braucht das Paket pytest-split (pip install -e \".[test]\" oder make).") \
            from None
    config.stash[PART] = f"{k}/{n}"


def _laufzeiten(config: pytest.Config) -> dict[str, float]:
    try:
        daten = json.loads((Path(str(config.rootpath)) / LAUFZEITEN).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): float(v) for k, v in daten.items() if isinstance(v, (int, float))} if isinstance(daten, dict) \
        else {}


@pytest.hookimpl(trylast=True)  # after -k, -m and --deselect chose the suite
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    part = config.stash.get(PART, None)
    if part is None:
        return
    from pytest_split.algorithms import Algorithms

    k, n = teil(part)
    config.stash[WHOLE_SUITE] = [record.key for item in items if (record := item.stash.get(RECORD, None))]
    gruppe = Algorithms["least_duration"].value(n, items, _laufzeiten(config))[k - 1]
    items[:] = gruppe.selected
    config.hook.pytest_deselected(items=gruppe.deselected)


def pytest_report_header(config: pytest.Config) -> list[str]:
    part = config.stash.get(PART, None)
    if part is None:
        return []
    laufzeiten = Path(str(config.rootpath)) / LAUFZEITEN
    hinweis = "" if laufzeiten.is_file() else f" – {LAUFZEITEN} fehlt, die Teile sind nur gleich viele Szenarien"
    return [f"Teil {part} der Szenarien (aufgeteilt nach {LAUFZEITEN}){hinweis}"]
