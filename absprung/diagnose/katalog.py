"""The Fehlerbilder of the features, by the finding they name in their ``Prüfung:`` line.

The diagnosis takes a cause's Ursache, Behebung and identifying code from here, so they are
written once, in the scenario that proves them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ..leitfaden import pfade
from ..leitfaden.fehlerbilder import Fehlerbild, fehlerbild as lesen
from ..leitfaden.gherkin import parse_features

ROOT = Path(__file__).resolve().parents[2]
FEATURES = ROOT / "features"


@lru_cache(maxsize=4)
def fehlerbilder(features: Path = FEATURES) -> tuple[Fehlerbild, ...]:
    warnungen: list[str] = []
    return tuple(lesen(sc) for f in parse_features(features, ROOT, warnungen) for sc in f.scenarios
                 if "fehlerbild" in sc.tags)


def zu(befund_id: str, features: Path = FEATURES) -> list[Fehlerbild]:
    return [f for f in fehlerbilder(features) if f.pruefung == befund_id]


DIAGNOSE_SCHRITT = "findet die Diagnose diese Ursache"


def fehlerbild(befund_id: str, features: Path = FEATURES) -> Fehlerbild | None:
    """The Fehlerbild that stands for this cause: first one whose scenario state is the cause
    (it ends with the diagnosis step), rather than one where setting it up was refused."""
    passend = zu(befund_id, features)
    im_zustand = [f for f in passend if any(s.text == DIAGNOSE_SCHRITT for s in f.szenario.steps)]
    return next(iter(im_zustand or passend), None)


def link(f: Fehlerbild) -> str:
    """Site path of the Fehlerbild, relative to the site root (site/)."""
    return f"{pfade.FEHLERBILDER.removesuffix('.md')}.html#{f.szenario.anchor}"
