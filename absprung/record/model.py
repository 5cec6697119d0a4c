"""The typed run record and its JSON form ``lauf.json`` (schema 1), for the plugin and the site.

``lauf.json``::

    {"schema": 1, "erstellt": "2026-11-27 10:00:00", "commit": "abc1234", "ziel": "eingebettete Fakes",
     "dauer_s": 3.2, "zusammenfassung": {"passed": 30, "failed": 0, "skipped": 1},
     "unterbrochen": null | "Der Lauf wurde abgebrochen (Strg+C) …",
     "szenarien": [{"nodeid": "...", "datei": "features/test.feature", "feature": "...",
                    "szenario": "...", "zeile": 12, "tags": ["G18", ...],
                    "status": "passed|failed|skipped|nicht ausgeführt", "abgestuerzt": false,
                    "dauer_s": 0.05, "meldung": "...",
                    "schritte": [{"keyword": "Angenommen", "text": "...", "status":
                                  "passed|failed|skipped|undefined|nicht ausgeführt", "dauer_s": 0.01,
                                  "bilder": ["bilder/<datei>.png"], "bildnamen": ["ams.5 – DigiPro"]}],
                    "http": [{"system": "...", "methode": "GET", "url": "...", "status": 200, ...}],
                    "aufgeraeumt": null | {"bilanz": {"cloud": {"angelegt": 2, "geaendert": 1, "offen": []}},
                                           "nachgeholt": null | {...}, "nachgeholt_von": "<nodeid>"}}]}

Paths of pictures are relative to the folder of ``lauf.json``. ``bildnamen`` (the constants of
``absprung.bilder``) came later; a record without them still reads, its pictures then have no name
and show on the scenario page only, not at the guide steps. ``unterbrochen`` (the run did not end on
its own: Ctrl+C, ``-x``) and ``abgestuerzt`` (the process running the scenario died; its status is
``failed``) came later too; every collected scenario is listed, the ones never started as
"nicht ausgeführt". ``aufgeraeumt`` (on a landscape that is not reset: what the scenario created and
changed there and put back, per system, and what an interrupted earlier run had left) came later. ``beispiel`` and
``beispiel_nr`` (the values and the row of a Szenariogrundriss example), ``titel`` (the name every output
gives the scenario: an example's name with its values), ``teil`` (the part of a split run), ``herkunft``
(where the results came from: ``absprung.record.herkunft``) and ``alle_szenarien`` (a part's whole
suite, so a merge can tell a missing part) came last.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA = 1
PASSED, FAILED, SKIPPED, NOT_RUN = "passed", "failed", "skipped", "nicht ausgeführt"
UNDEFINED = "undefined"  # a step without a definition (steps only; its scenario is failed)
# The German words for statuses, everywhere people read them (report, site).
STATUS_WORDS = {PASSED: "bestanden", FAILED: "fehlgeschlagen", SKIPPED: "übersprungen", NOT_RUN: "nicht ausgeführt",
                UNDEFINED: "nicht definiert"}


@dataclass
class Picture:
    name: str  # the constant from absprung.bilder
    path: str  # relative to the folder of lauf.json, e.g. "bilder/…png"


@dataclass
class StepRecord:
    keyword: str
    text: str
    status: str = NOT_RUN
    duration_s: float = 0.0
    pictures: list[Picture] = field(default_factory=list)
    error: str | None = None  # e.g. "Schritt nicht definiert"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"keyword": self.keyword, "text": self.text, "status": self.status,
                                "dauer_s": self.duration_s, "bilder": [p.path for p in self.pictures],
                                "bildnamen": [p.name for p in self.pictures]}
        if self.error:
            data["fehler"] = self.error
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StepRecord:
        paths = [str(p) for p in data.get("bilder") or []]
        names = [str(n) for n in data.get("bildnamen") or []] + [""] * len(paths)
        return cls(str(data.get("keyword", "")), str(data.get("text", "")), str(data.get("status", NOT_RUN)),
                   float(data.get("dauer_s") or 0.0), [Picture(n, p) for n, p in zip(names, paths)],
                   data.get("fehler"))


@dataclass
class ScenarioRecord:
    nodeid: str
    file: str = ""
    feature: str = ""
    scenario: str = ""
    line: int = 0
    tags: list[str] = field(default_factory=list)
    status: str = PASSED
    duration_s: float = 0.0
    message: str | None = None
    steps: list[StepRecord] = field(default_factory=list)
    http: list[dict[str, Any]] = field(default_factory=list)
    crashed: bool = False  # the process running it died (status failed)
    cleanup: dict[str, Any] | None = None  # on a landscape that is not reset: what was put back
    example: dict[str, str] = field(default_factory=dict)  # a Szenariogrundriss row: its values
    example_index: int = 0  # which row of its Szenariogrundriss (1, 2, …); 0 = a plain scenario
    part: str | None = None  # "k/N": the part of a split run that ran it
    started: float = 0.0  # when it began (seconds since the epoch); 0 = never started
    title: str = ""  # its name in every output, set at collection (``example_title``); "" = ``scenario``

    @property
    def titel(self) -> str:
        """Its own name in every output (a record from before ``titel`` existed: by its values)."""
        if self.title or not self.example:
            return self.title or self.scenario
        return self.scenario if all(v and v in self.scenario for v in self.example.values()) \
            else example_title("", self.scenario, self.example)

    @property
    def key(self) -> str:
        """Stable across runs, runners and machines (the node id depends on the steps module)."""
        return f"{self.file}::{self.titel}"

    def to_json(self) -> dict[str, Any]:
        return {"nodeid": self.nodeid, "datei": self.file, "feature": self.feature, "szenario": self.scenario,
                "zeile": self.line, "tags": self.tags, "status": self.status, "abgestuerzt": self.crashed,
                "dauer_s": self.duration_s, "meldung": self.message, "schritte": [s.to_json() for s in self.steps],
                "http": self.http, "aufgeraeumt": self.cleanup, "beispiel": self.example,
                "beispiel_nr": self.example_index, "titel": self.titel, "teil": self.part, "beginn": self.started}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ScenarioRecord:
        return cls(str(data.get("nodeid", "")), str(data.get("datei", "")), str(data.get("feature", "")),
                   str(data.get("szenario", "")), int(data.get("zeile") or 0), [str(t) for t in data.get("tags", [])],
                   str(data.get("status", NOT_RUN)), float(data.get("dauer_s") or 0.0), data.get("meldung"),
                   [StepRecord.from_json(s) for s in data.get("schritte", [])], list(data.get("http", [])),
                   data.get("abgestuerzt") is True,
                   data["aufgeraeumt"] if isinstance(data.get("aufgeraeumt"), dict) else None,
                   {str(k): str(v) for k, v in (data.get("beispiel") or {}).items()},
                   int(data.get("beispiel_nr") or 0), str(data["teil"]) if data.get("teil") else None,
                   float(data.get("beginn") or 0.0),
                   "" if data.get("titel") in (None, "", data.get("szenario")) else str(data["titel"]))


def example_title(template: str, name: str, example: dict[str, str]) -> str:
    """A Szenariogrundriss row's own name: ``name`` (the template with its values filled in) where the
    template names every column as a <placeholder>, else ``name`` with the row's values."""
    if example and all(f"<{k}>" in template for k in example):
        return name
    return f"{name} ({', '.join(f'{k} = {v}' for k, v in example.items())})" if example else name


@dataclass
class Herkunft:
    """Where the results of a run came from (besides target name and commit, which ``Run`` holds).
    Never credentials: addresses without user, password, query or fragment."""

    profil: str | None = None  # the profile file's name; None = the embedded fakes
    systeme: dict[str, str] = field(default_factory=dict)  # system -> "eingebettet" or its address
    geaendert: bool = False  # the checkout had changes not committed
    versionen: dict[str, str] = field(default_factory=dict)  # "Python", "pytest", "pytest-bdd", …
    browser: list[str] = field(default_factory=list)  # what the browser scenarios ran in ("Chromium 156…")
    teil: str | None = None  # "k/N" for a part of a split run
    teile: list[str] = field(default_factory=list)  # a merged run: the parts it was merged from
    ci: dict[str, str] = field(default_factory=dict)  # CI system, job address, pipeline (no secrets)
    rechner: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"profil": self.profil, "systeme": self.systeme, "geaendert": self.geaendert,
                "versionen": self.versionen, "browser": self.browser, "teil": self.teil, "teile": self.teile,
                "ci": self.ci, "rechner": self.rechner}

    @classmethod
    def from_json(cls, data: Any) -> Herkunft:
        if not isinstance(data, dict):
            return cls()
        return cls(str(data["profil"]) if data.get("profil") else None,
                   {str(k): str(v) for k, v in (data.get("systeme") or {}).items()}, data.get("geaendert") is True,
                   {str(k): str(v) for k, v in (data.get("versionen") or {}).items()},
                   [str(b) for b in data.get("browser") or []], str(data["teil"]) if data.get("teil") else None,
                   [str(t) for t in data.get("teile") or []],
                   {str(k): str(v) for k, v in (data.get("ci") or {}).items()}, str(data.get("rechner") or ""))


@dataclass
class Run:
    created: str  # "YYYY-MM-DD HH:MM:SS"
    commit: str
    target: str
    duration_s: float = 0.0
    scenarios: list[ScenarioRecord] = field(default_factory=list)
    interrupted: str | None = None  # why the run did not end on its own (German), None if it did
    herkunft: Herkunft = field(default_factory=Herkunft)
    whole_suite: list[str] = field(default_factory=list)  # a part of a split run: every scenario's key

    @property
    def summary(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for s in self.scenarios:
            counts[s.status] = counts.get(s.status, 0) + 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {"schema": SCHEMA, "erstellt": self.created, "commit": self.commit, "ziel": self.target,
                "dauer_s": self.duration_s, "zusammenfassung": self.summary, "unterbrochen": self.interrupted,
                "herkunft": self.herkunft.to_json(), "alle_szenarien": self.whole_suite,
                "szenarien": [s.to_json() for s in self.scenarios]}

    @classmethod
    def from_json(cls, data: Any) -> Run:
        """Raises ValueError for another schema or a malformed record."""
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise ValueError(f"unbekanntes Schema {data.get('schema') if isinstance(data, dict) else None!r}")
        try:
            return cls(str(data.get("erstellt", "")), str(data.get("commit", "unbekannt")), str(data.get("ziel", "")),
                       float(data.get("dauer_s") or 0.0),
                       [ScenarioRecord.from_json(s) for s in data.get("szenarien", [])],
                       str(data["unterbrochen"]) if data.get("unterbrochen") else None,
                       Herkunft.from_json(data.get("herkunft")), [str(k) for k in data.get("alle_szenarien") or []])
        except (AttributeError, TypeError, ValueError) as error:
            raise ValueError(f"fehlerhafter Eintrag (technisch: {error})") from None
