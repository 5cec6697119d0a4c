"""Thinksurance – Gewerbeplattform as the broker sees it after the jump."""

from __future__ import annotations

from playwright.sync_api import Page

from steps.ansicht import FELDER, Ansicht

TITEL = "Thinksurance – Gewerbeplattform"


class GewerbeplattformSeite:
    def __init__(self, page: Page) -> None:
        self.page = page

    def ansicht(self) -> Ansicht:
        p = self.page
        ueberschrift = p.get_by_role("heading", level=1)
        titel = ueberschrift.inner_text().strip() if ueberschrift.count() == 1 else ""
        if titel != TITEL:
            alarm = p.get_by_role("alert")
            text = alarm.inner_text() if alarm.count() == 1 else p.locator("body").inner_text()[:500]
            return Ansicht(url=p.url, titel=titel, fehler=text.strip())
        verknuepft = p.get_by_label("Verknüpfter Benutzer").inner_text().strip() or None
        formular = p.get_by_role("form", name=TITEL)
        if formular.count() == 0:
            hinweis = p.get_by_role("status")
            return Ansicht(url=p.url, titel=titel, hinweis=hinweis.inner_text().strip() if hinweis.count() else None,
                           verknuepft=verknuepft)
        felder = {label: formular.get_by_label(label, exact=True).input_value() for label in FELDER}
        return Ansicht(url=p.url, titel=titel, felder=felder, verknuepft=verknuepft)
