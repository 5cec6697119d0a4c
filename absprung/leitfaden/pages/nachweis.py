"""Traceability: per guide statement, the scenarios that prove it and their last outcome."""

from __future__ import annotations

from collections import defaultdict

from absprung.aussagen import AUSSAGEN, KAPITEL_VON, Aussage, spanne
from absprung.record.model import FAILED, STATUS_WORDS

from .. import pfade
from ..markdown import STATUS_SYMBOLS, admonition, cell, link, table
from ..site import Site
from .common import history_lines, scenario_link

PAGE = pfade.NACHWEIS


def pages(site: Site) -> dict[str, str]:
    uncovered = [a.id for a in AUSSAGEN if not site.proving(a.id)]
    parts = [
        "# Nachweis je Leitfaden-Aussage", site.stand(),
        "Jede Aussage des Leitfadens, nach der jemand handelt oder die man beobachten kann, hat eine feste "
        f"Kennung ({spanne()}). Szenarien mit der Markierung `@Gxx` belegen sie; hier steht je Aussage, "
        "welche Szenarien das sind und wie sie im letzten Lauf ausgegangen sind.",
        f"**{len(AUSSAGEN) - len(uncovered)} von {len(AUSSAGEN)} Aussagen sind durch Szenarien belegt.**",
    ]
    if uncovered:
        parts.append(admonition("danger", "Nicht belegt: " + ", ".join(uncovered),
                                "Für diese Aussagen gibt es noch kein Szenario. Bis eines sie prüft, ist nicht "
                                "gezeigt, dass der Leitfaden hier stimmt."))
    failing = [a.id for a in AUSSAGEN if site.statement_status(a.id) == FAILED]
    if failing:
        parts.append(admonition("warning", "Im letzten Lauf fehlgeschlagen: " + ", ".join(failing),
                                "Mindestens ein Szenario zu diesen Aussagen ist fehlgeschlagen; hier ist der "
                                "Leitfaden zurzeit nicht bestätigt."))
    parts.append(table(("Aussage", "Kapitel", "Inhalt", "Szenarien", "Ergebnis", "Verlauf"),
                       (_row(site, a) for a in AUSSAGEN)))
    parts += [_section(site, a) for a in AUSSAGEN]
    return {PAGE: "\n\n".join(parts) + "\n"}


def _row(site: Site, a: Aussage) -> tuple[str, ...]:
    k = KAPITEL_VON[a.id]
    status = site.statement_status(a.id)
    result = "**nicht belegt**" if status == "nicht belegt" else _count_statuses(site, a.id)
    verlaeufe = site.statement_verlauf(a.id)
    hinweise = ", ".join(f"**{h}**" for h in verlaeufe[0].hinweise()) if verlaeufe else ""
    return (f"[{a.id}](#{a.id.lower()})", f"[{k.titel}]({link(PAGE, pfade.kapitel(k), a.id.lower())})",
            cell(a.titel), str(len(site.proving(a.id))), result, hinweise or "–")


def _count_statuses(site: Site, statement_id: str) -> str:
    counts: dict[str, int] = defaultdict(int)
    for sc in site.proving(statement_id):
        counts[site.outcomes[sc.anchor].status] += 1
    return ", ".join(f"{STATUS_SYMBOLS[s]} {n} {STATUS_WORDS[s]}" for s, n in counts.items())


def _section(site: Site, a: Aussage) -> str:
    k = KAPITEL_VON[a.id]
    head = [f"## {a.id} – {a.titel} {{#{a.id.lower()}}}",
            f"**Kapitel:** [{k.titel}]({link(PAGE, pfade.kapitel(k), a.id.lower())})",
            f"**Nachweis verlangt:** {a.nachweis}"]
    scenarios = site.proving(a.id)
    if not scenarios:
        head.append(admonition("danger", "nicht belegt", f"Kein Szenario trägt die Markierung `@{a.id}`."))
    else:
        head.append("\n".join(f"- {scenario_link(site, PAGE, sc)}" for sc in scenarios))
    verlaeufe = site.statement_verlauf(a.id)
    if verlaeufe:
        head.append(f"**Verlauf** ([alle Läufe]({link(PAGE, pfade.VERLAUF)})):\n\n{history_lines(verlaeufe)}")
    return "\n\n".join(head)
