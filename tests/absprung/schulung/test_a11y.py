"""The training pages and the fakes' pages a trainee works in pass axe-core (WCAG 2.1 AA) in Chromium."""

from __future__ import annotations

from typing import Iterator

import pytest

from absprung.schulung.start import app_bauer, herstellen
from absprung.ursachen.aufgaben import AUFGABE as UEBUNG
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
    page.goto(f"{s}/")
    page.get_by_role("button", name="Einen Hinweis zeigen").click()
    if found := axe.verstoesse(page, skript):
        befunde["Übung mit Hinweis"] = found
    page.get_by_role("button", name="Aufgeben").click()  # the solution, and the diagnosis in full
    if found := axe.verstoesse(page, skript):
        befunde["Übung mit Lösung"] = found
    page.goto(f"{s}/pruefen")
    page.get_by_text("Was die Diagnose prüft").click()  # the table inside <details>
    if found := axe.verstoesse(page, skript):
        befunde["Prüfen (aufgeklappt)"] = found
    assert not befunde, "axe-core (WCAG 2.1 AA) findet:\n" + "\n".join(f"{k}: {v}" for k, v in befunde.items())


@pytest.mark.browser
def test_platz_und_uebersicht_bestehen_axe(browser) -> None:  # noqa: ANN001 - Playwright Browser
    """The seat's page with an exercise and the trainer's overview (which updates itself by script)."""
    from fakes.common.plaetze import platz_urls

    passwort, kennung = "trainer-a11y-1", "a11y" + "k" * 18
    options = Options(plaetze=(kennung,), passwort=passwort)
    skript = axe.pfad()
    with Fakes(options, {"schulung": app_bauer(None, options)}) as f:
        s = f.zusatz_urls["schulung"]
        kontext = browser.new_context(http_credentials={"username": "trainerin", "password": passwort})
        page = kontext.new_page()
        befunde = {}
        page.goto(f"{s}/platz/{kennung}/")
        page.get_by_label("Übung (nach dem Symptom").select_option(UEBUNG["cloud-rolle"].name)
        page.get_by_role("button", name="Diese Übung beginnen").click()
        page.get_by_role("heading", name=f"Übung „{UEBUNG['cloud-rolle'].name}“").wait_for()
        assert platz_urls(f.urls, kennung)["ams"] in page.content()  # the seat's own systems
        if found := axe.verstoesse(page, skript):
            befunde["Platz"] = found
        page.goto(f"{s}/trainer")
        page.get_by_role("cell", name="offen").wait_for()
        page.wait_for_function("document.getElementById('aktualisiert').textContent.startsWith('Stand')")
        if found := axe.verstoesse(page, skript):
            befunde["Übersicht"] = found
        kontext.close()
    assert not befunde, "axe-core (WCAG 2.1 AA) findet:\n" + "\n".join(f"{k}: {v}" for k, v in befunde.items())
