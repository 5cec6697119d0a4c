"""Writes the generated pages and the screenshots they show into ``docs/``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from absprung.slug import nfc

from . import bildarchiv
from .pages import render_all
from .pfade import GENERATED, PICTURES
from .site import Site, build_site


def used_pictures(site: Site) -> set[Path]:
    pictures = {shot.source for shots in site.shots.values() for shot, _ in shots}
    pictures |= {shot.source for sc in site.scenarios if "doku" in sc.tags for shot in site.outcomes[sc.anchor].shots}
    return pictures


def write_site(site: Site, docs: Path) -> int:
    """Recreate docs/generiert and docs/bilder; returns the number of pages written."""
    for folder in (docs / GENERATED, docs / PICTURES):
        shutil.rmtree(folder, ignore_errors=True)
    pages = render_all(site)
    for relative, text in pages.items():
        target = docs / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(nfc(text), encoding="utf-8")
    (docs / PICTURES).mkdir(parents=True, exist_ok=True)
    for source in used_pictures(site):
        shutil.copy2(source, docs / PICTURES / source.name)
    return sum(1 for p in pages if p.endswith(".md"))


def model(*, features: Path, run_json: Path | None, root: Path, archive: Path | None = None,
          vertraege: Path | None = None, history: Path | None = None) -> tuple[Site, bildarchiv.Shots]:
    """The site as the pages show it, and the screenshots of this run alone (before the archive filled in)."""
    site = build_site(features, run_json, root, history)
    if vertraege is not None and vertraege.is_file():
        try:
            site.vertragsstatus = json.loads(vertraege.read_text(encoding="utf-8"))
        except ValueError as f:
            site.warnings.append(f"{vertraege} ist unlesbar ({f}); die Verträge erscheinen ohne Prüfstand.")
    fresh = site.shots
    site.shots = bildarchiv.ergaenzen(fresh, site.scenarios, site.outcomes, archive)
    return site, fresh


def generate(*, features: Path, run_json: Path | None, docs: Path, root: Path,
             archive: Path | None = None, vertraege: Path | None = None, history: Path | None = None) -> Site:
    """``archive``: where the last good screenshots are kept (``bildarchiv``); None = no archive.
    ``vertraege``: the last contract verification (``python -m absprung vertraege pruefen --json``).
    ``history``: the history of runs (``reports/verlauf.jsonl``); None or missing = none yet."""
    site, fresh = model(features=features, run_json=run_json, root=root, archive=archive, vertraege=vertraege,
                        history=history)
    write_site(site, docs)
    bildarchiv.sichern(fresh, site.run, archive)
    return site
