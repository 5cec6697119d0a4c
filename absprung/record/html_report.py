"""pytest-html in German: rows named "Funktionalität › Szenario" with their guide IDs, the German
reason of a failure first (in the row and at its step), the traceback folded below, a step table
whose thumbnails leave the image viewer alone, and the frame texts the hooks and a CSS file reach.

The image viewer of pytest-html fills the *first* ``<img>`` of a row, so the step table shows its
thumbnails as CSS backgrounds (``<span role="img">``), never as ``<img>``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from . import verlauf
from .model import FAILED, STATUS_WORDS, UNDEFINED, ScenarioRecord

TITLE = "Bericht – Absprung aus ams.5 nach Thinksurance"
CSS = Path(__file__).with_name("bericht.css")
LABELS = {"passed": "bestanden", "failed": "fehlgeschlagen", "skipped": "übersprungen", "error": "Fehler",
          "xfailed": "erwartet fehlgeschlagen", "xpassed": "unerwartet bestanden", "rerun": "wiederholt",
          "retried": "erneut versucht"}
HEADER = {">Result<": ">Ergebnis<", ">Test<": ">Szenario<", ">Duration<": ">Dauer<", ">Links<": ">Verweise<"}
# Texts of pytest-html's template no hook reaches; replaced in the written file.
RAHMEN = [("<h2>Environment</h2>", "<h2>Umgebung</h2>"), ("<h2>Summary</h2>", "<h2>Zusammenfassung</h2>"),
          ("(Un)check the boxes to filter the results.", "Zum Filtern die Kästchen an- oder abwählen."),
          ("Show all details", "Alle Einzelheiten zeigen"), ("Hide all details", "Alle Einzelheiten verbergen"),
          ("No results found. Check the filters.", "Keine Ergebnisse. Bitte die Filter prüfen."),
          ("There are still tests running.", "Es laufen noch Tests."), (" by pytest-html v", " mit pytest-html v")]


def grund(record: ScenarioRecord) -> str:
    """The German reason of a failure in one or two lines, without Python's prefix and assert detail."""
    text = (record.message or "").strip()
    text = re.sub(r"^(AssertionError|[A-Za-z]*Error|Failed):\s*", "", text)
    zeilen = [z for z in text.splitlines() if z.strip() and not z.lstrip().startswith(("assert ", "+", "-", "where"))]
    return " ".join(zeilen[:2])[:400]


def german_name(record: ScenarioRecord) -> str:
    return f"{record.feature} › {record.titel}"


class HtmlReport:
    def pytest_html_report_title(self, report: Any) -> None:
        report.title = TITLE
        for key, label in LABELS.items():
            if key in report.outcomes:
                report.outcomes[key]["label"] = label

    def pytest_html_results_summary(self, prefix: list[str], summary: list[str], postfix: list[str],
                                    session: pytest.Session) -> None:
        """An unfinished run and crashed scenarios are said first, in words."""
        collection = session.config.pluginmanager.get_plugin("absprung-sammlung")
        run = getattr(collection, "run", None)  # set at the session's end (also a replayed, merged run)
        unterbrochen = run.interrupted if run is not None else None
        abgestuerzt = [r for r in run.scenarios if r.crashed] if run is not None else []
        if unterbrochen:
            prefix.append(f'<p class="absprung-grund" role="alert"><b>Lauf unterbrochen:</b> '
                          f"{html.escape(unterbrochen)}</p>")
        if abgestuerzt:
            namen = ", ".join(html.escape(german_name(r)) for r in abgestuerzt)
            prefix.append(f'<p class="absprung-grund" role="alert"><b>Abgestürzt:</b> {namen}</p>')
        if collection is not None:  # the history: regressions first, then flaky, fixed, new
            for hinweis, text in collection.uebergangs_zeilen():
                klasse = "absprung-grund" if hinweis == verlauf.WIEDER else "absprung-hinweis"
                prefix.append(f'<p class="{klasse}"><b>{html.escape(hinweis.capitalize())} seit dem letzten Lauf gegen '
                              f"dieses Ziel:</b> {html.escape(text)}</p>")

    def pytest_html_results_table_header(self, cells: list[str]) -> None:
        for i, cell in enumerate(cells):
            for alt, neu in HEADER.items():
                cell = cell.replace(alt, neu)
            cells[i] = cell

    def pytest_html_duration_format(self, duration: float) -> str:
        return f"{round(duration * 1000)} ms"  # pytest-html's sorter reads "<n> ms"

    def pytest_html_results_table_row(self, report: pytest.TestReport, cells: list[str]) -> None:
        data = getattr(report, "absprung", None)
        if data is None:
            return
        record = ScenarioRecord.from_json(data)
        ids = " ".join(t for t in record.tags if re.fullmatch(r"G\d+", t))
        name = html.escape(german_name(record)) + (f" <small>{html.escape(ids)}</small>" if ids else "")
        if record.part:  # a merged split run: which part ran it
            name += f" <small>Teil {html.escape(record.part)}</small>"
        if report.failed and record.message:
            name += f'<br><span class="absprung-grund">{html.escape(grund(record))}</span>'
        elif report.skipped and record.message:
            name += f'<br><span class="absprung-hinweis">Übersprungen: {html.escape(record.message)}</span>'
        cells[1] = f'<td class="col-testId">{name}</td>'

    def pytest_html_results_table_html(self, report: pytest.TestReport, data: list[str]) -> None:
        record = getattr(report, "absprung", None)
        if report.skipped and record is not None:  # the reason as text, not pytest's (file, line, reason) tuple
            grund_text = ScenarioRecord.from_json(record).message or "ohne Grund"
            data[:] = [f'<p class="absprung-hinweis"><b>Übersprungen:</b> {html.escape(grund_text)}</p>']
            return
        if not report.failed or record is None or not data:
            return
        technisch = "".join(data)
        data[:] = [f'<p class="absprung-grund"><b>Grund:</b> {html.escape(grund(ScenarioRecord.from_json(record)))}</p>'
                   f"<details><summary>Technische Einzelheiten (Traceback und Ausgaben)</summary>{technisch}</details>"]

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        data = getattr(report, "absprung", None)
        if data is None or report.when != "call":  # the setup report carries the record only to be safe
            return report
        from pytest_html import extras

        pictures = dict(getattr(report, "absprung_bilder", []))
        added = list(getattr(report, "extras", []))
        added.append(extras.html(step_table(ScenarioRecord.from_json(data), pictures)))
        for name, b64 in pictures.items():
            added.append(extras.png(b64, name=name))
        report.extras = added
        return report

    @pytest.hookimpl(trylast=True)
    def pytest_unconfigure(self, config: pytest.Config) -> None:
        """After pytest-html wrote the file (in the controller): the template's own texts."""
        path = config.getoption("htmlpath", None)
        if not path or hasattr(config, "workerinput") or not Path(path).is_file():
            return
        text = Path(path).read_text(encoding="utf-8")
        for alt, neu in RAHMEN:
            text = text.replace(alt, neu)
        text = re.sub(r"Report generated on (\S+) at (\S+)", r"Bericht erstellt am \1 um \2", text)
        text = re.sub(r"(\d+) tests? took ", r"\1 Tests in ", text)
        Path(path).write_text(text, encoding="utf-8")


def step_table(record: ScenarioRecord, pictures: dict[str, str]) -> str:
    """One row per step: step, German status, duration, the reason at the failed step, thumbnails."""
    rows = []
    meldung = grund(record)
    for s in record.steps:
        preview = "".join(
            f'<span role="img" aria-label="{html.escape(p.name)}" title="{html.escape(p.name)}" '
            'style="display:inline-block;width:160px;height:100px;margin:2px;'
            f'background:url(data:image/png;base64,{pictures[p.name]}) center/contain no-repeat"></span>'
            for p in s.pictures if p.name in pictures)
        text = s.error if s.status == UNDEFINED else meldung if s.status == FAILED else ""
        rows.append(f"<tr><td><b>{html.escape(s.keyword)}</b> {html.escape(s.text)}</td>"
                    f"<td>{STATUS_WORDS.get(s.status, s.status)}</td><td>{s.duration_s:.3f} s</td>"
                    f"<td>{html.escape(text or '')}</td><td>{preview}</td></tr>")
    return ("<table class='absprung-schritte'><thead><tr><th>Schritt</th><th>Status</th><th>Dauer</th>"
            "<th>Meldung</th><th>Bild</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
