"""Allure results (the Allure 2 JSON that Allure 2 and Allure 3 read) from the run record.

Written from ``lauf.json`` rather than by ``allure-pytest-bdd``: that plugin writes from each test
process, so under ``pytest -n 2`` and for a merged split run it would know neither the scenarios a
dead worker never reported nor those of the other parts, and it would record pytest-bdd's view of a
step (an undefined step passes). The record is already complete and true in both cases.

One ``<uuid>-result.json`` per scenario: German name (an example's own ``titel``), status, the
German reason, every step with its status and its screenshots as attachments, the example values
as parameters, labels – feature, the guide statements (``leitfaden`` and ``story``: "G05 – …"),
the scenario's tags, the part of a split run (``thread``), the machine (``host``) – and a
``historyId`` stable across runs, so Allure's own history and retries work. Beside them
``environment.properties`` (where the results came from) and ``categories.json`` (German
categories for the failures). The folder is the run's: results of an earlier run in it are removed.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import uuid
from datetime import datetime
from pathlib import Path
from typing import Any

from absprung.aussagen import AUSSAGE

from .. import herkunft
from ..model import FAILED, NOT_RUN, PASSED, SKIPPED, UNDEFINED, Run, ScenarioRecord, StepRecord

# lauf.json status -> Allure status; a crashed scenario and an undefined step are "broken" (not a
# finding about the guide), every other failure "failed".
STATUS = {PASSED: "passed", FAILED: "failed", SKIPPED: "skipped", NOT_RUN: "unknown", UNDEFINED: "broken"}
EIGENE = ("*-result.json", "*-container.json", "*-attachment.*", "environment.properties", "categories.json")
KATEGORIEN = [
    {"name": "Leitfaden nicht bestätigt", "matchedStatuses": ["failed"]},
    {"name": "Schritt nicht definiert", "matchedStatuses": ["broken"], "messageRegex": ".*nicht definiert.*"},
    {"name": "Abgestürzt oder abgebrochen", "matchedStatuses": ["broken", "unknown"]},
    {"name": "Übersprungen", "matchedStatuses": ["skipped"]},
]


def _hash(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def _ms(sekunden: float) -> int:
    return round(sekunden * 1000)


def _status(r: ScenarioRecord) -> str:
    if r.crashed or any(s.status == UNDEFINED for s in r.steps):
        return "broken"
    return STATUS.get(r.status, "unknown")


def _labels(r: ScenarioRecord, run: Run) -> list[dict[str, str]]:
    labels = [("feature", r.feature), ("suite", r.feature), ("parentSuite", run.target),
              ("framework", "pytest-bdd"), ("language", "python")]
    for tag in r.tags:
        aussage = AUSSAGE.get(tag)
        if aussage is not None:
            labels += [("leitfaden", tag), ("story", f"{tag} – {aussage.titel}")]
        labels.append(("tag", tag))
    if r.part:
        labels.append(("thread", f"Teil {r.part}"))
    if run.herkunft.rechner:
        labels.append(("host", run.herkunft.rechner))
    return [{"name": name, "value": value} for name, value in labels]


def _step(s: StepRecord, start: float, reason: str | None, ordner: Path, bilder_basis: Path) -> dict[str, Any]:
    anhaenge = []
    for bild in s.pictures:
        quelle = bilder_basis / bild.path
        if quelle.is_file():
            ziel = f"{uuid.uuid4()}-attachment.png"
            shutil.copyfile(quelle, ordner / ziel)
            anhaenge.append({"name": bild.name or quelle.stem, "source": ziel, "type": "image/png"})
    status = STATUS.get(s.status, "unknown")
    step: dict[str, Any] = {"name": f"{s.keyword} {s.text}", "status": "skipped" if s.status == NOT_RUN else status,
                            "stage": "finished", "start": _ms(start), "stop": _ms(start + s.duration_s),
                            "attachments": anhaenge, "steps": [], "parameters": []}
    if s.status == FAILED and reason:
        step["statusDetails"] = {"message": reason}
    elif s.status == UNDEFINED:
        step["statusDetails"] = {"message": s.error or "Schritt nicht definiert"}
    return step


def ergebnis(r: ScenarioRecord, run: Run, ordner: Path, bilder_basis: Path, ersatzbeginn: float) -> dict[str, Any]:
    """The Allure result of one scenario (pictures are copied into ``ordner``)."""
    beginn = r.started or ersatzbeginn
    schritte, jetzt = [], beginn
    for s in r.steps:
        schritte.append(_step(s, jetzt, r.message, ordner, bilder_basis))
        jetzt += s.duration_s
    result: dict[str, Any] = {
        "uuid": str(uuid.uuid4()), "historyId": _hash(r.key), "testCaseId": _hash(f"{r.file}::{r.scenario}"),
        "fullName": f"{r.file}:{r.line} › {r.titel}", "name": r.titel, "status": _status(r), "stage": "finished",
        "description": f"{r.feature} › {r.titel}", "start": _ms(beginn), "stop": _ms(beginn + r.duration_s),
        "labels": _labels(r, run), "parameters": [{"name": k, "value": v} for k, v in r.example.items()],
        "steps": schritte, "attachments": [], "links": []}
    if r.message:
        result["statusDetails"] = {"message": r.message}
    return result


def schreiben(run: Run, bilder_basis: Path, ordner: Path) -> int:
    """Writes the results of ``run`` into ``ordner``; returns how many scenarios were written."""
    ordner.mkdir(parents=True, exist_ok=True)
    for muster in EIGENE:
        for alt in ordner.glob(muster):
            alt.unlink()
    beginn = datetime.strptime(run.created, "%Y-%m-%d %H:%M:%S").timestamp() if run.created else 0.0
    n = 0
    for r in run.scenarios:
        daten = ergebnis(r, run, ordner, bilder_basis, beginn)
        (ordner / f"{daten['uuid']}-result.json").write_text(json.dumps(daten, ensure_ascii=False), encoding="utf-8")
        n += 1
    # Java properties (ISO-8859-1, \\uXXXX escapes); Allure shows the German labels.
    zeilen = [f"{_properties(label, schluessel=True)}={_properties(wert)}"
              for _, label, wert in herkunft.eintraege(run)]
    (ordner / "environment.properties").write_text("\n".join(zeilen) + "\n", encoding="latin-1")
    (ordner / "categories.json").write_text(json.dumps(KATEGORIEN, ensure_ascii=False, indent=1), encoding="utf-8")
    return n


def _properties(text: str, *, schluessel: bool = False) -> str:
    besonders = " :=#!" if schluessel else ""  # would end or comment out a key
    return "".join(f"\\{c}" if c in besonders else c if 32 <= ord(c) < 127 and c != "\\" else f"\\u{ord(c):04x}"
                   for c in text)
