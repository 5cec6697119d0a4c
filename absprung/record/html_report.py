"""pytest-html: the report's title, and per scenario a step table with thumbnails and the screenshots."""

from __future__ import annotations

import html
from typing import Any

import pytest

from .model import STATUS_WORDS, ScenarioRecord

TITLE = "Bericht – Absprung aus ams.5 nach Thinksurance"


class HtmlReport:
    def pytest_html_report_title(self, report: Any) -> None:
        report.title = TITLE

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
        report = yield
        data = getattr(report, "absprung", None)
        if data is None:
            return report
        from pytest_html import extras

        pictures = dict(getattr(report, "absprung_bilder", []))
        added = list(getattr(report, "extras", []))
        added.append(extras.html(step_table(ScenarioRecord.from_json(data), pictures)))
        for name, b64 in pictures.items():
            added.append(extras.png(b64, name=name))
        report.extras = added
        return report


def step_table(record: ScenarioRecord, pictures: dict[str, str]) -> str:
    """One row per step: step, German status, duration, thumbnails of its screenshots."""
    rows = []
    for s in record.steps:
        preview = "".join(
            f'<img src="data:image/png;base64,{pictures[p.name]}" alt="{html.escape(p.name)}" '
            'style="max-width:160px;max-height:100px">' for p in s.pictures if p.name in pictures)
        rows.append(f"<tr><td><b>{html.escape(s.keyword)}</b> {html.escape(s.text)}</td>"
                    f"<td>{STATUS_WORDS.get(s.status, s.status)}</td><td>{s.duration_s:.3f} s</td>"
                    f"<td>{preview}</td></tr>")
    return ("<table class='absprung-schritte'><thead><tr><th>Schritt</th><th>Status</th><th>Dauer</th>"
            "<th>Bild</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
