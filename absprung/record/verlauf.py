"""The history of runs (``reports/verlauf.jsonl``): one line per run, bounded, read by make and the site.

Each run (``--verlauf PFAD``, or the merge of a split run) appends one line: when, against which
target, on which commit, from which parts, and per scenario (its ``key``: file and name, stable across
machines) and per guide statement the status – with the German reason where it did not pass. The
file keeps the last ``JE_ZIEL`` runs per target and the ``ZIELE`` targets run most recently; a line it
cannot read is left out with a warning, never a crash. Appending takes a lock and replaces the file
in one step, so two runs side by side lose nothing. Reasons pass ``basis.secret.mask`` once more: the
history holds no secret.

From the history for one target, per scenario or statement (``verlauf_von``):

* **neu** – its first result against this target;
* **wieder fehlgeschlagen** – failed, after it had passed the time before;
* **behoben** – passed, after it had failed the time before;
* **wechselhaft** – passed and failed on the same commit against the same target (flaky); said
  besides the others. Runs on a checkout with changes not committed, or on an unknown commit, do
  not count here: their code may differ although their commit does not.

Skipped and not-run results are no evidence either way: "the time before" is the last run that
executed it, and a statement (or an outline's examples) passed where the scenarios that ran passed.
The same parts merged again replace their earlier line (a part run again gives a new result).
"""

from __future__ import annotations

import fcntl
import json
import os
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from absprung.aussagen import AUSSAGE
from basis.secret import mask

from .model import FAILED, NOT_RUN, PASSED, SKIPPED, Run

JE_ZIEL = 100  # runs kept per target
ZIELE = 20  # targets kept (those run most recently)
GRUND_ZEICHEN = 300
NEU, WIEDER, BEHOBEN, WECHSELHAFT = "neu", "wieder fehlgeschlagen", "behoben", "wechselhaft"
REIHENFOLGE = (WIEDER, WECHSELHAFT, BEHOBEN, NEU)  # how reports list them: regressions first
GEPRUEFT = (PASSED, FAILED)  # what counts as evidence


@dataclass
class Ergebnis:
    status: str
    grund: str | None = None


@dataclass
class Eintrag:
    """One run in the history."""

    zeit: str  # "YYYY-MM-DD HH:MM:SS"
    ziel: str
    commit: str
    teile: list[str] = field(default_factory=list)
    szenarien: dict[str, Ergebnis] = field(default_factory=dict)  # ScenarioRecord.key -> result
    aussagen: dict[str, str] = field(default_factory=dict)  # guide statement -> status
    geaendert: bool = False  # the checkout had changes not committed

    @property
    def eindeutiger_commit(self) -> bool:
        """Its commit says which code ran (for "wechselhaft")."""
        return not self.geaendert and self.commit not in ("", "unbekannt")

    def to_json(self) -> dict[str, Any]:
        return {"zeit": self.zeit, "ziel": self.ziel, "commit": self.commit, "geaendert": self.geaendert,
                "teile": self.teile,
                "szenarien": {k: [e.status, e.grund] if e.grund else [e.status] for k, e in self.szenarien.items()},
                "aussagen": self.aussagen}

    @classmethod
    def from_json(cls, data: Any) -> Eintrag:
        if not isinstance(data, dict) or not isinstance(data.get("szenarien"), dict):
            raise ValueError("kein Lauf")
        return cls(str(data["zeit"]), str(data["ziel"]), str(data["commit"]), [str(t) for t in data.get("teile") or []],
                   {str(k): Ergebnis(str(v[0]), str(v[1]) if len(v) > 1 and v[1] else None)
                    for k, v in data["szenarien"].items()},
                   {str(k): str(v) for k, v in (data.get("aussagen") or {}).items()}, data.get("geaendert") is True)


def belegt(statuses: Iterable[str]) -> str:
    """What several results (a statement's scenarios, an outline's examples) show in the history: failed
    if one failed, passed if one passed and none failed – skipped ones are no evidence either way."""
    s = set(statuses)
    if FAILED in s:
        return FAILED
    if PASSED in s:
        return PASSED
    return SKIPPED if SKIPPED in s else NOT_RUN


def eintrag(run: Run) -> Eintrag:
    szenarien = {r.key: Ergebnis(r.status, mask(r.message)[:GRUND_ZEICHEN] if r.message and r.status != PASSED
                                 else None) for r in run.scenarios}
    je_aussage: dict[str, list[str]] = defaultdict(list)
    for r in run.scenarios:
        for tag in r.tags:
            if tag in AUSSAGE:
                je_aussage[tag].append(r.status)
    teile = run.herkunft.teile or ([run.herkunft.teil] if run.herkunft.teil else [])
    return Eintrag(run.created, run.target, run.commit, teile, szenarien,
                   {a: belegt(s) for a, s in sorted(je_aussage.items())}, run.herkunft.geaendert)


def lesen(pfad: Path, warnungen: list[str] | None = None) -> list[Eintrag]:
    """Every run in the file, oldest first; a missing file is an empty history, a line that cannot be
    read (bytes, JSON, shape) is left out with a warning. Raises OSError where the file is there but
    cannot be read at all."""
    try:
        daten = pfad.read_bytes()
    except FileNotFoundError:
        return []
    laeufe = []
    for nummer, zeile in enumerate(daten.splitlines(), 1):
        if not zeile.strip():
            continue
        try:
            laeufe.append(Eintrag.from_json(json.loads(zeile.decode("utf-8"))))
        except (ValueError, KeyError, TypeError, IndexError) as f:  # UnicodeDecodeError is a ValueError
            if warnungen is not None:
                warnungen.append(f"Verlauf {pfad}, Zeile {nummer}: unlesbar ({f.__class__.__name__}) – ausgelassen.")
    return laeufe


def lesbar(pfad: Path, warnungen: list[str]) -> list[Eintrag]:
    """``lesen`` for those who only show the history: a file that cannot be read is a warning."""
    try:
        return lesen(pfad, warnungen)
    except OSError as f:
        warnungen.append(f"Verlauf {pfad} ist nicht lesbar ({f.strerror or f.__class__.__name__}).")
        return []


def begrenzen(laeufe: list[Eintrag]) -> list[Eintrag]:
    """The last JE_ZIEL runs of each of the ZIELE targets run most recently, oldest first."""
    zuletzt: dict[str, str] = {}
    for lauf in laeufe:
        zuletzt[lauf.ziel] = max(zuletzt.get(lauf.ziel, ""), lauf.zeit)
    behalten = set(sorted(zuletzt, key=lambda z: zuletzt[z], reverse=True)[:ZIELE])
    je_ziel: dict[str, list[Eintrag]] = defaultdict(list)
    for lauf in laeufe:
        if lauf.ziel in behalten:
            je_ziel[lauf.ziel].append(lauf)
    return sorted((lauf for liste in je_ziel.values() for lauf in liste[-JE_ZIEL:]), key=lambda lauf: lauf.zeit)


def anhaengen(pfad: Path, run: Run, warnungen: list[str] | None = None) -> list[Eintrag]:
    """Appends ``run``; returns the history with it (oldest first). Raises OSError where the file cannot
    be read or written – it is then left as it was."""
    pfad.parent.mkdir(parents=True, exist_ok=True)
    with open(pfad.with_name(pfad.name + ".lock"), "w") as sperre:
        fcntl.flock(sperre, fcntl.LOCK_EX)
        neu = eintrag(run)
        bisher = lesen(pfad, warnungen)
        if neu.teile:  # the same parts merged again: the newer merge replaces the line
            bisher = [e for e in bisher if (e.zeit, e.ziel, e.commit, e.teile) != (neu.zeit, neu.ziel, neu.commit,
                                                                                    neu.teile)]
        laeufe = begrenzen([*bisher, neu])
        fd, tmp = tempfile.mkstemp(dir=pfad.parent, prefix=".verlauf-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as datei:
            for lauf in laeufe:
                datei.write(json.dumps(lauf.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
        os.chmod(tmp, 0o644)  # mkstemp's 0600 would keep a shared or cached history from others
        os.replace(tmp, pfad)
    return laeufe


@dataclass
class Verlauf:
    """The history of one scenario or statement against one target, newest last."""

    ziel: str
    ergebnisse: list[tuple[Eintrag, str]]  # (run, status)

    @property
    def letzter(self) -> tuple[Eintrag, str] | None:
        return self.ergebnisse[-1] if self.ergebnisse else None

    @property
    def uebergang(self) -> str | None:
        """neu, wieder fehlgeschlagen or behoben for the latest run; None if nothing changed."""
        if not self.ergebnisse or self.ergebnisse[-1][1] not in GEPRUEFT:
            return None
        jetzt = self.ergebnisse[-1][1]
        vorher = [s for _, s in self.ergebnisse[:-1] if s in GEPRUEFT]
        if not vorher:
            return NEU
        if jetzt == FAILED and vorher[-1] == PASSED:
            return WIEDER
        if jetzt == PASSED and vorher[-1] == FAILED:
            return BEHOBEN
        return None

    @property
    def wechselhaft(self) -> bool:
        """Both outcomes on the latest run's commit (only runs whose commit says which code ran)."""
        if not self.ergebnisse or not self.ergebnisse[-1][0].eindeutiger_commit:
            return False
        commit = self.ergebnisse[-1][0].commit
        return {s for lauf, s in self.ergebnisse if lauf.commit == commit and lauf.eindeutiger_commit} \
            >= set(GEPRUEFT)

    @property
    def zuletzt_bestanden(self) -> str | None:
        return next((lauf.zeit for lauf, s in reversed(self.ergebnisse) if s == PASSED), None)

    @property
    def fehlgeschlagen_seit(self) -> str | None:
        """When the current run of failures began (None if the latest result is not a failure)."""
        seit = None
        for lauf, s in reversed(self.ergebnisse):
            if s == FAILED:
                seit = lauf.zeit
            elif s == PASSED:
                break
        return seit if self.ergebnisse and self.ergebnisse[-1][1] == FAILED else None

    def hinweise(self) -> list[str]:
        """The German labels of this history: its transition and "wechselhaft"."""
        return [h for h in (self.uebergang, WECHSELHAFT if self.wechselhaft else None) if h]


def ziele(laeufe: list[Eintrag]) -> list[str]:
    """The targets of the history, the one run most recently first."""
    zuletzt: dict[str, str] = {}
    for lauf in laeufe:
        zuletzt[lauf.ziel] = max(zuletzt.get(lauf.ziel, ""), lauf.zeit)
    return sorted(zuletzt, key=lambda z: zuletzt[z], reverse=True)


def verlauf_von(laeufe: list[Eintrag], ziel: str, *, szenario: Callable[[str], bool] | None = None,
                aussage: str | None = None) -> Verlauf:
    """The results against ``ziel`` of one statement, or of the scenarios whose key ``szenario`` accepts
    (the examples of a Szenariogrundriss are combined as a statement's scenarios are)."""
    ergebnisse = []
    for lauf in laeufe:
        if lauf.ziel != ziel:
            continue
        if aussage is not None:
            status = lauf.aussagen.get(aussage)
        else:
            passend = [e.status for k, e in lauf.szenarien.items() if szenario is not None and szenario(k)]
            status = belegt(passend) if passend else None
        if status is not None:
            ergebnisse.append((lauf, status))
    return Verlauf(ziel, ergebnisse)


def uebergaenge(laeufe: list[Eintrag], run: Run) -> list[tuple[str, list[str]]]:
    """For ``run`` (the history's latest run against its target): per label, regressions first, the keys
    of the scenarios it applies to."""
    je: dict[str, list[str]] = defaultdict(list)
    for r in run.scenarios:
        for hinweis in verlauf_von(laeufe, run.target, szenario=r.key.__eq__).hinweise():
            je[hinweis].append(r.key)
    return [(h, je[h]) for h in REIHENFOLGE if je.get(h)]


def erster_lauf(laeufe: list[Eintrag], ziel: str) -> bool:
    """Is the history's latest run against ``ziel`` its first?"""
    return sum(1 for lauf in laeufe if lauf.ziel == ziel) <= 1
