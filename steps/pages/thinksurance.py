"""Thinksurance – Gewerbeplattform as the broker sees it after the jump, read by visible labels.

The labels are the fake's by default; a target profile maps them to a real platform's
(``basis.plattform``).
"""

from __future__ import annotations

from playwright.sync_api import Page

from absprung.clients.base import redact_url
from basis.plattform import FELDER, Plattform
from steps.ansicht import Ansicht


class GewerbeplattformSeite:
    def __init__(self, page: Page, plattform: Plattform) -> None:
        self.page, self.plattform = page, plattform

    def ansicht(self) -> Ansicht:
        p, pf = self.page, self.plattform
        url = redact_url(p.url)
        ueberschrift = p.get_by_role("heading", level=1)
        titel = ueberschrift.inner_text().strip() if ueberschrift.count() == 1 else ""
        if titel != pf.titel:
            alarm = p.get_by_role("alert")
            text = alarm.inner_text() if alarm.count() == 1 else p.locator("body").inner_text()[:500]
            return Ansicht(url=url, titel=titel, fehler=text.strip(), erwartet=pf.titel)
        verknuepft_feld = p.get_by_label(pf.verknuepft)
        verknuepft = verknuepft_feld.inner_text().strip() or None if verknuepft_feld.count() else None
        formular = p.get_by_role("form", name=pf.titel)
        if formular.count() == 0:
            hinweis = p.get_by_role("status")
            return Ansicht(url=url, titel=titel, hinweis=hinweis.inner_text().strip() if hinweis.count() else None,
                           verknuepft=verknuepft, erwartet=pf.titel)
        felder = {f: formular.get_by_label(pf.label(f), exact=True).input_value() for f in FELDER}
        return Ansicht(url=url, titel=titel, felder=felder, verknuepft=verknuepft, erwartet=pf.titel)
