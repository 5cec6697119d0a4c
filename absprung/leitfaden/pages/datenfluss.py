"""The data-flow diagram as SVG, drawn here so the site needs no JavaScript or CDN."""

from __future__ import annotations

import html

from basis.systeme import datenfluss

from .. import pfade
from ..site import Site
from .referenz import flow_facts

# The broker's browser, then the systems in the order the data flows (``basis.systeme``).
BROWSER = "browser"
PARTICIPANTS = ((BROWSER, "Browser"), *((s.name, s.titel) for s in datenfluss()))


def pages(site: Site) -> dict[str, str]:
    return {pfade.DIAGRAMM: render()}


def messages() -> list[tuple[int, int, bool, tuple[str, ...]]]:
    """(from, to, is_answer, label lines); durations come from the fakes' constants."""
    f = flow_facts()
    at = {name: i for i, (name, _) in enumerate(PARTICIPANTS)}
    browser, ams, cc, cloud, ts = at[BROWSER], at["ams"], at["concenter"], at["cloud"], at["thinksurance"]
    return [
        (browser, ams, False, ("Kundenmaske → DigiPro →", "Produkt wählen")),
        (ams, cc, False, ("Absprung übergeben: Login,", "Produkt, Kunde, Haupt-E-Mail,", "cloud Benutzer (nur mit",
                          "„Maklerextranet aktivieren“)")),
        (cc, ams, True, ("Absprung-Link", f"({f['start_s']} s, einmal verwendbar)")),
        (ams, browser, True, ("Weiterleitung", "auf den Absprung-Link")),
        (browser, cc, False, ("Absprung-Link öffnen",)),
        (cc, cloud, False, ("TaaData (Kunde, cloud Benutzer)", "Bearer: AccessToken", "= Collaboration API Token")),
        (cloud, cc, True, ("Kundendaten – oder", "Ablehnung mit Fehlercode")),
        (cc, ts, False, ("V1.1 Authentication:", "Partner-hash und -secret")),
        (ts, cc, True, (f"Security-Token ({f['token_min']} Minuten gültig)",)),
        (cc, ts, False, ("Broker Forward: X-Broker-Token = btoken,", "bExternalId = cloud Benutzer,",
                         "bEmail = Haupt-E-Mail, Kundendaten")),
        (ts, cc, True, ("{\"url\": Switch-URL}",)),
        (cc, browser, True, ("Weiterleitung auf die Switch-URL",)),
        (browser, ts, False, (f"Switch-URL öffnen ({f['switch_s']} s, einmal verwendbar)",)),
        (ts, browser, True, ("Gewerbeplattform mit vorbelegten Kundendaten",)),
    ]


def render() -> str:
    gap, left, top, line_h = 185, 95, 50, 17
    xs = [left + i * gap for i in range(len(PARTICIPANTS))]
    body, y = [], top + 30
    for start, end, answer, lines in messages():
        y += line_h * len(lines) + 10
        body.append(_arrow(xs[start], xs[end], y, answer))
        mid = (xs[start] + xs[end]) / 2
        for n, text in enumerate(lines):
            ty = y - 7 - (len(lines) - 1 - n) * line_h
            body.append(f'<text x="{mid:.0f}" y="{ty}" class="m">{html.escape(text)}</text>')
        y += 14
    height = y + 40
    width = xs[-1] + left
    heads = [_head(x, top, titel) for x, (_, titel) in zip(xs, PARTICIPANTS)]
    lifelines = [f'<line x1="{x}" y1="{top + 18}" x2="{x}" y2="{height - 10}" class="l"/>' for x in xs]
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="Ablauf des Absprungs aus ams.5 nach Thinksurance">',
        "<title>Ablauf des Absprungs aus ams.5 nach Thinksurance</title>",
        "<defs><marker id=\"p\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
        "orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#333\"/></marker></defs>",
        "<style>text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;fill:#222}"
        ".h{font-size:16px;font-weight:600;text-anchor:middle}"
        ".m{font-size:13.5px;text-anchor:middle;paint-order:stroke;stroke:#fff;stroke-width:4px}"
        ".l{stroke:#999;stroke-dasharray:4 4}.a{stroke:#333;stroke-width:1.4}"
        ".r{stroke:#333;stroke-width:1.2;stroke-dasharray:6 4}</style>",
        f'<rect width="{width}" height="{height}" fill="#fff"/>',
        *lifelines, *heads, *body, "</svg>", ""])


def _head(x: int, top: int, name: str) -> str:
    return (f'<rect x="{x - 80}" y="{top - 22}" width="160" height="40" rx="6" fill="#e8eaf6" stroke="#3f51b5"/>'
            f'<text x="{x}" y="{top + 4}" class="h">{html.escape(name)}</text>')


def _arrow(x1: int, x2: int, y: int, answer: bool) -> str:
    return f'<line x1="{x1}" y1="{y}" x2="{x2}" y2="{y}" class="{"r" if answer else "a"}" marker-end="url(#p)"/>'
