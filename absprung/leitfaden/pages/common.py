"""Pieces several pages share: a scenario's link with its status, a screenshot with its caption, the
history of a scenario or statement."""

from __future__ import annotations

from absprung.record.verlauf import Verlauf

from ..gherkin import Scenario
from ..markdown import STATUS_SYMBOLS, german_date, link, md, status_text
from ..pfade import PICTURES, SZENARIEN
from ..site import Shot, Site


def scenario_link(site: Site, page: str, sc: Scenario) -> str:
    return f"[{md(sc.titel)}]({link(page, SZENARIEN, sc.anchor)}) – {status_text(site.outcomes[sc.anchor].status)}"


def picture(page: str, shot: Shot, origin: str = "") -> str:
    """The screenshot captioned in the guide's own words (its name in ``absprung.bilder``), then where from."""
    target = link(page, f"{PICTURES}/{shot.file}")
    caption = md(shot.name) + (f" – {origin}" if origin else "")
    if shot.stand:  # from the archive: its scenario did not pass in this run
        caption += (f" – Stand {shot.stand}, aus dem letzten bestandenen Lauf; im aktuellen Lauf: "
                    f"{status_text(shot.jetzt)}")
    return f"![{caption}]({target})\n\n*{caption}*"


def history_lines(verlaeufe: list[Verlauf], letzte: int = 10) -> str:
    """Per target: its last runs as symbols (oldest first), the transition, when it last passed."""
    zeilen = []
    for v in verlaeufe:
        folge = " ".join(STATUS_SYMBOLS.get(s, "?") for _, s in v.ergebnisse[-letzte:])
        teile = [f"gegen „{md(v.ziel)}“: {folge}"]
        teile += [f"**{h}**" for h in v.hinweise()]
        seit = v.fehlgeschlagen_seit
        if seit:
            teile.append(f"fehlgeschlagen seit {german_date(seit)}")
        bestanden = v.zuletzt_bestanden
        teile.append(f"zuletzt gegen „{md(v.ziel)}“ bestanden am {german_date(bestanden)}" if bestanden
                     else f"gegen „{md(v.ziel)}“ im Verlauf nie bestanden")
        zeilen.append("- " + " · ".join(teile))
    return "\n".join(zeilen)
