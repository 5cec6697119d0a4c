"""The site model: features, the last run's outcome per scenario, Fehlerbilder, screenshots per statement."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

from absprung.aussagen import AUSSAGE, AUSSAGEN
from absprung.record import herkunft, verlauf
from absprung.record.model import FAILED, NOT_RUN, PASSED, SKIPPED, STATUS_WORDS, Run, ScenarioRecord
from absprung.record.verlauf import Eintrag, Verlauf
from absprung.slug import nfc

from . import fehlerbilder
from .fehlerbilder import Fehlerbild
from .gherkin import Feature, Scenario, parse_features
from .markdown import german_date, md


@dataclass(frozen=True)
class Shot:
    """A screenshot of the last run, with the run step that took it."""

    source: Path
    name: str  # the constant from absprung.bilder
    step: str
    keyword: str = ""
    stand: str = ""  # archived picture: German date of the run it comes from ("" = this run)
    jetzt: str = ""  # archived picture: the status of its scenario in this run

    @property
    def file(self) -> str:
        return self.source.name


@dataclass(frozen=True)
class Outcome:
    status: str = NOT_RUN
    message: str | None = None
    duration: float = 0.0
    shots: tuple[Shot, ...] = ()
    parts: tuple[str, ...] = ()  # a merged split run: the part(s) that ran it


@dataclass
class Site:
    features: list[Feature]
    outcomes: dict[str, Outcome]
    run: Run | None
    base: Path  # folder the screenshot paths of the run are relative to (reports/)
    fehlerbilder: list[Fehlerbild]
    shots: dict[str, list[tuple[Shot, Scenario]]]  # statement id -> screenshots
    warnings: list[str] = field(default_factory=list)
    vertragsstatus: dict[str, Any] = field(default_factory=dict)  # last "vertraege pruefen" (reports/vertraege.json)
    verlauf: list[Eintrag] = field(default_factory=list)  # the history of runs (reports/verlauf.jsonl), oldest first

    @property
    def scenarios(self) -> list[Scenario]:
        return [sc for f in self.features for sc in f.scenarios]

    def proving(self, statement_id: str) -> list[Scenario]:
        return [sc for sc in self.scenarios if statement_id in sc.guide_ids]

    def statement_status(self, statement_id: str) -> str:
        statuses = {self.outcomes[sc.anchor].status for sc in self.proving(statement_id)}
        if not statuses:
            return "nicht belegt"
        if FAILED in statuses:
            return FAILED
        return PASSED if statuses == {PASSED} else SKIPPED if SKIPPED in statuses else NOT_RUN

    def stand(self) -> str:
        """The "Stand" of a page: which run its statuses come from."""
        if self.run is None:
            return ("**Stand:** Es liegt noch kein Lauf vor (reports/lauf.json fehlt); alle Szenarien gelten als "
                    "„nicht ausgeführt“.")
        counts: dict[str, int] = defaultdict(int)
        for o in self.outcomes.values():
            counts[o.status] += 1
        summary = ", ".join(f"{counts[s]} {STATUS_WORDS[s]}" for s in STATUS_WORDS if counts[s])
        target = f" · Ziel: {md(self.run.target)}" if self.run.target else ""
        stand = f"**Stand:** Lauf vom {german_date(self.run.created)} · Commit `{self.run.commit}`{target} · {summary}"
        stand += f"  \n**Herkunft:** {self.herkunft_kurz()}"
        return stand + (f"  \n**Lauf unterbrochen:** {md(self.run.interrupted)}" if self.run.interrupted else "")

    def herkunft_kurz(self) -> str:
        """Where the last run's results came from, in one line (the Verlauf page has it all)."""
        if self.run is None:
            return ""
        werte = {k: w for k, _, w in herkunft.eintraege(self.run)}
        systeme = [(label, w) for k, label, w in herkunft.eintraege(self.run) if k.startswith("system.")]
        teile = [f"Zielprofil: {md(werte['profil'])}"]
        if systeme and all(w == "eingebettet" for _, w in systeme):
            teile.append("alle Systeme eingebettet")
        else:
            teile += [f"{md(label)}: {md(w)}" for label, w in systeme]
        if "teil" in werte:
            teile.append(f"Teil {md(werte['teil'])}")
        if "teile" in werte:
            teile.append(f"zusammengeführt aus {md(werte['teile'])}")
        teile.append(f"Browser: {md(werte['browser'])}")
        return " · ".join(teile)

    def ziele(self) -> list[str]:
        """The targets of the history, the last run's first."""
        alle = verlauf.ziele(self.verlauf)
        if self.run is not None and self.run.target in alle:
            alle.remove(self.run.target)
            alle.insert(0, self.run.target)
        return alle

    def scenario_verlauf(self, sc: Scenario) -> list[Verlauf]:
        andere = {f"{o.file}::{o.name}" for o in self.scenarios if o is not sc}  # their own runs stay theirs
        eigene = history_matcher(sc)

        def passt(key: str) -> bool:
            return key not in andere and eigene(key)
        return [v for z in self.ziele() if (v := verlauf.verlauf_von(self.verlauf, z, szenario=passt)).ergebnisse]

    def statement_verlauf(self, statement_id: str) -> list[Verlauf]:
        return [v for z in self.ziele() if (v := verlauf.verlauf_von(self.verlauf, z, aussage=statement_id)).ergebnisse]


def history_matcher(sc: Scenario) -> Callable[[str], bool]:
    """Which history keys (``file::titel``) are this scenario's runs: its own name, or for a
    Szenariogrundriss each example's (placeholders filled in, or the name with its values)."""
    own = f"{sc.file}::{sc.name}"
    if not sc.examples:
        return own.__eq__
    filled = re.compile(re.escape(f"{sc.file}::") + "".join(
        ".+?" if part.startswith("<") else re.escape(part) for part in re.split(r"(<[^>]+>)", sc.name)))
    return lambda key: key.startswith(own + " (") or filled.fullmatch(key) is not None


def read_run(path: Path | None, warnings: list[str]) -> Run | None:
    if path is None or not path.is_file():
        return None
    try:
        return Run.from_json(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError) as error:
        warnings.append(f"Laufprotokoll {path} ist unlesbar ({error}); alle Szenarien gelten als "
                        "„nicht ausgeführt“.")
        return None


def match_outcomes(scenarios: Sequence[Scenario], run: Run | None, base: Path) -> dict[str, Outcome]:
    """Outcome per scenario anchor, matched by file and name; for a Szenariogrundriss by its name
    with the placeholders filled in; else by file and line (renamed since the run); else by name."""
    if run is None:
        return {sc.anchor: Outcome() for sc in scenarios}
    by_name: dict[tuple[str, str], list[ScenarioRecord]] = defaultdict(list)
    by_line: dict[tuple[str, int], list[ScenarioRecord]] = defaultdict(list)
    by_bare: dict[str, list[ScenarioRecord]] = defaultdict(list)
    for record in run.scenarios:
        by_name[(record.file, nfc(record.scenario))].append(record)
        by_line[(record.file, record.line)].append(record)
        by_bare[nfc(record.scenario)].append(record)
    return {sc.anchor: _combine(by_name.get((sc.file, sc.name)) or _outline_runs(sc, run.scenarios)
                                or by_line.get((sc.file, sc.line)) or by_bare.get(sc.name, []), base)
            for sc in scenarios}


def _outline_runs(sc: Scenario, records: Sequence[ScenarioRecord]) -> list[ScenarioRecord]:
    """pytest-bdd fills the <placeholders> of a Szenariogrundriss into the recorded name."""
    if not sc.examples or "<" not in sc.name:
        return []
    pattern = re.compile("".join(".+?" if part.startswith("<") else re.escape(part)
                                 for part in re.split(r"(<[^>]+>)", sc.name)))
    return [r for r in records if r.file == sc.file and pattern.fullmatch(nfc(r.scenario))]


def _combine(records: list[ScenarioRecord], base: Path) -> Outcome:
    """One outcome for all runs of a scenario (a Szenariogrundriss runs once per example)."""
    if not records:
        return Outcome()
    statuses = [r.status for r in records]
    status = (FAILED if FAILED in statuses else PASSED if set(statuses) == {PASSED}
              else SKIPPED if SKIPPED in statuses else NOT_RUN)
    message = next((r.message for r in records if r.status == status and r.message), None)
    shots = tuple(Shot(base / p.path, nfc(p.name), nfc(s.text), nfc(s.keyword))
                  for r in records for s in r.steps for p in s.pictures if (base / p.path).is_file())
    parts = tuple(sorted({r.part for r in records if r.part}))
    return Outcome(status, message, round(sum(r.duration_s for r in records), 3), shots, parts)


def assign_screenshots(scenarios: Sequence[Scenario], outcomes: dict[str, Outcome]
                       ) -> dict[str, list[tuple[Shot, Scenario]]]:
    """Screenshots of passed @doku scenarios, for each statement of the scenario that lists them."""
    shots: dict[str, list[tuple[Shot, Scenario]]] = defaultdict(list)
    for sc in scenarios:
        outcome = outcomes[sc.anchor]
        if "doku" not in sc.tags or outcome.status != PASSED:
            continue
        for shot in outcome.shots:
            for aussage in AUSSAGEN:
                if aussage.id in sc.guide_ids and shot.name in aussage.bilder \
                        and all(s.file != shot.file for s, _ in shots[aussage.id]):
                    shots[aussage.id].append((shot, sc))
    return shots


def build_site(features_dir: Path, run_json: Path | None, root: Path, history: Path | None = None) -> Site:
    warnings: list[str] = []
    features = parse_features(features_dir, root, warnings)
    scenarios = [sc for f in features for sc in f.scenarios]
    run = read_run(run_json, warnings)
    base = run_json.parent if run_json is not None else root
    outcomes = match_outcomes(scenarios, run, base)
    found = [fehlerbilder.fehlerbild(sc) for sc in scenarios if "fehlerbild" in sc.tags]
    warnings += fehlerbilder.warnings(found)
    warnings += [f"Unbekannte Leitfaden-Markierung @{t} in {sc.file}:{sc.line}" for sc in scenarios
                 for t in sorted(sc.tags) if re.fullmatch(r"G\d+", t) and t not in AUSSAGE]
    laeufe = verlauf.lesbar(history, warnings) if history is not None else []
    return Site(features, outcomes, run, base, found, assign_screenshots(scenarios, outcomes), warnings,
                verlauf=laeufe)
