"""pytest plugin: records every scenario and step into the run record (``absprung.record.model``).

Per scenario it keeps keyword, text, status and duration of each step, the screenshots taken and
the HTTP exchanges of the clients (secrets already redacted by the clients). The record travels
on the test report (``report.absprung``, its JSON form), so it survives ``pytest -n 2``: xdist
serializes every JSON-compatible report attribute. The scenario status is pytest's outcome, never
pytest-bdd's cucumber JSON. With ``--lauf-json PATH`` the controller writes the whole run there,
with ``--cucumber-ndjson`` and ``--cucumberjson`` (pytest-bdd's option, its writer replaced) the
standard formats (``formate``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import subprocess
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from absprung.errors import MissingSecret
from absprung.slug import slug

from .formate import junit
from .masking import mask_report
from .model import FAILED, PASSED, SKIPPED, UNDEFINED, Picture, Run, ScenarioRecord, StepRecord

RECORD = pytest.StashKey[ScenarioRecord]()
TARGET_NAME = pytest.StashKey[str]()  # set by whoever knows the target (steps.fixtures)
PNGS = pytest.StashKey[list[tuple[str, bytes]]]()
RUNNING = "läuft"
MAX_HTTP = 200


@dataclass
class _Running:
    """The scenario running in this process: its record, its steps by identity, the running step."""

    record: ScenarioRecord | None = None
    index: dict[int, int] = field(default_factory=dict)
    step: StepRecord | None = None
    started: float = 0.0


_now = _Running()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("absprung")
    group.addoption("--lauf-json", default=None, metavar="PFAD",
                    help="Laufprotokoll (Szenarien, Schritte, Bilder) als JSON schreiben")
    group.addoption("--bilder", default="reports/bilder", metavar="ORDNER",
                    help="Ordner für Bildschirmfotos (Standard: reports/bilder)")
    group.addoption("--cucumber-ndjson", default=None, metavar="PFAD",
                    help="Cucumber Messages (NDJSON) schreiben, z. B. reports/cucumber.ndjson")


@pytest.hookimpl(tryfirst=True)  # before pytest-html's configure reads --css
def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_Collection(config), "absprung-sammlung")
    if config.pluginmanager.hasplugin("html"):
        from .html_report import CSS, HtmlReport

        config.pluginmanager.register(HtmlReport(), "absprung-html")
        css = config.getoption("css", None)
        if isinstance(css, list) and str(CSS) not in css:
            css.append(str(CSS))


def pytest_sessionstart(session: pytest.Session) -> None:
    # pytest-bdd's own --cucumberjson/--cucumber-json writer calls undefined steps passed and is
    # empty under xdist; the option stays (people's scripts use it), the file comes from the record.
    eigenes = getattr(session.config, "_bddcucumberjson", None)
    if eigenes is not None:
        session.config.pluginmanager.unregister(eigenes)
        delattr(session.config, "_bddcucumberjson")


# --- recording, in the process that runs the test (worker or single process) -----------------

@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    root = Path(str(request.config.rootpath))
    try:
        file = Path(feature.filename).resolve().relative_to(root).as_posix()
    except ValueError:
        file = Path(feature.filename).name
    record = ScenarioRecord(request.node.nodeid, file, feature.name, scenario.name, scenario.line_number,
                            sorted(scenario.tags | feature.tags),
                            steps=[StepRecord(s.keyword.strip(), s.name) for s in scenario.steps])
    _now.record, _now.step = record, None
    _now.index = {id(s): i for i, s in enumerate(scenario.steps)}
    request.node.stash[RECORD] = record
    request.node.user_properties.extend(junit.eigenschaften(feature, scenario, file))  # survives xdist


def _step(step: Any) -> StepRecord | None:
    i = _now.index.get(id(step))
    return _now.record.steps[i] if _now.record is not None and i is not None else None


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                           step_func: Any) -> None:
    s = _step(step)
    if s is not None:
        s.status, _now.step, _now.started = RUNNING, s, time.perf_counter()


def _end(step: Any, status: str) -> None:
    s = _step(step)
    if s is not None:
        s.duration_s = round(time.perf_counter() - _now.started, 4)
        s.status = status


def pytest_bdd_after_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: Any) -> None:
    _end(step, PASSED)


def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: Any, exception: BaseException) -> None:
    _end(step, SKIPPED if isinstance(exception, (pytest.skip.Exception, MissingSecret)) else FAILED)


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any,
                                      step: Any, exception: BaseException) -> None:
    s = _step(step)
    if s is not None:
        s.status, s.error = UNDEFINED, "Schritt nicht definiert"
    if _now.record is not None:  # German, instead of pytest-bdd's "Step definition is not found"
        _now.record.message = (f"Schritt nicht definiert: „{step.keyword} {step.name}“ (Zeile {step.line_number}) – "
                               "keine Schrittdefinition in steps/ passt auf diesen Text.")


def record_http(entry: dict[str, Any]) -> None:
    """Callback for the clients: attach a (redacted) exchange to the running scenario."""
    if _now.record is not None and len(_now.record.http) < MAX_HTTP:
        _now.record.http.append(entry)


def attach_picture(item: pytest.Item, png: bytes, name: str) -> str:
    """Store a screenshot for the running step; returns its path relative to the report folder."""
    folder = Path(str(item.config.getoption("--bilder")))
    folder.mkdir(parents=True, exist_ok=True)
    # Scenario name for people, a hash of the node id against collisions, the picture's own name.
    tag = hashlib.sha1(item.nodeid.encode()).hexdigest()[:6]
    file = f"{slug(item.name, 40)}-{tag}-{slug(name)}.png"
    (folder / file).write_bytes(png)
    path = f"{folder.name}/{file}"
    record = item.stash.get(RECORD, None)
    if record is not None:
        step = _now.step or (record.steps[-1] if record.steps else None)
        if step is not None:
            step.pictures.append(Picture(name, path))
    item.stash.setdefault(PNGS, []).append((name, png))
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    mask_report(report)
    record = item.stash.get(RECORD, None)
    if record is not None and report.when == "call":
        for s in record.steps:
            if s.status == RUNNING:
                s.status = FAILED
        if report.failed and not record.message:  # masked above; the report's row leads with it
            record.message = short_message(report)
        report.absprung = record.to_json()
        report.absprung_bilder = [(n, base64.b64encode(p).decode()) for n, p in item.stash.get(PNGS, [])]
    if report.when == "teardown":
        _now.record, _now.step = None, None
    return report


# --- collecting, in the controller ------------------------------------------------------------

class _Collection:
    """Per pytest run (so nested in-process runs do not mix): the scenarios' final records."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.start = time.time()
        self.scenarios: dict[str, ScenarioRecord] = {}
        self.durations: dict[str, float] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        data = getattr(report, "absprung", None)
        if data is not None:
            self.scenarios[report.nodeid] = ScenarioRecord.from_json(data)
        self.durations[report.nodeid] = round(self.durations.get(report.nodeid, 0.0) + report.duration, 4)
        record = self.scenarios.get(report.nodeid)
        if record is None:
            return
        record.duration_s = self.durations[report.nodeid]
        if report.failed and record.status != FAILED:
            record.status, record.message = FAILED, record.message or short_message(report)
        elif report.skipped and record.status != FAILED:
            record.status, record.message = SKIPPED, short_message(report)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        path = self.config.getoption("--lauf-json")
        formate = self.config.getoption("--cucumber-ndjson") or self.config.getoption("cucumber_json_path")
        if not (path or formate) or hasattr(self.config, "workerinput"):
            return
        run = Run(datetime.now().strftime("%Y-%m-%d %H:%M:%S"), _commit(Path(str(self.config.rootpath))),
                  self.config.stash.get(TARGET_NAME, "eingebettete Fakes"),
                  round(time.time() - self.start, 2),
                  sorted(self.scenarios.values(), key=lambda s: (s.file, s.line)))
        if path:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_text(json.dumps(run.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        self._formate(run)

    def _formate(self, run: Run) -> None:
        ndjson, classic = self.config.getoption("--cucumber-ndjson"), self.config.getoption("cucumber_json_path")
        if not (ndjson or classic):
            return
        from .formate import cucumber, cucumber_json

        lauf = cucumber.Lauf(run, Path(str(self.config.rootpath)), Path(str(self.config.getoption("--bilder"))).parent)
        umschlaege = cucumber.schreiben(lauf, Path(ndjson) if ndjson else Path(os.devnull))
        if classic:
            cucumber_json.schreiben(umschlaege, Path(classic))

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        xml = config.getoption("xmlpath", None)
        if xml and not hasattr(config, "workerinput") and Path(xml).is_file():
            junit.umbenennen(Path(xml))


def scenarios(config: pytest.Config) -> list[ScenarioRecord]:
    """The records of this run so far (in the controlling process: all workers' scenarios)."""
    collection = config.pluginmanager.get_plugin("absprung-sammlung")
    return list(collection.scenarios.values()) if isinstance(collection, _Collection) else []


def short_message(report: pytest.TestReport) -> str:
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2]).removeprefix("Skipped: ")
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return str(crash.message)[:2000]
    return str(report.longrepr)[-2000:] if report.longrepr else ""


def _commit(root: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True,
                              text=True, timeout=5).stdout.strip() or "unbekannt"
    except (OSError, subprocess.SubprocessError):
        return "unbekannt"
