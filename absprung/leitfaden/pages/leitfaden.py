"""The guide itself: an overview and one page per chapter, step by step in the original's order."""

from __future__ import annotations

from absprung.aussagen import AUSGANGSSITUATION, KAPITEL, KAPITEL_VON, LOESUNG, TITEL, Aussage, Kapitel, im_kapitel
from absprung.record.model import PASSED
from absprung.slug import slug

from .. import pfade
from ..markdown import admonition, link, md, table
from ..site import Site
from .common import picture, scenario_link


def pages(site: Site) -> dict[str, str]:
    return {pfade.GUIDE_INDEX: index(site), **{pfade.kapitel(k): chapter(site, k) for k in KAPITEL}}


def index(site: Site) -> str:
    rows = []
    for k in KAPITEL:
        ids = [a.id for a in im_kapitel(k)]
        covered = sum(1 for i in ids if site.proving(i))
        passed = sum(1 for i in ids if site.statement_status(i) == PASSED)
        rows.append((f"[{k.titel}]({link(pfade.GUIDE_INDEX, pfade.kapitel(k))})", str(len(ids)),
                     f"{covered} von {len(ids)}", f"{passed} von {len(ids)}"))
    return "\n\n".join([
        f"# {TITEL}", site.stand(),
        "Der Leitfaden von assfinet, Kapitel für Kapitel und Schritt für Schritt in der Reihenfolge des "
        "Originals. Zu jedem Schritt steht, welche Szenarien ihn prüfen, wie sie im letzten Lauf ausgegangen "
        "sind, und – wo vorhanden – ein aktuelles Bildschirmfoto aus den nachgebildeten Systemen.",
        "## Ausgangssituation", AUSGANGSSITUATION, "## Lösung", LOESUNG, "## Vorgehen",
        table(("Kapitel", "Schritte", "durch Szenarien belegt", "im letzten Lauf bestanden"), rows),
        admonition("note", "Aktuell und historisch",
                   "Dieser Leitfaden (assfinet, Stand Mai 2024) ist aktuell. Die dem Original beigefügte "
                   "Anleitung von Thinksurance (Stand 2020) ist historisch – siehe "
                   f"[Aktuell und historisch]({link(pfade.GUIDE_INDEX, pfade.HISTORY)})."),
    ]) + "\n"


def chapter(site: Site, k: Kapitel) -> str:
    parts = [f"# {k.titel}", site.stand(), k.einleitung]
    number, section = 0, None
    for a in im_kapitel(k):
        level = "###" if a.abschnitt else "##"
        if a.abschnitt and a.abschnitt != section:
            section = a.abschnitt
            intro = next(x.einleitung for x in k.abschnitte if x.titel == a.abschnitt)
            parts.append(f"## {a.abschnitt} {{#{slug(a.abschnitt)}}}")
            parts += [intro] if intro else []
        number += 1
        parts.append(_step(site, k, a, number, level))
    return "\n\n".join(parts) + "\n"


def _step(site: Site, k: Kapitel, a: Aussage, number: int, level: str) -> str:
    page = pfade.kapitel(k)
    prefix = f"{number}. " if k.nummeriert else ""
    statement = f"[{a.id}]({link(page, pfade.NACHWEIS, a.id.lower())})"
    parts = [f"{level} {prefix}{a.titel} {{#{a.id.lower()}}}", a.text,
             f"**Leitfaden-Aussage {statement}** – geprüft durch:" if site.proving(a.id) else "",
             _proof_list(site, page, a), _screenshots(site, page, a)]
    return "\n\n".join(p for p in parts if p)


def _proof_list(site: Site, page: str, a: Aussage) -> str:
    scenarios = site.proving(a.id)
    if not scenarios:
        return admonition("warning", f"{a.id} nicht belegt",
                          f"Noch prüft kein Szenario diesen Schritt (Markierung `@{a.id}`). Verlangt ist: {a.nachweis}")
    return "\n".join(f"- {scenario_link(site, page, sc)}" for sc in scenarios)


def _screenshots(site: Site, page: str, a: Aussage) -> str:
    shots = site.shots.get(a.id, [])
    if not shots:
        original = (f" Das Original verweist hier auf das Bild „{a.original_bild}“, das es nicht mitliefert."
                    if a.original_bild else "")
        return admonition("info", "Noch kein Bildschirmfoto",
                          "Für diesen Schritt gibt es noch kein Bildschirmfoto aus einem bestandenen Szenario mit "
                          f"der Markierung `@doku`.{original}")
    return "\n\n".join(picture(page, shot, f"aus dem Szenario „{md(sc.titel)}“") for shot, sc in shots)


def chapter_of(statement_id: str) -> str:
    """The chapter page of a statement (for links from other pages)."""
    return pfade.kapitel(KAPITEL_VON[statement_id])
