"""Run record: a pytest plugin that records every scenario and step, for the report and the site.

Per scenario it keeps keyword, text, status and duration of each step, the screenshots taken and
the HTTP exchanges of the clients (secrets already redacted by the clients). The record travels
on the test report (``report.absprung``), so it survives ``pytest -n 2``: xdist serializes every
JSON-compatible report attribute. The scenario status is pytest's outcome, never pytest-bdd's
cucumber JSON. With ``--lauf-json PATH`` the controller writes the whole run to that file.

``lauf.json`` (schema 1)::

    {"schema": 1, "erstellt": "2026-11-27 10:00:00", "commit": "abc1234", "ziel": "eingebettete Fakes",
     "dauer_s": 3.2, "zusammenfassung": {"passed": 30, "failed": 0, "skipped": 1},
     "szenarien": [{"nodeid": "...", "datei": "features/test.feature", "feature": "...",
                    "szenario": "...", "zeile": 12, "tags": ["G18", ...],
                    "status": "passed|failed|skipped", "dauer_s": 0.05, "meldung": "...",
                    "schritte": [{"keyword": "Angenommen", "text": "...", "status":
                                  "passed|failed|skipped|nicht ausgeführt", "dauer_s": 0.01,
                                  "bilder": ["bilder/<datei>.png"]}],
                    "http": [{"system": "...", "methode": "GET", "url": "...", "status": 200, ...}]}]}
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import subprocess
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

SCHLUESSEL = pytest.StashKey[dict]()
_aktuell: dict[str, Any] | None = None  # record of the scenario running in this process


def pytest_addoption(parser: pytest.Parser) -> None:
    gruppe = parser.getgroup("absprung")
    gruppe.addoption("--lauf-json", default=None, metavar="PFAD",
                     help="Laufprotokoll (Szenarien, Schritte, Bilder) als JSON schreiben")
    gruppe.addoption("--bilder", default="reports/bilder", metavar="ORDNER",
                     help="Ordner für Bildschirmfotos (Standard: reports/bilder)")


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_Sammlung(config), "absprung-sammlung")
    if config.pluginmanager.hasplugin("html"):
        config.pluginmanager.register(_HtmlBericht(), "absprung-html")


# --- recording, in the process that runs the test (worker or single process) -----------------

@pytest.hookimpl(tryfirst=True)
def pytest_bdd_before_scenario(request: pytest.FixtureRequest, feature: Any, scenario: Any) -> None:
    global _aktuell
    wurzel = Path(str(request.config.rootpath))
    try:
        datei = str(Path(feature.filename).resolve().relative_to(wurzel))
    except ValueError:
        datei = Path(feature.filename).name
    _aktuell = {
        "datei": datei, "feature": feature.name, "szenario": scenario.name,
        "zeile": scenario.line_number, "tags": sorted(scenario.tags | feature.tags),
        "schritte": [{"keyword": s.keyword.strip(), "text": s.name, "status": "nicht ausgeführt",
                      "dauer_s": 0.0, "bilder": []} for s in scenario.steps],
        "http": [], "_index": {id(s): i for i, s in enumerate(scenario.steps)},
    }
    request.node.stash[SCHLUESSEL] = _aktuell


def _schritt(request: pytest.FixtureRequest, step: Any) -> dict[str, Any] | None:
    aufnahme = request.node.stash.get(SCHLUESSEL, None)
    if aufnahme is None:
        return None
    i = aufnahme["_index"].get(id(step))
    return aufnahme["schritte"][i] if i is not None else None


def pytest_bdd_before_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                           step_func: Any) -> None:
    s = _schritt(request, step)
    if s is not None:
        s["_start"] = time.perf_counter()
        s["status"] = "läuft"
        if _aktuell is not None:
            _aktuell["_laufend"] = s


def _ende(request: pytest.FixtureRequest, step: Any, status: str) -> None:
    s = _schritt(request, step)
    if s is not None:
        s["dauer_s"] = round(time.perf_counter() - s.pop("_start", time.perf_counter()), 4)
        s["status"] = status


def pytest_bdd_after_step(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: Any) -> None:
    _ende(request, step, "passed")


def pytest_bdd_step_error(request: pytest.FixtureRequest, feature: Any, scenario: Any, step: Any,
                          step_func: Any, step_func_args: Any, exception: BaseException) -> None:
    _ende(request, step, "skipped" if isinstance(exception, pytest.skip.Exception) else "failed")


def pytest_bdd_step_func_lookup_error(request: pytest.FixtureRequest, feature: Any, scenario: Any,
                                      step: Any, exception: BaseException) -> None:
    s = _schritt(request, step)
    if s is not None:
        s["status"] = "failed"
        s["fehler"] = "Schritt nicht definiert"


def http_aufzeichnen(eintrag: dict[str, Any]) -> None:
    """Callback for the clients: attach a (redacted) exchange to the running scenario."""
    if _aktuell is not None and len(_aktuell["http"]) < 200:
        _aktuell["http"].append(eintrag)


def bild_anhaengen(item: pytest.Item, png: bytes, name: str) -> str:
    """Store a screenshot for the running step; returns its path relative to the report folder."""
    ordner = Path(str(item.config.getoption("--bilder")))
    ordner.mkdir(parents=True, exist_ok=True)
    # Scenario name for people, a hash of the node id against collisions, the picture's own name
    # last (the guide generator matches on that ending).
    kennung = hashlib.sha1(item.nodeid.encode()).hexdigest()[:6]
    datei = f"{_slug(item.name)[:40]}-{kennung}-{_slug(name)}.png"
    (ordner / datei).write_bytes(png)
    aufnahme = item.stash.get(SCHLUESSEL, None)
    if aufnahme is not None:
        ziel = aufnahme.get("_laufend") or (aufnahme["schritte"][-1] if aufnahme["schritte"] else None)
        if ziel is not None:
            ziel["bilder"].append(f"{ordner.name}/{datei}")
    item.stash.setdefault(_BILDER, []).append((name, png))
    return f"{ordner.name}/{datei}"


_BILDER = pytest.StashKey[list]()


def _slug(text: str) -> str:
    ersetzt = text.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[^a-z0-9]+", "-", ersetzt).strip("-")[:80]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    global _aktuell
    report = yield
    aufnahme = item.stash.get(SCHLUESSEL, None)
    if aufnahme is not None and report.when == "call":
        report.absprung = {k: v for k, v in aufnahme.items() if not k.startswith("_")}
        for s in report.absprung["schritte"]:
            s.pop("_start", None)
            if s["status"] == "läuft":
                s["status"] = "failed"
        report.absprung_bilder = [(n, base64.b64encode(p).decode()) for n, p in item.stash.get(_BILDER, [])]
    if report.when == "teardown":
        _aktuell = None
    return report


# --- collecting, in the controller ------------------------------------------------------------

class _Sammlung:
    """Per pytest run (so nested in-process runs do not mix): the scenarios' final records."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.start = time.time()
        self.szenarien: dict[str, dict[str, Any]] = {}

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        aufnahme = getattr(report, "absprung", None)
        eintrag = self.szenarien.setdefault(report.nodeid, {"nodeid": report.nodeid, "status": "passed",
                                                            "dauer_s": 0.0, "meldung": None})
        eintrag["dauer_s"] = round(eintrag["dauer_s"] + report.duration, 4)
        if aufnahme is not None:
            eintrag.update(aufnahme)
        if report.failed:
            eintrag["status"] = "failed"
            eintrag["meldung"] = eintrag["meldung"] or _kurz(report)
        elif report.skipped and eintrag["status"] != "failed":
            eintrag["status"] = "skipped"
            eintrag["meldung"] = _kurz(report)

    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        pfad = self.config.getoption("--lauf-json")
        if not pfad or hasattr(self.config, "workerinput"):
            return
        szenarien = [e for e in self.szenarien.values() if "schritte" in e]
        zusammenfassung: dict[str, int] = {}
        for e in szenarien:
            zusammenfassung[e["status"]] = zusammenfassung.get(e["status"], 0) + 1
        daten = {"schema": 1, "erstellt": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
                 "commit": _commit(Path(str(self.config.rootpath))),
                 "ziel": getattr(self.config, "_absprung_ziel_name", "eingebettete Fakes"),
                 "dauer_s": round(time.time() - self.start, 2), "zusammenfassung": zusammenfassung,
                 "szenarien": sorted(szenarien, key=lambda e: (e["datei"], e["zeile"]))}
        Path(pfad).parent.mkdir(parents=True, exist_ok=True)
        Path(pfad).write_text(json.dumps(daten, ensure_ascii=False, indent=1), encoding="utf-8")


def _kurz(report: pytest.TestReport) -> str:
    if report.skipped and isinstance(report.longrepr, tuple):
        return str(report.longrepr[2]).removeprefix("Skipped: ")
    crash = getattr(report.longrepr, "reprcrash", None)
    if crash is not None:
        return str(crash.message)[:2000]
    return str(report.longrepr)[-2000:] if report.longrepr else ""


def _commit(wurzel: Path) -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=wurzel, capture_output=True,
                              text=True, timeout=5).stdout.strip() or "unbekannt"
    except (OSError, subprocess.SubprocessError):
        return "unbekannt"


# --- pytest-html: title, step table with thumbnails, screenshots -------------------------------

STATUS_DE = {"passed": "bestanden", "failed": "fehlgeschlagen", "skipped": "übersprungen",
             "nicht ausgeführt": "nicht ausgeführt"}


class _HtmlBericht:
    def pytest_html_report_title(self, report: Any) -> None:
        report.title = "Bericht – Absprung aus ams.5 nach Thinksurance"

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        aufnahme = getattr(report, "absprung", None)
        if aufnahme is None:
            return report
        from pytest_html import extras

        zusatz = list(getattr(report, "extras", []))
        zusatz.append(extras.html(_schritt_tabelle(aufnahme, dict(getattr(report, "absprung_bilder", [])))))
        for name, b64 in getattr(report, "absprung_bilder", []):
            zusatz.append(extras.png(b64, name=name))
        report.extras = zusatz
        return report


def _schritt_tabelle(aufnahme: dict[str, Any], bilder: dict[str, str]) -> str:
    zeilen = []
    for s in aufnahme["schritte"]:
        vorschau = "".join(
            f'<img src="data:image/png;base64,{bilder[n]}" alt="{html.escape(n)}" style="max-width:160px;max-height:100px">'
            for n in bilder if any(_slug(n) in b for b in s["bilder"]))
        zeilen.append(f"<tr><td><b>{html.escape(s['keyword'])}</b> {html.escape(s['text'])}</td>"
                      f"<td>{STATUS_DE.get(s['status'], s['status'])}</td><td>{s['dauer_s']:.3f} s</td>"
                      f"<td>{vorschau}</td></tr>")
    return ("<table class='absprung-schritte'><thead><tr><th>Schritt</th><th>Status</th><th>Dauer</th>"
            "<th>Bild</th></tr></thead><tbody>" + "".join(zeilen) + "</tbody></table>")
