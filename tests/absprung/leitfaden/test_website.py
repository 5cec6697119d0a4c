"""The guide website: generator plus ``mkdocs build --strict``, then a real browser reads it offline.

The site is built once per test session, in a temporary copy of ``docs/`` and ``mkdocs.yml``, so
the working tree stays untouched and a parallel ``make leitfaden`` cannot interfere. Under
``pytest -n 2`` the workers share that one build through a lock file.
"""

from __future__ import annotations

import fcntl
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
import yaml

from tests import axe
from tests.helpers import ROOT

LOOPBACK = "127.0.0.1"


def _build(target: Path) -> Path:
    """Generate the pages and build the site into ``target/site``; returns the site folder."""
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", target / "docs", ignore=shutil.ignore_patterns("generiert", "bilder"))
    run_json = ROOT / "reports" / "lauf.json"
    generator = subprocess.run(
        [sys.executable, "-m", "absprung.leitfaden", "--features", str(ROOT / "features"), "--lauf", str(run_json),
         "--docs", str(target / "docs"), "--wurzel", str(ROOT)],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert generator.returncode == 0, generator.stderr
    site = target / "site"
    build = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(target / "mkdocs.yml"),
         "-d", str(site)],
        cwd=target, capture_output=True, text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert build.returncode == 0, f"mkdocs build --strict scheiterte:\n{build.stdout}\n{build.stderr}"
    return site


@pytest.fixture(scope="session")
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One build per session; xdist workers share the first worker's build (their common parent). Asked of the
    session itself, not of PYTEST_XDIST_WORKER: a pytest started inside a worker inherits that variable and
    would read a stale build from the folder above its own."""
    if not hasattr(request.config, "workerinput"):
        return _build(tmp_path_factory.mktemp("website"))
    shared = tmp_path_factory.getbasetemp().parent / "website"
    shared.mkdir(exist_ok=True)
    with open(shared / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = shared / "ergebnis.json"
        if not result.exists():
            try:
                _build(shared)
                result.write_text(json.dumps({"ok": True}))
            except AssertionError as error:
                result.write_text(json.dumps({"ok": False, "meldung": str(error)}))
        outcome = json.loads(result.read_text())
    assert outcome["ok"], outcome.get("meldung")
    return shared / "site"


@pytest.fixture(scope="session")
def server(site: Path) -> Iterator[str]:
    """The built site over HTTP on the loopback interface (the search worker needs http://)."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer((LOOPBACK, 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://{LOOPBACK}:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def _nav_pages(*, top_level_only: bool = False) -> list[str]:
    """Pages in the nav of mkdocs.yml as built .html paths; a section counts by its first page."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages: list[str] = []

    def walk(entries: list) -> None:
        for entry in entries:
            value = next(iter(entry.values())) if isinstance(entry, dict) else entry
            if isinstance(value, list):
                walk(value[:1] if top_level_only else value)
            else:
                pages.append(re.sub(r"\.md$", ".html", value))

    walk(config["nav"])
    return pages


# --- static checks of the built site -----------------------------------------------------------

def test_build_has_every_nav_page_and_a_german_search_index(site: Path) -> None:
    for page in _nav_pages():
        assert (site / page).is_file(), page
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"]
    assert any("Hauptfreischaltung" in doc["text"] for doc in index["docs"])


def test_every_image_of_every_page_exists(site: Path) -> None:
    for page in site.rglob("*.html"):
        for source in re.findall(r"<img\b[^>]*\bsrc=\"([^\"]+)\"", page.read_text(encoding="utf-8")):
            assert (page.parent / source).resolve().is_file(), f"{page.relative_to(site)}: {source}"


def test_built_pages_reference_no_other_host(site: Path) -> None:
    external = re.compile(r"""(?:src|href)=["'](?:https?:)?//(?!127\.0\.0\.1)""")
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            assert not external.search(tag), f"{page}: {tag}"


# --- in the browser ----------------------------------------------------------------------------

def _record_requests(page) -> list[str]:  # noqa: ANN001 - Playwright Page
    urls: list[str] = []
    page.context.on("request", lambda request: urls.append(request.url))
    return urls


def _foreign(urls: list[str]) -> list[str]:
    return [u for u in urls if urlsplit(u).scheme not in ("data", "blob", "about")
            and urlsplit(u).hostname != LOOPBACK]


@pytest.mark.browser
def test_top_level_pages_load_offline_without_broken_images(page, server: str) -> None:  # noqa: ANN001
    urls = _record_requests(page)
    for path in _nav_pages(top_level_only=True):
        response = page.goto(f"{server}/{path}")
        assert response is not None and response.ok, path
        broken = page.evaluate("Array.from(document.images)"
                               ".filter(i => !i.complete || i.naturalWidth === 0).map(i => i.src)")
        assert not broken, f"{path}: kaputte Bilder {broken}"
    assert urls and not _foreign(urls), f"Anfragen an fremde Hosts: {_foreign(urls)}"


@pytest.mark.browser
def test_german_search_finds_hauptfreischaltung(page, server: str) -> None:  # noqa: ANN001
    from playwright.sync_api import expect

    urls = _record_requests(page)
    page.goto(f"{server}/index.html")
    search = page.get_by_role("textbox", name="Suche")
    search.click()
    search.press_sequentially("Hauptfreischaltung")  # Material listens to key events, not input
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ Suchergebniss?e?$"))
    expect(page.locator(".md-search-result__list")).to_contain_text("Hauptfreischaltung")
    assert not _foreign(urls), f"Anfragen an fremde Hosts: {_foreign(urls)}"


@pytest.mark.browser
def test_suche_auch_aus_dem_dateisystem(page, site: Path) -> None:  # noqa: ANN001
    """Opened as site/index.html (file://), the German search finds the same as from a server."""
    from playwright.sync_api import expect

    page.goto((site / "index.html").as_uri())
    search = page.get_by_role("textbox", name="Suche")
    search.click()
    search.press_sequentially("Hauptfreischaltung")
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ Suchergebniss?e?$"))
    expect(page.locator(".md-search-result__list")).to_contain_text("Hauptfreischaltung")
    page.locator(".md-search-result__item a").first.click()  # the hit opens, from the file system too
    assert page.url.startswith("file://") and ("fehlerbilder" in page.url or "leitfaden" in page.url)


def _erster_treffer(page, server: str, begriff: str) -> str:  # noqa: ANN001
    """The first search result as the reader sees it: its page and heading (link target)."""
    from playwright.sync_api import expect

    page.goto(f"{server}/index.html")
    search = page.get_by_role("textbox", name="Suche")
    search.click()
    search.press_sequentially(begriff)
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ Suchergebniss?e?$"))
    return page.locator(".md-search-result__item a").first.get_attribute("href") or ""


@pytest.mark.browser
@pytest.mark.parametrize("begriff", ["TAA_KEINE_FREISCHALTUNG", "leer", "ungültig", "Maklerextranet"])
def test_suche_fuehrt_zuerst_zum_fehlerbild(page, server: str, begriff: str) -> None:  # noqa: ANN001
    """Support searches with a code from the launch log or the caller's words: a Fehlerbild comes first."""
    treffer = _erster_treffer(page, server, begriff)
    assert "generiert/fehlerbilder.html" in treffer, f"„{begriff}“ führt zuerst zu {treffer}"


# --- accessibility: axe-core (npm, installed by make) in Chromium, WCAG 2.1 AA -------------------

def _bereit(page) -> None:  # noqa: ANN001
    """Material has run (its globals exist) and no CSS transition is half-way (axe counts opacity)."""
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.document$ !== undefined && window.component$ !== undefined")
    axe.ruhig(page)


@pytest.mark.browser
def test_jede_seite_besteht_axe_wcag_21_aa(page, server: str, site: Path) -> None:  # noqa: ANN001
    skript = axe.pfad()
    befunde = {}
    seiten = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    for pfad in seiten:
        page.goto(f"{server}/{pfad}")
        _bereit(page)
        if found := axe.verstoesse(page, skript):
            befunde[pfad] = found
    page.goto(f"{server}/index.html")  # the search overlay with results
    _bereit(page)
    page.keyboard.press("/")
    page.keyboard.type("Token")
    page.wait_for_selector(".md-search-result__item")
    _bereit(page)
    if found := axe.verstoesse(page, skript):
        befunde["index.html (Suche offen)"] = found
    assert len(seiten) >= 20
    assert not befunde, "axe-core (WCAG 2.1 AA) findet:\n" + "\n".join(f"{k}: {v}" for k, v in befunde.items())


def test_anker_ohne_platzhalter_und_der_fruehere_bleibt(site: Path) -> None:
    """An outline's anchor reads without its <placeholder> ("…-zweck-zweck-hat" before); the earlier
    anchor stays as an alias, because support links to it."""
    seite = (site / "generiert" / "szenarien.html").read_text(encoding="utf-8")
    neu = "cloud-einrichten--thinksurance-oeffnet-sich-ohne-kundendaten-wenn-der-token-den-zweck-hat"
    assert f'id="{neu}"' in seite and 'id="cloud-einrichten--thinksurance-oeffnet-sich-ohne-kundendaten-wenn-der-' \
        'token-den-zweck-zweck-hat"' in seite
    assert "zweck-zweck" not in "".join(re.findall(r'href="[^"]*"', seite))  # no link uses the old one


def test_fusszeile_deutsch(site: Path) -> None:
    seite = (site / "index.html").read_text(encoding="utf-8")
    assert "Made with" not in seite and "Ausführbarer Leitfaden: erzeugt aus den Szenarien" in seite
