"""Zensical, Material for MkDocs' successor, builds the same website from the same ``mkdocs.yml``.

Material's support ends on 2027-05-05; then moving to Zensical should be one setting. These tests
build the generated pages (the same ones as ``test_website``'s Material build) with
``zensical build --strict`` and compare: the same pages, and on each page the same anchors of the
content (heading ids and the ``{#…}``/``<span id>`` aliases support links to).

What differs, checked with zensical 0.0.73 against mkdocs 1.6.1 with mkdocs-material 9.8.2, and
is therefore left out of the comparison or asserted only as far as Zensical supports it:

- Pages: the same pages, and ``404.html`` in both. Only Material writes ``sitemap.xml.gz``;
  Zensical writes the search index as ``search.json``/``search.js`` (``{"config", "items"}``) at
  the top instead of ``search/search_index.json``/``.js`` (``{"config", "docs"}``), and keeps a
  ``.cache/`` beside ``mkdocs.yml``. The comparison is over the pages from ``docs/``.
- Anchors: the same on every page. Zensical puts ``<a id="__skip">`` (the target of "Zum Inhalt")
  at the start of each article, where Material's skip link points at the first heading; ids
  starting with ``__`` are the themes' own controls (``__drawer``, ``__search``, ``__toc``, and in
  Zensical ``__palette_0`` even for one colour scheme) and are not compared.
- Search: Zensical drops ``plugins: search: lang`` (and ``min_search_length``, ``pipeline`` …)
  without a warning and takes the language from ``theme.language`` – ``de`` in its index – but
  uses it only to split Chinese, Japanese and Korean words: no German stemming as with lunr.de.
- offline: supported; opened from the file system the search loads ``search.js``. Zensical adds
  the iframe-worker shim from unpkg.com unless a polyfill's path contains "iframe-worker" – ours
  (``generiert/javascripts/iframe-worker-shim.js``) does, so no page loads anything from elsewhere.
- Supported as in Material: ``copyright`` (the German footer), ``extra.generator: false`` (no
  "Made with"; the generator ``<meta>`` stays in both), ``extra.polyfills``, ``extra_css``,
  ``use_directory_urls: false``, ``theme.language``/``font: false``/``palette``, and the Markdown
  extensions admonition, pymdownx.details, attr_list, tables and toc with permalinks.
  ``validation: anchors: warn`` maps to Zensical's check of link anchors: with ``--strict`` a link
  to a missing anchor fails its build as it fails Material's.
- Look: Zensical's default theme variant is "modern"; ``theme: variant: classic`` (which MkDocs
  Material accepts and ignores) would keep Material's look. Not compared here.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.absprung.leitfaden.test_website import site  # noqa: F401 - the shared Material build, as fixture
from tests.helpers import ROOT

ZENSICAL_FEHLT = "zensical fehlt – make einrichten installiert es"
FUSSZEILE = "Ausführbarer Leitfaden: erzeugt aus den Szenarien"
# Zensical colours its messages whatever the terminal (NO_COLOR included).
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture(scope="session")
def zensical(site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:  # noqa: F811
    """Zensical's build of the pages generated for the Material build; returns its site folder."""
    if importlib.util.find_spec("zensical") is None:
        pytest.fail(ZENSICAL_FEHLT, pytrace=False)
    target = tmp_path_factory.mktemp("zensical")
    shutil.copy2(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    # site.parent holds the docs that `python -m absprung.leitfaden` generated for the Material build.
    shutil.copytree(site.parent / "docs", target / "docs")
    # Zensical has no output option: site_dir of mkdocs.yml ("site"), beside the config file.
    build = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(target / "mkdocs.yml")],
        cwd=target, capture_output=True, text=True, timeout=300)
    meldung = ANSI.sub("", f"{build.stdout}\n{build.stderr}")
    assert build.returncode == 0, f"zensical build --strict scheiterte:\n{meldung[-6000:]}"
    return target / "site"


class _Anker(HTMLParser):
    """Ids inside <article> (headings, {#…} and <span id>/<a id> aliases), without the theme's own (__…)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.im_artikel = 0
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.im_artikel += 1
        ident = dict(attrs).get("id")
        if self.im_artikel and ident and not ident.startswith("__"):
            self.ids.add(ident)

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.im_artikel:
            self.im_artikel -= 1


def _anker(seite: Path) -> set[str]:
    parser = _Anker()
    parser.feed(seite.read_text(encoding="utf-8"))
    parser.close()
    return parser.ids


def _seiten(site_dir: Path) -> set[str]:
    """The built pages of docs/ as relative paths. Left out: the themes' files under assets/ and 404.html,
    which comes from the theme, not from docs/; the search index and sitemap are no .html files."""
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")
            if p.relative_to(site_dir).parts[0] != "assets" and p.name != "404.html"}


def _unterschied(material: set[str], zensical: set[str]) -> str:
    return f"nur bei Material: {sorted(material - zensical)}; nur bei Zensical: {sorted(zensical - material)}"


def test_zensical_baut_dieselben_seiten(site: Path, zensical: Path) -> None:  # noqa: F811
    material, neu = _seiten(site), _seiten(zensical)
    assert len(material) >= 20, sorted(material)
    assert neu == material, f"Zensical baut andere Seiten als Material – {_unterschied(material, neu)}"


def test_zensical_hat_auf_jeder_seite_dieselben_anker(site: Path, zensical: Path) -> None:  # noqa: F811
    abweichend = {}
    for seite in sorted(_seiten(site) & _seiten(zensical)):
        material, neu = _anker(site / seite), _anker(zensical / seite)
        assert material, f"{seite}: keine Anker im Material-Build gefunden"
        if neu != material:
            abweichend[seite] = _unterschied(material, neu)
    assert not abweichend, "Zensical setzt andere Anker als Material:\n" + "\n".join(
        f"{seite}: {text}" for seite, text in abweichend.items())


def test_zensical_sucht_deutsch_auch_aus_dem_dateisystem(zensical: Path) -> None:
    """Zensical's index carries the theme's language (it ignores the search plugin's lang) and is also
    bundled as search.js, which the search loads where the site is opened as a file (offline plugin)."""
    index = json.loads((zensical / "search.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["de"], f"Suchsprache nicht Deutsch: {index['config']}"
    assert any("Hauptfreischaltung" in item["text"] for item in index["items"]), "Hauptfreischaltung fehlt im Index"
    gebuendelt = zensical / "search.js"
    assert gebuendelt.is_file() and gebuendelt.read_text(encoding="utf-8").startswith("var __index = "), \
        "search.js fehlt: ohne sie sucht die Website aus dem Dateisystem nicht"
    assert '<html lang="de"' in (zensical / "index.html").read_text(encoding="utf-8"), "Seitensprache nicht Deutsch"


def test_zensical_fusszeile_deutsch(zensical: Path) -> None:
    seite = (zensical / "index.html").read_text(encoding="utf-8")
    assert FUSSZEILE in seite, "Zensical zeigt die deutsche Fußzeile (copyright) nicht"
    assert "Made with" not in seite, "Zensical zeigt „Made with …“ trotz extra.generator: false"


def test_zensical_laedt_nichts_von_fremden_hosts(zensical: Path) -> None:
    """Without our own iframe-worker shim among the polyfills, Zensical would load it from unpkg.com."""
    fremd = re.compile(r"""(?:src|href)=["'](?:https?:)?//""")
    befunde: list[str] = []
    for seite in zensical.rglob("*.html"):
        text = seite.read_text(encoding="utf-8")
        if "fonts.googleapis" in text or "fonts.gstatic" in text:
            befunde.append(f"{seite.relative_to(zensical)}: Google Fonts")
        befunde += [f"{seite.relative_to(zensical)}: {tag}"
                    for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text) if fremd.search(tag)]
    assert not befunde, "Zensical-Seiten laden von fremden Hosts:\n" + "\n".join(befunde)
