"""The training pages and the fakes' pages a trainee works in pass axe-core (WCAG 2.1 AA) in Chromium."""

from __future__ import annotations

from typing import Iterator

import pytest

from absprung.schulung.start import app_bauer, herstellen
from absprung.ursachen import URSACHE as UEBUNG
from basis import demo
from fakes.options import Options
from fakes.server import Fakes
from tests import axe


@pytest.fixture(scope="module")
def fakes() -> Iterator[Fakes]:
    uebung = UEBUNG["maklerextranet"]
    with Fakes(Options(), {"schulung": app_bauer(uebung)}) as f:
        herstellen(uebung, f.urls)
        yield f


@pytest.mark.browser
def test_schulung_und_fakes_bestehen_axe(page, fakes: Fakes) -> None:  # noqa: ANN001
    skript = axe.pfad()
    u, s = fakes.urls, fakes.zusatz_urls["schulung"]
    page.goto(f"{u['ams']}/")  # sign in where a page needs it
    page.get_by_role("button", name="Anmelden").click()
    page.goto(f"{u['concenter']}/")
    page.get_by_label("Benutzer").fill(demo.CONCENTER_BENUTZER)
    page.get_by_label("Passwort").fill(demo.CONCENTER_PASSWORT)
    page.get_by_role("button", name="Anmelden").click()
    seiten = [f"{s}/", f"{s}/pruefen", f"{s}/support", f"{u['ams']}/organisation/benutzer/{demo.AMS_KUERZEL}",
              f"{u['ams']}/kunden/K-1001", f"{u['cloud']}/drive/{demo.BESTAND}",
              f"{u['cloud']}/drive/{demo.BESTAND}/freischaltungen",
              f"{u['concenter']}/einstellungen/produktgeber/Thinksurance", f"{u['concenter']}/protokoll"]
    befunde = {}
    for url in seiten:
        page.goto(url)
        page.wait_for_load_state("load")
        axe.ruhig(page)
        if found := axe.verstoesse(page, skript):
            befunde[url] = found
    page.goto(f"{s}/pruefen")
    page.get_by_text("Was die Diagnose prüft").click()  # the table inside <details>
    if found := axe.verstoesse(page, skript):
        befunde["Prüfen (aufgeklappt)"] = found
    assert not befunde, "axe-core (WCAG 2.1 AA) findet:\n" + "\n".join(f"{k}: {v}" for k, v in befunde.items())
