"""Pictures survive failure: the last good screenshot of each statement, with its date.

After every build, the screenshots of passed @doku scenarios are copied to the archive
(``reports/bildarchiv/`` by default, with ``archiv.json``). When the scenario that makes a
statement's picture fails (or does not run) in a later run, the guide shows the archived picture,
marked with the date of its run and today's status – instead of "Noch kein Bildschirmfoto".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Sequence

from absprung.record.model import PASSED, Run

from .gherkin import Scenario
from .markdown import german_date
from .site import Outcome, Shot

INDEX = "archiv.json"
Shots = dict[str, list[tuple[Shot, Scenario]]]


def _lesen(archiv: Path) -> dict[str, list[dict[str, str]]]:
    try:
        data = json.loads((archiv / INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def ergaenzen(shots: Shots, scenarios: Sequence[Scenario], outcomes: dict[str, Outcome],
              archiv: Path | None) -> Shots:
    """Statements without a fresh picture get their archived ones, if their scenario still exists."""
    if archiv is None:
        return shots
    by_anchor = {sc.anchor: sc for sc in scenarios}
    result = {k: list(v) for k, v in shots.items()}
    for statement, entries in _lesen(archiv).items():
        if result.get(statement):
            continue
        for e in entries:
            sc, source = by_anchor.get(e.get("szenario", "")), archiv / e.get("datei", "")
            if sc is None or not source.is_file() or outcomes[sc.anchor].status == PASSED:
                continue
            shot = Shot(source, e.get("bild", ""), e.get("schritt", ""), e.get("schluesselwort", ""),
                        stand=e.get("stand", ""), jetzt=outcomes[sc.anchor].status)
            result.setdefault(statement, []).append((shot, sc))
    return result


def sichern(shots: Shots, run: Run | None, archiv: Path | None) -> None:
    """Keep this run's fresh pictures (never the archived ones) as the last good ones."""
    if archiv is None or run is None:
        return
    index = _lesen(archiv)
    stand = german_date(run.created)
    for statement, pairs in shots.items():
        fresh = [(shot, sc) for shot, sc in pairs if not shot.stand]
        if not fresh:
            continue
        archiv.mkdir(parents=True, exist_ok=True)
        for shot, _ in fresh:
            shutil.copy2(shot.source, archiv / shot.file)
        index[statement] = [{"datei": shot.file, "bild": shot.name, "schritt": shot.step,
                             "schluesselwort": shot.keyword, "szenario": sc.anchor, "stand": stand}
                            for shot, sc in fresh]
    if index:
        (archiv / INDEX).write_text(json.dumps(index, ensure_ascii=False, indent=1), encoding="utf-8")
