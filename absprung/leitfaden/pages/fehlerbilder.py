"""Fehlerbilder: symptom, cause and fix of every @fehlerbild scenario, found by the callers' words."""

from __future__ import annotations

from absprung.aussagen import AUSSAGE
from absprung.slug import nfc

from .. import pfade
from ..fehlerbilder import Fehlerbild, search_words
from ..markdown import admonition, cell, link, md, table
from ..site import Site
from .common import scenario_link
from .leitfaden import chapter_of
from .szenarien import render_examples, render_steps

PAGE = pfade.FEHLERBILDER
# Front matter: MkDocs ignores unknown keys; Material ranks this page higher in the search, because
# support staff search with the caller's words and should land on the Fehlerbild first.
SEARCH_BOOST = "---\nsearch:\n  boost: 2\n---\n\n"


def pages(site: Site) -> dict[str, str]:
    parts = [SEARCH_BOOST + "# Fehlerbilder: Symptom, Ursache, Behebung", site.stand(),
             "Ruft jemand an, weil der Absprung nicht wie erwartet funktioniert, suchen Sie hier nach seinen Worten "
             "(zum Beispiel „Kundendaten fehlen“ oder „Produkt nicht in DigiPro“). Jedes Fehlerbild nennt die "
             "Ursache und die Behebung; ein Szenario zeigt, dass genau diese Ursache genau dieses Symptom macht. "
             "Die Ursache steht oft im Absprung-Protokoll des con:center."]
    found = sorted(site.fehlerbilder, key=lambda f: (nfc(f.symptom).lower(), f.szenario.name))
    if not found:
        parts.append(admonition("info", "Noch keine Fehlerbilder",
                                "Noch ist kein Szenario mit `@fehlerbild` markiert."))
        return {PAGE: "\n\n".join(parts) + "\n"}
    parts.append(table(("Symptom", "Ursache", "Details"),
                       ((cell(f.symptom), cell(f.ursache or "—"), f"[ansehen](#{f.szenario.anchor})") for f in found)))
    parts += [_fehlerbild(site, f) for f in found]
    return {PAGE: "\n\n".join(parts) + "\n"}


def _fehlerbild(site: Site, f: Fehlerbild) -> str:
    sc = f.szenario
    words = [md(w) for w in (*([f.symptom] if f.symptom != sc.name else []), *search_words(f))]
    cause = md(f.ursache) if f.ursache else "Laut Szenario:\n\n" + render_steps(
        [s for s in sc.steps if s.keyword in ("Angenommen", "Gegeben sei")] or sc.steps)
    guide_steps = [f"[{i} {md(AUSSAGE[i].titel)}]({link(PAGE, chapter_of(i), i.lower())})" for i in sc.guide_ids]
    fix = md(f.behebung) if f.behebung else ("Den Leitfaden-Schritt ausführen: " + ", ".join(guide_steps)
                                             if guide_steps else "Noch nicht beschrieben.")
    parts = [f"## {md(sc.name)} {{#{sc.anchor}}}",
             f"**Suchbegriffe:** {' · '.join(words)}" if words else "",
             md(f.hinweis) if f.hinweis else "",
             admonition("failure", "Ursache", cause), admonition("success", "Behebung", fix),
             *(render_examples(e) for e in sc.examples),
             f"**Leitfaden:** {', '.join(guide_steps)}" if guide_steps else "",
             f"**Geprüft durch:** {scenario_link(site, PAGE, sc)}"]
    return "\n\n".join(p for p in parts if p)
