"""pytest plugin: records every scenario and step into the run record (``absprung.record.model``).

Per scenario it keeps keyword, text, status and duration of each step, the screenshots taken and
the HTTP exchanges of the clients (secrets already redacted by the clients). The record travels
on the test report (``report.absprung``, its JSON form), so it survives ``pytest -n 2``: xdist
serializes every JSON-compatible report attribute. The scenario status is pytest's outcome, never
pytest-bdd's cucumber JSON. With ``--lauf-json PATH`` the controller writes the whole run there,
with ``--cucumber-ndjson`` and ``--cucumberjson`` (pytest-bdd's option, its writer replaced) the
standard formats (``formate``).

Every collected scenario is accounted for: its record is made at collection (from pytest-bdd's
scenario), travels with the setup report, and the first report of each process carries them all.
A scenario whose process dies (pytest-xdist reports it with ``when == "???"``) is failed and marked
``abgestuerzt``; one that never started is "nicht ausgeführt"; a run that did not end on its own
(Ctrl+C, ``-x``) says why (``Run.interrupted``).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
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
from .model import FAILED, NOT_RUN, PASSED, SKIPPED, UNDEFINED, Picture, Run, ScenarioRecord, StepRecord

RECORD = pytest.StashKey[ScenarioRecord]()
TARGET_NAME = pytest.StashKey[str]()  # set by whoever knows the target (steps.fixtures)
PNGS = pytest.StashKey[list[tuple[str, bytes]]]()
COLLECTED = pytest.StashKey[list[dict[str, Any]]]()  # every scenario of this process, as skeleton records
RUNNING = "läuft"
MAX_HTTP = 200
CRASH = "???"  # the "when" of pytest-xdist's report for a test whose worker died


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

def _record(root: Path, nodeid: str, feature: Any, scenario: Any) -> ScenarioRecord:
    try:
        file = Path(feature.filename).resolve().relative_to(root).as_posix()
    except ValueError:
        file = Path(feature.filename).name
    return ScenarioRecord(nodeid, file, feature.name, scenario.name, scenario.line_number,
                          sorted(scenario.tags | feature.tags), status=NOT_RUN,
                          steps=[StepRecord(s.keyword.strip(), s.name) for s in scenario.steps])


def _skeleton(item: pytest.Item) -> ScenarioRecord | None:
    """The record of a pytest-bdd scenario before it runs (None for other tests)."""
    from pytest_bdd.scenario import scenario_wrapper_template_registry

    function = getattr(item, "obj", None)
    template = scenario_wrapper_template_registry.get(function) if callable(function) else None
    if template is None:
        return None
    callspec = getattr(item, "callspec", None)
    scenario = template.render(callspec.params.get("_pytest_bdd_example", {}) if callspec else {})
    return _record(Path(str(item.config.rootpath)), item.nodeid, template.feature, scenario)


@pytest.hookimpl(trylast=True)  # after the order of the scenarios is settled
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    collected = []
    for item in items:
        record = _skeleton(item)
        if record is not None:
            item.stash[RECORD] = record
            collected.append(record.to_json())
    config.stash[COLLECTED] = collected


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    record = request.node.stash.get(RECORD, None) or _record(Path(str(request.config.rootpath)),
                                                             request.node.nodeid, feature, scenario)
    record.status = PASSED
    _now.record, _now.step = record, None
    _now.index = {id(s): i for i, s in enumerate(scenario.steps)}
    request.node.stash[RECORD] = record
    request.node.user_properties.extend(junit.eigenschaften(feature, scenario, record.file))  # survives xdist


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


def record_cleanup(data: dict[str, Any]) -> None:
    """What the running scenario put back on a landscape that is not reset (``absprung.landschaft``)."""
    if _now.record is not None:
        _now.record.cleanup = data


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
    if record is not None and report.when == "setup":
        report.absprung = record.to_json()  # the controller knows the scenario even if its process dies now
        collected = item.config.stash.get(COLLECTED, None)
        if collected:  # the first report of this process carries every scenario it collected
            report.absprung_gesammelt = collected
            item.config.stash[COLLECTED] = []
    if record is not None and report.when == "call":
        for s in record.steps:
            if s.status == RUNNING:
                s.status = FAILED
        if report.failed and not record.message:  # masked above; the report's row leads with it
            record.message = short_message(report)
        report.absprung = record.to_json()
        report.absprung_bilder = [(n, base64.b64encode(p).decode()) for n, p in item.stash.get(PNGS, [])]
    if report.when == "teardown":
        if record is not None and record.cleanup is not None:  # put back in the fixture's teardown
            report.absprung = record.to_json()
        _now.record, _now.step = None, None
    return report


# --- collecting, in the controller ------------------------------------------------------------

class _Collection:
    """Per pytest run (so nested in-process runs do not mix): the scenarios' final records."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.start = time.time()
        self.scenarios: dict[str, ScenarioRecord] = {}
        self.collected: dict[str, ScenarioRecord] = {}  # every scenario, also those never started
        self.durations: dict[str, float] = {}
        self.interrupted: str | None = None
        self.run: Run | None = None  # once the session has finished

    @pytest.hookimpl(tryfirst=True)  # the record is on the report before pytest-html reads it
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for data in getattr(report, "absprung_gesammelt", None) or []:
            self.collected.setdefault(str(data.get("nodeid")), ScenarioRecord.from_json(data))
        data = getattr(report, "absprung", None)
        if data is not None and report.when == "teardown" and report.nodeid in self.scenarios:
            self.scenarios[report.nodeid].cleanup = ScenarioRecord.from_json(data).cleanup  # only that is new
        elif data is not None and (report.when != "setup" or report.nodeid not in self.scenarios):
            self.scenarios[report.nodeid] = ScenarioRecord.from_json(data)
        if report.when == CRASH:
            self._abgestuerzt(report)
            return
        self.durations[report.nodeid] = round(self.durations.get(report.nodeid, 0.0) + report.duration, 4)
        record = self.scenarios.get(report.nodeid)
        if record is None:
            return
        record.duration_s = self.durations[report.nodeid]
        if report.failed and record.status != FAILED:
            record.status, record.message = FAILED, record.message or short_message(report)
        elif report.skipped and record.status != FAILED:
            record.status, record.message = SKIPPED, short_message(report)

    def _abgestuerzt(self, report: pytest.TestReport) -> None:
        """pytest-xdist's report for a scenario whose worker died: failed, in every output. pytest-html
        writes a row only at a teardown report, which never comes: it gets one."""
        record = self.scenarios.get(report.nodeid) or self.collected.get(report.nodeid) or ScenarioRecord(
            report.nodeid, report.nodeid.split("::")[0], scenario=report.nodeid.split("::")[-1], status=NOT_RUN)
        record.status, record.crashed = FAILED, True
        record.message = (f"Abgestürzt: Der Prozess, der dieses Szenario ausführte, endete mitten darin "
                          f"({report.longrepr}). Welcher Schritt lief, ist nicht bekannt.")
        self.scenarios[report.nodeid] = record
        setattr(report, "absprung", record.to_json())  # noqa: B010 - a report attribute xdist would carry
        for plugin in self.config.pluginmanager.get_plugins():
            if type(plugin).__module__.startswith("pytest_html") and hasattr(plugin, "pytest_runtest_logreport"):
                ende = pytest.TestReport(report.nodeid, report.location, {}, "passed", None, "teardown")
                plugin.pytest_runtest_logreport(ende)

    def pytest_keyboard_interrupt(self, excinfo: pytest.ExceptionInfo[BaseException]) -> None:
        self.interrupted = _warum(str(excinfo.value).strip()) or "Der Lauf wurde abgebrochen (Strg+C)."

    def unterbrochen(self, session: pytest.Session) -> str | None:
        """Why the run did not end on its own, with how many scenarios never ran; None if it did."""
        for nodeid, record in self.collected.items():
            self.scenarios.setdefault(nodeid, record)
        stopped = session.shouldfail or session.shouldstop
        interrupted = self.interrupted or (_warum(str(stopped)) if stopped else None)
        not_run = sum(1 for r in self.scenarios.values() if r.status == NOT_RUN)
        if interrupted and not_run:
            interrupted += f" {not_run} Szenario(s) wurden nicht ausgeführt."
        return interrupted

    def _run(self, session: pytest.Session) -> Run:
        """Every collected scenario: those never started as "nicht ausgeführt"."""
        interrupted = self.unterbrochen(session)
        return Run(datetime.now().strftime("%Y-%m-%d %H:%M:%S"), _commit(Path(str(self.config.rootpath))),
                   self.config.stash.get(TARGET_NAME, "eingebettete Fakes"), round(time.time() - self.start, 2),
                   sorted(self.scenarios.values(), key=lambda s: (s.file, s.line)), interrupted)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        path = self.config.getoption("--lauf-json")
        formate = self.config.getoption("--cucumber-ndjson") or self.config.getoption("cucumber_json_path")
        if hasattr(self.config, "workerinput"):
            return
        self.run = run = self._run(session)
        if not (path or formate):
            return
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
            junit.umbenennen(Path(xml), self.run.interrupted if self.run else None,
                             self.run.scenarios if self.run else ())


def _warum(grund: str) -> str | None:
    """pytest's reason for stopping early, in German ("stopping after 1 failures" from -x/--maxfail)."""
    n = re.fullmatch(r"stopping after (\d+) failures?", grund)
    if n:
        return f"Der Lauf wurde nach {n[1]} Fehlschlag/Fehlschlägen beendet (-x oder --maxfail)."
    return f"Der Lauf wurde vorzeitig beendet ({grund})." if grund and grund != "KeyboardInterrupt" else None


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
