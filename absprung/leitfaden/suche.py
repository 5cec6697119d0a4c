"""Search where the site is opened from the file system (``site/index.html``).

Material's offline plugin bundles the search index as a script; browsers still refuse a web worker from
``file://``, which the ``iframe-worker`` shim (npm, installed by ``make``) stands in for. The plugin would
load that shim from unpkg.com – the site loads nothing from other hosts, so the generator puts the
installed copy next to the pages and ``mkdocs.yml`` names it (``extra.polyfills``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from .pfade import GENERATED

SHIM = Path("node_modules") / "iframe-worker" / "shim" / "index.js"
ZIEL = f"{GENERATED}/javascripts/iframe-worker-shim.js"  # as named in mkdocs.yml (extra.polyfills)


def shim_bereitstellen(root: Path, docs: Path) -> str | None:
    """Copies the shim; a German warning where npm did not install it (search then only over HTTP)."""
    quelle = root / SHIM
    if not quelle.is_file():
        return (f"{SHIM} fehlt („npm ci“ im Projektordner, macht make): Die Suche der Website funktioniert dann "
                "nur über einen Webserver, nicht aus dem Dateisystem.")
    ziel = docs / ZIEL
    ziel.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(quelle, ziel)
    return None
