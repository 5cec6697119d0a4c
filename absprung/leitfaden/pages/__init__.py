"""The generated pages, one module per page or page family, listed in ``REGISTRY``.

Each module offers ``pages(site) -> {path under docs/: text}``. Only ``referenz`` imports the
fakes (their OpenAPI, rules and assumptions); every other page is built from the site model.
"""

from __future__ import annotations

from typing import Callable

from ..site import Site
from . import (
    datenfluss,
    fehlerbilder,
    kundenausgabe,
    leitfaden,
    nachweis,
    referenz,
    szenarien,
    uebungen,
    verlauf,
    vertraege,
)

REGISTRY: tuple[Callable[[Site], dict[str, str]], ...] = (
    leitfaden.pages, nachweis.pages, szenarien.pages, fehlerbilder.pages, referenz.pages, datenfluss.pages,
    uebungen.pages, vertraege.pages, verlauf.pages, kundenausgabe.pages,
)


def render_all(site: Site) -> dict[str, str]:
    result: dict[str, str] = {}
    for pages in REGISTRY:
        result.update(pages(site))
    return result
