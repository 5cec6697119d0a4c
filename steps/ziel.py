"""The target of a run: profile, preflight, the embedded part of the landscape, what was checked.

* ``--ziel PROFIL`` (or ``ABSPRUNG_ZIEL``) names the target; default: the embedded fakes.
* Before the first scenario the landscape is checked and every remote system reached
  (``absprung.preflight``); a failure ends the run with exit code 4 and one line per system.
* Only the systems the profile marks "eingebettet" are started, wired to the remote ones.
* A configured Playwright browser server (``absprung.browser_server``) must answer, too.
* At the end the terminal says per system how many scenarios ran against it and why others were
  skipped. A run in which no scenario ran at all exits 5 ("nichts geprüft") – unless
  ``--leerlauf-erlaubt`` allows it.
"""

from __future__ import annotations

import os
from collections import Counter
from typing import Any, Iterator

import pytest

from absprung import browser_server, preflight
from absprung.errors import BrowserServerError, MissingSecret, ProfileError
from absprung.landschaft import aufraeumen
from absprung.landschaft.wiederherstellen import zeile
from absprung.record import plugin
from absprung.record.model import FAILED, PASSED, SKIPPED, ScenarioRecord
from basis.secret import reveal
from basis.systeme import NAMEN, TITEL
from basis.ziel import Target, embedded_fakes, load_profile
from fakes.options import Options
from fakes.server import Fakes

TARGET = pytest.StashKey[Target]()
PREFLIGHT = pytest.StashKey[str]()
NOTHING_CHECKED = 5


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("absprung")
    group.addoption("--ziel", default=os.environ.get("ABSPRUNG_ZIEL"), metavar="PROFIL",
                    help="Zielprofil (TOML); ohne Angabe laufen die Szenarien gegen die eingebetteten Fakes")
    group.addoption("--leerlauf-erlaubt", action="store_true",
                    help="einen Lauf, in dem wegen des Ziels kein Szenario ausgeführt wurde, mit 0 beenden")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    profile = config.getoption("--ziel", default=None)
    try:
        target = load_profile(profile) if profile else embedded_fakes()
    except ProfileError as f:
        raise pytest.UsageError(str(f)) from None
    config.stash[TARGET] = target
    config.stash[plugin.TARGET_NAME] = target.name
    config.stash[plugin.TARGET_PROFILE] = target.profile.name if target.profile else None
    config.stash[plugin.TARGET_SYSTEMS] = {s: target.urls[s] for s in NAMEN}  # addresses only, never credentials
    if not hasattr(config, "workerinput"):
        try:  # a configured browser server that does not answer: stop before any scenario
            endpoint = browser_server.endpoint(target.browser_server)
            if endpoint:
                browser_server.reachable(endpoint)
        except BrowserServerError as f:
            raise pytest.UsageError(str(f)) from None
    if target.remote and not hasattr(config, "workerinput"):  # once, in the controlling process
        problems = preflight.landscape_problems(target)
        checks = [] if problems else preflight.run(target)
        text = preflight.summary(checks, problems)
        if preflight.failed(checks, problems):
            raise pytest.UsageError(f"Das Ziel „{target.name}“ ist nicht bereit – kein Szenario wurde gestartet:\n"
                                    f"{text}")
        config.stash[PREFLIGHT] = text
        stehen_geblieben = aufraeumen.alt(target) if target.ohne_zuruecksetzen else None
        if stehen_geblieben:
            raise pytest.UsageError(stehen_geblieben)


def pytest_report_header(config: pytest.Config) -> list[str]:
    target = config.stash.get(TARGET, None)
    if target is None or not target.remote:
        return []
    return [f"Ziel „{target.name}“ – Vorabprüfung:", *config.stash.get(PREFLIGHT, "").splitlines()]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A step that needs a secret the target does not have: the scenario is skipped, with the reason."""
    try:
        return (yield)
    except MissingSecret as f:
        pytest.skip(str(f))


@pytest.fixture(scope="session")
def target(pytestconfig: pytest.Config) -> Iterator[Target]:
    """The target; its embedded systems are started once per test process (so per xdist worker)."""
    t = pytestconfig.stash[TARGET]
    if not t.embedded:
        yield t
        return
    w = t.world
    options = Options(serve=t.embedded, neighbours={s: t.urls[s] for s in t.remote},
                      thinksurance_hash=reveal(w.geheimnis("thinksurance_hash")) if "concenter" in t.embedded
                      else "", thinksurance_secret=reveal(w.geheimnis("thinksurance_secret"))
                      if "concenter" in t.embedded else "")
    with Fakes(options) as fakes:
        yield t.with_fake_urls(fakes.urls)


def aufgeraeumt(records: list[ScenarioRecord]) -> list[str]:
    """Per system of a landscape that is not reset: what the scenarios created and changed there and
    whether all of it was put back; and what an interrupted earlier run had left."""
    summen: dict[str, dict[str, Any]] = {}
    zeilen = []
    for r in records:
        if not r.cleanup:
            continue
        for system, zahlen in (r.cleanup.get("bilanz") or {}).items():
            summe = summen.setdefault(system, {"angelegt": 0, "geaendert": 0, "offen": []})
            summe["angelegt"] += zahlen.get("angelegt", 0)
            summe["geaendert"] += zahlen.get("geaendert", 0)
            summe["offen"] += [f"{r.scenario}: {t}" for t in zahlen.get("offen", [])]
        if r.cleanup.get("nachgeholt") is not None:
            zeilen.append(f"Nachgeholt: Ein abgebrochener Lauf hatte „{r.cleanup.get('nachgeholt_von')}“ nicht "
                          f"aufgeräumt; vor „{r.scenario}“ wurde sein Stand wiederhergestellt.")
    return zeilen + [f"Aufgeräumt – {zeile(s, summen[s])}" for s in NAMEN if s in summen]


def _systems_of(record: ScenarioRecord) -> set[str]:
    return {s for entry in record.http for s in NAMEN if str(entry.get("system", "")).startswith(TITEL[s])}


def _ran(config: pytest.Config) -> tuple[list[ScenarioRecord], list[ScenarioRecord]]:
    records = plugin.scenarios(config)
    return [r for r in records if r.status in (PASSED, FAILED)], [r for r in records if r.status == SKIPPED]


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int,
                            config: pytest.Config) -> None:
    target = config.stash.get(TARGET, None)
    ran, skipped = _ran(config)
    if target is None or target.profile is None or not (ran or skipped):
        return
    tw = terminalreporter
    tw.section(f"Ziel „{target.name}“")
    for line in config.stash.get(PREFLIGHT, "").splitlines():
        tw.write_line(f"Vorabprüfung: {line}")
    for s in NAMEN:
        where = "eingebettet" if s in target.embedded else target.urls[s]
        count = sum(1 for r in ran if s in _systems_of(r))
        tw.write_line(f"{TITEL[s]} ({where}): {count} Szenario(s) ausgeführt")
    if target.control and target.remote:
        tw.write_line("Steuerung entfernter Fakes (steuerung = true): Jedes Szenario setzte sie zurück – die "
                      "Szenarien liefen deshalb nacheinander, auch mit -n.")
    for line in aufgeraeumt(plugin.scenarios(config)):
        tw.write_line(line)
    for reason, n in Counter(r.message or "ohne Grund" for r in skipped).most_common():
        tw.write_line(f"übersprungen: {n} – {reason}")
    if not ran and plugin.PART in config.stash:
        tw.write_line(f"Alle {len(skipped)} Szenarien dieses Teils wurden übersprungen; ob der ganze Lauf etwas "
                      "prüfte, entscheidet das Zusammenführen.")
    elif not ran:
        tw.write_line(f"Nichts geprüft: Alle {len(skipped)} Szenarien wurden übersprungen. Der Lauf endet deshalb "
                      f"mit Exit-Code {NOTHING_CHECKED}" + (" – hier erlaubt durch --leerlauf-erlaubt (Exit-Code 0)."
                                                            if config.getoption("--leerlauf-erlaubt") else "."))


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """No false green: a run that executed no scenario did not check anything. Not for a part of a split
    run: one part may hold only skipped scenarios; the merge judges the whole run."""
    if hasattr(session.config, "workerinput") or session.config.getoption("--leerlauf-erlaubt") \
            or plugin.PART in session.config.stash:
        return
    ran, skipped = _ran(session.config)
    if exitstatus == 0 and skipped and not ran:
        session.exitstatus = NOTHING_CHECKED
