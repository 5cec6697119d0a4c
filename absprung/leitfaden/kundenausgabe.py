"""The customer edition of the guide: what a broker's office follows – the guide's text in its order, the
current pictures captioned in the guide's own words, the menu paths, and the Fehlerbilder as "Wenn … dann
…". No statement IDs, commits, run states, scenario names or Gherkin: that is the QA edition.

The same Markdown is a page of the site (``generiert/kundenausgabe.md``) and, printed by Chromium, one PDF
with table of contents and page numbers (``site/leitfaden-kundenausgabe.pdf``, ``absprung.druck``).
"""

from __future__ import annotations

import re
from typing import Callable

from absprung.aussagen import AUSGANGSSITUATION, KAPITEL, LOESUNG, TITEL, im_kapitel
from absprung.slug import slug
from absprung.ursachen import SYMPTOME, URSACHEN, Ursache

from .markdown import md
from .site import Site

UNTERTITEL = "Ausgabe für Maklerbüros"
PDF = "leitfaden-kundenausgabe.pdf"  # in the site's root folder
AUSSERDEM = "Wenn der Absprung auf andere Weise nicht wie erwartet klappt"


def ohne_verweise(text: str) -> str:
    """Links to the QA edition's pages mean nothing on paper: their words stay, the link goes – and a
    reference to the project's assumptions ("(siehe Annahme A14)") goes altogether: that is QA's business."""
    text = re.sub(r"\s*\(siehe \[Annahme\s+A\d+\]\([^)]*\)\)", "", text)
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)


def _wenn_dann(u: Ursache) -> str:
    return (f"- **{md(u.frage)}** Wenn nicht, dann: {md(u.behebung)}  \n"
            f"  *Wo Sie nachsehen:* {md(u.pfad)}")


def fehlerbilder() -> str:
    """Per symptom the questions in the order of the data flow, each with what to do if the answer is no."""
    teile = ["## Wenn etwas nicht klappt {#wenn-etwas-nicht-klappt}",
             "Gehen Sie die Fragen zu dem, was Sie sehen, der Reihe nach durch. Die erste Frage, die Sie mit "
             "„nein“ beantworten, führt zur Ursache; was dann zu tun ist, steht dabei."]
    gesehen: set[str] = set()
    for symptom in SYMPTOME:
        ursachen = [u for u in URSACHEN if u.uebung is not None and u.uebung.symptom == symptom]
        if not ursachen:
            continue
        gesehen |= {u.name for u in ursachen}
        teile += [f"### Wenn Sie sehen: „{md(symptom)}“ {{#{slug('wenn ' + symptom)}}}",
                  "\n".join(_wenn_dann(u) for u in ursachen)]
    uebrige = [u for u in URSACHEN if u.name not in gesehen]
    if uebrige:
        teile += [f"### {AUSSERDEM} {{#{slug(AUSSERDEM)}}}", "\n".join(_wenn_dann(u) for u in uebrige)]
    return "\n\n".join(teile)


def markdown_text(site: Site, bild: Callable[[str], str], mit_titel: bool = True) -> str:
    """The whole edition; ``bild(file)`` is the link to a picture from where the text is shown."""
    teile = [f"# {TITEL}", f"*{UNTERTITEL}*"] if mit_titel else []
    teile += ["## Worum es geht {#worum-es-geht}", AUSGANGSSITUATION, LOESUNG]
    gezeigt: set[str] = set()
    for k in KAPITEL:
        teile += [f"## {k.titel} {{#{k.slug}}}", ohne_verweise(k.einleitung)]
        abschnitt = None
        for nummer, a in enumerate(im_kapitel(k), 1):
            if a.abschnitt and a.abschnitt != abschnitt:
                abschnitt = a.abschnitt
                intro = next(x.einleitung for x in k.abschnitte if x.titel == a.abschnitt)
                teile += [f"### {a.abschnitt}", *([ohne_verweise(intro)] if intro else [])]
            stufe = "####" if a.abschnitt else "###"
            teile += [f"{stufe} {f'{nummer}. ' if k.nummeriert else ''}{a.titel}", ohne_verweise(a.text)]
            for shot, _ in site.shots.get(a.id, []):
                if shot.file in gezeigt:
                    continue  # a picture once, where it first helps
                gezeigt.add(shot.file)
                teile += [f"![{md(shot.name)}]({bild(shot.file)})", f"*Bild: {md(shot.name)}*"]
    teile.append(fehlerbilder())
    return "\n\n".join(t for t in teile if t) + "\n"
