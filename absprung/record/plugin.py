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
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterator

import pytest

from absprung.errors import MissingSecret
from absprung.slug import slug

from . import herkunft, verlauf
from .formate import junit
from .masking import mask_report
from .model import FAILED, NOT_RUN, PASSED, SKIPPED, UNDEFINED, Picture, Run, ScenarioRecord, StepRecord, example_title

RECORD = pytest.StashKey[ScenarioRecord]()
# Set by whoever knows the target (steps.ziel): its name, its profile file, each system's address.
TARGET_NAME = pytest.StashKey[str]()
TARGET_PROFILE = pytest.StashKey[str | None]()
TARGET_SYSTEMS = pytest.StashKey[dict[str, str]]()
PART = pytest.StashKey[str]()  # "k/N" when this run is a part of a split run (absprung.record.teilung)
WHOLE_SUITE = pytest.StashKey[list[str]]()  # then: the key of every scenario of the whole suite
REPLAYED = pytest.StashKey[Run]()  # a merged run replayed (absprung.record.wiedergabe): the run as merged
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
    browser: str | None = None  # what the running scenario's browser reported


_now = _Running()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("absprung")
    group.addoption("--lauf-json", default=None, metavar="PFAD",
                    help="Laufprotokoll (Szenarien, Schritte, Bilder) als JSON schreiben")
    group.addoption("--bilder", default="reports/bilder", metavar="ORDNER",
                    help="Ordner für Bildschirmfotos (Standard: reports/bilder)")
    group.addoption("--cucumber-ndjson", default=None, metavar="PFAD",
                    help="Cucumber Messages (NDJSON) schreiben, z. B. reports/cucumber.ndjson")
    group.addoption("--allure-ergebnisse", default=None, metavar="ORDNER",
                    help="Allure-Ergebnisse schreiben (für allure generate), z. B. reports/allure-ergebnisse")
    group.addoption("--verlauf", default=None, metavar="PFAD",
                    help="den Lauf an den Verlauf anhängen (z. B. reports/verlauf.jsonl) und Übergänge melden: "
                         "neu, wieder fehlgeschlagen, behoben, wechselhaft")


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
    example = dict(callspec.params.get("_pytest_bdd_example") or {}) if callspec else {}
    record = _record(Path(str(item.config.rootpath)), item.nodeid, template.feature, template.render(example))
    if example and callspec is not None:  # the row's position among all rows of the Szenariogrundriss
        record.example = {str(k): str(v) for k, v in example.items()}
        record.example_index = callspec.indices.get("_pytest_bdd_example", 0) + 1
        record.title = example_title(template.name, record.scenario, record.example)
    return record


@pytest.hookimpl(wrapper=True)  # records first (a split reads them), the list after order and selection settled
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Iterator[None]:
    for item in items:
        record = _skeleton(item)
        if record is not None:
            item.stash[RECORD] = record
    result = yield
    config.stash[COLLECTED] = [item.stash[RECORD].to_json() for item in items if RECORD in item.stash]
    return result


@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    record = request.node.stash.get(RECORD, None) or _record(Path(str(request.config.rootpath)),
                                                             request.node.nodeid, feature, scenario)
    record.status, record.started = PASSED, round(time.time(), 3)
    _now.record, _now.step = record, None
    _now.index = {id(s): i for i, s in enumerate(scenario.steps)}
    request.node.stash[RECORD] = record
    request.node.user_properties.extend(junit.eigenschaften(record))  # survives xdist


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


def record_browser(name: str) -> None:
    """What the running scenario's browser is ("Chromium 156.0…"), for the run's provenance."""
    _now.browser = name


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
            report.absprung_ganze_suite = item.config.stash.get(WHOLE_SUITE, [])  # a part: the whole suite
            item.config.stash[COLLECTED] = []
    if record is not None and report.when == "call":
        for s in record.steps:
            if s.status == RUNNING:  # a step that ended by skipping (a fixture it asked for skipped) is skipped
                s.status = SKIPPED if report.skipped else FAILED
        if report.skipped:
            record.message = short_message(report)
        if report.failed and not record.message:  # masked above; the report's row leads with it
            record.message = short_message(report)
        report.absprung = record.to_json()
        report.absprung_bilder = [(n, base64.b64encode(p).decode()) for n, p in item.stash.get(PNGS, [])]
        if _now.browser:
            report.absprung_browser = _now.browser
    if report.when == "teardown":
        if record is not None and record.cleanup is not None:  # put back in the fixture's teardown
            report.absprung = record.to_json()
        _now.record, _now.step, _now.browser = None, None, None
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
        self.browser: set[str] = set()
        self.whole_suite: list[str] = []  # a part of a split run: every scenario's key (from any process)
        self.run: Run | None = None  # once the session has finished
        self.uebergaenge: list[tuple[str, list[str]]] = []  # label -> scenario keys, from the history
        self.erster_lauf = False  # this run is the history's first against its target
        self.verlauf_hinweis: list[str] = []

    @pytest.hookimpl(tryfirst=True)  # the record is on the report before pytest-html reads it
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for data in getattr(report, "absprung_gesammelt", None) or []:
            self.collected.setdefault(str(data.get("nodeid")), ScenarioRecord.from_json(data))
        self.whole_suite = self.whole_suite or list(getattr(report, "absprung_ganze_suite", None) or [])
        if getattr(report, "absprung_browser", None):
            self.browser.add(str(getattr(report, "absprung_browser")))
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
        root, stash = Path(str(self.config.rootpath)), self.config.stash
        part = stash.get(PART, None)
        for record in self.scenarios.values():
            record.part = part
        quelle = herkunft.erheben(root, stash.get(TARGET_SYSTEMS, {}), stash.get(TARGET_PROFILE, None), part,
                                  sorted(self.browser))
        return Run(datetime.now().strftime("%Y-%m-%d %H:%M:%S"), herkunft.commit(root),
                   stash.get(TARGET_NAME, "eingebettete Fakes"), round(time.time() - self.start, 2),
                   sorted(self.scenarios.values(), key=lambda s: (s.file, s.line, s.example_index)), interrupted,
                   quelle, self.whole_suite or stash.get(WHOLE_SUITE, []))

    @pytest.hookimpl(tryfirst=True)  # the run (and its provenance) is known before pytest-html writes
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if hasattr(self.config, "workerinput"):
            return
        self.run = run = self.config.stash.get(REPLAYED, None) or self._run(session)
        metadata = _metadata(self.config)
        if metadata is not None:  # pytest-html's "Umgebung" table holds this very dict
            metadata.update({label: wert for _, label, wert in herkunft.eintraege(run)})
        schreiben(self.config, run)
        self._verlauf(run)

    def _verlauf(self, run: Run) -> None:
        pfad = self.config.getoption("--verlauf")
        if not pfad:
            return
        if run.herkunft.teil:  # the merge enters the whole run once
            self.verlauf_hinweis = [f"Ein Teillauf ({run.herkunft.teil}) schreibt keinen Verlauf; die Zusammenführung "
                                    "(python -m absprung zusammenfuehren) trägt den ganzen Lauf ein."]
            return
        try:
            laeufe = verlauf.anhaengen(Path(pfad), run, self.verlauf_hinweis)
        except OSError as f:
            self.verlauf_hinweis.append(f"Verlauf {pfad} nicht fortgeschrieben ({f.strerror or f.__class__.__name__}); "
                                        "er bleibt, wie er war.")
            return
        self.uebergaenge = verlauf.uebergaenge(laeufe, run)
        self.erster_lauf = verlauf.erster_lauf(laeufe, run.target)

    def uebergangs_zeilen(self) -> list[tuple[str, str]]:
        """(label, German text naming the scenarios) per label of the history, regressions first – the
        terminal's and the report's lines."""
        if self.run is None:
            return []
        titel = {r.key: r.titel for r in self.run.scenarios}
        zeilen = []
        for hinweis, keys in self.uebergaenge:
            if hinweis == verlauf.NEU and self.erster_lauf:
                zeilen.append((hinweis, f"alle {len(keys)} Szenarien – der erste Lauf gegen dieses Ziel im Verlauf"))
            else:
                zeilen.append((hinweis, f"{len(keys)}: " + "; ".join(titel[k] for k in keys if k in titel)))
        return zeilen

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        zeilen = self.uebergangs_zeilen()
        if not (zeilen or self.verlauf_hinweis) or self.run is None:
            return
        terminalreporter.section(f"Verlauf gegen „{self.run.target}“ ({self.config.getoption('--verlauf')})")
        for text in self.verlauf_hinweis:
            terminalreporter.write_line(text)
        for hinweis, text in zeilen:
            terminalreporter.write_line(f"{hinweis} – {text}", red=hinweis == verlauf.WIEDER,
                                        yellow=hinweis == verlauf.WECHSELHAFT, green=hinweis == verlauf.BEHOBEN)

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        xml = config.getoption("xmlpath", None)
        if xml and not hasattr(config, "workerinput") and Path(xml).is_file() and self.run is not None:
            junit.umbenennen(Path(xml), self.run)


def _metadata(config: pytest.Config) -> dict[str, Any] | None:
    try:
        from pytest_metadata.plugin import metadata_key  # type: ignore[import-untyped]  # no py.typed
    except ImportError:
        return None
    return config.stash.get(metadata_key, None)


def schreiben(config: pytest.Config, run: Run) -> None:
    """The run record and the formats the options ask for (not the HTML report and JUnit XML: pytest
    writes those itself)."""
    path = config.getoption("--lauf-json")
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        Path(path).write_text(json.dumps(run.to_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    ndjson, classic = config.getoption("--cucumber-ndjson"), config.getoption("cucumber_json_path")
    bilder_basis = Path(str(config.getoption("--bilder"))).parent
    if ndjson or classic:
        from .formate import cucumber, cucumber_json

        lauf = cucumber.Lauf(run, Path(str(config.rootpath)), bilder_basis)
        umschlaege = cucumber.schreiben(lauf, Path(ndjson) if ndjson else Path(os.devnull))
        if classic:
            cucumber_json.schreiben(umschlaege, Path(classic))
    allure_ordner = config.getoption("--allure-ergebnisse")
    if allure_ordner:
        from .formate import allure

        allure.schreiben(run, bilder_basis, Path(allure_ordner))


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
