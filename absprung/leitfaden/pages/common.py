"""Pieces several pages share: a scenario's link with its status, a screenshot with its caption."""

from __future__ import annotations

from ..gherkin import Scenario
from ..markdown import link, md, status_text
from ..pfade import PICTURES, SZENARIEN
from ..site import Shot, Site


def scenario_link(site: Site, page: str, sc: Scenario) -> str:
    return f"[{md(sc.titel)}]({link(page, SZENARIEN, sc.anchor)}) – {status_text(site.outcomes[sc.anchor].status)}"


def picture(page: str, shot: Shot, origin: str = "") -> str:
    target = link(page, f"{PICTURES}/{shot.file}")
    step = md(f"{shot.keyword} {shot.step}".strip())
    caption = f"Bildschirmfoto beim Schritt „{step}“" + (f" {origin}" if origin else "")
    if shot.stand:  # from the archive: its scenario did not pass in this run
        caption += (f" – Stand {shot.stand}, aus dem letzten bestandenen Lauf; im aktuellen Lauf: "
                    f"{status_text(shot.jetzt)}")
    return f"![{caption}]({target})\n\n*{caption}*"
