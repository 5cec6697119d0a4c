"""All scenarios, per feature file in the order of the guide, each with a stable anchor."""

from __future__ import annotations

from typing import Sequence

from absprung.aussagen import AUSSAGE, IDS
from absprung.record.model import FAILED, NOT_RUN
from absprung.ursachen import URSACHE

from .. import pfade
from ..gherkin import Examples, Feature, Scenario, Step
from ..markdown import admonition, cell, code_block, link, md, status_text, table
from ..site import Site
from .common import history_lines, picture
from .leitfaden import chapter_of

PAGE = pfade.SZENARIEN


def pages(site: Site) -> dict[str, str]:
    parts = ["# Szenarien", site.stand(),
             "Alle Szenarien aus `features/`, je Datei. Jedes Szenario hat einen festen Anker, der sich mit dem "
             "Ergebnis nicht ändert – Links darauf taugen für Support-Tickets."]
    if not site.features:
        parts.append(admonition("info", "Noch keine Szenarien", "In `features/` gibt es noch keine Szenarien."))
    for feature in sorted(site.features, key=_guide_position):
        parts.append(f"## {md(feature.name)} {{#{feature.anchor}}}")
        parts.append(f"Datei: `{feature.file}`" + (f"\n\n{md(feature.description)}" if feature.description else ""))
        parts += [_scenario(site, sc) for sc in feature.scenarios]
    return {PAGE: "\n\n".join(parts) + "\n"}


def _guide_position(feature: Feature) -> tuple[int, str]:
    """Features in the order of the guide chapters they prove; untagged ones last."""
    ids = [IDS.index(i) for sc in feature.scenarios for i in sc.guide_ids]
    return (min(ids) if ids else len(IDS), feature.file)


def _scenario(site: Site, sc: Scenario) -> str:
    outcome = site.outcomes[sc.anchor]
    guide = ", ".join(f"[{i}]({link(PAGE, chapter_of(i), i.lower())})" for i in sc.guide_ids)
    others = " ".join(f"`@{t}`" for t in sorted(sc.tags) if t not in AUSSAGE)
    facts = [f"**Letzter Lauf:** {status_text(outcome.status)}"
             + (f" ({outcome.duration:.2f} s)".replace(".", ",") if outcome.status != NOT_RUN else "")
             + (f" · Teil {', '.join(outcome.parts)}" if outcome.parts else ""),
             f"**Leitfaden:** {guide}" if guide else "**Leitfaden:** keine Markierung",
             f"**Markierungen:** {others}" if others else ""]
    parts = [f"### {md(sc.titel)} {{#{sc.anchor}}}", *([sc.alias] if sc.alias else []),
             "  \n".join(f for f in facts if f)]
    verlaeufe = site.scenario_verlauf(sc)
    if verlaeufe:
        parts.append(f"**Verlauf:**\n\n{history_lines(verlaeufe)}")
    if sc.description:  # keep the author's lines (e.g. "Symptom: …" and "Code: …") apart
        parts.append("  \n".join(_line(line) for line in sc.description.splitlines()))
    parts.append(render_steps(sc.steps))
    parts += [render_examples(e) for e in sc.examples]
    if outcome.status == FAILED and outcome.message:
        parts.append(admonition("failure", "Meldung des letzten Laufs", code_block(outcome.message[:2000])))
    if "doku" in sc.tags:
        parts += [picture(PAGE, shot) for shot in outcome.shots]
    return "\n\n".join(parts)


def _line(line: str) -> str:
    """A line of a description; a Fehlerbild's "Ursache: NAME" as the declared cause, linked."""
    label, _, name = line.strip().partition(":")
    u = URSACHE.get(name.strip()) if label == "Ursache" else None
    if u is None:
        return md(line)
    return f"Ursache: [{md(u.text)}]({link(PAGE, pfade.FEHLERBILDER, u.anker)})"


def render_steps(steps: Sequence[Step]) -> str:
    lines = []
    for step in steps:
        lines.append(f"- **{md(step.keyword)}** {md(step.text)}")
        if step.table:
            rows = table([cell(c) for c in step.table[0]], ([cell(c) for c in r] for r in step.table[1:]))
            lines += ["", *(f"    {line}" for line in rows.splitlines()), ""]
        if step.docstring is not None:
            lines += ["", *(f"        {line}" for line in step.docstring.splitlines()), ""]
    return "\n".join(lines)


def render_examples(examples: Examples) -> str:
    title = f"**Beispiele{': ' + md(examples.name) if examples.name else ''}**"
    if not examples.header:
        return title
    return title + "\n\n" + table([cell(h) for h in examples.header], ([cell(c) for c in r] for r in examples.rows))
