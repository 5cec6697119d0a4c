"""Fehlerbilder as a decision path: per symptom the causes in data-flow order, each with the question
that tells it apart, the code and message that identify it, its Ursache and Behebung; then every
cause once, with its own anchor (``#ursache-NAME``) – where the diagnosis links.

Order, questions, Ursache and Behebung come from the declared causes (``absprung.ursachen``), the
messages of the codes from the fakes' rule register (through ``referenz``): one fact, one place.
"""

from __future__ import annotations

import re
from collections import defaultdict

from absprung.aussagen import AUSSAGE
from absprung.slug import slug
from absprung.ursachen import URSACHEN, Ursache, rang
from absprung.ursachen.aufgaben import AUFGABE

from .. import pfade
from ..fehlerbilder import Fehlerbild, search_words
from ..markdown import admonition, cell, code_anchor, link, md, table
from ..site import Site
from .common import scenario_link
from .leitfaden import chapter_of
from .referenz import rule_register
from .szenarien import render_examples, render_steps

PAGE = pfade.FEHLERBILDER
# Front matter: Material ranks this page higher in the search, because support staff search with
# the caller's words or a code from the launch log and should land on the Fehlerbild first.
SEARCH_BOOST = "---\nsearch:\n  boost: 4\n---\n\n"
# What a caller adds to a symptom in his own words; part of the heading, so the search weighs it.
ZUSATZ = {"Thinksurance öffnet sich, aber ohne Kundendaten": "leeres Formular, keine Vorbelegung"}
PROTOKOLL = ("Das **Absprung-Protokoll** steht im con:center unter „Protokoll“ (in der Schulungsumgebung "
             "`…/protokoll`, als Schnittstelle `GET /api/protokoll`): je Absprung das Ergebnis, der Schritt, der "
             "Grund und ein Code – bei Ablehnungen der assfinet cloud oder von Thinksurance steht deren Code in "
             "Klammern im Grund. Dass das echte con:center ein Protokoll in genau dieser Form führt, ist eine "
             "Annahme des Modells ([A02]({annahmen}#a02), [A17]({annahmen}#a17)).")


def pages(site: Site) -> dict[str, str]:
    annahmen = link(PAGE, pfade.ANNAHMEN)
    parts = [SEARCH_BOOST + "# Fehlerbilder: Symptom, Ursache, Behebung", site.stand(),
             "Ruft jemand an, weil der Absprung nicht wie erwartet funktioniert: Symptom wählen und die Fragen "
             "der Reihe nach stellen – sie folgen dem Datenfluss (ams.5 → con:center → assfinet cloud → "
             "Thinksurance), die schnell geprüften zuerst. Die erste Frage mit der falschen Antwort führt zur "
             "Ursache. Suchen lässt sich auch nach den Worten des Anrufers oder nach einem Code aus dem "
             "Absprung-Protokoll.",
             "Den ganzen Weg geht die Diagnose in einem Befehl, nur lesend: `python -m absprung diagnose --ziel "
             "PROFIL --benutzer KUERZEL --kunde KUNDENNUMMER` (siehe README, „Die Einrichtung eines Kunden "
             "prüfen“). Sie nennt die erste Ursache mit einem Verweis auf ihr Fehlerbild hier.",
             admonition("info", "Wo das Absprung-Protokoll steht", PROTOKOLL.format(annahmen=annahmen))]
    if not site.fehlerbilder:
        parts.append(admonition("info", "Noch keine Fehlerbilder", "Noch ist kein Szenario mit `@fehlerbild` markiert."))
        return {PAGE: "\n\n".join(parts) + "\n"}
    groups = _by_symptom(site.fehlerbilder)
    parts.append(table(("Symptom", "Mögliche Ursachen"), (
        (f"[{cell(symptom)}](#{symptom_anchor(symptom)})", str(len(found))) for symptom, found in groups)))
    for symptom, found in groups:
        parts.append(_symptom(site, symptom, found))
    parts.append(_ursachen(site))
    return {PAGE: "\n\n".join(parts) + "\n"}


def symptom_anchor(symptom: str) -> str:
    return "symptom-" + slug(symptom)


def _rang(f: Fehlerbild) -> tuple[int, str]:
    return rang(f.name), f.szenario.name


def _by_symptom(found: list[Fehlerbild]) -> list[tuple[str, list[Fehlerbild]]]:
    """Symptoms in the order of their first cause in the data flow; causes in data-flow order."""
    groups: dict[str, list[Fehlerbild]] = defaultdict(list)
    for f in found:
        groups[f.symptom].append(f)
    ordered = [(s, sorted(fs, key=_rang)) for s, fs in groups.items()]
    return sorted(ordered, key=lambda g: (_rang(g[1][0]), g[0]))


def _meldung(code: str) -> str:
    rule = rule_register().get(code)
    return re.sub(r"\{[^}]*\}", "…", rule.message) if rule else ""


def _symptom(site: Site, symptom: str, found: list[Fehlerbild]) -> str:
    zusatz = f" ({ZUSATZ[symptom]})" if symptom in ZUSATZ else ""
    parts = [f"## {md(symptom)}{md(zusatz)} {{#{symptom_anchor(symptom)}}}"]
    codes = [f for f in found if f.code]
    if codes:
        parts += ["**Was steht im Absprung-Protokoll oder in der Meldung?** Der Code führt direkt zum Fehlerbild; "
                  "teilen sich mehrere Ursachen einen Code, entscheidet die Frage.",
                  table(("Code", "Meldung", "Fehlerbild"), (
                      (f"`{f.code}`", cell(_meldung(f.code)), f"[{cell(f.szenario.titel)}](#{f.szenario.anchor})")
                      for f in codes))]
    schritte = []
    for i, f in enumerate(found, 1):
        frage = f.ursache.frage if f.ursache else "Trifft die Ursache zu?"
        schritte.append(f"{i}. **{md(frage)}** Nein → [{md(f.szenario.titel)}](#{f.szenario.anchor})")
    parts += ["**Der Reihe nach fragen** (Ja heißt: weiter mit der nächsten Frage):", "\n".join(schritte)]
    parts += [_fehlerbild(site, f) for f in found]
    return "\n\n".join(parts)


def _fehlerbild(site: Site, f: Fehlerbild) -> str:
    sc, u = f.szenario, f.ursache
    words = [md(w) for w in (f.code, *search_words(f)) if w]
    cause = md(u.text) if u else "Laut Szenario:\n\n" + render_steps(
        [s for s in sc.steps if s.keyword in ("Angenommen", "Gegeben sei")] or sc.steps)
    guide_steps = [f"[{i} {md(AUSSAGE[i].titel)}]({link(PAGE, chapter_of(i), i.lower())})" for i in sc.guide_ids]
    fix = md(u.behebung) if u else ("Den Leitfaden-Schritt ausführen: " + ", ".join(guide_steps)
                                    if guide_steps else "Noch nicht beschrieben.")
    erkennbar = []
    if f.code:
        ref = link(PAGE, pfade.FEHLERCODES, code_anchor(f.code))
        erkennbar.append(f"Code [`{f.code}`]({ref}): „{md(_meldung(f.code))}“")
    if u:
        erkennbar.append(f"Frage: {md(u.frage)} Von Hand: {md(u.pfad)}.")
        if _diagnostizierbar(u):
            erkennbar.append(f"Die Diagnose meldet „{md(u.pruefung)}: fehlt“ ([Ursache `{u.name}`](#{u.anker})).")
    parts = [f"### {md(sc.titel)} {{#{sc.anchor}}}", *([sc.alias] if sc.alias else []),
             f"**Suchbegriffe:** {' · '.join(words)}" if words else "",
             md(f.hinweis) if f.hinweis else "",
             admonition("question", "Erkennbar an", "\n\n".join(erkennbar)) if erkennbar else "",
             admonition("failure", "Ursache", cause), admonition("success", "Behebung", fix),
             *(render_examples(e) for e in sc.examples),
             f"**Leitfaden:** {', '.join(guide_steps)}" if guide_steps else "",
             f"**Geprüft durch:** {scenario_link(site, PAGE, sc)}"]
    return "\n\n".join(p for p in parts if p)


def _diagnostizierbar(u: Ursache) -> bool:
    return u.pruefen is not None or bool(u.rechte)


def _ursachen(site: Site) -> str:
    """Every declared cause once, under its own anchor: the diagnosis links here."""
    zeigen: dict[str, list[Fehlerbild]] = defaultdict(list)
    for f in site.fehlerbilder:
        zeigen[f.name].append(f)
    parts = ["## Alle Ursachen {#ursachen}",
             "Jede Ursache einmal, in der Reihenfolge des Datenflusses – mit der Frage, die sie erkennt, wo man von "
             "Hand nachsieht, der Behebung und den Fehlerbildern, in denen sie sich zeigt. Die Diagnose verweist "
             "auf diese Abschnitte."]
    for u in URSACHEN:
        leitfaden = ", ".join(f"[{i}]({link(PAGE, chapter_of(i), i.lower())})" for i in u.leitfaden if i in AUSSAGE)
        bilder = ", ".join(f"[{md(f.szenario.titel)}](#{f.szenario.anchor})" for f in zeigen[u.name])
        codes = ", ".join(f"[`{c}`]({link(PAGE, pfade.FEHLERCODES, code_anchor(c))})" for c in u.codes)
        zeilen = [f"**Frage:** {md(u.frage)} **Von Hand:** {md(u.pfad)}.",
                  f"**Ursache:** {md(u.text)}", f"**Behebung:** {md(u.behebung)}",
                  f"**Erkennbar an:** {codes}" if codes else "",
                  (f"**Diagnose:** „{md(u.pruefung)}“" if _diagnostizierbar(u) else
                   "**Diagnose:** keine Prüfung – die Ursache zeigt sich als Ablehnung beim Einrichten."),
                  f"**Fehlerbilder:** {bilder}" if bilder else "",
                  f"**Übung:** `python -m fakes --uebung {AUFGABE[u.name].name}`" if u.uebung else "",
                  f"**Leitfaden:** {leitfaden}" if leitfaden else ""]
        parts.append(f"### {md(u.pruefung)} {{#{u.anker}}}\n\n" + "\n\n".join(z for z in zeilen if z))
    return "\n\n".join(parts)
